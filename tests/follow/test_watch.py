"""Watching sources against a real HTTP server on loopback: a feed's new pages fetched,
kept in a WARC and ingested; robots.txt, size caps, redirect loops, 500s and 429s handled
with reasons recorded; nothing stored is fetched twice; a round cut off after fetching is
finished by the next without the network; folders' new files picked up. Faults: a page that
never comes and one that drips end in bounded time with their reasons; a broken feed gives
what can be recovered (a tag left open: the items after it too, the damage recorded) or says
why not; a URL listed twice is fetched once; links that are no
web addresses are rejected unfetched; a long feed is capped; a stop drops what has not
started. Two hosts are fetched at once, each one request at a time, storing the same. A host
that drips its pages is given up at the source's or the round's deadline, what it did not
give left waiting and fetched first by the next round."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest

from storyline.follow.fetch import Fetcher, FetchOptions
from storyline.follow.listings import MAX_ITEMS
from storyline.follow.watch import MAX_NEW_PER_SOURCE, Watcher
from storyline.run.embedded import Ingest
from storyline.store import Store
from storyline.store.sources import MAX_ATTEMPTS
from tests.loopback import STAMP_SLACK, Handler, Route, article, drip, flaky, hang, page, rss, serve, slow

PARAS = [
    "The harbour authority of Port Selan said on Tuesday that the eastern quay would reopen next month "
    "after repairs to the storm wall were finished ahead of schedule.",
    "Engineers had worked through the winter to replace the concrete blocks that the January storm "
    "had torn loose, the authority said in a statement.",
    "Shipping companies welcomed the news, saying the closure had forced them to divert cargo to "
    "smaller ports along the coast at a higher cost.",
    "The authority expects traffic to return to normal levels by the end of the summer season.",
]
FAST = FetchOptions(
    per_host_seconds=0.0, backoff=0.01, timeout=1.0, max_bytes=200_000, contact="tests@example.org"
)


def _routes(base_holder: list[str]) -> dict:
    def feed(h):  # the feed answers 304 to its own validator
        if h.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        links = ["/a1.html", "/a2.html", "/private/a3.html", "/big.html", "/loop", "/flaky.html", "/a1.html"]
        return (
            200,
            {"Content-Type": "application/rss+xml", "ETag": '"v1"'},
            rss(base_holder[0], links).encode(),
        )

    return {
        "/feed.xml": feed,
        "/robots.txt": page("User-agent: *\nDisallow: /private/\n", kind="text/plain"),
        "/a1.html": page(article("Port Selan quay to reopen", PARAS)),
        "/a2.html": page(article("Storm wall repairs finished early", PARAS[1:] + PARAS[:1])),
        "/private/a3.html": page(article("Private", PARAS)),
        "/big.html": page("x" * 300_000),
        "/loop": lambda h: (302, {"Location": "/loop"}, b""),
        "/flaky.html": flaky(2, page(article("Shipping firms welcome reopening", PARAS[2:] + PARAS[:2]))),
    }


def test_a_feed_round_fetches_politely_and_records_every_failure(tmp_path: Path) -> None:
    holder: list[str] = []
    with serve(_routes(holder)) as (base, log):
        holder.append(base)
        with Store(tmp_path / "w.db") as store, Fetcher(FAST) as fetcher:
            store.sources.add("url", base + "/feed.xml", 900, "test feed", "2024-05-02T00:00:00Z")
            report = Watcher(store, fetcher, tmp_path / "raw").round(everything=True)
            assert report.new_items == 6 and report.stored == 3 and report.failed == 3
            reasons = " ".join(report.errors)
            assert "robots.txt" in reasons and "over 200,000 bytes" in reasons and "redirects" in reasons
            assert store.articles.summary()["articles"] == 3
            assert {r["url"] for r in store.articles.rejects()} >= {
                base + "/private/a3.html",
                base + "/big.html",
            }
            (source,) = store.sources.all()
            assert source["kind"] == "feed" and source["items"] == {"stored": 3, "failed": 3}
            assert not any(path.startswith("/private/") for path, _ in log)  # robots.txt obeyed
            assert all(
                "Storyline/" in h["user-agent"] and "tests@example.org" in h["user-agent"] for _, h in log
            )
            assert sum(1 for path, _ in log if path == "/flaky.html") == 3  # two 500s, then the page
            assert len(list((tmp_path / "raw").glob("round-*.warc.gz"))) == 1

            fetched = len(log)
            again = Watcher(store, fetcher, tmp_path / "raw").round(everything=True)
            assert again.new_items == 0 and again.stored == 0
            assert [p for p, _ in log[fetched:]] == ["/feed.xml"]  # a conditional request, answered 304
            assert log[-1][1].get("if-none-match") == '"v1"'


def test_a_round_cut_off_after_fetching_is_finished_without_the_network(tmp_path: Path) -> None:
    holder: list[str] = []
    with serve(_routes(holder)) as (base, log), Store(tmp_path / "w.db") as store:
        holder.append(base)
        store.sources.add("url", base + "/feed.xml", 900, None, "2024-05-02T00:00:00Z")

        def killed(names: list[str]) -> None:
            raise KeyboardInterrupt  # the process dies after the pages are in the WARC

        with Fetcher(FAST) as fetcher, pytest.raises(KeyboardInterrupt):
            Watcher(store, fetcher, tmp_path / "raw", ingest=killed).round(everything=True)
        assert store.articles.summary()["articles"] == 0 and store.sources.pending_warcs()
        fetched = [p for p, _ in log]
    with Store(tmp_path / "w.db") as store, Fetcher(FAST) as fetcher:  # the server is gone now
        report = Watcher(store, fetcher, tmp_path / "raw").round(everything=False)
        assert report.resumed == 1 and report.stored == 3
        assert store.articles.summary()["articles"] == 3 and not store.sources.pending_warcs()
    assert fetched.count("/a1.html") == 1


def test_a_folder_source_picks_up_new_files_once(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text("Quay reopens\n\n" + "\n\n".join(PARAS), encoding="utf-8")
    with Store(tmp_path / "w.db") as store, Fetcher(FAST) as fetcher:
        store.sources.add("folder", str(inbox), 60, None, "2024-05-02T00:00:00Z")
        watcher = Watcher(store, fetcher, tmp_path / "raw")
        assert watcher.round(everything=True).stored == 1
        assert watcher.round(everything=True).new_items == 0
        (inbox / "two.txt").write_text("Repairs done\n\n" + "\n\n".join(reversed(PARAS)), encoding="utf-8")
        (inbox / ".hidden.txt").write_text("ignored", encoding="utf-8")
        third = watcher.round(everything=True)
        assert third.stored == 1 and store.articles.summary()["articles"] == 2
        # the corpus doubled: a round links incrementally (bounded) and says a full run is due
        assert third.relink_due == "the corpus has doubled since events were last clustered in full"
        assert not [e for e in store.views.link_log() if e["kind"] == "relinked in full"]
        from storyline.run.linking import link_and_analyse

        assert link_and_analyse(store).relink_due is None  # what `storyline link`/`ingest` do: relink
        assert [e for e in store.views.link_log() if e["kind"] == "relinked in full"]


def test_timeouts_and_429s_are_retried_then_reported(tmp_path: Path) -> None:
    routes = {
        "/slow.html": slow(2.0, page("late")),
        "/busy.html": flaky(10, page("never"), status=429),
    }
    with serve(routes) as (base, _log), Fetcher(FAST) as fetcher:
        late = fetcher.get(base + "/slow.html")
        assert late.error and late.error.startswith("timed out") and late.attempts == FAST.retries + 1
        busy = fetcher.get(base + "/busy.html")
        assert busy.error == f"HTTP 429 after {FAST.retries + 1} attempts"
        assert fetcher.get("file:///etc/passwd").error.startswith("not a web address")


QUICK = FetchOptions(
    per_host_seconds=0.0, timeout=1.0, deadline=2.5, retries=1, backoff=0.01, contact="tests@example.org"
)
SLACK = 5.0  # seconds a loaded machine may add to a bound
ADDED = "2024-05-02T00:00:00Z"


def _feed(
    links: list[str], guids: list[str] | None = None, edit: Callable[[str], str] = str, etag: str = ""
) -> Route:
    """An RSS route listing ``links`` on the server it is served from (``edit`` breaks it;
    with ``etag``, it answers 304 to that validator)."""

    def route(h: Handler) -> tuple[int, dict[str, str], bytes]:
        if etag and h.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        base = f"http://127.0.0.1:{h.server.server_address[1]}"
        headers = {"Content-Type": "application/rss+xml", **({"ETag": etag} if etag else {})}
        return 200, headers, edit(rss(base, links, guids)).encode()

    return route


def _pages(n: int, delay: float | list[float] = 0.0, prefix: str = "/n") -> dict[str, Route]:
    """``n`` distinct article pages, each answered after ``delay`` seconds."""
    return {
        f"{prefix}{i}.html": slow(
            delay, page(article(f"Harbour notice {prefix}{i}", [f"Notice {prefix}{i}: " + p for p in PARAS]))
        )
        for i in range(n)
    }


def test_a_hanging_and_a_dripping_page_fail_in_bounded_time_with_their_reasons(tmp_path: Path) -> None:
    routes = {
        "/feed.xml": _feed(["/n0.html", "/hang.html", "/drip.html"]),
        "/hang.html": hang(),
        "/drip.html": drip(article("Never whole", PARAS).encode(), 0.05),  # over 50 s
        **_pages(1),
    }
    fetched: list[float] = []
    with serve(routes) as (base, log), Store(tmp_path / "w.db") as store, Fetcher(QUICK) as fetcher:

        def ingest(names: list[str]) -> object:
            fetched.append(time.monotonic())  # every fetch of the round is over by now
            return Ingest(store).run(names)

        store.sources.add("url", base + "/feed.xml", 900, None, ADDED)
        started = time.monotonic()
        report = Watcher(store, fetcher, tmp_path / "raw", ingest=ingest).round(everything=True)
        assert fetched and fetched[0] - started < 4 * 2 * QUICK.deadline + SLACK  # 4 URLs, one host
        assert report.stored == 1 and report.failed == 2
        assert any("/hang.html: timed out after 1 s" in e for e in report.errors)
        assert any("/drip.html: took longer than 2.5 s" in e for e in report.errors)
        (source,) = store.sources.all()  # failures that may pass: tried again by later rounds
        assert source["items"] == {"stored": 1, "retry": 2} and source["last_error"] is None
        assert not store.articles.rejects()
        assert len(log.paths("/drip")) == 1 and 1 <= len(log.paths("/hang")) <= QUICK.retries + 1
        for _ in range(MAX_ATTEMPTS - 1):
            again = Watcher(store, fetcher, tmp_path / "raw").round(everything=True)
            assert again.retried == 2 and again.new_items == 0 and again.failed == 2
        (source,) = store.sources.all()  # tried MAX_ATTEMPTS times: failed, and said once
        assert source["items"] == {"stored": 1, "failed": 2}
        reasons = {r["url"]: r["reason"] for r in store.articles.rejects()}
        assert reasons[base + "/hang.html"] == "not fetched: timed out after 1 s"
        assert reasons[base + "/drip.html"].startswith("not fetched: took longer than 2.5 s")
        assert len(store.articles.rejects()) == 2 and log.paths("/n0") == ["/n0.html"]
        assert len(log.paths("/drip")) == MAX_ATTEMPTS
        assert Watcher(store, fetcher, tmp_path / "raw").round(everything=True).retried == 0


def test_a_broken_feed_gives_what_can_be_recovered_or_says_why_not(tmp_path: Path) -> None:
    routes = {
        "/cut.xml": _feed([f"/n{i}.html" for i in range(4)], edit=lambda x: x[: x.index("Item 2") + 20]),
        "/junk.xml": _feed([], edit=lambda _: "<?xml version='1.0'?><rss version='2.0'><chan"),
        **_pages(4),
    }
    with serve(routes) as (base, log), Store(tmp_path / "w.db") as store, Fetcher(FAST) as fetcher:
        store.sources.add("url", base + "/cut.xml", 900, "cut", ADDED)  # ends inside its third item
        store.sources.add("url", base + "/junk.xml", 900, "junk", ADDED)
        report = Watcher(store, fetcher, tmp_path / "raw").round(everything=True)
        assert report.stored == 2 and sorted(log.paths("/n")) == ["/n0.html", "/n1.html"]
        cut, junk = store.sources.all()
        assert cut["items"] == {"stored": 2} and cut["last_error"] is None
        assert junk["items"] == {} and junk["last_error"].startswith("not a feed (SAXParseException")
        assert f"{base}/junk.xml: not a feed" in " ".join(report.errors)


def test_a_feed_with_a_tag_left_open_gives_its_good_items_and_its_damage_is_recorded(tmp_path: Path) -> None:
    broken = [True]  # the first item's title never closed (<title>T<link>...), four good items after

    def edit(feed: str) -> str:
        return feed.replace("<title>Item 0</title>", "<title>T", 1) if broken[0] else feed

    routes = {"/feed.xml": _feed([f"/n{i}.html" for i in range(5)], edit=edit), **_pages(5)}
    with serve(routes) as (base, log), Store(tmp_path / "w.db") as store, Fetcher(FAST) as fetcher:
        store.sources.add("url", base + "/feed.xml", 900, None, ADDED)
        report = Watcher(store, fetcher, tmp_path / "raw").round(everything=True)
        assert report.stored == 4 and sorted(log.paths("/n")) == [f"/n{i}.html" for i in range(1, 5)]
        (source,) = store.sources.all()
        assert source["items"] == {"stored": 4} and source["last_error"] is None and source["errors"] == 0
        assert source["damage"] and "mismatched tag" in source["damage"]
        assert source["damage"].endswith("; 4 items recovered")
        assert report.damaged == [f"{base}/feed.xml: {source['damage']}"]
        broken[0] = False  # mended: its first item comes, and the damage is gone
        again = Watcher(store, fetcher, tmp_path / "raw").round(everything=True)
        assert again.stored == 1 and log.paths("/n0") == ["/n0.html"] and not again.damaged
        assert store.sources.all()[0]["damage"] is None


def test_a_url_listed_twice_is_fetched_once_a_round_and_both_keys_kept(tmp_path: Path) -> None:
    # feed a: /n0 under g1 twice (one item), /n1 under g2 and g3 (two); feed b: /n1 and /n2
    links, guids = ["/n0.html", "/n0.html", "/n1.html", "/n1.html"], ["g1", "g1", "g2", "g3"]
    routes = {"/a.xml": _feed(links, guids), "/b.xml": _feed(["/n1.html", "/n2.html"]), **_pages(3)}
    with serve(routes) as (base, log), Store(tmp_path / "w.db") as store, Fetcher(FAST) as fetcher:
        store.sources.add("url", base + "/a.xml", 900, "a", ADDED)
        store.sources.add("url", base + "/b.xml", 900, "b", ADDED)
        watcher = Watcher(store, fetcher, tmp_path / "raw")
        report = watcher.round(everything=True)
        assert sorted(log.paths("/n")) == ["/n0.html", "/n1.html", "/n2.html"]
        assert report.new_items == 5 and report.stored == 5 and report.failed == 0
        assert [s["items"] for s in store.sources.all()] == [{"stored": 3}, {"stored": 2}]
        assert store.articles.summary()["articles"] == 3
        assert watcher.round(everything=True).new_items == 0  # no key comes back as new
        assert len(log.paths("/n")) == 3


def test_a_page_stored_by_an_earlier_round_is_not_fetched_again_under_a_new_guid_or_source(
    tmp_path: Path,
) -> None:
    """Feeds reissue items under new guids, and a site's feed and sitemap list the same pages:
    a page an earlier round stored is settled from its stored item, not fetched again."""
    guids = ["g1"]
    routes = {
        "/a.xml": _feed(["/n0.html"], guids),  # reads guids when asked
        "/b.xml": _feed(["/n0.html", "/n1.html"]),
        **_pages(2),
    }
    with serve(routes) as (base, log), Store(tmp_path / "w.db") as store, Fetcher(FAST) as fetcher:
        store.sources.add("url", base + "/a.xml", 900, "a", ADDED)
        watcher = Watcher(store, fetcher, tmp_path / "raw")
        first = watcher.round(everything=True)
        assert first.stored == 1 and first.had == 0 and log.paths("/n") == ["/n0.html"]
        guids[0] = "g1-reissued"  # the same page under a new guid
        store.sources.add("url", base + "/b.xml", 900, "b", ADDED)  # and a second source naming it
        second = watcher.round(everything=True)
        assert second.new_items == 3 and second.had == 2 and second.stored == 1 and second.failed == 0
        assert sorted(log.paths("/n")) == ["/n0.html", "/n1.html"]  # n0 once over both rounds
        assert [s["items"] for s in store.sources.all()] == [{"stored": 2}, {"stored": 2}]
        assert store.articles.summary()["articles"] == 2 and not store.articles.rejects()
        assert watcher.round(everything=True).new_items == 0


def test_links_that_are_no_web_addresses_are_rejected_with_a_reason_never_fetched(tmp_path: Path) -> None:
    odd = ["javascript:alert(1)", "mailto:desk@example.org", "data:text/html,<p>Port Selan</p>"]
    with serve({"/feed.xml": _feed([*odd, "http://[::1/x", "/n0.html"]), **_pages(1)}) as (base, log):
        with Store(tmp_path / "w.db") as store, Fetcher(FAST) as fetcher:
            store.sources.add("url", base + "/feed.xml", 900, None, ADDED)
            report = Watcher(store, fetcher, tmp_path / "raw").round(everything=True)
            assert report.stored == 1 and report.failed == 4
            reasons = {r["url"]: r["reason"] for r in store.articles.rejects()}
            assert all(reasons[url] == f"not fetched: not a web address: {url}" for url in odd)
            assert reasons["http://[::1/x"] == "not fetched: not a valid web address: http://[::1/x"
            assert store.sources.all()[0]["items"] == {"stored": 1, "failed": 4}
        assert log.paths() == ["/robots.txt", "/feed.xml", "/n0.html"]


def test_a_long_feed_is_read_up_to_its_caps(tmp_path: Path) -> None:
    links = [f"/gone{i}.html" for i in range(MAX_ITEMS + 20)]  # 404s: quick to fetch, nothing to ingest
    with serve({"/feed.xml": _feed(links)}) as (base, log), Store(tmp_path / "w.db") as store:
        store.sources.add("url", base + "/feed.xml", 900, None, ADDED)
        with Fetcher(FAST) as fetcher:
            report = Watcher(store, fetcher, tmp_path / "raw").round(everything=True)
        assert report.new_items == MAX_NEW_PER_SOURCE == len(log.paths("/gone"))
        # what a round does not take is seen waiting, not lost from sight; the next round
        # fetches the first of them, none twice
        left = MAX_ITEMS - MAX_NEW_PER_SOURCE
        assert store.sources.all()[0]["items"] == {"failed": MAX_NEW_PER_SOURCE, "waiting": left}
        assert report.waiting == left
        with Fetcher(FAST) as fetcher:
            Watcher(store, fetcher, tmp_path / "raw").round(everything=True)
        fetched = log.paths("/gone")
        assert len(fetched) == 2 * MAX_NEW_PER_SOURCE == len(set(fetched))
        assert store.sources.all()[0]["items"] == {
            "failed": 2 * MAX_NEW_PER_SOURCE,
            "waiting": left - MAX_NEW_PER_SOURCE,
        }


def test_a_stop_drops_the_fetches_not_started_and_the_next_round_makes_them(tmp_path: Path) -> None:
    routes = {"/feed.xml": _feed([f"/n{i}.html" for i in range(6)], etag='"v1"'), **_pages(6, 0.1)}
    with serve(routes) as (base, log), Store(tmp_path / "w.db") as store, Fetcher(FAST) as fetcher:
        store.sources.add("url", base + "/feed.xml", 900, None, ADDED)

        def stop() -> bool:  # Ctrl-C as the second page is asked for
            return len(log.paths("/n")) >= 2

        first = Watcher(store, fetcher, tmp_path / "raw", stop=stop).round(everything=True)
        assert len(log.paths("/n")) == 2  # the page under way was finished, none started after
        assert first.new_items == 6 and first.stored == 2
        (source,) = store.sources.all()
        assert source["items"] == {"stored": 2} and source["etag"] is None  # so the feed is read again
        again = Watcher(store, fetcher, tmp_path / "raw").round(everything=True)
        assert again.stored == 4 and store.sources.all()[0]["items"] == {"stored": 6}
        assert sorted(log.paths("/n")) == [f"/n{i}.html" for i in range(6)]  # each page once
        assert store.sources.all()[0]["etag"] == '"v1"'


def test_a_second_stop_cuts_the_requests_under_way(tmp_path: Path) -> None:
    opts = FetchOptions(per_host_seconds=0.0, timeout=30.0, deadline=60.0)
    routes = {"/feed.xml": _feed(["/hang.html"]), "/hang.html": hang()}
    with serve(routes) as (base, log), Store(tmp_path / "w.db") as store, Fetcher(opts) as fetcher:
        store.sources.add("url", base + "/feed.xml", 900, None, ADDED)

        def stop() -> bool:  # Ctrl-C twice while the page hangs: the CLI raises in the main thread
            if not log.paths("/hang"):
                return False
            if threading.current_thread() is threading.main_thread():
                raise KeyboardInterrupt
            return True

        started = time.monotonic()
        with pytest.raises(KeyboardInterrupt):
            Watcher(store, fetcher, tmp_path / "raw", stop=stop).round(everything=True)
        workers = [t for t in threading.enumerate() if t.name.startswith("storyline-fetch")]
        for thread in workers:
            thread.join(timeout=SLACK)
        assert not any(t.is_alive() for t in workers)  # the process can exit: nothing waits 30 s
        assert time.monotonic() - started < SLACK
        assert store.sources.all()[0]["items"] == {} and log.paths("/hang") == ["/hang.html"]


def test_two_hosts_are_fetched_at_once_and_each_one_request_at_a_time(tmp_path: Path) -> None:
    opts = FetchOptions(per_host_seconds=0.3, timeout=10.0, deadline=20.0, contact="tests@example.org")
    delay = [1.0]  # each page answers a second late
    one = {"/feed.xml": _feed([f"/a{i}.html" for i in range(3)]), **_pages(3, delay, "/a")}
    two = {"/feed.xml": _feed([f"/b{i}.html" for i in range(3)]), **_pages(3, delay, "/b")}
    with serve(one) as (base_a, log_a), serve(two) as (base_b, log_b):
        with Store(tmp_path / "at-once.db") as store, Fetcher(opts) as fetcher:
            for base in (base_a, base_b):
                store.sources.add("url", base + "/feed.xml", 900, None, ADDED)
            report = Watcher(store, fetcher, tmp_path / "raw").round(everything=True)
            assert report.stored == 6 and report.failed == 0
            at_once = set(store.articles.ids())
        pages = [s for log in (log_a, log_b) for s in log.spans if s[0].endswith(".html")]
        # in parallel: a page of one host was under way while one of the other was ...
        assert any(
            a[1] < b[2] and b[1] < a[2] for a in log_a.spans for b in log_b.spans if a[0] != "/robots.txt"
        )
        # ... and all six took less time than one after another could (6 s of waiting at least)
        assert max(s[2] for s in pages) - min(s[1] for s in pages) < 6 * delay[0]
        for log in (log_a, log_b):  # each host: one request at a time, the pause kept between them
            spans = sorted(log.spans, key=lambda s: s[1])
            assert len(spans) == 5  # robots.txt, the feed, three pages
            for (before, _, end), (path, start, _) in pairwise(spans):  # robots.txt: the feed at once
                pause = 0.0 if before == "/robots.txt" else opts.per_host_seconds
                assert start - end >= pause - STAMP_SLACK, path

        delay[0] = 0.0  # the same pages fetched one at a time: the same articles stored
        with Store(tmp_path / "in-turn.db") as store, Fetcher(opts) as fetcher:
            for base in (base_b, base_a):
                store.sources.add("url", base + "/feed.xml", 900, None, ADDED)
            Watcher(store, fetcher, tmp_path / "raw", workers=1).round(everything=True)
            assert set(store.articles.ids()) == at_once


def test_a_failure_that_may_pass_is_fetched_again_though_the_feed_has_not_changed(tmp_path: Path) -> None:
    """A page answering 503 through every retry is tried again by the next round, even when
    the feed answers 304 (its items are not listed again); once fetched it is stored, and a
    lasting failure (404) is never tried again."""
    routes = {
        "/feed.xml": _feed(["/n0.html", "/busy.html", "/gone.html"], etag='"v1"'),
        "/busy.html": flaky(FAST.retries + 1, page(article("Quay reopens after all", PARAS)), 503),
        **_pages(1),
    }
    with serve(routes) as (base, log), Store(tmp_path / "w.db") as store, Fetcher(FAST) as fetcher:
        store.sources.add("url", base + "/feed.xml", 900, None, ADDED)
        first = Watcher(store, fetcher, tmp_path / "raw").round(everything=True)
        assert first.stored == 1 and first.failed == 2
        assert store.sources.all()[0]["items"] == {"stored": 1, "retry": 1, "failed": 1}
        assert [r["url"] for r in store.articles.rejects()] == [base + "/gone.html"]  # final: said
        second = Watcher(store, fetcher, tmp_path / "raw").round(everything=True)
        assert second.retried == 1 and second.stored == 1 and second.new_items == 0
        assert log[-1][0] == "/busy.html" and log.paths("/feed") == ["/feed.xml", "/feed.xml"]
        assert [h.get("if-none-match") for p, h in log if p == "/feed.xml"] == [None, '"v1"']  # 304
        assert store.sources.all()[0]["items"] == {"stored": 2, "failed": 1}
        assert log.paths("/gone") == ["/gone.html"] and store.articles.summary()["articles"] == 2


def test_the_articles_of_a_source_with_an_outlet_are_credited_to_it(tmp_path: Path) -> None:
    """A feed's pages (one reached through a redirect) and a folder's files take the outlet
    their source was given; another source's pages say their own."""
    holder: list[str] = []
    routes = {
        "/feed.xml": lambda h: (
            200,
            {"Content-Type": "application/rss+xml"},
            rss(holder[0], ["/a1.html", "/moved"]).encode(),
        ),
        "/other.xml": lambda h: (
            200,
            {"Content-Type": "application/rss+xml"},
            rss(holder[0], ["/b1.html"]).encode(),
        ),
        "/a1.html": page(article("Port Selan quay to reopen", PARAS)),
        "/moved": lambda h: (301, {"Location": "/a2.html"}, b""),
        "/a2.html": page(article("Storm wall repairs finished early", PARAS[1:] + PARAS[:1])),
        "/b1.html": page(article("Shipping firms welcome reopening", PARAS[2:] + PARAS[:2])),
    }
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text("Quay reopens\n\n" + "\n\n".join(reversed(PARAS)), encoding="utf-8")
    with serve(routes) as (base, _), Store(tmp_path / "w.db") as store, Fetcher(FAST) as fetcher:
        holder.append(base)
        store.sources.add("url", base + "/feed.xml", 900, None, "2024-05-02T00:00:00Z", "The Harbor Post")
        store.sources.add("url", base + "/other.xml", 900, None, "2024-05-02T00:00:00Z")
        store.sources.add("folder", str(inbox), 60, None, "2024-05-02T00:00:00Z", "Quay Weekly")
        assert Watcher(store, fetcher, tmp_path / "raw").round(everything=True).stored == 4
        given = {
            a.headline: (a.outlet, a.outlet_basis) for a in map(store.articles.get, store.articles.ids())
        }
        assert given["Port Selan quay to reopen"] == ("The Harbor Post", "given")
        assert given["Storm wall repairs finished early"] == ("The Harbor Post", "given")
        assert given["Quay reopens"] == ("Quay Weekly", "given")
        assert given["Shipping firms welcome reopening"][1] != "given"
        assert {s.get("outlet") for s in store.sources.all()} == {"The Harbor Post", None, "Quay Weekly"}


