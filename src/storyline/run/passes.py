"""One runner: what the embedded ingest (``storyline.run.embedded``) and the cluster batch
(``storyline.run.batch``) share, so they differ only in where they run and where they write.

- the inputs: names expanded into files (local files, folders and globs through
  ``storyline.inputs.paths``, fsspec URLs listed by fsspec, ``-`` standard input), each read
  into raw articles and rejects (a remote file copied to a local temporary file first);
- the two passes that make the corpus the same whatever the grouping, the workers or the
  order: pass 1 extracts each group's articles and keys their lines (content hash → line key
  hashes; the corpus counts are the sums over distinct inputs), pass 2 runs the other stages
  against the frozen counts;
- one ``PipelineOptions`` (picklable) passed through to every worker.

The embedded ingest sums the line keys in its SQLite store and spills pass 1 to disk; the
batch sums them on the client and reads its partitions again in pass 2.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.clean import line_keys
from storyline.inputs.paths import Expansion, expand_inputs
from storyline.inputs.readers import DEFAULT_MAX_BYTES, InputItem, read_item
from storyline.model import Article, Reject, Source
from storyline.pipeline import FATAL, PipelineOptions, error_reason, extract_batch, finish_batch
from storyline.store.articles import line_hash

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def is_url(name: str) -> bool:
    """Whether an input names a remote file for fsspec (``s3://…``, ``gs://…``, ``file://…``)."""
    return bool(_URL.match(name))


def expand(names: list[str], stdin: bytes | None = None) -> Expansion:
    """The inputs ``names`` point at, in the order named, each file once: local names as
    ``expand_inputs`` finds them, URLs as fsspec lists them (a folder recursively, hidden
    files skipped, sorted). A name that matches nothing, or an fsspec protocol whose package
    is missing, is a reject with the reason."""
    out = Expansion()
    seen: set[str] = set()
    for name in names:
        if not is_url(name):
            found = expand_inputs([name], stdin)
            items = found.items
            out.rejects += found.rejects
        else:
            try:
                items = [InputItem(path=None, url=u, size=n) for u, n in _list_url(name)]
            except (ImportError, ValueError, OSError) as exc:
                out.rejects.append(Reject(Source(path=name), str(exc)))
                continue
        for item in items:
            key = item.url or (str(item.path.resolve()) if item.path is not None else None)
            if key is not None and key in seen:  # a file reached twice is read once
                out.repeated.append(item.name)
                continue
            if key is not None:
                seen.add(key)
            out.items.append(item)
    return out


def _list_url(name: str) -> list[tuple[str, int]]:
    """The files (with sizes) one URL names: a file, a folder or a glob."""
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(name)
    except (ImportError, ValueError) as exc:
        raise ValueError(exc) from None
    if any(ch in path for ch in "*?["):
        paths = sorted(fs.glob(path), key=lambda p: p.split("/"))
    elif fs.isdir(path):  # sorted folder by folder, as local folders are
        paths = sorted(fs.find(path), key=lambda p: p.split("/"))
    elif fs.exists(path):
        paths = [path]
    else:
        raise ValueError("no such file or directory")
    paths = [p for p in paths if not any(part.startswith(".") for part in p.split("/"))]
    if not paths:
        raise ValueError("glob matched no files")
    return [(fs.unstrip_protocol(p), int(fs.info(p).get("size") or 0)) for p in paths]


def read_input(item: InputItem, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Reject]:
    """One input's raw articles and rejects. A remote file is copied to a local temporary file
    first (keeping its name, which tells its format), and its articles name the URL as their
    path. An error reading it is a reject of what was left unread, never the end of the run."""
    if item.url is None:
        yield from _guarded(read_item(item, max_bytes), item.name)
        return
    import fsspec

    with tempfile.TemporaryDirectory(prefix="storyline-") as tmp:
        path = Path(tmp) / item.url.rstrip("/").rsplit("/", 1)[-1]
        try:
            with fsspec.open(item.url, "rb") as src, path.open("wb") as dst:
                while block := src.read(1 << 20):
                    dst.write(block)
        except OSError as exc:
            yield Reject(Source(path=item.url), f"unreadable: {exc}")
            return
        for got in _guarded(read_item(InputItem(path=path), max_bytes), item.url):
            got.source.path = item.url
            yield got


def _guarded(got: Iterator[Article | Reject], name: str) -> Iterator[Article | Reject]:
    try:
        yield from got
    except FATAL:
        raise
    except Exception as exc:  # a reader's bug on one input: that input is rejected
        yield Reject(Source(path=name), error_reason("ingest", exc))


def read_group(
    items: Iterable[InputItem], max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[Reject]]:
    """The raw articles and rejects of a group of inputs, in order."""
    articles: list[Article] = []
    rejects: list[Reject] = []
    for item in items:
        for got in read_input(item, max_bytes):
            if isinstance(got, Reject):
                rejects.append(got)
            else:
                articles.append(got)
    return articles, rejects


def first_pass(
    articles: list[Article], options: PipelineOptions, seconds: dict[str, float] | None = None
) -> tuple[list[Article], dict[str, set[int]]]:
    """Pass 1 over a group: extraction, and the line keys of each extracted input (content
    hash → its line key hashes), what the corpus counts sum. (Module-level, so worker
    processes and cluster workers run it.)"""
    extracted = extract_batch(articles, options, seconds)
    return extracted, lines_by_input(extracted)


def lines_by_input(extracted: Iterable[Article]) -> dict[str, set[int]]:
    """Content hash → line key hashes of every extracted article not rejected."""
    return {a.content_hash: {line_hash(k) for k in line_keys(a)} for a in extracted if not a.rejected}


def second_pass(
    articles: list[Article],
    counts: dict[int, int],
    options: PipelineOptions,
    seconds: dict[str, float] | None = None,
) -> list[Article]:
    """Pass 2 over a group: the stages after extraction against the frozen corpus counts
    (line key hash → inputs it occurs in; a line left out occurs in one)."""
    return finish_batch(articles, counts, options, seconds)
