"""Expand what the user named (files, folders, globs, ``-``) into a list of inputs to read."""

from __future__ import annotations

import glob
import sys
from dataclasses import dataclass, field
from pathlib import Path

from storyline.inputs.readers import InputItem
from storyline.model import Reject, Source

_GLOB_CHARS = set("*?[")


@dataclass
class Expansion:
    """The inputs found, the names that found nothing, and paths named more than once."""

    items: list[InputItem] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)


def expand_inputs(names: list[str], stdin: bytes | None = None) -> Expansion:
    """Resolve names to readable inputs, recursing into folders in a stable (sorted) order.

    ``-`` means standard input (read once). A file reached twice (named twice, or by a
    folder and a glob) is read once and listed in ``repeated``.
    """
    out = Expansion()
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key in seen:
            out.repeated.append(str(path))
            return
        seen.add(key)
        out.items.append(InputItem(path=path))

    for name in names:
        if name == "-":
            data = stdin if stdin is not None else sys.stdin.buffer.read()
            out.items.append(InputItem(path=None, data=data))
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(_walk(path)):
                add(child)
        elif path.exists() or path.is_symlink():
            add(path)
        elif _GLOB_CHARS & set(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                out.rejects.append(Reject(Source(path=name), "glob matched no files"))
            for match in matches:
                mpath = Path(match)
                if mpath.is_dir():
                    for child in sorted(_walk(mpath)):
                        add(child)
                else:
                    add(mpath)
        else:
            out.rejects.append(Reject(Source(path=name), "no such file or directory"))
    return out


def _walk(folder: Path) -> list[Path]:
    """Regular files below ``folder``, skipping hidden files and folders."""
    found = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() or (path.is_symlink() and not path.exists()):
            found.append(path)
    return found
