"""The alerts a round raises: a new article about a watched entity or query or from a watched
outlet, a new article or a new event in a watched story, a new quote by a watched speaker.
Each cites its articles (id, outlet, date, headline) and has a key, so it is raised once."""

from __future__ import annotations

import re
from typing import Any

from storyline.store import Store


def _cite(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in ("id", "outlet", "published", "headline")}


def _names_match(value: str, names: list[str]) -> bool:
    """Whether a watched name is one of an entity's names, whole words, any case."""
    want = re.compile(rf"(?<!\w){re.escape(value.lower())}(?!\w)")
    return any(want.search(n.lower()) for n in names if n)


def find_alerts(store: Store, article_ids: list[str]) -> list[dict[str, Any]]:
    """The alerts the new articles ``article_ids`` raise against the watchlist."""
    watches = store.alerts.watches()
    if not watches or not article_ids:
        return []
    rows = {r["id"]: r for r in store.articles.rows(article_ids)}
    stories = store.links.stories_of(article_ids)
    entities = store.alerts.entity_names(article_ids)
    new = set(article_ids)
    out: list[dict[str, Any]] = []

    def alert(watch: dict[str, Any], kind: str, key: str, title: str, cites: list[str], **extra: Any) -> None:
        out.append(
            {
                "watch_id": watch["id"],
                "watch": f"{watch['kind']} {watch['value']}",
                "kind": kind,
                "key": key,
                "title": title,
                "articles": [_cite(rows[a]) for a in cites if a in rows],
                **extra,
            }
        )

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
            hits = [a for a in store.articles.search_ids(value) if a in new]
            for aid in hits:
                alert(w, "query", f"query:{w['id']}:{aid}", f"New article matching “{value}”", [aid])
        elif w["kind"] == "outlet":
            for aid in article_ids:
                if (rows.get(aid, {}).get("outlet") or "").lower() == value.lower():
                    alert(w, "outlet", f"outlet:{w['id']}:{aid}", f"New article from {value}", [aid])
        elif w["kind"] == "story":
            _story_alerts(
                store, w, [a for a in article_ids if (stories.get(a) or {}).get("id") == value], new, alert
            )
    return out


def _quote_alerts(
    store: Store, watch: dict[str, Any], article_ids: list[str], entities: dict[str, Any], alert: Any
) -> None:
    """New quotes by the watched entity (its speaker's entity carries the watched name)."""
    wanted = {
        eid for a in article_ids for eid, names in entities.get(a, []) if _names_match(watch["value"], names)
    }
    if not wanted:
        return
    for art in store.links.inputs(article_ids, full=True):
        for n, q in enumerate(art.get("quotes", [])):
            if q.get("speaker_entity_id") in wanted:
                key = f"quote:{watch['id']}:{art['id']}:{n}"
                said = {"text": q["text"], "start": q["start"], "end": q["end"]}
                alert(
                    watch, "quote", key, f"{watch['value']} said: {q['text'][:120]}", [art["id"]], quote=said
                )


def _story_alerts(store: Store, watch: dict[str, Any], members: list[str], new: set[str], alert: Any) -> None:
    """New articles of a watched story, and its events made only of new articles (new events)."""
    events_seen: set[str] = set()
    for aid in members:
        alert(watch, "story", f"story:{watch['id']}:{aid}", f"New article in story {watch['value']}", [aid])
        event = store.links.event_of(aid)
        if event and event not in events_seen:
            events_seen.add(event)
            record = store.links.records("events", [event]).get(event, {})
            if set(record.get("article_ids", [])) <= new:
                title = f"New event in story {watch['value']}: {record.get('title') or event}"
                key = f"event:{watch['id']}:{event}"
                alert(watch, "event", key, title, record.get("article_ids", []), event_id=event)
