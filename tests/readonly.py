"""Places where a corpus cannot be written, for the tests of read-only corpora: a folder, or a
file, that this process may read and not write.

Root writes through any file mode, and the tests may run as root (CI's container and the
development machines do). So ``unprivileged()`` runs its block with the effective user and
group ``nobody`` when the process is root, and takes root back after: SQLite and Storyline
then meet the file modes as any user does. (No other process is started: Python itself may be
installed where ``nobody`` cannot read, so what the block needs is imported before it.)
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NOBODY = 65534


@contextmanager
def unprivileged() -> Iterator[None]:
    """The block run as user ``nobody`` when this process is root; else as it is."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@contextmanager
def place() -> Iterator[Path]:
    """A new folder anyone may enter and read (pytest's temporary folders are private to the
    user running the tests), removed after."""
    folder = Path(tempfile.mkdtemp(prefix="storyline-place-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.iterdir()]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
        shutil.rmtree(folder)


def copy_corpus(source: Path, target: Path) -> Path:
    """A whole copy of the corpus at ``source`` (what its write-ahead log holds too) at
    ``target``, in WAL mode with no log left beside it: a corpus as Storyline leaves it."""
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)  # never checkpoints
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = WAL")
    finally:
        src.close()
        dst.close()
    assert not Path(f"{target}-wal").exists()
    return target


def read_only(db: Path, how: str) -> None:
    """Make the corpus ``db`` read-only: its ``"folder"`` (0o555, the file in it writable by
    anyone) or its ``"file"`` (0o444, in a folder anyone may write)."""
    if how == "folder":
        db.chmod(0o666)
        db.parent.chmod(0o555)
    else:
        db.chmod(0o444)
        db.parent.chmod(0o777)


def fingerprint(db: Path) -> tuple[str, int, list[str]]:
    """The file's bytes (a digest), its modification time and the files beside it: what must
    not change when a file is refused."""
    return (
        hashlib.sha256(db.read_bytes()).hexdigest(),
        db.stat().st_mtime_ns,
        sorted(p.name for p in db.parent.iterdir()),
    )