def _dripping(pages: dict[str, Route], slow: list[bool]) -> dict[str, Route]:
    """``pages`` answered a byte each half second while ``slow[0]``, at once otherwise."""
    late = drip(b"<html>" + b"x" * 1000, 0.5)
    return {path: (lambda h, then=then: late(h) if slow[0] else then(h)) for path, then in pages.items()}


def test_a_dripping_host_is_given_up_at_the_deadline_and_what_it_left_comes_first_next_round(
    tmp_path: Path,
) -> None:
    opts = FetchOptions(per_host_seconds=0.0, timeout=5.0, deadline=30.0, contact="tests@example.org")
    slow = [True]
    links = [f"/n{i}.html" for i in range(6)]
    dripping = {"/feed.xml": _feed(links, etag='"v1"'), **_dripping(_pages(6), slow)}
    fast = {"/feed.xml": _feed(["/f0.html", "/f1.html"]), **_pages(2, prefix="/f")}
    with serve(dripping) as (base, log), serve(fast) as (other, _), Store(tmp_path / "w.db") as store:
        store.sources.add("url", base + "/feed.xml", 900, "drip", ADDED)
        store.sources.add("url", other + "/feed.xml", 900, "fast", ADDED)
        with Fetcher(opts) as fetcher:
            started = time.monotonic()
            report = Watcher(store, fetcher, tmp_path / "raw", source_seconds=2.0).round(everything=True)
            assert time.monotonic() - started < 2.0 + SLACK + 10  # 10: ingesting the fast host's two
        assert report.waiting == 6 and report.stored == 2 and report.failed == 0
        assert log.paths("/n") == ["/n0.html"]  # cut at the deadline; the others never asked for
        drip_source, fast_source = store.sources.all()
        assert drip_source["items"] == {"waiting": 6} and fast_source["items"] == {"stored": 2}
        assert drip_source["next_due"] <= time.time() and fast_source["next_due"] > time.time() + 800
        assert drip_source["etag"] == '"v1"' and drip_source["errors"] == 0  # nothing lost, nothing failed
        assert store.db.value("SELECT max(attempts) FROM source_items") == 0

        slow[0] = False  # the host is fast again, and its feed lists two more (after the six)
        dripping["/feed.xml"] = _feed([*links, "/n6.html", "/n7.html"], etag='"v2"')
        dripping.update(_pages(8))
        asked = len(log)
        with Fetcher(opts) as fetcher:
            again = Watcher(store, fetcher, tmp_path / "raw", source_seconds=2.0).round()
        assert again.due == 1 and again.carried == 6 and again.new_items == 2 and again.stored == 8
        pages = [p for p, _ in log[asked:] if p.startswith("/n")]
        assert sorted(pages[:6]) == links and sorted(pages[6:]) == ["/n6.html", "/n7.html"]
        assert store.sources.all()[0]["items"] == {"stored": 8}


