"""What a source lists: the items of an RSS or Atom feed (feedparser), the pages of a sitemap
or sitemap index, or, for a site's front page, the feeds it announces. Each item has a
stable key (the feed's id, else its link), so a round knows what it has seen."""

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
        link = entry.get("link")
        if not link:
            continue
        link = urljoin(url, link)
        key = str(entry.get("id") or link)
        if key in seen:
            continue  # the same item twice in one feed
        seen.add(key)
        items.append(Item(key, link, entry.get("title"), entry.get("published") or entry.get("updated")))
    problem = None
    if not items and parsed.get("bozo"):
        problem = f"not a feed ({type(parsed.get('bozo_exception')).__name__})"
    return Listing("feed", items, [], [], problem)


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
        if not loc:
            continue
        if parent == "sitemap":
            children.append(urljoin(url, loc))
        else:
            items.append(Item(urljoin(url, loc), urljoin(url, loc)))
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
            href = link.get("href")
            if href:
                feeds.append(urljoin(url, href))
    return list(dict.fromkeys(feeds))
