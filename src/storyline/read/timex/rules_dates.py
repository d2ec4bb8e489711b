"""Rules for dates named outright: full dates, days of a month, months, years, decades, centuries.

Most values are read off the text; a day or month without its year takes the year that puts
it on the side of the anchor the tense says.
"""

from __future__ import annotations

import re

from storyline.read.timex.base import Hit, Rule, Timex
from storyline.read.timex.calendar import _closest_year
from storyline.read.timex.patterns import (
    _DAYNUM,
    _MOD,
    _MODS,
    _MON,
    _MONTH_NAMES,
    _WD,
    _YEAR,
    MONTHS,
    NUMBERS,
    _rx,
)


def _iso(h: Hit) -> Timex:
    """2022-03-08, 2022-03-08T14:30: the date (and time) as written."""
    g = h.g
    value = f"{g['y']}-{g['m']}-{g['d']}" + (f"T{g['t']}" if g.get("t") else "")
    return h.timex("TIME" if g.get("t") else "DATE", value)


ISO = Rule(
    "iso",
    _rx(r"(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:T(?P<t>\d{2}:\d{2}))?"),
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
    _rx(r"(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)?\d\d)"),
    8,
    _numeric,
)


def _day_month_year(h: Hit) -> Timex:
    """A full date as written ("March 8, 2022", "8 March 2022")."""
    g = h.g
    mon = MONTHS[g["mon"].lower().rstrip(".")]
    day = int(re.sub(r"\D", "", g["d"]))
    return h.timex("DATE", f"{g['y']}-{mon:02d}-{day:02d}")


MDY = Rule(
    "mdy",
    _rx(rf"(?:{_WD},?\s+)?(?P<mon>{_MON})\s+(?P<d>{_DAYNUM}),?\s+(?P<y>{_YEAR})"),
    9,
    _day_month_year,
)
DMY = Rule(
    "dmy",
    _rx(rf"(?:{_WD},?\s+)?(?P<d>{_DAYNUM})\s+(?:of\s+)?(?P<mon>{_MON}),?\s+(?P<y>{_YEAR})"),
    9,
    _day_month_year,
)


def _month_day(h: Hit, may_is_a_verb: bool) -> Timex | None:
    """A day of a month without its year: the year the tense puts it in, seen from the anchor."""
    g, a = h.g, h.anchor
    mon = MONTHS[g["mon"].lower().rstrip(".")]
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
    _rx(
        rf"(?:(?:last|next|this|this past)\s+)?(?:(?P<wd>{_WD}),?\s+)?"
        rf"(?P<mon>{_MON})\s+(?P<d>{_DAYNUM})(?!\s*(?:,\s*)?(?:\d|%))"
    ),
    7,
    _md,
)
DM = Rule(
    "dm",
    _rx(rf"(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<d>{_DAYNUM})\s+(?:of\s+)?(?P<mon>{_MON})(?!\s*,?\s*\d)"),
    7,
    _dm,
)


def _month_year(h: Hit) -> Timex:
    """A month of a year as written ("March 2022", "late March 2022"), with its modifier."""
    g = h.g
    mon = MONTHS[g["mon"].lower().rstrip(".")]
    return h.timex("DATE", f"{g['y']}-{mon:02d}", _MOD.get((g.get("mod") or "").lower()))


MY = Rule(
    "my",
    _rx(rf"(?:(?P<mod>{_MODS})[\s-]+)?(?P<mon>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR})"),
    8,
    _month_year,
)


def _month_rel_year(h: Hit) -> Timex:
    """A month in the year counted from the anchor ("March last year", "early June next year")."""
    g, a = h.g, h.anchor
    mon = MONTHS[g["mon"].lower().rstrip(".")]
    mod = _MOD.get((g.get("mod") or "").lower())
    if a is None:
        return h.timex("DATE", f"XXXX-{mon:02d}", mod)
    year = a.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
    return h.timex("DATE", f"{year}-{mon:02d}", mod)


