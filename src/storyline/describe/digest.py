"""Digest splitting: one file that holds several articles becomes several articles.

A new article starts at a headline-like paragraph in the middle of the text (several words,
no sentence end) that is followed by a prose lede and preceded by a complete story. Short
subheadings ("What happens next") and questions are not taken for headlines.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from storyline.clean.boilerplate import ends_sentence
from storyline.describe.header import is_headline_like, word_count
from storyline.model import Article, Removed, part_id


@dataclass(frozen=True)
class DigestOptions:
    """Thresholds for recognising where one article in a digest ends and the next begins."""

    min_headline_words: int = 6
    min_words_before: int = 60
    min_lede_words: int = 20


def split_points(paragraphs: list[str], opts: DigestOptions | None = None) -> list[int]:
    """Indices of paragraphs that start a new article (never 0)."""
    o = opts or DigestOptions()
    points = []
    words_before = 0
    for i, para in enumerate(paragraphs):
        if (
            i > 0
            and words_before >= o.min_words_before
            and i + 1 < len(paragraphs)
            and is_headline_like(para, o.min_headline_words, 20)
            and not ends_sentence(para, "?")
            and word_count(paragraphs[i + 1]) >= o.min_lede_words
        ):
            points.append(i)
            words_before = 0
            continue
        words_before += word_count(para)
    return points


def split_digest(article: Article, opts: DigestOptions | None = None) -> list[Article]:
    """Split a cleaned article at its digest boundaries; a single article comes back alone."""
    if article.format != "text":
        return [article]
    paragraphs = article.text.split("\n\n") if article.text else []
    points = split_points(paragraphs, opts)
    if not points:
        return [article]
    bounds = [0, *points, len(paragraphs)]
    parts = []
    for k in range(len(bounds) - 1):
        lo, hi = bounds[k], bounds[k + 1]
        removed = [
            replace(r, position=(r.position - lo) if r.position is not None else None)
            for r in article.removed
            if _belongs(r, lo, hi, last=k == len(bounds) - 2)
        ]
        number = k + 1
        parts.append(
            replace(
                article,
                id=part_id(article.content_hash, number),
                source=replace(article.source, part=number),
                text="\n\n".join(paragraphs[lo:hi]),
                removed=removed,
                hints=dict(article.hints),
                credits=list(article.credits),
                stages=list(article.stages),
            )
        )
    return parts


def _belongs(span: Removed, lo: int, hi: int, last: bool) -> bool:
    pos = span.position
    if pos is None:
        return lo == 0
    return lo <= pos < hi or (last and pos >= hi)
