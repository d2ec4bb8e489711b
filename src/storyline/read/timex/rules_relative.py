"""Rules for dates counted from the anchor: weekdays, today and yesterday, "three days ago",
"last week", "later this year", "a year earlier", weekends and "the year".

Without an anchor these get partial values (``XXXX-WXX-3``); "that year" and "a year
earlier" in results take the year or quarter the text named last.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.read.timex.base import Hit, Rule, Timex, pattern
from storyline.read.timex.calendar import (
    _duration_value,
    _num,
    _offset_value,
    _part_of_day,
    _quarter_ref,
    _season_of,
    _week,
    _weekday_date,
)


def _weekday(h: Hit) -> Timex | None:
    """A weekday ("Tuesday", "last Friday", "Friday night", "Tue"): the day the tense (or "next",
    "last") puts it on, seen from the anchor; a TIME with a part of the day."""
    g, a = h.g, h.anchor
    key = g["wd"].lower().rstrip(".")
    wd = h.words.weekdays.get(key, h.words.weekday_abbreviations.get(key))
    if wd is None:
        return None
    pod = _part_of_day(g.get("pod"), h.words)
    if a is None:
        return h.timex("DATE" if not pod else "TIME", f"XXXX-WXX-{wd + 1}{pod}")
    d = _weekday_date(a, wd, h.future, (g.get("rel") or "").lower() or None, h.words)
    return h.timex("TIME" if pod else "DATE", d.isoformat() + pod)


WEEKDAY = Rule(
    "weekday",
    pattern("weekday"),
    6,
    _weekday,
)
WD_ABBR = Rule(
    "wd_abbr",
    pattern("wd_abbr"),
    3,
    _weekday,
)


def _deictic(h: Hit) -> Timex:
    """A day named from the anchor ("today", "yesterday", "tomorrow morning", "last night"), a
    TIME with a part of the day; without an anchor "today" is the present."""
    g, a = h.g, h.anchor
    w = (g.get("w") or g.get("w2") or "").lower()
    pod = _part_of_day(g.get("pod") or g.get("pod2") or ("tonight" if w == "tonight" else None), h.words)
    offset = h.words.day_offsets[w]
    if w == "last" and (g.get("pod2") or "").lower() != "night":
        offset = -1
    if a is None:
        return h.timex(
            "TIME" if pod else "DATE",
            ("PRESENT_REF" if offset == 0 and not pod else "XXXX-XX-XX" + pod),
        )
    d = a + timedelta(days=offset)
    return h.timex("TIME" if pod else "DATE", d.isoformat() + pod)


DEICTIC = Rule(
    "deictic",
    pattern("deictic"),
    7,
    _deictic,
)


def _ago(h: Hit) -> Timex:
    """A date that far from the anchor ("three days ago", "two weeks from now"); "three days
    later" is the distance from the story's own time, a duration."""
    g, a, ctx, start = h.g, h.anchor, h.ctx, h.start
    n = _num(g["n"], h.words)
    unit = g["u"].lower()
    direction = -1 if g["dir"].lower() in ("ago", "earlier", "before") else 1
    if g["dir"].lower() in ("earlier", "later", "before") and not (n == 1 and unit == "year"):
        # "three days later", "a day earlier": counted from the story's own time, not
        # from publication; what the text gives is the distance ("a year earlier" in
        # results compares with the same period of the previous year, handled below).
        kind, letter = h.words.units.get(unit, ("", "X"))
        return h.timex("DURATION", _duration_value(n, kind, letter))
    if a is None or n is None or n != int(n):
        return h.timex("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF")
    k = int(n) * direction
    if unit == "decade":
        unit, k = "year", k * 10
    if (
        unit == "year"
        and ctx.last_quarter
        and start - ctx.quarter_at < 400
        and k == -1
        and g["dir"].lower() in ("ago", "earlier")
    ):
        y, q = ctx.last_quarter
        return h.timex("DATE", f"{y - 1}-Q{q}")
    return h.timex("DATE", _offset_value(a, unit, k))


AGO = Rule(
    "ago",
    pattern("ago"),
    8,
    _ago,
)


