"""Rules for clock times and holidays: "5 p.m. Friday", "midnight", "5 p.m., March 10",
"Christmas", "Election Day".

A clock time takes the day named with it (else the anchor's); a holiday the year the tense
puts it in.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.read.timex.base import Hit, Rule, Timex, pattern
from storyline.read.timex.calendar import _clock, _closest_year, _weekday_date


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
    hour, minute = _clock(t, h.words)
    if hour is None:
        return None
    day_word = (g.get("wd") or g.get("wd2") or "").lower()
    clock = "T24" if hour == 24 else f"T{hour:02d}:{minute:02d}"
    if a is None:
        return h.timex("TIME", f"XXXX-XX-XX{clock}")
    if day_word in h.words.weekdays:
        d = _weekday_date(a, h.words.weekdays[day_word], h.future, None, h.words)
    else:  # "yesterday", "tomorrow"; "today" or no day: the anchor's
        d = a + timedelta(days=h.words.day_offsets.get(day_word, 0))
    return h.timex("TIME", f"{d.isoformat()}{clock}")


TIME = Rule(
    "time",
    pattern("time"),
    6,
    _time,
)


def _holiday(h: Hit) -> Timex:
    """A holiday's date: fixed ones (Christmas, Halloween) in the year the tense says, U.S.
    Thanksgiving and Election Day computed; other movable ones (Easter, Labor Day) ``XXXX-XX-XX``."""
    g, a = h.g, h.anchor
    holiday = g["h"].lower()
    if holiday == "election day" and a is not None:
        # U.S. Election Day: the Tuesday after the first Monday of November
        first_monday = date(a.year, 11, 1) + timedelta(days=(0 - date(a.year, 11, 1).weekday()) % 7)
        return h.timex("DATE", (first_monday + timedelta(days=1)).isoformat())
    md = h.words.holidays.get(holiday)
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
    pattern("holiday"),
    5,
    _holiday,
)


def _time_date(h: Hit) -> Timex | None:
    """A clock time on the date written after it ("5 p.m. EST, March 10")."""
    g, a = h.g, h.anchor
    hour, minute = _clock(g["t"].lower(), h.words)
    if hour is None:
        return None
    mon = h.words.months[g["mon"].lower().rstrip(".")]
    day = int(re.sub(r"\D", "", g["d"]))
    clock = "T24" if hour == 24 else f"T{hour:02d}:{minute:02d}"
    if a is None:
        return h.timex("TIME", f"XXXX-{mon:02d}-{day:02d}{clock}")
    return h.timex("TIME", f"{_closest_year(a, mon, day, h.future)}-{mon:02d}-{day:02d}{clock}")


TIME_DATE = Rule(
    "time_date",
    pattern("time_date"),
    8,
    _time_date,
)
