"""Tense cues decide the side of the anchor a bare weekday falls on."""

from __future__ import annotations

import pytest

from storyline.read.timex.tense import _earlier_plan, _future, _tense
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


def _around(sentence: str, expression: str) -> tuple[str, int, int]:
    start = sentence.index(expression)
    return sentence, start, start + len(expression)


@pytest.mark.parametrize(
    ("sentence", "expression", "tense"),
    [
        ("The envoy said Monday in the capital.", "Monday", "past"),
        ("The envoy will travel to the capital on Friday.", "Friday", "future"),
        ("The summit will be held on Friday.", "Friday", "future"),  # passive, not past
        ("The offer had been due to expire Friday.", "Friday", "past"),  # an earlier plan
        ("Wednesday's ruling stands.", "Wednesday", "past"),  # a possessive
        ("Officials postponed the vote until Friday.", "Friday", "future"),
        ("Until Monday, they had refused to talk.", "Monday", "past"),
        ("On Friday the deadline runs out.", "Friday", "future"),  # a cue after it
        ("The meeting on Friday.", "Friday", None),
    ],
)
def test_tense_of_the_clause(sentence: str, expression: str, tense: str | None) -> None:
    assert _tense(*_around(sentence, expression)) == tense
    assert _future(*_around(sentence, expression)) is (tense == "future")


def test_a_plan_made_before_is_a_past_plan() -> None:
    assert _earlier_plan(["it", "had", "been", "due"], 3)
    assert not _earlier_plan(["it", "is", "due"], 2)
