"""Clock times and holidays."""

from __future__ import annotations

import pytest

from tests.read.timex.common import TUESDAY, tag


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
