"""Durations, recurrences and vague references."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.read.timex import rules_durations
from tests.read.timex.common import TUESDAY, resolve, rule_names, shown, tag


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # recurring days and months
        ("A third flight departs each Thursday.", "each Thursday", "XXXX-WXX-4"),
        ("The marchers parade every July.", "every July", "XXXX-07"),
        ("The shop is closed on Mondays.", "Mondays", "XXXX-WXX-1"),
    ],
)
def test_recurring_days_and_months(sentence: str, expression: str, value: str) -> None:
    found = {t.text.lower(): t for t in tag(sentence, TUESDAY)}
    assert found[expression.lower()].value == value


# Each rule of the family run alone, through the rule table: (rule, text, anchor, (type, value, mod)).
ALONE = [
    ("duration", "for three weeks", None, ("DURATION", "P3W", None)),
    ("duration", "a 6-year-old boy", None, None),  # an age
    ("duration", "two times a year", None, ("SET", "P1Y", None)),
    ("duration", "700 seats a week", None, None),  # a rate
    ("units", "for years", None, ("DURATION", "PXY", None)),
    ("set", "every week", None, ("SET", "P1W", None)),
    ("set", "hourly", None, ("SET", "PT1H", None)),
    ("set_named", "every Friday night", None, ("SET", "XXXX-WXX-5TNI", None)),
    ("ref", "in recent years", TUESDAY, ("DURATION", "PXY", None)),
    ("ref", "right now", TUESDAY, ("DATE", "PRESENT_REF", None)),
    ("ref", "in the future", TUESDAY, ("DATE", "FUTURE_REF", None)),
    ("ref", "formerly", TUESDAY, ("DATE", "PAST_REF", None)),
]


@pytest.mark.parametrize(("rule", "text", "anchor", "expected"), ALONE)
def test_each_rule_resolves_alone(
    rule: str, text: str, anchor: date | None, expected: tuple[str, str, str | None] | None
) -> None:
    assert shown(resolve(rule, text, anchor)) == expected


def test_every_rule_of_the_family_is_run_alone() -> None:
    assert {case[0] for case in ALONE} == rule_names(rules_durations)
