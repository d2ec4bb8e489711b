"""The connection to one SQLite file: opening, pragmas, migrations, transactions, and the one
query path every table family goes through (execute, select in chunks, a time limit).

Writes are transactional per call site (``transaction()``), so a crash leaves no half-written
batch. Several processes may write one file at once: each transaction takes the write lock
(``BEGIN IMMEDIATE``) and waits for it if another writer holds it.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.chunks import chunks

BUSY_TIMEOUT_S = 120.0
CHUNK = 500  # values bound in one ``IN (...)``: well under SQLite's limit of variables


class StoreError(RuntimeError):
    """The database cannot be opened or is not a Storyline corpus."""


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("storyline.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        m = re.match(r"(\d+)_.*\.sql$", entry.name)
        if m:
            found.append((int(m.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _split_sql(script: str) -> list[str]:
    """Statements of a migration script (no semicolons inside strings in our migrations)."""
    lines = [ln for ln in script.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _retry_locked(step: Callable[[], object]) -> None:
    """Run ``step``, again while another connection holds the lock (until the busy timeout):
    two processes that open or write one file at once both get through."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def marks(n: int) -> str:
    """``?,?,?`` for ``n`` bound values."""
    return ",".join("?" * n)


class Database:
    """One SQLite connection with the project's pragmas, migrated to the current schema.

    ``time_limit`` (seconds, from opening) interrupts any statement still running after it:
    the web server opens one per request, so no request can hold the database for long.
    """

    def __init__(self, path: str | Path, readonly: bool = False, time_limit: float | None = None) -> None:
        self.path = str(path)
        if readonly and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no corpus database at {self.path} (run `storyline ingest` first)")
        memory = self.path == ":memory:"
        try:
            if readonly and not memory:  # SQLite itself refuses every write on this connection
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            else:
                self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if not memory and not readonly:  # switching to WAL waits for no busy handler: retried
                _retry_locked(lambda: self.conn.execute("PRAGMA journal_mode = WAL"))
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.migrate()
            elif self.schema_version() == 0:
                raise StoreError(f"{self.path} is not a Storyline corpus (no schema)")
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{self.path} is not a usable SQLite database: {exc}") from exc
        self.deadline: float | None = None
        if time_limit is not None:
            self.deadline = time.monotonic() + time_limit
            self.limit(self.conn)

    def limit(self, conn: sqlite3.Connection) -> None:
        """Interrupt any statement of ``conn`` still running after this store's deadline."""
        if self.deadline is not None:
            deadline = self.deadline
            conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 1_000)

    # -- the query path ------------------------------------------------------------------
    def execute(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, args)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> sqlite3.Cursor:
        return self.conn.executemany(sql, rows)

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Every row of a query."""
        return self.conn.execute(sql, args).fetchall()

    def row(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Row | None:
        """The first row of a query, or None."""
        found: sqlite3.Row | None = self.conn.execute(sql, args).fetchone()
        return found

    def value(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """The first column of the first row (None when there is no row)."""
        found = self.conn.execute(sql, args).fetchone()
        return None if found is None else found[0]

    def select_in(self, sql: str, values: Iterable[Any], extra: Sequence[Any] = ()) -> Iterator[sqlite3.Row]:
        """Rows of ``sql`` whose ``{marks}`` takes the distinct values (sorted), ``CHUNK`` at a
        time; ``extra`` are bound after each chunk's values."""
        for part in chunks(sorted(set(values)), CHUNK):
            yield from self.conn.execute(sql.format(marks=marks(len(part))), [*part, *extra])

    def execute_in(self, sql: str, values: Iterable[Any]) -> None:
        """Run a statement whose ``{marks}`` takes the distinct values, ``CHUNK`` at a time."""
        for part in chunks(sorted(set(values)), CHUNK):
            self.conn.execute(sql.format(marks=marks(len(part))), list(part))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any error; waits out other writers."""
        _retry_locked(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- schema and file -----------------------------------------------------------------
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Apply the migrations this file has not seen, each in its own transaction."""
        for version, script in _migrations():
            if self.schema_version() >= version:
                continue
            with self.transaction():
                if self.schema_version() < version:  # another process may have won the race
                    for statement in _split_sql(script):
                        self.conn.execute(statement)
                    self.conn.execute(f"PRAGMA user_version = {version}")

    def backup_from(self, source: str | Path) -> None:
        """Make this file a copy of the database at ``source`` (SQLite's online backup:
        consistent even while ``source`` is open elsewhere), then migrate it."""
        src = sqlite3.connect(str(source))
        try:
            src.backup(self.conn)
        finally:
            src.close()
        self.migrate()

    def integrity_check(self) -> str:
        """ "ok", or what SQLite's integrity check or the full-text index check found wrong."""
        result = str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])
        if result != "ok":
            return result
        try:  # the index must hold exactly the stored articles' text
            self.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            return f"full-text index: {exc}"
        return "ok"

    def close(self) -> None:
        self.conn.close()
