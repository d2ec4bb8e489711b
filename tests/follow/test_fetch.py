"""The fetcher against a real HTTP server on loopback: a server that never answers, a body or
headers dripping a byte at a time, all cut off within their time limits with the reason
said; addresses that are no web addresses never requested; threads sharing one fetcher make
one request at a time to a host, the pause between them kept, robots.txt read once; a stop
leaves a request not started unmade; a caller's deadline cuts a request under way (its
robots.txt too, which then forbids nothing) and starts none after it; decompression bombs
(gzip of gzip, deflate) refused by the size cap, compressed pages read. Bounds are generous:
only the order of events recorded by the server is asserted tightly."""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from itertools import pairwise

import pytest

from storyline.follow.fetch import CUT, Fetcher, FetchOptions, web_address
from tests.loopback import STAMP_SLACK, article, drip, drip_head, flaky, hang, page, serve, slow

QUICK = FetchOptions(
    per_host_seconds=0.0, timeout=0.5, deadline=1.0, retries=3, backoff=0.05, contact="tests@example.org"
)
LATE = replace(QUICK, timeout=5.0)  # any wait cut short is cut by the deadline
SLACK = 3.0  # seconds a loaded machine may add to any bound


def _timed(fetcher: Fetcher, url: str) -> tuple[float, str]:
    started = time.monotonic()
    got = fetcher.get(url)
    assert got.error is not None and not got.ok
    return time.monotonic() - started, got.error


def test_a_server_that_never_answers_is_given_up_within_the_bound() -> None:
    with serve({"/hang.html": hang()}) as (base, log), Fetcher(QUICK) as fetcher:
        took, error = _timed(fetcher, base + "/hang.html")
    assert error == "timed out after 0.5 s"
    # retried, but none started once the deadline passed since the first: 2 × deadline at most
    tries = log.paths("/hang")
    assert 1 < len(tries) <= QUICK.retries + 1
    assert took < 2 * QUICK.deadline + SLACK


def test_a_dripping_body_is_cut_off_at_the_deadline_and_not_retried() -> None:
    body = b"<html><body>" + b"x" * 5000 + b"</body></html>"  # 500 s at a byte per 0.1 s
    with serve({"/drip.html": drip(body, 0.1)}) as (base, log), Fetcher(LATE) as fetcher:
        took, error = _timed(fetcher, base + "/drip.html")
    assert error.startswith("took longer than 1 s (the whole request")
    assert log.paths("/drip") == ["/drip.html"]  # a slow server is not asked again at once
    assert took < LATE.deadline + SLACK


def test_dripping_headers_are_cut_off_at_the_deadline() -> None:
    with serve({"/head.html": drip_head(0.05)}) as (base, log), Fetcher(LATE) as fetcher:
        took, error = _timed(fetcher, base + "/head.html")  # 100 s of headers, a byte each 0.05 s
    assert error.startswith("took longer than 1 s")
    assert log.paths("/head") == ["/head.html"]
    assert took < LATE.deadline + SLACK


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "mailto:desk@example.org",
        "data:text/html,<p>hi</p>",
        "http://[::1/x",
        "http:///x",
    ],
)
def test_what_is_no_web_address_is_never_requested(url: str) -> None:
    with serve({}) as (_base, log), Fetcher(QUICK) as fetcher:
        got = fetcher.get(url)
    assert got.error and got.error.startswith(("not a web address", "not a valid web address"))
    assert web_address(url) == got.error and not log


def test_threads_sharing_a_fetcher_take_turns_on_a_host() -> None:
    opts = FetchOptions(per_host_seconds=0.15, timeout=5.0, deadline=10.0, contact="tests@example.org")
    routes = {f"/p{i}.html": slow(0.1, page(f"page {i}")) for i in range(6)}
    with serve(routes) as (base, log), Fetcher(opts) as fetcher, ThreadPoolExecutor(6) as pool:
        got = list(pool.map(fetcher.get, [f"{base}/p{i}.html" for i in range(6)]))
    assert all(g.ok for g in got)
    assert log.paths("/robots.txt") == ["/robots.txt"]  # read once, though six threads asked
    spans = sorted(log.spans, key=lambda s: s[1])
    assert len(spans) == 7
    for (before, _, end), (path, start, _) in pairwise(spans):  # no overlap, and the pause kept
        pause = 0.0 if before == "/robots.txt" else opts.per_host_seconds
        assert start - end >= pause - STAMP_SLACK, path


def test_a_stop_leaves_requests_not_started_unmade() -> None:
    opts = FetchOptions(per_host_seconds=0.0, timeout=5.0, deadline=10.0)
    stopping = threading.Event()
    routes = {"/slow.html": slow(3.0, page("slow")), "/next.html": page("next")}
    with serve(routes) as (base, log), Fetcher(opts) as fetcher, ThreadPoolExecutor(2) as pool:
        under_way = pool.submit(fetcher.get, base + "/slow.html")
        while "/slow.html" not in log.paths():
            time.sleep(0.01)
        waiting = pool.submit(fetcher.get, base + "/next.html", stop=stopping.is_set)
        time.sleep(0.2)  # it waits for the host's turn
        stopping.set()
        stopped = waiting.result(timeout=SLACK)
        assert under_way.result().ok  # the request under way is finished
    assert stopped.stopped and not stopped.ok
    assert "/next.html" not in log.paths()


