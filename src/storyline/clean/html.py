"""Main text and metadata of an HTML page: trafilatura for the text, the page's own tags for metadata.

The page is parsed once. Metadata comes from what the markup states (``<meta>`` tags,
JSON-LD, ``<title>``; dates by ``clean.markup_dates``), so a date found here is a stated one;
trafilatura's own metadata search (htmldate) is skipped because it costs a third of the
extraction time. Comments are left out: they are not the article.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from storyline.clean.markup_dates import markup_dates

_META_KEYS = {
    "outlet": ("og:site_name", "application-name", "twitter:site", "publisher", "dc.publisher"),
    "title": ("og:title", "twitter:title", "title", "dc.title", "headline", "sailthru.title"),
    "author": ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"),
    "description": ("og:description", "description", "twitter:description"),
    "url": ("og:url",),
    "language": ("og:locale", "language", "content-language", "dc.language"),
}
_LD_PUBLISHER = re.compile(r'"publisher"\s*:\s*\{[^{}]*?"name"\s*:\s*"([^"]+)"')


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
    if hints["title"] is None:
        title = tree.findtext(".//title")
        hints["title"] = title.strip() if title else None
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        text = script.text or ""
        if hints["outlet"] is None and (m := _LD_PUBLISHER.search(text)):
            hints["outlet"] = json.loads(f'"{m.group(1)}"')
    if hints["author"] is None:
        hints["author"] = _byline_element(tree)
    if hints["language"] is None:
        html = tree if tree.tag == "html" else tree.getroottree().getroot()
        hints["language"] = html.get("lang")
    if isinstance(hints["language"], str):
        hints["locale"] = hints["language"].strip()
        hints["language"] = hints["language"].replace("_", "-").split("-")[0].lower() or None
    hints["dates"] = markup_dates(tree)
    return {k: v for k, v in hints.items() if v}


_BYLINE_XPATH = (
    './/*[contains(concat(" ", normalize-space(@class), " "), " byline ") or @rel="author" '
    'or contains(@class, "author-name") or @itemprop="author"]'
)


def _byline_element(tree: HtmlElement) -> str | None:
    """The author named in a byline element ("By Anna Petrov"), as pages mark it up."""
    for node in tree.xpath(_BYLINE_XPATH)[:3]:
        text = " ".join(node.text_content().split())
        text = re.sub(r"^(?:by|von|par|por)\s+", "", text, flags=re.IGNORECASE)
        if 0 < len(text.split()) <= 6:
            return text
    return None


def extract_html(
    html: str, url: str | None = None, options: HtmlOptions | None = None
) -> tuple[str, dict[str, Any]]:
    """Return (main text, metadata hints) of a page; empty text when nothing was found."""
    opts = options or HtmlOptions()
    tree = load_html(html)
    if tree is None:
        return "", {}
    hints = page_metadata(tree)
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=opts.include_tables,
        favor_precision=opts.favor_precision,
        fast=opts.fast,
        with_metadata=False,
    )
    if doc is None:
        return "", hints
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return data.get("text") or "", hints
