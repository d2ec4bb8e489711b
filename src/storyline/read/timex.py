"""Temporal expressions found in text and resolved to TIMEX3 values, the way news is written.

Rule-based, in the manner of HeidelTime: patterns find the expressions; each is normalised
against the article's publication date (the anchor) and the tense of its clause. A bare
weekday in past-tense reporting is the most recent such day on or before publication; in
future tense or plans it is the next one. Without an anchor, relative expressions get a
partial value (``XXXX-WXX-3``) instead of a guess dressed as fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_WD_ABBR = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "twenty-four": 24, "twenty four": 24, "half a": 0.5, "a half": 0.5,
    "couple": 2, "a couple": 2, "couple of": 2, "a couple of": 2,
}  # fmt: skip
VAGUE = {"several", "a few", "few", "many", "some", "a number of", "the past few", "recent"}
UNITS = {
    "second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"), "night": ("", "D"),
    "week": ("", "W"), "fortnight": ("", "W"), "month": ("", "M"), "year": ("", "Y"), "decade": ("", "DE"),
    "century": ("", "CE"), "quarter": ("", "Q"), "weekend": ("", "WE"),
}  # fmt: skip
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUMW = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ]four)?|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety|hundred|half an?|a half|several|a few|few|many|some|(?:a\s+)?couple(?:\s+of)?|a number of)"
)
_UNIT = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|century|centurie|quarter)"
)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_POD = r"(?:morning|afternoon|evening|night)"
_TIME = r"(?:\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:\d{2}|noon|midday|midnight)(?:\s*\(?(?:[ecmp][sd]t|gmt|utc)\)?)?"

# Words that make a clause about the future (plans, schedules, will) or the past.
_FUTURE_WORDS = {
    "will", "won't", "'ll", "shall", "scheduled", "upcoming", "coming", "next", "could", "might", "may",
    "soon", "deadline", "planned", "planning", "slated", "would",
}  # fmt: skip
# Future only when followed by "to" ("plans to", "is to", "expected to").
_FUTURE_BEFORE_TO = {"plan", "plans", "planned", "planning", "intend", "intends", "intended", "expected", "expects",
                     "expect", "due", "set", "going", "aims", "aim", "hopes", "hope", "is", "are", "ready", "likely"}  # fmt: skip
_PAST_WORDS = {
    "said", "says", "told", "was", "were", "had", "did", "announced", "reported", "ago", "last", "earlier",
    "yesterday", "met", "went", "came", "took", "made", "left", "held", "began", "killed", "died", "arrived",
    "since", "signed", "predicted", "warned",
}  # fmt: skip
_WORDS = re.compile(r"[\w']+")


@dataclass
class Timex:
    """One temporal expression: its span, TIMEX3 type and value, and an optional modifier."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None  # START | MID | END (early, mid-, late), APPROX, ...


@dataclass
class _Rule:
    name: str
    pattern: re.Pattern[str]
    priority: int


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", re.IGNORECASE)


