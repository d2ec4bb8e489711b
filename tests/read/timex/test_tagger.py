"""The tagger end to end: expressions found, overlaps settled, values resolved against the
anchor (publication date), titles and traps left alone."""

from __future__ import annotations

import pytest

from tests.read.timex.common import TUESDAY, tag


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The minister on Tuesday addressed a briefing.", "Tuesday", "2022-03-08"),
        ("The envoy said Monday in the capital.", "Monday", "2022-03-07"),
        ("The envoy will travel to the capital on Friday.", "Friday", "2022-03-11"),
        ("She is scheduled to see her counterpart on Friday.", "Friday", "2022-03-11"),
        ("The talks last week failed.", "last week", "2022-W09"),
        ("Troops moved in last month.", "last month", "2022-02"),
        ("The aid was approved in late December.", "late December", "2021-12"),
        ("In mid-November, the chief said so.", "mid-November", "2021-11"),
        ("Shelling began on February 24.", "February 24", "2022-02-24"),
        ("In 2014, the peninsula was annexed.", "2014", "2014"),
        ("The siege lasted for three weeks.", "three weeks", "P3W"),
        ("The vote will be held next year.", "next year", "2023"),
        ("Prices rose a year ago.", "a year ago", "2021"),
        ("Officials met yesterday.", "yesterday", "2022-03-07"),
        ("The deal was signed on 1 December 2021.", "1 December 2021", "2021-12-01"),
    ],
)
def test_resolved_against_the_anchor(sentence: str, expression: str, value: str) -> None:
    found = {t.text.lower().removeprefix("on ").removeprefix("for "): t for t in tag(sentence, TUESDAY)}
    assert found[expression.lower()].value == value
    t = found[expression.lower()]
    assert sentence[t.start : t.end] == t.text


def test_modifier_kept_and_durations_are_durations() -> None:
    (late,) = tag("It happened in late December.", TUESDAY)
    assert (late.value, late.mod) == ("2021-12", "END")
    (weeks,) = tag("They waited three weeks.", TUESDAY)
    assert weeks.type == "DURATION"


def test_without_an_anchor_values_are_partial_not_guesses() -> None:
    assert [t.value for t in tag("He spoke on Wednesday.", None)] == ["XXXX-WXX-3"]
    assert [t.value for t in tag("They met last month.", None)] == ["XXXX-XX"]


@pytest.mark.parametrize(
    "sentence",
    [
        "We will defend every inch, we said.",  # "we" is not Wednesday
        "Podcasts 0:00 20:57",  # timers are not times of day
        "Prices fall when traders spring into action and march on.",
        "A 6-year-old boy was rescued.",
        "Iraq imports about three-quarters of its food.",
    ],
)
def test_known_traps_find_nothing(sentence: str) -> None:
    assert tag(sentence, TUESDAY) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Funds hold more than a quarter of the market.",  # a fraction, not three months
        "The quarterly results were weak.",  # "quarterly" is not "the quarter"
        "The index closed at 2082.1 points.",  # an index level, not a year
        "It would be a second betrayal, she said.",  # the ordinal, not a second of time
        'The minister spoke on the programme "This Week" and on "60 Minutes."',  # titles
    ],
)
def test_more_traps_find_nothing(sentence: str) -> None:
    assert tag(sentence, TUESDAY) == []


def test_time_words_opening_a_sentence_are_still_times() -> None:
    assert [t.value for t in tag("Today, the talks resume.", TUESDAY)] == ["2022-03-08"]
    assert [t.value for t in tag("He waited. Two weeks passed.", TUESDAY)] == ["P2W"]
