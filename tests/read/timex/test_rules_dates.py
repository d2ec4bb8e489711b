"""Dates named outright: days, months, years, decades, centuries."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.read.timex import rules_dates
from tests.read.timex.common import TUESDAY, resolve, rule_names, shown, tag


def test_bare_month_in_past_reporting_is_not_put_in_the_future() -> None:
    (nov,) = tag("The meeting in November was tense.", TUESDAY)
    assert nov.value == "2021-11"


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # centuries, spelled decades
        ("It was one of the great events of the 20th century.", "the 20th century", "19"),
        ("Numbers dropped through the nineties.", "the nineties", "199"),
    ],
)
def test_centuries_and_spelled_decades(sentence: str, expression: str, value: str) -> None:
    found = {t.text.lower(): t for t in tag(sentence, TUESDAY)}
    assert found[expression.lower()].value == value


# Each rule of the family run alone, through the rule table: (rule, text, anchor, (type, value, mod)).
ALONE = [
    ("iso", "Filed 2021-12-01T14:30 in court", TUESDAY, ("TIME", "2021-12-01T14:30", None)),
    ("iso", "on 2021-12-01", None, ("DATE", "2021-12-01", None)),
    ("numeric", "on 3/8/99", None, ("DATE", "1999-03-08", None)),
    ("mdy", "Tuesday, March 8, 2022", None, ("DATE", "2022-03-08", None)),
    ("dmy", "the 1st of December 2021", None, ("DATE", "2021-12-01", None)),
    ("md", "Shelling began on February 24.", TUESDAY, ("DATE", "2022-02-24", None)),
    ("md", "They may 5", TUESDAY, None),  # lower-case "may": the verb
    ("dm", "on 8 March", None, ("DATE", "XXXX-03-08", None)),
    ("my", "in late March 2020", TUESDAY, ("DATE", "2020-03", "END")),
    ("month_rel_year", "in June last year", TUESDAY, ("DATE", "2021-06", None)),
    ("month", "The meeting in November was tense.", TUESDAY, ("DATE", "2021-11", None)),
    ("month", "Troops march", TUESDAY, None),
    ("year", "in fiscal 2021", TUESDAY, ("DATE", "2021", None)),
    ("year", "on flight 2014", TUESDAY, None),
    ("decade", "in the early '80s", TUESDAY, ("DATE", "198", "START")),
    ("spelled_year", "in nineteen eighty-four", TUESDAY, ("DATE", "1984", None)),
    ("century", "the 20th century", TUESDAY, ("DATE", "19", None)),
    ("spelled_decade", "in the late nineties", TUESDAY, ("DATE", "199", "END")),
]


@pytest.mark.parametrize(("rule", "text", "anchor", "expected"), ALONE)
def test_each_rule_resolves_alone(
    rule: str, text: str, anchor: date | None, expected: tuple[str, str, str | None] | None
) -> None:
    assert shown(resolve(rule, text, anchor)) == expected


def test_every_rule_of_the_family_is_run_alone() -> None:
    assert {case[0] for case in ALONE} == rule_names(rules_dates)
