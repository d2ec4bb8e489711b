"""`storyline batch`, `load` and `stories` end to end on the demo corpus, as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from tests.cli import run
from tests.conftest import DEMO

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
