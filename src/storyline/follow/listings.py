"""What a source lists: the items of an RSS or Atom feed (feedparser), the pages of a sitemap
or sitemap index, or, for a site's front page, the feeds it announces. Each item has a
stable key (the feed's id, else its link), so a round knows what it has seen.

An id listed twice is one item (the first). One link under two ids stays two items: both
keys are remembered, so neither comes back as new, while ``watch`` fetches the page once.
Links are made absolute but not judged here: ``watch`` rejects what is no web address
(``javascript:``, ``mailto:``, ``data:``) with its reason, unfetched. At most ``MAX_ITEMS``
entries of a listing are read.

A damaged listing gives what can be recovered: when feedparser's strict pass fails (an
unclosed tag, a stray ``&``), lxml's recovering parser reads the raw bytes again and every
item it finds is taken beside those feedparser's loose pass gave (lxml keeps the items after
a tag left open, which the loose pass folds into the broken one); what was wrong, and how
many items came out, is the listing's ``damage``."""

from __future__ import annotations

import re
import xml.sax
from collections.abc import Iterable
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
    """A listing read: its kind (feed, sitemap, site), items, child sitemaps, feeds found;
    ``problem``: why nothing could be read from it; ``damage``: what was wrong with one read
    all the same (the parse error, and how many items were recovered)."""

    kind: str
    items: list[Item]
    sitemaps: list[str]
    feeds: list[str]
    problem: str | None = None
    damage: str | None = None


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
    found = [
        (e.get("id"), e.get("link"), e.get("title"), e.get("published") or e.get("updated"))
        for e in parsed.entries[:MAX_ITEMS]
    ]
    exc = parsed.get("bozo_exception")
    broken = bool(parsed.get("bozo")) and isinstance(exc, xml.sax.SAXException)  # the strict pass failed
    if broken:
        found = _salvaged(body, url, found)
    items = _items(found, url)
    problem = damage = None
    if not items and parsed.get("bozo"):  # broken: nothing could be recovered from it
        problem = f"not a feed ({type(exc).__name__}: {exc})"[:300]
    elif broken:
        damage = f"{type(exc).__name__}: {exc}"[:240] + f"; {len(items)} items recovered"
    return Listing("feed", items, [], [], problem, damage)


_Found = tuple[object, object, object, object]  # an entry's id, link, title, date, as a parser gave them


def _salvaged(body: bytes, url: str, loose: list[_Found]) -> list[_Found]:
    """The entries of a feed the strict pass could not read: lxml's first (it keeps what
    follows a tag left open, and its view of an entry both found wins), then the others of
    feedparser's loose pass; an entry whose link the body ends in was cut short: left out."""
    recovered = _recovered(body)
    seen = {str(ident) for ident, _, _, _ in recovered if ident}
    seen |= {link for _, raw, _, _ in recovered if (link := _absolute(url, raw))}
    found = recovered + [f for f in loose if str(f[0]) not in seen and _absolute(url, f[1]) not in seen]
    end = body.rstrip()[-4096:]
    return [f for f in found if not (isinstance(f[1], str) and end.endswith(f[1].strip().encode()))]


def _items(found: Iterable[_Found], url: str) -> list[Item]:
    """The items of a feed's entries: each with a link, once by its key (its id, else its link)."""
    items: list[Item] = []
    seen: set[str] = set()
    for ident, raw_link, title, published in found:
        link = _absolute(url, raw_link)
        if not link:
            continue
        key = str(ident or link)
        if key in seen:
            continue  # the same item twice in one feed (or found by both parsers)
        seen.add(key)
        items.append(Item(key, link, _text(title), _text(published)))
        if len(items) == MAX_ITEMS:
            break
    return items


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _recovered(body: bytes) -> list[_Found]:
    """The entries lxml's recovering parser finds in a feed the strict pass could not read:
    every RSS ``item`` and Atom ``entry``, wherever the damage nested it, with its own (direct)
    id, link, title and date."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return []
    found: list[_Found] = []
    end = body.rstrip()[-4096:]
    for entry in [] if root is None else root.iter("{*}item", "{*}entry"):
        fields: dict[str, str] = {}
        for child in entry:
            if not isinstance(child.tag, str):
                continue  # a comment or processing instruction
            name = etree.QName(child).localname
            if name == "link" and child.get("href"):  # Atom: the alternate link
                if child.get("rel", "alternate") == "alternate":
                    fields.setdefault("link", child.get("href", ""))
            elif child.text and child.text.strip() and not end.endswith(child.text.encode()):
                fields.setdefault(name, child.text)  # (one the body ends in was cut short: left out)
        ident = fields.get("guid") or fields.get("id") or entry.get(f"{{{_RDF}}}about")
        date = fields.get("pubDate") or fields.get("published") or fields.get("updated") or fields.get("date")
        found.append((ident and ident.strip(), fields.get("link"), fields.get("title"), date))
        if len(found) == MAX_ITEMS:
            break
    return found


_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"  # RSS 1.0 names an item by its rdf:about


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
    errors = [e for e in parser.error_log if e.level >= etree.ErrorLevels.ERROR]
    damage = f"{errors[0].message} (line {errors[0].line})"[:240] if errors else None
    damage = damage and f"{damage}; {len(items) + len(children)} entries recovered"
    return Listing("sitemap", items, children, [], None, damage)


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
