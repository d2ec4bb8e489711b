"""The comparison pages in a real browser (Playwright driving Debian's Chromium), on the five
seed articles (``../shared/seeds``, skipped without them) and on the demo corpus: the outlets'
names shown, no id where a name is due, the unknown outlet never counted as an outlet, and
every page readable at 390 px wide (no sideways scroll)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from storyline.web.local import local_server
from tests.cli import run
from tests.web.conftest import CHROMIUM

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Chromium not installed (apt-get install -y chromium)"
)
IDS = re.compile(r"\b(?:[0-9a-f]{16}|[EVS]\d+)\b")  # an article's, entity's, event's or story's id


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import shared_path

    seeds = shared_path("seeds")
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    ingested = run("ingest", str(seeds), "--db", str(db), "--quiet")
    assert ingested.returncode == 0, ingested.stderr
    return db


def _comparisons(base: str) -> list[tuple[str, dict[str, Any]]]:
    """Every story's comparison page and its events', with their JSON twins."""
    api = httpx.Client(base_url=base)
    out = []
    for s in api.get("/api/stories", params={"limit": 200}).json()["items"]:
        story = api.get(f"/api/stories/{s['id']}/compare").json()
        out.append((f"/stories/{s['id']}/compare", story))
        for e in (e["id"] for e in story["events"]):
            out.append((f"/events/{e}/compare", api.get(f"/api/events/{e}/compare").json()))
    return out


def _check(page: Any, path: str, twin: dict[str, Any]) -> None:
    """Names shown, no id, the unknown outlet apart, no sideways scroll at this width."""
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, (path, width)
    text = page.locator("main").inner_text()
    assert not IDS.search(text), (path, IDS.search(text))
    meta = page.locator("main > p.meta").first.inner_text()
    counted = [int(n) for n in re.findall(r"(\d+) outlets?\b", meta)]  # "1 article of unknown outlet": none
    assert counted == ([twin["known_outlets"]] if twin["known_outlets"] else []), meta
    if twin["kind"] == "event":
        shown = [h.split("\n")[0] for h in page.locator(".outlet-side h2").all_inner_texts()]
        sides = [s["outlet"] for s in (twin["comparison"] or {"outlets": []})["outlets"]]
        assert [h.removesuffix(" reported first").strip() for h in shown] == sides, path
        for side in (twin["comparison"] or {"outlets": []})["outlets"]:
            for v in side["voices"]:
                assert v["speaker"] in text
    else:
        shown = page.locator("ul.outlets > li > b").all_inner_texts()
        assert shown == [o["outlet"] for o in twin["outlets"]], path
    assert "unknown outlet" not in [h.strip().lower() for h in shown]


@pytest.mark.parametrize("corpus", ["seeds_db", "demo_db"])
def test_the_comparison_pages_on_a_desktop_and_a_phone(
    corpus: str, request: pytest.FixtureRequest, browser: Any
) -> None:
    db: Path = request.getfixturevalue(corpus)
    with local_server(db) as base:
        pages = _comparisons(base)
        assert pages and any(t["kind"] == "story" for _, t in pages)
        for viewport in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
            context = browser.new_context(viewport=viewport, is_mobile=viewport["width"] < 400)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc, seen=errors: seen.append(str(exc)))
            for path, twin in pages:
                page.goto(base + path)
                _check(page, path, twin)
            context.close()
            assert not errors
        if corpus == "demo_db":  # from the story page to its comparison, and on to an event's
            context = browser.new_context()
            page = context.new_page()
            story = next(
                t for p, t in pages if t["kind"] == "story" and any(e["compared"] for e in t["events"])
            )
            page.goto(f"{base}/stories/{story['id']}")
            page.click("text=the outlets over time")
            page.wait_for_url(f"**/stories/{story['id']}/compare")
            page.locator("a", has_text="side by side").first.click()
            page.wait_for_url("**/events/*/compare")
            assert page.locator(".outlet-side").count() >= 2
            context.close()
