"""Rules for dates named outright: full dates, days of a month, months, years, decades, centuries.

Most values are read off the text; a day or month without its year takes the year that puts
it on the side of the anchor the tense says.
"""

from __future__ import annotations

import re

from storyline.read.timex.base import Hit, Rule, Timex, pattern
from storyline.read.timex.calendar import _closest_year


def _iso(h: Hit) -> Timex:
    """2022-03-08, 2022-03-08T14:30: the date (and time) as written."""
    g = h.g
    value = f"{g['y']}-{g['m']}-{g['d']}" + (f"T{g['t']}" if g.get("t") else "")
    return h.timex("TIME" if g.get("t") else "DATE", value)


ISO = Rule(
    "iso",
    pattern("iso"),
    9,
    _iso,
)


def _numeric(h: Hit) -> Timex:
    """3/8/22, 03/08/2022: month first, the U.S. way; two-digit years over 30 are 19xx."""
    g = h.g
    y = g["y"] if len(g["y"]) == 4 else ("19" if int(g["y"]) > 30 else "20") + g["y"]
    return h.timex("DATE", f"{y}-{int(g['m']):02d}-{int(g['d']):02d}")


NUMERIC = Rule(
    "numeric",
    pattern("numeric"),
    8,
    _numeric,
)


def _day_month_year(h: Hit) -> Timex:
    """A full date as written ("March 8, 2022", "8 March 2022")."""
    g = h.g
    mon = h.words.months[g["mon"].lower().rstrip(".")]
    day = int(re.sub(r"\D", "", g["d"]))
    return h.timex("DATE", f"{g['y']}-{mon:02d}-{day:02d}")


MDY = Rule(
    "mdy",
    pattern("mdy"),
    9,
    _day_month_year,
)
DMY = Rule(
    "dmy",
    pattern("dmy"),
    9,
    _day_month_year,
)


def _month_day(h: Hit, may_is_a_verb: bool) -> Timex | None:
    """A day of a month without its year: the year the tense puts it in, seen from the anchor."""
    g, a = h.g, h.anchor
    mon = h.words.months[g["mon"].lower().rstrip(".")]
    day = int(re.sub(r"\D", "", g["d"]))
    if may_is_a_verb and g["mon"].lower() == "may" and not g.get("wd") and not h.surface[0].isupper():
        return None  # "may 5" as a verb is rare; lowercase "may" is the verb
    if a is None:
        return h.timex("DATE", f"XXXX-{mon:02d}-{day:02d}")
    year = _closest_year(a, mon, day, h.future)
    return h.timex("DATE", f"{year}-{mon:02d}-{day:02d}")


def _md(h: Hit) -> Timex | None:
    """Month then day ("March 8", "Tuesday, March 8"); lower-case "may 5" is the verb."""
    return _month_day(h, may_is_a_verb=True)


def _dm(h: Hit) -> Timex | None:
    """Day then month ("8 March", "the 8th of March")."""
    return _month_day(h, may_is_a_verb=False)


MD = Rule(
    "md",
    pattern("md"),
    7,
    _md,
)
DM = Rule(
    "dm",
    pattern("dm"),
    7,
    _dm,
)


def _month_year(h: Hit) -> Timex:
    """A month of a year as written ("March 2022", "late March 2022"), with its modifier."""
    g = h.g
    mon = h.words.months[g["mon"].lower().rstrip(".")]
    return h.timex("DATE", f"{g['y']}-{mon:02d}", h.words.modifiers.get((g.get("mod") or "").lower()))


MY = Rule(
    "my",
    pattern("my"),
    8,
    _month_year,
)


def _month_rel_year(h: Hit) -> Timex:
    """A month in the year counted from the anchor ("March last year", "early June next year")."""
    g, a = h.g, h.anchor
    mon = h.words.months[g["mon"].lower().rstrip(".")]
    mod = h.words.modifiers.get((g.get("mod") or "").lower())
    if a is None:
        return h.timex("DATE", f"XXXX-{mon:02d}", mod)
    year = a.year + h.words.steps[g["rel"].lower()]
    return h.timex("DATE", f"{year}-{mon:02d}", mod)


MONTH_REL_YEAR = Rule(
    "month_rel_year",
    pattern("month_rel_year"),
    8,
    _month_rel_year,
)


