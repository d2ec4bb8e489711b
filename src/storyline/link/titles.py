"""An event's title: the headline most central to its articles (the one sharing most words
with the others' headlines), or, where no article has a headline, the first sentence of the
earliest article cut at a word; never a headline run into its lede and cut mid-word."""

from __future__ import annotations

import re
from collections import Counter

from storyline.model import Article
from storyline.sentences import first_sentence

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
        return cut_title(heads[0][1])
    sets = [_words(h) for _, h in heads]
    df = Counter(w for s in sets for w in s)
    best = max(
        range(len(heads)),
        key=lambda i: (sum(df[w] - 1 for w in sets[i]) / (len(sets[i]) or 1), -i),
    )
    return cut_title(heads[best][1])
