from __future__ import annotations

import pytest

from storyline.inputs.decode import binary_kind, decode_text, sniff_format


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"Blink and you miss it: the council met on Monday.", "a.txt", "text"),
        (b"Blinken arrived in the capital.", "", "text"),  # libmagic says 'Blink archive data'
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", "html"),
        (b"  <div><p>Fragment</p></div>", "", "html"),
        (b'{"title": "a", "maintext": "b"}\n{"title": "c"}\n', "feed.dat", "jsonl"),
        (b'[{"title": "a", "maintext": "b"}]', "", "json"),
        (b'{\n "title": "a",\n "maintext": "b"\n}', "", "json"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "x", "warc"),
        (b"{not json at all\n", "feed.jsonl", "jsonl"),
        (b"{not json at all\n", "notes.txt", "text"),
        (b"Plain words < and > signs but no tags", "page.html", "text"),
    ],
)
def test_sniff_format_from_content_then_name(data: bytes, name: str, expected: str) -> None:
    assert sniff_format(data, name) == expected


def test_decode_detects_legacy_encodings_and_never_raises() -> None:
    text = "The mayor’s “caf\u00e9” plan was approved on Tuesday by the city council of Port Selan."
    decoded, encoding, lossy = decode_text(text.encode("cp1252"))
    assert decoded == text and not lossy and encoding != "utf-8"
    decoded, encoding, lossy = decode_text("abc".encode("utf-16"))
    assert decoded == "abc" and encoding == "utf-16"
    decoded, _, _ = decode_text(b"valid start \xff\xfe\xfa then more text " * 3)
    assert "valid start" in decoded


def test_binary_kind() -> None:
    assert binary_kind(b"%PDF-1.4 ...") == "PDF document"
    assert binary_kind(b"abc\x00\x00def") == "binary data (NUL bytes)"
    assert binary_kind("text with ümlauts".encode()) is None
    assert binary_kind("abc".encode("utf-16")) is None
