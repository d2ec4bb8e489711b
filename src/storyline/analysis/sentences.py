"""Sentences of an article's text for summaries and timelines: whole sentences only, never cut
at a decimal ("7.0-magnitude", "$ 3.5 billion"), an abbreviation ("Feb.", "Gov.", "U.S.") or
an initial ("J. Smith"), and never a fragment (a piece starting in lower case, left by a line
break inside a sentence). A cited unit is what the article says, whole."""

from __future__ import annotations

import re

MIN_WORDS, MAX_WORDS = 6, 60

# A boundary: end punctuation, closing quotes or brackets, then a space (or the end); a
# paragraph break always ends a sentence.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)|\n")
_WORD_BEFORE = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]?(\S)")
# Never end a sentence: titles, months, "vs." (single initials neither)
_NEVER = frozenset(
    ("mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr",
     "adm", "maj", "st", "rev", "hon", "pres", "supt", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
     "sep", "sept", "oct", "nov", "dec", "nos", "vs", "fig", "approx")
)  # fmt: skip
# End a sentence only before a capital: "in the U.S. The ...", "at 9 a.m. Police ...".
_BEFORE_CAPITAL = frozenset(
    ("u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "etc", "inc", "corp", "co", "ltd", "jr", "sr", "bros", "dept")
)  # fmt: skip
_OPENS = re.compile(r"[\"'“‘(\[]*[A-Z0-9À-ÞА-Я]")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each whole sentence of 6–60 words that starts as a sentence does (a
    capital, a digit or a quotation mark), by end punctuation and paragraph breaks."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group() != "\n" and not _ends_here(text, m.start(), m.end()):
            continue
        _keep(text, start, m.end() if m.group() != "\n" else m.start(), out)
        start = m.end()
    _keep(text, start, len(text), out)
    return out


def _ends_here(text: str, dot: int, after: int) -> bool:
    """Whether the punctuation at ``dot`` ends the sentence (not an abbreviation's point)."""
    if text[dot] != "." or after - dot > 1:
        return True  # "!", "?", "...", or a point with a closing quote
    word = _WORD_BEFORE.search(text, max(0, dot - 40), dot)  # bounded: no pass over the text
    if word is None:
        return True
    token = word.group(1).lstrip("\"'“‘([").lower()
    if token in _NEVER or (len(token) == 1 and token.isalpha()):
        return False
    if token in _BEFORE_CAPITAL:
        nxt = _NEXT_WORD.match(text, after)
        return bool(nxt and nxt.group(1).isupper())
    return True


def _keep(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b and MIN_WORDS <= len(text[a:b].split()) <= MAX_WORDS and _OPENS.match(text, a):
        out.append((a, b))
