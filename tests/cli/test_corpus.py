"""`list`, `show`, `search`, `summary`, `export` and every command's help, as a user runs them."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pyarrow.parquet as pq

from tests.cli import run


def test_list_show_search_summary(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    run("ingest", str(corpus), "--db", db, "--quiet")
    listed = json.loads(run("list", "--db", db, "--json", "--since", "2023-03-01").stdout)
    assert listed["total"] == 1 and listed["articles"][0]["published"] == "2023-03-02"
    art_id = listed["articles"][0]["id"]
    shown = run("show", art_id[:8], "--db", db, "--removed")
    assert shown.returncode == 0 and "Quay to reopen" in shown.stdout and "share widget" in shown.stdout
    assert "comment form" in shown.stdout and "Leave a Reply" in shown.stdout
    record = json.loads(run("show", art_id, "--db", db, "--json").stdout)
    assert record["headline"] == "Quay to reopen after repairs" and "Share this" not in record["text"]
    hits = json.loads(run("search", "harbour master", "--db", db, "--json").stdout)["hits"]
    assert len(hits) == 2 and "**" in hits[0]["snippet"]
    assert run("show", "zzzz", "--db", db).returncode == 2
    summary = json.loads(run("summary", "--db", db, "--json").stdout)
    assert summary["articles"] == 3 and summary["rejects"] == 2


def test_export_formats(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    run("ingest", str(corpus), "--db", db, "--quiet")
    out = tmp_path / "out"
    assert run("export", "--db", db, "--format", "json", "--output", str(out / "c.json")).returncode == 0
    doc = json.loads((out / "c.json").read_text())
    assert len(doc["articles"]) == 3
    in_events = sorted(a for v in doc["events"] for a in v["article_ids"])
    assert in_events == sorted(a["id"] for a in doc["articles"])  # each article in one event
    assert run("export", "--db", db, "--format", "jsonl", "--output", str(out / "jl")).returncode == 0
    assert len((out / "jl" / "articles.jsonl").read_text().splitlines()) == 3
    assert run("export", "--db", db, "--format", "csv", "--output", str(out / "csv")).returncode == 0
    rows = list(csv.DictReader((out / "csv" / "articles.csv").open()))
    assert len(rows) == 3 and json.loads(rows[0]["removed"])
    assert run("export", "--db", db, "--format", "parquet", "--output", str(out / "pq")).returncode == 0
    assert pq.read_table(out / "pq" / "articles.parquet").num_rows == 3
    assert run("export", "--db", db, "--format", "xml").returncode == 2


# Each command's help: words of what it does, and the options (or argument) that are its own.
HELP = {
    "ingest": ("Read articles (text, HTML, JSON/JSONL, WARC", ["paths", "--until", "--max-chars"]),
    "list": ("List articles, oldest first", ["--outlet", "--since", "--offset"]),
    "show": ("Print one article: metadata, clean text", ["article_id", "--removed"]),
    "search": ("Full-text search over headlines and clean text", ["query", "--limit"]),
    "rejects": ("every input that did not become an article, with the reason", ["--run"]),
    "export": ("Export the corpus", ["--format", "--output"]),
    "summary": ("Print a summary of the corpus", ["--json"]),
    "demo": ("Ingest the bundled demo corpus into a fresh database", ["--db"]),
    "link": ("Rerun linking", ["--full"]),
    "entities": ("Corpus entities, most reported first", ["--name", "--label"]),
    "duplicates": ("Wire copies and near-duplicates", ["--since"]),
    "events": ("articles that report the same development", ["--until"]),
    "stories": ("chains of related events over time", ["--outlet"]),
    "quotes": ("List quotes and attributed statements", ["--speaker"]),
    "story": ("One story: its timeline, cited summary", ["story_id"]),
    "entity": ("One entity: its aliases with their evidence", ["name"]),
    "timeline": ("The most important dates of a story", ["--story", "--dates", "--sentences"]),
}


def test_help_everywhere() -> None:
    """Every command's --help is its own: its usage line, what it does, its options."""
    for cmd, (does, options) in HELP.items():
        result = run(cmd, "--help")
        said = " ".join(result.stdout.replace("│", " ").split())
        assert result.returncode == 0 and f"Usage: storyline {cmd} [OPTIONS]" in said, cmd
        named = [re.search(rf"(?<![\w-]){o}(?![\w-])", said, re.IGNORECASE) for o in [*options, "--db"]]
        assert does in said and all(named), cmd


