"""Watchlists and alerts: what a user watches, and the alerts the rounds of ``watch`` raised
(each once, by its key), with what they cite."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import cast

from storyline.model.follow import Alert, Watch
from storyline.store.database import Database

WATCH_KINDS = ("entity", "query", "outlet", "story")


class Alerts:
    """The ``watches`` and ``alerts`` tables."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def watch(self, kind: str, value: str, now: str) -> int:
        """Watch an entity (by name), a query, an outlet or a story (``ValueError`` if watched)."""
        if kind not in WATCH_KINDS:
            raise ValueError(f"unknown kind of watch {kind!r}: one of {', '.join(WATCH_KINDS)}")
        value = " ".join(value.split())
        if not value:
            raise ValueError("nothing to watch")
        if self.db.value("SELECT id FROM watches WHERE kind = ? AND value = ?", (kind, value)) is not None:
            raise ValueError(f"already watched: {kind} {value}")
        with self.db.transaction():
            done = self.db.execute(
                "INSERT INTO watches (kind, value, added_at) VALUES (?, ?, ?)", (kind, value, now)
            )
        return int(done.lastrowid or 0)

    def watches(self) -> list[Watch]:
        rows = self.db.rows("SELECT id, kind, value, added_at FROM watches ORDER BY id")
        return [Watch(id=r["id"], kind=r["kind"], value=r["value"], added_at=r["added_at"]) for r in rows]

    def unwatch(self, watch_id: int) -> bool:
        with self.db.transaction():
            done = self.db.execute("DELETE FROM watches WHERE id = ?", (watch_id,))
        return bool(done.rowcount)

    def add(self, alerts: list[Alert], now: str) -> list[Alert]:
        """Store the alerts not raised before (by ``key``); returns those that are new."""
        fresh = []
        with self.db.transaction():
            for a in alerts:
                done = self.db.execute(
                    "INSERT OR IGNORE INTO alerts (at, watch_id, kind, key, title, data)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (now, a["watch_id"], a["kind"], a["key"], a["title"], json.dumps(a)),
                )
                if done.rowcount:
                    fresh.append(Alert(**a, at=now))
        return fresh

    def since(self, at: str | None = None, limit: int = 200) -> list[Alert]:
        """Alerts raised at or after ``at``, newest first."""
        rows = self.db.rows(
            "SELECT id, at, data FROM alerts WHERE at >= ? ORDER BY at DESC, id DESC LIMIT ?",
            (at or "", limit),
        )
        return [cast(Alert, {**json.loads(r["data"]), "id": r["id"], "at": r["at"]}) for r in rows]

    def entity_names(self, article_ids: Iterable[str]) -> dict[str, list[tuple[str, list[str]]]]:
        """Article id → (entity id, names and aliases) of the entities it mentions."""
        sql = (
            "SELECT DISTINCT a.id, e.id, e.name, e.data FROM articles a"
            " JOIN entity_chains c ON c.article_rowid = a.rowid JOIN entities e ON e.id = c.entity_id"
            " WHERE a.id IN ({marks})"
        )
        out: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
        for aid, eid, name, data in self.db.select_in(sql, article_ids):
            out[aid].append((eid, [name, *json.loads(data).get("aliases", [])]))
        return dict(out)
