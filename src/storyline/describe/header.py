"""Metadata lines at the top and bottom of a story: headline, dek, date line, byline, credits.

They are taken out of the body (and listed in ``removed`` with their reason) because they
describe the article rather than tell it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from storyline import lang
from storyline.clean import strip_controls
from storyline.clean.boilerplate import ends_sentence
from storyline.describe.dates import DATE_PREFIX, parse_date_line
from storyline.describe.outlets import credit_org, is_credit_line

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+")


@cache
def _byline_pattern(code: str) -> re.Pattern[str]:
    """A byline paragraph as the language writes one ("By Anna Petrov, Reuters")."""
    return re.compile(lang.get(code).credits.byline, re.IGNORECASE)


@dataclass
class Header:
    """What the top and bottom metadata lines said."""

    headline: str | None = None
    dek: str | None = None
    date: str | None = None
    byline: str | None = None
    credits: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (text, reason)


def words(text: str) -> list[str]:
    """Word tokens of ``text``."""
    return _WORD.findall(text)


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""Scripts written without spaces between words (Chinese, Japanese): about a word for every two
characters. (Korean puts spaces between words.)"""


def word_count(text: str) -> int:
    """About how many words ``text`` has (white-space tokens, and a word per two characters of
    a script written without spaces; cheap, for thresholds)."""
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    return len(_UNSPACED.sub(" ", text).split()) + unspaced // 2


HEADLINE_WORDS = 25
"""A headline (or subheading) has at most this many words."""
WORD_CHARS = 20
"""Characters a headline's word takes at most on average: a longer line is a paragraph whose
words the tokenizer could not split (a URL, a run of unspaced script)."""
BYLINE_WORDS = 14
"""A byline ("By Ilse Varga and Tomas Brandt, Reuters, in Port Selan") is at most this many
words; a longer line opening with "By" is a sentence ("By Monday the quay had reopened ...")."""
HEADER_LINES = 8
"""Lines at the top of an article read as its header (date lines, bylines, headline, dek)."""
DEK_WORDS = (6, 60)
"""A dek (standfirst) is one sentence of this many words, at least and at most ..."""
DEK_UNPUNCTUATED = 45
"""... and without a final period at most this many; a longer one is the lede."""
LEDE_WORDS = 15
"""The first paragraph of at least this many words is the lede a dek is compared with."""
REPEATS_LEDE = 85
"""A dek ending in a period is one only when the lede nearly repeats it (rapidfuzz token-set
ratio): otherwise it is the lede itself."""


def is_headline_like(line: str, min_words: int = 2, max_words: int = HEADLINE_WORDS) -> bool:
    """Short, no sentence-final period: how headlines (and subheadings) look."""
    if len(line) > max_words * WORD_CHARS:
        return False
    n = len(words(line))
    return min_words <= n <= max_words and not ends_sentence(line, ".!;,:…")


def _same(a: str, b: str, threshold: float = 90.0) -> bool:
    return fuzz.ratio(a.casefold().strip(), b.casefold().strip()) >= threshold


def _byline(line: str, language: lang.Language) -> str | None:
    m = _byline_pattern(language.code).match(line.strip())
    if not m or len(words(line)) > BYLINE_WORDS:
        return None
    return m.group("name").strip()


def read_header(
    paragraphs: list[str], title_hint: str | None, language: lang.Language | None = None
) -> tuple[list[str], Header]:
    """Strip metadata paragraphs from the top and bottom; return the body and what they said.
    Date lines, bylines and credit lines are read as ``language`` writes them (None: as the
    fallback language does, ``lang.get``)."""
    language = language or lang.get(None)
    head = Header()
    paras = list(paragraphs)

    # 1. A "date 2022-03-08" prefix glued before the first sentence.
    if paras:
        m = DATE_PREFIX.match(paras[0])
        if m:
            head.date = m.group(1)
            head.removed.append((m.group(0).strip(), "date line"))
            paras[0] = paras[0][m.end() :].strip()
            if not paras[0]:
                paras.pop(0)

    # 2. Top lines: date lines, bylines, the headline, its duplicate, the dek.
    headline = strip_controls(title_hint).strip() if title_hint else None
    i = 0
    seen_headline_line = False
    while i < len(paras) and i < HEADER_LINES:
        line = paras[i]
        date = parse_date_line(line, language)
        if date:
            head.date = head.date or date
            head.removed.append((line, "date line"))
            paras.pop(i)
            continue
        name = _byline(line, language)
        if name:
            head.byline = head.byline or name
            head.removed.append((line, "byline"))
            paras.pop(i)
            continue
        if headline and _same(line, headline):
            reason = "duplicate headline" if seen_headline_line else "headline"
            head.removed.append((line, reason))
            seen_headline_line = True
            paras.pop(i)
            continue
        if headline is None and not seen_headline_line and is_headline_like(line, 2) and len(paras) > i + 1:
            headline = line
            seen_headline_line = True
            head.removed.append((line, "headline"))
            paras.pop(i)
            continue
        if seen_headline_line and head.dek is None and _is_dek(line, paras[i + 1 : i + 4]):
            head.dek = line
            head.removed.append((line, "dek"))
            paras.pop(i)
            continue
        break
    head.headline = headline

    # 3. Bottom lines: credit lines, trailing bylines and date lines.
    while paras:
        line = paras[-1]
        if is_credit_line(line.strip(), language):
            org = credit_org(line, language)
            if org and org not in head.credits:
                head.credits.insert(0, org)
            head.removed.append((line, "credit line"))
            paras.pop()
            continue
        name = _byline(line, language)
        if name:
            head.byline = head.byline or name
            head.removed.append((line, "byline"))
            paras.pop()
            continue
        date = parse_date_line(line, language)
        if date:
            head.date = head.date or date
            head.removed.append((line, "date line"))
            paras.pop()
            continue
        break
    return paras, head


def _is_dek(line: str, following: list[str]) -> bool:
    """A standfirst right under the headline: one sentence, usually without a final period.

    Without a period it needs only to be followed by the story; with one, the lede must
    nearly repeat it (otherwise it is the lede itself).
    """
    n = len(words(line))
    if not DEK_WORDS[0] <= n <= DEK_WORDS[1]:
        return False
    lede = next((p for p in following if len(words(p)) >= LEDE_WORDS), None)
    if lede is None:
        return False
    if not ends_sentence(line, ".!;,:…") and n <= DEK_UNPUNCTUATED:
        return True
    return fuzz.token_set_ratio(line, lede[: len(line) * 2]) >= REPEATS_LEDE
