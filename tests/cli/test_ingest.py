"""`ingest`, `demo` and `link` as a user runs them: exit codes, duplicates, rejects, stdin, --until."""

from __future__ import annotations

import faulthandler
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


def test_ingesting_again_after_until_finishes_the_stages_that_did_not_run(
    corpus: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "u.db")
    first = json.loads(run("ingest", str(corpus), "--db", db, "--until", "clean", "--json").stdout)
    art_id = first["stored"][0]["id"]
    before = json.loads(run("show", art_id, "--db", db, "--json").stdout)
    assert before["headline"] is None and "describe" not in before["stages"]
    again = run("ingest", str(corpus), "--db", db, "--json")
    report = json.loads(again.stdout)
    assert report["resumed"] == 3 and not report["duplicates"]
    after = json.loads(run("show", art_id, "--db", db, "--json").stdout)
    assert after["headline"] == "Quay to reopen after repairs" and {"describe", "read"} <= set(
        after["stages"]
    )
    assert after["event_id"] and after["entities"]
    listed = json.loads(run("list", "--db", db, "--json").stdout)
    assert listed["total"] == 3  # finished in place, nothing added twice
    third = json.loads(run("ingest", str(corpus), "--db", db, "--json").stdout)
    assert third["resumed"] == 0 and len(third["duplicates"]) == 3


def test_commands_refuse_a_missing_database(tmp_path: Path) -> None:
    for args in (["link"], ["list"], ["stories"], ["story", "S1"], ["summary"], ["export"], ["rejects"]):
        done = run(*args, "--db", str(tmp_path / "typo.db"))
        assert done.returncode == 2 and "no corpus database" in " ".join(done.stderr.split()), args
    assert not (tmp_path / "typo.db").exists()


def test_a_huge_single_line_is_rejected_at_extraction(tmp_path: Path) -> None:
    """10 MB on one line, no article: rejected with its reason before any stage reads it (the
    time limit only guards the suite: past it the run ends with the stack where it hung; what
    proves it is the stage that rejected it)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "huge.txt").write_text("word and more words " * 500_000)  # 10,000,000 characters
    db = tmp_path / "c.db"
    faulthandler.dump_traceback_later(120, exit=True)
    try:
        done = run("ingest", str(folder), "--db", str(db))
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert done.returncode == 1, done.stderr  # nothing stored: every input rejected
    listed = json.loads(run("rejects", "--db", str(db), "--json").stdout)
    assert [(r["stage"], r["reason"].split(" (")[0]) for r in listed] == [
        ("extract", "text too long for an article")
    ]
    assert "10,000,000 characters" in listed[0]["reason"]
    (folder / "huge.txt").write_text(ARTICLE.format(date="14 Feb, 2023") * 5)  # about 2,000
    lower = run("ingest", str(folder), "--db", str(tmp_path / "d.db"), "--max-chars", "1000", "--json")
    assert "at most 1,000" in json.loads(lower.stdout)["rejects"][0]["reason"]


def test_ingest_credits_every_article_to_the_outlet_given(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "o.db")
    done = run("ingest", str(corpus), "--db", db, "--outlet", " The  Harbor Post ", "--until", "describe")
    assert done.returncode == 1, done.stderr  # the broken record and the empty file
    listed = json.loads(run("list", "--db", db, "--json").stdout)
    assert {r["outlet"] for r in listed["articles"]} == {"The Harbor Post"}
    shown = json.loads(run("show", listed["articles"][0]["id"], "--db", db, "--json").stdout)
    assert shown["outlet_basis"] == "given"
    assert run("ingest", str(corpus), "--db", db, "--outlet", " ").returncode == 2


def test_a_malformed_outlet_table_is_a_usage_error_naming_its_line(corpus: Path, tmp_path: Path) -> None:
    from storyline.profiles import profiles

    table = tmp_path / "outlets.csv"
    table.write_text("name,kinds\nThe Harbor Post,tabloid\n")
    profiles.cache_clear()  # read once per process: this test's process has read them already
    try:
        env = {"STORYLINE_OUTLETS": str(table)}
        done = run("ingest", str(corpus), "--db", str(tmp_path / "t.db"), env=env)
        assert done.returncode == 2 and "outlets.csv:2: kind 'tabloid'" in " ".join(done.stderr.split())
    finally:
        profiles.cache_clear()  # the next test reads the tables without this one
