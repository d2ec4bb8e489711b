"""Clock times and holidays."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.read.timex import rules_clock
from tests.read.timex.common import TUESDAY, resolve, rule_names, shown, tag


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # a date after a clock time belongs to it
        ("The offer runs until 5 p.m. EST, March 10.", "5 p.m. EST, March 10", "2022-03-10T17:00"),
        # Election Day
        ("The campaign runs from now to Election Day.", "Election Day", "2022-11-08"),
    ],
)
def test_clock_times_and_holidays(sentence: str, expression: str, value: str) -> None:
    found = {t.text.lower(): t for t in tag(sentence, TUESDAY)}
    assert found[expression.lower()].value == value


# Each rule of the family run alone, through the rule table: (rule, text, anchor, (type, value, mod)).
ALONE = [
    ("time", "The envoy spoke at 5 p.m. Friday", TUESDAY, ("TIME", "2022-03-04T17:00", None)),
    ("time", "at midnight", None, ("TIME", "XXXX-XX-XXT24", None)),
    ("time", "Podcasts 20:57", TUESDAY, None),  # a timer
    ("holiday", "at Christmas", TUESDAY, ("DATE", "2021-12-25", None)),
    ("holiday", "Thanksgiving", TUESDAY, ("DATE", "2021-11-25", None)),
    ("holiday", "Easter", TUESDAY, ("DATE", "XXXX-XX-XX", None)),
    ("time_date", "until 5 p.m., March 10", TUESDAY, ("TIME", "2022-03-10T17:00", None)),
]


@pytest.mark.parametrize(("rule", "text", "anchor", "expected"), ALONE)
def test_each_rule_resolves_alone(
    rule: str, text: str, anchor: date | None, expected: tuple[str, str, str | None] | None
) -> None:
    assert shown(resolve(rule, text, anchor)) == expected


def test_every_rule_of_the_family_is_run_alone() -> None:
    assert {case[0] for case in ALONE} == rule_names(rules_clock)
