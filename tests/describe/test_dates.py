from __future__ import annotations

import pytest

from storyline.describe.dates import normalise_date, parse_date_line, path_date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1 Dec, 2021 18:49", "2021-12-01"),
        ("December 1, 2021", "2021-12-01"),
        ("Published: 14 February 2023", "2023-02-14"),
        ("Updated 10:42 GMT, Tue 14 Feb 2023", "2023-02-14"),
        ("Tue 14 Feb 2023 10.42 GMT", "2023-02-14"),
        ("2023-02-14T09:00:00Z", "2023-02-14"),
        ("Feb. 14, 2023 at 9:30 a.m. EST", "2023-02-14"),
        ("The council met on 14 February 2023 to vote.", None),
        ("2023 was a hard year", None),
        ("0:00", None),
        ("31 Feb, 2023", None),
    ],
)
def test_parse_date_line(line: str, expected: str | None) -> None:
    assert parse_date_line(line) == expected


def test_metadata_and_path_dates() -> None:
    assert normalise_date("2023-02-14 09:30:00") == "2023-02-14"
    assert normalise_date(None) is None
    assert path_date("archive/2010-04-06/1538.htm.txt") == "2010-04-06"
    assert path_date("https://news.example/2010/04/06/story") == "2010-04-06"
    assert path_date("archive/20100406/x") == "2010-04-06"
    assert path_date("photos/1538/2010/x.txt") is None
