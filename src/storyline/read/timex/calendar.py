"""Calendar arithmetic the resolvers share: weeks, quarters, seasons, offsets, clocks, numbers.

Pure functions of dates and words, so each can be checked on its own; the one exception,
``_quarter_ref``, reads the quarter the text last named from the running context. The words
are the language's (``lang.Times``; None: the fallback's); a unit is the rules' own name for
it ("day", "fortnight"), whatever the language calls it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline import lang
from storyline.read.timex.base import _Context


def _num(word: str, words: lang.Times | None = None) -> float | None:
    """The number a count word or numeral means; None for vague ones ("several", "a few")."""
    words = words or lang.get(None).times
    w = word.lower().strip()
    if w in words.vague:
        return None
    if w in words.numbers:
        return words.numbers[w]
    try:
        return float(w)
    except ValueError:
        return None


def _fmt_num(n: float) -> str:
    """``3`` for 3.0, ``1.5`` for 1.5: TIMEX3 durations write whole numbers without a point."""
    return str(int(n)) if n == int(n) else str(n)


def _shift_months(d: date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` months after the month of ``d`` (before, when negative)."""
    total = d.year * 12 + (d.month - 1) + months
    return total // 12, total % 12 + 1


def _week(d: date) -> str:
    """The ISO week of ``d`` as TIMEX3 writes it: ``2022-W09``."""
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _quarter(d: date) -> int:
    """The calendar quarter (1-4) ``d`` falls in."""
    return (d.month - 1) // 3 + 1


def _part_of_day(pod: str | None, words: lang.Times | None = None) -> str:
    """The TIMEX3 part-of-day suffix ("Friday night" -> ...TNI)."""
    parts = (words or lang.get(None).times).parts_of_day
    return f"T{parts[pod.lower()]}" if pod and pod.lower() in parts else ""


def _weekday_date(
    anchor: date, weekday: int, future: bool, rel: str | None, words: lang.Times | None = None
) -> date:
    """The date a weekday names, seen from ``anchor``: "next"/"coming" ahead, "last"/"past"
    behind (never the anchor's own day); bare, the tense decides (today counts)."""
    delta = anchor.weekday() - weekday
    step = (words or lang.get(None).times).weekday_steps.get(rel or "")
    if step == 1:
        # HeidelTime's convention: "next Tuesday" is the first Tuesday after the anchor
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if step == -1:
        return anchor - timedelta(days=delta % 7 or 7)
    if future:  # news style names today's day too: "will travel to Paris later Tuesday"
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - timedelta(days=delta % 7)


def _duration_value(n: float | None, kind: str, letter: str) -> str:
    """``P3D``, ``PT2H``, ``PXW``; quarters, decades and centuries in months and years."""
    scale = {"Q": (3, "M"), "DE": (10, "Y"), "CE": (100, "Y")}
    if letter == "WE":
        return "P2D"
    if letter in scale:
        factor, letter = scale[letter]
        return f"P{'X' if n is None else _fmt_num(n * factor)}{letter}"
    return f"P{kind}{'X' if n is None else _fmt_num(n)}{letter}"


def _clock(t: str, words: lang.Times | None = None) -> tuple[int | None, int]:
    """(hour, minute) of a clock time ("5 p.m." -> (17, 0), midnight -> 24); hour None if none."""
    for word, clock in (words or lang.get(None).times).clock_words.items():
        if word in t:
            return clock
    m = re.match(r"(\d{1,2})(?::(\d{2}))?", t)
    if not m:
        return None, 0
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if "p" in t and hour < 12:
        hour += 12
    if "a.m" in t or "am" in t.split():
        hour = 0 if hour == 12 else hour
    if hour > 23 or minute > 59:
        return None, 0
    return hour, minute


def _season_of(d: date) -> str:
    """The TIMEX3 season (``WI``, ``SP``, ``SU``, ``FA``) of ``d``, by whole months."""
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        d.month, "FA"
    )


def _closest_year(anchor: date, month: int, day: int, future: bool) -> int:
    """The year that puts month/day on the side of the anchor the tense says."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return anchor.year
    nearest = min(candidates, key=lambda d: abs((d - anchor).days))
    if abs((nearest - anchor).days) <= 120:
        return nearest.year
    if future:
        return min((d for d in candidates if d >= anchor), key=lambda d: d - anchor, default=nearest).year
    return max((d for d in candidates if d <= anchor), default=nearest).year


def _quarter_ref(anchor: date, rel: str, ctx: _Context) -> tuple[int, int]:
    """(year, quarter) of "the quarter", "this quarter", "next quarter" ...: the one just
    named when it is near, else counted from the anchor (bare: the last completed one)."""
    q = _quarter(anchor)
    if rel in ctx.words.named_quarter and ctx.last_quarter and ctx.near:
        return ctx.last_quarter
    step = ctx.words.quarter_steps.get(rel)
    if step == 0:
        return anchor.year, q
    if step == 1:
        return (anchor.year, q + 1) if q < 4 else (anchor.year + 1, 1)
    # "the quarter", "the latest quarter", "last quarter": the most recent completed one.
    return (anchor.year, q - 1) if q > 1 else (anchor.year - 1, 4)


def _offset_value(anchor: date, unit: str, k: int) -> str:
    """The value of the ``unit`` ``k`` units from the anchor's ("last month" -> k=-1)."""
    if unit in ("day", "night"):
        return (anchor + timedelta(days=k)).isoformat()
    if unit in ("week", "fortnight"):
        return _week(anchor + timedelta(days=7 * k * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        y, mth = _shift_months(anchor, k)
        return f"{y}-{mth:02d}"
    if unit == "quarter":
        y, mth = _shift_months(anchor, 3 * k)
        return f"{y}-Q{(mth - 1) // 3 + 1}"
    if unit == "year":
        return str(anchor.year + k)
    if unit == "decade":
        return str((anchor.year + 10 * k) // 10)
    if unit in ("century", "centurie"):
        return str((anchor.year + 100 * k) // 100)
    if unit in ("hour", "minute", "second"):
        return anchor.isoformat()
    return str(anchor.year)
