"""`storyline compare ID` on the demo corpus (``demo_db``), in this process: an event's
outlets side by side and a story's outlets over time, readable at 80 columns; ``--json`` is
the page's JSON twin; an unknown id is a clear error."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

from storyline.web import create_app
from tests.cli import run

WIDE = {"COLUMNS": "80"}


def _compared(db: str) -> tuple[str, dict]:
    """The demo's event with the most outlets side by side, and its page data."""
    events = json.loads(run("events", "--db", db, "--json").stdout)
    pages = [json.loads(run("compare", e["id"], "--db", db, "--json").stdout) for e in events]
    page = max(pages, key=lambda p: len((p["comparison"] or {"outlets": []})["outlets"]))
    return page["id"], page


def test_compare_an_event_side_by_side(demo_db: Path) -> None:
    db = str(demo_db)
    event_id, page = _compared(db)
    twin = TestClient(create_app(demo_db), base_url="http://127.0.0.1").get(f"/api/events/{event_id}/compare")
    assert twin.json() == page
    shown = run("compare", event_id, "--db", db, env=WIDE)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    for side in page["comparison"]["outlets"]:
        assert any(line.split(" · ")[0] == side["outlet"] for line in lines)  # each a line of its own
        for v in side["voices"]:
            assert v["speaker"].split()[-1] in shown.stdout
    assert "reported first" in shown.stdout
    assert not re.search(r"\b[0-9a-f]{16}\b|\bE\d+\b", shown.stdout)  # names, never ids
    assert "unknown outlet" not in " ".join(s["outlet"] for s in page["comparison"]["outlets"])


def test_compare_a_story_over_time(demo_db: Path) -> None:
    db = str(demo_db)
    stories = json.loads(run("stories", "--db", db, "--json").stdout)
    story = max(stories, key=lambda s: len(s["event_ids"]))
    page = json.loads(run("compare", story["id"], "--db", db, "--json").stdout)
    assert page["kind"] == "story" and [e["id"] for e in page["events"]]
    shown = run("compare", story["id"], "--db", db, env=WIDE)
    assert shown.returncode == 0, shown.stderr
    assert max(len(line) for line in shown.stdout.splitlines()) <= 80
    for o in page["outlets"]:
        assert f"{o['outlet']}: {o['events']} of {len(page['events'])} events" in shown.stdout
    if page["unknown_articles"]:
        assert "of unknown outlet, not counted as an outlet" in shown.stdout


def test_compare_an_unknown_id_is_a_clear_error(demo_db: Path) -> None:
    db = str(demo_db)
    missing = run("compare", "V999", "--db", db)
    assert missing.returncode == 2 and "no event V999" in missing.stderr
    assert run("compare", "S999", "--db", db).returncode == 2
    wrong = run("compare", "E1", "--db", db)
    assert wrong.returncode == 2 and "neither an event id" in wrong.stderr
