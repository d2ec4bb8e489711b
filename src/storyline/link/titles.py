"""An event's title: the headline most central to its articles (the one sharing most words
with the others' headlines), or, where no article has a headline, the first sentence of the
earliest article cut at a word; never a headline run into its lede and cut mid-word, never a
headline cut inside an abbreviation ("N.A.A.C.P. Votes to ..."), never a caption or byline
glued to it."""

from __future__ import annotations

import re
from collections import Counter

from storyline import lang
from storyline.model import Article
from storyline.sentences import first_sentence, spans

TITLE_CHARS = 110
_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 2}


def cut_title(text: str, limit: int = TITLE_CHARS) -> str:
    """``text``'s first sentence, cut at a word to about ``limit`` characters."""
    text = " ".join(text.split())
    first = first_sentence(text) or text
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;:-–—") + "…"


def headline_title(headline: str, limit: int = TITLE_CHARS, language: str | None = None) -> str:
    """A headline as a title: whole, cut at a word to about ``limit`` characters, and only
    where a caption or byline was glued to it. Running text's splitter ends a sentence after
    an initialism before a capital ("in the U.S. The ..."), but a headline in title case puts
    a capital after every one ("N.A.A.C.P. Votes to ...", "Texas Rep. Smith Files ..."): here
    a headline ends only at a point after a word, never after an abbreviation or initialism."""
    text = " ".join(headline.split())
    words = lang.get(language).sentences
    for _, end in spans(text, language):
        last = text[:end].rsplit(" ", 1)[-1].rstrip("\"'”’)]")
        token = last.rstrip(".!?")
        if end < len(text) and last != token and _ends_a_headline(token, words):
            text = text[:end]  # a caption or another piece runs on after it
            break
    by = re.search(r"\s(?=by\s)", text, re.IGNORECASE)
    byline = by and re.match(lang.get(language).credits.byline, text[by.end() :], re.IGNORECASE)
    if by and byline and byline.group("role") and len(text[: by.start()].split()) >= 3:
        text = text[: by.start()].rstrip(" ,;:-–—|")  # "... By Anna Petrov, Reuters"
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:-–—") + "…"


def _ends_a_headline(token: str, words: lang.Sentences) -> bool:
    """Whether a point after ``token`` ends a headline: a word, no initialism ("U.S"), no
    abbreviation ("Rep", "Inc"), no single letter."""
    low = token.lower()
    return len(token) > 1 and "." not in token and low not in words.never_end | words.end_before_capital


def lede(arts: list[Article], limit: int = 200) -> str:
    """The first sentence of the earliest article with text, cut at a word: what a list
    shows under a title."""
    order = sorted(arts, key=lambda a: (a.published or "9999", a.id))
    text = next((a.text for a in order if a.text), "")
    return cut_title(text, limit)


def representative_title(arts: list[Article]) -> str:
    """The title of a group of articles: the headline whose words the others' headlines share
    most, ties to the earliest."""
    order = sorted(arts, key=lambda a: (a.published or "9999", a.id))
    heads = [(a, " ".join((a.headline or "").split())) for a in order]
    heads = [(a, h) for a, h in heads if h]
    if not heads:
        return cut_title(order[0].text) if order else ""
    if len(heads) == 1:
        return headline_title(heads[0][1], language=heads[0][0].language)
    sets = [_words(h) for _, h in heads]
    df = Counter(w for s in sets for w in s)
    best = max(
        range(len(heads)),
        key=lambda i: (sum(df[w] - 1 for w in sets[i]) / (len(sets[i]) or 1), -i),
    )
    return headline_title(heads[best][1], language=heads[best][0].language)
