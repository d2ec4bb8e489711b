"""The embedded store: one SQLite file (WAL, FTS5, migrations); the only package that speaks SQL.

Organised by table family: ``database`` (the connection, migrations, transactions, the one
query path), ``articles`` (ingest runs, line counts, batch writes, reading, search), ``links``
(what linking reads and writes), ``views`` (computed views and page queries). ``Store``
composes them, so callers hold one object: ``store.articles.get(id)``,
``store.links.save(result)``, ``store.views.stories_page()``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storyline.store.alerts import Alerts
from storyline.store.articles import Articles, WriteResult, line_hash
from storyline.store.database import Database, StoreError, latest_version, read_only_reason
from storyline.store.links import Links
from storyline.store.sources import Sources
from storyline.store.views import Filters, Views

__all__ = [
    "Filters",
    "Store",
    "StoreError",
    "WriteResult",
    "interrupted",
    "latest_version",
    "line_hash",
    "read_only_reason",
]


def interrupted(exc: BaseException) -> bool:
    """Whether ``exc`` is a query the store's time limit cut off."""
    return isinstance(exc, sqlite3.OperationalError) and "interrupted" in str(exc)


class Store:
    """A Storyline corpus in one SQLite file.

    ``readonly`` opens an existing corpus without migrating it; ``time_limit`` (seconds from
    opening) interrupts any query still running after it (the web server's per-request cap).
    """

    def __init__(self, path: str | Path, readonly: bool = False, time_limit: float | None = None) -> None:
        self.db = Database(path, readonly, time_limit)
        self.articles = Articles(self.db)
        self.links = Links(self.db)
        self.views = Views(self.db)
        self.sources = Sources(self.db)
        self.alerts = Alerts(self.db)

    @property
    def path(self) -> str:
        return self.db.path

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def schema_version(self) -> int:
        return self.db.schema_version()

    def integrity_check(self) -> str:
        """ "ok", or what SQLite's integrity check or the full-text index check found wrong."""
        return self.db.integrity_check()

    def copy_from(self, source: str | Path) -> None:
        """Make this (empty) store a copy of the store at ``source``."""
        if self.db.row("SELECT 1 FROM articles LIMIT 1") is not None:
            raise StoreError(f"{self.path} already holds articles; copy into an empty store")
        self.db.backup_from(source)
