"""Coverage of a story: outlet × event, a wire copy marked, and the events only one outlet
reported."""

from __future__ import annotations

from storyline.model import UNKNOWN_OUTLET, Article, Event, Story
from storyline.model.analyses import Cell, Coverage, Exclusive


def coverage(
    story: Story,
    events: dict[str, Event],
    articles: dict[str, Article],
    copies: dict[str, str],
) -> Coverage:
    """Outlet × event: how many articles each outlet ran on each event of the story (a wire
    copy counts for the outlet that ran it, and is marked, so one wire story is not counted
    as independent reporting), and the events only one outlet reported."""
    outlets: dict[str, dict[str, Cell]] = {}
    for eid in story.event_ids:
        for aid in events[eid].article_ids:
            art = articles.get(aid)
            outlet = (art.outlet if art else None) or UNKNOWN_OUTLET
            cell = outlets.setdefault(outlet, {}).setdefault(eid, Cell(articles=0, copies=0))
            cell["articles"] += 1
            cell["copies"] += aid in copies
    exclusive = []
    for eid in story.event_ids:
        own = [o for o, cells in outlets.items() if (c := cells.get(eid)) and c["articles"] > c["copies"]]
        if len(own) == 1 and len(outlets) > 1:
            exclusive.append(Exclusive(event_id=eid, outlet=own[0]))
    return Coverage(
        events=story.event_ids, outlets={o: outlets[o] for o in sorted(outlets)}, only_one_outlet=exclusive
    )
