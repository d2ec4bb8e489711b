"""The views of stories and events, computed from their articles after linking: a story's
timeline, summary, quote board, conflicting claims, coverage and key people; an event's summary and what
one outlet alone reports. Stale views are computed newest first, up to a budget at the end
of a run, the rest when first asked for; each story or event is a task for the runner."""

from __future__ import annotations

from typing import Any

from storyline.link.conflicts import conflicts
from storyline.link.coverage import coverage
from storyline.link.people import key_people
from storyline.link.quote_board import quote_board
from storyline.link.runner import InProcess, Runner
from storyline.link.summaries import SentenceTable, summarise
from storyline.link.timelines import build_timeline
from storyline.store import Store

BUDGET = 500  # articles read for views at the end of a run; the rest wait to be asked for
_TABLES = {"story": "stories", "event": "events"}


def refresh_views(
    store: Store,
    runner: Runner | None = None,
    kind: str | None = None,
    ids: list[str] | None = None,
    budget: int | None = None,
) -> int:
    """Compute the views of stories and events whose views are missing (all of them, or
    ``ids``), newest first, until ``budget`` articles have been read (one larger than the
    budget waits to be asked for); returns how many were computed."""
    runner = runner or InProcess()
    done = 0
    spent = 0
    for k in [kind] if kind else ["story", "event"]:
        stale = store.views.stale(k)
        if ids is not None:
            wanted = set(ids)
            stale = [i for i in stale if i in wanted]
        for chunk in [stale[n : n + 50] for n in range(0, len(stale), 50)]:
            if budget is not None and spent >= budget:
                return done
            records = store.links.records(_TABLES[k], chunk)
            chosen = []
            for rid in chunk:
                size = len(records[rid]["article_ids"])
                if budget is not None and spent + size > budget:
                    continue  # bigger than what is left (or than the budget): when first asked
                chosen.append(rid)
                spent += size
            items = (view_inputs(store, k, records[rid]) for rid in chosen)
            views = dict(zip(chosen, runner.map(compute_views, items), strict=True))
            store.views.save(k, views)
            done += len(views)
    return done


def view_inputs(store: Store, kind: str, record: dict[str, Any]) -> tuple[Any, ...]:
    """What one story's or event's views are computed from, read from the store."""
    ids = record["article_ids"]
    by_id = {a["id"]: a for a in store.links.inputs(ids, full=True)}
    original = {d["article_id"]: d["duplicate_of"] for d in store.links.records("duplicates", ids).values()}
    events = store.links.records("events", record["event_ids"]) if kind == "story" else {}
    return kind, record, by_id, original, events


def compute_views(item: tuple[Any, ...]) -> dict[str, Any]:
    """One story's views (timeline, summary, quote board, conflicts, coverage) or one
    event's (summary, what one outlet alone reports), from ``view_inputs``: a task for the
    runner, as stories are independent of each other."""
    kind, record, by_id, original, events = item
    ids = record["article_ids"]
    copies = set(original)
    if kind == "event":
        table = SentenceTable(ids, by_id, copies)
        return {"summary": table.summary(3), "only_in": table.only_in()}
    event_of = {a: e for e, v in events.items() for a in v["article_ids"]}
    members = [events[e] for e in record["event_ids"] if e in events]
    return {
        "quote_board": quote_board(record, by_id, copies),
        "conflicts": conflicts(members, by_id, copies),
        "coverage": coverage(record, events, by_id, original),
        "summary": summarise(ids, by_id, copies, size=5),
        "timeline": build_timeline(ids, by_id, copies, events=event_of),
        "people": key_people(ids, by_id, copies),
    }
