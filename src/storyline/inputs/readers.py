"""Turn one input (a file, or standard input) into raw articles or recorded rejections.

Formats: plain text in any encoding, HTML, JSON / JSONL records (news-please and CC-News
field names), and WARC / WARC.gz response records. Gzip-compressed inputs are opened
transparently, inflated a bounded step at a time (a decompression bomb meets the size limit,
not the memory's); a truncated archive keeps every complete record before the break.
"""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader

from storyline.inputs.decode import binary_kind, decode_text, sniff_format
from storyline.model import Article, Reject, Source, content_hash

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Largest single article (text or HTML file, JSON record, WARC record) accepted."""
STEP = 64 * 1024
"""Gzip input read, and output made, at a time: a limit on the output is checked between steps."""
WARC_LINE = 1 << 20
"""Longest line of a WARC (a record's head, an HTTP header) gathered at once; a longer one
comes in pieces, so it is bad data, not a gigabyte held."""

_TEXT_FIELDS = ("maintext", "text", "body", "content", "articleBody")
_TITLE_FIELDS = ("title", "headline")
# publication dates as crawlers record them: news-please, newspaper4k, CC-News, schema.org;
# never a modification or download date
_DATE_FIELDS = ("date_publish", "publish_date", "published", "date_published", "datePublished", "date")
_OUTLET_FIELDS = ("source_domain", "outlet", "source", "site_name", "sitename", "domain")


@dataclass
class InputItem:
    """One thing to read: a path on disk, bytes from standard input, or a remote file (an
    fsspec URL, with the size its listing gave; ``storyline.run.passes`` reads it)."""

    path: Path | None
    data: bytes | None = None
    url: str | None = None
    size: int | None = None

    @property
    def name(self) -> str:
        if self.url is not None:
            return self.url
        return str(self.path) if self.path is not None else "<stdin>"


def read_item(item: InputItem, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Reject]:
    """Read one input and yield its raw articles and the rejections met on the way."""
    source = Source(path=item.name if item.path is not None else None)
    try:
        if item.data is not None:
            data = item.data
        else:
            assert item.path is not None
            size = item.path.stat().st_size
            if size == 0:
                yield Reject(source, "empty file")
                return
            if _is_gzip_path(item.path) or _sniff_gzip(item.path):
                yield from _read_gzip_file(item.path, source, max_bytes)
                return
            if size > max_bytes and not _is_stream_format(item.path):
                yield Reject(source, _too_large(size, max_bytes))
                return
            data = item.path.read_bytes()
    except FileNotFoundError:
        yield Reject(source, "no such file")
        return
    except PermissionError:
        yield Reject(source, "permission denied")
        return
    except IsADirectoryError:
        yield Reject(source, "is a directory")
        return
    except OSError as exc:
        yield Reject(source, f"unreadable: {exc.strerror or exc}")
        return
    if data.startswith(b"\x1f\x8b"):
        yield from _read_gzip_bytes(data, source, max_bytes)
        return
    yield from read_bytes(data, source, max_bytes)


def read_bytes(data: bytes, source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Reject]:
    """Read an in-memory input whose format is sniffed from its content."""
    if not data.strip():
        yield Reject(source, "empty file" if not data else "file holds only white space")
        return
    fmt = sniff_format(data, (source.path or "").lower().removesuffix(".gz"))  # page.html.gz: HTML
    if fmt == "warc":
        yield from _read_warc(io.BytesIO(data), source, max_bytes)
        return
    if fmt not in ("json", "jsonl"):
        kind = binary_kind(data)
        if kind:
            yield Reject(source, f"binary file ({kind}), not an article")
            return
    if fmt in ("text", "html") and len(data) > max_bytes:
        yield Reject(source, _too_large(len(data), max_bytes))
        return
    text, encoding, lossy = decode_text(data)
    if fmt == "jsonl":
        yield from _read_jsonl(text, source, max_bytes)
    elif fmt == "json":
        yield from _read_json(text, source, max_bytes)
    else:
        yield _article(text, source, fmt, {"encoding": encoding, "lossy_decode": lossy})


def _article(raw: str, source: Source, fmt: str, hints: dict[str, Any]) -> Article:
    key = raw if not hints.get("title") else f"{hints['title']}\n{raw}"
    digest = content_hash(key, fold=fmt != "html")
    hints = {k: v for k, v in hints.items() if v not in (None, "", False)}
    return Article(id=digest, content_hash=digest, source=source, raw=raw, format=fmt, hints=hints)


def _too_large(size: int, limit: int) -> str:
    return (
        f"file too large for one article ({size / 2**20:.1f} MiB > {limit / 2**20:.0f} MiB limit); "
        "split it, or raise --max-bytes"
    )


def _is_gzip_path(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def _sniff_gzip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def _is_stream_format(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".jsonl", ".ndjson", ".warc", ".json"))


def _read_gzip_file(path: Path, source: Source, max_bytes: int) -> Iterator[Article | Reject]:
    with path.open("rb") as fh:
        head = _gunzip_head(fh.read(65536))
    if head.startswith(b"WARC/"):
        with path.open("rb") as fh:  # streamed: WARC files are often gigabytes
            yield from _read_warc(fh, source, max_bytes)
        with path.open("rb") as fh:
            problem = _gzip_problem(fh)
        if problem:
            yield Reject(source, f"WARC archive broken ({problem}); complete records before it were kept")
        return
    with path.open("rb") as fh:  # streamed: only what it inflates to is held, up to the limit
        data, error = _gunzip(fh, _gunzip_limit(max_bytes))
    yield from _read_gunzipped(data, error, source, max_bytes)


def _gunzip_head(blob: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(blob, 16)
    except zlib.error:
        return b""


def _read_gzip_bytes(blob: bytes, source: Source, max_bytes: int) -> Iterator[Article | Reject]:
    """Decompress what can be decompressed; a truncated tail is reported, not fatal."""
    if _gunzip_head(blob[:65536]).startswith(b"WARC/"):
        yield from _read_warc(io.BytesIO(blob), source, max_bytes)
        problem = _gzip_problem(io.BytesIO(blob))
        if problem:
            yield Reject(source, f"WARC archive broken ({problem}); complete records before it were kept")
        return
    data, error = _gunzip(io.BytesIO(blob), _gunzip_limit(max_bytes))
    yield from _read_gunzipped(data, error, source, max_bytes)


def _gunzip_limit(max_bytes: int) -> int:
    """How far a gzipped input may inflate: many articles (JSONL) may share one file."""
    return max(max_bytes * 8, 256 * 1024 * 1024)


def _read_gunzipped(
    data: bytes, error: str | None, source: Source, max_bytes: int
) -> Iterator[Article | Reject]:
    """What ``_gunzip`` gave: read whole, or what came before a break (complete JSONL lines)."""
    if error is None:
        yield from read_bytes(data, source, max_bytes)
        return
    fmt = sniff_format(data, (source.path or "").removesuffix(".gz"))
    if fmt == "jsonl" and b"\n" in data:
        complete = data[: data.rfind(b"\n") + 1]
        yield from read_bytes(complete, source, max_bytes)
        lines = complete.count(b"\n")
        yield Reject(source, f"{error}: records after line {lines} lost", detail=error)
        return
    yield Reject(source, error)


def _inflated(stream: Any, strict: bool) -> Iterator[bytes]:
    """A gzip stream's content, every member of it, at most ``STEP`` bytes at a time:
    ``decompress`` is given a ``max_length`` and its ``unconsumed_tail`` fed again (and
    called with no input while it fills a step: zlib may still hold output), so however far
    the input inflates, one step of it is all that is held. Raises ``zlib.error`` on damaged
    data and ``EOFError`` when the stream ends inside a member; bytes after a member that
    begin no other are ignored, or (``strict``) damaged data."""
    decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
    data, full = b"", False
    while True:
        if decomp.eof:  # a member ended: another may follow
            if len(data) < 2:
                data += stream.read(STEP)
            if not data or (not strict and not data.startswith(b"\x1f\x8b")):
                return
            decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif not data and not full:
            data = stream.read(STEP)
            if not data:
                raise EOFError("truncated gzip file")
        out = decomp.decompress(data, STEP)
        data = decomp.unused_data if decomp.eof else decomp.unconsumed_tail
        full = len(out) == STEP
        if out:
            yield out


def _gzip_problem(stream: Any) -> str | None:
    """Why a gzip stream (possibly many members) is damaged, or None; streams, keeps nothing."""
    try:
        for _ in _inflated(stream, strict=True):
            pass
    except zlib.error as exc:
        return f"corrupt gzip data: {exc}"
    except EOFError:
        return "truncated gzip file"
    return None


def _gunzip(stream: Any, limit: int) -> tuple[bytes, str | None]:
    """A gzip stream's content, or what came of it before the reason it stopped: over
    ``limit`` bytes (checked after each step, so a bomb is stopped as it inflates), damaged,
    truncated."""
    out = io.BytesIO()
    try:
        for piece in _inflated(stream, strict=False):
            out.write(piece)
            if out.tell() > limit:
                return out.getvalue(), f"decompressed size over {limit / 1e6:.0f} MB"
    except zlib.error as exc:
        return out.getvalue(), f"corrupt gzip data ({exc})"
    except EOFError:
        return out.getvalue(), "truncated gzip file"
    return out.getvalue(), None


def _read_jsonl(text: str, source: Source, max_bytes: int) -> Iterator[Article | Reject]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = Source(path=source.path, url=source.url, record=lineno)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(where, f"line {lineno}: invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield Reject(where, f"line {lineno}: JSON nested too deeply to read")
            continue
        yield _from_record(record, where, max_bytes)


def _read_json(text: str, source: Source, max_bytes: int) -> Iterator[Article | Reject]:
    try:
        doc = json.loads(text)
    except ValueError as exc:
        yield Reject(source, f"invalid JSON ({exc})")
        return
    except RecursionError:
        yield Reject(source, "JSON nested too deeply to read")
        return
    records = doc if isinstance(doc, list) else [doc]
    for i, record in enumerate(records, start=1):
        where = Source(path=source.path, url=source.url, record=i if len(records) > 1 else None)
        yield _from_record(record, where, max_bytes)


def _first(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, "", []):
            return value
    return None


def _from_record(record: Any, source: Source, max_bytes: int) -> Article | Reject:
    """A news-please / CC-News style record: url, title, maintext or text, dates, domain."""
    if source.record is None:
        where = ""
    elif (source.path or "").lower().removesuffix(".gz").endswith(".json"):
        where = f"record {source.record}: "
    else:
        where = f"line {source.record}: "
    if not isinstance(record, dict):
        return Reject(source, f"{where}JSON value is a {type(record).__name__}, not an object")
    body = _first(record, _TEXT_FIELDS)
    if not isinstance(body, str) or not body.strip():
        fields = "/".join(_TEXT_FIELDS[:2])
        return Reject(source, f"{where}record has no article text (no {fields} field)")
    if len(body.encode("utf-8", errors="replace")) > max_bytes:
        return Reject(source, where + _too_large(len(body), max_bytes))
    url = record.get("url") if isinstance(record.get("url"), str) else None
    source.url = url
    title = _first(record, _TITLE_FIELDS)
    hints: dict[str, Any] = {
        "title": title if isinstance(title, str) else None,
        "date": _first(record, _DATE_FIELDS),
        "outlet": _first(record, _OUTLET_FIELDS),
        "language": record.get("language"),
        "description": record.get("description"),
        "authors": record.get("authors"),
        "url": url,
    }
    fmt = "html" if body.lstrip().startswith("<") and "</" in body else "json"
    return _article(body, source, fmt, hints)


def _http_head(block: bytes) -> tuple[Any, bytes]:
    """(status and headers, body) of an HTTP response block; (None, block) when it holds none."""
    from warcio.statusandheaders import StatusAndHeadersParser, StatusAndHeadersParserException

    stream = io.BytesIO(block)
    try:
        head = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1", "HTTP/2"]).parse(stream)
    except StatusAndHeadersParserException:
        return None, block
    return head, stream.read()


class _LineBoundedReader(DecompressingBufferedReader):
    """warcio's reader (gzip members undone 16 KB of input at a time), each line it reads at
    most ``WARC_LINE`` bytes: warcio would gather a line whole, and a gzip member of 1 MB
    holding no newline inflates to a 1 GiB "line"."""

    def readline(self, length: int | None = None) -> bytes:
        if length is None or length < 0 or length > WARC_LINE:
            length = WARC_LINE
        line: bytes = super().readline(length)
        return line


def _archive(stream: Any) -> ArchiveIterator:
    """warcio's records of ``stream``, its lines bounded (``_LineBoundedReader``)."""
    records = ArchiveIterator(stream)
    records.reader = _LineBoundedReader(records.fh, block_size=records.reader.block_size)
    return records


def _read_warc(stream: Any, source: Source, max_bytes: int) -> Iterator[Article | Reject]:
    count = 0
    found = 0
    try:
        for count, rec in enumerate(_archive(stream), start=1):
            if rec.rec_type not in ("response", "resource"):
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            where = Source(path=source.path, url=url, record=count)
            http, payload = rec.http_headers, None
            if http is None and "application/http" in (rec.rec_headers.get_header("Content-Type") or ""):
                # warcio parses the HTTP head of http(s) URIs only: another URI's is read here
                http, payload = _http_head(rec.content_stream().read(max_bytes + 1))
            if http is not None:
                status = http.get_statuscode()
                if status and not status.startswith("2"):
                    continue
                ctype = (http.get_header("Content-Type") or "").lower()
            else:
                ctype = (rec.rec_headers.get_header("Content-Type") or "").lower()
            if ctype and not any(t in ctype for t in ("html", "text/plain", "xml")):
                continue
            if payload is None:
                payload = rec.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield Reject(where, f"record {count}: " + _too_large(len(payload), max_bytes))
                continue
            if not payload.strip():
                yield Reject(where, f"record {count}: empty payload")
                continue
            text, encoding, lossy = decode_text(payload)
            fmt = "html" if "html" in ctype or sniff_format(payload) == "html" else "text"
            found += 1
            yield _article(
                text,
                where,
                fmt,
                {
                    "url": url,
                    "crawled": rec.rec_headers.get_header("WARC-Date"),
                    "encoding": encoding,
                    "lossy_decode": lossy,
                },
            )
    except Exception as exc:  # warcio raises plain Exceptions on broken archives
        yield Reject(
            source,
            f"WARC archive broken after record {count} ({type(exc).__name__}: {str(exc)[:300]}); "
            "records before it were kept",
        )
        return
    if not found:
        yield Reject(source, f"WARC archive holds no HTML or text response records ({count} records read)")
