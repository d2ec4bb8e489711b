"""Coverage of a story: outlet × event, a wire copy marked, and the events only one outlet
reported."""

from __future__ import annotations

from typing import Any


def coverage(
    story: dict[str, Any],
    events: dict[str, dict[str, Any]],
    articles: dict[str, dict[str, Any]],
    copies: dict[str, str],
) -> dict[str, Any]:
    """Outlet × event: how many articles each outlet ran on each event of the story (a wire
    copy counts for the outlet that ran it, and is marked, so one wire story is not counted
    as independent reporting), and the events only one outlet reported."""
    outlets: dict[str, dict[str, dict[str, int]]] = {}
    for eid in story["event_ids"]:
        for aid in events[eid]["article_ids"]:
            outlet = articles.get(aid, {}).get("outlet") or "unknown outlet"
            cell = outlets.setdefault(outlet, {}).setdefault(eid, {"articles": 0, "copies": 0})
            cell["articles"] += 1
            cell["copies"] += aid in copies
    exclusive = []
    for eid in story["event_ids"]:
        own = [
            o
            for o, cells in outlets.items()
            if cells.get(eid, {}).get("articles", 0) > cells.get(eid, {}).get("copies", 0)
        ]
        if len(own) == 1 and len(outlets) > 1:
            exclusive.append({"event_id": eid, "outlet": own[0]})
    return {
        "events": story["event_ids"],
        "outlets": {o: outlets[o] for o in sorted(outlets)},
        "only_one_outlet": exclusive,
    }
