"""Inferred dates: an undated article takes the date of the articles that report the same
event (``published_basis: inferred``), only on strong corroboration — the event's stated
dates agree (all within ``SPREAD_DAYS``: an "event" whose dated articles span months is no
one development) and the article's own years agree (one it writes out is the inferred year
or the one before, or it writes none). Otherwise it stays undated; an inferred date no stated
one supports any more is withdrawn. The basis names the dated articles. Every field that
follows from the date is derived again with it (time expressions, roles' "as of", claims'
dates), as reading derives them — by the ``redate`` function the run hands the linker
(reading's own, for the article's language): linking decides the date, never reads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from storyline.link.io import LinkStore
from storyline.model import Article, Event, Redated
from storyline.years import YEAR

Redate = Callable[[Article, str | None, str | None], None]
"""What the run gives linking to date an article again: ``redate(article, published, basis)``
sets the date and derives everything that follows from it (time expressions resolved again,
roles' "as of", claims' dates), as reading does (``redate`` of ``read/dated.py``)."""

SPREAD_DAYS = 7
"""Stated dates of one event further apart than this: no date is inferred from them."""


def date_changes(
    events: list[Event], by_id: dict[str, Article]
) -> list[tuple[str, str | None, str, list[str]]]:
    """(article id, date, event id, dated article ids) for each undated or inferred article of
    an event: the earliest stated date among its event's articles when they agree, else None
    (``infer_dates`` then checks the article's own years)."""
    out = []
    for event in events:
        members = [by_id[a] for a in event.article_ids if a in by_id]
        dated = sorted(
            (a.published, a.id)
            for a in members
            if a.published and a.published_basis not in (None, "inferred")
        )
        inferred = dated[0][0] if dated and _agree([d for d, _ in dated]) else None
        for a in members:
            if a.published and a.published_basis != "inferred":
                continue
            if a.published != inferred or inferred:  # the years are checked with the text
                out.append((a.id, inferred, event.id, [i for _, i in dated] if inferred else []))
    return out


def _agree(days: list[str]) -> bool:
    """Whether an event's stated days (sorted) lie within ``SPREAD_DAYS`` of each other."""
    return (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days <= SPREAD_DAYS


def years_agree(texts: list[str], day: str) -> bool:
    """Whether the years an article writes out in its time expressions (``texts``) allow
    ``day``: one of them is its year or the year before, or it writes none (then the event
    alone decides)."""
    years = {int(y) for text in texts for y in YEAR.findall(text)}
    year = int(day[:4])
    return not years or bool(years & {year, year - 1})


def infer_dates(
    links: LinkStore, events: list[Event], by_id: dict[str, Article], redate: Redate
) -> list[Redated]:
    """The articles of ``by_id`` (link inputs) whose date linking infers or withdraws, each
    dated again by ``redate`` with everything that follows; ``by_id`` is updated in place
    (date, basis, annotations), so what is linked after sees the new dates."""
    changes = date_changes(events, by_id)
    if not changes:
        return []
    ids = [article_id for article_id, _, _, _ in changes]
    notes = {a.id: a for a in links.inputs(ids, kinds=("claims", "timexes"))}
    out = []
    for article_id, published, event_id, dated in changes:
        a = by_id[article_id]
        own = notes[article_id]
        if published and not years_agree([t.text for t in own.timexes], published):
            published, dated = None, []  # its own years say otherwise: left undated
        if published == a.published:
            continue  # nothing changes (still undated, or the same inferred date)
        basis = "inferred" if published else None
        a.claims = own.claims
        redate(a, published, basis)
        source = f"the earliest stated date of event {event_id} (articles {', '.join(dated)})"
        out.append(
            Redated(
                article_id, published, basis, a.timexes, a.entities, a.claims, source if published else None
            )
        )
    return out
