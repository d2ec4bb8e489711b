"""The connection to one SQLite file: migrations and WAL, read-only opening, the time limit,
chunked ``IN (...)`` queries, transactions (rolled back whole, waiting out other writers and
processes), crash safety, copying a corpus, and the files refused untouched (read-only
places written to, a newer Storyline's corpus, a damaged schema, another application's file)."""

from __future__ import annotations

import json
import re
import signal
import sqlite3
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

import storyline.store
from storyline.store import Store, StoreError, interrupted, latest_version, read_only_reason
from storyline.store.database import APPLICATION_ID, CHUNK
from tests.conftest import make_article
from tests.readonly import fingerprint, place, read_only, unprivileged
from tests.records import article

TEXT = "The harbour authority of Port Selan said on Tuesday that the eastern quay would reopen next month."
ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


def test_migrations_and_wal(tmp_path: Path) -> None:
    scripts = (Path(storyline.store.__file__).parent / "migrations").glob("*.sql")
    latest = max(int(script.name.split("_")[0]) for script in scripts)
    with Store(tmp_path / "a.db") as store:  # a new file: every migration applied
        assert store.schema_version() == latest
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(tmp_path / "a.db", readonly=True) as again:  # reopening does not migrate twice
        assert again.schema_version() == latest


def test_a_new_store_has_every_migration(store: Store) -> None:
    folder = resources.files("storyline.store") / "migrations"
    numbers = [int(m.group(1)) for e in folder.iterdir() if (m := re.match(r"(\d+)_.*\.sql$", e.name))]
    assert store.schema_version() == max(numbers) == len(numbers)


def test_missing_or_foreign_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no corpus database"):
        Store(tmp_path / "none.db", readonly=True)
    (tmp_path / "junk.db").write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable SQLite database"):
        Store(tmp_path / "junk.db")


def test_a_sqlite_file_without_our_schema_is_refused_read_only(tmp_path: Path) -> None:
    other = sqlite3.connect(tmp_path / "other.db")
    other.execute("CREATE TABLE notes (body TEXT)")
    other.close()
    with pytest.raises(StoreError, match="not a Storyline corpus"):
        Store(tmp_path / "other.db", readonly=True)


def test_a_read_only_store_reads_and_sqlite_refuses_its_writes(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as store:
        store.articles.write_batch([article("a1", TEXT)], [], run_id=None)
        store.db.execute("PRAGMA user_version = 10")  # an older schema: read-only leaves it be
    with Store(tmp_path / "t.db", readonly=True) as store:
        assert store.schema_version() == 10
        assert store.articles.get("a1").text == TEXT
        with pytest.raises(sqlite3.OperationalError, match="readonly database"):
            store.db.execute("DELETE FROM articles")
        with pytest.raises(sqlite3.OperationalError, match="readonly database"):
            store.articles.start_run(["x"], None)
    with Store(tmp_path / "t.db", readonly=True) as store:
        assert store.articles.count() == 1


def test_the_time_limit_interrupts_and_says_so(tmp_path: Path) -> None:
    Store(tmp_path / "t.db").close()
    with Store(tmp_path / "t.db", readonly=True, time_limit=0.2) as store:
        with pytest.raises(sqlite3.OperationalError) as caught:
            store.db.value(ENDLESS)
        assert interrupted(caught.value)
        other = sqlite3.connect(":memory:")  # a private connection the store limits too
        store.db.limit(other)
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):
            other.execute(ENDLESS).fetchone()
        other.close()
    with Store(tmp_path / "t.db", readonly=True) as store:  # no limit: a long query runs out
        bounded = ENDLESS.replace("FROM c)", "FROM c WHERE x < 300000)")
        assert store.db.value(bounded) == 300_000
        with pytest.raises(sqlite3.OperationalError) as caught:
            store.db.value("SELECT * FROM no_such_table")
        assert not interrupted(caught.value) and not interrupted(ValueError("interrupted"))


def test_select_in_and_execute_in_take_more_values_than_one_chunk(store: Store) -> None:
    n = 2 * CHUNK + 37
    store.db.execute("CREATE TEMP TABLE numbers (x INTEGER PRIMARY KEY)")
    store.db.executemany("INSERT INTO numbers (x) VALUES (?)", [(i,) for i in range(n)])
    wanted = [*range(n), *range(50), n + 5]  # repeated values are bound once; unknown ones match none
    got = [r[0] for r in store.db.select_in("SELECT x FROM numbers WHERE x IN ({marks})", wanted)]
    assert sorted(got) == list(range(n))
    above = store.db.select_in("SELECT x FROM numbers WHERE x IN ({marks}) AND x >= ?", wanted, (n - 3,))
    assert sorted(r[0] for r in above) == [n - 3, n - 2, n - 1]  # ``extra`` bound after every chunk
    store.db.execute_in("DELETE FROM numbers WHERE x IN ({marks})", range(1, n))
    assert [r[0] for r in store.db.rows("SELECT x FROM numbers")] == [0]


