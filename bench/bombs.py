"""Decompression bombs (issue #28, item 1): each one met in a fresh process of its own, its
peak resident memory (the child's ``ru_maxrss``, from ``os.wait4``) compared with the same
command given a harmless input that goes as far (a small page fetched, a feed whose item is
gone, a blank gzipped file refused, the WARC's record alone), so only what the bomb adds counts.

The bombs, built here (zeros packed a MiB at a time, so this script never holds them):
  - HTTP ``Content-Encoding: gzip, gzip``: gzip of gzip of 1 GiB of zeros (about 1.8 KB),
    and ``deflate``: zlib of 1 GiB of zeros (about 1 MB), each served on loopback and
    fetched by ``Fetcher.get``; then ``storyline watch --once`` over two sources, a feed
    listing the gzip-of-gzip page and that page given as a feed itself;
  - ``storyline ingest page.html.gz`` (gzip of 1 GiB of zeros, about 1 MB) and
    ``storyline ingest crawl.warc.gz`` (a record, then such a member: one 1 GiB "line").

Each must stay under its cap + 100 MB above its baseline (a fetch: the page cap, 5 MB; a
local gzip: the decompressed limit, 268 MB; a WARC: the record cap, 20 MB). The storyline
run is the one on PYTHONPATH, so the same script measures another checkout (the figures
before a change: ``git worktree add /tmp/base main``, then ``PYTHONPATH=/tmp/base/src``).
Usage: python bench/bombs.py [--label after] [--size-mib 1024] [--skip warc,...]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import save

MB = 1_000_000
PAGE_CAP, LOCAL_LIMIT, RECORD_CAP, SLACK = 5 * MB, 268 * MB, 20 * MB, 100 * MB
FETCH = (
    "import sys\n"
    "from storyline.follow.fetch import Fetcher, FetchOptions\n"
    "with Fetcher(FetchOptions(per_host_seconds=0)) as f:\n"
    "    got = f.get(sys.argv[1])\n"
    "print(got.status, len(got.body), got.error)\n"
)
SMALL = (
    b"<html><head><title>Harbour quay reopens</title></head><body><article><h1>Harbour quay reopens"
    b"</h1><p>The eastern quay reopened on Tuesday after three weeks of repairs, the harbour "
    b"authority said, and the first ferry left on time.</p></article></body></html>"
)


def zeros_packed(size: int, wbits: int) -> bytes:
    """``size`` zero bytes (whole MiB) packed as gzip (wbits 31) or zlib (15), a MiB at a time."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return b"".join([*(packer.compress(bytes(1 << 20)) for _ in range(size >> 20)), packer.flush()])


def warc_gz(url: str, html: bytes) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    head = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=head)
    )
    return buf.getvalue()


def rss(links: list[str]) -> bytes:
    items = "".join(f"<item><title>Item {i}</title><link>{u}</link></item>" for i, u in enumerate(links))
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>{items}</channel></rss>".encode()
    )


class Routes(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[dict[str, str], bytes]]] = {}

    def do_GET(self) -> None:
        headers, body = self.routes.get(self.path, ({}, b""))
        self.send_response(200 if self.path in self.routes else 404)
        for k, v in {"Content-Type": "text/html", **headers, "Content-Length": str(len(body))}.items():
            self.send_header(k, v)
        self.end_headers()
        with contextlib.suppress(ConnectionError):  # the client gave up on a bomb, as it should
            self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        return


