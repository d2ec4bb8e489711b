"""Inferred dates: an undated article takes the date of the articles that report the same
event (``published_basis: inferred``); an inferred date no stated one supports any more is
withdrawn. Every field that follows from the date is derived again with it (time
expressions, roles' "as of", claims' dates), as reading derives them."""

from __future__ import annotations

from datetime import date
from typing import Any

from storyline.model import Redated
from storyline.read.dated import date_dependents, timex_records
from storyline.read.timex import TimexTagger
from storyline.store import Store


def date_changes(
    events: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]
) -> list[tuple[str, str | None, str]]:
    """(article id, date, event id) for each article whose date linking infers or withdraws:
    the earliest stated date among its event's articles, or None where none is stated."""
    out = []
    for event in events:
        members = [by_id[a] for a in event["article_ids"] if a in by_id]
        stated = sorted(
            str(a["published"])
            for a in members
            if a.get("published") and a.get("published_basis") not in (None, "inferred")
        )
        inferred = stated[0] if stated else None
        for a in members:
            if a.get("published") and a.get("published_basis") != "inferred":
                continue
            if a.get("published") != inferred:
                out.append((a["id"], inferred, event["id"]))
    return out


def infer_dates(
    store: Store, events: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]
) -> list[Redated]:
    """The articles of ``by_id`` (link inputs) whose date linking infers or withdraws, each
    with its fields derived again; ``by_id`` is updated in place (date, basis, roles' "as
    of"), so what is linked after sees the new dates."""
    changes = date_changes(events, by_id)
    if not changes:
        return []
    ids = [article_id for article_id, _, _ in changes]
    claims = {a["id"]: a["claims"] for a in store.links.inputs(ids, kinds=("claims",))}
    tagger = TimexTagger()
    out = []
    for article_id, published, event_id in changes:
        a = by_id[article_id]
        basis = "inferred" if published else None
        anchor = date.fromisoformat(published) if published else None
        timexes = timex_records(tagger, a["text"], anchor)
        own = claims.get(article_id, [])
        date_dependents(a["entities"], own, timexes, published, basis)
        a["published"], a["published_basis"] = published, basis
        source = f"the earliest stated date of event {event_id}" if published else None
        out.append(Redated(article_id, published, basis, timexes, a["entities"], own, source))
    return out