def test_a_transaction_commits_whole_or_leaves_nothing(store: Store) -> None:
    with pytest.raises(ValueError, match="midway"), store.db.transaction():
        store.db.execute("INSERT INTO runs (started_at) VALUES ('2023-01-01T00:00:00Z')")
        store.db.execute("INSERT INTO line_counts (key, articles) VALUES (7, 1)")
        raise ValueError("midway")
    assert store.db.value("SELECT count(*) FROM runs") == 0
    assert store.db.value("SELECT count(*) FROM line_counts") == 0
    assert not store.db.conn.in_transaction
    with store.db.transaction():
        store.db.execute("INSERT INTO line_counts (key, articles) VALUES (7, 1)")
    with Store(store.path, readonly=True) as other:  # committed: another connection sees it
        assert other.db.value("SELECT articles FROM line_counts WHERE key = 7") == 1


def test_integrity_check_sees_a_stale_full_text_index(store: Store) -> None:
    art = make_article(TEXT)
    art.text = TEXT
    store.articles.write_batch([art], [], run_id=None)
    assert store.integrity_check() == "ok"
    store.db.execute("UPDATE articles SET text = 'something else entirely'")
    assert store.integrity_check().startswith("full-text index")


def test_a_corpus_is_copied_only_into_an_empty_store(tmp_path: Path) -> None:
    with Store(tmp_path / "from.db") as source:
        source.articles.write_batch([article("a1", TEXT, headline="Quay")], [], run_id=None)
        with Store(tmp_path / "to.db") as copy:
            copy.copy_from(source.path)  # the source open meanwhile: the online backup
            assert copy.articles.ids() == ["a1"] and copy.articles.search("quay")[0]["id"] == "a1"
            assert copy.integrity_check() == "ok"
            with pytest.raises(StoreError, match="already holds articles"):
                copy.copy_from(source.path)


WRITER = """
import sys
from storyline.run.embedded import Ingest
from storyline.pipeline import PipelineOptions
from storyline.store import Store
store = Store(sys.argv[1])
report = Ingest(store, PipelineOptions(batch_size=int(sys.argv[3]), until="describe")).run([sys.argv[2]],
    progress=lambda phase, d, t: phase.startswith("processing") and print(f"STORED {d}", flush=True))
print("DONE", len(report.stored), flush=True)
"""


def _corpus(folder: Path, n: int, tag: str) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"{tag}{i}.txt").write_text(
            f"{tag.title()} report number {i}: the harbour authority of Port Selan said on day {i} that the "
            f"eastern quay would reopen, and ferry operators counted {i * 7} stranded passengers.\n\n"
            f"Officials in the {tag} office added that the repairs had cost {i * 13} thousand crowns so far."
        )
    return folder


def test_two_processes_write_one_database_at_once(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    a, b = _corpus(tmp_path / "a", 300, "alpha"), _corpus(tmp_path / "b", 300, "beta")
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), str(d), "20"], stdout=subprocess.PIPE, text=True
        )
        for d in (a, b)
    ]
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    with Store(db) as store:
        assert store.articles.count() == 600 and store.integrity_check() == "ok"
        assert store.db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 600


def test_killed_ingest_keeps_every_batch_it_reported(tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    corpus = _corpus(tmp_path / "c", 3000, "gamma")
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(corpus), "50"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    reported = 0
    deadline = time.monotonic() + 120
    for line in proc.stdout:
        if line.startswith("STORED"):
            reported = int(line.split()[1])
            if reported >= 200:
                break
        assert time.monotonic() < deadline
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        n = store.articles.count()
        assert n >= reported and store.integrity_check() == "ok"  # includes the FTS index check
        assert n % 50 == 0  # whole batches only
        runs = store.db.execute("SELECT inputs FROM runs").fetchall()
        assert json.loads(runs[0][0]) == [str(corpus)]


OPENER = """
import sys, time
from pathlib import Path
from storyline.store import Store
folder, rounds = Path(sys.argv[1]), int(sys.argv[2])
print("ready", flush=True)
for k in range(rounds):
    while not (folder / f"go{k}").exists():  # every writer waits for the same start
        time.sleep(0.001)
    with Store(folder / f"new{k}.db") as store:
        store.articles.start_run(["x"], None)
    print("done", k, flush=True)
"""


def test_writers_that_open_a_new_database_together_all_succeed(tmp_path: Path) -> None:
    """Six processes open the same new file at the same moment, fifteen times over (switching
    a new file to WAL may fail at once, busy handler or not): each round, every one succeeds.
    The processes start once and wait for each round's start signal (a file appearing)."""
    procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(tmp_path), "15"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(6)]  # fmt: skip
    try:
        assert [p.stdout.readline() for p in procs] == ["ready\n"] * 6  # type: ignore[union-attr]
        for round_ in range(15):
            (tmp_path / f"go{round_}").touch()
            said = [p.stdout.readline() for p in procs]  # type: ignore[union-attr]
            if said != [f"done {round_}\n"] * 6:
                for p in procs:
                    p.kill()
                raise AssertionError([p.communicate(timeout=60)[1] for p in procs])
            with Store(tmp_path / f"new{round_}.db") as store:
                assert store.db.value("SELECT count(*) FROM runs") == 6 and store.integrity_check() == "ok"
        assert [p.wait(timeout=60) for p in procs] == [0] * 6
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
            p.communicate(timeout=60)