MONTH_REL_YEAR = Rule(
    "month_rel_year",
    _rx(rf"(?:(?P<mod>early|mid|late)[\s-]+)?(?P<mon>{_MON})\s+(?P<rel>last|this|next)\s+year"),
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
    mon = MONTHS[word]
    mod = _MOD.get((g.get("mod") or "").lower())
    if a is None:
        return h.timex("DATE", f"XXXX-{mon:02d}", mod)
    rel = (g.get("rel") or "").lower()
    if rel in ("last", "the past", "past"):
        year = a.year if mon < a.month else a.year - 1
    elif rel in ("next", "the coming", "coming"):
        year = a.year if mon > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    else:
        year = _closest_year(a, mon, 15, h.future)
    return h.timex("DATE", f"{year}-{mon:02d}", mod)


MONTH = Rule(
    "month",
    _rx(
        rf"(?:(?P<rel>last|next|this|the coming|the past|coming|past)\s+)?(?:(?P<mod>{_MODS})[\s-]+)?"
        rf"(?P<mon>{_MONTH_NAMES}|jan\.|feb\.|aug\.|sept\.|oct\.|nov\.|dec\.)"
    ),
    5,
    _month,
)


def _year(h: Hit) -> Timex | None:
    """A year ("2014", "late 2021", "fiscal 2022"), unless a price, number or route ("No. 2014")."""
    g, start = h.g, h.start
    before = h.text[max(0, start - 12) : start].lower()
    if re.search(r"(?:\$|no\.|#|number|route|flight|page|model)\s*$", before):
        return None
    return h.timex("DATE", g["y"], _MOD.get((g.get("mod") or "").lower()))


YEAR = Rule(
    "year",
    _rx(
        rf"(?:(?P<fiscal>fiscal(?: year)?)\s+|(?P<mod>{_MODS})[\s-]+)?"
        rf"(?P<y>{_YEAR})(?!\s*(?:%|percent|[-–]\s*\d|\d)|[.,]\d)"
    ),
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
    return h.timex("DATE", value, _MOD.get((g.get("mod") or "").lower()))


DECADE = Rule(
    "decade",
    _rx(r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<c>19|20)(?P<d>\d)0s|'(?P<d2>\d)0s)"),
    6,
    _decade,
)


def _spelled_year(h: Hit) -> Timex:
    """A spelled-out year in digits ("two thousand and five", "nineteen eighty-four")."""
    g = h.g
    if g.get("tens"):
        spelled = 1900 + NUMBERS[g["tens"].lower()] + (NUMBERS[g["ones"].lower()] if g.get("ones") else 0)
    else:
        spelled = 2000 + NUMBERS.get((g.get("a") or "").lower(), 0)
    return h.timex("DATE", str(int(spelled)))


SPELLED_YEAR = Rule(
    "spelled_year",
    _rx(
        r"(?:the year\s+)?(?:two thousand(?:\s+and\s+(?P<a>\w+))?"
        r"|nineteen[\s-]+(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[\s-]+(?P<ones>one|two|three|four|five|six|seven|eight|nine))?)"
    ),
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
    _rx(
        r"(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>nineteenth|twentieth|twenty-first|twenty first))"
        r"[\s-]+century"
    ),
    7,
    _century,
)

_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def _spelled_decade(h: Hit) -> Timex:
    """A spelled decade: "the nineties" -> 199 (the 1800s' while the 1900s' is ahead of the anchor)."""
    g, a = h.g, h.anchor
    tens = _DECADE_WORDS[g["w"].lower()]
    cent = 19 if a is None or tens * 10 + 1900 <= a.year else 18
    return h.timex("DATE", f"{cent}{tens}", _MOD.get((g.get("mod") or "").lower()))


SPELLED_DECADE = Rule(
    "spelled_decade",
    _rx(
        r"the\s+(?:(?P<mod>early|mid|late)[\s-]+)?"
        r"(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
    ),
    6,
    _spelled_decade,
)