def measured(argv: list[str], cwd: Path) -> tuple[float, str]:
    """(peak resident MB of the process ``argv`` alone, the tail of what it said)."""
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        said = out.read().decode("utf-8", "replace").replace("\x00", "").split()
    return usage.ru_maxrss * 1024 / MB, f"exit {proc.returncode}: " + " ".join(said)[-240:]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--label", default="after")
    ap.add_argument("--size-mib", type=int, default=1024)
    ap.add_argument("--skip", default="", help="cases left out, comma-separated (warc, watch, ...)")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    started = time.monotonic()
    inner = zeros_packed(args.size_mib << 20, 31)
    routes = {
        "/small.html": ({"Content-Encoding": "gzip"}, gzip.compress(SMALL)),
        "/gzgz.html": ({"Content-Encoding": "gzip, gzip"}, gzip.compress(inner, 9)),
        "/deflate.html": ({"Content-Encoding": "deflate"}, zeros_packed(args.size_mib << 20, 15)),
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("R", (Routes,), {"routes": routes}))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    routes["/feed-gone.xml"] = ({"Content-Type": "application/rss+xml"}, rss([base + "/gone.html"]))
    routes["/feed-bomb.xml"] = ({"Content-Type": "application/rss+xml"}, rss([base + "/gzgz.html"]))
    work = Path(tempfile.mkdtemp(prefix="storyline-bombs-"))
    (work / "blank.html.gz").write_bytes(gzip.compress(b" \n" * 100))
    (work / "page.html.gz").write_bytes(inner)
    (work / "small.warc.gz").write_bytes(warc_gz("https://a.example/1", SMALL))
    (work / "crawl.warc.gz").write_bytes(warc_gz("https://a.example/1", SMALL) + inner)
    sizes = {path: len(body) for path, (_h, body) in routes.items()}
    print(f"bombs built in {time.monotonic() - started:.0f} s: {sizes}", flush=True)

    py, cli = sys.executable, [sys.executable, "-m", "storyline"]

    def watch(name: str, feeds: list[str]) -> list[str]:
        db = str(work / f"{name}.db")
        for url in feeds:
            subprocess.run(
                [*cli, "sources", "add", url, "--db", db], cwd=work, capture_output=True, check=True
            )
        return [*cli, "watch", "--once", "--per-host", "0", "--db", db]

    # (name, command, baseline it is compared with, the cap that applies)
    cases: list[tuple[str, list[str], str, int]] = [
        ("fetch-small", [py, "-c", FETCH, base + "/small.html"], "", 0),
        ("fetch-gzip-gzip", [py, "-c", FETCH, base + "/gzgz.html"], "fetch-small", PAGE_CAP),
        ("fetch-deflate", [py, "-c", FETCH, base + "/deflate.html"], "fetch-small", PAGE_CAP),
        ("watch-gone", watch("watch-gone", [base + "/feed-gone.xml"]), "", 0),
        (
            "watch-gzip-gzip",
            watch("watch-bomb", [base + "/feed-bomb.xml", base + "/gzgz.html"]),
            "watch-gone",
            PAGE_CAP,
        ),
        ("ingest-blank-gz", [*cli, "ingest", "blank.html.gz", "--db", "a.db"], "", 0),
        ("ingest-gz", [*cli, "ingest", "page.html.gz", "--db", "b.db"], "ingest-blank-gz", LOCAL_LIMIT),
        ("ingest-small-warc", [*cli, "ingest", "small.warc.gz", "--db", "c.db"], "", 0),
        (
            "ingest-warc-gz",
            [*cli, "ingest", "crawl.warc.gz", "--db", "d.db"],
            "ingest-small-warc",
            RECORD_CAP,
        ),
    ]
    result: dict[str, Any] = {
        "label": args.label,
        "size_mib": args.size_mib,
        "pythonpath": os.environ.get("PYTHONPATH", ""),
    }
    over = []
    for name, argv, baseline, cap in cases:
        if any(word in name for word in skip):
            continue
        began = time.monotonic()
        peak, said = measured(argv, work)
        row: dict[str, Any] = {
            "peak_mb": round(peak, 1),
            "seconds": round(time.monotonic() - began, 1),
            "said": said,
        }
        if baseline in result:
            row["above_baseline_mb"] = round(peak - result[baseline]["peak_mb"], 1)
            row["bound_mb"] = (cap + SLACK) / MB
            if row["above_baseline_mb"] > row["bound_mb"]:
                over.append(name)
        result[name] = row
        print(
            f"{name:18} peak {peak:8.1f} MB  {row.get('above_baseline_mb', '')!s:>8}  {said[:150]}",
            flush=True,
        )
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)
    result["over_bound"] = over
    save(f"bombs-{args.label}", result)
    if over:
        sys.exit(f"over cap + 100 MB above the baseline: {', '.join(over)}")


if __name__ == "__main__":
    main()
