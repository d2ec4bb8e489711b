"""Following real pages nobody here wrote: trafilatura's public test pages (fetched beside the
repository, never committed; skipped with the reason when absent) served on loopback behind
a feed and a sitemap that list some of them both. Each page is fetched once, and the corpus
a watch round builds holds the articles a direct ingest of the same files gives: the same
ids (content hashes), headlines and publication dates (the round's WARC, named by the day it
was fetched, once gave half of them that day)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyline.follow.fetch import Fetcher, FetchOptions
from storyline.follow.watch import Watcher
from storyline.run.embedded import Ingest
from storyline.store import Store
from tests.loopback import Handler, page, rss, serve

REPO = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("STORYLINE_REALWORLD_DATA", REPO.parent / "realworld-data"))
CACHE = DATA / "trafilatura" / "tests" / "cache"
PAGES = 32


def _sitemap(h: Handler, paths: list[str]) -> tuple[int, dict[str, str], bytes]:
    base = f"http://127.0.0.1:{h.server.server_address[1]}"
    urls = "".join(f"<url><loc>{base}{p}</loc></url>" for p in paths)
    body = f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>"
    return 200, {"Content-Type": "application/xml"}, body.encode()


def test_real_pages_followed_are_the_articles_a_direct_ingest_gives(tmp_path: Path) -> None:
    if not CACHE.is_dir():
        pytest.skip(f"{CACHE} not present (trafilatura's test pages; see bench/realworld.py to fetch them)")
    files = sorted(CACHE.glob("*.html"))[:PAGES]
    paths = [f"/pages/{f.name}" for f in files]
    half = len(paths) // 2
    routes = {p: page(f.read_bytes()) for p, f in zip(paths, files, strict=True)}
    routes["/feed.xml"] = lambda h: (
        200,
        {"Content-Type": "application/rss+xml"},
        rss(f"http://127.0.0.1:{h.server.server_address[1]}", paths[: half + 2]).encode(),
    )
    routes["/sitemap.xml"] = lambda h: _sitemap(h, paths[half:])  # two pages listed by both
    routes["/robots.txt"] = page("User-agent: *\nAllow: /\n", kind="text/plain")
    opts = FetchOptions(per_host_seconds=0.0, contact="tests@example.org")
    with serve(routes) as (base, log), Store(tmp_path / "w.db") as store, Fetcher(opts) as fetcher:
        store.sources.add("url", base + "/feed.xml", 900, "feed", "2024-05-02T00:00:00Z")
        store.sources.add("url", base + "/sitemap.xml", 900, "sitemap", "2024-05-02T00:00:00Z")
        report = Watcher(store, fetcher, tmp_path / "raw").round(everything=True)
        assert report.fetched == len(files) and report.failed == 0 and not report.errors
        assert sorted(log.paths("/pages/")) == sorted(paths)  # each page once, though listed twice
        followed = {a["id"]: (a["headline"], a["published"]) for a in store.articles.page(limit=100)}
        assert [s["kind"] for s in store.sources.all()] == ["feed", "sitemap"]
    with Store(tmp_path / "direct.db") as store:
        Ingest(store).run([str(f) for f in files])
        direct = {a["id"]: (a["headline"], a["published"]) for a in store.articles.page(limit=100)}
    assert followed == direct and len(followed) >= len(files) - 2
