from __future__ import annotations

import pytest

from storyline.describe.dates import day_first, normalise_date, parse_date_line, path_date, stated_date


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


@pytest.mark.parametrize(
    ("value", "dayfirst", "expected"),
    [
        ("2022-5-5 22:17:36", True, "2022-05-05"),
        ("20180619T055000+0900", True, "2018-06-19"),
        ("20231102", True, "2023-11-02"),
        ("2022-1-26T14:32:06+02:00", True, "2022-01-26"),
        ("11.11.2021", True, "2021-11-11"),
        ("Di., 25.01.2022 - 14:45", True, "2022-01-25"),
        ("Tue Jan 28 15:28:56 CET 2020", True, "2020-01-28"),
        ("11/01/2023 12:43:42", True, "2023-01-11"),  # day first, as a German page writes it
        ("11/01/2023 12:43:42", False, "2023-11-01"),  # month first, as a U.S. page does
        ("11/01/2023", None, None),  # English of no known region: left undated, not guessed
        ("25/01/2023", None, "2023-01-25"),  # no other reading
        ("2020-02-24T22:00:00-05:00", True, "2020-02-24"),  # the day as written, in its own zone
    ],
)
def test_metadata_dates_in_every_common_format(
    value: str, dayfirst: bool | None, expected: str | None
) -> None:
    assert normalise_date(value, dayfirst) == expected


def test_day_first_follows_the_page_locale() -> None:
    assert day_first("de", None) is True and day_first("en", "en-US") is False
    assert day_first("en", "en-GB") is True and day_first("en", None) is None


def test_more_url_forms() -> None:
    assert path_date("https://example.org/media-news/meldungen/29-10-2021") == "2021-10-29"
    assert path_date("https://example.org/bericht_vom_22.04.2020_worauf") == "2020-04-22"
    assert path_date("http://example.cn/2020-02/19/c_138797456.htm") == "2020-02-19"


def _stated(hints: dict, url: str | None = None, html: str | None = None) -> tuple[str | None, str | None]:
    return stated_date(hints, None, None, url, html, "en")


def test_the_publication_date_and_where_it_was_found() -> None:
    dates = [
        ("json-ld datePublished", "2020-02-24T10:00:00-05:00"),
        ("meta article.published_time", "2020-02-20"),
    ]
    assert _stated({"dates": dates}) == ("2020-02-24", "markup: json-ld datePublished")
    assert _stated({"date": "2019-05-01"}) == ("2019-05-01", "record")  # a crawler's field
    # a UTC time on the day after the page's own: the URL's date is the page's
    utc = [("json-ld datePublished", "2020-02-25T03:10:00Z")]
    assert _stated({"dates": utc}, "https://example.com/2020/02/24/story") == (
        "2020-02-24",
        "url (the markup: json-ld datePublished time is UTC)",
    )
    # a UTC time read in the zone the page writes its other times in
    zoned = [
        ("json-ld datePublished", "2019-10-18T22:04:00Z"),
        ("meta date", "Sat, 19 Oct 2019 00:04:00 +0200"),
    ]
    assert _stated({"dates": zoned}) == (
        "2019-10-19",
        "markup: json-ld datePublished (a UTC time, in the page's zone)",
    )
    west = [
        ("json-ld datePublished", "2023-11-09T06:35:29+00:00"),
        ("json-ld uploadDate", "2023-11-08T23:10:44-08:00"),
    ]
    assert _stated({"dates": west})[0] == "2023-11-08"
    assert _stated({"dates": utc})[0] == "2020-02-25"  # no zone of its own: the day as written
    # a date after the page was fetched, or in the future, is no publication date
    assert _stated({"dates": [("meta date", "2031-01-01")]}) == (None, None)
    fetched = {"dates": [("meta date", "2023-05-02")], "crawled": "2023-05-01T10:00:00Z"}
    assert _stated(fetched, "https://example.com/2023/04/30/x") == ("2023-04-30", "url")
    # a time element only suggests a date: the URL outranks it
    weak = [("first time element", "2009-04-11")]
    assert _stated({"dates": weak}, "https://example.com/2019/10/22/a") == ("2019-10-22", "url")


def test_the_date_line_under_the_headline_outranks_markup_that_disagrees() -> None:
    cms = [("json-ld datePublished", "2021-11-29T08:00:00+01:00")]
    shown = ["12.01.2022"]
    assert _stated({"dates": cms, "header_dates": shown}) == ("2022-01-12", "date line under the headline")
    # markup agreeing with any date shown there stands
    both = ["2018-08-29 14:15", "2021-11-29"]
    assert _stated({"dates": cms, "header_dates": both}) == ("2021-11-29", "markup: json-ld datePublished")
    # a crawler's record and the URL are never overruled; a page with no markup takes the line
    assert _stated({"date": "2021-11-30", "header_dates": shown})[1] == "record"
    assert _stated({"header_dates": shown}, "https://example.com/2022/01/10/a") == ("2022-01-10", "url")
    assert _stated({"header_dates": ["6. November 2023, 15:25 Uhr"]}) == (
        "2023-11-06",
        "date line under the headline",
    )
    # 01/11/2023 leaves day and month open; a date after the fetch is none
    assert _stated({"dates": cms, "header_dates": ["01/11/2023"]})[0] == "2021-11-29"
    assert _stated({"dates": cms, "header_dates": ["13/11/2023"]})[0] == "2023-11-13"
    assert _stated({"dates": cms, "header_dates": ["01.01.2031"]})[0] == "2021-11-29"
