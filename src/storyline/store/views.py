"""Views and page queries: the computed views of stories and events (timeline, summary, quote
board, ...), which of them are stale, and the reads the pages make of the link tables."""

from __future__ import annotations

import json
from typing import Any

from storyline.store.database import Database

_VIEW_TABLES = {"story": ("stories", "first_date"), "event": ("events", "date")}


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

    def save(self, kind: str, views: dict[str, dict[str, Any]]) -> None:
        """The views of these stories (or events), by id."""
        with self.db.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO views (kind, id, data) VALUES (?, ?, ?)",
                [(kind, i, json.dumps(v)) for i, v in views.items()],
            )

    def view(self, kind: str, item_id: str) -> dict[str, Any] | None:
        """One story's or event's record merged with its views (None when unknown)."""
        table, _ = _VIEW_TABLES[kind]
        row = self.db.row(
            f"SELECT t.data, v.data FROM {table} t LEFT JOIN views v ON v.kind = ? AND v.id = t.id"
            " WHERE t.id = ?",
            (kind, item_id),
        )
        return None if row is None else {**json.loads(row[0]), **json.loads(row[1] or "{}")}

    def _with_views(self, kind: str) -> list[dict[str, Any]]:
        table, order = _VIEW_TABLES[kind]
        rows = self.db.execute(
            f"SELECT t.data, v.data FROM {table} t LEFT JOIN views v ON v.kind = ? AND v.id = t.id"
            f" ORDER BY t.{order} IS NULL, t.{order}, t.id",
            (kind,),
        )
        return [{**json.loads(r[0]), **json.loads(r[1] or "{}")} for r in rows]

    def events(self) -> list[dict[str, Any]]:
        """Every event with its views (summary, what one outlet alone reports) where computed."""
        return self._with_views("event")

    def stories(self) -> list[dict[str, Any]]:
        """Every story with its views (timeline, summary, quote board, conflicts, coverage)
        where computed."""
        return self._with_views("story")

    # -- page queries ------------------------------------------------------------------
    def stories_page(self, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """(total, one page of story records without their views), newest first."""
        total = self.db.value("SELECT count(*) FROM stories")
        rows = self.db.execute(
            "SELECT data FROM stories ORDER BY first_date IS NULL, first_date DESC, id LIMIT ? OFFSET ?",
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
        total = self.db.value(f"SELECT count(*) FROM entities{clause}", args)
        rows = self.db.execute(
            f"SELECT data FROM entities{clause}"
            " ORDER BY json_extract(data, '$.articles') DESC, id LIMIT ? OFFSET ?",
            [*args, limit, offset],
        )
        return total, [json.loads(r[0]) for r in rows]

    def entities(self, label: str | None = None, name: str | None = None) -> list[dict[str, Any]]:
        """Every entity (of ``label``, matching ``name`` in a name or alias), most reported first."""
        return self.entities_page(-1, 0, label, name)[1]

    def duplicates(self) -> list[dict[str, Any]]:
        """Every copy with its original, grouped by original."""
        rows = self.db.execute("SELECT data FROM duplicates ORDER BY duplicate_of, article_id")
        return [json.loads(r[0]) for r in rows]

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
            t: self.db.value(f"SELECT count(*) FROM {t}")
            for t in ("entities", "events", "stories", "duplicates")
        }

    def link_log(self, limit: int = 100) -> list[dict[str, Any]]:
        """The newest entries of the link log (events founded and merged, ...)."""
        rows = self.db.execute(
            "SELECT run_id, kind, detail, at FROM link_log ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [dict(r) for r in rows]
