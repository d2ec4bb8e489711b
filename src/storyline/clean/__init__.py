"""Cleaning: HTML to main text, broken Unicode fixed, leftover boilerplate removed and kept."""

from __future__ import annotations

import re
import unicodedata

import ftfy

from storyline import lang
from storyline.clean.boilerplate import CleanOptions, KeyCount, clean_text, line_key
from storyline.clean.html import HtmlOptions, extract_html
from storyline.clean.not_articles import not_an_article
from storyline.clean.tokenised import detokenise, is_tokenised
from storyline.model import Article

__all__ = [
    "MAX_CHARS",
    "CleanOptions",
    "Cleaner",
    "Extractor",
    "HtmlOptions",
    "fix_unicode",
    "line_key",
    "line_keys",
    "strip_controls",
]

# UTF-8 read as cp1252/latin-1 ("â€™", "Ã©"), C1 controls, HTML entities: what ftfy fixes.
# ftfy costs milliseconds per article, so it only runs where one of these is present.
_SUSPECT = re.compile(
    "[ÂÃâÐÑ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|[\u0080-\u009f]|&#?\\w+;"
    "|[\ufb00-\ufb06]"
)


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BREAK = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def strip_controls(text: str) -> str:
    """Control characters out of a text: page and line separators become line breaks, the
    rest go (no text shows them; U+0002 and U+0003 would fake the hit marks of search)."""
    return _CONTROL.sub("", _BREAK.sub("\n", text))


def fix_unicode(text: str) -> str:
    """Repair mojibake and stray entities (ftfy), keeping curly quotes as they are; control
    characters out; NFC."""
    if (not text.isascii() or "&" in text) and _SUSPECT.search(text):
        text = ftfy.fix_text(text, uncurl_quotes=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = strip_controls(text.replace("\ufeff", "").replace("\u200b", ""))
    return unicodedata.normalize("NFC", text)


MAX_CHARS = 1_000_000
"""Text longer than any article (a transcript runs to about 600,000 characters): rejected at
extraction, before it costs minutes in the stages after."""


class Extractor:
    """Stage ``extract`` (cleaning, step 1): main text out of HTML, a tokeniser's spacing
    undone, broken Unicode repaired; a text longer than ``max_chars`` is no article."""

    name = "extract"

    def __init__(self, html: HtmlOptions | None = None, max_chars: int = MAX_CHARS) -> None:
        self.html = html or HtmlOptions()
        self.max_chars = max_chars

    def __call__(self, article: Article) -> Article:
        if article.format == "html":
            url = article.source.url or article.hints.get("url")
            text, meta = extract_html(article.raw, url, self.html)
            for key, value in meta.items():
                article.hints.setdefault(key, value)
            if not text.strip():
                article.rejected = "no main text found in the HTML page"
            elif why := not_an_article(text, article.hints.get("title"), url):
                article.rejected = why
        else:
            text = article.raw
        if len(text) > self.max_chars:
            article.rejected = (
                f"text too long for an article ({len(text):,} characters; at most {self.max_chars:,})"
            )
            text = ""  # nothing after this stage reads it; the raw input is kept
        elif is_tokenised(text):
            text = detokenise(text)  # research corpora's Treebank tokens: "ca n't", "-LRB-"
        article.text = fix_unicode(text)
        return article


def line_keys(article: Article) -> set[str]:
    """The normalised lines of an extracted article, for corpus repetition counts."""
    return {line_key(ln) for ln in article.text.splitlines() if ln.strip()}


class Cleaner:
    """Stage ``clean`` (step 2): leftover boilerplate out of ``article.text``, kept in ``removed``.

    ``repeats`` (optional) answers in how many other articles a line occurs; the pipeline
    passes corpus statistics from the store, so this stage itself stays pure. The phrases
    are those of the language the page declares (its text's is detected later, by
    ``describe``): English tables for every language until that language has its own.
    """

    name = "clean"

    def __init__(self, options: CleanOptions | None = None, repeats: KeyCount | None = None) -> None:
        self.options = options or CleanOptions()
        self.repeats = repeats

    def __call__(self, article: Article) -> Article:
        if "extract" not in article.stages and not article.text:
            Extractor()(article)  # not extracted yet: the stage called on its own
        declared = article.language or article.hints.get("language")
        language = lang.get(declared if isinstance(declared, str) else None)
        article.text, removed = clean_text(article.text, self.options, self.repeats, language)
        article.removed.extend(removed)
        if not article.text.strip():
            article.rejected = (
                f"no article text left after cleaning ({len(removed)} boilerplate spans removed)"
            )
        return article
