"""Incremental linking: the articles no run has linked yet, against what is stored, reading
only the older articles near them in time (and those their near-duplicate keys point at).
Ids and assignments of older articles stand; entities and events the new evidence joins are
merged, the older id kept."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from storyline.link.dates import infer_dates
from storyline.link.duplicates import band_keys, find_duplicates
from storyline.link.event_model import story_rows, text_blocks
from storyline.link.events import Clustering, EventDoc, event_doc, summarise_events
from storyline.link.parts import Laps, Linking, LinkReport
from storyline.model import Article, Duplicate, Entity, Event, LinkResult, Saved, Story, TermFrequencies

POOL_UNDATED = 5000  # older articles an undated batch is compared with: the latest published
"""Also the older undated articles a dated batch is compared with, the last stored: a full run
compares an undated article with every other, so a report stored without a date still joins
the dated reports of its event that arrive later."""


@dataclass
class _Events:
    """The events step's results, which the later steps read."""

    events: list[Event]  # records of the events that changed
    by_id: dict[str, Article]  # every article read, new and older
    docs: list[EventDoc]
    x: Any  # the articles' story vectors (event_model.story_rows)
    clustering: Clustering
    frequencies: TermFrequencies  # of the new articles clustered, for the store to add


def link_new(linker: Linking, report: LinkReport, lap: Laps) -> LinkResult | None:
    """Link the unlinked articles; None when there are none."""
    links = linker.links
    new_ids = links.unlinked_ids()
    report.articles = len(new_ids)
    if not new_ids:
        return None
    new = list(links.inputs(new_ids))
    saved = links.saved(chains=False)
    lap("load")

    keys, duplicates, older = _copies(linker, new, saved)
    lap("duplicates")

    original = {d.article_id: d.duplicate_of for d in duplicates}
    step = _events(linker, new, new_ids, saved, original, older)
    lap("events")

    members = [replace(e, article_ids=[a for a in e.article_ids if a in step.by_id]) for e in step.events]
    redated = infer_dates(links, members, step.by_id, linker.redate)  # before entities: roles' "as of" follow
    lap("dates")

    stories, story_log, emptied = _stories(linker, step, saved)
    lap("stories")

    entities, mapping, merged = _entities(linker, new, stories)
    lap("entities")
    entity_log = [("entities merged", f"{m} into {k}") for m, k in sorted(merged.items())]
    return LinkResult(
        entities=entities,
        chains=mapping,
        duplicates=duplicates,
        events=step.events,
        stories=stories,
        bands=[(k, aid) for aid, ks in keys.items() for k in ks],
        log=entity_log + step.clustering.log + story_log,
        full=False,
        merged_entities=merged,
        merged_events=step.clustering.merged,
        emptied_stories=emptied,
        redated=redated,
        frequencies=step.frequencies,
    )


def _entities(
    linker: Linking, new: list[Article], stories: list[Story]
) -> tuple[list[Entity], dict[tuple[str, str], str], dict[str, str]]:
    """New chains against the stored entities' aliases: the entity records that changed,
    the chain → entity map, and entities merged by the new evidence (merged → kept). A
    name with one owner is that owner only within its story: the new articles' stories
    are those just built, a stored entity's those its articles are in."""
    links, resolver = linker.links, linker.resolver
    story_of = {a: frozenset([s.id]) for s in stories for a in s.article_ids}

    def scope(key: str) -> frozenset[str]:
        if key in story_of:
            return story_of[key]
        if key[:1] == "E" and key[1:].isdigit():  # an entity standing in as a chain
            return frozenset(links.entity_stories(key))
        return frozenset([key])

    chains = resolver.chains(new)
    mapping, merged, _fresh = resolver.resolve_new(chains, links.entity_aliases(), scope)
    touched = sorted(set(mapping.values()) | set(merged.values()))
    stored = links.entities(touched + list(merged))
    additions = {e.id: e for e in resolver.records(chains, mapping)}
    entities = []
    for eid in touched:
        parts = [stored[e] for e in [eid, *[m for m, k in merged.items() if k == eid]] if e in stored]
        parts += [additions[eid]] if eid in additions else []
        entities.append(resolver.merge_records(parts))
    return entities, mapping, merged


def _copies(
    linker: Linking, new: list[Article], saved: Saved
) -> tuple[dict[str, list[int]], list[Duplicate], dict[str, Article]]:
    """Band keys of the new articles against the stored keys: the new articles' keys, the
    copy records, and the older articles read as candidates (with their groups)."""
    links = linker.links
    keys = {a.id: band_keys(a.text) for a in new if a.text}
    found = links.band_candidates(k for ks in keys.values() for k in ks)
    candidates = {aid for ids in found.values() for aid in ids} - set(keys)
    roots = {saved.duplicates.get(c) or c for c in candidates}
    group = roots | set(links.copies_of(roots)) | candidates
    older = {a.id: a for a in links.inputs(group)} if candidates else {}
    known = {aid: saved.duplicates.get(aid) for aid in older}
    duplicates = find_duplicates(new + list(older.values()), known, keys={**keys})
    return keys, duplicates, older


