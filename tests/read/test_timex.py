"""Temporal expressions resolved the way news is written (table-driven, anchor = publication date)."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.read.timex import TimexTagger

TUESDAY = date(2022, 3, 8)  # a Tuesday
tag = TimexTagger()


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
    found = {
        t.text.lower().removeprefix("on ").removeprefix("for "): t for t in tag(sentence, TUESDAY)
    }
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


def test_bare_month_in_past_reporting_is_not_put_in_the_future() -> None:
    (nov,) = tag("The meeting in November was tense.", TUESDAY)
    assert nov.value == "2021-11"


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
        # a date after a clock time belongs to it
        ("The offer runs until 5 p.m. EST, March 10.", "5 p.m. EST, March 10", "2022-03-10T17:00"),
        # anaphoric years: the year the text last named, not the publication year
        ("He fled in June 1998 and returned later that year.", "that year", "1998"),
        (
            "He was promoted in May 1995, and the following year he retired.",
            "the following year",
            "1996",
        ),
        # quarters named with their year
        ("In the 1988 third quarter, the company lost money.", "the 1988 third quarter", "1988-Q3"),
        (
            "The spin-off could happen in next year's first quarter.",
            "next year's first quarter",
            "2023-Q1",
        ),
        # recurring days and months
        ("A third flight departs each Thursday.", "each Thursday", "XXXX-WXX-4"),
        ("The marchers parade every July.", "every July", "XXXX-07"),
        ("The shop is closed on Mondays.", "Mondays", "XXXX-WXX-1"),
        # centuries, spelled decades, year-end, Election Day
        ("It was one of the great events of the 20th century.", "the 20th century", "19"),
        ("Numbers dropped through the nineties.", "the nineties", "199"),
        ("They expect to close the deal by year-end.", "year-end", "2022-12-31"),
        ("The index has risen 5% since year-end.", "year-end", "2021-12-31"),
        ("The campaign runs from now to Election Day.", "Election Day", "2022-11-08"),
    ],
)
def test_more_news_cues(sentence: str, expression: str, value: str) -> None:
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
