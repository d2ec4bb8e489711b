"""Opening the corpus, as every command does: a corpus in a read-only place (a read-only
folder, or a read-only file) is read, exported and reported as any other, and every command
that would write to it is refused up front (exit code 2, no traceback); a file that is not a
corpus this Storyline can use is refused by name and left as it was."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

# What the commands import when they run, imported before a test drops to user ``nobody``
# (who may not read where Python is installed; see tests/readonly.py).
import storyline.follow.fetch
import storyline.follow.watch
import storyline.run.linking
import storyline.web.report  # noqa: F401
from storyline.store import Store
from tests.cli import run
from tests.readonly import copy_corpus, fingerprint, place, read_only, unprivileged

READS = [
    ["summary", "--json"],
    ["search", "harbour", "--json"],
    ["stories", "--json"],
    ["export", "--format", "json", "--output", "-"],
    ["sources", "list", "--json"],
]
WRITES = [
    ["link"],
    ["sources", "add", "http://127.0.0.1:9/feed.xml"],
    ["sources", "remove", "1"],
    ["watchlist", "add", "--query", "harbour"],
    ["watch", "--once"],
]


@pytest.mark.parametrize("how", ["folder", "file"])
def test_a_read_only_corpus_is_read_and_every_writing_command_refused(
    how: str, demo_db: Path, corpus: Path
) -> None:
    with place() as folder, place() as site:
        db = copy_corpus(demo_db, folder / "corpus.db")
        before = [run(*args, "--db", str(db)) for args in READS]  # as the corpus was, writable
        assert [r.returncode for r in before] == [0] * len(READS), [r.stderr for r in before]
        assert run("report", "--db", str(db), "-o", str(site / "first")).returncode == 0
        Store(db).close()  # the last writer's close takes the -wal and -shm readers leave
        assert sorted(p.name for p in folder.iterdir()) == ["corpus.db"]
        inputs = Path(shutil.copytree(corpus, site / "in"))  # where user nobody may read them
        read_only(db, how)
        site.chmod(0o777)
        untouched = fingerprint(db)
        with unprivileged():
            after = [run(*args, "--db", str(db)) for args in READS]
            report = run("report", "--db", str(db), "-o", str(site / "second"))
            refused = [run(*args, "--db", str(db)) for args in [["ingest", str(inputs)], *WRITES]]
            if how == "folder":
                refused.append(run("demo", "--db", str(folder / "demo.db")))
        assert [(r.returncode, r.stdout) for r in after] == [(0, r.stdout) for r in before]
        assert report.returncode == 0, report.stderr
        assert (site / "second" / "index.html").read_bytes() == (site / "first" / "index.html").read_bytes()
        for r in refused:
            said = " ".join(r.stderr.split())
            assert r.returncode == 2 and "Traceback" not in said, said
            assert "is read-only: " in said
            assert ("folder" if how == "folder" else "the file is not writable") in said
        if how == "folder":
            assert fingerprint(db) == untouched
        else:  # reading may leave the -wal and -shm files beside it (the folder takes them)
            assert fingerprint(db)[:2] == untouched[:2]


def test_a_file_that_is_not_a_usable_corpus_is_refused_by_every_command(
    demo_db: Path, tmp_path: Path
) -> None:
    newer = copy_corpus(demo_db, tmp_path / "newer.db")
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    damaged = copy_corpus(demo_db, tmp_path / "damaged.db")
    with sqlite3.connect(damaged) as conn:
        conn.execute("ALTER TABLE stories RENAME COLUMN title TO heading")
    conn.close()
    foreign = tmp_path / "places.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE bookmarks (url TEXT, title TEXT)")
    conn.execute("CREATE TABLE visits (url TEXT, at INTEGER)")
    conn.commit()
    conn.close()
    said = {
        newer: "made by a newer Storyline (schema 99, this one reads up to",
        damaged: "table stories has no column title (found instead: heading)",
        foreign: "is not a Storyline corpus: an SQLite file with other tables (bookmarks, visits)",
    }
    for db, message in said.items():
        untouched = fingerprint(db)
        for args in [["ingest", str(tmp_path / "none.txt")], ["link"], ["summary"], ["search", "x"]]:
            r = run(*args, "--db", str(db))
            assert r.returncode == 2 and message in " ".join(r.stderr.split()), (args, r.stderr)
            assert "Traceback" not in r.stderr
        assert fingerprint(db)[:2] == untouched[:2]
        assert not any(p.name.startswith(db.name + "-journal") for p in tmp_path.iterdir())
