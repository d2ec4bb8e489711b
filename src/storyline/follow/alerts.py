"""The alerts a round raises: a new article about a watched entity or query or from a watched
outlet, a new quote by a watched speaker; in a watched story, a new article, a new event, an
outlet that had not reported it before, and a new conflicting claim (values of one quantity
that exclude each other, ``link.conflicts``, one of them in a new article). Each cites its
articles (id, outlet, date, headline) and has a key, so it is raised once."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any, cast

from storyline.analysis.conflicts import conflicts
from storyline.analysis.refresh import view_inputs
from storyline.model import Story
from storyline.model.analyses import Conflict
from storyline.model.follow import Alert, ArticleRef, QuotedSpan, Watch
from storyline.store import Store

Raise = Callable[..., None]
"""``alert(watch, kind, key, title, cited article ids, **fields of its kind)``."""


def _cite(row: ArticleRef) -> ArticleRef:
    return ArticleRef(
        id=row["id"], outlet=row["outlet"], published=row["published"], headline=row["headline"]
    )


def _names_match(value: str, names: list[str]) -> bool:
    """Whether a watched name is one of an entity's names, whole words, any case."""
    want = re.compile(rf"(?<!\w){re.escape(value.lower())}(?!\w)")
    return any(want.search(n.lower()) for n in names if n)


def find_alerts(store: Store, article_ids: list[str]) -> list[Alert]:
    """The alerts the new articles ``article_ids`` raise against the watchlist."""
    watches = store.alerts.watches()
    if not watches or not article_ids:
        return []
    rows = {r["id"]: r for r in store.articles.rows(article_ids)}
    stories = store.links.stories_of(article_ids)
    entities = store.alerts.entity_names(article_ids)
    new = set(article_ids)
    out: list[Alert] = []

    def alert(watch: Watch, kind: str, key: str, title: str, cites: list[str], **extra: Any) -> None:
        older = [a for a in cites if a not in rows]
        if older:  # an older article cited beside the new ones (a conflict's other report)
            rows.update((r["id"], r) for r in store.articles.rows(older))
        cited = [_cite(rows[a]) for a in cites if a in rows]
        raised = Alert(
            watch_id=watch["id"],
            watch=f"{watch['kind']} {watch['value']}",
            kind=kind,
            key=key,
            title=title,
            articles=cited,
        )
        out.append(cast(Alert, {**raised, **extra}))

    for w in watches:
        value = w["value"]
        if w["kind"] == "entity":
            for aid in article_ids:
                found = [eid for eid, names in entities.get(aid, []) if _names_match(value, names)]
                if found:
                    alert(
                        w,
                        "entity",
                        f"entity:{w['id']}:{aid}",
                        f"New article about {value}",
                        [aid],
                        entity_ids=found,
                    )
            _quote_alerts(store, w, article_ids, entities, alert)
        elif w["kind"] == "query":
            hits = store.articles.matching(value, article_ids)
            for aid in [a for a in article_ids if a in hits]:
                alert(w, "query", f"query:{w['id']}:{aid}", f"New article matching “{value}”", [aid])
        elif w["kind"] == "outlet":
            for aid in article_ids:
                if aid in rows and (rows[aid]["outlet"] or "").lower() == value.lower():
                    alert(w, "outlet", f"outlet:{w['id']}:{aid}", f"New article from {value}", [aid])
        elif w["kind"] == "story":
            _story_alerts(
                store, w, [a for a in article_ids if (stories.get(a) or {}).get("id") == value], new, alert
            )
    return out


def _quote_alerts(
    store: Store,
    watch: Watch,
    article_ids: list[str],
    entities: dict[str, list[tuple[str, list[str]]]],
    alert: Raise,
) -> None:
    """New quotes by the watched entity (its speaker's entity carries the watched name)."""
    wanted = {
        eid for a in article_ids for eid, names in entities.get(a, []) if _names_match(watch["value"], names)
    }
    if not wanted:
        return
    for art in store.links.inputs(article_ids, full=True):
        for n, q in enumerate(art.quotes):
            if q.speaker_entity_id in wanted:
                key = f"quote:{watch['id']}:{art.id}:{n}"
                said = QuotedSpan(text=q.text, start=q.start, end=q.end)
                alert(watch, "quote", key, f"{watch['value']} said: {q.text[:120]}", [art.id], quote=said)


def _story_alerts(store: Store, watch: Watch, members: list[str], new: set[str], alert: Raise) -> None:
    """New articles of a watched story, its events made only of new articles (new events),
    the outlets reporting it for the first time, and its conflicts that cite a new article."""
    if not members:
        return
    story = watch["value"]
    events_seen: set[str] = set()
    for aid in members:
        alert(watch, "story", f"story:{watch['id']}:{aid}", f"New article in story {story}", [aid])
        event = store.links.event_of(aid)
        if event and event not in events_seen:
            events_seen.add(event)
            found = store.links.events([event]).get(event)
            if found is not None and set(found.article_ids) <= new:
                title = f"New event in story {story}: {found.title or event}"
                key = f"event:{watch['id']}:{event}"
                alert(watch, "event", key, title, found.article_ids, event_id=event)
    record = store.links.stories([story]).get(story)
    if record is None:
        return
    rows = store.articles.rows(record.article_ids)
    before = {r["outlet"] for r in rows if r["outlet"] and r["id"] not in new}
    first: dict[str, list[str]] = {}
    for r in sorted(rows, key=lambda r: (r["published"] or "9999", r["id"])):
        if r["id"] in new and r["outlet"] and r["outlet"] not in before:
            first.setdefault(r["outlet"], []).append(r["id"])
    for outlet, cites in sorted(first.items()):
        key = f"story-outlet:{watch['id']}:{outlet.lower()}"
        alert(watch, "story_outlet", key, f"Story {story} taken up by {outlet}", cites, outlet=outlet)
    for c in story_conflicts(store, record, new & set(record.article_ids)):
        cites = list(dict.fromkeys(r["article_id"] for r in c["reports"]))
        if not new & set(cites):
            continue
        values = " / ".join(f"{v:g}" for v in c["values"])
        key = f"conflict:{watch['id']}:{c['quantity']}:{values}:{','.join(sorted(cites))}"
        title = f"Conflicting figures in story {story}: {c['quantity']} {values}"
        alert(watch, "conflict", key, title, cites, conflict=c)


def story_conflicts(store: Store, record: Story, new: set[str]) -> list[Conflict]:
    """A story's conflicting claims that may cite the ``new`` articles: from its analyses when
    computed, else computed over the story's events that hold a new article (so a round's
    work follows what it brought, not the size of a long story)."""
    found = store.views.story(record.id)
    if found is not None and "conflicts" in found[1]:
        return list(found[1]["conflicts"])
    held = set(record.event_ids)
    touched = [e for e in dict.fromkeys(store.links.event_of(a) for a in sorted(new)) if e and e in held]
    events = store.links.events(touched)
    members = [a for e in touched for a in (events[e].article_ids if e in events else [])]
    inputs = view_inputs(store, replace(record, event_ids=touched, article_ids=members))
    return conflicts(
        [inputs.events[e] for e in touched if e in inputs.events], inputs.articles, set(inputs.original)
    )
