"""Dates named outright: days, months, years, decades, centuries."""

from __future__ import annotations

import pytest

from tests.read.timex.common import TUESDAY, tag


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