def _month(h: Hit) -> Timex | None:
    """A month alone ("November", "last March", "late December") in the year "last"/"next" or
    the tense says; lower-case "march" and "may" (and a sentence-initial "May") are verbs."""
    g, a, text, start = h.g, h.anchor, h.text, h.start
    word = g["mon"].lower().rstrip(".")
    if word in ("march", "may") and not g["mon"][0].isupper():
        return None  # "march", "may": the verbs
    if word == "may" and (start == 0 or text[start - 2 : start].strip() in ("", ".", '"', "“")):
        return None  # a sentence-initial "May" is usually the verb
    mon = h.words.months[word]
    mod = h.words.modifiers.get((g.get("mod") or "").lower())
    if a is None:
        return h.timex("DATE", f"XXXX-{mon:02d}", mod)
    rel = (g.get("rel") or "").lower()
    step = h.words.steps.get(rel.removeprefix("the ")) if rel else None
    if step == -1:  # "last March", "the past March"
        year = a.year if mon < a.month else a.year - 1
    elif step == 1:  # "next March", "the coming March"
        year = a.year if mon > a.month else a.year + 1
    elif step == 0:  # "this March"
        year = a.year
    else:
        year = _closest_year(a, mon, 15, h.future)
    return h.timex("DATE", f"{year}-{mon:02d}", mod)


MONTH = Rule(
    "month",
    pattern("month"),
    5,
    _month,
)


def _year(h: Hit) -> Timex | None:
    """A year ("2014", "late 2021", "fiscal 2022"), unless a price, number or route ("No. 2014")."""
    g, start = h.g, h.start
    before = h.text[max(0, start - 12) : start].lower()
    if re.search(h.words.cues["not_a_year"], before):
        return None
    return h.timex("DATE", g["y"], h.words.modifiers.get((g.get("mod") or "").lower()))


YEAR = Rule(
    "year",
    pattern("year"),
    4,
    _year,
)


def _decade(h: Hit) -> Timex:
    """A decade: "the 1990s" -> 199, "the early '80s" -> 198 ('00s to '20s are of the 2000s)."""
    g = h.g
    if g.get("c"):
        value = f"{g['c']}{g['d']}"
    else:
        century = "19" if int(g["d2"]) >= 3 else "20"
        value = f"{century}{g['d2']}"
    return h.timex("DATE", value, h.words.modifiers.get((g.get("mod") or "").lower()))


DECADE = Rule(
    "decade",
    pattern("decade"),
    6,
    _decade,
)


def _spelled_year(h: Hit) -> Timex:
    """A spelled-out year in digits ("two thousand and five", "nineteen eighty-four")."""
    g = h.g
    if g.get("tens"):
        numbers = h.words.numbers
        spelled = 1900 + numbers[g["tens"].lower()] + (numbers[g["ones"].lower()] if g.get("ones") else 0)
    else:
        spelled = 2000 + h.words.numbers.get((g.get("a") or "").lower(), 0)
    return h.timex("DATE", str(int(spelled)))


SPELLED_YEAR = Rule(
    "spelled_year",
    pattern("spelled_year"),
    6,
    _spelled_year,
)


def _century(h: Hit) -> Timex:
    """A century: "the 20th century" -> 19 (TIMEX3 centuries are the two leading digits)."""
    g = h.g
    nth = int(g["n"]) if g.get("n") else {"nineteenth": 19, "twentieth": 20}.get(g["w"].lower(), 21)
    return h.timex("DATE", f"{nth - 1:02d}")


CENTURY = Rule(
    "century",
    pattern("century"),
    7,
    _century,
)


def _spelled_decade(h: Hit) -> Timex:
    """A spelled decade: "the nineties" -> 199 (the 1800s' while the 1900s' is ahead of the anchor)."""
    g, a = h.g, h.anchor
    tens = h.words.decades[g["w"].lower()]
    cent = 19 if a is None or tens * 10 + 1900 <= a.year else 18
    return h.timex("DATE", f"{cent}{tens}", h.words.modifiers.get((g.get("mod") or "").lower()))


SPELLED_DECADE = Rule(
    "spelled_decade",
    pattern("spelled_decade"),
    6,
    _spelled_decade,
)
