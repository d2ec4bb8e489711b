"""`storyline batch`, `load` and `stories` end to end on the demo corpus, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import DEMO
from tests.test_cli import run


def test_batch_load_stories(tmp_path: Path) -> None:
    out, db = tmp_path / "out", tmp_path / "corpus.db"
    done = run("batch", str(DEMO / "corpus"), "--output", str(out), "--workers", "2",
               "--partition-mb", "0.012")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "36 articles" in done.stdout and "storyline load" in done.stdout
    loaded = run("load", str(out), "--db", str(db))
    assert loaded.returncode == 0, loaded.stderr
    assert "with the batch's links" in loaded.stdout
    shown = run("stories", "--db", str(db), "--json")
    assert shown.returncode == 0, shown.stderr
    stories = json.loads(shown.stdout)
    assert len(stories) >= 5 and all(s["article_ids"] for s in stories)
    again = run("batch", str(DEMO / "corpus"), "--output", str(out), "--workers", "2",
                "--partition-mb", "0.012", "--no-link")  # fmt: skip
    assert again.returncode == 0 and "finished before" in again.stdout
    missing = run("batch", str(tmp_path / "nowhere"), "--output", str(out))
    assert missing.returncode != 0 and "no such file" in " ".join(missing.stderr.split())
