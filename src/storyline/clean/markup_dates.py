"""Publication dates a page states in its markup, each with where it was found, in order of
trust: JSON-LD ``datePublished`` (of the article), meta tags that name a publication
(OpenGraph, schema.org, Dublin Core, the common CMS keys), elements marked as the published
date (``itemprop="datePublished"``, ``<time pubdate>``, a time in a post's meta line), then
the page's first ``<time datetime>``. Modification, expiry and render times are never taken.
Values are returned as written; ``describe.dates`` reads them.
"""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from storyline.clean.json_ld import date_published_fallback, documents, objects

# Meta keys (lower case, ":" read as ".") that name when the page was published, most trusted
# first; the first found wins among them.
PUBLISHED_KEYS = (
    "article.published_time", "og.article.published_time", "article.published", "datepublished",
    "published_time", "og.published_time", "publishdate", "pubdate", "pub_date", "publish_date",
    "publish-date", "publication_date", "publicationdate", "og.pubdate", "prism.publicationdate",
    "citation_publication_date", "citation_online_date", "dc.date.issued", "dcterms.issued",
    "cxenseparse.publishtime", "shareaholic.article_published_time", "parsely-pub-date", "sailthru.date",
    "vr.published-time", "sw-pubdate", "analyticsattributes.articledate", "dc.date.created",
    "dcterms.created", "dc.created", "datecreated", "uploaddate", "dc.date", "dcterms.date", "date",
    "displaydate", "veeseo.date", "bepress_citation_date",
)  # fmt: skip
_RANK = {key: k for k, key in enumerate(PUBLISHED_KEYS)}
_ARTICLE_TYPES = re.compile(r"article|posting|report|blog|news|webpage|video|creativework", re.I)
_META_LINE = re.compile(
    r"entry-(?:date|meta)|post-?(?:date|meta)|posted-on|published|pubdate|byline|dateline|article-?(?:date|meta)"
)


def markup_dates(tree: HtmlElement) -> list[tuple[str, str]]:
    """(where, value) of every publication date the markup states, most trusted first."""
    out: list[tuple[str, str]] = []
    out += _json_ld(tree)
    out += _meta(tree)
    out += _marked(tree)
    return out


def _json_ld(tree: HtmlElement) -> list[tuple[str, str]]:
    """``datePublished`` of an article-like object first, then of any object; then
    ``dateCreated`` and ``uploadDate``."""
    found: list[tuple[int, str, str]] = []
    for data, text in documents(tree):
        if data is None:
            found += [(1, "json-ld datePublished", value) for value in date_published_fallback(text)[:1]]
            continue
        for obj in objects(data):
            kind = " ".join(str(t) for t in _as_list(obj.get("@type")))
            for rank, key in ((0, "datePublished"), (2, "dateCreated"), (3, "uploadDate")):
                value = obj.get(key)
                if isinstance(value, str) and value.strip():
                    first = rank == 0 and bool(_ARTICLE_TYPES.search(kind))
                    found.append((rank if first or rank else 1, f"json-ld {key}", value.strip()))
    found.sort(key=lambda f: f[0])
    return [(where, value) for _, where, value in found]


def _names_around(node: HtmlElement) -> str:
    """The classes and ids of an element, its parent and grandparent, lower case."""
    names = []
    for _ in range(3):
        if node is None:
            break
        names += [str(node.get("class") or ""), str(node.get("id") or "")]
        node = node.getparent()
    return " ".join(names).lower()


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _meta(tree: HtmlElement) -> list[tuple[str, str]]:
    """Meta tags naming a publication, in the order of ``PUBLISHED_KEYS``."""
    found: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        raw = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        key = raw.strip().lower().replace(":", ".")
        value = (meta.get("content") or "").strip()
        if key in _RANK and value and key not in found:
            found[key] = value
    return [(f"meta {key}", found[key]) for key in sorted(found, key=_RANK.__getitem__)]


def _marked(tree: HtmlElement) -> list[tuple[str, str]]:
    """Elements marked as the published date, then a time element in a post's meta line,
    then the page's first ``<time datetime>``."""
    out: list[tuple[str, str]] = []
    for node in tree.xpath('.//*[@itemprop="datePublished"][not(self::meta)]')[:3]:
        value = node.get("datetime") or node.get("content") or node.text_content()
        if value and value.strip():
            out.append(("itemprop datePublished", value.strip()))
    for node in tree.xpath(".//time[@pubdate]")[:3]:
        value = node.get("datetime") or node.text_content()
        if value and value.strip():
            out.append(("time pubdate", value.strip()))
    times = tree.xpath(".//time[@datetime]")
    for node in times[:20]:
        around = _names_around(node)
        if _META_LINE.search(around) and "modif" not in around and "updat" not in around:
            out.append(("time in the post's meta line", node.get("datetime", "").strip()))
            break
    if times:
        out.append(("first time element", times[0].get("datetime", "").strip()))
    return [(where, value) for where, value in out if value]
