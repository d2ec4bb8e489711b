"""Pages to HTML with Jinja2 (autoescaped): the same templates for the server and the static
report; only how links are written differs."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, select_autoescape

REPORT_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'"
)
"""The static report's policy, as a meta tag (a file has no headers; frame-ancestors, which
a meta tag cannot set, is left out)."""

PAGES = {
    "index": ("", "index"),
    "stories": ("stories", "stories/index"),
    "story": ("stories/{}", "stories/{}"),
    "event": ("events/{}", "events/{}"),
    "comparison": ("events/{}/compare", "compare/{}"),
    "storycomparison": ("stories/{}/compare", "compare/{}"),
    "entities": ("entities", "entities/index"),
    "entity": ("entities/{}", "entities/{}"),
    "article": ("articles/{}", "articles/{}"),
    "search": ("search", "search"),
    "alerts": ("alerts", "alerts"),
}


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("storyline.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


class Links:
    """Where a page links: absolute paths on the server, relative ``.html`` files in the
    report (``depth`` folders below its root)."""

    def __init__(self, report: bool = False, depth: int = 0) -> None:
        self.report, self.root = report, "../" * depth if report else "/"

    def __call__(self, kind: str, item: str | None = None, **params: Any) -> str:
        server, static = PAGES[kind]
        path = (static if self.report else server).format(quote(item or "", safe=""))
        hl = params.pop("hl", None)
        if self.report:
            url = f"{self.root}{path}.html"
            if kind == "search" and params.get("q"):
                url += "?" + urlencode({"q": params["q"]})
            return url + (f"?hl={quote(str(hl))}#hl" if hl else "")
        query = {k: v for k, v in params.items() if v not in (None, "")}
        if hl:
            query["hl"] = hl
        return f"/{path}" + (f"?{urlencode(query)}" if query else "") + ("#hl" if hl else "")

    def asset(self, name: str) -> str:
        return f"{self.root}static/{name}"


def render(template: str, data: Mapping[str, object], links: Links, json_twin: str = "") -> str:
    """One page's HTML from its data."""
    return (
        environment()
        .get_template(template)
        .render(
            **data,
            data=data,
            link=links,
            asset=links.asset,
            report=links.report,
            report_csp=REPORT_CSP,
            json_twin=json_twin,
        )
    )
