"""The connection to one SQLite file: opening, pragmas, migrations, transactions, and the one
query path every table family goes through (execute, select in chunks, a time limit).

Writes are transactional per call site (``transaction()``), so a crash leaves no half-written
batch. Several processes may write one file at once: each transaction takes the write lock
(``BEGIN IMMEDIATE``) and waits for it if another writer holds it.

Before anything is written, a file is identified (by reading it only): another
application's SQLite file, a newer Storyline's corpus, or a corpus with a table or column
missing is refused and left as it is. A corpus in a place that cannot be written (a read-only
file or folder) opens for reading only; opening it to write is refused up front.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.chunks import chunks

BUSY_TIMEOUT_S = 120.0
CHUNK = 500  # values bound in one ``IN (...)``: well under SQLite's limit of variables
APPLICATION_ID = int.from_bytes(b"STLN", "big")  # ``PRAGMA application_id`` of a corpus (0019)


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


@cache
def latest_version() -> int:
    """The schema version this Storyline migrates to (and reads up to)."""
    return max(version for version, _ in _migrations())


@cache
def expected_schema(version: int) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """What the migrations up to ``version`` make, built once per version in memory: each
    table's SQL, and its columns (what a corpus at that schema version must have)."""
    conn = sqlite3.connect(":memory:")
    try:
        for number, script in _migrations():
            if number <= version:
                conn.executescript(script)
        tables = _tables(conn)
        return tables, {table: _columns(conn, table) for table in tables}
    finally:
        conn.close()


def _tables(conn: sqlite3.Connection) -> dict[str, str]:
    """The tables and views of a database (not SQLite's own), with the SQL that made them."""
    sql = "SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite%'"
    return {str(name): str(text) for name, text in conn.execute(sql)}


def _columns(conn: sqlite3.Connection, table: str) -> frozenset[str]:
    return frozenset(str(row[1]) for row in conn.execute("SELECT * FROM pragma_table_info(?)", (table,)))


def read_only_reason(path: str | Path) -> str | None:
    """Why the corpus at ``path`` cannot be written here, or None when it can: the file is not
    writable, or its folder is not (SQLite keeps the write-ahead log and its index, the -wal
    and -shm files, beside the file). Checked with this process's effective ids, so a
    read-only file system counts and root's override does too. (A folder that does not exist
    is SQLite's to report: the file cannot be opened.)"""
    if str(path) == ":memory:":
        return None
    file = Path(path)
    effective = os.access in os.supports_effective_ids
    if file.exists() and not os.access(file, os.W_OK, effective_ids=effective):
        return "the file is not writable"
    folder = file.resolve().parent
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK, effective_ids=effective):
        return f"its folder {folder} is not writable (SQLite keeps its -wal and -shm files there)"
    return None