def test_a_round_s_deadline_leaves_the_sources_it_did_not_reach_due(tmp_path: Path) -> None:
    opts = FetchOptions(per_host_seconds=0.0, timeout=5.0, deadline=30.0, contact="tests@example.org")
    routes = {"/a.xml": drip(b"<rss>" + b"x" * 100, 0.5), "/b.xml": _feed(["/n0.html"]), **_pages(1)}
    with serve(routes) as (base, log), Store(tmp_path / "w.db") as store, Fetcher(opts) as fetcher:
        for name in ("a", "b"):  # one host: b's listing waits behind a's, which drips
            store.sources.add("url", f"{base}/{name}.xml", 900, name, ADDED)
        started = time.monotonic()
        report = Watcher(store, fetcher, tmp_path / "raw", round_seconds=1.5).round(everything=True)
        assert time.monotonic() - started < 1.5 + SLACK
        assert [(s["items"], s["polls"], s["errors"]) for s in store.sources.all()] == [({}, 0, 0)] * 2
        assert [s["name"] for s in store.sources.due()] == ["a", "b"]  # both listed by the next round
        for name in ("a", "b"):
            assert f"{base}/{name}.xml: not listed by its deadline; listed next round" in report.errors
        assert log.paths() == ["/robots.txt", "/a.xml"]  # b's listing was never asked for


