"""Conflicting claims: one quantity (``quantity`` of a claim: deaths, injured, a unit) in one
event reported with values that cannot both be true by different outlets, every value cited.

Only real disagreements: two reports must say the same thing: their frames (what the
number counts, the predicate that governs it, the words between, who or what it is about:
``read.claim_frames``) agree, so that a leak rate and a collection rate, or a plume's length
and its width, are never one quantity, and a measure ("50 miles") must say what it measures;
a number counted in addition to others ("another 15") is no total. Claims read before
frames existed fall back to their sentences sharing ``SAME_THING`` of their content words
where the unit only measures. They must also count the same thing ("workers killed" and
"birds killed" do not), about the same time (claim dates at most ``SAME_TIME_DAYS`` apart,
where both have one), at the same rate ("a day" against a total is no disagreement), and
their values must exclude each other once qualifiers are read ("at least 11" and "15"
agree; "about 200" and "210" agree; "11" and "15" do not). A figure is no claim to compare
when it is a background one (its sentence writes out a year other than its claim's: "the
2005 blast killed 15"), a conversion in brackets ("5,000 barrels (210,000 gallons)"), one
end of a range ("35,000 to 60,000"), or a hypothetical (could, would, if, worst case,
capacity). Quantities that are tokeniser debris ("#", "-rrb-") are no quantity. Wire copies
are not counted as separate reports.

The words read (qualifiers, ranges, hypotheticals, rates, measures, what a count counts) are
those of each claim's article's language (``lang.Numbers``); a language with no tables of its
own takes English's, as every article did before languages were data."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache

from storyline import lang
from storyline.model import Article, Claim, ClaimFrame, Event
from storyline.model.analyses import ClaimReport, Conflict, FrameData

SAME_TIME_DAYS = 2
SAME_THING = 0.2
"""Share of content words (Jaccard) two claim sentences must have in common to be about one thing."""
ABOUT = 0.1
"""How far "about 200" reaches either way, as a share of the value."""
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_WORDY = re.compile(r"[a-z]{2,}")
_BRACKETS = re.compile(r"(?:-LRB-|\()[^()]*?(?:-RRB-|\))")
_CONTENT = re.compile(r"[a-z]{3,}")


@dataclass(frozen=True)
class _Words:
    """One language's words of numbers as conflicts read them, compiled."""

    numbers: lang.Numbers
    ranges: re.Pattern[str]
    hypothetical: re.Pattern[str]
    rate: re.Pattern[str]


@cache
def _words(language: str | None) -> _Words:
    """The words of numbers of ``language`` (a code; None: the fallback's), compiled once."""
    numbers = lang.get(language).numbers
    return _Words(
        numbers,
        re.compile(numbers.ranges, re.IGNORECASE),
        re.compile(numbers.hypothetical, re.IGNORECASE),
        re.compile(numbers.rate, re.IGNORECASE),
    )


@dataclass(slots=True)
class _Report:
    """One countable claim of an event's article, as conflicts compare it."""

    article_id: str
    event_id: str
    outlet: str | None
    value: float
    qualifier: str | None
    unit: str
    source: str | None
    start: int  # the number's span
    end: int
    sentence: str
    claim_date: str | None
    at: int  # where the number starts in its sentence
    frame: ClaimFrame | None
    words: _Words  # its article's language's

    def record(self) -> ClaimReport:
        return ClaimReport(
            article_id=self.article_id,
            event_id=self.event_id,
            outlet=self.outlet,
            value=self.value,
            qualifier=self.qualifier,
            unit=self.unit,
            source=self.source,
            start=self.start,
            end=self.end,
            sentence=self.sentence,
            claim_date=self.claim_date,
            frame=_frame_data(self.frame) if self.frame else None,
        )


def _frame_data(f: ClaimFrame) -> FrameData:
    return FrameData(
        thing=f.thing, predicate=f.predicate, path=f.path, about=f.about, names=f.names, scope=f.scope
    )


def conflicts(events: list[Event], articles: dict[str, Article], copies: set[str]) -> list[Conflict]:
    """Quantities one event's outlets report with values that exclude each other, each
    conflicting report cited; then reports in different events of the story whose frames
    name one subject ("the Deepwater Horizon ... 40 miles off the coast"), as a name is
    evidence of one thing that an event is not needed for. ``basis`` says which."""
    out = []
    pooled: dict[str, list[_Report]] = {}
    for event in events:
        by_quantity = _reports(event, articles, copies)
        for quantity, reports in sorted(by_quantity.items()):
            involved = _disagreeing(reports, quantity)
            if involved:
                out.append(_conflict(quantity, involved, "one event"))
            pooled.setdefault(quantity, []).extend(r for r in reports if r.frame and r.frame.names)
    for quantity, named in sorted(pooled.items()):
        if len({r.event_id for r in named}) < 2:
            continue
        named = named[:ACROSS_MAX]
        involved = _disagreeing(named, quantity, _across(named))
        if involved:
            out.append(_conflict(quantity, involved, "one named subject"))
    return out


