"""The CLI end to end, as a user runs it: real files, a real SQLite file, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CLI = [sys.executable, "-m", "storyline"]
ARTICLE = (
    "Quay to reopen after repairs\n\n{date}\n\nThe harbour authority of Port Selan said on Tuesday that the "
    'eastern quay would reopen next month after three weeks of repairs.\n\n"We are nearly there," harbour '
    "master Ilse Varga told reporters on the quay.\n\nShare this:\n\nLeave a Reply"
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=stdin is None, input=stdin, check=False)


def corpus_folder(tmp_path: Path) -> Path:
    """Two articles, a JSONL file with one good and one broken record, an empty file."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE.format(date="14 Feb, 2023 09:12"))
    (folder / "b.txt").write_text(ARTICLE.format(date="2 Mar, 2023 10:00").replace("Tuesday", "Monday"))
    (folder / "broken.jsonl").write_text('{"title": "x", "maintext": "' + "word " * 30 + '"}\n{oops\n')
    (folder / "empty.txt").write_text("")
    return folder
