"""The embedded store: one SQLite file (WAL, FTS5, migrations). The only module that speaks SQL.

Writes are transactional per batch, so a crash mid-ingest leaves no half-written article
and loses nothing already reported as stored. Several processes may write one file at
once: each batch takes the write lock (``BEGIN IMMEDIATE``) and waits for it if needed.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.model import Article, Reject, Removed, Source

BUSY_TIMEOUT_S = 120.0
ANNOTATION_KINDS = {
    "entities": "label",
    "timexes": "value",
    "quotes": "speaker_resolved",
    "claims": "unit",
}
"""Annotation lists of an article and the field each is filtered by (stored as ``label``)."""


class StoreError(RuntimeError):
    """The database cannot be opened or is not a Storyline corpus."""


@dataclass
class WriteResult:
    """What one batch write did: ids stored now, ids that were already there."""

    stored: list[str]
    duplicates: list[str]


def line_hash(key: str) -> int:
    """A signed 64-bit hash of a normalised line, the key of ``line_counts``."""
    return int.from_bytes(
        hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True
    )


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("storyline.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        m = re.match(r"(\d+)_.*\.sql$", entry.name)
        if m:
            found.append((int(m.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


class Store:
    """A Storyline corpus in one SQLite file."""

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = str(path)
        if readonly and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no corpus database at {self.path} (run `storyline ingest` first)")
        try:
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        self.db.row_factory = sqlite3.Row
        try:
            self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.migrate()
            elif self.schema_version() == 0:
                raise StoreError(f"{self.path} is not a Storyline corpus (no schema)")
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise StoreError(f"{self.path} is not a usable SQLite database: {exc}") from exc

    # -- lifecycle ---------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def copy_from(self, source: str | Path) -> None:
        """Make this (empty) store a copy of the store at ``source`` (SQLite's online backup:
        consistent even while ``source`` is open elsewhere)."""
        if self.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None:
            raise StoreError(f"{self.path} already holds articles; copy into an empty store")
        src = sqlite3.connect(str(source))
        try:
            src.backup(self.db)
        finally:
            src.close()
        self.migrate()

    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Apply the migrations this file has not seen, each in its own transaction."""
        for version, script in _migrations():
            if self.schema_version() >= version:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if self.schema_version() < version:  # another process may have won the race
                    for statement in _split_sql(script):
                        self.db.execute(statement)
                    self.db.execute(f"PRAGMA user_version = {version}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def _write(self) -> _Transaction:
        return _Transaction(self.db)

    # -- runs --------------------------------------------------------------------------
    def start_run(self, inputs: list[str], until: str | None) -> int:
        with self._write():
            cur = self.db.execute(
                "INSERT INTO runs (started_at, inputs, until_stage) VALUES (?, ?, ?)",
                (_now(), json.dumps(inputs), until),
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, stored: int, duplicates: int, rejected: int) -> None:
        with self._write():
            self.db.execute(
                "UPDATE runs SET finished_at=?, stored=?, duplicates=?, rejected=? WHERE id=?",
                (_now(), stored, duplicates, rejected, run_id),
            )

    # -- ingest helpers ----------------------------------------------------------------
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are already stored."""
        found: set[str] = set()
        items = list(set(hashes))
        for i in range(0, len(items), 500):
            chunk = items[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT DISTINCT content_hash FROM articles WHERE content_hash IN ({marks})", chunk
            )
            found.update(r[0] for r in rows)
        return found

    def count_lines(self, keys_per_article: list[set[int]]) -> dict[int, int]:
        """Add each article's distinct line keys to the corpus counts; return current counts."""
        totals: dict[int, int] = {}
        for keys in keys_per_article:
            for key in keys:
                totals[key] = totals.get(key, 0) + 1
        if not totals:
            return {}
        with self._write():
            self.db.executemany(
                "INSERT INTO line_counts (key, articles) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET articles = articles + excluded.articles",
                totals.items(),
            )
            counts: dict[int, int] = {}
            wanted = list(totals)
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                marks = ",".join("?" * len(chunk))
                for row in self.db.execute(
                    f"SELECT key, articles FROM line_counts WHERE key IN ({marks})", chunk
                ):
                    counts[row[0]] = row[1]
        return counts

    def write_batch(
        self, articles: list[Article], rejects: list[Reject], run_id: int | None
    ) -> WriteResult:
        """Store a batch of finished articles and rejections in one transaction."""
        stored: list[str] = []
        duplicates: list[str] = []
        now = _now()
        with self._write():
            for art in articles:
                cur = self.db.execute(
                    "INSERT OR IGNORE INTO articles (id, content_hash, path, url, part, record, format,"
                    " outlet, outlet_basis, headline, dek, published, published_basis, byline,"
                    " credits, language, text, raw, hints, stages, run_id, ingested_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        art.id, art.content_hash, art.source.path, art.source.url,
                        art.source.part, art.source.record, art.format, art.outlet,
                        art.outlet_basis, art.headline, art.dek, art.published,
                        art.published_basis, art.byline, json.dumps(art.credits),
                        art.language, art.text, zlib.compress(art.raw.encode("utf-8"), 1),
                        json.dumps(art.hints, default=str), json.dumps(art.stages), run_id, now,
                    ),
                )  # fmt: skip
                if cur.rowcount == 0:
                    duplicates.append(art.id)
                    continue
                rowid = cur.lastrowid
                self.db.executemany(
                    "INSERT INTO removed (article_rowid, seq, text, reason, stage) VALUES (?,?,?,?,?)",
                    [(rowid, i, r.text, r.reason, r.stage) for i, r in enumerate(art.removed)],
                )
                self.db.execute(
                    "INSERT INTO articles_fts (rowid, headline, text) VALUES (?, ?, ?)",
                    (rowid, art.headline or "", art.text),
                )
                self.db.executemany(
                    'INSERT INTO annotations (article_rowid, kind, seq, start, "end", label, data)'
                    " VALUES (?,?,?,?,?,?,?)",
                    [
                        (rowid, kind, i, rec.get("start"), rec.get("end"), rec.get(field),
                         json.dumps(rec, ensure_ascii=False))
                        for kind, field in ANNOTATION_KINDS.items()
                        for i, rec in enumerate(getattr(art, kind))
                    ],
                )  # fmt: skip
                stored.append(art.id)
            self._insert_rejects(rejects, run_id, now)
        return WriteResult(stored, duplicates)

    def add_rejects(self, rejects: list[Reject], run_id: int | None) -> None:
        if rejects:
            with self._write():
                self._insert_rejects(rejects, run_id, _now())

    def _insert_rejects(self, rejects: list[Reject], run_id: int | None, now: str) -> None:
        self.db.executemany(
            "INSERT INTO rejects (run_id, path, url, part, record, stage, reason, detail, at)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (run_id, r.source.path, r.source.url, r.source.part, r.source.record,
                 r.stage, r.reason, r.detail, now)
                for r in rejects
            ],
        )  # fmt: skip

    # -- reading -----------------------------------------------------------------------
    def resolve_id(self, prefix: str) -> str:
        """The full id of the one article whose id starts with ``prefix``."""
        rows = self.db.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "\uffff")
        ).fetchall()
        if not rows:
            raise KeyError(f"no article with id {prefix!r}")
        if len(rows) > 1 and rows[0][0] != prefix:
            raise KeyError(f"id prefix {prefix!r} matches several articles; give more characters")
        return str(rows[0][0])

    def get_article(self, article_id: str) -> Article:
        row = self.db.execute(
            "SELECT * FROM articles WHERE id = ?", (self.resolve_id(article_id),)
        ).fetchone()
        return self._article(row, with_raw=True)

    def _article(self, row: sqlite3.Row, with_raw: bool = False) -> Article:
        removed = [
            Removed(r["text"], r["reason"], r["stage"])
            for r in self.db.execute(
                "SELECT text, reason, stage FROM removed WHERE article_rowid = ? ORDER BY seq",
                (row["rowid"],),
            )
        ]
        notes = self._annotations(row["rowid"])
        apply_entity_ids(notes, self.chain_entities(row["rowid"]))
        return Article(
            entities=notes["entities"],
            timexes=notes["timexes"],
            quotes=notes["quotes"],
            claims=notes["claims"],
            id=row["id"],
            content_hash=row["content_hash"],
            source=Source(path=row["path"], url=row["url"], part=row["part"], record=row["record"]),
            raw=zlib.decompress(row["raw"]).decode("utf-8") if with_raw and row["raw"] else "",
            format=row["format"],
            text=row["text"],
            removed=removed,
            headline=row["headline"],
            dek=row["dek"],
            published=row["published"],
            published_basis=row["published_basis"],
            outlet=row["outlet"],
            outlet_basis=row["outlet_basis"],
            byline=row["byline"],
            credits=json.loads(row["credits"]),
            language=row["language"],
            hints=json.loads(row["hints"]),
            stages=json.loads(row["stages"]),
        )

    def _annotations(self, article_rowid: int) -> dict[str, list[dict[str, Any]]]:
        """An article's stored annotations by kind (entities, timexes, quotes, claims)."""
        notes: dict[str, list[dict[str, Any]]] = {kind: [] for kind in ANNOTATION_KINDS}
        for r in self.db.execute(
            "SELECT kind, data FROM annotations WHERE article_rowid = ? ORDER BY kind, seq",
            (article_rowid,),
        ):
            notes[r["kind"]].append(json.loads(r["data"]))
        return notes

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """Every article in ingest order, without the raw input."""
        last = 0
        while True:
            rows = self.db.execute(
                "SELECT * FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield self._article(row)
            last = rows[-1]["rowid"]

    def list_articles(
        self,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        where, args = _filters(outlet, since, until)
        rows = self.db.execute(
            "SELECT id, published, published_basis, outlet, headline, path, part,"
            " length(text) AS chars FROM articles a"
            f" {where} ORDER BY published IS NULL, published, rowid LIMIT ? OFFSET ?",
            (*args, limit, offset),
        )
        return [dict(r) for r in rows]

    def count_articles(
        self, outlet: str | None = None, since: str | None = None, until: str | None = None
    ) -> int:
        where, args = _filters(outlet, since, until)
        return int(self.db.execute(f"SELECT count(*) FROM articles a {where}", args).fetchone()[0])

    def search(
        self,
        query: str,
        limit: int = 20,
        offset: int = 0,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        entity_id: str | None = None,
    ) -> list[dict[str, Any]]:
        """Full-text search ranked by BM25 (headline hits weigh more), with snippets;
        ``entity_id`` keeps articles that mention that corpus entity.

        In ``snippet``, each hit is wrapped in the control characters U+0002 ... U+0003
        (never found in clean text), for the caller to render as it likes.
        """
        where, args = _filters(outlet, since, until, prefix="AND")
        if entity_id:
            where += (
                " AND EXISTS (SELECT 1 FROM entity_chains c WHERE c.article_rowid = a.rowid"
                " AND c.entity_id = ?)"
            )
            args = (*args, entity_id)
        sql = (
            "SELECT a.id, a.published, a.outlet, a.headline,"
            " snippet(articles_fts, 1, char(2), char(3), ' … ', 16) AS snippet,"
            " bm25(articles_fts, 4.0, 1.0) AS score"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            f" WHERE articles_fts MATCH ? {where} ORDER BY score LIMIT ? OFFSET ?"
        )
        try:
            rows = self.db.execute(sql, (query, *args, limit, offset)).fetchall()
        except sqlite3.OperationalError:
            # Not valid FTS5 syntax (a stray quote or operator): search the words as phrases.
            safe = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
            if not safe:
                return []
            rows = self.db.execute(sql, (safe, *args, limit, offset)).fetchall()
        return [dict(r) for r in rows]

    def quotes(
        self,
        speaker: str | None = None,
        limit: int = 100,
        offset: int = 0,
        entity_id: str | None = None,
    ) -> list[dict[str, Any]]:
        """Quotes across the corpus, newest article first; ``speaker`` matches any part of the
        name, ``entity_id`` keeps the quotes whose speaker linking resolved to that entity."""
        if entity_id:  # the entity's quotes, newest first, from their index
            sql = (
                "SELECT a.id AS article_id, a.published, a.outlet, a.headline, n.data,"
                " q.entity_id FROM entity_quotes q"
                " CROSS JOIN annotations n ON n.article_rowid = q.article_rowid"
                " AND n.kind = 'quotes' AND n.seq = q.seq"
                " CROSS JOIN articles a ON a.rowid = q.article_rowid WHERE q.entity_id = ?"
            )
            args: list[Any] = [entity_id]
        else:
            sql = (
                "SELECT a.id AS article_id, a.published, a.outlet, a.headline, n.data,"
                " c.entity_id FROM annotations n JOIN articles a ON a.rowid = n.article_rowid"
                " LEFT JOIN entity_chains c ON c.article_rowid = n.article_rowid"
                " AND c.chain = json_extract(n.data, '$.speaker_chain') WHERE n.kind = 'quotes'"
            )
            args = []
        if speaker:
            sql += " AND (n.label LIKE ? OR json_extract(n.data, '$.speaker') LIKE ?)"
            args += [f"%{speaker}%", f"%{speaker}%"]
        order = "q.published DESC" if entity_id else "a.published DESC, a.rowid, n.seq"
        sql += f" ORDER BY {order} LIMIT ? OFFSET ?"
        rows = self.db.execute(sql, (*args, limit, offset)).fetchall()
        keys = ("article_id", "published", "outlet", "headline")
        return [
            {
                **{k: r[k] for k in keys},
                **json.loads(r["data"]),
                "speaker_entity_id": r["entity_id"],
            }
            for r in rows
        ]

    def rejects(
        self, run_id: int | None = None, limit: int = 1000, offset: int = 0
    ) -> list[dict[str, Any]]:
        sql = "SELECT * FROM rejects"
        args: tuple[Any, ...] = ()
        if run_id is not None:
            sql += " WHERE run_id = ?"
            args = (run_id,)
        rows = self.db.execute(sql + " ORDER BY id LIMIT ? OFFSET ?", (*args, limit, offset))
        return [dict(r) for r in rows]

    def summary(self) -> dict[str, Any]:
        """Counts a user wants first: articles, outlets, dates, languages, rejects, removals."""
        one = self.db.execute(
            "SELECT count(*) AS articles, min(published) AS first, max(published) AS last,"
            " sum(published IS NULL) AS undated, count(DISTINCT outlet) AS outlets,"
            " sum(length(text)) AS chars FROM articles"
        ).fetchone()
        outlets = self.db.execute(
            "SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS articles,"
            " min(published) AS first, max(published) AS last"
            " FROM articles GROUP BY outlet ORDER BY count(*) DESC, outlet"
        ).fetchall()
        languages = self.db.execute(
            "SELECT coalesce(language, '?') AS language, count(*) AS n FROM articles"
            " GROUP BY language ORDER BY n DESC"
        ).fetchall()
        removed = self.db.execute(
            "SELECT reason, count(*) AS n FROM removed GROUP BY reason ORDER BY n DESC"
        ).fetchall()
        rejects = self.db.execute("SELECT count(*) FROM rejects").fetchone()[0]
        digests = self.db.execute(
            "SELECT count(DISTINCT content_hash) FROM articles WHERE part > 0"
        ).fetchone()[0]
        return {
            "articles": one["articles"],
            "outlets": one["outlets"],
            "first_date": one["first"],
            "last_date": one["last"],
            "undated": one["undated"] or 0,
            "characters": one["chars"] or 0,
            "digests_split": digests,
            "rejects": rejects,
            "by_outlet": [dict(r) for r in outlets],
            "by_language": {r["language"]: r["n"] for r in languages},
            "removed_by_reason": {r["reason"]: r["n"] for r in removed},
        }

    def integrity_check(self) -> str:
        """ "ok", or what SQLite's integrity check or the full-text index check found wrong."""
        result = str(self.db.execute("PRAGMA integrity_check").fetchone()[0])
        if result != "ok":
            return result
        try:  # the index must hold exactly the stored articles' text
            self.db.execute(
                "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
            )
        except sqlite3.DatabaseError as exc:
            return f"full-text index: {exc}"
        return "ok"

    # --- linking: corpus entities, duplicates, events ------------------------------------

    def chain_entities(self, article_rowid: int) -> dict[str, str]:
        """Article chain id → corpus entity id, for one article."""
        return {
            r[0]: r[1]
            for r in self.db.execute(
                "SELECT chain, entity_id FROM entity_chains WHERE article_rowid = ?",
                (article_rowid,),
            )
        }

    def link_inputs(
        self, ids: Iterable[str] | None = None, full: bool = False
    ) -> Iterator[dict[str, Any]]:
        """What linking needs of the articles (all, or ``ids``): ids, dates, outlet, text and
        their entity mentions; ``full`` adds every annotation kind with corpus entity ids."""
        kinds = tuple(ANNOTATION_KINDS) if full else ("entities",)
        cols = (
            "rowid, id, published, published_basis, outlet, headline, text, credits, content_hash"
        )
        if ids is None:
            batches: Iterator[list[sqlite3.Row]] = self._batches(f"SELECT {cols} FROM articles")
        else:
            batches = (
                self.db.execute(
                    f"SELECT {cols} FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
                    " ORDER BY rowid",
                    chunk,
                ).fetchall()
                for chunk in _chunks(sorted(set(ids)), 500)
            )
        for rows in batches:
            notes: dict[int, dict[str, list[dict[str, Any]]]] = {
                r["rowid"]: {kind: [] for kind in ANNOTATION_KINDS} for r in rows
            }
            marks = ",".join("?" * len(rows))
            for r in self.db.execute(
                f"SELECT article_rowid, kind, data FROM annotations WHERE article_rowid IN ({marks})"
                f" AND kind IN ({','.join('?' * len(kinds))}) ORDER BY article_rowid, kind, seq",
                [r["rowid"] for r in rows] + list(kinds),
            ):
                notes[r[0]][r[1]].append(json.loads(r[2]))
            chains: dict[int, dict[str, str]] = {}
            if full:
                for r in self.db.execute(
                    "SELECT article_rowid, chain, entity_id FROM entity_chains"
                    f" WHERE article_rowid IN ({marks})",
                    [r["rowid"] for r in rows],
                ):
                    chains.setdefault(r[0], {})[r[1]] = r[2]
            for row in rows:
                apply_entity_ids(notes[row["rowid"]], chains.get(row["rowid"], {}))
                yield {**dict(row), "credits": json.loads(row["credits"]), **notes[row["rowid"]]}

    def _batches(self, sql: str, size: int = 1000) -> Iterator[list[sqlite3.Row]]:
        last = 0
        while True:
            rows = self.db.execute(
                f"{sql} WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, size)
            ).fetchall()
            if not rows:
                return
            yield rows
            last = rows[-1]["rowid"]

    def has_links(self) -> bool:
        """Whether a linking run has stored its results."""
        return self.db.execute("SELECT 1 FROM event_articles LIMIT 1").fetchone() is not None

    def all_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY rowid")]

    def unlinked_ids(self) -> list[str]:
        """Articles that no linking run has seen yet (every linked article has an event)."""
        return [
            r[0]
            for r in self.db.execute(
                "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM event_articles)"
                " ORDER BY rowid"
            )
        ]

    def ids_between(self, first: str, last: str) -> list[str]:
        """Articles published from ``first`` to ``last`` (ISO dates, inclusive)."""
        return [
            r[0]
            for r in self.db.execute(
                "SELECT id FROM articles WHERE published >= ? AND published <= ? ORDER BY rowid",
                (first, last + "\uffff"),
            )
        ]

    def latest_ids(self, limit: int) -> list[str]:
        rows = self.db.execute(
            "SELECT id FROM articles WHERE published IS NOT NULL ORDER BY published DESC LIMIT ?",
            (limit,),
        )
        return [r[0] for r in rows]

    def saved_links(self) -> dict[str, Any]:
        """The previous run's assignments, so ids stay stable: chains, events, stories,
        duplicates (copy → original)."""
        chains = {
            (r[0], r[1]): r[2]
            for r in self.db.execute("SELECT article_rowid, chain, entity_id FROM entity_chains")
        }
        events = {
            r[0]: (r[1], r[2])
            for r in self.db.execute("SELECT article_id, event_id, score FROM event_articles")
        }
        stories = dict(self.db.execute("SELECT event_id, story_id FROM story_events").fetchall())
        copies = dict(self.db.execute("SELECT article_id, duplicate_of FROM duplicates").fetchall())
        return {"chains": chains, "events": events, "stories": stories, "duplicates": copies}

    def entity_aliases(self) -> list[tuple[str, str, list[str]]]:
        """(id, label, aliases) of every corpus entity: what a new article's names match."""
        rows = self.db.execute("SELECT id, label, json_extract(data, '$.aliases') FROM entities")
        return [(r[0], r[1], json.loads(r[2] or "[]")) for r in rows]

    def records(self, table: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Stored records of ``table`` (entities, events, stories, duplicates) by id."""
        if table not in ("entities", "events", "stories", "duplicates"):
            raise ValueError(f"no records table {table!r}")
        key = "article_id" if table == "duplicates" else "id"
        out: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(sorted(set(ids)), 500):
            for r in self.db.execute(
                f"SELECT {key}, data FROM {table} WHERE {key} IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                out[r[0]] = json.loads(r[1])
        return out

    def story_events(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for chunk in _chunks(sorted(set(story_ids)), 500):
            for r in self.db.execute(
                "SELECT story_id, event_id FROM story_events"
                f" WHERE story_id IN ({','.join('?' * len(chunk))}) ORDER BY event_id",
                chunk,
            ):
                out.setdefault(r[0], []).append(r[1])
        return out

    def _select_in(self, sql: str, values: Iterable[Any]) -> Iterator[sqlite3.Row]:
        """Rows of ``sql`` whose ``{marks}`` takes the values, 500 at a time."""
        for chunk in _chunks(sorted(set(values)), 500):
            yield from self.db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)

    def copies_of(self, ids: Iterable[str]) -> list[str]:
        """Stored copies of these originals."""
        sql = "SELECT article_id FROM duplicates WHERE duplicate_of IN ({marks})"
        return [r[0] for r in self._select_in(sql, ids)]

    def band_candidates(self, keys: Iterable[int]) -> dict[int, list[str]]:
        """LSH band key → stored articles with that key."""
        out: dict[int, list[str]] = {}
        for chunk in _chunks(sorted(set(keys)), 500):
            for r in self.db.execute(
                f"SELECT key, article_id FROM minhash_bands WHERE key IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                out.setdefault(r[0], []).append(r[1])
        return out

    def save_links(self, links: dict[str, Any], run_id: int | None = None) -> None:
        """Write what linking found, in one transaction (readers see old or new, never half).

        ``links["replace"]`` (a full run) replaces every link table; otherwise the records
        given are inserted or replaced, ``removed_entities`` / ``removed_events`` (merged into
        others) are deleted, and the views of every story and event written are dropped, to
        be computed again when asked for."""
        now = _now()
        replace = links.get("replace", True)
        with self._write():
            if replace:
                for table in (
                    "entities", "entity_chains", "duplicates", "events", "event_articles",
                    "stories", "story_events", "views",
                ):  # fmt: skip
                    self.db.execute(f"DELETE FROM {table}")
            if links.get("bands_replace"):
                self.db.execute("DELETE FROM minhash_bands")
            for old, new in links.get("renamed_entities", {}).items():
                self.db.execute(
                    "UPDATE entity_chains SET entity_id = ? WHERE entity_id = ?", (new, old)
                )
                self.db.execute("DELETE FROM entities WHERE id = ?", (old,))
            for old, new in links.get("renamed_events", {}).items():
                self.db.execute(
                    "UPDATE event_articles SET event_id = ? WHERE event_id = ?", (new, old)
                )
                self.db.execute("DELETE FROM events WHERE id = ?", (old,))
                self.db.execute("DELETE FROM story_events WHERE event_id = ?", (old,))
            if replace:
                self.db.execute("DELETE FROM entity_quotes")
            for old, new in links.get("renamed_entities", {}).items():
                self.db.execute(
                    "UPDATE entity_quotes SET entity_id = ? WHERE entity_id = ?", (new, old)
                )
            self.db.executemany(
                "INSERT OR REPLACE INTO entities (id, name, label, data) VALUES (?, ?, ?, ?)",
                [(e["id"], e["name"], e["label"], json.dumps(e)) for e in links["entities"]],
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO entity_chains (article_rowid, chain, entity_id) VALUES (?, ?, ?)",
                [(rowid, chain, eid) for (rowid, chain), eid in links["chains"].items()],
            )
            rowids = None if replace else sorted({rowid for rowid, _ in links["chains"]})
            self._index_quotes(rowids)
            self.db.executemany(
                "INSERT OR REPLACE INTO duplicates (article_id, duplicate_of, similarity, kind, data)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    (d["article_id"], d["duplicate_of"], d["similarity"], d["kind"], json.dumps(d))
                    for d in links["duplicates"]
                ],
            )
            self.db.executemany(
                "INSERT INTO minhash_bands (key, article_id) VALUES (?, ?)", links.get("bands", [])
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO events (id, title, date, data) VALUES (?, ?, ?, ?)",
                [(v["id"], v["title"], v["date"], json.dumps(v)) for v in links["events"]],
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO event_articles (article_id, event_id, score) VALUES (?, ?, ?)",
                [(aid, v["id"], None) for v in links["events"] for aid in v["article_ids"]],
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO stories (id, title, first_date, data) VALUES (?, ?, ?, ?)",
                [(v["id"], v["title"], v["first_date"], json.dumps(v)) for v in links["stories"]],
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO story_events (event_id, story_id) VALUES (?, ?)",
                [(e, v["id"]) for v in links["stories"] for e in v["event_ids"]],
            )
            self.db.executemany(
                "DELETE FROM views WHERE kind = ? AND id = ?",
                [("story", v["id"]) for v in links["stories"]]
                + [("event", v["id"]) for v in links["events"]],
            )
            self.db.executemany(
                "INSERT INTO link_log (run_id, kind, detail, at) VALUES (?, ?, ?, ?)",
                [(run_id, kind, detail, now) for kind, detail in links.get("log", [])],
            )

    def _index_quotes(self, rowids: list[int] | None) -> None:
        """Fill ``entity_quotes`` for all articles (None) or these: each quote whose
        speaker chain linking tied to a corpus entity."""
        sql = (
            "INSERT OR REPLACE INTO entity_quotes (entity_id, published, article_rowid, seq)"
            " SELECT c.entity_id, a.published, n.article_rowid, n.seq FROM annotations n"
            " JOIN entity_chains c ON c.article_rowid = n.article_rowid"
            " AND c.chain = json_extract(n.data, '$.speaker_chain')"
            " JOIN articles a ON a.rowid = n.article_rowid WHERE n.kind = 'quotes'"
        )
        if rowids is None:
            self.db.execute(sql)
            return
        for chunk in _chunks(rowids, 500):
            self.db.execute(sql + f" AND n.article_rowid IN ({','.join('?' * len(chunk))})", chunk)

    def stale_views(self, kind: str) -> list[str]:
        """Stories (or events) whose views must be computed again, newest first."""
        table, order = ("stories", "first_date") if kind == "story" else ("events", "date")
        rows = self.db.execute(
            f"SELECT id FROM {table} WHERE id NOT IN (SELECT id FROM views WHERE kind = ?)"
            f" ORDER BY {order} IS NULL, {order} DESC, id",
            (kind,),
        )
        return [r[0] for r in rows]

    def save_views(self, kind: str, views: dict[str, dict[str, Any]]) -> None:
        with self._write():
            self.db.executemany(
                "INSERT OR REPLACE INTO views (kind, id, data) VALUES (?, ?, ?)",
                [(kind, i, json.dumps(v)) for i, v in views.items()],
            )

    def set_dates(
        self, updates: list[tuple[str, str | None, str | None, list[dict[str, Any]]]]
    ) -> None:
        """(article id, published, basis, timexes): dates linking inferred (or withdrew), with
        the article's time expressions resolved again against them."""
        with self._write():
            for article_id, published, basis, timexes in updates:
                row = self.db.execute(
                    "SELECT rowid FROM articles WHERE id = ?", (article_id,)
                ).fetchone()
                if row is None:
                    continue
                self.db.execute(
                    "UPDATE articles SET published = ?, published_basis = ? WHERE rowid = ?",
                    (published, basis, row[0]),
                )
                self.db.execute(
                    "UPDATE entity_quotes SET published = ? WHERE article_rowid = ?",
                    (published, row[0]),
                )
                self.db.execute(
                    "DELETE FROM annotations WHERE article_rowid = ? AND kind = 'timexes'",
                    (row[0],),
                )
                self.db.executemany(
                    'INSERT INTO annotations (article_rowid, kind, seq, start, "end", label, data)'
                    " VALUES (?, 'timexes', ?, ?, ?, ?, ?)",
                    [
                        (row[0], i, t["start"], t["end"], t["value"], json.dumps(t))
                        for i, t in enumerate(timexes)
                    ],
                )

    def entities(self, label: str | None = None, name: str | None = None) -> list[dict[str, Any]]:
        """Every entity (of ``label``, matching ``name`` in a name or alias), most reported first."""
        return self.entities_page(-1, 0, label, name)[1]

    def duplicates(self) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT data FROM duplicates ORDER BY duplicate_of, article_id")
        return [json.loads(r[0]) for r in rows]

    def events(self) -> list[dict[str, Any]]:
        """Every event with its views (summary, what one outlet alone reports) where computed."""
        rows = self.db.execute(
            "SELECT e.data, v.data FROM events e LEFT JOIN views v ON v.kind = 'event' AND v.id = e.id"
            " ORDER BY e.date IS NULL, e.date, e.id"
        )
        return [{**json.loads(r[0]), **json.loads(r[1] or "{}")} for r in rows]

    def stories(self) -> list[dict[str, Any]]:
        """Every story with its views (timeline, summary, quote board, conflicts, coverage)
        where computed."""
        rows = self.db.execute(
            "SELECT s.data, v.data FROM stories s LEFT JOIN views v ON v.kind = 'story' AND v.id = s.id"
            " ORDER BY s.first_date IS NULL, s.first_date, s.id"
        )
        return [{**json.loads(r[0]), **json.loads(r[1] or "{}")} for r in rows]

    def stories_page(self, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """(total, one page of story records without their views), newest first."""
        total = self.db.execute("SELECT count(*) FROM stories").fetchone()[0]
        rows = self.db.execute(
            "SELECT data FROM stories ORDER BY first_date IS NULL, first_date DESC, id"
            " LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return total, [json.loads(r[0]) for r in rows]

    def entities_page(
        self, limit: int = 50, offset: int = 0, label: str | None = None, name: str | None = None
    ) -> tuple[int, list[dict[str, Any]]]:
        """(total, one page of entities), most reported first; ``name`` matches name or alias."""
        where, args = [], []
        if label:
            where.append("label = ?")
            args.append(label)
        if name:
            where.append("(name LIKE ? OR json_extract(data, '$.aliases') LIKE ?)")
            args += [f"%{name}%", f"%{name}%"]
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        total = self.db.execute(f"SELECT count(*) FROM entities{clause}", args).fetchone()[0]
        rows = self.db.execute(
            f"SELECT data FROM entities{clause}"
            " ORDER BY json_extract(data, '$.articles') DESC, id LIMIT ? OFFSET ?",
            [*args, limit, offset],
        )
        return total, [json.loads(r[0]) for r in rows]

    def view(self, kind: str, item_id: str) -> dict[str, Any] | None:
        """One story's or event's record merged with its views (None when unknown)."""
        table = {"story": "stories", "event": "events"}[kind]
        row = self.db.execute(
            f"SELECT t.data, v.data FROM {table} t LEFT JOIN views v ON v.kind = ? AND v.id = t.id"
            " WHERE t.id = ?",
            (kind, item_id),
        ).fetchone()
        return None if row is None else {**json.loads(row[0]), **json.loads(row[1] or "{}")}

    def entity_months(self, entity_id: str) -> list[dict[str, Any]]:
        """Articles mentioning the entity per month of publication: its mentions over time."""
        rows = self.db.execute(
            "SELECT substr(a.published, 1, 7) AS month, count(DISTINCT a.rowid) AS articles"
            " FROM entity_chains c JOIN articles a ON a.rowid = c.article_rowid"
            " WHERE c.entity_id = ? AND a.published IS NOT NULL GROUP BY month ORDER BY month",
            (entity_id,),
        )
        return [dict(r) for r in rows]

    def link_counts(self) -> dict[str, int]:
        """How many entities, events, stories and copies linking found."""
        return {
            t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("entities", "events", "stories", "duplicates")
        }

    def article_rows(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """id, headline, outlet and date of these articles."""
        sql = "SELECT id, headline, outlet, published FROM articles WHERE id IN ({marks})"
        return [dict(r) for r in self._select_in(sql, ids)]

    def event_of(self, article_id: str) -> str | None:
        row = self.db.execute(
            "SELECT event_id FROM event_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def link_log(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT run_id, kind, detail, at FROM link_log ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [dict(r) for r in rows]


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for k in range(0, len(items), size):
        yield items[k : k + size]


def apply_entity_ids(notes: dict[str, list[dict[str, Any]]], chains: dict[str, str]) -> None:
    """Corpus entity ids onto an article's mentions, speakers and claim sources."""
    if not chains:
        return
    for e in notes["entities"]:
        e["entity_id"] = chains.get(e.get("chain") or "")
    for q in notes["quotes"]:
        q["speaker_entity_id"] = chains.get(q.get("speaker_chain") or "")
    for c in notes["claims"]:
        c["source_entity_id"] = chains.get(c.get("source_chain") or "")


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any error; waits out other writers."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")


def _filters(
    outlet: str | None, since: str | None, until: str | None, prefix: str = "WHERE"
) -> tuple[str, tuple[str, ...]]:
    clauses = []
    args: list[str] = []
    if outlet:
        clauses.append("a.outlet = ? COLLATE NOCASE")
        args.append(outlet)
    if since:
        clauses.append("a.published >= ?")
        args.append(since)
    if until:
        clauses.append("a.published <= ?")
        args.append(until)
    if not clauses:
        return "", ()
    return f"{prefix} " + " AND ".join(clauses), tuple(args)


def _split_sql(script: str) -> list[str]:
    """Statements of a migration script (no semicolons inside strings in our migrations)."""
    lines = [ln for ln in script.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
