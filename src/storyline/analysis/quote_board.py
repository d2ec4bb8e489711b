"""The quote board of a story: the same quotation as different outlets print it.

Quotations (and reported statements) of one story are grouped when their words match closely
(rapidfuzz), or when one speaker's share a run of four words or more ("defend every inch of
NATO territory" / "defend every square inch of NATO territory"); each group shows every
version — verbatim, altered, a paraphrase presented as a quote, or reported speech — and
where it first appeared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import numpy as np
from rapidfuzz import fuzz

from storyline.model import Article, Story
from storyline.model.analyses import BoardGroup, Version

SAME_QUOTE = 80.0  # token-set similarity of two quotations of one story
QUOTE_DAYS = 14  # versions of one quotation are printed within two weeks of each other
VERBATIM = 97.0


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@dataclass(slots=True)
class _Quoted:
    """A quote of one of the story's articles, as the board compares it."""

    article_id: str
    outlet: str | None
    published: str | None
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_entity_id: str | None
    norm: str  # its words, lower case
    quoted: bool  # a quotation (not reported speech)


def quote_board(story: Story, articles: dict[str, Article], copies: set[str]) -> list[BoardGroup]:
    """Groups of versions of one quotation across the story's outlets."""
    quotes = []
    for aid in story.article_ids:
        art = articles.get(aid)
        if art is None or aid in copies:
            continue
        for note in art.quotes:
            if len(note.text.split()) < 4:
                continue
            quotes.append(
                _Quoted(
                    article_id=aid,
                    outlet=art.outlet,
                    published=art.published,
                    text=note.text,
                    start=note.start,
                    end=note.end,
                    speaker=note.speaker_resolved or note.speaker,
                    speaker_entity_id=note.speaker_entity_id,
                    norm=_norm(note.text),
                    quoted=note.kind != "indirect",
                )
            )
    if not any(q.quoted for q in quotes):
        return []  # a board group shows a quotation: with none, no grouping is needed
    groups = [[quotes[i] for i in members] for members in _group(quotes)]
    board = []
    for group in groups:
        if len({q.article_id for q in group}) < 2 or not any(q.quoted for q in group):
            continue  # a quotation printed by two articles at least
        group.sort(key=lambda q: (q.published or "9999", q.article_id))
        first = group[0]
        reference = next(q for q in group if q.quoted)  # the earliest printed quotation
        versions = []
        for q in group:
            score = fuzz.ratio(q.norm, reference.norm)
            if not q.quoted:
                kind = "reported speech"  # the same words as an indirect statement
            elif q is reference:
                kind = "quotation"
            elif score >= VERBATIM:
                kind = "verbatim"
            elif score >= SAME_QUOTE:
                kind = "altered"
            else:
                kind = "paraphrase presented as a quote"
            versions.append(
                Version(
                    article_id=q.article_id,
                    outlet=q.outlet,
                    published=q.published,
                    text=q.text,
                    start=q.start,
                    end=q.end,
                    speaker=q.speaker,
                    kind=kind,
                    similarity=round(score, 1),
                    first=q is first,
                )
            )
        board.append(
            BoardGroup(
                speaker=first.speaker,
                speaker_entity_id=first.speaker_entity_id,
                first_article_id=first.article_id,
                first_outlet=first.outlet,
                outlets=len({q.outlet for q in group}),
                versions=versions,
            )
        )
    return board


def _group(quotes: list[_Quoted], rows: int = 1000) -> list[list[int]]:
    """Quotations (by index) grouped: each joins the first group holding a version of it,
    else starts one."""
    groups: list[list[int]] = []
    group_of: list[int] = []
    for i, near in enumerate(_versions(quotes, rows)):
        found = [group_of[j] for j in near if j < i]
        group_of.append(min(found) if found else len(groups))
        if not found:
            groups.append([])
        groups[group_of[i]].append(i)
    return groups


def _versions(quotes: list[_Quoted], rows: int = 1000) -> list[set[int]]:
    """For each quotation, the others (of other articles, printed within ``QUOTE_DAYS`` of
    it when both are dated) that are versions of it: a token-set similarity of at least
    ``SAME_QUOTE``, or the same speaker's words sharing a run of four words ("defend every
    inch of NATO", found through an index of word 4-grams). Similarities are computed by
    rapidfuzz cdist, ``rows`` quotations in date order against those near them in time, so a
    long story's quotations are not compared all against all."""
    from bisect import bisect_left, bisect_right

    from rapidfuzz import process

    norms = [q.norm for q in quotes]
    days = [_ordinal(q.published) for q in quotes]
    near: list[set[int]] = [set() for _ in quotes]

    def add(i: int, j: int) -> None:
        if i == j or quotes[i].article_id == quotes[j].article_id:
            return
        di, dj = days[i], days[j]
        if di is None or dj is None or abs(di - dj) <= QUOTE_DAYS:
            near[i].add(j)
            near[j].add(i)

    dated = sorted((d, i) for i, d in enumerate(days) if d is not None)
    order, sorted_days = [i for _, i in dated], [d for d, _ in dated]
    undated = [i for i, d in enumerate(days) if d is None]
    blocks = []
    for k in range(0, len(order), rows):
        lo = bisect_left(sorted_days, sorted_days[k] - QUOTE_DAYS)
        hi = bisect_right(sorted_days, sorted_days[min(k + rows, len(order)) - 1] + QUOTE_DAYS)
        blocks.append((order[k : k + rows], order[lo:hi] + undated))
    for k in range(0, len(undated), rows):
        blocks.append((undated[k : k + rows], list(range(len(quotes)))))
    for core, others in blocks:
        scores = process.cdist(
            [norms[i] for i in core],
            [norms[j] for j in others],
            scorer=fuzz.token_set_ratio,
            score_cutoff=SAME_QUOTE,
            dtype=np.float32,
        )
        for u, v in zip(*np.nonzero(scores >= SAME_QUOTE), strict=True):
            add(core[int(u)], others[int(v)])
    runs: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for i, q in enumerate(quotes):
        if q.speaker_entity_id:
            words = q.norm.split()
            for gram in {tuple(words[k : k + 4]) for k in range(len(words) - 3)}:
                runs.setdefault((q.speaker_entity_id, gram), []).append(i)
    for members in runs.values():
        for a, i in enumerate(members):
            for j in members[a + 1 :]:
                add(i, j)
    return near


def _ordinal(value: str | None) -> int | None:
    try:
        return date.fromisoformat(value[:10]).toordinal() if value else None
    except ValueError:
        return None
