"""What follows from an article's publication date: its time expressions' values (resolved
against it), its roles' "as of" and its claims' dates. Reading derives them when it reads;
when linking infers (or withdraws) an undated article's date, the run derives them again
with the same functions (``redate``)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from storyline.model import Article, Claim, Mention, Timex
from storyline.read.timex import TimexTagger

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def timex_records(tagger: TimexTagger, text: str, anchor: date | None) -> list[Timex]:
    """Time expressions of a text as stored: resolved against ``anchor`` when there is one."""
    confidence = 0.8 if anchor else 0.5
    return [replace(t, anchored=anchor is not None, confidence=confidence) for t in tagger(text, anchor)]


def date_dependents(
    entities: list[Mention],
    claims: list[Claim],
    timexes: list[Timex],
    published: str | None,
    basis: str | None,
) -> None:
    """Set roles' "as of" (the publication date) and claims' dates (a full date stated in
    their sentence, else the publication date, with the basis it has: published, inferred)."""
    for e in entities:
        e.role_as_of = published if e.role else None
    for c in claims:
        stated = [
            t
            for t in timexes
            if c.start <= t.start < c.end and t.type == "DATE" and _FULL_DATE.match(t.value or "")
        ]
        if stated:
            c.claim_date, c.claim_date_basis = stated[0].value, "stated"
        else:
            c.claim_date = published
            kind = "inferred" if basis == "inferred" else "published"
            c.claim_date_basis = kind if published else None


@lru_cache(maxsize=8)
def _tagger(language: str) -> TimexTagger:
    """The time-expression tagger of a language's reader, made once per process."""
    return TimexTagger()


def redate(article: Article, published: str | None, basis: str | None) -> None:
    """Date ``article`` again (a date linking inferred, or withdrew) and derive what follows
    from the date as reading does: its time expressions resolved against it by its
    language's tagger (an article no reader read keeps none), its roles' "as of" and its
    claims' dates."""
    article.published, article.published_basis = published, basis
    if "read" in article.stages and article.language:  # read by its language's reader
        anchor = date.fromisoformat(published) if published else None
        article.timexes = timex_records(_tagger(article.language), article.text, anchor)
    date_dependents(article.entities, article.claims, article.timexes, published, basis)
