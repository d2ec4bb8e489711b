"""Conflicting claims: one quantity (``quantity`` of a claim: deaths, injured, a unit) in one
event reported with values that cannot both be true by different outlets, every value cited.

Only real disagreements: the two reports must be about the same time (claim dates at most
``SAME_TIME_DAYS`` apart, where both have one), neither a background figure (a sentence that
writes out a year other than its claim's: "the 2005 blast killed 15"), and their values
must exclude each other once qualifiers are read ("at least 11" and "15" agree; "about 200"
and "210" agree; "11" and "15" do not). Quantities that are tokeniser debris ("#", "-rrb-")
are no quantity. Wire copies are not counted as separate reports."""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

SAME_TIME_DAYS = 2
ABOUT = 0.1
"""How far "about 200" reaches either way, as a share of the value."""
_AT_LEAST = {"more than", "at least", "over"}
_AT_MOST = {"less than", "fewer than", "at most", "up to", "as many as", "under"}
_ABOUT = {"nearly", "almost", "about", "around", "some", "roughly", "approximately", "an estimated"}
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_WORDY = re.compile(r"[a-z]{2,}")


def conflicts(
    events: list[dict[str, Any]], articles: dict[str, dict[str, Any]], copies: set[str]
) -> list[dict[str, Any]]:
    """Quantities one event's outlets report with values that exclude each other, each
    conflicting report cited."""
    out = []
    for event in events:
        by_quantity: dict[str, list[dict[str, Any]]] = {}
        for aid in event["article_ids"]:
            art = articles.get(aid)
            if art is None or aid in copies:
                continue
            for c in art.get("claims", []):
                if not _countable(c):
                    continue
                by_quantity.setdefault(c["quantity"], []).append(
                    {
                        "article_id": aid,
                        "outlet": art.get("outlet"),
                        "value": c["value"],
                        "qualifier": c.get("qualifier"),
                        "unit": c["unit"],
                        "source": c.get("source"),
                        "start": c.get("number_start", c["start"]),
                        "end": c.get("number_end", c["end"]),
                        "sentence": c["text"],
                        "claim_date": c.get("claim_date"),
                    }
                )
        for quantity, reports in sorted(by_quantity.items()):
            involved = _disagreeing(reports)
            if involved:
                out.append(
                    {
                        "event_id": event["id"],
                        "quantity": quantity,
                        "values": sorted({r["value"] for r in involved}),
                        "reports": involved,
                    }
                )
    return out


def _countable(claim: dict[str, Any]) -> bool:
    """A claim that can conflict: a named quantity with a unit (not a share or an amount of
    money, not debris), a value, and no year in its sentence other than its own date's."""
    quantity = str(claim.get("quantity") or "")
    if not quantity or quantity in ("percent", "currency") or not claim.get("unit"):
        return False
    if not _WORDY.search(quantity.lower()) or "-rrb-" in quantity or "-lrb-" in quantity:
        return False
    if claim.get("value") is None:
        return False
    years = set(_YEAR.findall(str(claim.get("text") or "")))
    own = str(claim.get("claim_date") or "")[:4]
    return not years or years == {own}


def _interval(report: dict[str, Any]) -> tuple[float, float]:
    """The values a report allows, by its qualifier."""
    v = float(report["value"])
    q = report.get("qualifier")
    if q in _AT_LEAST:
        return v, math.inf
    if q in _AT_MOST:
        return -math.inf, v
    if q in _ABOUT:
        return v * (1 - ABOUT), v * (1 + ABOUT)
    return v, v


def _same_time(a: dict[str, Any], b: dict[str, Any]) -> bool:
    da, db = a.get("claim_date"), b.get("claim_date")
    if not da or not db:
        return True
    return abs((date.fromisoformat(da[:10]) - date.fromisoformat(db[:10])).days) <= SAME_TIME_DAYS


def _disagreeing(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The reports that exclude another outlet's report of the same time."""
    involved: set[int] = set()
    for i, a in enumerate(reports):
        lo_a, hi_a = _interval(a)
        for j in range(i + 1, len(reports)):
            b = reports[j]
            if a["outlet"] == b["outlet"] or not _same_time(a, b):
                continue
            lo_b, hi_b = _interval(b)
            if hi_a < lo_b or hi_b < lo_a:
                involved.update((i, j))
    return [reports[k] for k in sorted(involved)]
