"""The comparison pages in-process (the demo corpus): an event's outlets side by side and a
story's outlets over time, each with its JSON twin, linked from the event and story pages,
names never ids, and written into the static report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline import pages
from storyline.store import Store
from storyline.web import create_app
from storyline.web.report import write_report

IDS = re.compile(r"\b(?:[0-9a-f]{16}|[EVS]\d+)\b")  # an article's, entity's, event's or story's id


@pytest.fixture(scope="module")
def client(demo_db: Path) -> TestClient:
    return TestClient(create_app(demo_db), base_url="http://127.0.0.1")


def _visible(html: str) -> str:
    """A page's text as a reader sees it (no tags, no attributes)."""
    return re.sub(r"<[^>]+>", " ", html.split("<main>", 1)[1].split("</main>", 1)[0])


def test_each_event_and_story_has_its_comparison_and_twin(client: TestClient, demo_db: Path) -> None:
    with Store(demo_db, readonly=True) as store:
        events = [e.id for e, _ in store.views.events()]
        stories = [s.id for s, _ in store.views.stories()]
        expected = {i: pages.compare(store, i) for i in events + stories}
    for eid in events:
        twin = client.get(f"/api/events/{eid}/compare").json()
        assert twin == expected[eid]
        page = client.get(f"/events/{eid}/compare")
        assert page.status_code == 200 and not IDS.search(_visible(page.text))
        linked = f'href="/events/{eid}/compare"' in client.get(f"/events/{eid}").text
        assert linked == (twin["known_outlets"] > 1)  # linked from the event page when there is a comparison
        for side in (twin["comparison"] or {"outlets": []})["outlets"]:
            assert f"<h2>{side['outlet']}" in page.text.replace("&#39;", "'")
    for sid in stories:
        twin = client.get(f"/api/stories/{sid}/compare").json()
        assert twin == expected[sid]
        page = client.get(f"/stories/{sid}/compare")
        assert page.status_code == 200 and not IDS.search(_visible(page.text))
        assert f'href="/stories/{sid}/compare"' in client.get(f"/stories/{sid}").text
        for e in twin["events"]:
            if e["compared"]:
                assert f'href="/events/{e["id"]}/compare"' in page.text


def test_an_unknown_comparison_is_a_404(client: TestClient) -> None:
    assert client.get("/api/events/V999/compare").status_code == 404
    assert client.get("/stories/S999/compare").status_code == 404
    assert client.get("/api/events/bad%20id/compare").status_code == 404


def test_the_static_report_holds_the_comparisons(demo_db: Path, tmp_path: Path) -> None:
    with Store(demo_db, readonly=True) as store:
        write_report(store, tmp_path / "site")
        events = [e.id for e, v in store.views.events() if v.get("comparison")]
    site = tmp_path / "site"
    story = next(site.glob("stories/S*.html"))
    assert f'href="../compare/{story.stem}.html"' in story.read_text()
    page = (site / "compare" / f"{events[0]}.html").read_text()
    assert 'href="../events/' in page and "Only here" in page and not IDS.search(_visible(page))
    assert f'href="../compare/{events[0]}.html"' in (site / "events" / f"{events[0]}.html").read_text()
