"""The rule table: every rule once, in the order matching and tie-breaking depend on."""

from __future__ import annotations

from storyline.read.timex import (
    rules_clock,
    rules_dates,
    rules_durations,
    rules_periods,
    rules_relative,
)
from storyline.read.timex.base import Rule
from storyline.read.timex.rules import BY_NAME, RULES

# The order and priorities of the rules when they were one list in read/timex.py.
ORIGINAL = [
    ("iso", 9),
    ("numeric", 8),
    ("mdy", 9),
    ("dmy", 9),
    ("md", 7),
    ("dm", 7),
    ("my", 8),
    ("month_rel_year", 8),
    ("month", 5),
    ("year", 4),
    ("decade", 6),
    ("weekday", 6),
    ("wd_abbr", 3),
    ("deictic", 7),
    ("ago", 8),
    ("rel_unit", 6),
    ("within_unit", 7),
    ("year_earlier", 6),
    ("quarter", 6),
    ("year_quarter", 9),
    ("half", 6),
    ("season", 5),
    ("duration", 5),
    ("weekend", 5),
    ("the_year", 3),
    ("spelled_year", 6),
    ("period", 4),
    ("units", 2),
    ("set", 6),
    ("set_named", 7),
    ("ref", 3),
    ("time", 6),
    ("holiday", 5),
    ("century", 7),
    ("spelled_decade", 6),
    ("year_end", 6),
    ("time_date", 8),
]
FAMILIES = (rules_dates, rules_relative, rules_periods, rules_durations, rules_clock)


def test_the_table_holds_every_rule_once_in_the_original_order() -> None:
    assert [(rule.name, rule.priority) for rule in RULES] == ORIGINAL
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert list(BY_NAME) == [name for name, _ in ORIGINAL]
    assert all(BY_NAME[rule.name] is rule for rule in RULES)


def test_every_rule_a_family_defines_is_in_the_table() -> None:
    defined = [v for module in FAMILIES for v in vars(module).values() if isinstance(v, Rule)]
    assert sorted(rule.name for rule in defined) == sorted(rule.name for rule in RULES)
    assert {id(rule) for rule in defined} == {id(rule) for rule in RULES}
