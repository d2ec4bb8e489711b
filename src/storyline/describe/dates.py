"""Publication dates as sources state them, each with where it was found: a crawler record's
field, the page's markup (JSON-LD, meta tags, marked elements; see ``clean.markup_dates``), a
``date`` prefix or a date line in the text, a digest's date line, a date in the file path or
the URL, and, for an HTML page that states none of these, htmldate's search of the page.
Every common format is read (ISO with or without zone, ``2022-5-5 22:17:36``, compact
``20180619T055000+0900``, day-first ``11.11.2021``, month names, C's ``Tue Jan 28 15:28:56 CET
2020``). A date after the page was fetched, or in the future, is no publication date.
Inferring a date from other articles is the linking stage's job.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import cache
from typing import Any

from dateutil import parser as dateutil_parser

from storyline import lang

DATE_PREFIX = re.compile(r"\A\s*date[:\s]+((?:19|20)\d{2}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")
_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([-_/.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
_TIME_FIRST = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,5})?,?\s+(.+)$", re.IGNORECASE)


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


_LOOSE_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)")
_COMPACT = re.compile(r"^((?:19|20)\d{2})(\d{2})(\d{2})(?:T?\d{4,6}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_DAY_FIRST = re.compile(r"(?<!\d)(\d{1,2})[.-](\d{1,2})[.-]((?:19|20)\d{2})(?!\d)")
_SLASHED = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?!\d)")
_UTC_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00|UTC|GMT)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _DateWords:
    """One language's date-line patterns, compiled."""

    line_prefix: re.Pattern[str]
    date_only: re.Pattern[str]
    month: re.Pattern[str]


@cache
def _date_words(code: str) -> _DateWords:
    words = lang.get(code).dates
    return _DateWords(
        re.compile(words.line_prefix, re.IGNORECASE),
        re.compile(words.date_only, re.IGNORECASE),
        re.compile(rf"\b(?:{words.months})\b", re.IGNORECASE),
    )


