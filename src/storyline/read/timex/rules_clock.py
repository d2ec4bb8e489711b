"""Rules for clock times and holidays: "5 p.m. Friday", "midnight", "5 p.m., March 10",
"Christmas", "Election Day".

A clock time takes the day named with it (else the anchor's); a holiday the year the tense
puts it in.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.read.timex.base import Hit, Rule, Timex
from storyline.read.timex.calendar import _clock, _closest_year, _weekday_date
from storyline.read.timex.patterns import _DAYNUM, _MON, _TIME, _WD, MONTHS, WEEKDAYS, _rx


def _time(h: Hit) -> Timex | None:
    """A clock time on the day named with it, else the anchor's ("5 p.m. Friday", "Tuesday at
    noon"); a bare "20:57" without a day or "at" is a timer or a score."""
    g, a, text, start = h.g, h.anchor, h.text, h.start
    t = g["t"].lower()
    bare_clock = re.fullmatch(r"\d{1,2}:\d{2}", t) is not None
    if (
        bare_clock
        and not (g.get("wd") or g.get("wd2"))
        and not text[max(0, start - 3) : start].lower().endswith("at ")
    ):
        return None  # "0:00", "20:57": media timers and scores, not times of day
    hour, minute = _clock(t)
    if hour is None:
        return None
    day_word = (g.get("wd") or g.get("wd2") or "").lower()
    clock = "T24" if hour == 24 else f"T{hour:02d}:{minute:02d}"
    if a is None:
        return h.timex("TIME", f"XXXX-XX-XX{clock}")
    d = a
    if day_word in WEEKDAYS:
        d = _weekday_date(a, WEEKDAYS[day_word], h.future, None)
    elif day_word == "yesterday":
        d = a - timedelta(days=1)
    elif day_word == "tomorrow":
        d = a + timedelta(days=1)
    return h.timex("TIME", f"{d.isoformat()}{clock}")


TIME = Rule(
    "time",
    _rx(
        rf"(?:(?P<wd>{_WD}|today|yesterday|tomorrow),?\s+(?:at\s+)?)?(?P<t>{_TIME})"
        rf"(?:\s*(?:\([^)]{{1,12}}\))?\s*,?\s*(?P<wd2>{_WD}|today|yesterday|tomorrow))?"
    ),
    6,
    _time,
)

# Holidays on a fixed day of the year (month-day).
_FIXED_HOLIDAYS = {
    "christmas": "12-25",
    "christmas day": "12-25",
    "christmas eve": "12-24",
    "new year's day": "01-01",
    "new year's eve": "12-31",
    "halloween": "10-31",
    "independence day": "07-04",
}


def _holiday(h: Hit) -> Timex:
    """A holiday's date: fixed ones (Christmas, Halloween) in the year the tense says, U.S.
    Thanksgiving and Election Day computed; other movable ones (Easter, Labor Day) ``XXXX-XX-XX``."""
    g, a = h.g, h.anchor
    holiday = g["h"].lower()
    if holiday == "election day" and a is not None:
        # U.S. Election Day: the Tuesday after the first Monday of November
        first_monday = date(a.year, 11, 1) + timedelta(days=(0 - date(a.year, 11, 1).weekday()) % 7)
        return h.timex("DATE", (first_monday + timedelta(days=1)).isoformat())
    md = _FIXED_HOLIDAYS.get(holiday)
    if md is None and holiday.startswith("thanksgiving") and a is not None:
        year = a.year if a.month >= 11 else a.year - 1
        first = date(year, 11, 1)
        thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
        return h.timex("DATE", thursday.isoformat())
    if md is None:
        return h.timex("DATE", "XXXX-XX-XX")
    if a is None:
        return h.timex("DATE", f"XXXX-{md}")
    mon, day = int(md[:2]), int(md[3:])
    return h.timex("DATE", f"{_closest_year(a, mon, day, h.future)}-{md}")


HOLIDAY = Rule(
    "holiday",
    _rx(
        r"(?P<h>christmas(?: day| eve)?|new year's(?: day| eve)|thanksgiving(?: day)?|easter|halloween"
        r"|independence day|labor day|memorial day|election day)"
    ),
    5,
    _holiday,
)


def _time_date(h: Hit) -> Timex | None:
    """A clock time on the date written after it ("5 p.m. EST, March 10")."""
    g, a = h.g, h.anchor
    hour, minute = _clock(g["t"].lower())
    if hour is None:
        return None
    mon = MONTHS[g["mon"].lower().rstrip(".")]
    day = int(re.sub(r"\D", "", g["d"]))
    clock = "T24" if hour == 24 else f"T{hour:02d}:{minute:02d}"
    if a is None:
        return h.timex("TIME", f"XXXX-{mon:02d}-{day:02d}{clock}")
    return h.timex("TIME", f"{_closest_year(a, mon, day, h.future)}-{mon:02d}-{day:02d}{clock}")


TIME_DATE = Rule(
    "time_date",
    _rx(rf"(?P<t>{_TIME})\s*,?\s*(?:on\s+)?(?P<mon>{_MON})\s+(?P<d>{_DAYNUM})(?!\s*,?\s*\d)"),
    8,
    _time_date,
)
