"""Views and page queries: the computed views of stories and events (timeline, summary, quote
board, ...), which of them are stale, and the reads the pages make of the link tables."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from storyline.model import Duplicate, Entity, Event, Story
from storyline.model.analyses import EventViews, StoryViews
from storyline.store.articles import filters as article_filters
from storyline.store.database import Database
from storyline.store.records import typed
from storyline.store.rows import LogEntry, MonthCount

_VIEW_TABLES = {"story": ("stories", "first_date"), "event": ("events", "date")}


@dataclass(frozen=True)
class Filters:
    """What a listing keeps: an outlet, a date range (inclusive; ``2023-03`` is all of March),
    and a page (``limit`` None: all)."""

    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = None
    offset: int = 0


def _span_filters(f: Filters) -> tuple[str, list[Any], str]:
    """WHERE clause (``{day}`` stands for the record's first date), its values, and the page
    clause (its values last), for a story's or event's outlets and the days it spans."""
    clauses: list[str] = []
    args: list[Any] = []
    if f.outlet:
        clauses.append(
            "EXISTS (SELECT 1 FROM json_each(t.data, '$.outlets') o WHERE o.value = ? COLLATE NOCASE)"
        )
        args.append(f.outlet)
    if f.since:
        clauses.append("coalesce(json_extract(t.data, '$.last_date'), {day}) >= ?")
        args.append(f.since)
    if f.until:
        clauses.append("{day} <= ?")
        args.append(f.until + "\uffff")
    page = ""
    if f.limit is not None:
        page = "LIMIT ? OFFSET ?"
        args += [f.limit, f.offset]
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", args, page


STORY_ORDERS = {
    "rank": "",  # size and recency (computed in ``stories_page``)
    "newest": "last_date IS NULL, last_date DESC, id",
    "oldest": "first_date IS NULL, first_date, id",
    "size": "articles DESC, last_date DESC, id",
}
"""How the stories list can be ordered."""


class Views:
    """The ``views`` table, and the page queries over entities, events, stories and copies."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- computed views ----------------------------------------------------------------
    def stale(self, kind: str) -> list[str]:
        """Stories (or events) whose views must be computed again, newest first."""
        table, order = _VIEW_TABLES[kind]
        rows = self.db.execute(
            f"SELECT id FROM {table} WHERE id NOT IN (SELECT id FROM views WHERE kind = ?)"
            f" ORDER BY {order} IS NULL, {order} DESC, id",
            (kind,),
        )
        return [r[0] for r in rows]

    def save(self, kind: str, views: Mapping[str, StoryViews | EventViews]) -> None:
        """The views of these stories (or events), by id."""
        with self.db.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO views (kind, id, data) VALUES (?, ?, ?)",
                [(kind, i, json.dumps(v)) for i, v in views.items()],
            )

    def _one(self, kind: str, item_id: str) -> tuple[Any, Any] | None:
        table, _ = _VIEW_TABLES[kind]
        row = self.db.row(
            f"SELECT t.data, v.data FROM {table} t LEFT JOIN views v ON v.kind = ? AND v.id = t.id"
            " WHERE t.id = ?",
            (kind, item_id),
        )
        return None if row is None else (json.loads(row[0]), json.loads(row[1] or "{}"))

    def story(self, story_id: str) -> tuple[Story, StoryViews] | None:
        """One story's record and its views ({} while not computed); None when unknown."""
        found = self._one("story", story_id)
        return None if found is None else (typed(Story, found[0]), found[1])

    def event(self, event_id: str) -> tuple[Event, EventViews] | None:
        """One event's record and its views ({} while not computed); None when unknown."""
        found = self._one("event", event_id)
        return None if found is None else (typed(Event, found[0]), found[1])

    def _with_views(self, kind: str, filters: Filters | None = None) -> list[tuple[Any, Any]]:
        table, order = _VIEW_TABLES[kind]
        where, args, page = _span_filters(filters or Filters())
        rows = self.db.execute(
            f"SELECT t.data, v.data FROM {table} t LEFT JOIN views v ON v.kind = ? AND v.id = t.id"
            f" {where.format(day=f't.{order}')} ORDER BY t.{order} IS NULL, t.{order}, t.id {page}",
            (kind, *args),
        )
        return [(json.loads(r[0]), json.loads(r[1] or "{}")) for r in rows]

    def events(self, filters: Filters | None = None) -> list[tuple[Event, EventViews]]:
        """Events with their views (summary, what one outlet alone reports) where computed, in
        date order; ``filters``: an outlet that reported it, dates it spans, a page."""
        return [(typed(Event, r), v) for r, v in self._with_views("event", filters)]

    def stories(self, filters: Filters | None = None) -> list[tuple[Story, StoryViews]]:
        """Stories with their views (timeline, summary, quote board, conflicts, coverage) where
        computed, in date order; ``filters``: an outlet that reported it, dates it spans, a page."""
        return [(typed(Story, r), v) for r, v in self._with_views("story", filters)]

    # -- page queries ------------------------------------------------------------------
    def stories_page(
        self, limit: int = 50, offset: int = 0, order: str = "newest", min_articles: int = 1
    ) -> tuple[int, list[Story]]:
        """(total, one page of story records without their views) of ``min_articles`` articles
        or more, in ``order`` (one of ``STORY_ORDERS``)."""
        if order not in STORY_ORDERS:
            raise ValueError(f"unknown order {order!r}: one of {', '.join(STORY_ORDERS)}")
        if order == "rank":  # size over 1 + months between its last report and the newest
            newest = self.db.value("SELECT max(last_date) FROM stories")
            age = "max(0, julianday(substr(?, 1, 10)) - julianday(substr(last_date, 1, 10)))"
            sort = f"articles / (1.0 + {age} / 30.0) DESC, last_date DESC, id"
            args: tuple[Any, ...] = (newest,)
        else:
            sort, args = STORY_ORDERS[order], ()
        total = self.db.value("SELECT count(*) FROM stories WHERE articles >= ?", (min_articles,))
        rows = self.db.execute(
            f"SELECT data FROM stories WHERE articles >= ? ORDER BY {sort} LIMIT ? OFFSET ?",
            (min_articles, *args, limit, offset),
        )
        return total, [typed(Story, json.loads(r[0])) for r in rows]

    def entities_page(
        self, limit: int = 50, offset: int = 0, label: str | None = None, name: str | None = None
    ) -> tuple[int, list[Entity]]:
        """(total, one page of entities), most reported first; ``name`` matches name or alias."""
        where, args = [], []
        if label:
            where.append("label = ?")
            args.append(label)
        if name:  # each alias as text: the stored JSON escapes letters outside ASCII
            where.append(
                "(name LIKE ? OR EXISTS (SELECT 1 FROM json_each(data, '$.aliases') a WHERE a.value LIKE ?))"
            )
            args += [f"%{name}%", f"%{name}%"]
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        total = self.db.value(f"SELECT count(*) FROM entities{clause}", args)
        rows = self.db.execute(
            f"SELECT data FROM entities{clause}"
            " ORDER BY json_extract(data, '$.articles') DESC, id LIMIT ? OFFSET ?",
            [*args, limit, offset],
        )
        return total, [typed(Entity, json.loads(r[0])) for r in rows]

    def entities(self, label: str | None = None, name: str | None = None) -> list[Entity]:
        """Every entity (of ``label``, matching ``name`` in a name or alias), most reported first."""
        return self.entities_page(-1, 0, label, name)[1]

    def duplicates(self, filters: Filters | None = None) -> list[Duplicate]:
        """Copies with their originals, grouped by original; ``filters``: the copy's or the
        original's outlet, the copy's publication dates, a page."""
        f = filters or Filters()
        where, args = article_filters(
            f.outlet,
            f.since,
            f.until,
            outlet_sql="(json_extract(d.data, '$.outlet') = ? COLLATE NOCASE"
            " OR json_extract(d.data, '$.original_outlet') = ? COLLATE NOCASE)",
        )
        page = "LIMIT ? OFFSET ?" if f.limit is not None else ""
        rows = self.db.execute(
            f"SELECT d.data FROM duplicates d LEFT JOIN articles a ON a.id = d.article_id {where}"
            f" ORDER BY d.duplicate_of, d.article_id {page}",
            [*args, *((f.limit, f.offset) if f.limit is not None else ())],
        )
        return [typed(Duplicate, json.loads(r[0])) for r in rows]

    def entity_months(self, entity_id: str) -> list[MonthCount]:
        """Articles mentioning the entity per month of publication: its mentions over time."""
        rows = self.db.execute(
            "SELECT substr(a.published, 1, 7) AS month, count(DISTINCT a.rowid) AS articles"
            " FROM entity_chains c JOIN articles a ON a.rowid = c.article_rowid"
            " WHERE c.entity_id = ? AND a.published IS NOT NULL GROUP BY month ORDER BY month",
            (entity_id,),
        )
        return [MonthCount(month=r["month"], articles=r["articles"]) for r in rows]

    def link_counts(self) -> dict[str, int]:
        """How many entities, events, stories and copies linking found."""
        return {
            t: self.db.value(f"SELECT count(*) FROM {t}")
            for t in ("entities", "events", "stories", "duplicates")
        }

    def link_log(self, limit: int = 100) -> list[LogEntry]:
        """The newest entries of the link log (events founded and merged, ...)."""
        rows = self.db.execute(
            "SELECT run_id, kind, detail, at FROM link_log ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [LogEntry(run_id=r["run_id"], kind=r["kind"], detail=r["detail"], at=r["at"]) for r in rows]
