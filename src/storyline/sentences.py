"""Where an article's sentences begin and end: the one splitter of Storyline.

Never cut at a decimal ("7.0-magnitude", "$ 3.5 billion"), an abbreviation ("Feb.", "Gov.",
"U.S.") or an initial ("J. Smith"); always cut at a paragraph break and where a scraper glued
two sentences together ("...the difference.U.S. Secretary"). ``spans`` gives every sentence
(cleaning finds appeal sentences in them, linking an article's lead, a title its first
sentence); ``sentences`` gives the whole ones a summary or a timeline may cite: 6–60 words
that open as a sentence does, never a fragment (a piece starting in lower case, left by a line
break inside a sentence).

Abbreviations and how a sentence opens are the article's language's (``lang.Sentences``); a
language with no tables of its own takes English's, as every article did before languages
were data."""

from __future__ import annotations

import re
from functools import cache

from storyline import lang

MIN_WORDS, MAX_WORDS = 6, 60

# A boundary: end punctuation, closing quotes or brackets, then a space (or the end); the glued
# end of a word of two lower-case letters or more before a capital or an opening quote; a
# paragraph break always ends a sentence.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)|(?<=[a-z]{2}[.!?])(?=[A-Z“\"‘])|\n")
_WORD_BEFORE = re.compile(r"(\S+)$")
_INITIALISM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
"""Letters each with a point ("n.a.a.c.p", "i.r.s"): ends a sentence only before a capital."""
_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]?(\S)")


@cache
def _opening(language: str | None) -> re.Pattern[str]:
    """How a sentence of ``language`` opens, compiled once."""
    return re.compile(lang.get(language).sentences.opening)


def spans(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of every sentence of ``text``, spaces trimmed, by end punctuation,
    glued ends and paragraph breaks; the abbreviations are those of ``language`` (a code;
    None: the fallback's)."""
    words = lang.get(language).sentences
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        glued = m.start() == m.end()
        if m.group() != "\n" and not glued and not _ends_here(text, m.start(), m.end(), words):
            continue
        _trimmed(text, start, m.end() if m.group() != "\n" else m.start(), out)
        start = m.end()
    _trimmed(text, start, len(text), out)
    return out


def sentences(text: str, language: str | None = None, alone: bool = True) -> list[tuple[int, int]]:
    """(start, end) of each whole sentence of 6–60 words that starts as a sentence does (a
    capital, a digit or a quotation mark) and, with ``alone``, stands alone (``stands_alone``):
    the sentences a summary or a timeline may cite. Without ``alone``, a sentence that leans
    on the one before is kept too, for a caller that cites it with that one."""
    opening = _opening(language)
    return [
        (a, b)
        for a, b in spans(text, language)
        if MIN_WORDS <= len(text[a:b].split()) <= MAX_WORDS
        and opening.match(text, a)
        and (not alone or stands_alone(text[a:b], language))
    ]


_FIRST_WORD = re.compile(r"[^\W\d_]+")
_SET_OFF = re.compile(r",\s*([^\W\d_]+(?: [^\W\d_]+)?)\s*,")


def stands_alone(sentence: str, language: str | None = None) -> bool:
    """Whether a sentence means something cited alone: it neither opens with a word that points
    back to what came before it ("He said that ...", "However, ...") nor sets one off in its
    first clause ("The envoy, however, ..."), as the language lists them. A sentence opening
    with a quotation carries its own words."""
    if sentence[:1] in "\"'“‘":
        return True
    words = lang.get(language).sentences
    first = _FIRST_WORD.match(sentence)
    if first and first.group().lower() in words.leaning:
        return False
    inside = _SET_OFF.search(sentence, 0, 60)
    return not (inside and inside.group(1).lower() in words.leaning_inside)


def first_sentence(text: str, language: str | None = None) -> str:
    """The first sentence of ``text`` (all of it if it has no end)."""
    found = spans(text, language)
    return text[found[0][0] : found[0][1]] if found else ""


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
    if token in words.end_before_capital or _INITIALISM.fullmatch(token):
        nxt = _NEXT_WORD.match(text, after)
        return bool(nxt and nxt.group(1).isupper())
    return True


def _trimmed(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        out.append((a, b))
