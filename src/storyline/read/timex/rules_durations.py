"""Rules for durations, recurrences and vague references: "three weeks", "years", "every
Monday", "daily", "now", "in the past".

Durations and sets need no anchor; a count word that is a rate ("24 hours a day"), an age
("6-year-old") or a fraction ("three-quarters") is not a time at all.
"""

from __future__ import annotations

import re

from storyline.read.timex.base import Hit, Rule, Timex
from storyline.read.timex.calendar import _duration_value, _num, _part_of_day
from storyline.read.timex.patterns import _MONTH_NAMES, _NUMW, _POD, _UNIT, _WD, MONTHS, UNITS, WEEKDAYS, _rx


def _duration(h: Hit) -> Timex | None:
    """A length of time ("three weeks", "the past two years": ``P3W``, ``P2Y``); "times a year"
    is a SET, while rates ("700 seats a week"), ages, fractions and "a second betrayal" are none."""
    g, text, start, end, surface = h.g, h.text, h.start, h.end, h.surface
    n = _num(g["n"])
    unit = g["u"].lower()
    kind, letter = UNITS.get(unit, ("", "X"))
    pre = (g.get("pre") or "").lower()
    if surface.lower().endswith("old"):
        return None  # an age ("a 6-year-old"), not a time
    if re.search(r"\w+-quarters?$", surface.lower()) or (
        surface.lower().endswith("quarter")
        and re.match(r"\s+of\s+(?!(?:the\s+|this\s+|last\s+|next\s+)?(?:year|fiscal|\d))", text[end:])
    ):
        return None  # a fraction ("three-quarters", "a quarter of the market")
    if (
        g["n"].lower() == "a"
        and surface.lower().endswith("second")
        and re.match(r"\s+[a-z]", text[end:])
        and not re.match(
            r"\s+(?:or|and|later|earlier|ago|before|after|of|to|in|per|longer|delay)\b",
            text[end:],
        )
    ):
        return None  # "a second betrayal": the ordinal, not a second of time
    if g["n"].lower() in ("a", "an") and not pre and unit in ("year", "month", "week", "day", "hour"):
        before = text[max(0, start - 30) : start].lower()
        if before.rstrip().endswith(("per", "times")):
            return h.timex("SET", f"P1{letter}")
        if re.search(r"\d[\d,.]*\s+(?:[a-z]+\s+){0,2}$", before):
            return None  # a rate ("700 seats a week", "24 hours a day"), not a time
    return h.timex("DURATION", _duration_value(n, kind, letter))


DURATION = Rule(
    "duration",
    _rx(
        r"(?:(?P<pre>the\s+(?:past|last|next|previous|coming|first|latest)|the|another|over|for|past|nearly"
        r"|almost|about|more than|less than|at least|up to)\s+)?"
        rf"(?P<n>{_NUMW})[\s-]+"
        r"(?:(?:more|additional|extra|straight|consecutive|full|trading|business|working|calendar|long)\s+)?"
        rf"(?P<u>{_UNIT})s?(?:[\s-]+long|[\s-]+old)?"
    ),
    5,
    _duration,
)


def _units(h: Hit) -> Timex:
    """Plural units alone ("years", "weeks"): an unspecified number of them (``PXY``)."""
    unit = h.g["u"].lower().rstrip("s")
    kind, letter = UNITS.get(unit, ("", "X"))
    return h.timex("DURATION", f"P{kind}X{letter}")


UNITS_RULE = Rule("units", _rx(r"(?P<u>(?:second|minute|hour|day|week|month|year|decade)s)"), 2, _units)

# What a recurrence word contains, and the unit it repeats in (first match wins).
_SET_LETTERS = (
    ("day", "D"),
    ("dai", "D"),
    ("week", "W"),
    ("month", "M"),
    ("year", "Y"),
    ("annual", "Y"),
    ("quarter", "Q"),
    ("hour", "H"),
    ("night", "D"),
    ("morning", "D"),
)


def _set(h: Hit) -> Timex | None:
    """A recurrence ("daily", "every week", "per year"): once per unit (``P1D``, ``PT1H``)."""
    w = h.g["w"].lower()
    for key, letter in _SET_LETTERS:
        if key in w:
            if letter == "Q":
                return h.timex("SET", "P3M")
            return h.timex("SET", f"P{'T' if letter == 'H' else ''}1{letter}")
    return None


SET = Rule(
    "set",
    _rx(
        r"(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly"
        r"|every\s+(?:day|week|month|year|morning|night|(?:other|single)\s+day)"
        r"|each\s+(?:day|week|month|year)|(?:a|per)\s+(?:day|week|month|year))"
    ),
    6,
    _set,
)


def _set_named(h: Hit) -> Timex:
    """A recurring day or month ("each Thursday", "every July", "on Mondays")."""
    g = h.g
    if g.get("mon"):
        return h.timex("SET", f"XXXX-{MONTHS[g['mon'].lower()]:02d}")
    wd = WEEKDAYS[(g.get("wd") or g["wds"]).lower()]
    return h.timex("SET", f"XXXX-WXX-{wd + 1}{_part_of_day(g.get('pod'))}")


SET_NAMED = Rule(
    "set_named",
    _rx(
        rf"(?:(?:every|each)\s+(?:(?P<wd>{_WD})(?:\s+(?P<pod>{_POD}))?|(?P<mon>{_MONTH_NAMES}))"
        rf"|(?P<wds>{_WD})s)"
    ),
    7,
    _set_named,
)

_PRESENT_WORDS = (
    "now",
    "right now",
    "currently",
    "current",
    "at present",
    "presently",
    "nowadays",
    "these days",
    "today's",
)
_FUTURE_REF_WORDS = ("soon", "shortly", "the future", "in the future", "future", "eventually")


def _ref(h: Hit) -> Timex | None:
    """A vague reference ("now", "recently", "in the future"): PRESENT_REF, PAST_REF or
    FUTURE_REF; "in recent years" is a vague duration (``PXY``)."""
    w = h.g["w"].lower()
    if w.startswith("in recent "):
        unit = w.rsplit(" ", 1)[1].rstrip("s")
        return h.timex("DURATION", f"PX{UNITS[unit][1]}")
    if w in _PRESENT_WORDS:
        return h.timex("DATE", "PRESENT_REF")
    if w in _FUTURE_REF_WORDS:
        return h.timex("DATE", "FUTURE_REF")
    if w == "once" and not re.match(r"\s*(?:again|more|a|an|the|every)\b", h.text[h.end : h.end + 8]):
        return h.timex("DATE", "PAST_REF")
    if w == "once":
        return None
    return h.timex("DATE", "PAST_REF")


REF = Rule(
    "ref",
    _rx(
        r"(?P<w>now|right now|currently|current|at present|presently|nowadays|these days|recently|lately"
        r"|formerly|the past|in the past|the future|in the future|the near future"
        r"|in recent (?:years|months|weeks|days)|recent (?:years|months|weeks|days))"
    ),
    3,
    _ref,
)