RULES = [
    _Rule("iso", _rx(r"(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:T(?P<t>\d{2}:\d{2}))?"), 9),
    _Rule("numeric", _rx(r"(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)?\d\d)"), 8),
    _Rule("mdy", _rx(rf"(?:{_WD},?\s+)?(?P<mon>{_MON})\s+(?P<d>{_DAYNUM}),?\s+(?P<y>{_YEAR})"), 9),
    _Rule("dmy", _rx(rf"(?:{_WD},?\s+)?(?P<d>{_DAYNUM})\s+(?:of\s+)?(?P<mon>{_MON}),?\s+(?P<y>{_YEAR})"), 9),
    _Rule("md", _rx(rf"(?:(?:last|next|this|this past)\s+)?(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MON})\s+(?P<d>{_DAYNUM})(?!\s*(?:,\s*)?(?:\d|%))"), 7),
    _Rule("dm", _rx(rf"(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<d>{_DAYNUM})\s+(?:of\s+)?(?P<mon>{_MON})(?!\s*,?\s*\d)"), 7),
    _Rule("my", _rx(rf"(?:(?P<mod>early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+)?(?P<mon>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR})"), 8),
    _Rule("month_rel_year", _rx(rf"(?:(?P<mod>early|mid|late)[\s-]+)?(?P<mon>{_MON})\s+(?P<rel>last|this|next)\s+year"), 8),
    _Rule("month", _rx(r"(?:(?P<rel>last|next|this|the coming|the past|coming|past)\s+)?(?:(?P<mod>early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+)?(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept\.|oct\.|nov\.|dec\.)"), 5),
    _Rule("year", _rx(rf"(?:(?P<fiscal>fiscal(?: year)?)\s+|(?P<mod>early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+)?(?P<y>{_YEAR})(?!\s*(?:%|percent|[-–]\s*\d|\d)|[.,]\d)"), 4),
    _Rule("decade", _rx(r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<c>19|20)(?P<d>\d)0s|'(?P<d2>\d)0s)"), 6),
    _Rule("weekday", _rx(rf"(?:(?P<rel>last|next|this|this past|this coming|coming|past)\s+)?(?P<wd>{_WD})(?:\s+(?P<pod>{_POD}))?"), 6),
    _Rule("wd_abbr", re.compile(r"(?<![\w-])(?P<wd>Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?(?=\s*,?\s*(?:\d|$))"), 3),
    _Rule("deictic", _rx(rf"(?P<w>today|tonight|yesterday|tomorrow)(?:'s)?(?:\s+(?P<pod>{_POD}))?|(?P<w2>this|last|tomorrow|yesterday)\s+(?P<pod2>{_POD})"), 7),
    _Rule("ago", _rx(rf"(?:(?:about|nearly|almost|some|more than|less than|over|just|only|roughly|around)\s+)?(?P<n>{_NUMW})[\s-]+(?P<u>{_UNIT})s?\s+(?P<dir>ago|earlier|before|later|from now|hence)"), 8),
    _Rule("rel_unit", _rx(r"(?P<rel>last|next|this|the coming|coming|the past|past|the previous|previous|the current|current|the latest|latest|the same|that|the following|following|the prior|prior)\s+(?P<u>week|weekend|month|year|quarter|decade|century|season|fiscal year|half)"), 6),
    _Rule("within_unit", _rx(r"(?P<mod>earlier|later|early|late)\s+(?:in\s+)?(?P<rel>this|last|next)\s+(?P<u>week|month|year|quarter|decade|century)"), 7),
    _Rule("year_earlier", _rx(r"(?:a\s+)?year[- ](?:earlier|ago)|year-before|the year-earlier(?: period| quarter)?"), 6),
    _Rule("quarter", _rx(rf"(?:the\s+(?:fiscal[\s-]+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|latest|current|last|previous|year-earlier|same|final)[\s-]+)?|(?P<ord3>first|second|third|fourth|1st|2nd|3rd|4th|latest|current|last|previous|year-earlier|final|this|next)[\s-]+)(?:(?P<fisc>fiscal)\s+)?quarter(?!s)(?:\s+of\s+(?P<y>{_YEAR}))?|(?P<ord2>first|second|third|fourth)-quarter"), 6),
    _Rule("year_quarter", _rx(rf"(?:the\s+)?(?:(?P<y>{_YEAR})|(?P<rel>this|last|next)\s+year's)\s+(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal\s+)?(?:quarter|period)(?!s)"), 9),
    _Rule("half", _rx(rf"(?:the\s+)?(?P<ord>first|second|latter)\s+half(?:\s+of\s+(?:(?P<y>{_YEAR})|the year|this year|next year|last year))?"), 6),
    _Rule("season", _rx(rf"(?:(?P<rel>last|next|this|this past|the coming)\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?"), 5),
    _Rule("duration", _rx(rf"(?:(?P<pre>the\s+(?:past|last|next|previous|coming|first|latest)|the|another|over|for|past|nearly|almost|about|more than|less than|at least|up to)\s+)?(?P<n>{_NUMW})[\s-]+(?:(?:more|additional|extra|straight|consecutive|full|trading|business|working|calendar|long)\s+)?(?P<u>{_UNIT})s?(?:[\s-]+long|[\s-]+old)?"), 5),
    _Rule("weekend", _rx(r"(?:(?P<rel>the|this|last|next|this past|over the|during the)\s+)?weekend"), 5),
    _Rule("the_year", _rx(r"the (?:(?P<fisc>fiscal|calendar|full|current)\s+)?year(?!s|-)(?P<ended>\s+end(?:ed|ing))?"), 3),
    _Rule("spelled_year", _rx(r"(?:the year\s+)?(?:two thousand(?:\s+and\s+(?P<a>\w+))?|nineteen[\s-]+(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?P<ones>one|two|three|four|five|six|seven|eight|nine))?)"), 6),
    _Rule("period", _rx(r"the (?:latest|most recent|year-ago|year-earlier) period"), 4),
    _Rule("units", _rx(r"(?P<u>(?:second|minute|hour|day|week|month|year|decade)s)"), 2),
    _Rule("set", _rx(r"(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly|every\s+(?:day|week|month|year|morning|night|(?:other|single)\s+day)|each\s+(?:day|week|month|year)|(?:a|per)\s+(?:day|week|month|year))"), 6),
    _Rule("set_named", _rx(rf"(?:(?:every|each)\s+(?:(?P<wd>{_WD})(?:\s+(?P<pod>{_POD}))?|(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december))|(?P<wds>{_WD})s)"), 7),
    _Rule("ref", _rx(r"(?P<w>now|right now|currently|current|at present|presently|nowadays|these days|recently|lately|formerly|the past|in the past|the future|in the future|the near future|in recent (?:years|months|weeks|days)|recent (?:years|months|weeks|days))"), 3),
    _Rule("time", _rx(rf"(?:(?P<wd>{_WD}|today|yesterday|tomorrow),?\s+(?:at\s+)?)?(?P<t>{_TIME})(?:\s*(?:\([^)]{{1,12}}\))?\s*,?\s*(?P<wd2>{_WD}|today|yesterday|tomorrow))?"), 6),
    _Rule("holiday", _rx(r"(?P<h>christmas(?: day| eve)?|new year's(?: day| eve)|thanksgiving(?: day)?|easter|halloween|independence day|labor day|memorial day|election day)"), 5),
    _Rule("century", _rx(r"(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>nineteenth|twentieth|twenty-first|twenty first))[\s-]+century"), 7),
    _Rule("spelled_decade", _rx(r"the\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"), 6),
    _Rule("year_end", _rx(r"(?P<p>by|at|since|until|before|after|from|to|near|toward|towards|through)\s+(?:the\s+)?(?P<x>year[- ]end)"), 6),
    _Rule("time_date", _rx(rf"(?P<t>{_TIME})\s*,?\s*(?:on\s+)?(?P<mon>{_MON})\s+(?P<d>{_DAYNUM})(?!\s*,?\s*\d)"), 8),
]  # fmt: skip

_MOD = {"early": "START", "the beginning of": "START", "the start of": "START", "mid": "MID", "the middle of": "MID",
        "late": "END", "the end of": "END"}  # fmt: skip


def _num(word: str) -> float | None:
    w = word.lower().strip()
    if w in VAGUE:
        return None
    if w in NUMBERS:
        return NUMBERS[w]
    try:
        return float(w)
    except ValueError:
        return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def _shift_months(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) + months
    return total // 12, total % 12 + 1


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _future(text: str, start: int, end: int) -> bool:
    """Is the clause around ``start..end`` about the future (plans, schedules, will)?"""
    return _tense(text, start, end) == "future"


def _tense(text: str, start: int, end: int) -> str | None:
    """ "future", "past" or None (no cue) for the clause around ``start..end``.

    The nearest decisive word before the expression decides ("said Friday" is past, "will
    travel ... on Friday" future); failing that, the words just after it. A participle after
    "be" is passive, not past ("will be held on Friday"); a plan that "had" been made or was
    made "previously" is a past plan ("had been due to expire Friday").
    """
    if text[end : end + 2] in ("'s", "’s"):
        return "past"  # "Wednesday's ruling": a possessive points back at something done
    lo = max(
        text.rfind(".", 0, start),
        text.rfind("\n", 0, start),
        text.rfind(";", 0, start),
        start - 150,
    )
    before = [w.lower() for w in _WORDS.findall(text[lo + 1 : start])][-10:]
    for i in range(len(before) - 1, -1, -1):
        word = before[i]
        prev = before[i - 1] if i > 0 else ""
        if word in ("until", "till") and i == len(before) - 1 and prev not in ("", "up", "not"):
            return "future"  # "postponed until Tuesday" (but "Until Tuesday, they had ...")
        if (word == "to" and prev in _FUTURE_BEFORE_TO) or (
            word in ("early", "soon") and prev == "as"
        ):
            return "past" if _earlier_plan(before, i - 1) else "future"  # "as early as Tuesday"
        if word in _FUTURE_WORDS:
            return "past" if _earlier_plan(before, i) else "future"
        if word in _PAST_WORDS or word.endswith("ed"):
            if (
                prev == "be"
                and i > 1
                and before[i - 2] in ("will", "'ll", "shall", "would", "to")
                and word not in ("was", "were", "had")
            ):
                continue  # passive future: "will be held", "is to be signed"
            return "past"
    after = [w.lower() for w in _WORDS.findall(text[end : end + 60])][:4]
    for word in after:
        if word in _PAST_WORDS or word.endswith("ed"):
            return "past"
        if word in _FUTURE_WORDS or word == "deadline":
            return "future"
    return None


def _earlier_plan(before: list[str], i: int) -> bool:
    """Is the plan or schedule at ``before[i]`` one made before, in a past narrative?"""
    return any(w in ("had", "previously", "originally") for w in before[max(0, i - 3) : i])


class TimexTagger:
    """Finds temporal expressions and resolves them against an anchor date."""

    def __call__(self, text: str, anchor: date | None) -> list[Timex]:
        found: list[tuple[int, int, int, _Rule, re.Match[str]]] = []
        for rule in RULES:
            for m in rule.pattern.finditer(text):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), rule.priority, rule, m))
        # Longest first, then priority; keep the ones that do not overlap a kept one.
        found.sort(key=lambda f: (-(f[1] - f[0]), -f[2], f[0]))
        taken: list[tuple[int, int]] = []
        chosen = []
        for start, end, _prio, rule, m in found:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            chosen.append((start, end, rule, m))
        chosen.sort(key=lambda c: c[0])
        out = []
        context = _Context(anchor)
        for _start, _end, rule, m in chosen:
            tx = _resolve(rule.name, m, text, context)
            if tx is not None and not _title(rule.name, text, tx):
                out.append(tx)
                if rule.name in _NAMES_A_YEAR and re.match(r"\d{4}", tx.value):
                    context.last_year = int(tx.value[:4])
        return out