def test_bad_dates_labels_and_queries_are_usage_errors(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    run("ingest", str(corpus), "--db", db, "--quiet")
    for args, said in (
        (["list", "--since", "yesterday"], "not a date"),
        (["stories", "--until", "2023-02-30"], "not a date"),
        (["entities", "--label", "HUMAN"], "not an entity label"),
        (["search", '"unbalanced'], "not a valid search query"),
    ):
        done = run(*args, "--db", db)
        assert done.returncode == 2 and said in " ".join(done.stderr.split()), args
    assert run("list", "--since", "2023", "--until", "2023-02", "--db", db).returncode == 0
    march = json.loads(run("list", "--until", "2023-03", "--db", db, "--json").stdout)
    assert "2023-03-02" in {a["published"] for a in march["articles"]}  # YYYY-MM: all of that month


def test_stories_events_and_copies_page_and_filter_like_list(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    run("ingest", str(corpus), "--db", db, "--quiet")
    for command in ("stories", "events"):
        every = json.loads(run(command, "--db", db, "--json").stdout)
        one = json.loads(run(command, "--db", db, "--json", "--limit", "1").stdout)
        rest = json.loads(run(command, "--db", db, "--json", "--offset", "1").stdout)
        assert len(every) >= 2 and one == every[:1] and rest == every[1:], command
        none = json.loads(run(command, "--db", db, "--json", "--outlet", "Nobody Post").stdout)
        early = json.loads(run(command, "--db", db, "--json", "--until", "2023-02-20").stdout)
        assert none == [] and 0 < len(early) < len(every), command
    (copy,) = json.loads(run("duplicates", "--db", db, "--json", "--limit", "5").stdout)
    assert copy["outlet"] is None and copy["similarity"] > 0.5  # b.txt is a.txt with another date
    assert json.loads(run("duplicates", "--db", db, "--json", "--offset", "1").stdout) == []
    assert json.loads(run("duplicates", "--db", db, "--json", "--since", "2024").stdout) == []


def test_origin_columns_keep_the_file_name(tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*[f"folder-number-{k}" for k in range(8)])
    deep.mkdir(parents=True)
    (deep / "a-file-with-a-name-worth-keeping.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    db = str(tmp_path / "r.db")
    run("ingest", str(deep), "--db", db, "--quiet")
    shown = run("rejects", "--db", db, env={"COLUMNS": "80"})
    assert "a-file-with-a-name-worth-keeping.bin" in shown.stdout and "…" in shown.stdout


def test_outlets_lists_the_profiles_and_shows_one_with_its_source() -> None:
    listed = json.loads(run("outlets", "--json").stdout)
    assert {"Associated Press", "RT", "The Guardian"} <= {p["name"] for p in listed}
    shown = run("outlets", "AP")
    assert shown.returncode == 0 and "https://en.wikipedia.org/wiki/Associated_Press" in shown.stdout
    assert run("outlets", "The Harbor Post").returncode == 2


def test_list_is_readable_at_80_columns(demo_db: Path) -> None:
    shown = run("list", "--db", str(demo_db), env={"COLUMNS": "80"})
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    rows = [line for line in lines if re.match(r"[0-9a-f]{16} ", line)]
    assert rows and all(re.match(r"[0-9a-f]{16} +(?:\d{4}-\d\d-\d\d|—) +", line) for line in rows)
    # a headline keeps its words together: at least three of them on its row's line
    assert all(len(line.split()) >= 5 for line in rows)
