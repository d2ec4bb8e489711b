"""Articles and runs: ingest runs, corpus line counts, batch writes of articles with what was
removed and what reading found, rejections, and reading them back (by id, in order, listed,
searched, quoted, summarised)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, cast

from storyline.chunks import chunks
from storyline.clock import now_text
from storyline.model import Article, Reject, Removed, Source
from storyline.model.follow import ArticleRef
from storyline.store.annotations import (
    KINDS,
    Notes,
    apply_entity_ids,
    chain_entities,
    insert_notes,
    read_notes,
)
from storyline.store.database import CHUNK, Database, marks
from storyline.store.rows import ArticleRow, CorpusSummary, OutletCount, QuoteRow, RejectRow, SearchHit
from storyline.store.search import Search


@dataclass
class WriteResult:
    """What one batch write did: ids stored now, ids that were already there."""

    stored: list[str]
    duplicates: list[str]


def line_hash(key: str) -> int:
    """A signed 64-bit hash of a normalised line, the key of ``line_counts``."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def _tally(keys_per_input: Iterable[set[int]]) -> dict[int, int]:
    """Line key → how many of the inputs hold it."""
    totals: dict[int, int] = {}
    for keys in keys_per_input:
        for key in keys:
            totals[key] = totals.get(key, 0) + 1
    return totals


def filters(
    outlet: str | None,
    since: str | None,
    until: str | None,
    prefix: str = "WHERE",
    outlet_sql: str = "a.outlet = ? COLLATE NOCASE",
) -> tuple[str, tuple[str, ...]]:
    """The SQL clause (over ``articles a``) and values of the outlet and date filters;
    ``outlet_sql`` says what the outlet must match (each ``?`` in it takes the outlet)."""
    clauses = []
    args: list[str] = []
    if outlet:
        clauses.append(outlet_sql)
        args += [outlet] * outlet_sql.count("?")
    if since:
        clauses.append("a.published >= ?")
        args.append(since)
    if until:  # inclusive: until 2023-03 keeps all of March
        clauses.append("a.published <= ?")
        args.append(until + "\uffff")
    if not clauses:
        return "", ()
    return f"{prefix} " + " AND ".join(clauses), tuple(args)


def article_from_row(
    row: sqlite3.Row, notes: Notes | None = None, removed: list[Removed] | None = None, raw: str = ""
) -> Article:
    """An article from a row of ``articles`` (whichever of its columns the query selected; the
    others keep their defaults) with its annotations and removed spans."""
    cols = set(row.keys())

    def col(name: str, default: Any = None) -> Any:
        return row[name] if name in cols and row[name] is not None else default

    notes = notes or Notes()
    return Article(
        id=row["id"],
        source=Source(path=col("path"), url=col("url"), part=col("part", 0), record=col("record")),
        raw=raw,
        format=col("format", "text"),
        content_hash=col("content_hash", ""),
        text=col("text", ""),
        removed=removed or [],
        headline=col("headline"),
        dek=col("dek"),
        published=col("published"),
        published_basis=col("published_basis"),
        published_source=col("published_source"),
        outlet=col("outlet"),
        outlet_basis=col("outlet_basis"),
        byline=col("byline"),
        credits=json.loads(col("credits", "[]")),
        language=col("language"),
        hints=json.loads(col("hints", "{}")),
        stages=json.loads(col("stages", "[]")),
        skipped=json.loads(col("skipped", "{}")),
        entities=notes.entities,
        timexes=notes.timexes,
        quotes=notes.quotes,
        claims=notes.claims,
        descriptors=notes.descriptors,
    )


