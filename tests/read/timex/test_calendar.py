"""Calendar arithmetic, each helper on its own."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.read.timex.base import _Context
from storyline.read.timex.calendar import (
    _clock,
    _closest_year,
    _duration_value,
    _num,
    _offset_value,
    _part_of_day,
    _quarter,
    _quarter_ref,
    _season_of,
    _shift_months,
    _week,
    _weekday_date,
)
from tests.read.timex.common import TUESDAY


def test_numbers_weeks_quarters_and_seasons() -> None:
    assert (_num("three"), _num("2.5"), _num("several"), _num("dozens")) == (3, 2.5, None, None)
    assert _shift_months(date(2022, 1, 15), -1) == (2021, 12)
    assert _shift_months(date(2022, 11, 15), 3) == (2023, 2)
    assert _week(TUESDAY) == "2022-W10"
    assert _week(date(2021, 1, 1)) == "2020-W53"  # ISO weeks: Jan 1 can belong to the year before
    assert (_quarter(TUESDAY), _quarter(date(2022, 10, 1))) == (1, 4)
    assert _season_of(TUESDAY) == "SP"
    assert (_season_of(date(2021, 12, 1)), _season_of(date(2021, 9, 1))) == ("WI", "FA")
    assert (_part_of_day("Night"), _part_of_day(None), _part_of_day("noon")) == ("TNI", "", "")


@pytest.mark.parametrize(
    ("n", "kind", "letter", "value"),
    [
        (3, "", "W", "P3W"),
        (None, "T", "H", "PTXH"),
        (1, "", "Q", "P3M"),
        (2, "", "DE", "P20Y"),
        (1.5, "", "Y", "P1.5Y"),
        (1, "", "WE", "P2D"),
    ],
)
def test_duration_values(n: float | None, kind: str, letter: str, value: str) -> None:
    assert _duration_value(n, kind, letter) == value


@pytest.mark.parametrize(
    ("t", "clock"),
    [
        ("5 p.m.", (17, 0)),
        ("12 a.m.", (0, 0)),
        ("12 p.m.", (12, 0)),
        ("9:30 am", (9, 30)),
        ("noon", (12, 0)),
        ("midnight", (24, 0)),
        ("25:00", (None, 0)),
    ],
)
def test_clock_times(t: str, clock: tuple[int | None, int]) -> None:
    assert _clock(t) == clock


def test_the_closest_year_is_near_the_anchor_else_on_the_side_the_tense_says() -> None:
    assert _closest_year(TUESDAY, 11, 15, future=True) == 2021  # within 120 days: tense aside
    assert _closest_year(TUESDAY, 7, 15, future=True) == 2022
    assert _closest_year(TUESDAY, 7, 15, future=False) == 2021


@pytest.mark.parametrize(
    ("unit", "k", "value"),
    [
        ("day", -1, "2022-03-07"),
        ("week", -1, "2022-W09"),
        ("fortnight", 1, "2022-W12"),
        ("month", -3, "2021-12"),
        ("quarter", 1, "2022-Q2"),
        ("year", 1, "2023"),
        ("decade", 0, "202"),
        ("century", -1, "19"),
        ("hour", 5, "2022-03-08"),
    ],
)
def test_offsets_from_the_anchor(unit: str, k: int, value: str) -> None:
    assert _offset_value(TUESDAY, unit, k) == value


def test_quarter_references() -> None:
    ctx = _Context(TUESDAY)
    assert _quarter_ref(TUESDAY, "last", ctx) == (2021, 4)  # the last completed one
    assert _quarter_ref(TUESDAY, "this", ctx) == (2022, 1)
    assert _quarter_ref(date(2022, 11, 1), "next", ctx) == (2023, 1)
    ctx.last_quarter, ctx.near = (2020, 2), True
    assert _quarter_ref(TUESDAY, "the", ctx) == (2020, 2)  # "the quarter": the one just named


SUNDAY = date(2022, 3, 6)
TUE, SUN = 1, 6  # weekday numbers


@pytest.mark.parametrize(
    ("anchor", "weekday", "rel", "day"),
    [
        (SUNDAY, TUE, "next", date(2022, 3, 8)),  # the first Tuesday after the anchor
        (TUESDAY, TUE, "next", date(2022, 3, 15)),  # never the anchor's own day
        (TUESDAY, SUN, "this coming", date(2022, 3, 13)),
        (TUESDAY, SUN, "coming", date(2022, 3, 13)),
        (TUESDAY, TUE, "last", date(2022, 3, 1)),  # a week back
        (SUNDAY, TUE, "last", date(2022, 3, 1)),
        (TUESDAY, TUE, "this past", date(2022, 3, 1)),
    ],
)
def test_next_and_last_weekday(anchor: date, weekday: int, rel: str, day: date) -> None:
    for future in (False, True):  # "next" and "last" decide; the tense does not
        assert _weekday_date(anchor, weekday, future, rel) == day


@pytest.mark.parametrize("anchor", [date(2022, 3, 6 + i) for i in range(7)])
def test_next_weekday_is_the_first_one_strictly_after_the_anchor(anchor: date) -> None:
    # HeidelTime's convention: "next Tuesday" from a Sunday is two days on, from a Tuesday seven
    for weekday in range(7):
        for rel in ("next", "this coming", "coming"):
            day = _weekday_date(anchor, weekday, False, rel)
            assert day.weekday() == weekday and 1 <= (day - anchor).days <= 7
        day = _weekday_date(anchor, weekday, False, "last")
        assert day.weekday() == weekday and 1 <= (anchor - day).days <= 7
