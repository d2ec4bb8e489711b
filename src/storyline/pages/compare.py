"""The comparison pages: an event's outlets side by side (its ``comparison``, computed by the
run after linking), and a story's outlets over its events, over time. Speakers are named as
the corpus names their entity, every citation is labelled "Outlet · date · headline", and
articles of unknown outlet are counted apart, never as an outlet."""

from __future__ import annotations

from collections.abc import Mapping

from storyline.model import UNKNOWN_OUTLET, Event
from storyline.model.analyses import Comparison, EventViews, Term
from storyline.model.follow import ArticleRef
from storyline.pages.citations import cites, source_label
from storyline.pages.common import NotFound, check_id, headlines
from storyline.pages.shapes import (
    ComparePage,
    EventTakes,
    OutletRecord,
    OutletTake,
    OutletWords,
    ReferentWords,
    StoryComparePage,
    StoryTitle,
    VoiceCount,
    WordUse,
)
from storyline.store import Store

VOICES = 5  # voices listed per outlet on a story's comparison
REFERENTS = 12  # a story's referents whose words are shown side by side
ACTS = "what happened"  # the referent of the words naming an event's acts


def compare(store: Store, item_id: str) -> ComparePage | StoryComparePage:
    """The comparison of an event ("V…") or of a story ("S…")."""
    if check_id(item_id).startswith("S"):
        return story_comparison(store, item_id)
    return event_comparison(store, item_id)


def event_comparison(store: Store, event_id: str) -> ComparePage:
    """An event's outlets side by side, with the outlets of its story that did not report it."""
    found = store.views.event(check_id(event_id))
    if found is None:
        raise NotFound(f"no event {event_id}")
    record, views = found
    named = headlines(store, record.article_ids)
    comparison = views.get("comparison")
    if comparison:
        _label(comparison, named, _names(store, [comparison]))
    outlets = sorted({r["outlet"] for r in named.values() if r["outlet"]})
    unknown = [a for a in record.article_ids if a in named and not named[a]["outlet"]]
    story = next(iter(store.links.stories_of(record.article_ids[:1]).values()), None)
    others: set[str] = set()
    if story:
        found_story = store.links.stories([story["id"]]).get(story["id"])
        others = set(found_story.outlets if found_story else ()) - set(outlets)
    return ComparePage(
        kind="event",
        id=record.id,
        title=record.title,
        date=record.date,
        story=StoryTitle(id=story["id"], title=story["title"]) if story else None,
        comparison=comparison,
        outlets=outlets,
        known_outlets=len(outlets),
        unknown_articles=len(unknown),
        unknown_ids=unknown,
        not_reporting=sorted(o for o in others if o != UNKNOWN_OUTLET),
        labels={a: source_label(named.get(a)) for a in record.article_ids},
    )


def _names(store: Store, comparisons: list[Comparison]) -> dict[str, str]:
    """Entity id → the corpus's name, for every speaker the comparisons resolved and every
    entity their words name."""
    ids = {
        x["entity_id"]
        for c in comparisons
        for side in c["outlets"]
        for x in [*side["voices"], *side.get("left_out", [])]
        if x["entity_id"]
    }
    terms = (t for c in comparisons for side in c["outlets"] for t in side["terms"])
    ids |= {t["refers_to"] for t in terms if t["refers_to"]}
    return {e.id: e.name for e in store.links.entities(ids).values()}


def _label(comparison: Comparison, named: Mapping[str, ArticleRef], names: dict[str, str]) -> None:
    """Labels on every citation of a comparison, and the corpus's name on every speaker, in
    place."""
    for side in comparison["outlets"]:
        for v in side["voices"]:
            v["speaker"] = names.get(v["entity_id"] or "", v["speaker"])
            v["cites"] = cites(v["citations"], named)
        for x in side.get("left_out", []):
            x["speaker"] = names.get(x["entity_id"] or "", x["speaker"])
        for t in side["terms"]:
            t["cites"] = cites(t["citations"], named)
            t["referent"] = names.get(t["refers_to"] or "", "") if t["refers_to"] else ACTS
        for o in side["only_here"]:
            o["cites"] = cites(o["citations"], named)
    for s in comparison["shared"]:
        s["cites"] = cites(s["citations"], named)
    for d in comparison["conflicts"]:
        for value in d["values"]:
            value["cites"] = cites(value["citations"], named)


def story_comparison(store: Store, story_id: str) -> StoryComparePage:
    """A story's outlets over its events in date order: per event each outlet's headline and
    first time (who reported first, who did not report it), per outlet how many events it
    reported, how many first, and whom it quotes most."""
    found = store.views.story(check_id(story_id))
    if found is None:
        raise NotFound(f"no story {story_id}")
    record, story_views = found
    named = headlines(store, record.article_ids)
    known = sorted({r["outlet"] for r in named.values() if r["outlet"]})
    events = store.links.events(record.event_ids)
    ordered = sorted(events.values(), key=lambda e: (e.date or "9999", e.id))
    views = {e.id: (store.views.event(e.id) or (e, EventViews()))[1] for e in ordered}
    comparisons = [c for v in views.values() if (c := v.get("comparison"))]
    names = _names(store, comparisons)
    takes = [_takes(e, views[e.id].get("comparison"), named, known) for e in ordered]
    return StoryComparePage(
        kind="story",
        id=record.id,
        title=record.title,
        first_date=record.first_date,
        last_date=record.last_date,
        outlets=_outlet_records(known, takes, comparisons, names),
        events=takes,
        known_outlets=len(known),
        unknown_articles=sum(1 for r in named.values() if not r["outlet"]),
        labels={a: source_label(named.get(a)) for a in record.article_ids},
        words=_words_over_time(store, story_views.get("terms", {}), named),
    )


