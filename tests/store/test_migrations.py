"""Migrations: every schema passes SQLite's integrity check on the SQLite Python ships,
including a file made before ``entity_quotes`` was rebuilt with its key columns first."""

from __future__ import annotations

import re
import sqlite3
from importlib import resources
from pathlib import Path

from storyline.model import Entity, LinkResult, Mention, Quote
from storyline.store import Store, latest_version
from storyline.store.database import APPLICATION_ID
from tests.conftest import make_article


def _script(version: int) -> str:
    folder = resources.files("storyline.store") / "migrations"
    (entry,) = [e for e in folder.iterdir() if re.match(rf"0*{version}_.*\.sql$", e.name)]
    return entry.read_text(encoding="utf-8")


def _older(db: Path, version: int, *statements: tuple[str, tuple[object, ...]]) -> Path:
    """A corpus file at schema ``version``, holding what ``statements`` insert."""
    old = sqlite3.connect(db)
    for v in range(1, version + 1):
        old.executescript(_script(v))
    old.execute(f"PRAGMA user_version = {version}")
    for sql, args in statements:
        old.execute(sql, args)
    old.commit()
    old.close()
    return db


def test_a_corpus_made_before_the_rebuild_is_migrated_and_checks_ok(tmp_path: Path) -> None:
    db = tmp_path / "v6.db"
    old = sqlite3.connect(db)
    for version in range(1, 7):  # the schema as version 0.1 left it
        old.executescript(_script(version))
    old.execute("PRAGMA user_version = 6")
    old.execute(
        "INSERT INTO articles (id, content_hash, format, text, ingested_at)"
        " VALUES ('a1', 'a1', 'text', 'Some text.', '2023-01-01T00:00:00Z')"
    )
    old.execute("INSERT INTO articles_fts (rowid, headline, text) VALUES (1, '', 'Some text.')")
    old.execute(
        "INSERT INTO entity_quotes (entity_id, published, article_rowid, seq)"
        " VALUES ('E7', '2023-01-01', 1, 0)"
    )
    old.commit()
    assert "NULL value in entity_quotes.entity_id" in old.execute("PRAGMA integrity_check").fetchone()[0]
    old.close()
    with Store(db) as store:
        assert store.schema_version() >= 7
        assert store.integrity_check() == "ok"
        rows = store.db.rows("SELECT entity_id, published, article_rowid, seq FROM entity_quotes")
        assert [tuple(r) for r in rows] == [("E7", "2023-01-01", 1, 0)]


def test_a_new_corpus_with_quotes_indexed_checks_ok(store: Store) -> None:
    art = make_article("x")
    art.text = "The harbour master said the quay would reopen."
    art.entities = [Mention(4, 18, "harbour master", "PERSON", "c1")]
    art.quotes = [Quote(24, 45, "the quay would reopen", "indirect", speaker_chain="c1",
                        speaker_resolved="harbour master")]  # fmt: skip
    store.articles.write_batch([art], [], None)
    entity = Entity(id="E1", name="Ilse Varga", label="PERSON", aliases=[], articles=1, mentions=1)
    store.links.save(LinkResult([entity], {(art.id, "c1"): "E1"}, [], [], [], [], [], full=True))
    assert store.db.value("SELECT count(*) FROM entity_quotes") == 1
    assert store.integrity_check() == "ok"


def test_stories_stored_before_their_size_columns_get_them(tmp_path: Path) -> None:
    story = '{"article_ids": ["a", "b", "c"], "last_date": "2023-02-01"}'
    db = _older(
        tmp_path / "v10.db",
        10,
        ("INSERT INTO stories (id, title, first_date, data) VALUES ('S1', 't', '2023-01-01', ?)", (story,)),
    )
    with Store(db) as store:
        assert tuple(store.db.row("SELECT articles, last_date FROM stories")) == (3, "2023-02-01")  # type: ignore[arg-type]
        assert store.integrity_check() == "ok"


def test_story_views_made_before_key_people_are_computed_again(tmp_path: Path) -> None:
    db = _older(
        tmp_path / "v11.db",
        11,
        ("INSERT INTO stories (id, title, data) VALUES ('S1', 't', ?)", ('{"article_ids": []}',)),
        ("INSERT INTO views (kind, id, data) VALUES ('story', 'S1', '{}'), ('event', 'V1', '{}')", ()),
    )
    with Store(db) as store:
        assert store.views.stale("story") == ["S1"]
        assert [tuple(r) for r in store.db.rows("SELECT kind, id FROM views")] == [("event", "V1")]


def test_a_corpus_made_before_its_application_id_gets_it_and_keeps_its_articles(tmp_path: Path) -> None:
    db = _older(
        tmp_path / "v17.db",
        17,
        ("INSERT INTO articles (id, content_hash, format, text, ingested_at) VALUES (?, ?, ?, ?, ?)",
         ("a1", "a1", "text", "Some text.", "2023-01-01T00:00:00Z")),
    )  # fmt: skip
    assert sqlite3.connect(db).execute("PRAGMA application_id").fetchone()[0] == 0
    with Store(db, readonly=True) as store:  # recognised by its tables and version, left as it is
        assert store.schema_version() == 17 and store.articles.ids() == ["a1"]
    with Store(db) as store:
        assert store.db.value("PRAGMA application_id") == APPLICATION_ID
        assert store.schema_version() == latest_version() and store.articles.ids() == ["a1"]