class Articles:
    """The ``articles`` family of tables: articles, removed, annotations, rejects, runs,
    line_counts and the full-text index."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- runs --------------------------------------------------------------------------
    def start_run(self, inputs: list[str], until: str | None) -> int:
        with self.db.transaction():
            cur = self.db.execute(
                "INSERT INTO runs (started_at, inputs, until_stage) VALUES (?, ?, ?)",
                (now_text(), json.dumps(inputs), until),
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, stored: int, duplicates: int, rejected: int) -> None:
        with self.db.transaction():
            self.db.execute(
                "UPDATE runs SET finished_at=?, stored=?, duplicates=?, rejected=? WHERE id=?",
                (now_text(), stored, duplicates, rejected, run_id),
            )

    # -- writing -----------------------------------------------------------------------
    def stage_lines(self, keys_per_input: list[set[int]], stored: Iterable[int] = ()) -> None:
        """Add each input's distinct line keys to this run's counts; ``stored``: keys of inputs
        whose counts are stored already (taken into the totals, not counted again)."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS run_lines (key INTEGER PRIMARY KEY, n INTEGER)")
        self.db.executemany(
            "INSERT INTO run_lines (key, n) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET n = n + excluded.n",
            _tally(keys_per_input).items(),
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO run_lines (key, n) VALUES (?, 0)", [(k,) for k in set(stored)]
        )

    def freeze_lines(self) -> None:
        """This run's counts plus the stored ones: what every article of the run is cleaned
        against (taken once, before any article of the run is stored)."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS run_lines (key INTEGER PRIMARY KEY, n INTEGER)")
        self.db.execute(
            "UPDATE run_lines SET n = n + coalesce("
            "(SELECT l.articles FROM line_counts l WHERE l.key = run_lines.key), 0)"
        )

    def line_totals(self, keys: set[int]) -> dict[int, int]:
        """The frozen counts of these line keys (keys of one input only are left out)."""
        sql = "SELECT key, n FROM run_lines WHERE key IN ({marks}) AND n > 1"
        return {r[0]: r[1] for r in self.db.select_in(sql, keys)}

    def drop_lines(self) -> None:
        """Forget this run's staged counts."""
        self.db.execute("DROP TABLE IF EXISTS temp.run_lines")

    def write_batch(
        self,
        articles: list[Article],
        rejects: list[Reject],
        run_id: int | None,
        lines: dict[str, set[int]] | None = None,
        replace: set[str] | None = None,
    ) -> WriteResult:
        """Store a batch of finished articles and rejections in one transaction; ``lines``
        (content hash → line keys of the extracted input) go into the corpus counts, once for
        each input some article of the batch was stored from. The stored articles of the
        inputs in ``replace`` (content hashes: an earlier run stopped short of some stages)
        are replaced by the batch's, with their links."""
        stored: list[str] = []
        duplicates: list[str] = []
        counted: dict[str, set[int]] = {}
        at = now_text()
        with self.db.transaction():
            self._delete_inputs(replace or set())
            for art in articles:
                rowid = self._insert(art, run_id, at)
                if rowid is None:
                    duplicates.append(art.id)
                    continue
                if lines is not None and art.content_hash not in counted:
                    counted[art.content_hash] = lines.get(art.content_hash, set())
                self.db.executemany(
                    "INSERT INTO removed (article_rowid, seq, text, reason, stage) VALUES (?,?,?,?,?)",
                    [(rowid, i, r.text, r.reason, r.stage) for i, r in enumerate(art.removed)],
                )
                self.db.execute(
                    "INSERT INTO articles_fts (rowid, headline, text) VALUES (?, ?, ?)",
                    (rowid, art.headline or "", art.text),
                )
                insert_notes(self.db, rowid, {kind: getattr(art, kind) for kind in KINDS})
                stored.append(art.id)
            self.db.executemany(
                "INSERT INTO line_counts (key, articles) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET articles = articles + excluded.articles",
                _tally(counted.values()).items(),
            )
            self._insert_rejects(rejects, run_id, at)
        return WriteResult(stored, duplicates)

    def stages_of(self, hashes: Iterable[str]) -> dict[str, set[str]]:
        """The stages the stored articles of these inputs went through (or were passed by)."""
        sql = "SELECT content_hash, stages, skipped FROM articles WHERE content_hash IN ({marks})"
        out: dict[str, set[str]] = {}
        for r in self.db.select_in(sql, hashes):
            out.setdefault(r[0], set()).update(json.loads(r[1]), json.loads(r[2]))
        return out

    def _delete_inputs(self, hashes: set[str]) -> None:
        """Every stored article of these inputs, from the articles, the full-text index and the
        link tables (their annotations, removals, chains and quotes go with them)."""
        rows = list(
            self.db.select_in(
                "SELECT rowid, id, headline, text FROM articles WHERE content_hash IN ({marks})", hashes
            )
        )
        if not rows:
            return
        self.db.executemany(
            "INSERT INTO articles_fts (articles_fts, rowid, headline, text) VALUES ('delete', ?, ?, ?)",
            [(r["rowid"], r["headline"] or "", r["text"]) for r in rows],
        )
        ids = [r["id"] for r in rows]
        for sql in (
            "DELETE FROM event_articles WHERE article_id IN ({marks})",
            "DELETE FROM duplicates WHERE article_id IN ({marks}) OR duplicate_of IN ({marks})",
            "DELETE FROM minhash_bands WHERE article_id IN ({marks})",
        ):
            for part in chunks(sorted(ids), CHUNK):
                self.db.execute(sql.format(marks=marks(len(part))), list(part) * sql.count("{marks}"))
        self.db.execute_in("DELETE FROM articles WHERE rowid IN ({marks})", [r["rowid"] for r in rows])

    def _insert(self, art: Article, run_id: int | None, at: str) -> int | None:
        """The article's row (its rowid), or None when an article of that id is stored."""
        cur = self.db.execute(
            "INSERT OR IGNORE INTO articles (id, content_hash, path, url, part, record, format,"
            " outlet, outlet_basis, headline, dek, published, published_basis, published_source, byline,"
            " credits, language, text, raw, hints, stages, skipped, run_id, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                art.id,
                art.content_hash,
                art.source.path,
                art.source.url,
                art.source.part,
                art.source.record,
                art.format,
                art.outlet,
                art.outlet_basis,
                art.headline,
                art.dek,
                art.published,
                art.published_basis,
                art.published_source,
                art.byline,
                json.dumps(art.credits),
                art.language,
                art.text,
                zlib.compress(art.raw.encode("utf-8"), 1),
                json.dumps(art.hints, default=str),
                json.dumps(art.stages),
                json.dumps(art.skipped),
                run_id,
                at,
            ),
        )
        return None if cur.rowcount == 0 else cur.lastrowid

    def add_rejects(self, rejects: list[Reject], run_id: int | None) -> None:
        if rejects:
            with self.db.transaction():
                self._insert_rejects(rejects, run_id, now_text())

    def _insert_rejects(self, rejects: list[Reject], run_id: int | None, at: str) -> None:
        self.db.executemany(
            "INSERT INTO rejects (run_id, path, url, part, record, stage, reason, detail, at)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    run_id,
                    r.source.path,
                    r.source.url,
                    r.source.part,
                    r.source.record,
                    r.stage,
                    r.reason,
                    r.detail,
                    at,
                )
                for r in rejects
            ],
        )

    # -- reading -----------------------------------------------------------------------
    def resolve_id(self, prefix: str) -> str:
        """The full id of the one article whose id starts with ``prefix``."""
        rows = self.db.rows(
            "SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "\uffff")
        )
        if not rows:
            raise KeyError(f"no article with id {prefix!r}")
        if len(rows) > 1 and rows[0][0] != prefix:
            raise KeyError(f"id prefix {prefix!r} matches several articles; give more characters")
        return str(rows[0][0])

    def get(self, article_id: str) -> Article:
        """One article (a unique id prefix is enough), with its raw input."""
        row = self.db.row("SELECT * FROM articles WHERE id = ?", (self.resolve_id(article_id),))
        assert row is not None
        return self._article(row, with_raw=True)

    def each(self, batch: int = 500) -> Iterator[Article]:
        """Every article in ingest order, without the raw input."""
        last = 0
        while True:
            rows = self.db.rows(
                "SELECT * FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, batch)
            )
            if not rows:
                return
            for row in rows:
                yield self._article(row)
            last = rows[-1]["rowid"]

    def _article(self, row: sqlite3.Row, with_raw: bool = False) -> Article:
        rowid = row["rowid"]
        removed = [
            Removed(r["text"], r["reason"], r["stage"])
            for r in self.db.execute(
                "SELECT text, reason, stage FROM removed WHERE article_rowid = ? ORDER BY seq",
                (rowid,),
            )
        ]
        notes = read_notes(self.db, [rowid])[rowid]
        apply_entity_ids(notes, chain_entities(self.db, [rowid]).get(rowid, {}))
        raw = zlib.decompress(row["raw"]).decode("utf-8") if with_raw and row["raw"] else ""
        return article_from_row(row, notes, removed, raw)

    def ids(self) -> list[str]:
        """Every article id, in ingest order."""
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY rowid")]

    def page(
        self,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[ArticleRow]:
        """One page of articles, oldest first (undated last), filtered by outlet and dates."""
        where, args = filters(outlet, since, until)
        rows = self.db.execute(
            "SELECT id, published, published_basis, outlet, headline, path, part,"
            " length(text) AS chars FROM articles a"
            f" {where} ORDER BY published IS NULL, published, rowid LIMIT ? OFFSET ?",
            (*args, limit, offset),
        )
        return [cast(ArticleRow, dict(r)) for r in rows]

    def count(self, outlet: str | None = None, since: str | None = None, until: str | None = None) -> int:
        where, args = filters(outlet, since, until)
        return int(self.db.value(f"SELECT count(*) FROM articles a {where}", args))

    def rows(self, ids: Iterable[str]) -> list[ArticleRef]:
        """id, headline, outlet, date and the first words (``lede``) of these articles."""
        sql = (
            "SELECT id, headline, outlet, published, substr(text, 1, 160) AS lede FROM articles"
            " WHERE id IN ({marks})"
        )
        return [
            ArticleRef(id=r[0], headline=r[1], outlet=r[2], published=r[3], lede=r[4])
            for r in self.db.select_in(sql, ids)
        ]

    def _filters(
        self, outlet: str | None, since: str | None, until: str | None, entity_id: str | None
    ) -> tuple[str, tuple[str, ...]]:
        """The search filters as SQL over ``articles a``, starting ``AND``."""
        where, args = filters(outlet, since, until, prefix="AND")
        if entity_id:
            where += (
                " AND EXISTS (SELECT 1 FROM entity_chains c WHERE c.article_rowid = a.rowid"
                " AND c.entity_id = ?)"
            )
            args = (*args, entity_id)
        return where, args

    def search(
        self,
        query: str,
        limit: int = 20,
        offset: int = 0,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        entity_id: str | None = None,
        strict: bool = False,
    ) -> list[SearchHit]:
        """Full-text search ranked by BM25 (headline hits weigh more), with snippets built for
        this page of hits only; ``entity_id`` keeps articles that mention that corpus entity. A
        query that is not valid FTS5 syntax is searched as its words, or with ``strict``
        refused (``ValueError``).

        In ``snippet``, each hit is wrapped in the control characters U+0002 ... U+0003
        (never found in clean text), for the caller to render as it likes.
        """
        where, args = self._filters(outlet, since, until, entity_id)
        return Search(self.db).hits(query, where, args, limit, offset, strict)

    def search_count(
        self,
        query: str,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        entity_id: str | None = None,
    ) -> int:
        """How many articles ``search`` finds with these filters."""
        return Search(self.db).count(query, *self._filters(outlet, since, until, entity_id))

    def search_ids(self, query: str, limit: int = 100_000) -> list[str]:
        """Ids of the articles a search finds, best first, without snippets."""
        return Search(self.db).ids(query, limit)

    def matching(self, query: str, ids: list[str]) -> set[str]:
        """Which of the articles ``ids`` a search finds."""
        return Search(self.db).among(query, ids)

    def quotes(
        self,
        speaker: str | None = None,
        limit: int = 100,
        offset: int = 0,
        entity_id: str | None = None,
    ) -> list[QuoteRow]:
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
        keys = ("article_id", "published", "outlet", "headline")
        return [
            cast(
                QuoteRow,
                {**{k: r[k] for k in keys}, **json.loads(r["data"]), "speaker_entity_id": r["entity_id"]},
            )
            for r in self.db.execute(sql, (*args, limit, offset))
        ]

    def rejects(self, run_id: int | None = None, limit: int = 1000, offset: int = 0) -> list[RejectRow]:
        """Every input that did not become an article, in the order they were recorded."""
        sql = "SELECT * FROM rejects"
        args: tuple[Any, ...] = ()
        if run_id is not None:
            sql += " WHERE run_id = ?"
            args = (run_id,)
        rows = self.db.execute(sql + " ORDER BY id LIMIT ? OFFSET ?", (*args, limit, offset))
        return [cast(RejectRow, dict(r)) for r in rows]

    def outlets(self) -> list[OutletCount]:
        """Every known outlet of the corpus with its articles and first and last dates, by name."""
        rows = self.db.rows(
            "SELECT outlet, count(*) AS articles, min(published) AS first, max(published) AS last"
            " FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY outlet"
        )
        return [cast(OutletCount, dict(r)) for r in rows]

    def summary(self) -> CorpusSummary:
        """Counts a user wants first: articles, outlets, dates, languages, rejects, removals."""
        one = self.db.row(
            "SELECT count(*) AS articles, min(published) AS first, max(published) AS last,"
            " sum(published IS NULL) AS undated, count(DISTINCT outlet) AS outlets,"
            " sum(length(text)) AS chars FROM articles"
        )
        assert one is not None
        outlets = self.db.rows(
            "SELECT coalesce(outlet, 'unknown outlet') AS outlet, count(*) AS articles,"
            " min(published) AS first, max(published) AS last"
            " FROM articles GROUP BY outlet ORDER BY count(*) DESC, outlet"
        )
        languages = self.db.rows(
            "SELECT coalesce(language, '?') AS language, count(*) AS n FROM articles"
            " GROUP BY language ORDER BY n DESC"
        )
        removed = self.db.rows("SELECT reason, count(*) AS n FROM removed GROUP BY reason ORDER BY n DESC")
        not_read = self.db.rows(
            "SELECT json_extract(skipped, '$.read') AS reason, count(*) AS n FROM articles"
            " WHERE reason IS NOT NULL GROUP BY reason ORDER BY n DESC, reason"
        )
        return {
            "articles": one["articles"],
            "outlets": one["outlets"],
            "first_date": one["first"],
            "last_date": one["last"],
            "undated": one["undated"] or 0,
            "characters": one["chars"] or 0,
            "digests_split": self.db.value(
                "SELECT count(DISTINCT content_hash) FROM articles WHERE part > 0"
            ),
            "rejects": self.db.value("SELECT count(*) FROM rejects"),
            "by_outlet": [cast(OutletCount, dict(r)) for r in outlets],
            "by_language": {r["language"]: r["n"] for r in languages},
            "removed_by_reason": {r["reason"]: r["n"] for r in removed},
            "not_read": {r["reason"]: r["n"] for r in not_read},
        }