def _words_over_time(
    store: Store, terms: Mapping[str, list[Term]], named: Mapping[str, ArticleRef]
) -> list[ReferentWords]:
    """Per referent two outlets or more name, each outlet's words for it with the first and
    last day it used each, the referents most outlets name first."""
    by_referent: dict[str, dict[str, list[WordUse]]] = {}

    def day(article_id: str) -> str | None:
        ref = named.get(article_id)
        return ref["published"][:10] if ref is not None and ref["published"] else None

    for outlet, listed in terms.items():
        for t in listed:
            days = sorted(d for c in t["citations"] if (d := day(c["article_id"])))
            labelled = cites(t["citations"], named)
            use = WordUse(
                term=t["term"],
                first=days[0] if days else None,
                last=days[-1] if days else None,
                uses=len(t["citations"]),
                cites=labelled,
                days=[day(c["article_id"]) for c in labelled],
            )
            by_referent.setdefault(t["refers_to"] or "", {}).setdefault(outlet, []).append(use)
    shared = {r: o for r, o in by_referent.items() if r and len(o) >= 2}
    names = {e.id: e.name for e in store.links.entities(set(shared)).values()}
    ranked = sorted(
        shared, key=lambda r: (-len(shared[r]), -sum(w["uses"] for ws in shared[r].values() for w in ws), r)
    )
    return [
        ReferentWords(
            referent=names.get(r, r),
            refers_to=r,
            outlets=[
                OutletWords(outlet=o, words=sorted(ws, key=lambda w: (w["first"] or "9999", w["term"])))
                for o, ws in sorted(shared[r].items())
            ],
        )
        for r in ranked[:REFERENTS]
    ]


def _takes(
    event: Event, comparison: Comparison | None, named: Mapping[str, ArticleRef], known: list[str]
) -> EventTakes:
    """Each known outlet's report of ``event``: from its comparison, or for an event of one
    outlet from that outlet's earliest article."""
    if comparison:
        takes = [
            OutletTake(
                outlet=s["outlet"],
                headline=s["headline"],
                first_seen=s["first_seen"],
                first=s.get("first", False),
                article_ids=s["article_ids"],
            )
            for s in comparison["outlets"]
        ]
    else:
        mine: dict[str, list[ArticleRef]] = {}
        for a in event.article_ids:
            if a in named and named[a]["outlet"]:
                mine.setdefault(named[a]["outlet"] or "", []).append(named[a])
        takes = []
        for outlet, refs in mine.items():
            earliest = min(refs, key=lambda r: (r["published"] or "9999", r["id"]))
            takes.append(
                OutletTake(
                    outlet=outlet,
                    headline=earliest["headline"] or "",
                    first_seen=earliest["published"],
                    first=earliest["published"] is not None,
                    article_ids=[r["id"] for r in refs],
                )
            )
    reported = {t["outlet"] for t in takes}
    unknown = [a for a in event.article_ids if a in named and not named[a]["outlet"]]
    return EventTakes(
        id=event.id,
        title=event.title,
        date=event.date,
        compared=comparison is not None,
        takes=takes,
        not_reporting=[o for o in known if o not in reported],
        unknown_articles=len(unknown),
        unknown_ids=unknown,
    )


def _outlet_records(
    known: list[str], takes: list[EventTakes], comparisons: list[Comparison], names: dict[str, str]
) -> list[OutletRecord]:
    """Per known outlet of a story: events reported, reported first, articles, top voices."""
    voices: dict[str, dict[str, VoiceCount]] = {o: {} for o in known}
    for c in comparisons:
        for side in c["outlets"]:
            for v in side["voices"]:
                key = v["entity_id"] or v["speaker"].lower()
                speaker = names.get(v["entity_id"] or "", v["speaker"])
                count = voices.setdefault(side["outlet"], {}).setdefault(
                    key, VoiceCount(speaker=speaker, entity_id=v["entity_id"], quotes=0)
                )
                count["quotes"] += v["quotes"]
    records = []
    for outlet in known:
        mine = [t for e in takes for t in e["takes"] if t["outlet"] == outlet]
        # first only where another outlet reported it too: alone, an outlet is trivially first
        shared = [t for e in takes if len(e["takes"]) > 1 for t in e["takes"] if t["outlet"] == outlet]
        firsts = [[t["outlet"] for t in e["takes"] if t["first"]] for e in takes if len(e["takes"]) > 1]
        alone = [f for f in firsts if f == [outlet]]
        records.append(
            OutletRecord(
                outlet=outlet,
                events=len(mine),
                shared=len(shared),
                first_alone=len(alone),
                first=sum(1 for t in shared if t["first"]),
                articles=sum(len(t["article_ids"]) for t in mine),
                voices=sorted(voices[outlet].values(), key=lambda v: (-v["quotes"], v["speaker"]))[:VOICES],
            )
        )
    return sorted(records, key=lambda r: (-r["events"], r["outlet"]))
