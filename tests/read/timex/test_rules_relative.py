"""Dates counted from the anchor or from what the text named before."""

from __future__ import annotations

import pytest

from tests.read.timex.common import TUESDAY, tag


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