def _rel_unit(h: Hit) -> Timex:
    """A unit counted from the anchor ("last week", "this quarter", "the following year"), or
    from what the text named last ("later that year"); "the past year" is a duration."""
    g, a = h.g, h.anchor
    rel = g["rel"].lower().removeprefix("the ")
    unit = g["u"].lower()
    k = h.words.steps.get(rel, 0)
    if h.surface.lower().startswith(("the past ", "the last ")) and unit in h.words.span_units:
        letter = {"decade": "10Y", "century": "100Y"}.get(unit, "1" + h.words.units[unit][1])
        return h.timex("DURATION", f"P{letter}")
    if unit == "fiscal year":
        unit = "year"
    anaphoric = _rel_unit_anaphoric(h, rel, unit, k)
    if anaphoric is not None:
        return anaphoric
    if rel in ("same", "that"):
        return (
            h.timex("DATE", "XXXX")
            if a is None
            else h.timex("DATE", str(a.year) if unit == "year" else "XXXX")
        )
    if a is None:
        return h.timex(
            "DATE",
            {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX"),
        )
    return _rel_unit_from_anchor(h, a, rel, unit, k)


def _rel_unit_anaphoric(h: Hit, rel: str, unit: str, k: int) -> Timex | None:
    """The year or quarter the text named last, for "last year's quarter", "later that year",
    "that quarter", when there is one to refer to; None otherwise."""
    a, ctx, text, start, end = h.anchor, h.ctx, h.text, h.start, h.end
    if (
        unit == "year"
        and k == -1
        and a is not None
        and ctx.last_quarter
        and start - ctx.quarter_at < 400
        and (
            text[end : end + 2] in ("'s", "’s")
            or re.search(h.words.cues["compared_period"], text[max(0, start - 20) : start])
        )
    ):
        # "last year's quarter", "the same period last year": the quarter being compared.
        # A bare "last year" in results ("$4.41 a share last year") is the calendar year.
        y, q = ctx.last_quarter
        return h.timex("DATE", f"{y - 1}-Q{q}")
    if rel in ("that", "following") and unit in ("year", "quarter") and a is not None:
        # "later that year", "the following year", "that quarter": anaphoric, they take
        # the year (or quarter) the text last named, not the publication date
        if unit == "year" and ctx.last_year is not None:
            return h.timex("DATE", str(ctx.last_year + k))
        if unit == "quarter" and rel == "that" and ctx.last_quarter:
            y, q = ctx.last_quarter
            return h.timex("DATE", f"{y}-Q{q}")
    return None


def _rel_unit_from_anchor(h: Hit, a: date, rel: str, unit: str, k: int) -> Timex:
    """The week, month, quarter, half, season ... ``k`` units from the anchor's."""
    if unit == "quarter":
        y, q = _quarter_ref(a, rel, h.ctx)
        h.ctx.last_quarter, h.ctx.quarter_at = (y, q), h.start
        return h.timex("DATE", f"{y}-Q{q}")
    if unit == "weekend":
        d = a + timedelta(days=7 * k)
        return h.timex("DATE", _week(d) + "-WE")
    if unit == "half":
        half = 1 if a.month <= 6 else 2
        y = a.year
        if k:
            half += k
            if half == 0:
                y, half = y - 1, 2
            elif half == 3:
                y, half = y + 1, 1
        return h.timex("DATE", f"{y}-H{half}")
    if unit == "season":
        return h.timex("DATE", f"{a.year}-{_season_of(a)}")
    return h.timex("DATE", _offset_value(a, unit, k))


REL_UNIT = Rule(
    "rel_unit",
    pattern("rel_unit"),
    6,
    _rel_unit,
)


def _within_unit(h: Hit) -> Timex:
    """Part of a unit from the anchor ("later this week", "early next year"); early/late: START/END."""
    g, a = h.g, h.anchor
    rel = g["rel"].lower()
    unit = g["u"].lower()
    k = h.words.steps.get(rel, 0)
    mod = h.words.modifiers.get(g["mod"].lower())  # "earlier", "later": none
    if a is None:
        return h.timex("DATE", "XXXX", mod)
    return h.timex("DATE", _offset_value(a, unit, k), mod)


WITHIN_UNIT = Rule(
    "within_unit",
    pattern("within_unit"),
    7,
    _within_unit,
)


def _year_earlier(h: Hit) -> Timex:
    """A year back ("a year earlier", "the year-ago quarter"): the quarter just named, when one
    is near; else the year before the anchor."""
    a, ctx = h.anchor, h.ctx
    if a is None:
        return h.timex("DATE", "XXXX")
    if ctx.last_quarter and h.start - ctx.quarter_at < 400:
        y, q = ctx.last_quarter
        return h.timex("DATE", f"{y - 1}-Q{q}")
    return h.timex("DATE", str(a.year - 1))


YEAR_EARLIER = Rule(
    "year_earlier",
    pattern("year_earlier"),
    6,
    _year_earlier,
)


def _weekend(h: Hit) -> Timex:
    """A weekend ("the weekend", "next weekend"): the ISO week of the Saturday meant, with ``-WE``."""
    g, a = h.g, h.anchor
    rel = (g.get("rel") or "").lower()
    if a is None:
        return h.timex("DATE", "XXXX-WXX-WE")
    saturday = a - timedelta(days=(a.weekday() - 5) % 7)
    if rel == "next" or (rel in ("this",) and h.future):
        saturday = a + timedelta(days=(5 - a.weekday()) % 7 or 7)
    return h.timex("DATE", _week(saturday) + "-WE")


WEEKEND = Rule(
    "weekend",
    pattern("weekend"),
    5,
    _weekend,
)


def _the_year(h: Hit) -> Timex:
    """The anchor's year for "the year"; "the year ended ..." is a year-long period (``P1Y``) over
    "the year" alone."""
    g, a, start, surface = h.g, h.anchor, h.start, h.surface
    if g.get("ended"):
        return Timex(
            start,
            start + len(surface) - len(g["ended"]),
            surface[: len(surface) - len(g["ended"])],
            "DURATION",
            "P1Y",
        )
    if a is None:
        return h.timex("DATE", "XXXX")
    return h.timex("DATE", str(a.year))


THE_YEAR = Rule(
    "the_year",
    pattern("the_year"),
    3,
    _the_year,
)