_COMMON_TIME_WORDS = {"today", "tonight", "now", "noon", "midnight", "week", "weeks", "minute",
                      "minutes", "hour", "hours", "day", "days", "year", "years", "month", "months"}  # fmt: skip


def _title(rule: str, text: str, tx: Timex) -> bool:
    """Is this a capitalised name ("This Week", "60 Minutes", "High Noon") rather than a time?

    Common time words are written in lower case; one capitalised where no sentence starts
    belongs to the title of a programme, film or publication.
    """
    if rule in ("md", "dm", "mdy", "dmy", "my", "month", "weekday", "holiday", "set_named"):
        return False
    words = list(re.finditer(r"[A-Za-z]+", tx.text))
    sentence_start = re.search(
        r"(?:^|[.!?:\n][\s\"'`(]*|[\"'`(]\s*)$", text[max(0, tx.start - 4) : tx.start]
    )
    for i, w in enumerate(words):
        if w.group(0).lower() in _COMMON_TIME_WORDS and w.group(0)[0].isupper():
            if i == 0 and w.start() == 0 and sentence_start:
                continue
            return True
    return False


_NAMES_A_YEAR = {"iso", "numeric", "mdy", "dmy", "my", "year", "year_quarter", "spelled_year"}


@dataclass
class _Context:
    anchor: date | None
    last_quarter: tuple[int, int] | None = None  # (year, quarter) last referred to
    quarter_at: int = -10_000  # where it was referred to
    near: bool = False  # whether that reference is close to the expression being resolved
    last_year: int | None = None  # the year the text last named outright ("in June 1998")


