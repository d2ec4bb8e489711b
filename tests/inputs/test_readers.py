"""Every kind of bad input gets a clear rejection, and loses nothing else."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.inputs.readers import InputItem, read_item
from storyline.model import Article, Reject

BODY = (
    "PORT SELAN — The harbour authority said on Tuesday that the eastern quay would reopen "
    "next month after repairs, ending three weeks of disruption for ferry passengers."
)


def read(path: Path, **kw: int) -> tuple[list[Article], list[Reject]]:
    got = list(read_item(InputItem(path), **kw))
    return [g for g in got if isinstance(g, Article)], [g for g in got if isinstance(g, Reject)]


def test_text_file(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(BODY)
    arts, rejects = read(p)
    assert len(arts) == 1 and not rejects
    assert arts[0].format == "text" and arts[0].raw == BODY and len(arts[0].id) == 16


def test_empty_and_whitespace_files_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\n\t ")
    assert read(tmp_path / "empty.txt")[1][0].reason == "empty file"
    assert "white space" in read(tmp_path / "blank.txt")[1][0].reason


def test_binary_file_rejected(tmp_path: Path) -> None:
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    arts, rejects = read(p)
    assert not arts and "binary file (PNG image)" in rejects[0].reason


def test_invalid_utf8_is_read_not_fatal(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(BODY.encode() + b" \xff\xfe broken bytes \xc3\x28 here.")
    arts, rejects = read(p)
    assert len(arts) == 1 and not rejects and "harbour authority" in arts[0].raw


def test_huge_file_rejected_without_reading_it(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    arts, rejects = read(p)
    assert not arts and "file too large" in rejects[0].reason and "200" in rejects[0].reason


def test_jsonl_bad_lines_reported_by_number_good_lines_kept(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    good = {"url": "https://harbor.example/a", "title": "Quay reopens", "maintext": BODY,
            "date_publish": "2023-02-14 09:30:00", "source_domain": "harbor.example"}  # fmt: skip
    lines = [json.dumps(good), "{broken json", "", json.dumps({"title": "no text"}),
             json.dumps(dict(good, maintext=BODY + " Second record."))]  # fmt: skip
    p.write_text("\n".join(lines) + "\n")
    arts, rejects = read(p)
    assert len(arts) == 2
    assert arts[0].hints["date"] == "2023-02-14 09:30:00" and arts[0].source.url == good["url"]
    assert arts[0].source.record == 1 and arts[1].source.record == 5
    reasons = sorted(r.reason for r in rejects)
    assert reasons[0].startswith("line 2: invalid JSON") and reasons[1].startswith(
        "line 4: record has no article text"
    )


def _warc(records: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, html in records:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers)
        )
    return buf.getvalue()


def test_warc_gz_response_records(tmp_path: Path) -> None:
    page = f"<html><body><article><p>{BODY}</p></article></body></html>".encode()
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(_warc([("https://a.example/1", page), ("https://a.example/2", page + b"<p>more</p>")]))
    arts, rejects = read(p)
    assert [a.source.url for a in arts] == ["https://a.example/1", "https://a.example/2"]
    assert all(a.format == "html" for a in arts) and not rejects


def test_a_warc_response_of_any_uri_is_read_not_dropped(tmp_path: Path) -> None:
    """warcio parses the HTTP head of http(s) URIs only; a crawl's other URIs are pages too."""
    page = f"<html><body><article><p>{BODY}</p></article></body></html>".encode()
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(_warc([("urn:page:1", page), ("file:///srv/two.html", page + b"<p>2</p>")]))
    arts, rejects = read(p)
    assert [a.source.url for a in arts] == ["urn:page:1", "file:///srv/two.html"] and not rejects
    assert all(a.format == "html" and a.raw.startswith("<html>") for a in arts)


def test_truncated_warc_keeps_records_before_the_break(tmp_path: Path) -> None:
    page = f"<html><body><article><p>{BODY}</p></article></body></html>".encode()
    blob = _warc([(f"https://a.example/{i}", page + str(i).encode() * 3000) for i in range(3)])
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(blob[: int(len(blob) * 0.8)])
    arts, rejects = read(p)  # the cut falls in the third record: the first two are whole
    assert [a.source.url for a in arts] == ["https://a.example/0", "https://a.example/1"]
    assert all(a.raw.endswith(str(i) * 3000) for i, a in enumerate(arts))
    (reject,) = rejects
    assert reject.reason.startswith("WARC archive broken") and reject.reason.endswith("before it were kept")


