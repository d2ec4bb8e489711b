"""`storyline batch`, `load` and `stories` end to end on the demo corpus, as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow.parquet as pq

from tests.cli import ARTICLE, run
from tests.conftest import DEMO, agency_page

if TYPE_CHECKING:
    from dask.distributed import LocalCluster


def test_batch_load_stories(dask_cluster: LocalCluster, tmp_path: Path) -> None:
    out, db = tmp_path / "out", tmp_path / "corpus.db"
    extra = tmp_path / "extra"  # one article in a second input: read twice, stored once
    extra.mkdir()
    first = sorted((DEMO / "corpus" / "harbor-post").iterdir())[0]
    shutil.copy(first, extra / first.name)
    done = run("batch", str(DEMO / "corpus"), str(extra), "--output", str(out),
               "--scheduler", dask_cluster.scheduler_address, "--partition-mb", "0.012")  # fmt: skip
    assert done.returncode == 0, done.stderr
    said = " ".join(done.stdout.split())
    assert "37 articles read (36 distinct" in said and "linked 36 articles" in said
    assert "storyline load" in said
    loaded = run("load", str(out), "--db", str(db))
    assert loaded.returncode == 0, loaded.stderr
    assert "with the batch's links" in loaded.stdout
    shown = run("stories", "--db", str(db), "--json")
    assert shown.returncode == 0, shown.stderr
    stories = json.loads(shown.stdout)
    in_stories = sorted(a for s in stories for a in s["article_ids"])
    assert len(stories) >= 5 and len(in_stories) == len(set(in_stories)) == 36  # each article in one
    # a rerun with a cluster of its own (--workers): every partition finished, nothing to read
    again = run("batch", str(DEMO / "corpus"), "--output", str(out), "--workers", "1",
                "--partition-mb", "0.012", "--no-link")  # fmt: skip
    assert again.returncode == 0 and "finished before" in again.stdout
    missing = run("batch", str(tmp_path / "nowhere"), "--output", str(out))
    assert missing.returncode != 0 and "no such file" in " ".join(missing.stderr.split())


def test_batch_takes_the_run_options_of_ingest(tmp_path: Path) -> None:
    """`--until` and `--max-chars` (and the other run options) mean in batch what they mean in
    ingest: the Parquet articles stop at that stage, a long text is rejected with the same reason."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "quay.txt").write_text(ARTICLE.format(date="14 Feb, 2023 09:12"))
    (folder / "long.txt").write_text(ARTICLE.format(date="2 Mar, 2023") * 5)  # about 2,000 characters
    (folder / "agency.html").write_text(agency_page())
    options = [
        "--until",
        "describe",
        "--max-chars",
        "1000",
        "--max-bytes",
        "4096",
        "--model",
        "no_such_model",
    ]
    ingested = run("ingest", str(folder), "--db", str(tmp_path / "c.db"), *options, "--json")
    assert ingested.returncode == 1, ingested.stderr  # the long text is rejected
    out = tmp_path / "out"
    done = run("batch", str(folder), "--output", str(out), "--workers", "1", *options, "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["articles"] == 2 and report["rejects"] == 1 and report["link"] is None
    records = [json.loads(r) for r in pq.read_table(out / "articles").column("record").to_pylist()]
    assert all(r["stages"] == ["extract", "clean", "split", "describe"] for r in records)
    assert all(not r["entities"] for r in records)  # not read: no model was asked for
    assert 'Агентство "Полтава-Інфо"' in {r["outlet"] for r in records}
    rejects = pq.read_table(out / "rejects").to_pylist()
    said = json.loads(ingested.stdout)["rejects"]
    assert [(r["stage"], r["reason"]) for r in rejects] == [(r["stage"], r["reason"]) for r in said]
    assert "at most 1,000" in rejects[0]["reason"]


def test_batch_credits_every_article_to_the_outlet_given(tmp_path: Path) -> None:
    """`--outlet` is one of the run options `batch` shares with `ingest`."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "quay.txt").write_text(ARTICLE.format(date="14 Feb, 2023 09:12"))
    (folder / "agency.html").write_text(agency_page())
    out = tmp_path / "out"
    done = run("batch", str(folder), "--output", str(out), "--workers", "1", "--until", "describe",
               "--outlet", "The Harbor Post", "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    records = [json.loads(r) for r in pq.read_table(out / "articles").column("record").to_pylist()]
    assert [(r["outlet"], r["outlet_basis"]) for r in records] == [("The Harbor Post", "given")] * 2