def test_a_caller_s_deadline_cuts_the_request_under_way_and_starts_none_after_it() -> None:
    opts = FetchOptions(per_host_seconds=0.0, timeout=5.0, deadline=30.0)  # its own bounds: far off
    routes = {"/drip.html": drip(b"x" * 1000, 0.2), "/page.html": page("fine")}
    with serve(routes) as (base, log), Fetcher(opts) as fetcher:
        started = time.monotonic()
        cut = fetcher.get(base + "/drip.html", until=started + 1.0)
        assert time.monotonic() - started < 1.0 + SLACK
        assert cut.stopped and cut.error == CUT and not cut.transient
        late = fetcher.get(base + "/page.html", until=time.monotonic() - 0.1)  # past: never asked
        assert late.stopped and "/page.html" not in log.paths()
        assert fetcher.get(base + "/page.html", until=time.monotonic() + 10.0).ok  # in time: as ever
    robots = {"/robots.txt": drip(b"User-agent: *\nDisallow: /private/\n", 0.1), "/a.html": page("a")}
    with serve(robots) as (base, log), Fetcher(opts) as fetcher:
        assert fetcher.get(base + "/a.html", until=time.monotonic() + 0.5).stopped
        assert fetcher.get(base + "/a.html", until=time.monotonic() + 20.0).ok  # the cut read: not kept
        assert log.paths("/robots") == ["/robots.txt", "/robots.txt"]


def test_a_redirect_is_a_request_of_its_own_with_the_robots_txt_of_where_it_leads() -> None:
    """Each hop asks the robots.txt of its own site (another port is another site) and takes
    that host's turn: a redirect into a forbidden path is not followed."""
    other_routes = {
        "/robots.txt": page("User-agent: *\nDisallow: /private/\n", kind="text/plain"),
        "/open.html": page("open page"),
        "/private/p.html": page("private page"),
    }
    with serve(other_routes) as (other, other_log):
        routes = {
            "/to-open": lambda _h: (302, {"Location": other + "/open.html"}, b""),
            "/to-private": lambda _h: (301, {"Location": other + "/private/p.html"}, b""),
            "/to-mail": lambda _h: (302, {"Location": "mailto:desk@example.org"}, b""),
        }
        with serve(routes) as (base, log), Fetcher(QUICK) as fetcher:
            opened = fetcher.get(base + "/to-open")
            forbidden = fetcher.get(base + "/to-private")
            mail = fetcher.get(base + "/to-mail")
    assert opened.ok and opened.body == b"open page" and opened.url == other + "/open.html"
    assert forbidden.error == "forbidden by the site's robots.txt" and not forbidden.transient
    assert forbidden.url == other + "/private/p.html"
    assert mail.error and "web address" in mail.error and not mail.ok
    assert other_log.paths() == ["/robots.txt", "/open.html"]  # robots.txt read once, no private page
    assert log.paths("/robots.txt") == ["/robots.txt"]


def test_a_site_not_reached_is_said_to_be_unreachable_not_its_robots_txt_unread() -> None:
    """A refused port: the page's reason names the site not reached (and why), not a
    robots.txt that could not be read; it may pass (transient)."""
    from storyline.web.local import free_port

    port = free_port()  # nothing listens there
    with Fetcher(QUICK) as fetcher:
        got = fetcher.get(f"http://127.0.0.1:{port}/page.html")
    assert got.transient and (got.error or "").startswith("the site could not be reached (")
    assert "robots.txt" not in (got.error or "")


def test_a_robots_txt_that_cannot_be_read_forbids_for_a_while_and_may_pass() -> None:
    """RFC 9309: a robots.txt answering 5xx forbids the site; the failure may pass (transient,
    so the watch tries the page again in a later round) and is asked again only after a while,
    not once per page; a robots.txt read is kept for a day at most."""
    import storyline.follow.fetch as fetch

    routes = {"/robots.txt": flaky(100, page("User-agent: *\nAllow: /\n", kind="text/plain"), 503)}
    routes |= {f"/p{i}.html": page(f"page {i}") for i in range(3)}
    with serve(routes) as (base, log), Fetcher(QUICK) as fetcher:
        got = [fetcher.get(f"{base}/p{i}.html") for i in range(3)]
        assert all(g.transient and "robots.txt could not be read" in (g.error or "") for g in got)
        asked = len(log.paths("/robots.txt"))
        assert 1 <= asked <= QUICK.retries + 1 and not log.paths("/p")  # one reading, retried
    readable = {
        "/robots.txt": page("User-agent: *\nDisallow: /p1\n", kind="text/plain"),
        "/p0.html": page("x"),
    }
    with serve(readable) as (base, log), Fetcher(QUICK) as fetcher:
        assert fetcher.get(base + "/p0.html").ok and fetcher.get(base + "/p0.html").ok
        assert log.paths("/robots.txt") == ["/robots.txt"]
        kept, fetch.ROBOTS_KEPT_SECONDS = fetch.ROBOTS_KEPT_SECONDS, 0.0
        try:  # a day later: read again
            fetcher._robots = {k: (r, ok, 0.0) for k, (r, ok, _) in fetcher._robots.items()}
            assert fetcher.get(base + "/p0.html").ok
        finally:
            fetch.ROBOTS_KEPT_SECONDS = kept
        assert log.paths("/robots.txt") == ["/robots.txt", "/robots.txt"]


