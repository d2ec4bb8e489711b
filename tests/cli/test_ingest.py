"""`ingest`, `demo` and `link` as a user runs them: exit codes, duplicates, rejects, stdin, --until."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli import ARTICLE, run


def test_ingest_exit_codes_duplicates_and_rejects(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    first = run("ingest", str(corpus), "--db", db, "--json")
    assert first.returncode == 1  # some inputs rejected
    report = json.loads(first.stdout)
    assert len(report["stored"]) == 3
    assert sorted(r["reason"].split(" (")[0] for r in report["rejects"]) == [
        "empty file",
        "line 2: invalid JSON",
    ]
    again = run("ingest", str(corpus / "a.txt"), "--db", db)
    assert again.returncode == 0 and "already stored" in again.stdout
    rejects = json.loads(run("rejects", "--db", db, "--json").stdout)
    assert len(rejects) == 2
    assert run("ingest", "--db", db).returncode == 2  # usage error: no paths
    assert run("list", "--db", str(tmp_path / "missing.db")).returncode == 2


def test_stdin_and_until(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    done = run(
        "ingest",
        "-",
        "--db",
        db,
        "--until",
        "clean",
        "--json",
        stdin=ARTICLE.format(date="").encode(),
    )
    assert done.returncode == 0
    art = json.loads(run("show", json.loads(done.stdout)["stored"][0]["id"], "--db", db, "--json").stdout)
    assert art["headline"] is None and art["text"].startswith("Quay to reopen")  # describe did not run
    assert run("ingest", "-", "--db", db, "--until", "publish", stdin=b"x").returncode == 2


def test_demo_builds_a_fresh_corpus_and_prints_a_summary(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    done = run("demo", "--db", db)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "articles from" in done.stdout and "storyline list" in done.stdout
    summary = json.loads(run("summary", "--db", db, "--json").stdout)
    assert summary["articles"] >= 30 and summary["outlets"] >= 6 and summary["rejects"] == 0
    again = run("demo", "--db", db)  # fresh each time: the same counts, no duplicates
    assert json.loads(run("summary", "--db", db, "--json").stdout)["articles"] == summary["articles"]
    assert again.returncode == 0