def aligned_conflicts(
    event: Event,
    articles: dict[str, Article],
    copies: set[str],
    aligned: Callable[[str, int, str, int], bool],
) -> list[Conflict]:
    """Quantities one event's outlets report with values that exclude each other in sentences
    the alignment ties (``aligned(article, number start, article, number start)``): the rule
    above, but two aligned sentences tell one thing, so their frames need not agree word for
    word (one act named with two verbs); the quantity, the thing counted, the time, the rate
    and the scope ("another 15") still must."""
    out = []
    for quantity, reports in sorted(_reports(event, articles, copies).items()):

        def allowed(i: int, j: int, reports: list[_Report] = reports) -> bool:
            a, b = reports[i], reports[j]
            return aligned(a.article_id, a.start, b.article_id, b.start)

        involved = _disagreeing(reports, quantity, allowed, frames=False)
        if involved:
            out.append(_conflict(quantity, involved, "aligned sentences"))
    return out


def _across(named: list[_Report]) -> Callable[[int, int], bool]:
    """Pairs of reports in different events whose frames share a name."""
    names = [set(r.frame.names if r.frame else ()) for r in named]

    def allowed(i: int, j: int) -> bool:
        return named[i].event_id != named[j].event_id and bool(names[i] & names[j])

    return allowed


ACROSS_MAX = 1000
"""Named reports of one quantity compared across a story's events, at most (pairs grow with the square)."""


def _conflict(quantity: str, involved: list[_Report], basis: str) -> Conflict:
    events = sorted({r.event_id for r in involved}, key=lambda e: (len(e), e))
    return Conflict(
        event_id=events[0],
        event_ids=events,
        basis=basis,
        quantity=quantity,
        values=sorted({r.value for r in involved}),
        reports=[r.record() for r in involved],
    )


def _reports(event: Event, articles: dict[str, Article], copies: set[str]) -> dict[str, list[_Report]]:
    """The countable claims of an event's articles (wire copies left out), by quantity."""
    by_quantity: dict[str, list[_Report]] = {}
    for aid in event.article_ids:
        art = articles.get(aid)
        if art is None or aid in copies:
            continue
        words = _words(art.language)
        for c in art.claims:
            if not _countable(c, words):
                continue
            by_quantity.setdefault(c.quantity, []).append(
                _Report(
                    article_id=aid,
                    event_id=event.id,
                    outlet=art.outlet,
                    value=c.value,
                    qualifier=c.qualifier,
                    unit=c.unit,
                    source=c.source,
                    start=c.number_start,
                    end=c.number_end,
                    sentence=c.text,
                    claim_date=c.claim_date,
                    at=c.number_start - c.start,
                    frame=c.frame,
                    words=words,
                )
            )
    return by_quantity


def _countable(claim: Claim, words: _Words) -> bool:
    """A claim that can conflict: a named quantity with a unit (not a share or an amount of
    money, not debris), a value, and no year in its sentence other than its own date's; not
    a conversion, one end of a range or a hypothetical, as ``words`` write them."""
    quantity = claim.quantity or ""
    if not quantity or quantity in ("percent", "currency") or not claim.unit:
        return False
    if not _WORDY.search(quantity.lower()) or "-rrb-" in quantity or "-lrb-" in quantity:
        return False
    if claim.value is None:
        return False
    sentence = claim.text or ""
    years = set(_YEAR.findall(sentence))
    own = (claim.claim_date or "")[:4]
    if years and years != {own}:
        return False
    at = claim.number_start - claim.start
    if any(m.start() <= at < m.end() for m in _BRACKETS.finditer(sentence)):
        return False  # a conversion of the figure before it
    near = sentence[max(0, at - 12) : at + 24]
    return not (words.ranges.search(near) or words.hypothetical.search(sentence))


def _measure(quantity: str, numbers: lang.Numbers) -> bool:
    """Whether a quantity is a measurement unit, naming no thing ("miles", "-foot", "barrels of oil")."""
    first = re.findall(r"[a-z]+", quantity.lower())
    return bool(first) and first[0] in numbers.measures