def test_a_robots_txt_that_redirects_is_followed_and_too_many_redirects_allow_all() -> None:
    """RFC 9309 2.3.1.2: a robots.txt moved (http to https, another path) is read where it
    leads; one redirected more than five times is unavailable, so nothing is forbidden."""
    moved = {
        "/robots.txt": lambda _h: (301, {"Location": "/moved/robots.txt"}, b""),
        "/moved/robots.txt": page("User-agent: *\nDisallow: /private/\n", kind="text/plain"),
        "/private/p.html": page("private"),
        "/open.html": page("open"),
    }
    with serve(moved) as (base, log), Fetcher(QUICK) as fetcher:
        assert fetcher.get(base + "/private/p.html").error == "forbidden by the site's robots.txt"
        assert fetcher.get(base + "/open.html").ok
    assert log.paths() == ["/robots.txt", "/moved/robots.txt", "/open.html"]
    looping = {"/robots.txt": lambda _h: (302, {"Location": "/robots.txt"}, b""), "/p.html": page("p")}
    with serve(looping) as (base, log), Fetcher(QUICK) as fetcher:
        assert fetcher.get(base + "/p.html").ok
    assert log.paths("/robots.txt") == ["/robots.txt"] * 6


def _zeros_packed(size: int, wbits: int) -> bytes:
    """``size`` zero bytes compressed (gzip: wbits 31, zlib: 15, raw deflate: -15) a MiB at
    a time, so the test never holds them."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    packed = [packer.compress(bytes(1 << 20)) for _ in range(size >> 20)]
    return b"".join([*packed, packer.flush()])


def test_decompression_bombs_are_refused_by_the_size_cap_as_they_inflate() -> None:
    gzip_of_gzip = gzip.compress(_zeros_packed(64 << 20, 31), 9)  # a few KB: 64 MiB twice packed
    routes = {
        "/gzgz.html": page(gzip_of_gzip, **{"Content-Encoding": "gzip, gzip"}),
        "/zlib.html": page(_zeros_packed(64 << 20, 15), **{"Content-Encoding": "deflate"}),
        "/raw.html": page(_zeros_packed(64 << 20, -15), **{"Content-Encoding": "Deflate"}),
    }
    small = replace(QUICK, max_bytes=1_000_000)
    with serve(routes) as (base, _log), Fetcher(small) as fetcher:
        got = {path: fetcher.get(base + path) for path in routes}
    assert len(gzip_of_gzip) < 2_000
    over = "page over 1,000,000 bytes once decompressed (Content-Encoding: {})"
    assert got["/gzgz.html"].error == over.format("gzip, gzip")
    assert got["/zlib.html"].error == over.format("deflate")
    assert got["/raw.html"].error == over.format("Deflate")
    assert not any(g.ok or g.transient or g.body for g in got.values())


def test_compressed_pages_are_read_and_a_coding_not_read_is_refused_by_name() -> None:
    html = article("Harbour reopens", ["The ferry runs again from Monday, the council said."] * 50).encode()
    routes = {
        "/gz.html": page(gzip.compress(html), **{"Content-Encoding": "gzip"}),
        "/members.html": page(
            gzip.compress(html[:999]) + gzip.compress(html[999:]), **{"Content-Encoding": "x-gzip"}
        ),
        "/zlib.html": page(zlib.compress(html), **{"Content-Encoding": "deflate"}),
        "/raw.html": page(zlib.compress(html)[2:-4], **{"Content-Encoding": "deflate"}),
        "/twice.html": page(
            zlib.compress(gzip.compress(html)), **{"Content-Encoding": "gzip, identity, deflate"}
        ),
        "/br.html": page(b"\x0b\x02\x80hello\x03", **{"Content-Encoding": "br"}),
        "/broken.html": page(gzip.compress(html)[:12] + b"\xff" * 40, **{"Content-Encoding": "gzip"}),
    }
    with serve(routes) as (base, log), Fetcher(QUICK) as fetcher:
        got = {path: fetcher.get(base + path) for path in routes}
    for path in ("/gz.html", "/members.html", "/zlib.html", "/raw.html", "/twice.html"):
        assert got[path].ok and got[path].body == html, path
    assert got["/br.html"].error == "page in a content coding Storyline does not read (Content-Encoding: br)"
    assert (got["/broken.html"].error or "").startswith("the page's gzip data is damaged (")
    assert {h["accept-encoding"] for _, h in log} == {"gzip, deflate"}  # only what is undone
