"""English time expressions, in the manner of HeidelTime's English resources: each rule's pattern
(``PATTERNS``, by rule name: the resolvers in ``read/timex/rules_*.py`` read its named groups)
and the words the resolvers turn into values (``lang/en/calendar.py``, ``lang/en/numbers.py``,
``lang/en/tense.py`` and the tables here). A pattern is a whole phrase, case aside, with no
word character either side (``_phrase``), unless written otherwise.
"""

from __future__ import annotations

from storyline.lang.en.calendar import DAYNUM, MON, MONTH_NAMES, POD, TIME, WD, YEAR

UNITS = {
    "second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"), "night": ("", "D"),
    "week": ("", "W"), "fortnight": ("", "W"), "month": ("", "M"), "year": ("", "Y"), "decade": ("", "DE"),
    "century": ("", "CE"), "quarter": ("", "Q"), "weekend": ("", "WE"),
}  # fmt: skip
# "early", "mid", "late" and their longer forms as TIMEX3 modifiers
MODIFIERS = {
    "early": "START",
    "the beginning of": "START",
    "the start of": "START",
    "mid": "MID",
    "the middle of": "MID",
    "late": "END",
    "the end of": "END",
}
DAY_OFFSETS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1, "last": -1}
# A unit counted from the anchor ("last week", "the following year", "this month").
STEPS = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "prior": -1,
    "this": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
}
# "next Tuesday" is always ahead and "last Tuesday" behind, whatever the tense.
WEEKDAY_STEPS = {"next": 1, "this coming": 1, "coming": 1, "last": -1, "this past": -1, "past": -1}
QUARTER_STEPS = {"current": 0, "this": 0, "next": 1, "coming": 1, "following": 1}
# "the quarter", "the same quarter": the one the text just named, when it is near.
NAMED_QUARTER = ("the", "same", "")
# What a recurrence word contains, and the unit it repeats in (first match wins).
SET_LETTERS = (
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
PRESENT = (
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
FUTURE = ("soon", "shortly", "the future", "in the future", "future", "eventually")
# Time words a capitalised title is made of ("This Week", "60 Minutes", "High Noon").
TITLE_WORDS = {
    "today", "tonight", "now", "noon", "midnight", "week", "weeks", "minute", "minutes", "hour", "hours",
    "day", "days", "year", "years", "month", "months",
}  # fmt: skip
# "a year", "an hour" after a number is a rate ("700 seats a week"), after "per" a recurrence.
RATE_UNITS = ("year", "month", "week", "day", "hour")
# "the past week", "the last decade": a duration reaching back to the anchor.
SPAN_UNITS = ("week", "month", "year", "decade", "century")
# What a resolver checks around its match (lower case, searched or matched where it says).
CUES = {
    # the words just before a number that is no year ("No. 2014", "$2014", "route 2014")
    "not_a_year": r"(?:\$|no\.|#|number|route|flight|page|model)\s*$",
    # "a quarter of the market" is a fraction, "the quarter of the year" no
    "fraction_of": r"\s+of\s+(?!(?:the\s+|this\s+|last\s+|next\s+)?(?:year|fiscal|\d))",
    # after "a second", the words of a second of time ("a second or two", "a second later")
    "second_of_time": r"\s+(?:or|and|later|earlier|ago|before|after|of|to|in|per|longer|delay)\b",
    # "once" is a past reference unless a count or phrase follows ("once again", "once a week")
    "once_more": r"\s*(?:again|more|a|an|the|every)\b",
    # a season with a determiner before it is the season, else "fall" and "spring" are verbs
    "season_determiner": r"\b(?:the|in|this|last|next|of)\s+$",
    # "the same period last year": the year before the quarter being compared
    "compared_period": r"\b(?:period|quarter)\s+$",
}

NUMW = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ]four)?|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|hundred|half an?|a half|several|a few|few|many|some"
    r"|(?:a\s+)?couple(?:\s+of)?|a number of)"
)
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|century|centurie|quarter)"
# The modifiers a month or a year may carry ("late December", "the end of 2021").
MODS = r"early|mid|late|the end of|the beginning of|the start of|the middle of"


def _phrase(pattern: str) -> str:
    """``pattern`` as a whole phrase, case-insensitive: no word character either side."""
    return rf"(?i)(?<![\w-])(?:{pattern})(?![\w])"


