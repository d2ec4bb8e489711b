"""``storyline serve`` on a corpus in a read-only place: served read-only when it is at this
schema (a real server on loopback answers its pages), refused with a clear error when it would
have to be migrated or written (``--allow-ingest``), the file left as it was."""

from __future__ import annotations

import gc
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from storyline.cli.serve import serve
from storyline.store import Store, latest_version
from storyline.web.local import free_port
from tests.cli import run
from tests.readonly import copy_corpus, fingerprint, place, read_only, unprivileged

PAGES = ["/", "/api/overview", "/stories", "/search?q=harbour", "/api/search?q=harbour"]


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The base URL of ``storyline serve --db DB`` run in this process (so it runs as the
    test's user), on a free loopback port; stopped after."""
    port = free_port()
    thread = threading.Thread(target=serve, kwargs={"db": str(db), "port": port}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            assert thread.is_alive() and time.monotonic() < deadline, "storyline serve did not start"
            time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        for server in [o for o in gc.get_objects() if isinstance(o, uvicorn.Server)]:
            server.should_exit = True
        thread.join(timeout=15)
        assert not thread.is_alive()


def _statuses(base: str) -> list[int]:
    found = []
    for page in PAGES:
        with urllib.request.urlopen(base + page, timeout=20) as answer:
            answer.read()
            found.append(answer.status)
    return found


def test_a_read_only_corpus_at_this_schema_is_served(demo_db: Path) -> None:
    with place() as folder:
        db = copy_corpus(demo_db, folder / "corpus.db")
        with serving(db) as base:  # writable: what it serves
            assert _statuses(base) == [200] * len(PAGES)
        Store(db).close()  # the last writer's close takes the -wal and -shm readers leave
        read_only(db, "folder")
        untouched = fingerprint(db)
        with unprivileged(), serving(db) as base:
            assert _statuses(base) == [200] * len(PAGES)
        assert fingerprint(db) == untouched


def test_a_read_only_corpus_that_needs_migrating_or_ingest_is_refused(demo_db: Path) -> None:
    with place() as folder:
        db = copy_corpus(demo_db, folder / "corpus.db")
        with Store(db) as store:  # as an older Storyline left it (its tables are all there)
            store.db.execute(f"PRAGMA user_version = {latest_version() - 1}")
        read_only(db, "file")
        untouched = fingerprint(db)
        with unprivileged():
            older = run("serve", "--db", str(db), "--port", str(free_port()))
        assert fingerprint(db)[:2] == untouched[:2]  # not migrated (-wal and -shm may be left)
        said = " ".join(older.stderr.split())
        assert older.returncode == 2 and "Traceback" not in said, said
        assert (
            f"needs migrating to this Storyline's schema ({latest_version() - 1} to {latest_version()})"
            in said
        )
        assert "but it is read-only: the file is not writable" in said
        db.chmod(0o666)
        Store(db).close()  # migrated where it can be written
        read_only(db, "file")
        with unprivileged():
            ingest = run("serve", "--db", str(db), "--allow-ingest", "--token", "t", "--port", "8")
        said = " ".join(ingest.stderr.split())
        assert ingest.returncode == 2 and "--allow-ingest writes to the corpus" in said, said
