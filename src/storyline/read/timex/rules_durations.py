"""Rules for durations, recurrences and vague references: "three weeks", "years", "every
Monday", "daily", "now", "in the past".

Durations and sets need no anchor; a count word that is a rate ("24 hours a day"), an age
("6-year-old") or a fraction ("three-quarters") is not a time at all.
"""

from __future__ import annotations

import re

from storyline.read.timex.base import Hit, Rule, Timex, pattern
from storyline.read.timex.calendar import _duration_value, _num, _part_of_day


def _duration(h: Hit) -> Timex | None:
    """A length of time ("three weeks", "the past two years": ``P3W``, ``P2Y``); "times a year"
    is a SET, while rates ("700 seats a week"), ages, fractions and "a second betrayal" are none."""
    g, text, start, end, surface = h.g, h.text, h.start, h.end, h.surface
    n = _num(g["n"], h.words)
    unit = g["u"].lower()
    kind, letter = h.words.units.get(unit, ("", "X"))
    pre = (g.get("pre") or "").lower()
    if surface.lower().endswith("old"):
        return None  # an age ("a 6-year-old"), not a time
    if re.search(r"\w+-quarters?$", surface.lower()) or (
        surface.lower().endswith("quarter") and re.match(h.words.cues["fraction_of"], text[end:])
    ):
        return None  # a fraction ("three-quarters", "a quarter of the market")
    if (
        g["n"].lower() == "a"
        and surface.lower().endswith("second")
        and re.match(r"\s+[a-z]", text[end:])
        and not re.match(h.words.cues["second_of_time"], text[end:])
    ):
        return None  # "a second betrayal": the ordinal, not a second of time
    if g["n"].lower() in ("a", "an") and not pre and unit in h.words.rate_units:
        before = text[max(0, start - 30) : start].lower()
        if before.rstrip().endswith(("per", "times")):
            return h.timex("SET", f"P1{letter}")
        if re.search(r"\d[\d,.]*\s+(?:[a-z]+\s+){0,2}$", before):
            return None  # a rate ("700 seats a week", "24 hours a day"), not a time
    return h.timex("DURATION", _duration_value(n, kind, letter))


DURATION = Rule(
    "duration",
    pattern("duration"),
    5,
    _duration,
)


def _units(h: Hit) -> Timex:
    """Plural units alone ("years", "weeks"): an unspecified number of them (``PXY``)."""
    unit = h.g["u"].lower().rstrip("s")
    kind, letter = h.words.units.get(unit, ("", "X"))
    return h.timex("DURATION", f"P{kind}X{letter}")


UNITS_RULE = Rule("units", pattern("units"), 2, _units)


def _set(h: Hit) -> Timex | None:
    """A recurrence ("daily", "every week", "per year"): once per unit (``P1D``, ``PT1H``)."""
    w = h.g["w"].lower()
    for key, letter in h.words.set_letters:
        if key in w:
            if letter == "Q":
                return h.timex("SET", "P3M")
            return h.timex("SET", f"P{'T' if letter == 'H' else ''}1{letter}")
    return None


SET = Rule(
    "set",
    pattern("set"),
    6,
    _set,
)


def _set_named(h: Hit) -> Timex:
    """A recurring day or month ("each Thursday", "every July", "on Mondays")."""
    g = h.g
    if g.get("mon"):
        return h.timex("SET", f"XXXX-{h.words.months[g['mon'].lower()]:02d}")
    wd = h.words.weekdays[(g.get("wd") or g["wds"]).lower()]
    return h.timex("SET", f"XXXX-WXX-{wd + 1}{_part_of_day(g.get('pod'), h.words)}")


SET_NAMED = Rule(
    "set_named",
    pattern("set_named"),
    7,
    _set_named,
)


def _ref(h: Hit) -> Timex | None:
    """A vague reference ("now", "recently", "in the future"): PRESENT_REF, PAST_REF or
    FUTURE_REF; "in recent years" is a vague duration (``PXY``)."""
    w = h.g["w"].lower()
    if w.startswith("in recent "):
        unit = w.rsplit(" ", 1)[1].rstrip("s")
        return h.timex("DURATION", f"PX{h.words.units[unit][1]}")
    if w in h.words.present:
        return h.timex("DATE", "PRESENT_REF")
    if w in h.words.future:
        return h.timex("DATE", "FUTURE_REF")
    if w == "once" and not re.match(h.words.cues["once_more"], h.text[h.end : h.end + 8]):
        return h.timex("DATE", "PAST_REF")
    if w == "once":
        return None
    return h.timex("DATE", "PAST_REF")


REF = Rule(
    "ref",
    pattern("ref"),
    3,
    _ref,
)
