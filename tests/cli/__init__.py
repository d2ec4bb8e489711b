"""The CLI end to end, as a user runs it: real files, a real SQLite file, exit codes.

Commands run in this process (Typer's ``CliRunner``): a process of its own would pay Python's
and spaCy's start-up on every call. What only a real process shows (the installed entry
point, signals, a terminal) is tested with one: ``test_entry_point.py``, ``test_watch.py``.
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app

ARTICLE = (
    "Quay to reopen after repairs\n\n{date}\n\nThe harbour authority of Port Selan said on Tuesday that the "
    'eastern quay would reopen next month after three weeks of repairs.\n\n"We are nearly there," harbour '
    "master Ilse Varga told reporters on the quay.\n\nShare this:\n\nLeave a Reply"
)


@dataclass(frozen=True)
class Ran:
    """What a finished command left, named as ``subprocess.CompletedProcess`` names it."""

    returncode: int
    stdout: str
    stderr: str


def run(*args: str, stdin: bytes | None = None, env: Mapping[str, str] | None = None) -> Ran:
    """``storyline ARGS`` with ``stdin`` on its standard input and ``env`` added to the
    environment; its exit code and what it printed on stdout and on stderr (kept apart). An
    exception the command lets out ends it as it would end the process: its traceback on
    stderr, exit code 1."""
    result = CliRunner().invoke(app, list(args), input=stdin, env=env, prog_name="storyline")
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))
    return Ran(result.exit_code, result.stdout, stderr)


def corpus_folder(tmp_path: Path) -> Path:
    """Two articles, a JSONL file with one good and one broken record, an empty file."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE.format(date="14 Feb, 2023 09:12"))
    (folder / "b.txt").write_text(ARTICLE.format(date="2 Mar, 2023 10:00").replace("Tuesday", "Monday"))
    (folder / "broken.jsonl").write_text('{"title": "x", "maintext": "' + "word " * 30 + '"}\n{oops\n')
    (folder / "empty.txt").write_text("")
    return folder
