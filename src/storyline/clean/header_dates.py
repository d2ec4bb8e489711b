"""The date lines a page shows under its headline: the short lines of visible text that follow
the first ``<h1>`` ("Stand: 28.04.2020 18:00 Uhr", "By A. Writer · 6 January 2020", "Le 19
février 2020"). What the reader sees there is the page's own statement of when it appeared,
and it outranks a CMS date in the markup that disagrees with it (``describe.dates``).

Only lines, not sentences: a text node longer than ``MAX_LINE`` characters is prose, whose
dates are events. Lines naming a change ("Updated", "Aktualisiert", "mis à jour") are left
out: a modification date is never a publication date. Values are returned as written. Month
names and change words are those of several languages at once (``lang.multilingual``): the
page's language is not known yet.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml.html import HtmlElement

from storyline import lang

WINDOW = 300
"""Characters of visible text after the headline that count as its header (byline, date)."""
MAX_LINE = 60
"""A longer text node is a sentence, not a date line."""
MAX_NODES = 400
"""Text nodes looked at after the headline at most (most are whitespace between tags)."""

_NUMERIC = re.compile(
    r"(?<![\d.])(?:(?:19|20)\d{2}-\d{1,2}-\d{1,2}|\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}"
    r"|\d{1,2}/\d{1,2}/(?:19|20)\d{2})(?!\d)"
)
_WORDY = re.compile(lang.multilingual().written_date)
_CHANGED = re.compile(lang.multilingual().changed, re.IGNORECASE)
_INVISIBLE = {"script", "style", "noscript", "template"}


def header_dates(tree: HtmlElement) -> list[str]:
    """Each date written in a date line within ``WINDOW`` characters of text after the page's
    headline, in page order, as written (no headline: none)."""
    heading = _headline(tree)
    if heading is None:
        return []
    found: list[str] = []
    seen = 0
    for node in heading.xpath(f"following::text()[not(ancestor::h1)][position() <= {MAX_NODES}]"):
        parent = node.getparent()
        if parent is None or (not node.is_tail and parent.tag in _INVISIBLE):
            continue
        line = " ".join(str(node).split())
        if not line:
            continue
        if len(line) <= MAX_LINE and not _CHANGED.search(line):
            found += _dates_in(line)
        seen += len(line)
        if seen > WINDOW:
            break
    return found


def _headline(tree: HtmlElement) -> HtmlElement | None:
    """The ``<h1>`` that holds most of the page's title (a site's logo is often an ``<h1>``
    too); without a title to match, the first."""
    headings = list(islice(tree.iter("h1"), 10))
    title = _words(tree.findtext(".//title") or "")
    for meta in tree.iterfind(".//meta[@property='og:title']"):
        title |= _words(meta.get("content") or "")
    best, shared = (headings[0] if headings else None), 0
    for heading in headings:
        words = _words(heading.text_content())
        common = len(words & title)
        if common * 2 >= len(words) and common > shared:  # mostly title words, and the most
            best, shared = heading, common
    return best


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _dates_in(line: str) -> list[str]:
    """The date expressions of one line, in order."""
    spans = [(m.start(), m.group()) for m in _NUMERIC.finditer(line)]
    spans += [(m.start(), m.group()) for m in _WORDY.finditer(line)]
    return [text for _, text in sorted(spans)]