def test_a_page_fetched_but_rejected_when_ingested_is_failed_with_its_reason_not_stored(
    tmp_path: Path,
) -> None:
    """A gzip body served as text/html with no Content-Encoding is fetched, then rejected by
    extraction: its item is failed with the ingest's reason (not counted stored), the good page
    beside it stored."""
    import gzip

    holder: list[str] = []
    zipped = gzip.compress(article("Packed page", PARAS).encode())
    routes = {
        "/feed.xml": lambda h: (
            200,
            {"Content-Type": "application/rss+xml"},
            rss(holder[0], ["/ok.html", "/z.html"]).encode(),
        ),
        "/ok.html": page(article("Port Selan quay to reopen", PARAS)),
        "/z.html": page(zipped),
    }
    with serve(routes) as (base, _log):
        holder.append(base)
        with Store(tmp_path / "w.db") as store, Fetcher(FAST) as fetcher:
            store.sources.add("url", base + "/feed.xml", 900, "test feed", "2024-05-02T00:00:00Z")
            report = Watcher(store, fetcher, tmp_path / "raw").round(everything=True)
            (source,) = store.sources.all()
            failures = store.sources.failures(10)
    counts = {k: v for k, v in source["items"].items() if v}
    assert report.stored == 1 and counts == {"stored": 1, "failed": 1}
    (failure,) = [f for f in failures if f["url"] == base + "/z.html"]
    assert failure["error"].startswith("rejected when ingested: ")
