"""Extractive summaries of events and stories: every sentence comes from a source.

The sentences of the articles (wire copies left out) are TF-IDF vectors; a sentence scores by
how central it is (cosine to the centroid of all of them) and by how many outlets say the
same (a sentence of another outlet with cosine ≥ ``SAME``); sentences are taken greedily,
best first, skipping any too like one already taken. Each carries citations — its own span
and the spans of the sentences that support it — and its support count ("reported by 3 of
5 outlets"). No sentence is generated: the text is a source's text, character for character.
Sentences are split as their article's language writes them, and the vectors leave out the
stop words of every language the articles are in (``lang``: English's for every article today,
as a language with no tables of its own takes English's).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from storyline import lang
from storyline.model import UNKNOWN_OUTLET, Article
from storyline.model.analyses import Citation, OnlyIn, Sentence
from storyline.sentences import sentences

SAME = 0.5  # cosine at which two sentences say the same thing
NEIGHBOURS = 500
"""The most like sentences kept per sentence: a text repeating a few words over and over
makes every sentence like every other, and the pairs must not grow with its square."""
PER_ARTICLE = 400
"""Sentences of one article weighed for summaries, from its start (news puts what matters
first; a long article's 400 sentences run to about 8,000 words): a text at the length limit
has 20,000, and every sentence is compared with every other."""


def outlet_key(article_id: str, outlet: str | None) -> str:
    """Whom a sentence counts as a source for support: its outlet, or for an article with no
    outlet the article itself (two such articles are two sources, neither named)."""
    return outlet or f"\x00{article_id}"


def shown(keys: set[str] | list[str]) -> list[str]:
    """Outlets as a page shows them: names sorted, articles of no known outlet as one
    "unknown outlet", never an id."""
    return sorted({UNKNOWN_OUTLET if k.startswith("\x00") else k for k in keys})


def once_per_article(rows: list[int], items: Sequence[Any]) -> list[int]:
    """``rows`` with each article once, its first row kept: a sentence and its backers cite
    an article once, however many of its sentences say the same. An item is a record with
    ``article_id`` or a tuple that starts with it."""
    seen: set[str] = set()
    out = []
    for r in rows:
        item = items[r]
        article = item[0] if isinstance(item, tuple) else item.article_id
        if article not in seen:
            seen.add(article)
            out.append(r)
    return out


class SentenceTable:
    """The sentences of some articles (wire copies left out) with their TF-IDF similarities,
    centrality and the outlets that say the same."""

    def __init__(self, article_ids: list[str], articles: dict[str, Article], copies: set[str]) -> None:
        self.items: list[tuple[str, str, int, int, str]] = []
        languages: set[str | None] = set()
        for aid in article_ids:
            art = articles.get(aid)
            if art is None or aid in copies or not art.text:
                continue
            languages.add(art.language)
            for a, b in sentences(art.text, art.language)[:PER_ARTICLE]:
                self.items.append((aid, outlet_key(aid, art.outlet), a, b, art.text[a:b]))
        self.outlets = sorted({o for _, o, *_ in self.items})
        self.same: list[np.ndarray] = []  # per sentence, the sentences with cosine >= SAME
        self.central = np.zeros(0)
        self.support: list[set[str]] = []
        if not self.items:
            return
        from sklearn.feature_extraction.text import TfidfVectorizer

        try:
            matrix = TfidfVectorizer(stop_words=lang.stop_words(languages), sublinear_tf=True).fit_transform(
                [t for *_, t in self.items]
            )
        except ValueError:  # nothing but stop words
            self.items = []
            return
        self.same = _same(matrix)
        centroid = np.asarray(matrix.mean(axis=0)).ravel()
        self.central = np.asarray(matrix @ centroid).ravel() / (float(np.linalg.norm(centroid)) or 1.0)
        for i in range(len(self.items)):
            same = {self.items[j][1] for j in self.same[i]}
            self.support.append(same | {self.items[i][1]})  # a stop-word sentence is like nothing

    def record(self, i: int) -> Sentence:
        """Sentence ``i`` with its citations (its own span first) and support."""
        aid, _, a, b, text = self.items[i]
        backers = once_per_article([i, *(int(j) for j in self.same[i] if j != i)], self.items)[1:]
        citations = [Citation(article_id=aid, start=a, end=b)] + [
            Citation(article_id=self.items[j][0], start=self.items[j][2], end=self.items[j][3])
            for j in backers
        ]
        return Sentence(
            text=text,
            citations=citations,
            support=len(self.support[i]),
            of_outlets=len(self.outlets),
            outlets=shown(self.support[i]),
        )

    def summary(self, size: int = 4) -> list[Sentence]:
        """Up to ``size`` sentences, best first: central and said by many outlets, no repeats."""
        items, support = self.items, self.support
        scores = [float(self.central[i]) * (1 + math.log(len(support[i]))) for i in range(len(items))]
        chosen: list[int] = []
        for i in sorted(range(len(items)), key=lambda i: (-scores[i], items[i][0], items[i][2])):
            if len(chosen) >= size:
                break
            if np.isin(chosen, self.same[i]).any():  # too like one already taken
                continue
            chosen.append(i)
        return [self.record(i) for i in chosen]

    def only_in(self, per_outlet: int = 2) -> list[OnlyIn]:
        """What one outlet reports that the others leave out: per outlet, its most central
        sentences that no other outlet's article says in similar words (TF-IDF cosine ≥
        ``SAME``; a paraphrase elsewhere is not recognised yet), when two outlets or more report."""
        if len(self.outlets) < 2:
            return []
        out: list[OnlyIn] = []
        for outlet in self.outlets:
            own = [
                i for i, item in enumerate(self.items) if item[1] == outlet and self.support[i] == {outlet}
            ]
            for i in sorted(own, key=lambda i: -float(self.central[i]))[:per_outlet]:
                out.append(OnlyIn(outlet=shown([outlet])[0], **self.record(i)))
        return out


def _same(matrix: Any, rows: int = 256, most: int = NEIGHBOURS) -> list[np.ndarray]:
    """For each row of a TF-IDF matrix, the rows with cosine >= ``SAME`` (sorted), at most
    ``most`` of them (the most like), found a block of rows at a time so memory grows with
    the pairs kept, not with all pairs (a dense matrix of a long story's 40,653 sentences
    took 17 GB)."""
    out: list[np.ndarray] = []
    for r in range(0, matrix.shape[0], rows):
        block = (matrix[r : r + rows] @ matrix.T).tocsr()
        block.data[block.data < SAME] = 0
        block.eliminate_zeros()
        block.sort_indices()
        for k in range(block.shape[0]):
            lo, hi = block.indptr[k], block.indptr[k + 1]
            cols = block.indices[lo:hi]
            if len(cols) > most:  # the most like (ties: any of them, the same each run)
                keep = np.argpartition(-block.data[lo:hi], most - 1, kind="introselect")[:most]
                cols = np.sort(cols[keep])
            out.append(cols.copy())
    return out


def summarise(
    article_ids: list[str],
    articles: dict[str, Article],
    copies: set[str],
    size: int = 4,
) -> list[Sentence]:
    """Up to ``size`` source sentences with citations and support counts, best first."""
    return SentenceTable(article_ids, articles, copies).summary(size)


def only_in(
    article_ids: list[str],
    articles: dict[str, Article],
    copies: set[str],
    per_outlet: int = 2,
) -> list[OnlyIn]:
    """What one outlet alone reports, see ``SentenceTable.only_in``."""
    return SentenceTable(article_ids, articles, copies).only_in(per_outlet)
