"""`entities`, `entity`, `stories`, `story`, `event` and `timeline` on the demo corpus (ingested
once for the run: ``demo_db``), as a user runs them; what a command prints with --json is the
page's JSON twin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.store import Store
from storyline.web import create_app
from tests.cli import run


def test_story_entity_and_timeline_commands(demo_db: Path) -> None:
    """`storyline story ID`, `entity NAME` and `timeline --format json` on the demo corpus:
    each timeline sentence is its citation's exact source text."""
    db = str(demo_db)
    stories = json.loads(run("stories", "--db", db, "--json").stdout)
    biggest = max(stories, key=lambda s: len(s["article_ids"]))
    shown = json.loads(run("story", biggest["id"], "--db", db, "--json").stdout)
    assert shown["id"] == biggest["id"] and shown["timeline"] and shown["summary"]
    assert [e["id"] for e in shown["events"]] == biggest["event_ids"]
    text = run("story", biggest["id"], "--db", db).stdout
    assert "Timeline" in text and biggest["event_ids"][0] in text
    assert run("story", "S999", "--db", db).returncode == 2
    torn = next(
        s for s in stories if json.loads(run("story", s["id"], "--db", db, "--json").stdout)["conflicts"]
    )
    conflict = json.loads(run("story", torn["id"], "--db", db, "--json").stdout)["conflicts"][0]
    assert conflict["basis"] and all(r["frame"]["thing"] for r in conflict["reports"])
    assert "one quantity:" in run("story", torn["id"], "--db", db).stdout  # why they are one quantity

    entities = json.loads(run("entities", "--db", db, "--json", "--label", "PERSON").stdout)
    person = entities[0]
    found = json.loads(run("entity", person["id"], "--db", db, "--json").stdout)
    assert found["id"] == person["id"] and found["evidence"]
    assert all(q["speaker_entity_id"] == person["id"] for q in found["quotes"])
    assert run("entity", "Nobody Atall", "--db", db).returncode == 2

    days = json.loads(run("timeline", "--db", db, "--dates", "4", "--sentences", "2", "--json").stdout)
    assert 1 <= len(days) <= 4 and [d["date"] for d in days] == sorted(d["date"] for d in days)
    with Store(db) as store:
        for day in days:
            assert len(day["date"]) == 10 and 1 <= len(day["sentences"]) <= 2
            for sentence, cite in zip(day["sentences"], day["citations"], strict=True):
                source = store.articles.get(cite["article_id"]).text
                assert source[cite["start"] : cite["end"]] == sentence
    one = json.loads(run("timeline", "--db", db, "--story", biggest["id"], "--format", "json").stdout)
    assert {c["article_id"] for d in one for c in d["citations"]} <= set(biggest["article_ids"])
    assert run("timeline", "--db", db, "--story", "S999").returncode == 2


@pytest.fixture
def demo(demo_db: Path) -> str:
    return str(demo_db)


def test_a_command_and_its_page_give_the_same_object(demo: str) -> None:
    client = TestClient(create_app(demo), base_url="http://127.0.0.1")
    story = client.get("/api/stories").json()["items"][0]["id"]
    event = client.get(f"/api/stories/{story}").json()["event_ids"][0]
    entity = client.get("/api/entities", params={"label": "PERSON"}).json()["items"][0]["id"]
    article = client.get(f"/api/events/{event}").json()["article_ids"][0]
    pairs = [
        (["story", story], f"/api/stories/{story}"),
        (["event", event], f"/api/events/{event}"),
        (["entity", entity], f"/api/entities/{entity}"),
        (["show", article], f"/api/articles/{article}"),
        (["summary"], "/api/overview"),
    ]
    for args, path in pairs:
        printed = run(*args, "--db", demo, "--json")
        assert printed.returncode == 0, printed.stderr
        assert json.loads(printed.stdout) == client.get(path).json(), args
    found = json.loads(run("search", "harbour", "--db", demo, "--json").stdout)
    page = client.get("/api/search", params={"q": "harbour"}).json()
    assert found["items"] == page["items"] == found["hits"] and found["q"] == page["q"]


def test_timeline_takes_json_like_every_command_and_still_its_old_flag(demo: str) -> None:
    new = run("timeline", "--db", demo, "--dates", "3", "--json")
    old = run("timeline", "--db", demo, "--dates", "3", "--format", "json")
    assert new.returncode == old.returncode == 0 and json.loads(new.stdout) == json.loads(old.stdout)
    assert "--json" in run("timeline", "--help").stdout


def test_articles_of_unknown_outlet_are_never_counted_as_an_outlet(tmp_path: Path) -> None:
    """`story`, `event`, `events` and `summary` count known outlets and articles of unknown
    outlet apart, and name the outlets that never covered a story (its blindspots)."""
    from tests.pages.test_outlets import write_corpus

    db = str(tmp_path / "o.db")
    assert run("ingest", str(write_corpus(tmp_path)), "--db", db).returncode == 0
    stories = json.loads(run("stories", "--db", db, "--json").stdout)
    quay = next(s for s in stories if "Associated Press" in s["outlets"])
    story = " ".join(run("story", quay["id"], "--db", db).stdout.split())
    assert "3 articles from 2 outlets (1 of unknown outlet)" in story and "3 outlets" not in story
    assert "not covered by: Quay Weekly" in story
    assert "only unknown outlet" not in story
    events = " ".join(run("events", "--db", db).stdout.split())
    assert "some of unknown outlet" in events and ", unknown outlet" not in events
    event = " ".join(run("event", quay["event_ids"][0], "--db", db).stdout.split())
    assert "not covered by: Quay Weekly" in event and "only unknown outlet" not in event
    summary = run("summary", "--db", db).stdout
    assert "and 1 article of unknown outlet" in summary
    assert not [line for line in summary.splitlines() if line.startswith("unknown outlet")]  # no table row
