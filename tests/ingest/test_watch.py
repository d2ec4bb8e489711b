"""Watching sources against a real HTTP server on loopback: a feed's new pages fetched,
kept in a WARC and ingested; robots.txt, size caps, redirect loops, 500s and 429s handled
with reasons recorded; nothing stored is fetched twice; a round cut off after fetching is
finished by the next without the network; folders' new files picked up."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.ingest.fetch import Fetcher, FetchOptions
from storyline.ingest.watch import Watcher
from storyline.store import Store
from tests.loopback import article, flaky, page, rss, serve, slow

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
        assert watcher.round(everything=True).stored == 1
        assert store.articles.summary()["articles"] == 2


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
