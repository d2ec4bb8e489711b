"""Parts of a year: quarters, halves, seasons, results periods, year-end."""

from __future__ import annotations

import pytest

from tests.read.timex.common import TUESDAY, tag


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
