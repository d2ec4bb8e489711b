"""The pages of a story and of an event, and the timeline query: each record with its
analyses (computed by the run after linking; a page never computes them), every citation
named "Outlet · date · headline", sources counted with known outlets and articles of unknown
outlet apart."""

from __future__ import annotations

from collections import Counter

from storyline.analysis.timelines import build_timeline
from storyline.model import Duplicate, Event
from storyline.model.analyses import EventViews
from storyline.pages.charts import story_chart
from storyline.pages.citations import label_event, label_story, short, source_label, story_sources
from storyline.pages.common import ID, MAX_LIMIT, NotFound, check_id, headlines
from storyline.pages.outlets import event_outlets, story_outlets
from storyline.pages.shapes import (
    CopyRow,
    EventPage,
    EventRef,
    OutletShare,
    SideBySide,
    StoryPage,
    TimelineDay,
)
from storyline.store import Store


def event_ref(e: Event) -> EventRef:
    """An event as a story page lists it."""
    return EventRef(
        id=e.id, title=e.title, date=e.date, article_ids=e.article_ids, outlets=e.outlets, lede=e.lede
    )


def copy_row(d: Duplicate) -> CopyRow:
    """A copy as the pages list it: its original, similarity, kind, credits and word diff."""
    return CopyRow(
        article_id=d.article_id,
        duplicate_of=d.duplicate_of,
        similarity=d.similarity,
        kind=d.kind,
        credits=d.credits,
        outlet=d.outlet,
        original_outlet=d.original_outlet,
        diff=d.diff,
    )


def story(store: Store, story_id: str) -> StoryPage:
    """A story with its analyses, its events, and the outlets and kinds its timeline holds."""
    found = store.views.story(check_id(story_id))
    if found is None:
        raise NotFound(f"no story {story_id}")
    record, views = found
    events = store.links.events(record.event_ids)
    timeline = views.get("timeline", [])
    named = headlines(store, record.article_ids)
    label_story(views, named)
    people = views.get("people", [])
    entities = store.links.entities([p["entity_id"] for p in people])
    for p in people:
        p["name"] = entities[p["entity_id"]].name if p["entity_id"] in entities else p["name"]
        for q in p["said"]:
            q["label"] = source_label(named.get(q["article_id"]))
    mix = Counter(h["outlet"] for h in named.values() if h["outlet"])
    chart = story_chart(timeline, record.first_date, record.last_date)
    for n, e in enumerate(timeline):
        e["n"], e["background"] = n, n in chart["background"]
    page = StoryPage(
        id=record.id,
        title=record.title,
        lede=record.lede,
        event_ids=record.event_ids,
        article_ids=record.article_ids,
        first_date=record.first_date,
        last_date=record.last_date,
        outlets=record.outlets,
    )
    page.update(views)
    page["analysed"] = bool(views)
    page["people"] = people
    page["chart"] = chart
    page["outlet_mix"] = [
        OutletShare(outlet=o, articles=n) for o, n in sorted(mix.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    page["events"] = [event_ref(events[e]) for e in record.event_ids if e in events]
    page["event_titles"] = {e: short(events[e].title, 40) or e for e in record.event_ids if e in events}
    page["kinds"] = sorted({e["kind"] for e in timeline})
    page["timeline_outlets"] = sorted({o for e in timeline for o in e.get("outlets", [])})
    page["headlines"] = named
    page.update(story_sources(record.outlets, named))
    story_outlets(store, page)
    return page


def event_page(record: Event, views: EventViews) -> EventPage:
    """An event's page data from its record and its analyses, as every page shows an event."""
    page = EventPage(
        id=record.id, title=record.title, date=record.date, article_ids=record.article_ids,
        outlets=record.outlets, lede=record.lede,
    )  # fmt: skip
    page.update(views)
    return page


def event(store: Store, event_id: str) -> EventPage:
    """An event: its articles side by side (clean text), and the wire-copy diffs among them."""
    found = store.views.event(check_id(event_id))
    if found is None:
        raise NotFound(f"no event {event_id}")
    record, views = found
    ids = record.article_ids[:MAX_LIMIT]
    named = headlines(store, record.article_ids)
    label_event(views, named)
    page = event_page(record, views)
    page["analysed"] = bool(views)
    page["headlines"] = named
    page.update(story_sources(record.outlets, named))
    event_outlets(store, page)
    page["articles"] = [
        SideBySide(id=a.id, headline=a.headline, outlet=a.outlet, published=a.published, text=a.text)
        for a in map(store.articles.get, ids)
    ]
    page["duplicates"] = [copy_row(d) for d in store.links.duplicates(ids).values()]
    return page


def timeline(
    store: Store,
    story: str | None = None,
    query: str | None = None,
    dates: int = 10,
    sentences: int = 1,
) -> list[TimelineDay]:
    """The ``dates`` most important dates, with up to ``sentences`` source sentences each and
    their citations, over one story, the stories with articles matching ``query`` (full-text
    search), or the whole corpus."""
    if story:
        found = store.views.story(story) if ID.match(story) else None
        if found is None:
            raise NotFound(f"no story {story!r}")
        ids = found[0].article_ids
    elif query:
        hits = set(store.articles.search_ids(query))
        ids = [a for s, _ in store.views.stories() if hits & set(s.article_ids) for a in s.article_ids]
    else:
        ids = store.articles.ids()
    by_id = {a.id: a for a in store.links.inputs(ids, full=True)}
    copies = set(store.links.duplicates(ids))
    entries = build_timeline(list(by_id), by_id, copies, dates=dates, per_date=sentences, months=False)
    out: dict[str, TimelineDay] = {}
    for e in entries:
        day = out.setdefault(e["date"], TimelineDay(date=e["date"], sentences=[], citations=[], entries=[]))
        day["sentences"].append(e["text"])
        day["citations"].append(e["citations"][0])
        day["entries"].append(e)
    return [out[d] for d in sorted(out)]
