"""Tense cues decide the side of the anchor a bare weekday falls on."""

from __future__ import annotations

import pytest

from tests.read.timex.common import TUESDAY, tag


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # tense cues: reported future, "until", passive future, earlier plans, "plan" as a noun
        ("He said he would travel to the capital on Friday.", "Friday", "2022-03-11"),
        ("Officials postponed the vote until Friday.", "Friday", "2022-03-11"),
        ("Until Monday, they had refused to talk.", "Monday", "2022-03-07"),
        ("The summit will be held on Friday.", "Friday", "2022-03-11"),
        ("The offer had been due to expire Friday.", "Friday", "2022-03-04"),
        ("The two leaders signed a cooperation plan Friday.", "Friday", "2022-03-04"),
        ("The offer will expire at midnight Friday.", "midnight Friday", "2022-03-11T24"),
    ],
)
def test_tense_cues(sentence: str, expression: str, value: str) -> None:
    found = {t.text.lower(): t for t in tag(sentence, TUESDAY)}
    assert found[expression.lower()].value == value