def _part_of_day(pod: str | None) -> str:
    """The TIMEX3 part-of-day suffix ("Friday night" -> ...TNI)."""
    return f"T{PARTS_OF_DAY[pod.lower()]}" if pod and pod.lower() in PARTS_OF_DAY else ""


def _weekday_date(anchor: date, weekday: int, future: bool, rel: str | None) -> date:
    delta = anchor.weekday() - weekday
    if rel in ("next", "this coming", "coming"):
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead + (7 if rel == "next" and ahead < 3 else 0) * 0)
    if rel == "last":
        back = delta % 7 or 7
        return anchor - timedelta(days=back)
    if rel == "this past" or rel == "past":
        return anchor - timedelta(days=delta % 7 or 7)
    if future:  # news style names today's day too: "will travel to Paris later Tuesday"
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - timedelta(days=delta % 7)


def _resolve(name: str, m: re.Match[str], text: str, ctx: _Context) -> Timex | None:
    g = m.groupdict()
    a = ctx.anchor
    start, end = m.start(), m.end()
    ctx.near = start - ctx.quarter_at < 400
    surface = m.group(0)

    def timex(kind: str, value: str, mod: str | None = None) -> Timex:
        return Timex(start, end, surface, kind, value, mod)

    future = _future(text, start, end)
    if name == "iso":
        value = f"{g['y']}-{g['m']}-{g['d']}" + (f"T{g['t']}" if g.get("t") else "")
        return timex("TIME" if g.get("t") else "DATE", value)
    if name == "numeric":
        y = g["y"] if len(g["y"]) == 4 else ("19" if int(g["y"]) > 30 else "20") + g["y"]
        return timex("DATE", f"{y}-{int(g['m']):02d}-{int(g['d']):02d}")
    if name in ("mdy", "dmy"):
        mon = MONTHS[g["mon"].lower().rstrip(".")]
        day = int(re.sub(r"\D", "", g["d"]))
        return timex("DATE", f"{g['y']}-{mon:02d}-{day:02d}")
    if name in ("md", "dm"):
        mon = MONTHS[g["mon"].lower().rstrip(".")]
        day = int(re.sub(r"\D", "", g["d"]))
        if (
            name == "md"
            and g["mon"].lower() == "may"
            and not g.get("wd")
            and not surface[0].isupper()
        ):
            return None  # "may 5" as a verb is rare; lowercase "may" is the verb
        if a is None:
            return timex("DATE", f"XXXX-{mon:02d}-{day:02d}")
        year = _closest_year(a, mon, day, future)
        return timex("DATE", f"{year}-{mon:02d}-{day:02d}")
    if name == "my":
        mon = MONTHS[g["mon"].lower().rstrip(".")]
        return timex("DATE", f"{g['y']}-{mon:02d}", _MOD.get((g.get("mod") or "").lower()))
    if name == "month_rel_year":
        mon = MONTHS[g["mon"].lower().rstrip(".")]
        mod = _MOD.get((g.get("mod") or "").lower())
        if a is None:
            return timex("DATE", f"XXXX-{mon:02d}", mod)
        year = a.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        return timex("DATE", f"{year}-{mon:02d}", mod)
    if name == "month":
        word = g["mon"].lower().rstrip(".")
        if word in ("march", "may") and not g["mon"][0].isupper():
            return None  # "march", "may": the verbs
        if word == "may" and (start == 0 or text[start - 2 : start].strip() in ("", ".", '"', "“")):
            return None  # a sentence-initial "May" is usually the verb
        mon = MONTHS[word]
        mod = _MOD.get((g.get("mod") or "").lower())
        if a is None:
            return timex("DATE", f"XXXX-{mon:02d}", mod)
        rel = (g.get("rel") or "").lower()
        if rel in ("last", "the past", "past"):
            year = a.year if mon < a.month else a.year - 1
        elif rel in ("next", "the coming", "coming"):
            year = a.year if mon > a.month else a.year + 1
        elif rel == "this":
            year = a.year
        else:
            year = _closest_year(a, mon, 15, future)
        return timex("DATE", f"{year}-{mon:02d}", mod)
    if name == "year":
        before = text[max(0, start - 12) : start].lower()
        if re.search(r"(?:\$|no\.|#|number|route|flight|page|model)\s*$", before):
            return None
        return timex("DATE", g["y"], _MOD.get((g.get("mod") or "").lower()))
    if name == "decade":
        if g.get("c"):
            value = f"{g['c']}{g['d']}"
        else:
            century = "19" if int(g["d2"]) >= 3 else "20"
            value = f"{century}{g['d2']}"
        return timex("DATE", value, _MOD.get((g.get("mod") or "").lower()))
    if name in ("weekday", "wd_abbr"):
        key = g["wd"].lower().rstrip(".")
        wd = WEEKDAYS.get(key, _WD_ABBR.get(key))
        if wd is None:
            return None
        pod = _part_of_day(g.get("pod"))
        if a is None:
            return timex("DATE" if not pod else "TIME", f"XXXX-WXX-{wd + 1}{pod}")
        d = _weekday_date(a, wd, future, (g.get("rel") or "").lower() or None)
        return timex("TIME" if pod else "DATE", d.isoformat() + pod)
    if name == "deictic":
        w = (g.get("w") or g.get("w2") or "").lower()
        pod = _part_of_day(g.get("pod") or g.get("pod2") or ("tonight" if w == "tonight" else None))
        offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1, "last": -1}[
            w
        ]
        if w == "last" and (g.get("pod2") or "").lower() != "night":
            offset = -1
        if a is None:
            return timex(
                "TIME" if pod else "DATE",
                ("PRESENT_REF" if offset == 0 and not pod else "XXXX-XX-XX" + pod),
            )
        d = a + timedelta(days=offset)
        return timex("TIME" if pod else "DATE", d.isoformat() + pod)
    if name == "ago":
        n = _num(g["n"])
        unit = g["u"].lower()
        direction = -1 if g["dir"].lower() in ("ago", "earlier", "before") else 1
        if g["dir"].lower() in ("earlier", "later", "before") and not (n == 1 and unit == "year"):
            # "three days later", "a day earlier": counted from the story's own time, not
            # from publication; what the text gives is the distance ("a year earlier" in
            # results compares with the same period of the previous year, handled below).
            kind, letter = UNITS.get(unit, ("", "X"))
            return timex("DURATION", _duration_value(n, kind, letter))
        if a is None or n is None or n != int(n):
            return timex("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF")
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
            return timex("DATE", f"{y - 1}-Q{q}")
        return timex("DATE", _offset_value(a, unit, k))
    if name == "rel_unit":
        rel = g["rel"].lower().removeprefix("the ")
        unit = g["u"].lower()
        k = {
            "last": -1,
            "past": -1,
            "previous": -1,
            "prior": -1,
            "next": 1,
            "coming": 1,
            "following": 1,
        }.get(rel, 0)
        if surface.lower().startswith(("the past ", "the last ")) and unit in (
            "week",
            "month",
            "year",
            "decade",
            "century",
        ):
            letter = {"decade": "10Y", "century": "100Y"}.get(unit, "1" + UNITS[unit][1])
            return timex("DURATION", f"P{letter}")
        if unit == "fiscal year":
            unit = "year"
        if (
            unit == "year"
            and k == -1
            and a is not None
            and ctx.last_quarter
            and start - ctx.quarter_at < 400
            and (
                text[end : end + 2] in ("'s", "’s")
                or re.search(r"\b(?:period|quarter)\s+$", text[max(0, start - 20) : start])
            )
        ):
            # "last year's quarter", "the same period last year": the quarter being compared.
            # A bare "last year" in results ("$4.41 a share last year") is the calendar year.
            y, q = ctx.last_quarter
            return timex("DATE", f"{y - 1}-Q{q}")
        if rel in ("that", "following") and unit in ("year", "quarter") and a is not None:
            # "later that year", "the following year", "that quarter": anaphoric, they take
            # the year (or quarter) the text last named, not the publication date
            if unit == "year" and ctx.last_year is not None:
                return timex("DATE", str(ctx.last_year + k))
            if unit == "quarter" and rel == "that" and ctx.last_quarter:
                y, q = ctx.last_quarter
                return timex("DATE", f"{y}-Q{q}")
        if rel in ("same", "that"):
            return (
                timex("DATE", "XXXX")
                if a is None
                else timex("DATE", str(a.year) if unit == "year" else "XXXX")
            )
        if a is None:
            return timex(
                "DATE",
                {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX"),
            )
        if unit == "quarter":
            y, q = _quarter_ref(a, rel, ctx)
            ctx.last_quarter, ctx.quarter_at = (y, q), start
            return timex("DATE", f"{y}-Q{q}")
        if unit == "weekend":
            d = a + timedelta(days=7 * k)
            return timex("DATE", _week(d) + "-WE")
        if unit == "half":
            h = 1 if a.month <= 6 else 2
            y = a.year
            if k:
                h += k
                if h == 0:
                    y, h = y - 1, 2
                elif h == 3:
                    y, h = y + 1, 1
            return timex("DATE", f"{y}-H{h}")
        if unit == "season":
            return timex("DATE", f"{a.year}-{_season_of(a)}")
        return timex("DATE", _offset_value(a, unit, k))
    if name == "within_unit":
        rel = g["rel"].lower()
        unit = g["u"].lower()
        k = {"last": -1, "next": 1}.get(rel, 0)
        mod = {"earlier": None, "later": None, "early": "START", "late": "END"}[g["mod"].lower()]
        if a is None:
            return timex("DATE", "XXXX", mod)
        return timex("DATE", _offset_value(a, unit, k), mod)
    if name == "year_earlier":
        if a is None:
            return timex("DATE", "XXXX")
        if ctx.last_quarter and start - ctx.quarter_at < 400:
            y, q = ctx.last_quarter
            return timex("DATE", f"{y - 1}-Q{q}")
        return timex("DATE", str(a.year - 1))
    if name == "quarter":
        ord_ = (g.get("ord") or g.get("ord2") or g.get("ord3") or "").lower()
        if ord_ in ORDINALS:
            q = ORDINALS[ord_]
            if g.get("y"):
                y = int(g["y"])
            elif a is None:
                return timex("DATE", f"XXXX-Q{q}")
            else:
                y = a.year if q <= _quarter(a) or future else a.year - 1
            ctx.last_quarter, ctx.quarter_at = (y, q), start
            return timex("DATE", f"{y}-Q{q}")
        if a is None:
            return timex("DATE", "XXXX-QX")
        y, q = _quarter_ref(a, ord_ or "the", ctx)
        if ord_ in ("year-earlier",):
            y -= 1
        ctx.last_quarter, ctx.quarter_at = (y, q), start
        return timex("DATE", f"{y}-Q{q}")
    if name == "year_quarter":
        # "the 1988 third quarter", "next year's first quarter", "the 1988 period" (the
        # period under discussion, in the year named)
        rel_y = {"last": -1, "this": 0, "next": 1}.get((g.get("rel") or "").lower(), 0)
        qy = int(g["y"]) if g.get("y") else (None if a is None else a.year + rel_y)
        ord_ = (g.get("ord") or "").lower()
        qn = ORDINALS.get(ord_) or (ctx.last_quarter[1] if ctx.last_quarter and ctx.near else None)
        shown = str(qy) if qy is not None else "XXXX"
        if qn is None:
            return timex("DATE", f"{shown}-QX" if "quarter" in surface.lower() else shown)
        if qy is not None and ord_:
            ctx.last_quarter, ctx.quarter_at = (qy, qn), start
        return timex("DATE", f"{shown}-Q{qn}")
    if name == "half":
        h = 1 if g["ord"].lower() == "first" else 2
        y = int(g["y"]) if g.get("y") else (a.year if a else None)
        return timex("DATE", f"{y}-H{h}" if y else f"XXXX-H{h}")
    if name == "season":
        bare = not (g.get("rel") or g.get("y") or g.get("mod"))
        det = re.search(
            r"\b(?:the|in|this|last|next|of)\s+$", text[max(0, start - 6) : start].lower()
        )
        if g["s"].lower() in ("fall", "spring") and bare and not det:
            return None  # "prices fall", "spring into action": verbs
        s = SEASONS[g["s"].lower()]
        mod = _MOD.get((g.get("mod") or "").lower())
        if g.get("y"):
            return timex("DATE", f"{g['y']}-{s}", mod)
        if a is None:
            return timex("DATE", f"XXXX-{s}", mod)
        rel = (g.get("rel") or "").lower()
        y = a.year
        order = ["WI", "SP", "SU", "FA"]
        cur = order.index(_season_of(a))
        if rel in ("last", "this past") or (not rel and not future and order.index(s) > cur):
            y = a.year - 1 if order.index(s) >= cur else a.year
        elif rel in ("next", "the coming") or (future and order.index(s) < cur):
            y = a.year + 1 if order.index(s) <= cur else a.year
        return timex("DATE", f"{y}-{s}", mod)
    if name == "duration":
        n = _num(g["n"])
        unit = g["u"].lower()
        kind, letter = UNITS.get(unit, ("", "X"))
        pre = (g.get("pre") or "").lower()
        if surface.lower().endswith("old"):
            return None  # an age ("a 6-year-old"), not a time
        if re.search(r"\w+-quarters?$", surface.lower()) or (
            surface.lower().endswith("quarter")
            and re.match(
                r"\s+of\s+(?!(?:the\s+|this\s+|last\s+|next\s+)?(?:year|fiscal|\d))", text[end:]
            )
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
        if (
            g["n"].lower() in ("a", "an")
            and not pre
            and unit in ("year", "month", "week", "day", "hour")
        ):
            before = text[max(0, start - 30) : start].lower()
            if before.rstrip().endswith(("per", "times")):
                return timex("SET", f"P1{letter}")
            if re.search(r"\d[\d,.]*\s+(?:[a-z]+\s+){0,2}$", before):
                return None  # a rate ("700 seats a week", "24 hours a day"), not a time
        return timex("DURATION", _duration_value(n, kind, letter))
    if name == "weekend":
        rel = (g.get("rel") or "").lower()
        if a is None:
            return timex("DATE", "XXXX-WXX-WE")
        saturday = a - timedelta(days=(a.weekday() - 5) % 7)
        if rel == "next" or (rel in ("this",) and _future(text, start, end)):
            saturday = a + timedelta(days=(5 - a.weekday()) % 7 or 7)
        return timex("DATE", _week(saturday) + "-WE")
    if name == "the_year":
        if g.get("ended"):
            return Timex(
                start,
                start + len(surface) - len(g["ended"]),
                surface[: len(surface) - len(g["ended"])],
                "DURATION",
                "P1Y",
            )
        if a is None:
            return timex("DATE", "XXXX")
        return timex("DATE", str(a.year))
    if name == "spelled_year":
        if g.get("tens"):
            spelled = (
                1900
                + NUMBERS[g["tens"].lower()]
                + (NUMBERS[g["ones"].lower()] if g.get("ones") else 0)
            )
        else:
            spelled = 2000 + NUMBERS.get((g.get("a") or "").lower(), 0)
        return timex("DATE", str(int(spelled)))
    if name == "period":
        if a is None:
            return timex("DATE", "XXXX-QX")
        y, q = ctx.last_quarter if ctx.last_quarter else _quarter_ref(a, "latest", ctx)
        if "year" in surface.lower():
            y -= 1
        return timex("DATE", f"{y}-Q{q}")
    if name == "units":
        unit = g["u"].lower().rstrip("s")
        kind, letter = UNITS.get(unit, ("", "X"))
        return timex("DURATION", f"P{kind}X{letter}")
    if name == "set_named":
        # "each Thursday", "every July", "on Mondays": a recurring day or month
        if g.get("mon"):
            return timex("SET", f"XXXX-{MONTHS[g['mon'].lower()]:02d}")
        wd = WEEKDAYS[(g.get("wd") or g["wds"]).lower()]
        return timex("SET", f"XXXX-WXX-{wd + 1}{_part_of_day(g.get('pod'))}")
    if name == "set":
        w = g["w"].lower()
        for key, letter in (("day", "D"), ("dai", "D"), ("week", "W"), ("month", "M"), ("year", "Y"), ("annual", "Y"),
                            ("quarter", "Q"), ("hour", "H"), ("night", "D"), ("morning", "D")):  # fmt: skip
            if key in w:
                if letter == "Q":
                    return timex("SET", "P3M")
                return timex("SET", f"P{'T' if letter == 'H' else ''}1{letter}")
        return None
    if name == "ref":
        w = g["w"].lower()
        if w.startswith("in recent "):
            unit = w.rsplit(" ", 1)[1].rstrip("s")
            return timex("DURATION", f"PX{UNITS[unit][1]}")
        if w in ("now", "right now", "currently", "current", "at present", "presently", "nowadays", "these days",
                 "today's"):  # fmt: skip
            return timex("DATE", "PRESENT_REF")
        if w in ("soon", "shortly", "the future", "in the future", "future", "eventually"):
            return timex("DATE", "FUTURE_REF")
        if w == "once" and not re.match(r"\s*(?:again|more|a|an|the|every)\b", text[end : end + 8]):
            return timex("DATE", "PAST_REF")
        if w == "once":
            return None
        return timex("DATE", "PAST_REF")
    if name == "time":
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
            return timex("TIME", f"XXXX-XX-XX{clock}")
        d = a
        if day_word in WEEKDAYS:
            d = _weekday_date(a, WEEKDAYS[day_word], future, None)
        elif day_word == "yesterday":
            d = a - timedelta(days=1)
        elif day_word == "tomorrow":
            d = a + timedelta(days=1)
        return timex("TIME", f"{d.isoformat()}{clock}")
    if name == "century":
        # "the 20th century" -> 19 (TIMEX3 centuries are the two leading digits)
        nth = (
            int(g["n"])
            if g.get("n")
            else {"nineteenth": 19, "twentieth": 20}.get(g["w"].lower(), 21)
        )
        return timex("DATE", f"{nth - 1:02d}")
    if name == "spelled_decade":
        tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}[g["w"].lower()]  # fmt: skip
        cent = 19 if a is None or tens * 10 + 1900 <= a.year else 18
        return timex("DATE", f"{cent}{tens}", _MOD.get((g.get("mod") or "").lower()))
    if name == "year_end":
        # "by year-end" is the end of this year; "since year-end" the end of the last one
        x = m.start("x")
        back = (
            g["p"].lower() in ("since", "after", "from") or _tense(text, m.start(), end) == "past"
        )
        value = "XXXX-12-31" if a is None else f"{a.year - 1 if back else a.year}-12-31"
        return Timex(x, end, text[x:end], "DATE", value)
    if name == "time_date":
        hour, minute = _clock(g["t"].lower())
        if hour is None:
            return None
        mon = MONTHS[g["mon"].lower().rstrip(".")]
        day = int(re.sub(r"\D", "", g["d"]))
        clock = "T24" if hour == 24 else f"T{hour:02d}:{minute:02d}"
        if a is None:
            return timex("TIME", f"XXXX-{mon:02d}-{day:02d}{clock}")
        return timex("TIME", f"{_closest_year(a, mon, day, future)}-{mon:02d}-{day:02d}{clock}")
    if name == "holiday":
        holiday = g["h"].lower()
        if holiday == "election day" and a is not None:
            # U.S. Election Day: the Tuesday after the first Monday of November
            first_monday = date(a.year, 11, 1) + timedelta(
                days=(0 - date(a.year, 11, 1).weekday()) % 7
            )
            return timex("DATE", (first_monday + timedelta(days=1)).isoformat())
        md = {"christmas": "12-25", "christmas day": "12-25", "christmas eve": "12-24", "new year's day": "01-01",
              "new year's eve": "12-31", "halloween": "10-31", "independence day": "07-04"}.get(holiday)  # fmt: skip
        if md is None and holiday.startswith("thanksgiving") and a is not None:
            year = a.year if a.month >= 11 else a.year - 1
            first = date(year, 11, 1)
            thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
            return timex("DATE", thursday.isoformat())
        if md is None:
            return timex("DATE", "XXXX-XX-XX")
        if a is None:
            return timex("DATE", f"XXXX-{md}")
        mon, day = int(md[:2]), int(md[3:])
        return timex("DATE", f"{_closest_year(a, mon, day, future)}-{md}")
    return None


def _duration_value(n: float | None, kind: str, letter: str) -> str:
    """``P3D``, ``PT2H``, ``PXW``; quarters, decades and centuries in months and years."""
    scale = {"Q": (3, "M"), "DE": (10, "Y"), "CE": (100, "Y")}
    if letter == "WE":
        return "P2D"
    if letter in scale:
        factor, letter = scale[letter]
        return f"P{'X' if n is None else _fmt_num(n * factor)}{letter}"
    return f"P{kind}{'X' if n is None else _fmt_num(n)}{letter}"


def _clock(t: str) -> tuple[int | None, int]:
    if "noon" in t or "midday" in t:
        return 12, 0
    if "midnight" in t:
        return 24, 0  # TIMEX3: midnight closes its day ("midnight Friday" = Friday T24)
    m = re.match(r"(\d{1,2})(?::(\d{2}))?", t)
    if not m:
        return None, 0
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if "p" in t and hour < 12:
        hour += 12
    if "a.m" in t or "am" in t.split():
        hour = 0 if hour == 12 else hour
    if hour > 23 or minute > 59:
        return None, 0
    return hour, minute


def _season_of(d: date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        d.month, "FA"
    )


def _closest_year(anchor: date, month: int, day: int, future: bool) -> int:
    """The year that puts month/day on the side of the anchor the tense says."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return anchor.year
    nearest = min(candidates, key=lambda d: abs((d - anchor).days))
    if abs((nearest - anchor).days) <= 120:
        return nearest.year
    if future:
        return min(
            (d for d in candidates if d >= anchor), key=lambda d: d - anchor, default=nearest
        ).year
    return max((d for d in candidates if d <= anchor), default=nearest).year


def _quarter_ref(anchor: date, rel: str, ctx: _Context) -> tuple[int, int]:
    q = _quarter(anchor)
    if rel in ("the", "same", "") and ctx.last_quarter and ctx.near:
        return ctx.last_quarter
    if rel in ("current", "this"):
        return anchor.year, q
    if rel in ("next", "coming", "following"):
        return (anchor.year, q + 1) if q < 4 else (anchor.year + 1, 1)
    # "the quarter", "the latest quarter", "last quarter": the most recent completed one.
    return (anchor.year, q - 1) if q > 1 else (anchor.year - 1, 4)


def _offset_value(anchor: date, unit: str, k: int) -> str:
    if unit in ("day", "night"):
        return (anchor + timedelta(days=k)).isoformat()
    if unit in ("week", "fortnight"):
        return _week(anchor + timedelta(days=7 * k * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        y, mth = _shift_months(anchor, k)
        return f"{y}-{mth:02d}"
    if unit == "quarter":
        y, mth = _shift_months(anchor, 3 * k)
        return f"{y}-Q{(mth - 1) // 3 + 1}"
    if unit == "year":
        return str(anchor.year + k)
    if unit == "decade":
        return str((anchor.year + 10 * k) // 10)
    if unit in ("century", "centurie"):
        return str((anchor.year + 100 * k) // 100)
    if unit in ("hour", "minute", "second"):
        return anchor.isoformat()
    return str(anchor.year)
