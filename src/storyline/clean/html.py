"""Main text and metadata of an HTML page, by trafilatura.

Comments are left out (they are not the article); dates come from the page's markup only,
so a date found here is a stated one, not a guess from the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import trafilatura


@dataclass(frozen=True)
class HtmlOptions:
    """How trafilatura is asked to extract; ``favor_precision`` trades recall for less chrome."""

    favor_precision: bool = False
    include_tables: bool = True


def extract_html(
    html: str, url: str | None = None, options: HtmlOptions | None = None
) -> tuple[str, dict[str, Any]]:
    """Return (main text, metadata hints) of a page; empty text when nothing was found."""
    opts = options or HtmlOptions()
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=opts.include_tables,
        favor_precision=opts.favor_precision,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return "", {}
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    hints = {
        "title": data.get("title"),
        "date": data.get("date"),
        "outlet": data.get("sitename"),
        "author": data.get("author"),
        "description": data.get("description"),
        "url": data.get("url") or url,
        "hostname": data.get("hostname"),
        "language": data.get("language"),
    }
    return data.get("text") or "", {k: v for k, v in hints.items() if v}
