"""English calendar words: months, weekdays, seasons, parts of the day, holidays and spelled
decades, as tables (word → number or TIMEX3 letters) and as the regex fragments the time rules
are written with (``lang/en/timex.py``)."""

from __future__ import annotations

from storyline.years import YEAR_DIGITS

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
WEEKDAY_ABBREVIATIONS = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
# Times of day a word names; midnight closes its day (TIMEX3: "midnight Friday" = Friday T24).
CLOCK_WORDS = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}
# Holidays on a fixed day of the year (month-day).
HOLIDAYS = {
    "christmas": "12-25",
    "christmas day": "12-25",
    "christmas eve": "12-24",
    "new year's day": "01-01",
    "new year's eve": "12-31",
    "halloween": "10-31",
    "independence day": "07-04",
}
DECADES = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}

MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
MONTH_NAMES = r"january|february|march|april|may|june|july|august|september|october|november|december"
WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
YEAR = YEAR_DIGITS
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
POD = r"(?:morning|afternoon|evening|night)"
TIME = (
    r"(?:\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:\d{2}|noon|midday|midnight)"
    r"(?:\s*\(?(?:[ecmp][sd]t|gmt|utc)\)?)?"
)