def _events(
    linker: Linking,
    new: list[Article],
    new_ids: list[str],
    saved: Saved,
    original: dict[str, str],
    older: dict[str, Article],
) -> _Events:
    """The new articles clustered with the older ones within the event window of them; the
    records of every event that gained articles or absorbed another."""
    links, clusterer = linker.links, linker.events
    days = sorted(a.published[:10] for a in new if a.published)
    if days:
        pad = timedelta(days=clusterer.window)
        first = (date.fromisoformat(days[0]) - pad).isoformat()
        last = (date.fromisoformat(days[-1]) + pad).isoformat()
        pool_ids = links.ids_between(first, last) + links.undated_ids(POOL_UNDATED)
    else:
        pool_ids = links.latest_ids(POOL_UNDATED) + links.undated_ids(POOL_UNDATED)
    previous = saved.events
    pool = {a.id: a for a in links.inputs(i for i in pool_ids if i in previous)}
    by_id = {**pool, **older, **{a.id: a for a in new}}
    docs = [event_doc(a) for a in [*pool.values(), *new] if a.id not in original]
    docs = [d for d in docs if d.id not in saved.duplicates]
    fresh = {a.id for a in new}
    parts, frequencies = text_blocks(docs, links.term_frequencies, [d.id in fresh for d in docs])
    x = clusterer.model.rows(parts)
    issued = links.event_ids_issued()
    clustering = clusterer.cluster(
        docs, {d.id: previous[d.id] for d in docs if d.id in previous}, x, issued=issued
    )
    assign, renamed = clustering.assign, clustering.merged
    moved = dict(clustering.moved)  # older articles reclustered into another event
    for copy, source in saved.duplicates.items():  # a stored copy follows its original
        if source in moved:
            moved[copy] = moved[source]
    for copy, source in original.items():
        event = assign.get(source) or previous.get(source)
        if event:
            assign[copy] = event
    fresh_members: dict[str, list[str]] = {}
    for aid in new_ids:
        if aid in assign:
            fresh_members.setdefault(assign[aid], []).append(aid)
    moved_in: dict[str, list[str]] = {}
    for aid, (_, to) in moved.items():
        moved_in.setdefault(to, []).append(aid)
    left = {was for was, _ in moved.values()}
    changed = sorted((set(fresh_members) | set(renamed.values()) | set(moved_in) | left) - set(renamed))
    old_events = links.events(changed + list(renamed))
    events = []
    for eid in changed:
        members: list[str] = []
        for part in [eid, *[m for m, k in renamed.items() if k == eid]]:
            if part in old_events:
                members += [a for a in old_events[part].article_ids if a not in moved]
        members += moved_in.get(eid, []) + fresh_members.get(eid, [])
        if not members:
            continue
        record = summarise_events({m: eid for m in members if m in by_id}, by_id)[0]
        record.article_ids = list(dict.fromkeys(members))
        before = old_events.get(eid)
        if before:
            if eid not in left:  # nothing left it: outlets of members outside the pool stand
                record.outlets = sorted(set(record.outlets) | set(before.outlets))
            if before.date and (not record.date or before.date <= record.date):
                record.date, record.title = before.date, before.title
        events.append(record)
    return _Events(events, by_id, docs, story_rows(parts), clustering, frequencies)


def _stories(
    linker: Linking, step: _Events, saved: Saved
) -> tuple[list[Story], list[tuple[str, str]], list[str]]:
    """The events near the new articles clustered into stories afresh (ids by majority, as a
    full run does); an event that changes story leaves its old one: the records of every
    story that gained or lost an event, the log, and the stories left with no event."""
    links = linker.links
    renamed, assign = step.clustering.merged, step.clustering.assign
    changed = {e.id for e in step.events}
    story_of = {e: s for e, s in saved.stories.items() if e not in renamed}
    pool_events = sorted({assign[d.id] for d in step.docs if d.id in assign})
    pool_records = {
        **links.events([e for e in pool_events if e not in changed]),
        **{e.id: e for e in step.events},
    }
    view = [
        replace(pool_records[e], article_ids=[a for a in pool_records[e].article_ids if a in step.by_id])
        for e in pool_events
        if e in pool_records
    ]
    row_of = {d.id: k for k, d in enumerate(step.docs)}
    stories_now, log = linker.stories.build(view, step.by_id, story_of, step.x, row_of)
    story_changes = {
        e: s.id for s in stories_now for e in s.event_ids if e in changed or story_of.get(e) != s.id
    }
    left = {story_of[e] for e, sid in story_changes.items() if e in story_of and story_of[e] != sid}
    touched = sorted(set(story_changes.values()) | left)
    members_of = links.story_events(touched)
    for sid in members_of:  # an event that moved leaves its old story
        members_of[sid] = [e for e in members_of[sid] if story_changes.get(e, sid) == sid]
    for e, sid in story_changes.items():
        members_of.setdefault(sid, [])
        if e not in members_of[sid]:
            members_of[sid].append(e)
    records = {
        **links.events([e for m in members_of.values() for e in m]),
        **{e.id: e for e in step.events},
    }
    stories, emptied = [], []
    for sid in touched:
        chosen = [records[e] for e in members_of.get(sid, []) if e in records and e not in renamed]
        if chosen:
            stories.append(linker.stories.record(sid, chosen))
        else:
            emptied.append(sid)
            log.append(("story emptied", f"{sid}: its events moved to other stories"))
    return stories, log, emptied
