"""Rules for parts of a year: quarters, halves, seasons, "the period" of results, year-end.

Earnings news names a quarter once and then refers back to it ("the quarter", "the same
period last year"); the quarter named last is kept in the running context for that.
"""

from __future__ import annotations

import re

from storyline.read.timex.base import Hit, Rule, Timex, pattern
from storyline.read.timex.calendar import _quarter, _quarter_ref, _season_of
from storyline.read.timex.tense import _tense


def _quarter_rule(h: Hit) -> Timex:
    """A quarter ("the third quarter", "last quarter", "the second quarter of 2021"): an ordinal
    one is this year's once begun, else last year's (this year's in the future tense); the others
    count from the anchor or are the one just named. Remembered for later references."""
    g, a, ctx, start = h.g, h.anchor, h.ctx, h.start
    ord_ = (g.get("ord") or g.get("ord2") or g.get("ord3") or "").lower()
    if ord_ in h.words.ordinals:
        q = h.words.ordinals[ord_]
        if g.get("y"):
            y = int(g["y"])
        elif a is None:
            return h.timex("DATE", f"XXXX-Q{q}")
        else:
            y = a.year if q <= _quarter(a) or h.future else a.year - 1
        ctx.last_quarter, ctx.quarter_at = (y, q), start
        return h.timex("DATE", f"{y}-Q{q}")
    if a is None:
        return h.timex("DATE", "XXXX-QX")
    y, q = _quarter_ref(a, ord_ or "the", ctx)
    if ord_ in ("year-earlier",):
        y -= 1
    ctx.last_quarter, ctx.quarter_at = (y, q), start
    return h.timex("DATE", f"{y}-Q{q}")


QUARTER = Rule(
    "quarter",
    pattern("quarter"),
    6,
    _quarter_rule,
)


def _year_quarter(h: Hit) -> Timex:
    """A quarter of a named year ("the 1988 third quarter", "next year's first quarter"), or "the
    1988 period": the period under discussion, in the year named."""
    g, a, ctx = h.g, h.anchor, h.ctx
    rel_y = {"last": -1, "this": 0, "next": 1}.get((g.get("rel") or "").lower(), 0)
    qy = int(g["y"]) if g.get("y") else (None if a is None else a.year + rel_y)
    ord_ = (g.get("ord") or "").lower()
    qn = h.words.ordinals.get(ord_) or (ctx.last_quarter[1] if ctx.last_quarter and ctx.near else None)
    shown = str(qy) if qy is not None else "XXXX"
    if qn is None:
        return h.timex("DATE", f"{shown}-QX" if "quarter" in h.surface.lower() else shown)
    if qy is not None and ord_:
        ctx.last_quarter, ctx.quarter_at = (qy, qn), h.start
    return h.timex("DATE", f"{shown}-Q{qn}")


YEAR_QUARTER = Rule(
    "year_quarter",
    pattern("year_quarter"),
    9,
    _year_quarter,
)


def _half(h: Hit) -> Timex:
    """A half year ("the first half of 2021" -> ``2021-H1``), of the anchor's year by default."""
    g, a = h.g, h.anchor
    half = 1 if g["ord"].lower() == "first" else 2
    y = int(g["y"]) if g.get("y") else (a.year if a else None)
    return h.timex("DATE", f"{y}-H{half}" if y else f"XXXX-H{half}")


HALF = Rule(
    "half",
    pattern("half"),
    6,
    _half,
)


def _season(h: Hit) -> Timex | None:
    """A season ("last summer", "the winter of 2021") in the year the anchor and the tense say;
    a bare "fall" or "spring" without a determiner is the verb."""
    g, a, text, start = h.g, h.anchor, h.text, h.start
    bare = not (g.get("rel") or g.get("y") or g.get("mod"))
    det = re.search(h.words.cues["season_determiner"], text[max(0, start - 6) : start].lower())
    if g["s"].lower() in ("fall", "spring") and bare and not det:
        return None  # "prices fall", "spring into action": verbs
    s = h.words.seasons[g["s"].lower()]
    mod = h.words.modifiers.get((g.get("mod") or "").lower())
    if g.get("y"):
        return h.timex("DATE", f"{g['y']}-{s}", mod)
    if a is None:
        return h.timex("DATE", f"XXXX-{s}", mod)
    rel = (g.get("rel") or "").lower()
    y = a.year
    order = ["WI", "SP", "SU", "FA"]
    cur = order.index(_season_of(a))
    if rel in ("last", "this past") or (not rel and not h.future and order.index(s) > cur):
        y = a.year - 1 if order.index(s) >= cur else a.year
    elif rel in ("next", "the coming") or (h.future and order.index(s) < cur):
        y = a.year + 1 if order.index(s) <= cur else a.year
    return h.timex("DATE", f"{y}-{s}", mod)


SEASON = Rule(
    "season",
    pattern("season"),
    5,
    _season,
)


def _period(h: Hit) -> Timex:
    """The results period ("the latest period", "the year-ago period"): the quarter just named
    (or the last completed one), a year back for "year-ago"."""
    a, ctx = h.anchor, h.ctx
    if a is None:
        return h.timex("DATE", "XXXX-QX")
    y, q = ctx.last_quarter if ctx.last_quarter else _quarter_ref(a, "latest", ctx)
    if "year" in h.surface.lower():
        y -= 1
    return h.timex("DATE", f"{y}-Q{q}")


PERIOD = Rule("period", pattern("period"), 4, _period)


def _year_end(h: Hit) -> Timex:
    """Year-end: "by year-end" is the end of this year, "since year-end" the end of the last one.
    The span is "year-end" alone, without the preposition."""
    g, a, m, text, end = h.g, h.anchor, h.m, h.text, h.end
    x = m.start("x")
    back = g["p"].lower() in ("since", "after", "from") or _tense(text, m.start(), end, h.words) == "past"
    value = "XXXX-12-31" if a is None else f"{a.year - 1 if back else a.year}-12-31"
    return Timex(x, end, text[x:end], "DATE", value)


YEAR_END = Rule(
    "year_end",
    pattern("year_end"),
    6,
    _year_end,
)