def _counted(report: _Report) -> set[str]:
    """What a count names ("workers" of "workers killed"; nothing for "death toll")."""
    numbers = report.words.numbers
    return {
        w
        for w in _CONTENT.findall(report.unit.lower())
        if w not in numbers.generic_units and w not in numbers.claim_stop_words
    }


def _rate(report: _Report) -> str:
    """The time unit a figure is given per ("day" in "5,000 barrels a day", "daily"), or ""."""
    sentence, at = report.sentence, report.at
    m = report.words.rate.search(sentence, at, at + 60)
    if m is None:
        return ""
    unit = m.group(m.lastindex or 0).lower()
    return report.words.numbers.rate_units.get(unit, unit)


def _content(report: _Report) -> set[str]:
    stop = report.words.numbers.claim_stop_words
    return {w for w in _CONTENT.findall(report.sentence.lower()) if w not in stop}


def _interval(report: _Report) -> tuple[float, float]:
    """The values a report allows, by its qualifier (what its language's qualifiers make of it)."""
    v = float(report.value)
    bound = report.words.numbers.qualifiers.get(report.qualifier or "")
    if bound == "floor":
        return v, math.inf
    if bound == "ceiling":
        return -math.inf, v
    if bound == "about":
        return v * (1 - ABOUT), v * (1 + ABOUT)
    return v, v


def _same_time(a: _Report, b: _Report) -> bool:
    da, db = a.claim_date, b.claim_date
    if not da or not db:
        return True
    return abs((date.fromisoformat(da[:10]) - date.fromisoformat(db[:10])).days) <= SAME_TIME_DAYS


def _disagreeing(
    reports: list[_Report],
    quantity: str,
    allowed: Callable[[int, int], bool] | None = None,
    frames: bool = True,
) -> list[_Report]:
    """The reports that exclude another outlet's report of the same thing at the same time
    (among the pairs ``allowed``, when given). ``frames=False``: the pairs allowed are already
    known to tell one thing (aligned sentences), so the frames of a count need not agree word
    for word, only neither counts some in addition to others; a measure's still must."""
    involved: set[int] = set()
    words = [_content(r) for r in reports]
    rates = [_rate(r) for r in reports]
    counted = [_counted(r) for r in reports]
    # a measure, a classed quantity (a label, the same in every language): as either's language says
    measures = [_measure(quantity, r.words.numbers) for r in reports]
    classes = [quantity in r.words.numbers.quantities for r in reports]
    for i, a in enumerate(reports):
        lo_a, hi_a = _interval(a)
        for j in range(i + 1, len(reports)):
            b = reports[j]
            if a.outlet == b.outlet or rates[i] != rates[j] or not _same_time(a, b):
                continue
            if allowed is not None and not allowed(i, j):
                continue
            lo_b, hi_b = _interval(b)
            if not (hi_a < lo_b or hi_b < lo_a):
                continue
            if counted[i] and counted[j] and not counted[i] & counted[j]:
                continue  # birds and workers
            fa, fb = a.frame, b.frame
            measure = measures[i] or measures[j]
            if not frames and not measure:  # a measure ("miles") must still say what it measures
                same = not ((fa and fa.scope) or (fb and fb.scope))
            elif fa and fb:
                same = same_frame(fa, fb, classes[i] or classes[j], measure)
            else:
                shared = len(words[i] & words[j]) / max(1, len(words[i] | words[j]))
                same = not measure or shared >= SAME_THING
            if same:
                involved.update((i, j))
    return [reports[k] for k in sorted(involved)]


def same_frame(a: ClaimFrame, b: ClaimFrame, classed: bool, measure: bool) -> bool:
    """Whether two numbers' frames say they count one thing: the same counted noun and
    predicate (any predicate for a classed quantity such as deaths), the same words between,
    compatible subjects (sharing a word, and no two different names), and a measure must say
    what it measures, a death toll what caused it. A number counted in addition to others is
    never the same."""
    if a.scope or b.scope:
        return False
    if not classed and (a.thing != b.thing or a.predicate != b.predicate):
        return False
    if a.path != b.path:
        return False
    about_a, about_b = set(a.about), set(b.about)
    if (measure or classed) and not (about_a and about_b):
        return False  # "it was 5,000 barrels", "11 died": of what, in what, the sentence does not say
    if about_a and about_b and not about_a & about_b:
        return False
    names_a, names_b = set(a.names), set(b.names)
    return not (names_a and names_b and not names_a & names_b)
