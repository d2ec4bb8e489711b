"""What follows from an article's publication date: its time expressions' values (resolved
against it), its roles' "as of" and its claims' dates. Reading derives them when it reads;
linking derives them again when it infers (or withdraws) an undated article's date."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from storyline.read.timex import TimexTagger

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def timex_records(tagger: TimexTagger, text: str, anchor: date | None) -> list[dict[str, Any]]:
    """Time expressions of a text as stored: resolved against ``anchor`` when there is one."""
    return [
        {
            "text": t.text,
            "start": t.start,
            "end": t.end,
            "value": t.value,
            "type": t.type,
            "mod": t.mod,
            "anchored": anchor is not None,
            "confidence": 0.8 if anchor else 0.5,
        }
        for t in tagger(text, anchor)
    ]


def date_dependents(
    entities: list[dict[str, Any]],
    claims: list[dict[str, Any]],
    timexes: list[dict[str, Any]],
    published: str | None,
    basis: str | None,
) -> None:
    """Set roles' "as of" (the publication date) and claims' dates (a full date stated in
    their sentence, else the publication date, with the basis it has: published, inferred)."""
    for e in entities:
        e["role_as_of"] = published if e.get("role") else None
    for c in claims:
        stated = [
            t
            for t in timexes
            if c["start"] <= t["start"] < c["end"]
            and t["type"] == "DATE"
            and _FULL_DATE.match(t["value"] or "")
        ]
        if stated:
            c["claim_date"], c["claim_date_basis"] = stated[0]["value"], "stated"
        else:
            c["claim_date"] = published
            kind = "inferred" if basis == "inferred" else "published"
            c["claim_date_basis"] = kind if published else None
