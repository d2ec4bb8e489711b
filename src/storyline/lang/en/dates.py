"""English date lines: how a page writes its date on a line of its own ("Published: March 8, 2022
at 10:42 a.m. EST", "Tue, 8 March 2022") (``describe/dates.py``)."""

from __future__ import annotations

MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# The label before a date line's date, repeated ("Published: Updated: ...").
LINE_PREFIX = (
    r"^(?:(?:first |last )?(?:published|updated|posted|modified|date|dated)(?: on| at)?\s*[:\-–—|]?\s*)+"
)
# A weekday, the day and month either way round or an ISO date, a time ("at 10:42 a.m."), a zone.
DATE_ONLY = (
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+(?:19|20)\d{{2}}"
    rf"|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    rf"|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}"
    rf"(?:[t ]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:z|[+-]\d{{2}}:?\d{{2}})?)?)"
    rf"(?:,?\s*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?\s*(?:[ap]\.?m\.?)?)?"
    rf"(?:\s*\(?[a-z]{{2,5}}\)?|\s*[+-]\d{{2}}:?\d{{2}})?\s*$"
)
# U.S. English writes 01/11/2023 month first; English of elsewhere day first.
MONTH_FIRST_REGIONS = frozenset({"US"})
