"""Coverage of a story: outlet × event, a wire copy marked, the events only one outlet
reported, and the blindspots: the outlets of the corpus that never covered an event or a
story. Articles of unknown outlet are kept apart, never counted as an outlet."""

from __future__ import annotations

from collections.abc import Iterable

from storyline.model import UNKNOWN_OUTLET, Article, Event, Story
from storyline.model.analyses import Cell, Coverage, Exclusive
from storyline.store.rows import OutletCount


def coverage(
    story: Story,
    events: dict[str, Event],
    articles: dict[str, Article],
    copies: dict[str, str],
) -> Coverage:
    """Outlet × event: how many articles each outlet ran on each event of the story (a wire
    copy counts for the outlet that ran it, and is marked, so one wire story is not counted
    as independent reporting), and the events only one outlet reported. Articles of unknown
    outlet are counted apart (``unknown_outlet``, by event): neither an outlet of the table
    nor one that reported an event alone."""
    outlets: dict[str, dict[str, Cell]] = {}
    unknown: dict[str, Cell] = {}
    for eid in story.event_ids:
        for aid in events[eid].article_ids:
            art = articles.get(aid)
            outlet = art.outlet if art else None
            row = outlets.setdefault(outlet, {}) if outlet and outlet != UNKNOWN_OUTLET else unknown
            cell = row.setdefault(eid, Cell(articles=0, copies=0))
            cell["articles"] += 1
            cell["copies"] += aid in copies
    exclusive = []
    for eid in story.event_ids:
        own = [o for o, cells in outlets.items() if (c := cells.get(eid)) and c["articles"] > c["copies"]]
        if len(own) == 1 and len(outlets) > 1:
            exclusive.append(Exclusive(event_id=eid, outlet=own[0]))
    found = Coverage(
        events=story.event_ids, outlets={o: outlets[o] for o in sorted(outlets)}, only_one_outlet=exclusive
    )
    if unknown:
        found["unknown_outlet"] = unknown
    return found


def apart(found: Coverage) -> Coverage:
    """``found`` with articles of unknown outlet apart, as ``coverage`` keeps them now (a
    coverage stored by an older version counted them as the outlet "unknown outlet")."""
    if UNKNOWN_OUTLET not in found["outlets"]:
        return found
    outlets = dict(found["outlets"])
    kept = Coverage(
        events=found["events"],
        outlets=outlets,
        only_one_outlet=[x for x in found["only_one_outlet"] if x["outlet"] != UNKNOWN_OUTLET],
        unknown_outlet=outlets.pop(UNKNOWN_OUTLET),
    )
    if len(outlets) < 2:  # one known outlet: nothing it reported was reported by it alone
        kept["only_one_outlet"] = []
    return kept


def blindspots(
    corpus: Iterable[OutletCount], covering: Iterable[str | None], first: str | None, last: str | None
) -> list[str]:
    """The known outlets of the corpus that never covered an event or a story — whose
    outlets are ``covering``, over the dates ``first`` … ``last`` — by name. An outlet
    counts only if it published in those dates (by its first and last article: one that
    stopped before or began after could not have covered it) or has no dated article; an
    undated event or story counts every outlet. Articles of unknown outlet are no outlet."""
    covered = {o for o in covering if o}
    out = []
    for row in corpus:
        name = row["outlet"]
        if not name or name == UNKNOWN_OUTLET or name in covered:
            continue
        if first and row["last"] and row["last"][:10] < first[:10]:
            continue
        if last and row["first"] and row["first"][:10] > last[:10]:
            continue
        out.append(name)
    return sorted(out, key=lambda n: (n.casefold(), n))
