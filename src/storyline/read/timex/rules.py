"""The rule table: every rule once, in the order the tagger tries them.

The order matters: among overlapping matches of the same length and priority the earlier
rule wins, so the table is written out here rather than collected from the family modules.
``RULES`` are the fallback language's (``lang.get``); ``rules_for`` gives a language's: the same
resolvers in the same order, each with the language's pattern, compiled once per language.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from storyline import lang
from storyline.read.timex import rules_clock as clock
from storyline.read.timex import rules_dates as dates
from storyline.read.timex import rules_durations as durations
from storyline.read.timex import rules_periods as periods
from storyline.read.timex import rules_relative as relative
from storyline.read.timex.base import Rule, pattern

RULES: list[Rule] = [
    dates.ISO,
    dates.NUMERIC,
    dates.MDY,
    dates.DMY,
    dates.MD,
    dates.DM,
    dates.MY,
    dates.MONTH_REL_YEAR,
    dates.MONTH,
    dates.YEAR,
    dates.DECADE,
    relative.WEEKDAY,
    relative.WD_ABBR,
    relative.DEICTIC,
    relative.AGO,
    relative.REL_UNIT,
    relative.WITHIN_UNIT,
    relative.YEAR_EARLIER,
    periods.QUARTER,
    periods.YEAR_QUARTER,
    periods.HALF,
    periods.SEASON,
    durations.DURATION,
    relative.WEEKEND,
    relative.THE_YEAR,
    dates.SPELLED_YEAR,
    periods.PERIOD,
    durations.UNITS_RULE,
    durations.SET,
    durations.SET_NAMED,
    durations.REF,
    clock.TIME,
    clock.HOLIDAY,
    dates.CENTURY,
    dates.SPELLED_DECADE,
    periods.YEAR_END,
    clock.TIME_DATE,
]
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}


def rules_for(language: lang.Language | None = None) -> list[Rule]:
    """The rule table in ``language`` (None: the fallback's, ``RULES``); a rule the language has
    no pattern for is left out."""
    return _rules(language.code) if language is not None else RULES


@cache
def _rules(code: str) -> list[Rule]:
    language = lang.get(code)
    if language is lang.get(None):
        return RULES
    return [replace(r, pattern=pattern(r.name, language)) for r in RULES if r.name in language.times.patterns]
