"""The SQLite store: migrations, idempotent batches, search, concurrent writers, crash safety."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import storyline.store
from storyline.model import Reject, Removed, Source
from storyline.store import Store, StoreError
from tests.conftest import make_article

TEXT = "The harbour authority of Port Selan said on Tuesday that the eastern quay would reopen next month."


def test_migrations_and_wal(tmp_path: Path) -> None:
    scripts = (Path(storyline.store.__file__).parent / "migrations").glob("*.sql")
    latest = max(int(script.name.split("_")[0]) for script in scripts)
    with Store(tmp_path / "a.db") as store:  # a new file: every migration applied
        assert store.schema_version() == latest
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(tmp_path / "a.db", readonly=True) as again:  # reopening does not migrate twice
        assert again.schema_version() == latest


def test_missing_or_foreign_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no corpus database"):
        Store(tmp_path / "none.db", readonly=True)
    (tmp_path / "junk.db").write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable SQLite database"):
        Store(tmp_path / "junk.db")


def test_write_batch_is_idempotent_and_searchable(store: Store) -> None:
    art = make_article(TEXT)
    art.text, art.headline, art.outlet, art.published = (
        TEXT,
        "Quay to reopen",
        "The Harbor Post",
        "2023-02-14",
    )
    art.removed = [Removed("Share this:", "share widget")]
    first = store.articles.write_batch([art], [Reject(Source(path="x.bin"), "binary file")], run_id=None)
    again = store.articles.write_batch([art], [], run_id=None)
    assert first.stored == [art.id] and again.duplicates == [art.id]
    got = store.articles.get(art.id[:6])
    assert got.text == TEXT and got.removed[0].reason == "share widget" and got.raw == TEXT
    hits = store.articles.search("quay reopen")
    assert hits[0]["id"] == art.id and "\x02" in hits[0]["snippet"]
    assert store.articles.search('unbalanced "quote') == []  # bad FTS syntax falls back, never raises
    assert store.articles.page(outlet="the harbor post", since="2023-02-01")[0]["id"] == art.id
    assert store.articles.page(until="2023-01-01") == []
    assert store.articles.rejects()[0]["reason"] == "binary file"
    assert store.articles.summary()["articles"] == 1


def test_integrity_check_sees_a_stale_full_text_index(store: Store) -> None:
    art = make_article(TEXT)
    art.text = TEXT
    store.articles.write_batch([art], [], run_id=None)
    assert store.integrity_check() == "ok"
    store.db.execute("UPDATE articles SET text = 'something else entirely'")
    assert store.integrity_check().startswith("full-text index")


def test_failed_batch_leaves_no_half_written_article(store: Store) -> None:
    good = make_article(TEXT)
    good.text = TEXT
    bad = make_article(TEXT + " Second.")
    bad.text = TEXT
    bad.removed = [Removed(None, "broken")]  # type: ignore[arg-type]  # NOT NULL violation mid-batch
    with pytest.raises(sqlite3.IntegrityError):
        store.articles.write_batch([good, bad], [], run_id=None)
    assert store.articles.count() == 0
    assert store.db.execute("SELECT count(*) FROM removed").fetchone()[0] == 0


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


def test_term_frequencies_add_up_and_a_full_link_replaces_them(store: Store) -> None:
    from storyline.model import LinkResult, TermFrequencies

    def result(full: bool, n: int, df: dict[str, int]) -> LinkResult:
        return LinkResult([], {}, [], [], [], [], [], full, frequencies=TermFrequencies(n, {"words": df}))

    store.links.save(result(True, 3, {"harbour": 2, "quay": 1}))
    store.links.save(result(False, 2, {"harbour": 1, "strike": 2}))
    assert store.links.term_frequencies("words", ["harbour", "quay", "strike", "none"]) == {
        "harbour": 3,
        "quay": 1,
        "strike": 2,
    }
    assert store.links.clustered_counts() == (5, 3)  # 5 counted, 3 at the last full link
    store.links.save(result(True, 5, {"quay": 4}))
    assert store.links.term_frequencies("words", ["harbour", "quay"]) == {"quay": 4}
    assert store.links.clustered_counts() == (5, 5)