def normalise_date(
    value: object, dayfirst: bool | None = True, language: lang.Language | None = None
) -> str | None:
    """A date value as written in metadata or a record ("2023-02-14 09:30:00",
    "2023-02-14T09:00Z", "20180619T055000+0900", "11.11.2021", "Jan 28, 2020", ...) as
    YYYY-MM-DD, the day as written (its own time zone). ``dayfirst`` settles "01/11/2023":
    day first, month first (False), or no date when the numbers leave it open (None).
    Month names are ``language``'s (None: the fallback's, ``lang.get``); dateutil, which
    reads what the patterns leave, knows English month names only."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    if m := _LOOSE_ISO.search(text):
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _COMPACT.match(text):
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _DAY_FIRST.search(text):
        return _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if m := _SLASHED.search(text):
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if a > 12 or (b <= 12 and dayfirst):
            return _valid(year, b, a)
        if b > 12 or dayfirst is False:
            return _valid(year, a, b)
        return None
    found = parse_date_line(text, language)
    if found or not _date_words((language or lang.get(None)).code).month.search(text):
        return found
    with warnings.catch_warnings():  # "Tue Jan 28 15:28:56 CET 2020"
        warnings.simplefilter("ignore")
        try:
            parsed = dateutil_parser.parse(text, fuzzy=True, default=datetime(1900, 1, 1))
        except (ValueError, OverflowError):
            return None
    return parsed.date().isoformat() if str(parsed.year) in text else None


def utc_time(value: object) -> bool:
    """Whether a date value carries a time of day in UTC (its day may not be the page's own)."""
    return isinstance(value, str) and bool(_UTC_TIME.search(value))


def _instant(value: object) -> datetime | None:
    """A date value with a time and a zone ("2019-10-18T22:04:00Z", "…+0200", "Sat, 19 Oct
    2019 00:04:00 +0200") as an aware datetime; None without a zone."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        found = datetime.fromisoformat(text)
    except ValueError:
        try:
            found = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return found if found.tzinfo is not None and found.utcoffset() is not None else None


def page_zone(values: list[object]) -> timedelta | None:
    """The page's own UTC offset: the most common non-zero offset its dates are written in
    (a page writing one instant in UTC and another in +02:00 lives at +02:00)."""
    offsets = Counter(
        off for v in values if (t := _instant(v)) is not None and (off := t.utcoffset()) is not None and off
    )
    return offsets.most_common(1)[0][0] if offsets else None


def in_zone(value: object, zone: timedelta | None) -> str | None:
    """The day of a UTC time in the page's own zone (22:04Z at +02:00 is the next day)."""
    t = _instant(value)
    if zone is None or t is None or t.utcoffset():
        return None
    return (t + zone).date().isoformat()


def parse_date_line(line: str, language: lang.Language | None = None) -> str | None:
    """The date of a line that holds nothing but a date (and time, zone, "Published:"), as
    ``language`` writes one (None: the fallback language, ``lang.get``)."""
    text = line.strip()
    if len(text) > 80 or not any(ch.isdigit() for ch in text):
        return None
    words = _date_words((language or lang.get(None)).code)
    text = words.line_prefix.sub("", text).strip(" |")
    m = _TIME_FIRST.match(text)
    if m:
        text = m.group(1)
    if not words.date_only.match(text):
        return None
    text = re.sub(r"(?<=\d)\.(?=\d{2}\b)", ":", text)  # "10.42" -> "10:42"
    iso = _ISO.search(text)
    if iso:
        return _valid(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parsed = dateutil_parser.parse(text, fuzzy=True, default=datetime(1900, 1, 1))
        except (ValueError, OverflowError):
            return None
    if parsed.year < 1900:
        return None
    return parsed.date().isoformat()


_PATH_DAY_FIRST = re.compile(
    r"(?<![\d.])(0[1-9]|[12]\d|3[01])([-_.])(0[1-9]|1[0-2])\2((?:19|20)\d{2})(?![\d.])"
)
_PATH_MIXED = re.compile(r"(?<!\d)((?:19|20)\d{2})-(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?!\d)")


def path_date(path: str | None) -> str | None:
    """A date written into a file path or URL, as news archives lay them out: 2022/03/08,
    2022-03-08, 20220308, 2022-03/08, and day first 08-03-2022 or 08.03.2022."""
    if not path:
        return None
    for m in _PATH_DATE.finditer(path):
        found = _valid(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if found:
            return found
    for m in _PATH_MIXED.finditer(path):
        found = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if found:
            return found
    for m in _PATH_DAY_FIRST.finditer(path):
        found = _valid(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        if found:
            return found
    return None


def day_first(language: str | None, locale: str | None) -> bool | None:
    """How a page writes 01/11/2023: month first in the regions of its language that write it
    so (U.S. English, ``lang.DateLines.month_first_regions``), day first elsewhere; None (leave
    it undated) for a page of no known region in a language some of whose regions write it
    month first, or of no known language."""
    known = lang.find(language)
    regions = known.dates.month_first_regions if known else frozenset()
    if not regions:
        return True if language else None
    region = (locale or "").replace("_", "-").split("-")[1:2]
    if not region:
        return None
    return region[0].upper() not in regions


def digest_date(paragraph: str, language: lang.Language | None = None) -> str | None:
    """The date a paragraph states as a prefix ("date 2022-03-08 ...") or as a date line."""
    m = DATE_PREFIX.match(paragraph)
    return m.group(1) if m else parse_date_line(paragraph, language)


_AMBIGUOUS_SLASHED = re.compile(r"(0?[1-9]|1[0-2])/(0?[1-9]|1[0-2])/\d{4}")
_NUMERIC_ONLY = re.compile(r"[\d./\s-]+")


def header_days(values: list[str], upper: str) -> list[str]:
    """The days of the date lines under a page's headline (``clean.header_dates``), in page
    order. Numbers are read day first (12.01.2022), except 01/11/2023, which the page's
    language cannot settle (German pages write it both ways): no day from it. Month names in
    the languages htmldate knows (English, German, French, ...)."""
    from htmldate.extractors import regex_parse

    days: list[str] = []
    for value in values:
        text = value.strip()
        if _AMBIGUOUS_SLASHED.fullmatch(text):
            continue
        if _NUMERIC_ONLY.fullmatch(text):
            day = normalise_date(re.sub(r"\s", "", text), dayfirst=True)
        else:
            try:
                parsed = regex_parse(text)
            except (ValueError, OverflowError):
                parsed = None
            day = parsed.date().isoformat() if parsed else None
        if day := _plausible(day, upper):
            days.append(day)
    return days


def _upper_bound(crawled: object) -> str:
    """The latest day a publication date may have: the day the page was fetched when the
    record says, else tomorrow (UTC)."""
    fetched = normalise_date(crawled) if crawled else None
    return fetched or (datetime.now(UTC).date() + timedelta(days=1)).isoformat()


_SHOWN = "date line under the headline"
_WEAK = ("markup: first time element", "markup: time in the post's meta line")
"""Markup that only suggests a publication date: a date the URL states outranks it."""


def stated_date(
    hints: dict[str, Any],
    text_date: str | None,
    path: str | None,
    url: str | None,
    html: str | None,
    language: str | None,
) -> tuple[str | None, str | None]:
    """(day, where it was found) of the publication date a source states, or (None, None).

    In order: a crawler record's date field, the page's markup, a date line of the text, a
    digest's date line, the file path, the URL (before markup that only suggests a date), and
    for an HTML page stating none of them htmldate's search. The date line the page shows
    under its headline outranks markup and htmldate's search that disagree with every date
    shown there (a CMS's creation date, a re-publication), never a record, the text, the path
    or the URL. A day later than the fetch (or in the future) or before 1900 is no
    publication date. A time in UTC may fall on the day after or before the page's own: a date
    a day apart that the URL states is taken instead."""
    upper = _upper_bound(hints.get("crawled"))
    shown = header_days(hints.get("header_dates") or [], upper)
    dayfirst = day_first(language, hints.get("locale"))
    words = lang.get(language)
    url_day = path_date(url)
    written: list[tuple[str, object]] = []
    if hints.get("date"):
        written.append(("record", hints["date"]))
    written += [(f"markup: {where}", value) for where, value in hints.get("dates") or []]
    found = [
        (where, day, value)
        for where, value in written
        if (day := _plausible(normalise_date(value, dayfirst, words), upper))
    ]
    zone = page_zone([value for _, value in written])
    for where, day, value in found:
        if where in _WEAK and url_day:
            break  # the URL's date outranks a date markup only suggests
        if utc_time(value) and url_day and _one_day_apart(url_day, day):
            return url_day, f"url (the {where} time is UTC)"
        local = _plausible(in_zone(value, zone), upper) if utc_time(value) else None
        if local and local != day:
            day, where = local, f"{where} (a UTC time, in the page's zone)"
        if shown and where != "record" and day not in shown:
            return shown[0], _SHOWN
        return day, where
    for where, maybe in (
        ("date line", text_date),
        ("digest date line", hints.get("digest_date")),
        ("file path", path_date(path)),
        ("url", url_day),
    ):
        if day := _plausible(maybe, upper):
            return day, where
    if shown:
        return shown[0], _SHOWN
    if html:
        searched = _searched(html, url, upper)
        if searched:
            return searched, "htmldate search"
    return None, None


def _plausible(day: str | None, upper: str) -> str | None:
    return day if day and "1900-01-01" <= day <= upper else None


def _one_day_apart(a: str, b: str) -> bool:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) == 1


def _searched(html: str, url: str | None, upper: str) -> str | None:
    """htmldate's search of the page for the publication date, not the last change: its fast
    mode (markup and the patterns it trusts) first, its extensive mode (any date in the text,
    read by dateparser, which costs a second to start) only when that finds none."""
    import htmldate

    try:
        found = None
        for extensive in (False, True):
            found = htmldate.find_date(
                html,
                url=url,
                extensive_search=extensive,
                original_date=True,
                max_date=upper,
                outputformat="%Y-%m-%d",
            )
            if found:
                break
    except Exception:  # htmldate reports a page it cannot parse by raising; no date then
        return None
    return str(found) if found else None
