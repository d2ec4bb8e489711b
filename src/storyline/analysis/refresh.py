"""The analyses of stories and events, computed from their articles after linking: a story's
timeline, summary, quote board, conflicting claims, coverage and key people; an event's
summary, what one outlet alone reports and its outlets side by side. Every run that links
computes the analyses its links left missing (``refresh``), newest first, each story or
event a task for the task runner; nothing is computed when a page is read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from storyline.analysis.compare.align import only_in
from storyline.analysis.compare.comparison import SHOWN_KINDS, compare_event
from storyline.analysis.compare.words import story_terms
from storyline.analysis.conflicts import conflicts
from storyline.analysis.coverage import coverage
from storyline.analysis.people import key_people
from storyline.analysis.quote_board import quote_board
from storyline.analysis.summaries import SentenceTable, summarise
from storyline.analysis.timelines import build_timeline
from storyline.link.tasks import InProcess, Tasks
from storyline.model import Article, Event, Story
from storyline.model.analyses import EventViews, StoryViews
from storyline.store import Store

CHUNK = 50  # stories or events read from the store and handed to the task runner at once


STORY_TERMS = 40
"""A story's words kept per outlet (over all its events: more than an event's ``LIMIT``)."""


def refresh(
    store: Store,
    tasks: Tasks | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> int:
    """Compute the analyses of every story and event that lacks them, newest first; returns
    how many were computed. ``progress(phase, done, total)`` is told after each chunk."""
    tasks = tasks or InProcess()
    done = 0
    for kind in ("story", "event"):
        stale = store.views.stale(kind)
        phase = "analysing stories" if kind == "story" else "analysing events"
        for n in range(0, len(stale), CHUNK):
            chunk = stale[n : n + CHUNK]
            records: dict[str, Story] | dict[str, Event]
            records = store.links.stories(chunk) if kind == "story" else store.links.events(chunk)
            items = (view_inputs(store, records[rid]) for rid in chunk)
            store.views.save(kind, dict(zip(chunk, tasks.map(compute_views, items), strict=True)))
            done += len(chunk)
            if progress:
                progress(phase, min(n + CHUNK, len(stale)), len(stale))
    return done


@dataclass
class ViewInputs:
    """What one story's or event's analyses are computed from."""

    record: Story | Event
    articles: dict[str, Article]  # its articles, with every annotation and corpus entity ids
    original: dict[str, str]  # copy → the article it copies, among them
    events: dict[str, Event]  # a story's events


def view_inputs(store: Store, record: Story | Event) -> ViewInputs:
    """What one story's or event's analyses are computed from, read from the store."""
    ids = record.article_ids
    by_id = {a.id: a for a in store.links.inputs(ids, full=True)}
    original = {d.article_id: d.duplicate_of for d in store.links.duplicates(ids).values()}
    events = store.links.events(record.event_ids) if isinstance(record, Story) else {}
    return ViewInputs(record, by_id, original, events)


def compute_views(item: ViewInputs) -> StoryViews | EventViews:
    """One story's analyses (timeline, summary, quote board, conflicts, coverage, key people)
    or one event's (summary, what one outlet alone reports, its outlets side by side), from
    ``view_inputs``: a task for the task runner, as stories are independent of each other."""
    record, by_id, original, events = item.record, item.articles, item.original, item.events
    ids = record.article_ids
    copies = set(original)
    if isinstance(record, Event):
        table = SentenceTable(ids, by_id, copies)
        return EventViews(
            summary=table.summary(3),
            only_in=only_in(ids, by_id, copies),
            comparison=compare_event(record, by_id, copies),
        )
    event_of = {a: e for e, v in events.items() for a in v.article_ids}
    members = [events[e] for e in record.event_ids if e in events]
    return StoryViews(
        quote_board=quote_board(record, by_id, copies),
        conflicts=conflicts(members, by_id, copies),
        coverage=coverage(record, events, by_id, original),
        summary=summarise(ids, by_id, copies, size=5),
        timeline=build_timeline(ids, by_id, copies, events=event_of),
        people=key_people(ids, by_id, copies),
        terms=story_terms(
            {e.id: e.article_ids for e in members}, by_id, copies, kinds=SHOWN_KINDS, limit=STORY_TERMS
        )
        if len({a.outlet for a in by_id.values() if a.outlet}) > 1  # one outlet: nothing to set beside
        else {},
    )
