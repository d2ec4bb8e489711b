"""The link stage end to end on the demo corpus: a real SQLite store, stable ids, the CLI."""

from __future__ import annotations

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
