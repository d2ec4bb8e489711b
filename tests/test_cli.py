"""The CLI end to end, as a user runs it: real files, a real SQLite file, exit codes."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

CLI = [sys.executable, "-m", "storyline"]
ARTICLE = (
    "Quay to reopen after repairs\n\n{date}\n\nThe harbour authority of Port Selan said on Tuesday that the "
    'eastern quay would reopen next month after three weeks of repairs.\n\n"We are nearly there," harbour '
    "master Ilse Varga told reporters on the quay.\n\nShare this:\n\nLeave a Reply"
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=stdin is None, input=stdin, check=False
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE.format(date="14 Feb, 2023 09:12"))
    (folder / "b.txt").write_text(
        ARTICLE.format(date="2 Mar, 2023 10:00").replace("Tuesday", "Monday")
    )
    (folder / "broken.jsonl").write_text(
        '{"title": "x", "maintext": "' + "word " * 30 + '"}\n{oops\n'
    )
    (folder / "empty.txt").write_text("")
    return folder


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


def test_list_show_search_summary(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    run("ingest", str(corpus), "--db", db, "--quiet")
    listed = json.loads(run("list", "--db", db, "--json", "--since", "2023-03-01").stdout)
    assert listed["total"] == 1 and listed["articles"][0]["published"] == "2023-03-02"
    art_id = listed["articles"][0]["id"]
    shown = run("show", art_id[:8], "--db", db, "--removed")
    assert (
        shown.returncode == 0
        and "Quay to reopen" in shown.stdout
        and "share widget" in shown.stdout
    )
    assert "comment form" in shown.stdout and "Leave a Reply" in shown.stdout
    record = json.loads(run("show", art_id, "--db", db, "--json").stdout)
    assert (
        record["headline"] == "Quay to reopen after repairs" and "Share this" not in record["text"]
    )
    hits = json.loads(run("search", "harbour master", "--db", db, "--json").stdout)["hits"]
    assert len(hits) == 2 and "**" in hits[0]["snippet"]
    assert run("show", "zzzz", "--db", db).returncode == 2
    summary = json.loads(run("summary", "--db", db, "--json").stdout)
    assert summary["articles"] == 3 and summary["rejects"] == 2


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
    art = json.loads(
        run("show", json.loads(done.stdout)["stored"][0]["id"], "--db", db, "--json").stdout
    )
    assert art["headline"] is None and art["text"].startswith(
        "Quay to reopen"
    )  # describe did not run
    assert run("ingest", "-", "--db", db, "--until", "publish", stdin=b"x").returncode == 2


def test_export_formats(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    run("ingest", str(corpus), "--db", db, "--quiet")
    out = tmp_path / "out"
    assert (
        run("export", "--db", db, "--format", "json", "--output", str(out / "c.json")).returncode
        == 0
    )
    doc = json.loads((out / "c.json").read_text())
    assert len(doc["articles"]) == 3
    in_events = sorted(a for v in doc["events"] for a in v["article_ids"])
    assert in_events == sorted(a["id"] for a in doc["articles"])  # each article in one event
    assert (
        run("export", "--db", db, "--format", "jsonl", "--output", str(out / "jl")).returncode == 0
    )
    assert len((out / "jl" / "articles.jsonl").read_text().splitlines()) == 3
    assert (
        run("export", "--db", db, "--format", "csv", "--output", str(out / "csv")).returncode == 0
    )
    rows = list(csv.DictReader((out / "csv" / "articles.csv").open()))
    assert len(rows) == 3 and json.loads(rows[0]["removed"])
    assert (
        run("export", "--db", db, "--format", "parquet", "--output", str(out / "pq")).returncode
        == 0
    )
    assert pq.read_table(out / "pq" / "articles.parquet").num_rows == 3
    assert run("export", "--db", db, "--format", "xml").returncode == 2


def test_help_everywhere() -> None:
    for cmd in ("ingest", "list", "show", "search", "rejects", "export", "summary", "demo",
                "link", "entities", "duplicates", "events", "stories", "quotes", "story",
                "entity", "timeline"):  # fmt: skip
        result = run(cmd, "--help")
        assert result.returncode == 0 and "Usage" in result.stdout


def test_demo_builds_a_fresh_corpus_and_prints_a_summary(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    done = run("demo", "--db", db)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "articles from" in done.stdout and "storyline list" in done.stdout
    summary = json.loads(run("summary", "--db", db, "--json").stdout)
    assert summary["articles"] >= 30 and summary["outlets"] >= 6 and summary["rejects"] == 0
    again = run("demo", "--db", db)  # fresh each time: the same counts, no duplicates
    assert (
        json.loads(run("summary", "--db", db, "--json").stdout)["articles"] == summary["articles"]
    )
    assert again.returncode == 0
