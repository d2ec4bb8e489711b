"""Durations, recurrences and vague references."""

from __future__ import annotations

import pytest

from tests.read.timex.common import TUESDAY, tag


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
