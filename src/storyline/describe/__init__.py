"""Describing each article: headline, dek, date, outlet, byline, credits, language; digests.

Two stages: ``split`` turns a digest into its articles (one in, several out), ``describe``
reads the metadata of each. Neither touches storage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from storyline import lang
from storyline.describe.bylines import clean_byline
from storyline.describe.dates import digest_date, stated_date
from storyline.describe.digest import DigestOptions, split_digest
from storyline.describe.header import read_header, word_count
from storyline.describe.language import detect_language
from storyline.describe.outlets import outlet_from_text, site_name
from storyline.describe.titles import strip_site
from storyline.model import Article, Removed
from storyline.sites import is_known_outlet, outlet_from_domain

__all__ = ["DescribeOptions", "Describer", "DigestOptions", "Splitter"]


@dataclass(frozen=True)
class DescribeOptions:
    """What counts as too little text to be an article, and the outlet a user gave, which
    stands over anything the article says (basis "given"): for every article of the run
    (``outlet``, ``storyline ingest --outlet``), or for the articles at some addresses or
    files (``given``: page URL or file path -> outlet, a followed source's outlet)."""

    min_words: int = 12
    outlet: str | None = None
    given: Mapping[str, str] = field(default_factory=dict)

    def outlet_of(self, article: Article) -> str | None:
        """The outlet the user gave for ``article``, if any."""
        if self.outlet or not self.given:
            return self.outlet
        where = (article.source.url, article.source.path, article.hints.get("url"))
        return next((self.given[w] for w in where if isinstance(w, str) and w in self.given), None)


class Splitter:
    """Stage ``split``: a digest file becomes articles with ``part`` 1, 2, ...; others pass."""

    name = "split"

    def __init__(self, options: DigestOptions | None = None) -> None:
        self.options = options or DigestOptions()

    def __call__(self, article: Article) -> list[Article]:
        parts = split_digest(article, self.options)
        if len(parts) > 1:
            # A date at the top of a digest dates every article in it.
            first = parts[0].text.split("\n\n", 3)
            found = next((d for d in (digest_date(p) for p in first) if d), None)
            for part in parts[1:]:
                if found:
                    part.hints["digest_date"] = found
        return parts


class Describer:
    """Stage ``describe``: metadata lines out of the body, and what they and the hints say.

    The header lines are read in the language the page declares (the text's own is detected
    once they are out of it), the outlet and the date in the text's; English tables for every
    language until that language has its own (``lang.get``)."""

    name = "describe"

    def __init__(self, options: DescribeOptions | None = None) -> None:
        self.options = options or DescribeOptions()

    def __call__(self, article: Article) -> Article:
        hints = article.hints
        url = article.source.url or hints.get("url")
        title = hints.get("title") if article.source.part <= 1 else None
        if isinstance(title, str):
            names = [str(n) for n in [*(hints.get("site_names") or []), hints.get("outlet")] if n]
            title = strip_site(title, url, names, hints.get("page_url"))
        paragraphs = [p for p in article.text.split("\n\n") if p.strip()]
        declared = article.language or hints.get("language")
        body, head = read_header(paragraphs, title, lang.get(declared if isinstance(declared, str) else None))
        article.text = "\n\n".join(body)
        article.removed.extend(Removed(t, r, stage=self.name) for t, r in head.removed)
        article.headline = head.headline
        article.dek = head.dek
        stated = _author(hints.get("author") or hints.get("authors"))
        for credit in head.credits:
            if credit not in article.credits:
                article.credits.append(credit)
        article.language = detect_language(article.text) or hints.get("language")
        _set_date(article, head.date)
        _set_outlet(article, body)
        if given := self.options.outlet_of(article):
            article.outlet, article.outlet_basis = given, "given"
        # the page's author first, then a byline line of the text; only names are kept
        article.byline = clean_byline(stated) or clean_byline(head.byline)
        n_words = word_count(article.text)
        if n_words < self.options.min_words:
            article.rejected = (
                f"too little text for an article ({n_words} words after cleaning; "
                f"minimum {self.options.min_words})"
            )
        return article


def _author(value: object) -> str | None:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    return str(value).strip() or None if value else None


def _set_date(article: Article, text_date: str | None) -> None:
    url = article.source.url or article.hints.get("url")
    html = article.raw if article.format == "html" else None
    # a record's file (a WARC, a JSONL) holds many articles: a date in its name (a crawl's,
    # a watch round's) is none of theirs; only a file that is the article states its date
    path = article.source.path if article.source.record is None else None
    article.published, article.published_source = stated_date(
        article.hints, text_date, path, url, html, article.language
    )
    article.published_basis = "stated" if article.published else None


def _set_outlet(article: Article, body: list[str]) -> None:
    """The outlet: the known name of the URL's domain, else the site name the page states
    (when it is a name), else the domain; for an input with no URL, what the record or the
    text says (a self-description, a copyright line, a wire dateline, a credit line)."""
    hints = article.hints
    url = article.source.url or hints.get("url")
    known = outlet_from_domain(str(url)) if url else None
    if url and is_known_outlet(known):
        article.outlet, article.outlet_basis = known, "url"
        return
    stated = site_name(str(hints["outlet"]), url) if hints.get("outlet") else None
    if stated:
        article.outlet, article.outlet_basis = outlet_from_domain(stated), "metadata"
        return
    if url:
        article.outlet, article.outlet_basis = known, "url"
        return
    spans = [r.text for r in article.removed]
    outlet, basis = outlet_from_text(
        body[0] if body else "", spans, article.credits, lang.get(article.language)
    )
    article.outlet, article.outlet_basis = outlet, basis
