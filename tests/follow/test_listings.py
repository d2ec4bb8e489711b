"""What a source lists: feed items (an id twice once, a link under two ids twice), sitemap
pages and child sitemaps, the feeds a front page announces, what a truncated feed still
gives, at most MAX_ITEMS entries, and a clear problem for what is none of these. A damaged
feed or sitemap gives every item a recovering parser finds, with the damage said."""

from __future__ import annotations

from storyline.follow.listings import MAX_ITEMS, read_listing

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


def _rss(items: list[tuple[str, str]]) -> bytes:
    body = "".join(f"<item><guid>{g}</guid><link>{link}</link></item>" for g, link in items)
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>{body}</channel></rss>".encode()


def test_one_link_under_two_ids_is_two_items_and_odd_links_are_kept_as_written() -> None:
    got = read_listing(
        _rss(
            [("g1", "/a.html"), ("g2", "/a.html"), ("g3", "http://[::1/x"), ("g4", "mailto:desk@example.org")]
        ),
        BASE + "feed.xml",
    )
    assert [(i.key, i.url) for i in got.items] == [
        ("g1", BASE + "a.html"),
        ("g2", BASE + "a.html"),  # watch fetches it once, and keeps both keys
        ("g3", "http://[::1/x"),  # watch rejects these, unfetched, with the reason
        ("g4", "mailto:desk@example.org"),
    ]


def test_a_truncated_feed_gives_the_items_before_the_break() -> None:
    whole = _rss([(f"g{i}", f"/n{i}.html") for i in range(4)])
    got = read_listing(whole[: whole.index(b"<guid>g2") + 5], BASE + "feed.xml")
    assert [i.key for i in got.items] == ["g0", "g1"] and got.problem is None


def test_a_feed_with_a_tag_left_open_gives_its_good_items_and_says_what_was_wrong() -> None:
    good = [(f"g{i}", f"/n{i}.html") for i in range(1, 5)]
    body = _rss(good).replace(
        b"<item>", b"<item><title>T<link>/n0.html</link><guid>g0</guid></item><item>", 1
    )
    got = read_listing(body, BASE + "feed.xml")
    assert [(i.key, i.url) for i in got.items] == [(g, BASE + link[1:]) for g, link in good]
    assert got.problem is None and got.damage is not None
    assert got.damage.startswith("SAXParseException") and "mismatched tag" in got.damage
    assert got.damage.endswith("; 4 items recovered")
    dated = _rss(good).replace(b"</guid>", b"</guid><title>A & B</title><pubDate>Thu, 02 May 2024</pubDate>")
    got = read_listing(dated, BASE + "feed.xml")  # a stray ampersand in every item
    assert (
        len(got.items) == 4 and got.items[0].title == "A  B" and got.items[0].published == "Thu, 02 May 2024"
    )
    assert got.damage and "4 items recovered" in got.damage
    assert read_listing(_rss(good), BASE + "feed.xml").damage is None  # a clean feed: no damage


def test_an_item_cut_off_by_the_end_of_the_feed_is_left_out() -> None:
    whole = _rss([(f"g{i}", f"/n{i}.html") for i in range(4)])
    got = read_listing(whole[: whole.index(b"/n3.html") + 3], BASE + "feed.xml")  # ends inside a link
    assert [i.key for i in got.items] == ["g0", "g1", "g2"] and got.damage
    got = read_listing(whole[: whole.index(b"<guid>g3") + 7], BASE + "feed.xml")  # ends inside a guid
    assert [i.key for i in got.items] == ["g0", "g1", "g2"]  # g3 has no link before it


def test_a_damaged_sitemap_gives_its_pages_and_says_what_was_wrong() -> None:
    urlset = "".join(f"<url><loc>{BASE}n{i}.html</loc></url>" for i in range(3)).replace(
        "<url>", "<url><b>", 1
    )
    sitemap = f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urlset}</urlset>".encode()
    got = read_listing(sitemap, BASE + "sitemap.xml")
    assert [i.url for i in got.items] == [f"{BASE}n{i}.html" for i in range(3)]
    assert got.damage and got.damage.endswith("; 3 entries recovered")


def test_a_listing_is_read_up_to_max_items() -> None:
    many = [(f"g{i}", f"/n{i}.html") for i in range(MAX_ITEMS + 50)]
    assert len(read_listing(_rss(many), BASE + "feed.xml").items) == MAX_ITEMS
    urlset = "".join(f"<url><loc>{BASE}n{i}.html</loc></url>" for i in range(MAX_ITEMS + 50))
    sitemap = f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urlset}</urlset>".encode()
    assert len(read_listing(sitemap, BASE + "sitemap.xml").items) == MAX_ITEMS
