"""In a real browser (Playwright driving Debian's Chromium), as a user would: click through
the demo corpus, follow a citation to its highlighted span, filter a timeline, search; prove
that hostile content never runs; open the static report from disk."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.web.local import local_server
from tests.cli import run
from tests.web.conftest import CHROMIUM

if not Path(CHROMIUM).exists() and os.environ.get("STORYLINE_REQUIRE_BROWSER"):
    raise RuntimeError("STORYLINE_REQUIRE_BROWSER is set but Chromium is not installed")
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Chromium not installed (apt-get install -y chromium)"
)


def _serve(db: Path) -> Iterator[str]:
    with local_server(db) as url:
        yield url


@pytest.fixture(scope="module")
def server(demo_db: Path) -> Iterator[str]:
    yield from _serve(demo_db)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors
    yield pg
    context.close()


def test_click_through_the_demo_corpus(server: str, page: Any) -> None:
    page.goto(server + "/")
    assert "36" in page.locator("p.facts").inner_text()
    page.click("text=Stories")
    page.locator("ul.list li a").first.click()
    entries = page.locator(".timeline .entry")
    total = entries.count()
    assert total >= 2 and page.locator("h2", has_text="Summary").is_visible()
    kinds = page.locator("input[name=kind]")
    first_kind = kinds.first.get_attribute("value")
    kinds.first.uncheck()
    hidden = page.locator(f".timeline .entry.kind-{first_kind}.hidden").count()
    assert hidden == page.locator(f".timeline .entry.kind-{first_kind}").count() > 0
    kinds.first.check()
    assert page.locator(".timeline .entry.hidden").count() == 0
    cite = page.locator(".timeline .entry a.cite").first
    href = cite.get_attribute("href")
    cite.click()
    page.wait_for_url("**/articles/**")
    marked = page.locator("#hl")
    assert marked.is_visible() and "hl" in (marked.get_attribute("class") or "")
    start, _ = href.split("hl=")[1].split("#")[0].split("-")
    assert marked.get_attribute("data-s") == start
    assert page.locator("[data-text] span.ent").first.get_attribute("title")  # explained on hover
    page.click("text=Entities")
    page.locator("ul.list li a").first.click()
    assert page.locator("svg.chart rect").count() >= 1
    page.fill("header input[name=q]", "dam")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=dam")
    assert page.locator("ol.hits li mark").count() >= 1
    assert not page.errors


def test_hostile_content_never_runs(hostile_db: Path, browser: Any) -> None:
    for url in _serve(hostile_db):
        context = browser.new_context()
        pg = context.new_page()
        dialogs: list[str] = []

        def on_dialog(d: Any, seen: list[str] = dialogs) -> None:
            seen.append(d.message)
            d.dismiss()

        pg.on("dialog", on_dialog)
        visited = 0
        for path in ["/", "/stories", "/entities", "/search?q=harbour"]:
            pg.goto(url + path)
            links = pg.eval_on_selector_all(
                "main a[href^='/']", "els => els.map(e => e.getAttribute('href'))"
            )
            for link in [path, *links[:30]]:
                pg.goto(url + link)
                pg.wait_for_load_state("load")
                for a in pg.locator("main a").all()[:10]:
                    a.hover()
                assert pg.evaluate("typeof window.__pwned") == "undefined", link
                visited += 1
        assert visited > 10 and not dialogs
        assert pg.locator("text=<script>window.__pwned").count() >= 1  # shown as text
        context.close()


def test_static_report_from_disk(demo_db: Path, tmp_path: Path, page: Any) -> None:
    out = tmp_path / "site"
    done = run("report", "--db", str(demo_db), "--output", str(out))
    assert done.returncode == 0, done.stderr
    page.goto((out / "index.html").as_uri())
    page.locator("ul.list li a").first.click()
    cite = page.locator(".timeline .entry a.cite").first
    cite.click()
    page.wait_for_selector("#hl")
    assert "hl" in (page.locator("#hl").get_attribute("class") or "")
    page.click("text=Search")
    page.fill("form[data-search] input[name=q]", "harbour")
    page.press("form[data-search] input[name=q]", "Enter")
    hits = page.locator("ol.hits li a")
    assert hits.count() >= 1
    # each hit with its snippet, the word marked in it
    first = page.locator("ol.hits li").first
    assert first.locator("p mark").first.inner_text().lower() == "harbour"
    assert len(first.locator("p").inner_text()) > 40
    hits.first.click()
    assert page.url.startswith("file://") and "/articles/" in page.url
    assert not page.errors


def _every_page(base: str, page: Any) -> list[str]:
    """Paths of every kind of page: lists, the largest stories, their events, articles and
    entities, search, an error page."""
    import httpx

    api = httpx.Client(base_url=base)
    paths = ["/", "/stories", "/entities", "/search?q=the", "/stories/S99999"]
    for s in api.get("/api/stories", params={"order": "size", "limit": 3}).json()["items"]:
        story = api.get(f"/api/stories/{s['id']}").json()
        paths += [f"/stories/{s['id']}", *(f"/events/{e}" for e in story["event_ids"][:2])]
        paths += [f"/articles/{a}" for a in story["article_ids"][:2]]
    paths += [f"/entities/{e['id']}" for e in api.get("/api/entities", params={"limit": 3}).json()["items"]]
    return paths


def test_the_diff_shows_what_a_copy_changed(server: str, page: Any) -> None:
    import httpx

    api = httpx.Client(base_url=server)
    for s in api.get("/api/stories", params={"limit": 200}).json()["items"]:
        for e in api.get(f"/api/stories/{s['id']}").json()["event_ids"]:
            event = api.get(f"/api/events/{e}").json()
            inserted = [op["copy"] for d in event["duplicates"] for op in d["diff"] if op["copy"]]
            if inserted:
                page.goto(f"{server}/events/{e}")
                first = page.locator("details.diff").first
                if first.get_attribute("open") is None:
                    first.locator("summary").click()
                assert page.locator("details.diff ins", has_text=inserted[0].split()[0]).first.is_visible()
                return
    raise AssertionError("the demo corpus holds no copy that inserts words")


def test_the_article_panel_works_by_keyboard_and_tap(server: str, browser: Any) -> None:
    import httpx

    api = httpx.Client(base_url=server)
    sid = api.get("/api/stories", params={"order": "size", "limit": 1}).json()["items"][0]["id"]
    aid = api.get(f"/api/stories/{sid}").json()["article_ids"][0]
    for options in ({}, {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}):
        context = browser.new_context(**options)
        pg = context.new_page()
        pg.goto(f"{server}/articles/{aid}")
        link = pg.locator("aside.panel a[href^='#n-']").nth(1)
        target = link.get_attribute("href")
        if options:
            link.tap()
        else:
            link.focus()
            pg.keyboard.press("Enter")
        pg.wait_for_function("h => window.location.hash === h", arg=target)
        in_view = "e => { const r = e.nextElementSibling.getBoundingClientRect();"
        in_view += " return r.top >= 0 && r.top < innerHeight; }"
        assert pg.locator(target).evaluate(in_view)
        context.close()


@pytest.mark.parametrize("corpus", ["demo_db", "t17_db"])
def test_on_a_phone_no_page_scrolls_sideways_and_names_and_counts_agree(
    corpus: str, request: pytest.FixtureRequest, browser: Any
) -> None:
    from tests.web.test_names_and_counts import BAD_PLURAL, HEX, REPORTED

    db: Path = request.getfixturevalue(corpus)
    for base in _serve(db):
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
        )
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda exc, seen_errors=errors: seen_errors.append(str(exc)))
        wide, seen = [], 0
        for path in _every_page(base, pg):
            pg.goto(base + path)
            width = pg.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                wide.append((path, width))
            pg.evaluate("document.querySelectorAll('.id').forEach(e => e.remove())")
            text = pg.locator("body").inner_text()
            assert not [h for h in HEX.findall(text) if not h.isdigit()], path
            assert not BAD_PLURAL.search(text), (path, BAD_PLURAL.search(text))
            for got, of in REPORTED.findall(text):
                assert 1 <= int(got) <= int(of), (path, got, of)
            seen += 1
        context.close()
        assert not wide and seen > 8 and not errors


def test_stories_glance_and_grouped_search_by_click(server: str, page: Any) -> None:
    page.goto(server + "/stories")
    page.click('nav.sorts a:text-is("largest")')
    page.wait_for_url("**order=size**")
    sizes = [
        int(t.split(" article")[0].split()[-1]) for t in page.locator("ul.stories li .meta").all_inner_texts()
    ]
    assert sizes == sorted(sizes, reverse=True)
    page.click("text=hide single-article stories")
    page.wait_for_url("**min_articles=2**")
    page.locator("ul.stories li a.title").first.click()
    mark = page.locator("svg.vtl a").first
    target = mark.get_attribute("href")
    mark.click()
    page.wait_for_function("h => window.location.hash === h", arg=target)
    assert page.locator(target).is_visible()
    assert page.locator("ul.people li a").count() >= 1
    page.fill("header input[name=q]", "said")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=said")
    assert "found" in page.locator("p.hit-count").inner_text()
    assert page.locator("section.hit-group h2 a").count() >= 1
    assert not page.errors
