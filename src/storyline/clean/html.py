"""Main text and metadata of an HTML page: trafilatura for the text, the page's own tags for metadata.

The page is parsed once. Metadata comes from what the markup states (``<meta>`` tags,
JSON-LD, ``<title>``; dates by ``clean.markup_dates``), so a date found here is a stated one;
trafilatura's own metadata search (htmldate) is skipped because it costs a third of the
extraction time. Comments are left out: they are not the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from storyline import lang
from storyline.clean.header_dates import header_dates
from storyline.clean.json_ld import publisher_names
from storyline.clean.markup_dates import markup_dates

_META_KEYS = {
    "outlet": ("og:site_name", "publisher", "dc.publisher", "application-name"),  # never twitter:site
    "title": ("og:title", "twitter:title", "title", "dc.title", "headline", "sailthru.title"),
    "author": ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"),
    "description": ("og:description", "description", "twitter:description"),
    "url": ("og:url",),
    "language": ("og:locale", "language", "content-language", "dc.language"),
}
# the word that opens a byline element, in several languages: the page's is not known yet
_BYLINE_PREFIX = re.compile(lang.multilingual().byline_prefix, re.IGNORECASE)


@dataclass(frozen=True)
class HtmlOptions:
    """How trafilatura is asked to extract.

    ``fast`` skips trafilatura's fallback extractors (readability, jusText): on the
    article-extraction-benchmark it is both faster and slightly better on news pages (see
    docs/benchmarks.md). ``favor_precision`` trades recall for less chrome.
    """

    fast: bool = True
    favor_precision: bool = False
    include_tables: bool = True


def page_metadata(tree: HtmlElement) -> dict[str, Any]:
    """Metadata the page states in its markup: meta tags, JSON-LD, the title element."""
    found: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        key = (
            meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv") or ""
        ).lower()
        value = (meta.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    hints: dict[str, Any] = {}
    for field, keys in _META_KEYS.items():
        hints[field] = next((found[k] for k in keys if k in found), None)
    hints["page_url"] = hints["url"]  # kept apart: a crawl's record URL takes "url" first
    if hints["title"] is None:
        title = tree.findtext(".//title")
        hints["title"] = title.strip() if title else None
    names = [found[k] for k in ("og:site_name",) if k in found]
    names += publisher_names(tree)
    names += [found[k] for k in ("publisher", "dc.publisher", "application-name") if k in found]
    hints["site_names"] = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    hints["outlet"] = hints["site_names"][0] if hints["site_names"] else None
    hints["author"] = _page_author(tree) or hints["author"] or _byline_element(tree)
    if hints["language"] is None:
        html = tree if tree.tag == "html" else tree.getroottree().getroot()
        hints["language"] = html.get("lang")
    if isinstance(hints["language"], str):
        hints["locale"] = hints["language"].strip()
        hints["language"] = hints["language"].replace("_", "-").split("-")[0].lower() or None
    hints["dates"] = markup_dates(tree)
    hints["header_dates"] = header_dates(tree)
    return {k: v for k, v in hints.items() if v}


def _page_author(tree: HtmlElement) -> str | None:
    """The author the page names, as trafilatura's metadata extraction finds it: meta tags,
    JSON-LD, then (for none, or a single word) the page's byline elements (its date search,
    the costly part, is not run)."""
    from trafilatura.metadata import examine_meta, extract_author, extract_meta_json

    try:
        meta = extract_meta_json(tree, examine_meta(tree))
    except Exception:  # trafilatura's JSON-LD reading raises on broken documents
        meta = examine_meta(tree)
    author = meta.author
    if not author or " " not in author.strip():  # one word is rarely a person: look further
        author = extract_author(tree) or author
    return str(author) if author else None


_BYLINE_XPATH = (
    './/*[contains(concat(" ", normalize-space(@class), " "), " byline ") or @rel="author" '
    'or contains(@class, "author-name") or @itemprop="author"]'
)


def _byline_element(tree: HtmlElement) -> str | None:
    """The author named in a byline element ("By Anna Petrov"), as pages mark it up."""
    for node in tree.xpath(_BYLINE_XPATH)[:3]:
        text = " ".join(node.text_content().split())
        text = _BYLINE_PREFIX.sub("", text)
        if 0 < len(text.split()) <= 6:
            return text
    return None


def extract_html(
    html: str, url: str | None = None, options: HtmlOptions | None = None
) -> tuple[str, dict[str, Any]]:
    """Return (main text, metadata hints) of a page; empty text when nothing was found.

    The fast extraction first; when it keeps much less than the page's visible text (a body
    lost: a page laid out the way trafilatura's main rules miss), the page is extracted again
    with trafilatura's fallback extractors, and the fuller text kept."""
    opts = options or HtmlOptions()
    tree = load_html(html)
    if tree is None:
        return "", {}
    hints = page_metadata(tree)
    visible = _visible_chars(tree)
    text = _extract(tree, url, opts, opts.fast)
    if opts.fast and _lost(len(text), visible):
        again = load_html(html)  # trafilatura prunes the tree it reads: a fresh one
        fuller = _extract(again, url, opts, fast=False) if again is not None else ""
        if len(fuller) > 2 * len(text):
            hints["extraction"] = "fallback extractors (the fast one kept too little)"
            text = fuller
    return text, hints


LOST_SHARE = 0.15  # the fast extraction kept less than this share of the page's visible text
LOST_MIN_VISIBLE = 2_000  # ... of a page holding at least this many characters of it


def _lost(kept: int, visible: int) -> bool:
    """Whether the fast extraction likely lost the body: it kept a small share of a page
    with much text (a short page, or one whose text is mostly kept, is left as it is)."""
    return visible >= LOST_MIN_VISIBLE and kept < LOST_SHARE * visible


def _visible_chars(tree: HtmlElement) -> int:
    """Characters of text in the page's body outside scripts, styles and noscript blocks
    (one pass over the text in C, less what those blocks hold: twice as fast as an XPath
    excluding their descendants)."""
    body = tree.find("body") if tree.tag == "html" else next(iter(tree.xpath("//body")), None)
    if body is None:
        return 0
    total = sum(len(t.strip()) for t in body.itertext())
    for hidden in body.iter("script", "style", "noscript"):
        total -= sum(len(t.strip()) for t in hidden.itertext(with_tail=False))
    return total


def _extract(tree: HtmlElement, url: str | None, opts: HtmlOptions, fast: bool) -> str:
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=opts.include_tables,
        favor_precision=opts.favor_precision,
        fast=fast,
        with_metadata=False,
    )
    if doc is None:
        return ""
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return str(data.get("text") or "")
