"""Publication dates stated by an article: a ``date`` prefix, a date line, metadata, a path.

Only dates the source states are taken here (basis ``stated``); inferring a date from other
articles is the linking stage's job.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime

from dateutil import parser as dateutil_parser

DATE_PREFIX = re.compile(r"\A\s*date[:\s]+((?:19|20)\d{2}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")
_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([-_/.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_LINE_PREFIX = re.compile(
    r"^(?:(?:first |last )?(?:published|updated|posted|modified|date|dated)(?: on| at)?\s*[:\-–—|]?\s*)+",
    re.IGNORECASE,
)
_DATEISH = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})\.?,?\s+(?:19|20)\d{{2}}"
    rf"|(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    rf"|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}"
    rf"(?:[t ]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:z|[+-]\d{{2}}:?\d{{2}})?)?)"
    rf"(?:,?\s*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?\s*(?:[ap]\.?m\.?)?)?"
    rf"(?:\s*\(?[a-z]{{2,5}}\)?|\s*[+-]\d{{2}}:?\d{{2}})?\s*$",
    re.IGNORECASE,
)
_TIME_FIRST = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,5})?,?\s+(.+)$", re.IGNORECASE)


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def normalise_date(value: object) -> str | None:
    """A metadata date value ("2023-02-14 09:30:00", "2023-02-14T09:00Z", ...) as YYYY-MM-DD."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    m = _ISO.search(text)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return parse_date_line(text)


def parse_date_line(line: str) -> str | None:
    """The date of a line that holds nothing but a date (and time, zone, "Published:")."""
    text = line.strip()
    if len(text) > 80 or not any(ch.isdigit() for ch in text):
        return None
    text = _LINE_PREFIX.sub("", text).strip(" |")
    m = _TIME_FIRST.match(text)
    if m:
        text = m.group(1)
    if not _DATEISH.match(text):
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


def path_date(path: str | None) -> str | None:
    """A date written into a file path or URL, as news archives lay them out."""
    if not path:
        return None
    for m in _PATH_DATE.finditer(path):
        found = _valid(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if found:
            return found
    return None


def digest_date(paragraph: str) -> str | None:
    """The date a paragraph states as a prefix ("date 2022-03-08 ...") or as a date line."""
    m = DATE_PREFIX.match(paragraph)
    return m.group(1) if m else parse_date_line(paragraph)