PATTERNS = {
    # dates
    "iso": _phrase(
        r"(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:T(?P<t>\d{2}:\d{2}))?"
    ),
    "numeric": _phrase(r"(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)?\d\d)"),
    "mdy": _phrase(rf"(?:{WD},?\s+)?(?P<mon>{MON})\s+(?P<d>{DAYNUM}),?\s+(?P<y>{YEAR})"),
    "dmy": _phrase(rf"(?:{WD},?\s+)?(?P<d>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MON}),?\s+(?P<y>{YEAR})"),
    "md": _phrase(
        rf"(?:(?:last|next|this|this past)\s+)?(?:(?P<wd>{WD}),?\s+)?"
        rf"(?P<mon>{MON})\s+(?P<d>{DAYNUM})(?!\s*(?:,\s*)?(?:\d|%))"
    ),
    "dm": _phrase(
        rf"(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<d>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MON})(?!\s*,?\s*\d)"
    ),
    "my": _phrase(rf"(?:(?P<mod>{MODS})[\s-]+)?(?P<mon>{MON}),?\s+(?:of\s+)?(?P<y>{YEAR})"),
    "month_rel_year": _phrase(
        rf"(?:(?P<mod>early|mid|late)[\s-]+)?(?P<mon>{MON})\s+(?P<rel>last|this|next)\s+year"
    ),
    "month": _phrase(
        rf"(?:(?P<rel>last|next|this|the coming|the past|coming|past)\s+)?(?:(?P<mod>{MODS})[\s-]+)?"
        rf"(?P<mon>{MONTH_NAMES}|jan\.|feb\.|aug\.|sept\.|oct\.|nov\.|dec\.)"
    ),
    "year": _phrase(
        rf"(?:(?P<fiscal>fiscal(?: year)?)\s+|(?P<mod>{MODS})[\s-]+)?"
        rf"(?P<y>{YEAR})(?!\s*(?:%|percent|[-–]\s*\d|\d)|[.,]\d)"
    ),
    "decade": _phrase(
        r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<c>19|20)(?P<d>\d)0s|'(?P<d2>\d)0s)"
    ),
    "spelled_year": _phrase(
        r"(?:the year\s+)?(?:two thousand(?:\s+and\s+(?P<a>\w+))?"
        r"|nineteen[\s-]+(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[\s-]+(?P<ones>one|two|three|four|five|six|seven|eight|nine))?)"
    ),
    "century": _phrase(
        r"(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>nineteenth|twentieth|twenty-first|twenty first))"
        r"[\s-]+century"
    ),
    "spelled_decade": _phrase(
        r"the\s+(?:(?P<mod>early|mid|late)[\s-]+)?"
        r"(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
    ),
    # relative
    "weekday": _phrase(
        r"(?:(?P<rel>last|next|this|this past|this coming|coming|past)\s+)?"
        rf"(?P<wd>{WD})(?:\s+(?P<pod>{POD}))?"
    ),
    # abbreviations only capitalised and before a date or the end ("Tue, 8 March"): "sun", "wed" are words
    "wd_abbr": r"(?<![\w-])(?P<wd>Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?(?=\s*,?\s*(?:\d|$))",
    "deictic": _phrase(
        rf"(?P<w>today|tonight|yesterday|tomorrow)(?:'s)?(?:\s+(?P<pod>{POD}))?"
        rf"|(?P<w2>this|last|tomorrow|yesterday)\s+(?P<pod2>{POD})"
    ),
    "ago": _phrase(
        r"(?:(?:about|nearly|almost|some|more than|less than|over|just|only|roughly|around)\s+)?"
        rf"(?P<n>{NUMW})[\s-]+(?P<u>{UNIT})s?\s+(?P<dir>ago|earlier|before|later|from now|hence)"
    ),
    "rel_unit": _phrase(
        r"(?P<rel>last|next|this|the coming|coming|the past|past|the previous|previous|the current|current"
        r"|the latest|latest|the same|that|the following|following|the prior|prior)"
        r"\s+(?P<u>week|weekend|month|year|quarter|decade|century|season|fiscal year|half)"
    ),
    "within_unit": _phrase(
        r"(?P<mod>earlier|later|early|late)\s+(?:in\s+)?(?P<rel>this|last|next)"
        r"\s+(?P<u>week|month|year|quarter|decade|century)"
    ),
    "year_earlier": _phrase(
        r"(?:a\s+)?year[- ](?:earlier|ago)|year-before|the year-earlier(?: period| quarter)?"
    ),
    "weekend": _phrase(r"(?:(?P<rel>the|this|last|next|this past|over the|during the)\s+)?weekend"),
    "the_year": _phrase(
        r"the (?:(?P<fisc>fiscal|calendar|full|current)\s+)?year(?!s|-)(?P<ended>\s+end(?:ed|ing))?"
    ),
    # periods
    "quarter": _phrase(
        r"(?:the\s+(?:fiscal[\s-]+)?"
        r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|latest|current|last|previous"
        r"|year-earlier|same|final)[\s-]+)?"
        r"|(?P<ord3>first|second|third|fourth|1st|2nd|3rd|4th|latest|current|last|previous|year-earlier"
        r"|final|this|next)[\s-]+)"
        rf"(?:(?P<fisc>fiscal)\s+)?quarter(?!s)(?:\s+of\s+(?P<y>{YEAR}))?"
        r"|(?P<ord2>first|second|third|fourth)-quarter"
    ),
    "year_quarter": _phrase(
        rf"(?:the\s+)?(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year's)\s+"
        r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal\s+)?(?:quarter|period)(?!s)"
    ),
    "half": _phrase(
        r"(?:the\s+)?(?P<ord>first|second|latter)\s+half"
        rf"(?:\s+of\s+(?:(?P<y>{YEAR})|the year|this year|next year|last year))?"
    ),
    "season": _phrase(
        r"(?:(?P<rel>last|next|this|this past|the coming)\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?"
        rf"(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{YEAR}))?"
    ),
    "period": _phrase(r"the (?:latest|most recent|year-ago|year-earlier) period"),
    "year_end": _phrase(
        r"(?P<p>by|at|since|until|before|after|from|to|near|toward|towards|through)"
        r"\s+(?:the\s+)?(?P<x>year[- ]end)"
    ),
    # durations
    "duration": _phrase(
        r"(?:(?P<pre>the\s+(?:past|last|next|previous|coming|first|latest)|the|another|over|for|past|nearly"
        r"|almost|about|more than|less than|at least|up to)\s+)?"
        rf"(?P<n>{NUMW})[\s-]+"
        r"(?:(?:more|additional|extra|straight|consecutive|full|trading|business|working|calendar|long)\s+)?"
        rf"(?P<u>{UNIT})s?(?:[\s-]+long|[\s-]+old)?"
    ),
    "units": _phrase(r"(?P<u>(?:second|minute|hour|day|week|month|year|decade)s)"),
    "set": _phrase(
        r"(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly"
        r"|every\s+(?:day|week|month|year|morning|night|(?:other|single)\s+day)"
        r"|each\s+(?:day|week|month|year)|(?:a|per)\s+(?:day|week|month|year))"
    ),
    "set_named": _phrase(
        rf"(?:(?:every|each)\s+(?:(?P<wd>{WD})(?:\s+(?P<pod>{POD}))?|(?P<mon>{MONTH_NAMES}))"
        rf"|(?P<wds>{WD})s)"
    ),
    "ref": _phrase(
        r"(?P<w>now|right now|currently|current|at present|presently|nowadays|these days|recently|lately"
        r"|formerly|the past|in the past|the future|in the future|the near future"
        r"|in recent (?:years|months|weeks|days)|recent (?:years|months|weeks|days))"
    ),
    # clock
    "time": _phrase(
        rf"(?:(?P<wd>{WD}|today|yesterday|tomorrow),?\s+(?:at\s+)?)?(?P<t>{TIME})"
        rf"(?:\s*(?:\([^)]{{1,12}}\))?\s*,?\s*(?P<wd2>{WD}|today|yesterday|tomorrow))?"
    ),
    "holiday": _phrase(
        r"(?P<h>christmas(?: day| eve)?|new year's(?: day| eve)|thanksgiving(?: day)?|easter|halloween"
        r"|independence day|labor day|memorial day|election day)"
    ),
    "time_date": _phrase(rf"(?P<t>{TIME})\s*,?\s*(?:on\s+)?(?P<mon>{MON})\s+(?P<d>{DAYNUM})(?!\s*,?\s*\d)"),
}
