"""Timelines: dated entries of a story, each one happening, cited and counted.

Every sentence of the story's articles (wire copies left out) gets the date it is about: the
full calendar date of a time expression in it (resolved by the read stage against the
article's date), else its article's publication date. Dates are ranked by how many sentences
of other articles point at them and how many articles appeared that day (the "datewise"
idea of Ghalandari & Ifrim 2020, unsupervised); for each of the top dates the sentences most
central to that date are taken, skipping repeats. An entry is ``said`` when a quote or
statement of the read stage lies in it, ``planned`` when it points past its article's
date, else ``happened``; a background fact ("Moscow launched its operation on February 24")
lands on its own date, not the article's. Each entry carries citations for every source
that reports it and a support count.

Sentences are split, and a statement's modal verbs read, as the article's language writes
them; the vectors leave out the stop words of every language the articles are in (``lang``:
English's for every article today, as a language with no tables of its own takes English's).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from storyline import lang
from storyline.analysis.summaries import SAME, once_per_article, outlet_key, shown
from storyline.model import Article
from storyline.model.analyses import Citation, TimelineEntry
from storyline.sentences import sentences
from storyline.spans import SpanIndex

_FULL = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_OR_DAY = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
CORROBORATE = 0.15  # cosine at which an article of the same event, same date, supports a sentence


@cache
def _modals(language: str | None) -> re.Pattern[str]:
    """The modal verbs of ``language`` (a code; None: the fallback's), compiled once."""
    return re.compile(lang.get(language).speech.modals, re.IGNORECASE)


def _year_in_span(value: str, first: str | None, last: str | None) -> str | None:
    """A yearless date ("XXXX-02-24", an undated article's "February 24") with the one year
    that puts it inside the story's span (a month either side), when exactly one does."""
    if not (first and last and re.fullmatch(r"XXXX-\d{2}-\d{2}", value)):
        return None
    lo = (dt.date.fromisoformat(first[:10]) - dt.timedelta(days=31)).isoformat()
    hi = (dt.date.fromisoformat(last[:10]) + dt.timedelta(days=31)).isoformat()
    fits = [f"{y}{value[4:]}" for y in range(int(lo[:4]), int(hi[:4]) + 1)]
    fits = [d for d in fits if lo <= d <= hi]
    return fits[0] if len(fits) == 1 else None


@dataclass(frozen=True, slots=True)
class _Item:
    """A sentence of a story's article with the date it is about."""

    article_id: str
    outlet: str  # whom it counts as a source for (``outlet_key``)
    start: int
    end: int
    text: str
    date: str
    stated: bool  # the date is a time expression of the sentence, not its article's date
    kind: str  # happened | said | planned
    lead: bool  # among the first five sentences of its article
    published: str | None


def _items(
    article_ids: list[str], articles: dict[str, Article], copies: set[str], months: bool
) -> list[_Item]:
    days = sorted(p[:10] for a in article_ids if a in articles and (p := articles[a].published))
    first, last = (days[0], days[-1]) if days else (None, None)
    items = []
    for aid in article_ids:
        art = articles.get(aid)
        if art is None or aid in copies or not art.text:
            continue
        text, published = art.text, art.published
        modals = _modals(art.language)
        pattern = _MONTH_OR_DAY if months else _FULL
        timexes: list[tuple[int, str]] = []  # (start, value) of the time expressions of a day or month
        for t in art.timexes:
            value = t.value or ""
            if not published:
                value = _year_in_span(value, first, last) or value
            if pattern.match(value):
                timexes.append((t.start, value))
        # A sentence is a statement when it quotes someone, or reports an opinion, warning or
        # intention ("X said Y would ..."); "talks broke down, officials said" still happened.
        statements = SpanIndex(
            [(q.start, q.end) for q in art.quotes if q.kind != "indirect" or modals.search(q.text or "")]
        )
        timexes.sort(key=lambda t: t[0])  # stable: the first stated in a sentence first
        dated = SpanIndex([(start, start + 1) for start, _ in timexes])
        for n, (a, b) in enumerate(sentences(text, art.language)):
            stated = [timexes[i][1] for i in dated.starting_in(a, b)]
            date = stated[0] if stated else published
            if not date:
                continue
            said = statements.overlaps(a, b)
            kind = "planned" if published and date > published else "said" if said else "happened"
            items.append(
                _Item(
                    aid,
                    outlet_key(aid, art.outlet),
                    a,
                    b,
                    text[a:b],
                    date,
                    bool(stated),
                    kind,
                    n < 5,
                    published,
                )
            )
    return items


def build_timeline(
    article_ids: list[str],
    articles: dict[str, Article],
    copies: set[str] | None = None,
    dates: int | None = None,
    per_date: int = 1,
    keywords: list[str] | None = None,
    months: bool = True,
    events: dict[str, str] | None = None,
) -> list[TimelineEntry]:
    """Timeline entries, in date order. ``dates`` defaults to one per distinct date, at most
    20; ``keywords`` (lower case), when given, keep only sentences that name one; ``months``
    lets a sentence about a month ("late November") be an entry of that month (2022-11);
    ``events`` (article → event) lets articles of one event corroborate each other's
    sentences of the same date at a lower similarity (``CORROBORATE``)."""
    items = _items(article_ids, articles, copies or set(), months)
    if keywords:
        items = [i for i in items if any(k in i.text.lower() for k in keywords)]
    if not items:
        return []
    chosen_dates = _top_dates(items, articles, dates)
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        stop_words = lang.stop_words({articles[i.article_id].language for i in items})
        vectoriser = TfidfVectorizer(stop_words=stop_words, sublinear_tf=True)
        matrix = vectoriser.fit_transform([i.text for i in items])
    except ValueError:
        return []
    by_date: dict[str, list[int]] = defaultdict(list)
    for n, i in enumerate(items):
        if i.stated or i.lead:  # undated sentences count only near the top of an article
            by_date[i.date].append(n)
    entries = []
    for date in sorted(chosen_dates):
        rows = by_date.get(date, [])
        if rows:
            entries += _entries_of_day(date, rows, items, matrix, per_date, events)
    return entries


def _top_dates(items: list[_Item], articles: dict[str, Article], dates: int | None) -> list[str]:
    """The most important dates: sentences of other articles that point at the date, and
    articles published that day (half as much)."""
    pointed: Counter[str] = Counter()
    for i in items:
        if i.stated and i.date != i.published:
            pointed[i.date] += 1
    of_day = Counter(articles[a].published for a in {i.article_id for i in items})
    published = Counter({d: n for d, n in of_day.items() if d})
    score = {d: pointed[d] + 0.5 * published[d] for d in {i.date for i in items}}
    wanted = dates if dates is not None else min(20, len(score))
    return sorted(score, key=lambda d: (-score[d], d))[:wanted]


def _entries_of_day(
    date: str,
    rows: list[int],
    items: list[_Item],
    matrix: Any,
    per_date: int,
    events: dict[str, str] | None,
) -> list[TimelineEntry]:
    """A day's entries: its sentences most central to the day, supported by the outlets that
    say the same (in other words too, within one event), without repeats."""
    sub = matrix[rows]
    centroid = np.asarray(sub.mean(axis=0)).ravel()
    central = np.asarray(sub @ centroid).ravel()
    sim = (sub @ sub.T).toarray()
    # corroboration: another article of the same event, on this date, whose sentence is
    # like it (the same happening in other words) supports it too
    like = sim >= SAME
    if events:
        of = [events.get(items[x].article_id) for x in rows]
        same_event = np.array(
            [
                [
                    of[a] is not None and of[a] == of[b] and items[x].article_id != items[y].article_id
                    for b, y in enumerate(rows)
                ]
                for a, x in enumerate(rows)
            ]
        )
        like |= same_event & (sim >= CORROBORATE)
    support = [
        {items[rows[x]].outlet for x in np.nonzero(like[r])[0]} | {items[rows[r]].outlet}
        for r in range(len(rows))
    ]
    ranking = [float(central[r]) * (1 + np.log(len(support[r]))) for r in range(len(rows))]
    # the day leads with what happened (its best "happened" sentence), then what was said
    order = sorted(range(len(rows)), key=lambda r: (-ranking[r], items[rows[r]].article_id))
    lead = next(([r] for r in order if items[rows[r]].kind == "happened"), [])
    picked: list[int] = []
    for r in lead + [r for r in order if r not in lead]:
        if len(picked) >= per_date:
            break
        if any(sim[r, p] >= SAME for p in picked):
            continue
        picked.append(r)
    entries: list[TimelineEntry] = []
    for r in picked:
        i = items[rows[r]]
        backers = [rows[x] for x in np.nonzero(like[r])[0]]
        cited = once_per_article([rows[r], *(b for b in backers if b != rows[r])], items)
        citations = [
            Citation(article_id=items[x].article_id, start=items[x].start, end=items[x].end) for x in cited
        ]
        entries.append(
            TimelineEntry(
                date=date,
                text=i.text,
                kind=i.kind,
                citations=citations,
                support=len(support[r]),
                outlets=shown(support[r]),
            )
        )
    return entries
