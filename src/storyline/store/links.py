"""Links: what linking reads (articles with their mentions, the previous run's assignments,
stored band keys and aliases) and what it writes (entities and their chains, copies, events,
stories, band keys, the link log, inferred dates), each write in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any, cast

from storyline.chunks import chunks
from storyline.clock import now_text
from storyline.model import Article, Duplicate, Entity, Event, LinkResult, Redated, Renamed, Saved, Story
from storyline.store.annotations import (
    KINDS,
    apply_entity_ids,
    chain_entities,
    read_notes,
    replace_notes,
)
from storyline.store.articles import article_from_row
from storyline.store.database import CHUNK, Database, marks
from storyline.store.records import plain, typed
from storyline.store.rows import Neighbour, StoryCount


def _number(event_id: str) -> int:
    """12 for "V12"; 0 for anything else."""
    return int(event_id[1:]) if event_id[:1] == "V" and event_id[1:].isdigit() else 0


RECORD_TABLES = {"entities": "id", "events": "id", "stories": "id", "duplicates": "article_id"}
"""Tables of link records (JSON in ``data``) and their key column."""

_LINK_TABLES = (
    "entities",
    "entity_chains",
    "duplicates",
    "events",
    "event_articles",
    "stories",
    "story_events",
    "term_frequencies",
    "views",
    "entity_quotes",
)


class Links:
    """The link tables: entities, entity_chains, entity_quotes, duplicates, minhash_bands,
    events, event_articles, stories, story_events and link_log."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- what linking reads ------------------------------------------------------------
    def inputs(
        self,
        ids: Iterable[str] | None = None,
        full: bool = False,
        kinds: tuple[str, ...] = ("entities",),
    ) -> Iterator[Article]:
        """What linking needs of the articles (all, or ``ids``): ids, dates, outlet, text and
        their annotations of ``kinds`` as stored; ``full``: every kind, with corpus entity ids."""
        kinds = tuple(KINDS) if full else kinds
        cols = (
            "rowid, id, url, language, published, published_basis, outlet, headline, text, credits,"
            " content_hash, stages, skipped"
        )
        batches: Iterator[list[sqlite3.Row]]
        if ids is None:
            batches = self._batches(f"SELECT {cols} FROM articles")
        else:
            batches = (
                self.db.rows(
                    f"SELECT {cols} FROM articles WHERE id IN ({marks(len(part))}) ORDER BY rowid",
                    part,
                )
                for part in chunks(sorted(set(ids)), CHUNK)
            )
        for rows in batches:
            rowids = [r["rowid"] for r in rows]
            notes = read_notes(self.db, rowids, kinds)
            chains = chain_entities(self.db, rowids) if full else {}
            for row in rows:
                apply_entity_ids(notes[row["rowid"]], chains.get(row["rowid"], {}))
                yield article_from_row(row, notes[row["rowid"]])

    def _batches(self, sql: str, size: int = 1000) -> Iterator[list[sqlite3.Row]]:
        last = 0
        while True:
            rows = self.db.rows(f"{sql} WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, size))
            if not rows:
                return
            yield rows
            last = rows[-1]["rowid"]

    def any(self) -> bool:
        """Whether a linking run has stored its results."""
        return self.db.row("SELECT 1 FROM event_articles LIMIT 1") is not None

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
        """The ``limit`` most recently published articles."""
        rows = self.db.execute(
            "SELECT id FROM articles WHERE published IS NOT NULL ORDER BY published DESC LIMIT ?",
            (limit,),
        )
        return [r[0] for r in rows]

    def undated_ids(self, limit: int) -> list[str]:
        """The ``limit`` undated articles stored last."""
        rows = self.db.execute(
            "SELECT id FROM articles WHERE published IS NULL ORDER BY rowid DESC LIMIT ?", (limit,)
        )
        return [r[0] for r in rows]

    def saved(self, chains: bool = True) -> Saved:
        """The previous run's assignments: chains (unless ``chains`` is False: an incremental
        run matches new chains by the entities' aliases, and the corpus's chains are the
        largest of these), events, stories, copies."""
        db = self.db
        return Saved(
            chains={
                (r[0], r[1]): r[2]
                for r in db.execute(
                    "SELECT a.id, c.chain, c.entity_id FROM entity_chains c"
                    " JOIN articles a ON a.rowid = c.article_rowid"
                )
            }
            if chains
            else {},
            events={r[0]: r[1] for r in db.execute("SELECT article_id, event_id FROM event_articles")},
            stories={r[0]: r[1] for r in db.execute("SELECT event_id, story_id FROM story_events")},
            duplicates={r[0]: r[1] for r in db.execute("SELECT article_id, duplicate_of FROM duplicates")},
        )

    def term_frequencies(self, block: str, terms: list[str]) -> dict[str, int]:
        """Of the stored document frequencies of ``block`` (link.event_model), those of
        ``terms``; block "" term "" holds how many articles were counted."""
        sql = "SELECT term, df FROM term_frequencies WHERE term IN ({marks}) AND block = ?"
        return {r[0]: r[1] for r in self.db.select_in(sql, terms, (block,))}

    def event_ids_issued(self) -> int:
        """The highest event number the corpus ever used (events merged away included), so a
        new event never takes the id an older one had."""
        top = 0
        for (value,) in self.db.execute("SELECT id FROM events"):
            top = max(top, _number(value))
        for (detail,) in self.db.execute(
            "SELECT detail FROM link_log WHERE kind IN ('event founded', 'events merged')"
        ):
            top = max(top, *(_number(w) for w in detail.split()[:3]))
        return top

    def clustered_counts(self) -> tuple[int, int]:
        """(articles counted, articles counted when events were last clustered in full)."""
        got = self.term_frequencies("", ["", "full"])
        return got.get("", 0), got.get("full", 0)

    def _add_frequencies(self, links: LinkResult) -> None:
        """Add the run's document frequencies to the stored ones (a full run replaced them)."""
        freq = links.frequencies
        if freq is None:
            return
        rows = [("", "", freq.n)] + [(b, t, c) for b, terms in freq.df.items() for t, c in terms.items()]
        if links.full:  # the corpus size events were last clustered in full at
            rows.append(("", "full", freq.n))
        self.db.executemany(
            "INSERT INTO term_frequencies (block, term, df) VALUES (?, ?, ?)"
            " ON CONFLICT (block, term) DO UPDATE SET df = df + excluded.df",
            rows,
        )

    def entity_stories(self, entity_id: str) -> list[str]:
        """The stories of the articles an entity is named in."""
        rows = self.db.execute(
            "SELECT DISTINCT se.story_id FROM entity_chains ec"
            " JOIN articles a ON a.rowid = ec.article_rowid"
            " JOIN event_articles ea ON ea.article_id = a.id"
            " JOIN story_events se ON se.event_id = ea.event_id"
            " WHERE ec.entity_id = ?",
            (entity_id,),
        )
        return [r[0] for r in rows]

    def entity_neighbours(
        self, entity_id: str, sample: int = 2000, limit: int = 10
    ) -> tuple[list[StoryCount], list[Neighbour]]:
        """(stories, co-mentioned entities) of an entity's latest ``sample`` articles, most
        shared first: what a reader opens next from its page, at a cost bounded per entity."""
        latest = (
            "SELECT DISTINCT article_rowid FROM entity_chains WHERE entity_id = ?"
            " ORDER BY article_rowid DESC LIMIT ?"
        )
        stories = self.db.rows(
            "SELECT se.story_id AS id, s.title, count(DISTINCT a.rowid) AS articles"
            f" FROM ({latest}) c JOIN articles a ON a.rowid = c.article_rowid"
            " JOIN event_articles ea ON ea.article_id = a.id"
            " JOIN story_events se ON se.event_id = ea.event_id JOIN stories s ON s.id = se.story_id"
            " GROUP BY se.story_id ORDER BY articles DESC, se.story_id LIMIT ?",
            (entity_id, sample, limit),
        )
        others = self.db.rows(
            "SELECT o.entity_id AS id, e.name, e.label, count(DISTINCT o.article_rowid) AS articles"
            f" FROM ({latest}) c JOIN entity_chains o ON o.article_rowid = c.article_rowid"
            " JOIN entities e ON e.id = o.entity_id WHERE o.entity_id != ?"
            " GROUP BY o.entity_id ORDER BY articles DESC, o.entity_id LIMIT ?",
            (entity_id, sample, entity_id, limit),
        )
        return [cast(StoryCount, dict(r)) for r in stories], [cast(Neighbour, dict(r)) for r in others]

    def entity_aliases(self) -> list[tuple[str, str, list[str]]]:
        """(id, label, aliases) of every corpus entity: what a new article's names match."""
        rows = self.db.execute("SELECT id, label, json_extract(data, '$.aliases') FROM entities")
        return [(r[0], r[1], json.loads(r[2] or "[]")) for r in rows]

    def _records(self, table: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        key = RECORD_TABLES[table]
        sql = f"SELECT {key}, data FROM {table} WHERE {key} IN ({{marks}})"
        return {r[0]: json.loads(r[1]) for r in self.db.select_in(sql, ids)}

    def entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        """Stored entity records, by id."""
        return {k: typed(Entity, v) for k, v in self._records("entities", ids).items()}

    def events(self, ids: Iterable[str]) -> dict[str, Event]:
        """Stored event records, by id."""
        return {k: typed(Event, v) for k, v in self._records("events", ids).items()}

    def stories(self, ids: Iterable[str]) -> dict[str, Story]:
        """Stored story records, by id."""
        return {k: typed(Story, v) for k, v in self._records("stories", ids).items()}

    def duplicates(self, ids: Iterable[str]) -> dict[str, Duplicate]:
        """Stored copies among these articles, by the copy's id."""
        return {k: typed(Duplicate, v) for k, v in self._records("duplicates", ids).items()}

    def story_events(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        """The events of these stories, by story, in id order."""
        out: dict[str, list[str]] = {}
        sql = "SELECT story_id, event_id FROM story_events WHERE story_id IN ({marks}) ORDER BY event_id"
        for r in self.db.select_in(sql, story_ids):
            out.setdefault(r[0], []).append(r[1])
        return out

    def copies_of(self, ids: Iterable[str]) -> list[str]:
        """Stored copies of these originals."""
        sql = "SELECT article_id FROM duplicates WHERE duplicate_of IN ({marks})"
        return [r[0] for r in self.db.select_in(sql, ids)]

    def band_candidates(self, keys: Iterable[int]) -> dict[int, list[str]]:
        """LSH band key → stored articles with that key."""
        out: dict[int, list[str]] = {}
        sql = "SELECT key, article_id FROM minhash_bands WHERE key IN ({marks})"
        for r in self.db.select_in(sql, keys):
            out.setdefault(r[0], []).append(r[1])
        return out

    def stories_of(self, article_ids: list[str]) -> dict[str, dict[str, str]]:
        """Article id → the id and title of its story (articles not linked are left out)."""
        sql = (
            "SELECT ea.article_id, s.id, s.title FROM event_articles ea"
            " JOIN story_events se ON se.event_id = ea.event_id JOIN stories s ON s.id = se.story_id"
            " WHERE ea.article_id IN ({marks})"
        )
        return {r[0]: {"id": r[1], "title": r[2]} for r in self.db.select_in(sql, article_ids)}

    def event_of(self, article_id: str) -> str | None:
        """The event an article reports (None before linking)."""
        return self.db.value("SELECT event_id FROM event_articles WHERE article_id = ?", (article_id,))

    # -- what linking writes -----------------------------------------------------------
    def save(self, links: LinkResult, run_id: int | None = None) -> None:
        """Write what linking found, in one transaction (readers see old or new, never half).

        A full run replaces every link table and the band keys; otherwise the records given
        are inserted or replaced, entities and events merged into others are deleted (their
        chains and articles moved to the one kept), and the views of every story and event
        written are dropped, to be computed again when asked for."""
        db = self.db
        with db.transaction():
            if links.full:
                for table in (*_LINK_TABLES, "minhash_bands"):
                    db.execute(f"DELETE FROM {table}")
            self._set_dates(links.redated)  # first: the quotes indexed below carry the dates
            self._merge(links)
            db.executemany(
                "INSERT OR REPLACE INTO entities (id, name, label, data) VALUES (?, ?, ?, ?)",
                [(e.id, e.name, e.label, json.dumps(plain(e))) for e in links.entities],
            )
            rowid = self._rowids({aid for aid, _ in links.chains})
            db.executemany(
                "INSERT OR REPLACE INTO entity_chains (article_rowid, chain, entity_id) VALUES (?, ?, ?)",
                [(rowid[aid], chain, eid) for (aid, chain), eid in links.chains.items() if aid in rowid],
            )
            self._index_quotes(None if links.full else set(rowid.values()))
            db.executemany(
                "INSERT OR REPLACE INTO duplicates (article_id, duplicate_of, similarity, kind,"
                " data) VALUES (?, ?, ?, ?, ?)",
                [
                    (d.article_id, d.duplicate_of, d.similarity, d.kind, json.dumps(plain(d)))
                    for d in links.duplicates
                ],
            )
            db.executemany("INSERT INTO minhash_bands (key, article_id) VALUES (?, ?)", links.bands)
            self._save_events(links)
            self._add_frequencies(links)
            db.executemany(
                "INSERT INTO link_log (run_id, kind, detail, at) VALUES (?, ?, ?, ?)",
                [(run_id, kind, detail, now_text()) for kind, detail in links.log],
            )

    def _merge(self, links: LinkResult) -> None:
        """Entities and events merged into others: their chains, quotes and articles move to
        the one kept, their records go."""
        db = self.db
        for old, new in links.merged_entities.items():
            db.execute("UPDATE entity_chains SET entity_id = ? WHERE entity_id = ?", (new, old))
            db.execute("UPDATE entity_quotes SET entity_id = ? WHERE entity_id = ?", (new, old))
            db.execute("DELETE FROM entities WHERE id = ?", (old,))
        for old, new in links.merged_events.items():
            db.execute("UPDATE event_articles SET event_id = ? WHERE event_id = ?", (new, old))
            db.execute("DELETE FROM events WHERE id = ?", (old,))
            db.execute("DELETE FROM views WHERE kind = 'event' AND id = ?", (old,))
            db.execute("DELETE FROM story_events WHERE event_id = ?", (old,))
        for sid in links.emptied_stories:
            db.execute("DELETE FROM stories WHERE id = ?", (sid,))
            db.execute("DELETE FROM views WHERE kind = 'story' AND id = ?", (sid,))

    def _save_events(self, links: LinkResult) -> None:
        """Events and stories with their members; the views of each one written are dropped."""
        db = self.db
        db.executemany(
            "INSERT OR REPLACE INTO events (id, title, date, data) VALUES (?, ?, ?, ?)",
            [(v.id, v.title, v.date, json.dumps(plain(v))) for v in links.events],
        )
        db.executemany(
            "INSERT OR REPLACE INTO event_articles (article_id, event_id, score) VALUES (?, ?, ?)",
            [(aid, v.id, None) for v in links.events for aid in v.article_ids],
        )
        db.executemany(
            "INSERT OR REPLACE INTO stories (id, title, first_date, last_date, articles, data)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (v.id, v.title, v.first_date, v.last_date, len(v.article_ids), json.dumps(plain(v)))
                for v in links.stories
            ],
        )
        db.executemany(
            "INSERT OR REPLACE INTO story_events (event_id, story_id) VALUES (?, ?)",
            [(e, v.id) for v in links.stories for e in v.event_ids],
        )
        db.executemany(
            "DELETE FROM views WHERE kind = ? AND id = ?",
            [("story", v.id) for v in links.stories] + [("event", v.id) for v in links.events],
        )

    def _index_quotes(self, rowids: set[int] | None) -> None:
        """Fill ``entity_quotes`` for all articles (None) or these: each quote whose
        speaker chain linking tied to a corpus entity."""
        sql = (
            "INSERT OR REPLACE INTO entity_quotes (article_rowid, seq, entity_id, published)"
            " SELECT n.article_rowid, n.seq, c.entity_id, a.published FROM annotations n"
            " JOIN entity_chains c ON c.article_rowid = n.article_rowid"
            " AND c.chain = json_extract(n.data, '$.speaker_chain')"
            " JOIN articles a ON a.rowid = n.article_rowid WHERE n.kind = 'quotes'"
        )
        if rowids is None:
            self.db.execute(sql)
        else:
            self.db.execute_in(sql + " AND n.article_rowid IN ({marks})", rowids)

    def _set_dates(self, updates: list[Redated]) -> None:
        """Dates linking inferred (or withdrew), with what follows from them: the article's
        time expressions resolved again, its roles' "as of" and its claims' dates."""
        for u in updates:
            rowid = self.db.value("SELECT rowid FROM articles WHERE id = ?", (u.article_id,))
            if rowid is None:
                continue
            self.db.execute(
                "UPDATE articles SET published = ?, published_basis = ?, published_source = ?"
                " WHERE rowid = ?",
                (u.published, u.basis, u.source, rowid),
            )
            self.db.execute(
                "UPDATE entity_quotes SET published = ? WHERE article_rowid = ?",
                (u.published, rowid),
            )
            replace_notes(self.db, rowid, {"timexes": u.timexes, "entities": u.entities, "claims": u.claims})

    def _rowids(self, ids: Iterable[str]) -> dict[str, int]:
        """Article id → rowid (the key the annotation and chain tables use)."""
        sql = "SELECT id, rowid FROM articles WHERE id IN ({marks})"
        return {r[0]: r[1] for r in self.db.select_in(sql, ids)}

    def outlet_rows(self) -> list[tuple[str, str | None, str | None, str | None]]:
        """(id, url, outlet, outlet basis) of every article, for naming one outlet per site."""
        return [
            (r[0], r[1], r[2], r[3])
            for r in self.db.execute("SELECT id, url, outlet, outlet_basis FROM articles ORDER BY rowid")
        ]

    def set_outlets(self, renamed: Iterable[Renamed]) -> list[str]:
        """Store outlets the corpus names (``link.outlets``), in one transaction; the ids of
        articles that a linking run had seen already (their events and views name the old)."""
        renamed = list(renamed)
        with self.db.transaction():
            for r in renamed:
                self.db.execute(
                    "UPDATE articles SET outlet = ?, outlet_basis = ? WHERE id = ?",
                    (r.outlet, r.basis, r.article_id),
                )
        return sorted(
            {
                row[0]
                for row in self.db.select_in(
                    "SELECT article_id FROM event_articles WHERE article_id IN ({marks})",
                    [r.article_id for r in renamed],
                )
            }
        )
