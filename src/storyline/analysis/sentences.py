"""Sentences of an article's text for summaries and timelines: whole sentences only, never cut
at a decimal ("7.0-magnitude", "$ 3.5 billion"), an abbreviation ("Feb.", "Gov.", "U.S.") or
an initial ("J. Smith"), and never a fragment (a piece starting in lower case, left by a line
break inside a sentence). A cited unit is what the article says, whole.

Abbreviations and how a sentence opens are the article's language's (``lang.Sentences``); a
language with no tables of its own takes English's, as every article did before languages
were data."""

from __future__ import annotations

import re
from functools import cache

from storyline import lang

MIN_WORDS, MAX_WORDS = 6, 60

# A boundary: end punctuation, closing quotes or brackets, then a space (or the end); a
# paragraph break always ends a sentence.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)|\n")
_WORD_BEFORE = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]?(\S)")


@cache
def _opening(language: str | None) -> re.Pattern[str]:
    """How a sentence of ``language`` opens, compiled once."""
    return re.compile(lang.get(language).sentences.opening)


def sentences(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each whole sentence of 6–60 words that starts as a sentence does (a
    capital, a digit or a quotation mark), by end punctuation and paragraph breaks; the
    abbreviations are those of ``language`` (a code; None: the fallback's)."""
    words = lang.get(language).sentences
    opening = _opening(language)
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group() != "\n" and not _ends_here(text, m.start(), m.end(), words):
            continue
        _keep(text, start, m.end() if m.group() != "\n" else m.start(), opening, out)
        start = m.end()
    _keep(text, start, len(text), opening, out)
    return out


def _ends_here(text: str, dot: int, after: int, words: lang.Sentences) -> bool:
    """Whether the punctuation at ``dot`` ends the sentence (not an abbreviation's point)."""
    if text[dot] != "." or after - dot > 1:
        return True  # "!", "?", "...", or a point with a closing quote
    word = _WORD_BEFORE.search(text, max(0, dot - 40), dot)  # bounded: no pass over the text
    if word is None:
        return True
    token = word.group(1).lstrip("\"'“‘([").lower()
    if token in words.never_end or (len(token) == 1 and token.isalpha()):
        return False
    if token in words.end_before_capital:
        nxt = _NEXT_WORD.match(text, after)
        return bool(nxt and nxt.group(1).isupper())
    return True


def _keep(text: str, a: int, b: int, opening: re.Pattern[str], out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b and MIN_WORDS <= len(text[a:b].split()) <= MAX_WORDS and opening.match(text, a):
        out.append((a, b))
