"""What a source lists: the items of an RSS or Atom feed (feedparser), the pages of a sitemap
or sitemap index, or, for a site's front page, the feeds it announces. Each item has a
stable key (the feed's id, else its link), so a round knows what it has seen.

An id listed twice is one item (the first). One link under two ids stays two items: both
keys are remembered, so neither comes back as new, while ``watch`` fetches the page once.
Links are made absolute but not judged here: ``watch`` rejects what is no web address
(``javascript:``, ``mailto:``, ``data:``) with its reason, unfetched. At most ``MAX_ITEMS``
entries of a listing are read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree, html

MAX_ITEMS = 1000  # items read from one listing, at most


@dataclass
class Item:
    """One thing a source lists: its key, the page's URL, and what the listing says of it."""

    key: str
    url: str
    title: str | None = None
    published: str | None = None


@dataclass
class Listing:
    """A listing read: its kind (feed, sitemap, site), items, child sitemaps, feeds found."""

    kind: str
    items: list[Item]
    sitemaps: list[str]
    feeds: list[str]
    problem: str | None = None


def read_listing(body: bytes, url: str, content_type: str = "") -> Listing:
    """The items ``body`` lists, by what it is: a sitemap (``urlset`` / ``sitemapindex``), a
    feed, or an HTML page whose announced feeds are returned to poll instead."""
    head = body[:2048].lstrip().lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _sitemap(body, url)
    if b"<html" in head or b"<!doctype html" in head or "html" in content_type:
        return Listing("site", [], [], _announced_feeds(body, url))
    return _feed(body, url)


def _feed(body: bytes, url: str) -> Listing:
    import feedparser

    parsed = feedparser.parse(body)
    items: list[Item] = []
    seen: set[str] = set()
    for entry in parsed.entries[:MAX_ITEMS]:
        link = _absolute(url, entry.get("link"))
        if not link:
            continue
        key = str(entry.get("id") or link)
        if key in seen:
            continue  # the same item twice in one feed
        seen.add(key)
        items.append(Item(key, link, entry.get("title"), entry.get("published") or entry.get("updated")))
    problem = None
    if not items and parsed.get("bozo"):  # broken: nothing could be recovered from it
        exc = parsed.get("bozo_exception")
        problem = f"not a feed ({type(exc).__name__}: {exc})"[:300]
    return Listing("feed", items, [], [], problem)


def _absolute(base: str, link: object) -> str | None:
    """``link`` made absolute against ``base`` (None when there is none). A malformed one (an
    unclosed [IPv6] host) is kept as written, for ``watch`` to reject with the reason."""
    if not isinstance(link, str) or not link.strip():
        return None
    try:
        return urljoin(base, link.strip())
    except ValueError:
        return link.strip()


def _sitemap(body: bytes, url: str) -> Listing:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        return Listing("sitemap", [], [], [], f"broken sitemap: {exc}")
    if root is None:
        return Listing("sitemap", [], [], [], "empty sitemap")
    locs = [
        (
            re.sub(r"\{.*\}", "", el.getparent().tag if el.getparent() is not None else ""),
            (el.text or "").strip(),
        )
        for el in root.iter("{*}loc")
    ]
    items, children = [], []
    for parent, loc in locs[:MAX_ITEMS]:
        link = _absolute(url, loc)
        if not link:
            continue
        if parent == "sitemap":
            children.append(link)
        else:
            items.append(Item(link, link))
    return Listing("sitemap", items, children, [])


def _announced_feeds(body: bytes, url: str) -> list[str]:
    """The feeds a page announces (``<link rel="alternate" type="application/rss+xml">``)."""
    try:
        doc = html.fromstring(body)
    except (etree.ParserError, ValueError):
        return []
    feeds = []
    for link in doc.iter("link"):
        kind = (link.get("type") or "").lower()
        if "alternate" in (link.get("rel") or "").lower() and kind in (
            "application/rss+xml",
            "application/atom+xml",
        ):
            href = _absolute(url, link.get("href"))
            if href:
                feeds.append(href)
    return list(dict.fromkeys(feeds))
