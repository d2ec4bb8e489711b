"""Inferred dates: an undated article takes the date of the articles that report the same
event (``published_basis: inferred``), only on strong corroboration — the event's stated
dates agree (all within ``SPREAD_DAYS``: an "event" whose dated articles span months is no
one development) and the article's own years agree (one it writes out is the inferred year
or the one before, or it writes none). Otherwise it stays undated; an inferred date no stated
one supports any more is withdrawn. The basis names the dated articles. Every field that
follows from the date is derived again with it (time expressions, roles' "as of", claims'
dates), as reading derives them."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from storyline.model import Redated
from storyline.read.dated import date_dependents, timex_records
from storyline.read.timex import TimexTagger
from storyline.store import Store

SPREAD_DAYS = 7
"""Stated dates of one event further apart than this: no date is inferred from them."""
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def date_changes(
    events: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]
) -> list[tuple[str, str | None, str, list[str]]]:
    """(article id, date, event id, dated article ids) for each undated or inferred article of
    an event: the earliest stated date among its event's articles when they agree, else None
    (``infer_dates`` then checks the article's own years)."""
    out = []
    for event in events:
        members = [by_id[a] for a in event["article_ids"] if a in by_id]
        dated = sorted(
            (str(a["published"]), str(a["id"]))
            for a in members
            if a.get("published") and a.get("published_basis") not in (None, "inferred")
        )
        inferred = dated[0][0] if dated and _agree([d for d, _ in dated]) else None
        for a in members:
            if a.get("published") and a.get("published_basis") != "inferred":
                continue
            if a.get("published") != inferred or inferred:  # the years are checked with the text
                out.append((a["id"], inferred, event["id"], [i for _, i in dated] if inferred else []))
    return out


def _agree(days: list[str]) -> bool:
    """Whether an event's stated days (sorted) lie within ``SPREAD_DAYS`` of each other."""
    return (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days <= SPREAD_DAYS


def years_agree(timexes: list[dict[str, Any]], day: str) -> bool:
    """Whether the years an article writes out in its time expressions allow ``day``: one of
    them is its year or the year before, or it writes none (then the event alone decides)."""
    years = {int(y) for t in timexes for y in _YEAR.findall(str(t.get("text", "")))}
    year = int(day[:4])
    return not years or bool(years & {year, year - 1})


def infer_dates(
    store: Store, events: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]
) -> list[Redated]:
    """The articles of ``by_id`` (link inputs) whose date linking infers or withdraws, each
    with its fields derived again; ``by_id`` is updated in place (date, basis, roles' "as
    of"), so what is linked after sees the new dates."""
    changes = date_changes(events, by_id)
    if not changes:
        return []
    ids = [article_id for article_id, _, _, _ in changes]
    notes = {a["id"]: a for a in store.links.inputs(ids, kinds=("claims", "timexes"))}
    tagger = TimexTagger()
    out = []
    for article_id, published, event_id, dated in changes:
        a = by_id[article_id]
        if published and not years_agree(notes[article_id]["timexes"], published):
            published, dated = None, []  # its own years say otherwise: left undated
        if published == a.get("published"):
            continue  # nothing changes (still undated, or the same inferred date)
        basis = "inferred" if published else None
        timexes = timex_records(tagger, a["text"], date.fromisoformat(published) if published else None)
        own = notes[article_id]["claims"]
        date_dependents(a["entities"], own, timexes, published, basis)
        a["published"], a["published_basis"] = published, basis
        source = f"the earliest stated date of event {event_id} (articles {', '.join(dated)})"
        out.append(
            Redated(article_id, published, basis, timexes, a["entities"], own, source if published else None)
        )
    return out
