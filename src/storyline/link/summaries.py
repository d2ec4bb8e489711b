"""Extractive summaries of events and stories: every sentence comes from a source.

The sentences of the articles (wire copies left out) are TF-IDF vectors; a sentence scores by
how central it is (cosine to the centroid of all of them) and by how many outlets say the
same (a sentence of another outlet with cosine ≥ ``SAME``); sentences are taken greedily,
best first, skipping any too like one already taken. Each carries citations — its own span
and the spans of the sentences that support it — and its support count ("reported by 3 of
5 outlets"). No sentence is generated: the text is a source's text, character for character.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np

SAME = 0.5  # cosine at which two sentences say the same thing
_SENTENCE = re.compile(r"[^\n.!?]*(?:[.!?]+[\"”’)]*|$)")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of 6–60 words, by punctuation and paragraph breaks."""
    out = []
    for m in _SENTENCE.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        words = len(text[a:b].split())
        if 6 <= words <= 60:
            out.append((a, b))
    return out


def summarise(
    article_ids: list[str],
    articles: dict[str, dict[str, Any]],
    copies: set[str],
    size: int = 4,
) -> list[dict[str, Any]]:
    """Up to ``size`` source sentences with citations and support counts, best first."""
    items = []
    for aid in article_ids:
        art = articles.get(aid)
        if art is None or aid in copies or not art.get("text"):
            continue
        for a, b in sentences(art["text"]):
            items.append((aid, art.get("outlet") or f"({aid})", a, b, art["text"][a:b]))
    if not items:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
            [t for *_, t in items]
        )
    except ValueError:  # nothing but stop words
        return []
    sim = (matrix @ matrix.T).toarray()
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = float(np.linalg.norm(centroid)) or 1.0
    central = (matrix @ centroid) / norm
    outlets = sorted({o for _, o, *_ in items})
    support = []
    for i in range(len(items)):
        same = {items[j][1] for j in np.nonzero(sim[i] >= SAME)[0]} | {items[i][1]}
        support.append(same)  # (a sentence of stop words only is like nothing, not even itself)
    scores = [float(central[i]) * (1 + math.log(len(support[i]))) for i in range(len(items))]
    chosen: list[int] = []
    for i in sorted(range(len(items)), key=lambda i: (-scores[i], items[i][0], items[i][2])):
        if len(chosen) >= size:
            break
        if any(sim[i, j] >= SAME for j in chosen):
            continue
        chosen.append(i)
    out = []
    for i in chosen:
        aid, _, a, b, text = items[i]
        backers = [j for j in np.nonzero(sim[i] >= SAME)[0] if j != i]
        citations = [{"article_id": aid, "start": a, "end": b}] + [
            {"article_id": items[j][0], "start": items[j][2], "end": items[j][3]} for j in backers
        ]
        out.append({
            "text": text, "citations": citations, "support": len(support[i]),
            "of_outlets": len(outlets), "outlets": sorted(support[i]),
        })  # fmt: skip
    return out
