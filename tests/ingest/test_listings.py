"""What a source lists: feed items (duplicates once), sitemap pages and child sitemaps, the
feeds a front page announces, and a clear problem for what is none of these."""

from __future__ import annotations

from storyline.ingest.listings import read_listing

BASE = "http://127.0.0.1:9/"


def test_feeds_items_once_with_relative_links_made_absolute() -> None:
    atom = (
        "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>"
        "<entry><id>tag:1</id><title>One</title><link href='/one.html'/>"
        "<updated>2024-05-02T10:00:00Z</updated></entry>"
        "<entry><id>tag:1</id><title>One again</title><link href='/one.html'/></entry>"
        "<entry><id>tag:2</id><title>Two</title><link href='http://127.0.0.1:9/two.html'/></entry></feed>"
    )
    got = read_listing(atom.encode(), BASE + "feed.atom")
    assert got.kind == "feed" and [i.url for i in got.items] == [BASE + "one.html", BASE + "two.html"]
    assert got.items[0].key == "tag:1" and got.items[0].published


def test_sitemaps_and_sitemap_indexes() -> None:
    urlset = (
        "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        "<url><loc>http://127.0.0.1:9/a.html</loc></url>"
        "<url><loc> http://127.0.0.1:9/b.html </loc></url></urlset>"
    )
    got = read_listing(urlset.encode(), BASE + "sitemap.xml")
    assert got.kind == "sitemap" and [i.url for i in got.items] == [BASE + "a.html", BASE + "b.html"]
    index = (
        "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        "<sitemap><loc>http://127.0.0.1:9/news.xml</loc></sitemap></sitemapindex>"
    )
    got = read_listing(index.encode(), BASE + "index.xml")
    assert got.items == [] and got.sitemaps == [BASE + "news.xml"]


def test_a_front_page_gives_its_feeds_and_junk_is_named() -> None:
    front = (
        "<!doctype html><html><head><link rel='alternate' type='application/rss+xml' href='/rss.xml'>"
        "<link rel='stylesheet' href='/s.css'></head><body>Front</body></html>"
    )
    got = read_listing(front.encode(), BASE)
    assert got.kind == "site" and got.feeds == [BASE + "rss.xml"]
    junk = read_listing(b"\x00\x01 not a feed at all", BASE + "x")
    assert junk.items == [] and junk.problem and junk.problem.startswith("not a feed")
