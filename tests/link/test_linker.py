"""The link stage end to end on the demo corpus: a real SQLite store, stable ids, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from storyline.ingest.run import Ingest
from storyline.link import Linker
from storyline.store import Store
from tests.conftest import DEMO


def _snapshot(store: Store) -> tuple[dict[str, str], dict[str, str]]:
    events = {a: v["id"] for v in store.views.events() for a in v["article_ids"]}
    entities = {alias: e["id"] for e in store.views.entities() for alias in e["aliases"]}
    return events, entities


def test_ids_stable_across_relinks_and_reingests(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    with Store(db) as store:
        report = Ingest(store).run([str(DEMO / "corpus")])
        assert report.link is not None and report.link.events >= 10
        first = _snapshot(store)
        again = Linker(store).run(full=True)
        assert _snapshot(store) == first and again.events == report.link.events
        nothing = Linker(store).run()  # incremental: no article is new
        assert nothing.articles == 0 and _snapshot(store) == first
        Ingest(store).run([str(DEMO / "corpus")])  # nothing new
        assert _snapshot(store) == first
        exported = store.articles.get(next(iter(first[0])))
        assert all(e.get("entity_id") for e in exported.entities if e["label"] == "PERSON")
        speakers = [q for q in exported.quotes if q.get("speaker_chain")]
        assert all(q["speaker_entity_id"] for q in speakers)
        assert store.views.link_log()  # founded events are logged
        assert store.integrity_check() == "ok"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storyline", *args], capture_output=True, text=True, check=False
    )


def test_story_entity_and_timeline_commands(tmp_path: Path) -> None:
    """`storyline story ID`, `entity NAME` and `timeline --format json` on the demo corpus:
    each timeline sentence is its citation's exact source text."""
    db = str(tmp_path / "d.db")
    assert _cli("ingest", str(DEMO / "corpus"), "--db", db, "--quiet").returncode == 0
    stories = json.loads(_cli("stories", "--db", db, "--json").stdout)
    biggest = max(stories, key=lambda s: len(s["article_ids"]))
    shown = json.loads(_cli("story", biggest["id"], "--db", db, "--json").stdout)
    assert shown["id"] == biggest["id"] and shown["timeline"] and shown["summary"]
    assert [e["id"] for e in shown["events"]] == biggest["event_ids"]
    text = _cli("story", biggest["id"], "--db", db).stdout
    assert "Timeline" in text and biggest["event_ids"][0] in text
    assert _cli("story", "S999", "--db", db).returncode == 2

    entities = json.loads(_cli("entities", "--db", db, "--json", "--label", "PERSON").stdout)
    person = entities[0]
    found = json.loads(_cli("entity", person["id"], "--db", db, "--json").stdout)
    assert found["id"] == person["id"] and found["evidence"]
    assert all(q["speaker_entity_id"] == person["id"] for q in found["quotes"])
    assert _cli("entity", "Nobody Atall", "--db", db).returncode == 2

    days = json.loads(
        _cli("timeline", "--db", db, "--dates", "4", "--sentences", "2", "--format", "json").stdout
    )
    assert 1 <= len(days) <= 4 and [d["date"] for d in days] == sorted(d["date"] for d in days)
    with Store(db) as store:
        for day in days:
            assert len(day["date"]) == 10 and 1 <= len(day["sentences"]) <= 2
            for sentence, cite in zip(day["sentences"], day["citations"], strict=True):
                source = store.articles.get(cite["article_id"]).text
                assert source[cite["start"] : cite["end"]] == sentence
    one = json.loads(
        _cli("timeline", "--db", db, "--story", biggest["id"], "--format", "json").stdout
    )
    assert {c["article_id"] for d in one for c in d["citations"]} <= set(biggest["article_ids"])
    assert _cli("timeline", "--db", db, "--story", "S999").returncode == 2
