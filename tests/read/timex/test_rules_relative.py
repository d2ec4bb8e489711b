"""Dates counted from the anchor or from what the text named before."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.read.timex import rules_relative
from storyline.read.timex.base import _Context
from tests.read.timex.common import TUESDAY, resolve, rule_names, shown, tag


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # anaphoric years: the year the text last named, not the publication year
        ("He fled in June 1998 and returned later that year.", "that year", "1998"),
        (
            "He was promoted in May 1995, and the following year he retired.",
            "the following year",
            "1996",
        ),
    ],
)
def test_anaphoric_years(sentence: str, expression: str, value: str) -> None:
    found = {t.text.lower(): t for t in tag(sentence, TUESDAY)}
    assert found[expression.lower()].value == value


def test_distance_after_an_event_is_a_duration_not_a_date() -> None:
    (later,) = tag("Three days later, the index recovered.", TUESDAY)
    assert (later.type, later.value) == ("DURATION", "P3D")
    (earlier,) = tag("A day earlier, trucks crossed the border.", TUESDAY)
    assert (earlier.type, earlier.value) == ("DURATION", "P1D")
    (ago,) = tag("Three days ago, the index recovered.", TUESDAY)
    assert ago.value == "2022-03-05"


def test_last_year_in_results_is_the_calendar_year_unless_a_period_is_named() -> None:
    sentence = (
        "Net rose in the fourth quarter to $5 million from $4 million last year. "
        "Sales were flat against the same period last year."
    )
    found = tag(sentence, TUESDAY)
    assert [t.value for t in found if t.text == "the fourth quarter"] == ["2021-Q4"]
    # "$4 million last year" is last year; "the same period last year" is that quarter
    assert [t.value for t in found if t.text == "last year"] == ["2021", "2020-Q4"]


# Each rule of the family run alone, through the rule table: (rule, text, anchor, (type, value, mod)).
ALONE = [
    ("weekday", "The envoy said Monday", TUESDAY, ("DATE", "2022-03-07", None)),
    ("weekday", "on Friday night", None, ("TIME", "XXXX-WXX-5TNI", None)),
    ("wd_abbr", "Tue, 8 March", TUESDAY, ("DATE", "2022-03-08", None)),
    ("deictic", "tomorrow morning", TUESDAY, ("TIME", "2022-03-09TMO", None)),
    ("deictic", "today", None, ("DATE", "PRESENT_REF", None)),
    ("ago", "three days ago", TUESDAY, ("DATE", "2022-03-05", None)),
    ("ago", "a day earlier", TUESDAY, ("DURATION", "P1D", None)),
    ("rel_unit", "last month", TUESDAY, ("DATE", "2022-02", None)),
    ("rel_unit", "over the past year", TUESDAY, ("DURATION", "P1Y", None)),
    ("within_unit", "later this year", TUESDAY, ("DATE", "2022", None)),
    ("within_unit", "early next year", TUESDAY, ("DATE", "2023", "START")),
    ("year_earlier", "a year earlier", TUESDAY, ("DATE", "2021", None)),
    ("weekend", "next weekend", TUESDAY, ("DATE", "2022-W10-WE", None)),
    ("the_year", "for the year", TUESDAY, ("DATE", "2022", None)),
]


@pytest.mark.parametrize(("rule", "text", "anchor", "expected"), ALONE)
def test_each_rule_resolves_alone(
    rule: str, text: str, anchor: date | None, expected: tuple[str, str, str | None] | None
) -> None:
    assert shown(resolve(rule, text, anchor)) == expected


def test_every_rule_of_the_family_is_run_alone() -> None:
    assert {case[0] for case in ALONE} == rule_names(rules_relative)


def test_a_rule_alone_reads_the_context_it_is_given() -> None:
    # a quarter named just before: "a year earlier" is that quarter a year back
    ctx = _Context(TUESDAY, last_quarter=(2021, 4), quarter_at=0)
    tx = resolve("year_earlier", "Sales fell from a year earlier.", TUESDAY, ctx)
    assert shown(tx) == ("DATE", "2020-Q4", None)
    # a year named before: "the following year" counts from it
    ctx = _Context(TUESDAY, last_year=1995)
    assert shown(resolve("rel_unit", "the following year", TUESDAY, ctx)) == ("DATE", "1996", None)


def test_the_year_ended_is_a_year_long_period_over_the_year_alone() -> None:
    text = "for the year ended June 30"
    tx = resolve("the_year", text, TUESDAY)
    assert tx is not None
    assert (tx.text, tx.type, tx.value) == ("the year", "DURATION", "P1Y")
    assert text[tx.start : tx.end] == "the year"


@pytest.mark.parametrize(
    ("sentence", "anchor", "value"),
    [
        ("The vote is next Tuesday.", date(2022, 3, 6), "2022-03-08"),  # from a Sunday: two days on
        ("The vote is next Tuesday.", TUESDAY, "2022-03-15"),  # from a Tuesday: a week on
        ("They meet this coming Sunday.", TUESDAY, "2022-03-13"),
        ("They met last Tuesday.", TUESDAY, "2022-03-01"),  # on a Tuesday: a week back
    ],
)
def test_next_and_last_weekday(sentence: str, anchor: date, value: str) -> None:
    assert [(t.type, t.value) for t in tag(sentence, anchor)] == [("DATE", value)]