def test_a_warc_gz_whose_next_member_is_a_bomb_keeps_its_records_and_says_so_briefly(tmp_path: Path) -> None:
    page = f"<html><body><article><p>{BODY}</p></article></body></html>".encode()
    p = tmp_path / "crawl.warc.gz"  # then 32 MiB of zeros in 32 KB: one "line" with no end
    p.write_bytes(_warc([("https://a.example/1", page)]) + gzip.compress(bytes(32 << 20), 9))
    arts, rejects = read(p)
    assert [a.source.url for a in arts] == ["https://a.example/1"]
    (reject,) = rejects
    assert reject.reason.startswith("WARC archive broken after record 1 (ArchiveLoadFailed: Invalid WARC")
    assert reject.reason.endswith("records before it were kept") and len(reject.reason) < 1000


def test_truncated_gzip_text_rejected_and_jsonl_keeps_complete_lines(tmp_path: Path) -> None:
    p = tmp_path / "a.txt.gz"
    p.write_bytes(gzip.compress(os.urandom(1000).hex().encode())[:-40])
    arts, rejects = read(p)
    assert not arts and "truncated" in rejects[0].reason
    rec = json.dumps({"title": "t", "maintext": BODY}) + "\n"
    blob = gzip.compress("".join(rec.replace('"t"', f'"t{i}"') for i in range(200)).encode())
    q = tmp_path / "feed.jsonl.gz"
    q.write_bytes(blob[: len(blob) // 2])
    arts, rejects = read(q)  # the complete lines before the cut, in order, each whole
    kept = len(arts)
    assert 0 < kept < 200 and [a.hints["title"] for a in arts] == [f"t{i}" for i in range(kept)]
    assert [a.source.record for a in arts] == list(range(1, kept + 1))
    assert rejects[-1].reason == f"truncated gzip file: records after line {kept} lost"


def test_a_gzip_bomb_is_rejected_as_it_inflates(tmp_path: Path) -> None:
    bomb = gzip.compress(bytes(20 << 20), 9) * 15  # 300 MiB in 300 KB: over the 256 MiB floor
    p = tmp_path / "page.html.gz"
    p.write_bytes(bomb)
    over = "decompressed size over 268 MB"
    arts, rejects = read(p)
    assert not arts and [r.reason for r in rejects] == [over]
    piped = list(read_item(InputItem(path=None, data=bomb)))
    assert [r.reason for r in piped if isinstance(r, Reject)] == [over] and len(piped) == 1


def test_a_gzip_file_of_many_members_is_read_whole(tmp_path: Path) -> None:
    page = f"<html><body><article><p>{BODY}</p></article></body></html>".encode()
    p = tmp_path / "page.html.gz"
    p.write_bytes(b"".join(gzip.compress(page[i : i + 7]) for i in range(0, len(page), 7)))
    (art,), rejects = read(p)
    assert art.raw == page.decode() and art.format == "html" and not rejects


def test_unreadable_paths(tmp_path: Path) -> None:
    assert read(tmp_path / "missing.txt")[1][0].reason == "no such file"
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere")
    assert read(link)[1][0].reason == "no such file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied(tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text(BODY)
    p.chmod(0)
    assert read(p)[1][0].reason == "permission denied"


def test_warc_without_response_records_is_rejected(tmp_path: Path) -> None:
    p = tmp_path / "bad.warc"
    p.write_bytes(b"WARC/1.0\r\nbroken header\r\n")
    arts, rejects = read(p)
    assert not arts and len(rejects) == 1 and "WARC" in rejects[0].reason


def test_json_array_records_are_numbered_as_records(tmp_path: Path) -> None:
    p = tmp_path / "items.json"
    p.write_text(json.dumps([{"title": "a", "maintext": BODY}, 7]))
    arts, rejects = read(p)
    assert len(arts) == 1 and rejects[0].reason == "record 2: JSON value is a int, not an object"
