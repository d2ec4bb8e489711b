"""Parts of a year: quarters, halves, seasons, results periods, year-end."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.read.timex import rules_periods
from storyline.read.timex.base import _Context
from tests.read.timex.common import TUESDAY, resolve, rule_names, shown, tag


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # quarters named with their year
        ("In the 1988 third quarter, the company lost money.", "the 1988 third quarter", "1988-Q3"),
        (
            "The spin-off could happen in next year's first quarter.",
            "next year's first quarter",
            "2023-Q1",
        ),
        # year-end
        ("They expect to close the deal by year-end.", "year-end", "2022-12-31"),
        ("The index has risen 5% since year-end.", "year-end", "2021-12-31"),
    ],
)
def test_quarters_and_year_end(sentence: str, expression: str, value: str) -> None:
    found = {t.text.lower(): t for t in tag(sentence, TUESDAY)}
    assert found[expression.lower()].value == value


# Each rule of the family run alone, through the rule table: (rule, text, anchor, (type, value, mod)).
ALONE = [
    ("quarter", "Net rose in the fourth quarter", TUESDAY, ("DATE", "2021-Q4", None)),
    ("quarter", "next quarter", TUESDAY, ("DATE", "2022-Q2", None)),
    ("quarter", "the third quarter", None, ("DATE", "XXXX-Q3", None)),
    ("year_quarter", "the 1988 third quarter", TUESDAY, ("DATE", "1988-Q3", None)),
    ("half", "the first half of 2021", TUESDAY, ("DATE", "2021-H1", None)),
    ("half", "the second half", None, ("DATE", "XXXX-H2", None)),
    ("season", "last summer", TUESDAY, ("DATE", "2021-SU", None)),
    ("season", "Prices fall", TUESDAY, None),  # the verb
    ("period", "the year-ago period", TUESDAY, ("DATE", "2020-Q4", None)),
    ("year_end", "by year-end", TUESDAY, ("DATE", "2022-12-31", None)),
]


@pytest.mark.parametrize(("rule", "text", "anchor", "expected"), ALONE)
def test_each_rule_resolves_alone(
    rule: str, text: str, anchor: date | None, expected: tuple[str, str, str | None] | None
) -> None:
    assert shown(resolve(rule, text, anchor)) == expected


def test_every_rule_of_the_family_is_run_alone() -> None:
    assert {case[0] for case in ALONE} == rule_names(rules_periods)


def test_a_quarter_is_remembered_in_the_context() -> None:
    ctx = _Context(TUESDAY)
    resolve("quarter", "in the third quarter", TUESDAY, ctx)
    assert (ctx.last_quarter, ctx.quarter_at) == ((2021, 3), 3)
    # "the period" then means that quarter
    assert shown(resolve("period", "the latest period", TUESDAY, ctx)) == ("DATE", "2021-Q3", None)


def test_year_end_spans_year_end_alone() -> None:
    tx = resolve("year_end", "by year-end", TUESDAY)
    assert tx is not None
    assert (tx.start, tx.end, tx.text) == (3, 11, "year-end")
