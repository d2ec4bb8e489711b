"""Sources and their items: what ``storyline sources`` lists and ``watch`` polls. A source's
state (validators for conditional requests, when it is due, its errors) and each item it
listed (``fetched`` into a round's WARC, ``stored`` once ingested, ``retry`` after a failure
that may pass, fetched again by later rounds up to ``MAX_ATTEMPTS`` failed tries, ``failed``
with the reason, ``waiting`` when a round's deadline came before its fetch: fetched first by
the next round, no try counted), so a watch killed at any moment resumes without fetching a
stored item again."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Mapping
from typing import cast

from storyline.model.follow import Failure, FollowedSource, ItemState
from storyline.store.database import Database

KINDS = ("url", "feed", "sitemap", "site", "folder")  # "url": not read yet
MAX_ATTEMPTS = 3  # tries of an item whose fetch keeps failing in ways that may pass
FAILED_TRY = ("retry", "failed")  # the states a failed fetch leaves: what ``attempts`` counts


class Sources:
    """The ``sources`` and ``source_items`` tables."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self,
        kind: str,
        location: str,
        every_seconds: int,
        name: str | None,
        now: str,
        outlet: str | None = None,
    ) -> int:
        """A new source (``ValueError`` when that location is followed already); ``outlet``:
        the outlet every article of it is credited to (None: what each article says)."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind of source {kind!r}: one of {', '.join(KINDS)}")
        if self.db.value("SELECT id FROM sources WHERE location = ?", (location,)) is not None:
            raise ValueError(f"already followed: {location}")
        with self.db.transaction():
            done = self.db.execute(
                "INSERT INTO sources (kind, location, name, every_seconds, added_at, outlet)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (kind, location, name, every_seconds, now, outlet),
            )
        return int(done.lastrowid or 0)

    def remove(self, key: str) -> bool:
        """Stop following a source given by id, name or location (its items go with it)."""
        found = self.find(key)
        if found is None:
            return False
        with self.db.transaction():
            self.db.execute("DELETE FROM source_items WHERE source_id = ?", (found["id"],))
            self.db.execute("DELETE FROM sources WHERE id = ?", (found["id"],))
        return True

    def find(self, key: str) -> FollowedSource | None:
        """A source by id, name or location."""
        row = self.db.row(
            "SELECT * FROM sources WHERE CAST(id AS TEXT) = ? OR name = ? OR location = ?", (key, key, key)
        )
        return _source(row) if row else None

    def all(self) -> list[FollowedSource]:
        """Every source with its item counts by state."""
        out = []
        for row in self.db.rows("SELECT * FROM sources ORDER BY id"):
            counts: dict[str, int] = {
                r[0]: int(r[1])
                for r in self.db.rows(
                    "SELECT state, count(*) FROM source_items WHERE source_id = ? GROUP BY state",
                    (row["id"],),
                )
            }
            out.append(FollowedSource(**_source(row), items=counts))
        return out

    def due(self, at: float | None = None) -> list[FollowedSource]:
        """Sources whose next poll is due (all of them with ``at`` = infinity)."""
        at = time.time() if at is None else at
        return [
            _source(r) for r in self.db.rows("SELECT * FROM sources WHERE next_due <= ? ORDER BY id", (at,))
        ]

    def polled(
        self,
        source_id: int,
        now: str,
        next_due: float,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        """Record one poll: when, the validators the server gave, the error if it failed."""
        with self.db.transaction():
            self.db.execute(
                "UPDATE sources SET last_polled = ?, next_due = ?, polls = polls + 1,"
                " errors = errors + ?, last_error = CASE WHEN ? IS NULL THEN last_error ELSE ? END,"
                " etag = coalesce(?, etag), last_modified = coalesce(?, last_modified) WHERE id = ?",
                (now, next_due, 1 if error else 0, error, error, etag, last_modified, source_id),
            )

    def damaged(self, source_id: int, damage: str | None) -> None:
        """What was wrong with the source's listing as last read (None: it read clean)."""
        with self.db.transaction():
            self.db.execute("UPDATE sources SET damage = ? WHERE id = ?", (damage, source_id))

    def known(self, source_id: int, keys: list[str]) -> dict[str, str]:
        """Item key → state, for the keys this source listed before."""
        sql = "SELECT key, state FROM source_items WHERE key IN ({marks}) AND source_id = ?"
        return {r[0]: r[1] for r in self.db.select_in(sql, keys, (source_id,))}

    def stored_urls(self, urls: list[str]) -> dict[str, str | None]:
        """URL → the WARC it was kept in, for the URLs whose page some source's item brought
        and stored: another item naming one (another source lists it, a feed gave it a new
        guid) needs no fetch."""
        sql = "SELECT url, warc FROM source_items WHERE url IN ({marks}) AND state = 'stored'"
        return {r[0]: r[1] for r in self.db.select_in(sql, urls)}

    def mark(self, source_id: int, items: list[ItemState], now: str) -> list[str]:
        """Items in a new state: dicts of key, url, state, and warc or error. ``attempts``
        counts an item's failed tries (a fetch that worked, a page stored already, a wait for
        the next round are none); an item marked ``retry`` once it has failed ``MAX_ATTEMPTS``
        times is ``failed``; returns the keys whose state is ``failed`` now (final)."""
        final = []
        with self.db.transaction():
            for i in items:
                tried = 1 if i["state"] in FAILED_TRY else 0
                rows = self.db.rows(
                    "INSERT INTO source_items (source_id, key, url, state, warc, seen_at, error, attempts)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, key) DO UPDATE SET"
                    " state = CASE WHEN excluded.state = 'retry' AND attempts + 1 >= ? THEN 'failed'"
                    " ELSE excluded.state END, attempts = attempts + excluded.attempts,"
                    " warc = coalesce(excluded.warc, warc), error = excluded.error RETURNING state",
                    (
                        source_id,
                        i["key"],
                        i.get("url"),
                        i["state"],
                        i.get("warc"),
                        now,
                        i.get("error"),
                        tried,
                        MAX_ATTEMPTS,
                    ),
                )
                if rows and rows[0][0] == "failed":
                    final.append(i["key"])
        return final

    def retrying(self, source_id: int) -> list[tuple[str, str]]:
        """(key, url) of this source's items to fetch again: failures that may pass."""
        rows = self.db.rows(
            "SELECT key, url FROM source_items WHERE source_id = ? AND state = 'retry' ORDER BY seen_at, key",
            (source_id,),
        )
        return [(r[0], r[1]) for r in rows]

    def waiting(self, source_id: int) -> list[tuple[str, str]]:
        """(key, url) of this source's items an earlier round's deadline left unfetched (the
        longest waiting first): the next round fetches them before its new ones."""
        rows = self.db.rows(
            "SELECT key, url FROM source_items WHERE source_id = ? AND state = 'waiting'"
            " ORDER BY seen_at, key",
            (source_id,),
        )
        return [(r[0], r[1]) for r in rows]

    def pending_warcs(self) -> list[str]:
        """WARCs of rounds whose fetched items were never ingested (a watch killed mid-round)."""
        rows = self.db.rows(
            "SELECT DISTINCT warc FROM source_items WHERE state = 'fetched' AND warc IS NOT NULL"
        )
        return sorted(r[0] for r in rows)

    def given_outlets(self, warc: str) -> dict[str, str]:
        """The outlet the user gave for each page fetched into ``warc`` whose source has one,
        by the page's address as its source listed it."""
        rows = self.db.rows(
            "SELECT i.url, s.outlet FROM source_items i JOIN sources s ON s.id = i.source_id"
            " WHERE i.warc = ? AND s.outlet IS NOT NULL AND i.url IS NOT NULL",
            (warc,),
        )
        return {r[0]: r[1] for r in rows}

    def stored_from(self, warc: str, rejected: Mapping[str, str] | None = None) -> int:
        """The items fetched into ``warc`` are stored now (the WARC was ingested), except those
        whose page ingest rejected (``rejected``: url → reason), failed with that reason (the same
        bytes would be rejected again); how many were stored."""
        with self.db.transaction():
            for url, reason in (rejected or {}).items():
                self.db.execute(
                    "UPDATE source_items SET state = 'failed', error = ? WHERE warc = ? AND url = ?"
                    " AND state = 'fetched'",
                    (f"rejected when ingested: {reason}"[:500], warc, url),
                )
            done = self.db.execute(
                "UPDATE source_items SET state = 'stored' WHERE warc = ? AND state = 'fetched'", (warc,)
            )
        return int(done.rowcount)

    def set_kind(self, source_id: int, kind: str) -> None:
        """What a web source turned out to be (feed, sitemap, site), once read."""
        with self.db.transaction():
            self.db.execute("UPDATE sources SET kind = ? WHERE id = ?", (kind, source_id))

    def failures(self, limit: int = 100) -> list[Failure]:
        """Items that failed, newest first, with their source and reason."""
        rows = self.db.rows(
            "SELECT s.location AS source, i.url, i.error, i.seen_at FROM source_items i"
            " JOIN sources s ON s.id = i.source_id WHERE i.state = 'failed' ORDER BY i.seen_at DESC LIMIT ?",
            (limit,),
        )
        return [Failure(source=r[0], url=r[1], error=r[2], seen_at=r[3]) for r in rows]


def _source(row: sqlite3.Row) -> FollowedSource:
    """A row of ``sources`` as its record."""
    names = row.keys()  # a Row iterates over its values: its column names come from keys()
    return cast(FollowedSource, {k: row[k] for k in names if k in FollowedSource.__annotations__})