def _connect(target: str, uri: bool = False) -> sqlite3.Connection:
    try:
        return sqlite3.connect(target, uri=uri, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open database {target}: {exc}") from exc


def _open_read_only(path: str) -> sqlite3.Connection:
    """A connection on which SQLite refuses every write. A corpus in WAL mode is read with its
    -shm index, which SQLite creates beside the file when missing: where that cannot be done
    (a read-only folder) and no writer left a write-ahead log, the file is opened
    ``immutable`` (read as it is, without locks: nothing can change it from here)."""
    uri = Path(path).resolve().as_uri()
    conn = _connect(uri + "?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA user_version").fetchone()  # the first read opens the log's index
        return conn
    except sqlite3.OperationalError:
        conn.close()
        reason = read_only_reason(path)
        if reason is None:
            raise
    log = Path(path + "-wal")
    if log.exists() and log.stat().st_size > 0:
        raise StoreError(
            f"{path} cannot be read here: its write-ahead log ({log.name}) has no -shm index and the"
            f" place is read-only ({reason}); open it once where it can be written"
        )
    return _connect(uri + "?mode=ro&immutable=1", uri=True)


def _identify(conn: sqlite3.Connection, path: str) -> int:
    """The schema version of the file at ``path`` once it is known to be a corpus this
    Storyline can use; else a StoreError that names what is wrong, before anything is written:
    another application's file, a newer Storyline's corpus, a missing table or column. Read
    in one transaction: a file another process is migrating is seen at one version."""
    conn.execute("BEGIN")
    try:
        return _check(conn, path)
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")


def _check(conn: sqlite3.Connection, path: str) -> int:
    app = int(conn.execute("PRAGMA application_id").fetchone()[0])
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    tables = _tables(conn)
    latest = latest_version()
    if app not in (0, APPLICATION_ID):
        raise StoreError(
            f"{path} is not a Storyline corpus: it is another application's SQLite file"
            f" (application_id {app:#010x}); it is left as it is"
        )
    made, ours = expected_schema(min(version, latest))
    if app == 0 and tables and (version == 0 or 2 * len(ours.keys() & tables.keys()) < len(ours)):
        shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
        raise StoreError(
            f"{path} is not a Storyline corpus: an SQLite file with other tables ({shown});"
            " it is left as it is"
        )
    if version > latest:
        raise StoreError(
            f"{path} was made by a newer Storyline (schema {version}, this one reads up to {latest});"
            " use that Storyline or a newer one"
        )
    if tables == made:  # the usual case, one query: the very tables the migrations make
        return version
    if wrong := _schema_problems(conn, ours, set(tables)):
        raise StoreError(f"{path} is a damaged Storyline corpus (schema {version}): {wrong}; left as it is")
    return version


def _schema_problems(conn: sqlite3.Connection, expected: dict[str, frozenset[str]], tables: set[str]) -> str:
    """What the database lacks of the ``expected`` tables and columns ("" when nothing):
    a renamed column shows as the one missing, with the columns found instead."""
    problems = []
    for table, columns in sorted(expected.items()):
        if table not in tables:
            problems.append(f"table {table} is missing")
            continue
        try:
            found = _columns(conn, table)
        except sqlite3.DatabaseError as exc:
            problems.append(f"table {table} cannot be read ({exc})")
            continue
        if missing := sorted(columns - found):
            instead = sorted(found - columns)
            problems.append(
                f"table {table} has no column {', '.join(missing)}"
                + (f" (found instead: {', '.join(instead)})" if instead else "")
            )
    return "; ".join(problems[:5]) + ("; …" if len(problems) > 5 else "")


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
        self.readonly = readonly
        memory = self.path == ":memory:"
        self.conn = self._open(readonly)  # the file identified: nothing written before
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if not memory and not readonly:  # switching to WAL waits for no busy handler: retried
                _retry_locked(lambda: self.conn.execute("PRAGMA journal_mode = WAL"))
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{self.path} is not a usable SQLite database: {exc}") from exc
        self.deadline: float | None = None
        if time_limit is not None:
            self.deadline = time.monotonic() + time_limit
            self.limit(self.conn)

    def _open(self, readonly: bool) -> sqlite3.Connection:
        """The connection, on an existing file once it is identified as a corpus this
        Storyline can use: only read before (a file refused is left as it was). Writing a
        corpus that cannot be written here is refused before SQLite is asked; ``readonly``
        opens a connection on which SQLite refuses every write."""
        if self.path == ":memory:":
            return _connect(self.path)
        exists = Path(self.path).exists()
        if readonly and not exists:
            raise StoreError(f"no corpus database at {self.path} (run `storyline ingest` first)")
        if not readonly and (reason := read_only_reason(self.path)):
            raise StoreError(f"{self.path} is read-only: {reason}")
        if not exists:
            return _connect(self.path)
        try:
            conn = _open_read_only(self.path) if readonly else _connect(self.path)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable SQLite database: {exc}") from exc
        try:
            version = _identify(conn, self.path)
            if readonly and version == 0:
                raise StoreError(f"{self.path} is not a Storyline corpus (no schema)")
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{self.path} is not a usable SQLite database: {exc}") from exc
        except BaseException:
            conn.close()
            raise
        return conn

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
