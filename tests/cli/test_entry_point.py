"""The installed ``storyline`` command as a process of its own: the entry point ``pip install``
writes starts the CLI, prints to real pipes and exits with the CLI's code (every other CLI
test runs the commands in the test's process)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sysconfig
from pathlib import Path

from tests.cli import ARTICLE


def test_the_installed_command_shows_its_help_and_ingests_a_file(tmp_path: Path) -> None:
    scripts = os.pathsep.join([sysconfig.get_path("scripts"), os.environ.get("PATH", "")])
    command = shutil.which("storyline", path=scripts)
    assert command, "no `storyline` command installed (pip install -e '.[test]')"
    helped = subprocess.run([command, "--help"], capture_output=True, text=True, timeout=120)
    assert helped.returncode == 0 and "Usage: storyline [OPTIONS] COMMAND" in helped.stdout
    assert all(name in helped.stdout for name in ("ingest", "demo", "serve", "watch"))
    (tmp_path / "a.txt").write_text(ARTICLE.format(date="14 Feb, 2023 09:12"))
    db = tmp_path / "c.db"
    done = subprocess.run(  # up to describe: the stages after it load spaCy, the process is the point
        [command, "ingest", str(tmp_path / "a.txt"), "--db", str(db), "--until", "describe", "--json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["stored"]) == 1 and db.is_file()
