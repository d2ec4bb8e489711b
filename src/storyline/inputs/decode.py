"""Bytes to text: format sniffing from content, encoding detection, binary detection.

Content decides, the file name only breaks ties: libmagic calls a text that starts with
"Blink" a Blink archive, and a scraper's ``.txt`` may hold HTML.
"""

from __future__ import annotations

import codecs
import json
import re

from charset_normalizer import from_bytes

_HTML_TAG = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|article|div|p|meta|title|section|span|br)\b", re.I
)
_BINARY_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x7fELF": "ELF executable",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ": "xz archive",
    b"SQLite format 3": "SQLite database",
}
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b")


def binary_kind(data: bytes) -> str | None:
    """Name the kind of binary data in ``data``, or None when it looks like text."""
    head = data[:8192]
    for magic, name in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return name
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if head:
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
        if controls / len(head) > 0.05:
            return "binary data (control bytes)"
    return None


def decode_text(data: bytes) -> tuple[str, str, bool]:
    """Decode ``data`` to text; return (text, encoding, lossy).

    UTF-8 (with or without BOM) and UTF-16 with BOM are taken as stated; anything else is
    detected by charset-normalizer. Invalid bytes never raise: they become U+FFFD and
    ``lossy`` is True.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", False
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16", False
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding), best.encoding, False
        except (UnicodeDecodeError, LookupError):
            return data.decode(best.encoding, errors="replace"), best.encoding, True
    return data.decode("utf-8", errors="replace"), "utf-8", True


def sniff_format(data: bytes, name: str = "") -> str:
    """Guess the container format from content first, then the file name.

    Returns one of ``warc``, ``html``, ``json``, ``jsonl``, ``text``.
    """
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = name.lower()
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"<") and _HTML_TAG.search(head):
        return "html"
    if head.startswith((b"{", b"[")):
        kind = _json_kind(data)
        if kind:
            return kind
    if lower.endswith((".html", ".htm", ".xhtml")) and _HTML_TAG.search(data[:65536]):
        return "html"
    if lower.endswith((".jsonl", ".ndjson", ".json")) and head.startswith((b"{", b"[")):
        return "jsonl"  # malformed lines are reported one by one
    return "text"


def _json_kind(data: bytes) -> str | None:
    first_line = data.lstrip().split(b"\n", 1)[0]
    try:
        json.loads(first_line)
        # A first line that is a complete JSON value: one record per line.
        return "jsonl" if first_line.strip().startswith(b"{") else "json"
    except (ValueError, RecursionError):  # not JSON, or nested too deeply to read
        pass
    try:
        json.loads(data)
        return "json"
    except (ValueError, RecursionError):
        return None