def _refused_untouched(db: Path, message: str) -> str:
    """What opening ``db`` to write, then to read, said: both refused, nothing written. (A
    read-only connection may leave the empty -wal and -shm files of a WAL file beside it.)"""
    before = fingerprint(db)
    with pytest.raises(StoreError, match=message) as writing:
        Store(db)
    assert fingerprint(db) == before
    with pytest.raises(StoreError, match=message) as reading:
        Store(db, readonly=True)
    assert fingerprint(db)[:2] == before[:2] and str(reading.value) == str(writing.value)
    return str(writing.value)


def _one_article(folder: Path) -> Path:
    """A corpus of one article in ``folder``, closed (no write-ahead log left)."""
    db = folder / "corpus.db"
    with Store(db) as store:
        store.articles.write_batch([article("a1", TEXT, headline="Quay")], [], run_id=None)
    return db


@pytest.mark.parametrize("how", ["folder", "file"])
def test_a_read_only_corpus_is_read_and_writing_it_is_refused_up_front(how: str) -> None:
    with place() as folder:
        db = _one_article(folder)
        read_only(db, how)
        before = fingerprint(db)
        with unprivileged():
            with Store(db, readonly=True) as store:
                assert store.articles.ids() == ["a1"] and store.articles.search("quay")[0]["id"] == "a1"
                assert store.schema_version() == latest_version()
            with pytest.raises(StoreError, match="is read-only: ") as refused:
                Store(db)
            assert read_only_reason(db) is not None
        if how == "folder":  # nothing beside the file either: the folder could not take it
            assert "folder" in str(refused.value) and fingerprint(db) == before
        else:
            assert "the file is not writable" in str(refused.value)
            assert fingerprint(db)[:2] == before[:2]  # -wal and -shm may be made beside it to read


def test_a_read_only_folder_still_shows_what_a_writer_left_in_its_log() -> None:
    """A log left beside the file (its writer still open) is read, not skipped: the file is
    opened ``immutable`` only when there is no log to read."""
    with place() as folder:
        db = _one_article(folder)
        writer = sqlite3.connect(db)
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("UPDATE articles SET headline = 'Quay reopened'")
        writer.commit()
        assert Path(f"{db}-wal").stat().st_size > 0
        read_only(db, "folder")
        try:
            with unprivileged(), Store(db, readonly=True) as store:
                assert store.articles.get("a1").headline == "Quay reopened"
        finally:
            writer.close()


def test_a_corpus_of_a_newer_storyline_is_refused_untouched(tmp_path: Path) -> None:
    db = _one_article(tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    _refused_untouched(
        db, rf"made by a newer Storyline \(schema 99, this one reads up to {latest_version()}\)"
    )


def test_a_damaged_schema_is_refused_by_name_untouched(tmp_path: Path) -> None:
    db = _one_article(tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute("ALTER TABLE articles RENAME COLUMN headline TO title")
        conn.execute("DROP TABLE alerts")
    conn.close()
    message = _refused_untouched(db, "damaged Storyline corpus")
    assert "table alerts is missing" in message
    assert "table articles has no column headline (found instead: title)" in message


def test_another_applications_sqlite_file_is_refused_byte_for_byte_untouched(tmp_path: Path) -> None:
    history = tmp_path / "history.db"  # a browser's history, say: tables of its own, a version
    conn = sqlite3.connect(history)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE visits (url TEXT, title TEXT, visited_at INTEGER)")
    conn.execute("CREATE TABLE articles (url TEXT)")  # one name in common with ours
    conn.execute("INSERT INTO visits VALUES ('http://example.org/', 'Example', 1)")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    marked = tmp_path / "marked.db"  # another application's file, as it says with its id
    conn = sqlite3.connect(marked)
    conn.execute("PRAGMA application_id = 1234")
    conn.close()
    for db, why in ((history, r"other tables \(articles, visits\)"), (marked, "another application")):
        _refused_untouched(db, f"is not a Storyline corpus: .*{why}")


def test_a_corpus_is_marked_as_storyline_and_an_empty_file_may_become_one(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    with Store(empty) as store:
        assert store.db.value("PRAGMA application_id") == APPLICATION_ID == int.from_bytes(b"STLN", "big")
        assert store.schema_version() == latest_version()
