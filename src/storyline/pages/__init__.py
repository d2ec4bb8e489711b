"""The view layer: what every page shows, as plain data, built here once. The web pages render
it, their JSON twins return it, the static report writes it, and the CLI prints it (its
``--json`` is the same object: ``storyline story S1 --json`` is ``/api/stories/S1``).

Pages: overview, stories, story, event, entities, entity, article, search, and the timeline
query. The CLI's listings of the whole corpus (articles, stories, events, entities, copies,
quotes, rejects) are here too, so no command builds its own view of the store.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from storyline.model import UNKNOWN_OUTLET
from storyline.pages.annotated import KIND_CLASS, segments, side_panel
from storyline.pages.charts import every_month, story_chart
from storyline.pages.citations import label_all, short, source_label, story_sources
from storyline.store import Filters, Store
from storyline.store.export import article_record
from storyline.store.views import STORY_ORDERS

MAX_LIMIT = 200
EVIDENCE = 100  # article ids shown per alias of an entity
ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
HIT_START, HIT_END = "\x02", "\x03"  # how the store marks search hits in a snippet


class NotFound(LookupError):
    """The page asks for something the corpus does not hold."""


class BadQuery(ValueError):
    """A search query that is not valid full-text search syntax (when asked to say so)."""


def _check_id(value: str) -> str:
    if not ID.match(value):
        raise NotFound(f"not an id: {value[:80]!r}")
    return value


def _page(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(limit, MAX_LIMIT)), max(0, offset)


def overview(store: Store) -> dict[str, Any]:
    """Corpus overview: outlets, date range, counts, rejects, the newest stories."""
    _, latest = store.views.stories_page(10, 0, "rank")
    return {
        **store.articles.summary(),
        **store.views.link_counts(),
        "latest_stories": [story_row(s) for s in latest],
        "reject_list": [
            {k: r[k] for k in ("path", "url", "part", "record", "stage", "reason", "detail")}
            for r in store.articles.rejects(limit=50)
        ],
    }


def story_row(s: dict[str, Any]) -> dict[str, Any]:
    """A story as the story lists show it."""
    return {
        "id": s["id"],
        "title": s["title"],
        "lede": s.get("lede", ""),
        "first_date": s["first_date"],
        "last_date": s["last_date"],
        "events": len(s["event_ids"]),
        "articles": len(s["article_ids"]),
        "outlets": s["outlets"],
        "known_outlets": [o for o in s["outlets"] if o != UNKNOWN_OUTLET],
    }


def stories(
    store: Store, limit: int = 50, offset: int = 0, order: str = "rank", min_articles: int = 1
) -> dict[str, Any]:
    """One page of stories in ``order`` — ``rank`` (size and recency), ``newest``, ``oldest``,
    ``size`` — of ``min_articles`` articles or more (2 hides single-article stories)."""
    limit, offset = _page(limit, offset)
    if order not in STORY_ORDERS:
        raise BadQuery(f"unknown order {order!r}: one of {', '.join(STORY_ORDERS)}")
    total, rows = store.views.stories_page(limit, offset, order, max(1, min_articles))
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "order": order,
        "orders": list(STORY_ORDERS),
        "min_articles": max(1, min_articles),
        "items": [story_row(s) for s in rows],
    }


def story(store: Store, story_id: str) -> dict[str, Any]:
    """A story with its views, its events, and the outlets and kinds its timeline holds."""
    data = store.views.view("story", _check_id(story_id))
    if data is None:
        raise NotFound(f"no story {story_id}")
    events = store.links.records("events", data["event_ids"])
    timeline = data.get("timeline", [])
    headlines = _headlines(store, data["article_ids"])
    label_all(data, headlines)
    people = data.get("people") or []
    named = store.links.records("entities", [p["entity_id"] for p in people])
    for p in people:
        p["name"] = named.get(p["entity_id"], {}).get("name") or p["name"]
        for q in p["said"]:
            q["label"] = source_label(headlines.get(q["article_id"]))
    mix = Counter(h["outlet"] for h in headlines.values() if h.get("outlet"))
    chart = story_chart(timeline, data.get("first_date"), data.get("last_date"))
    for n, e in enumerate(timeline):
        e["n"], e["background"] = n, n in chart["background"]
    return {
        **data,
        "people": people,
        "chart": chart,
        "outlet_mix": [
            {"outlet": o, "articles": n} for o, n in sorted(mix.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "events": [events[e] for e in data["event_ids"] if e in events],
        "event_titles": {e: short(events[e].get("title"), 40) or e for e in data["event_ids"] if e in events},
        "kinds": sorted({e["kind"] for e in timeline}),
        "timeline_outlets": sorted({o for e in timeline for o in e.get("outlets", [])}),
        "headlines": headlines,
        **story_sources(data.get("outlets", []), headlines),
    }


def _headlines(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Article id → headline, outlet and date, for naming citations."""
    return {
        r["id"]: {k: r[k] for k in ("headline", "outlet", "published", "lede")}
        for r in store.articles.rows(ids)
    }


def event(store: Store, event_id: str) -> dict[str, Any]:
    """An event: its articles side by side (clean text), and the wire-copy diffs among them."""
    data = store.views.view("event", _check_id(event_id))
    if data is None:
        raise NotFound(f"no event {event_id}")
    ids = data["article_ids"][:MAX_LIMIT]
    keys = ("id", "headline", "outlet", "published", "text")
    headlines = _headlines(store, data["article_ids"])
    label_all(data, headlines)
    return {
        **data,
        "headlines": headlines,
        **story_sources(data.get("outlets", []), headlines),
        "articles": [{k: getattr(a, k) for k in keys} for a in map(store.articles.get, ids)],
        "duplicates": list(store.links.records("duplicates", ids).values()),
    }


def entities(
    store: Store,
    limit: int = 50,
    offset: int = 0,
    label: str | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """One page of entities, most reported first (of ``label``, ``name`` in a name or alias)."""
    limit, offset = _page(limit, offset)
    total, rows = store.views.entities_page(limit, offset, label, name)
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "items": [entity_row(e) for e in rows],
    }


def entity_row(e: dict[str, Any]) -> dict[str, Any]:
    """An entity as the entity lists show it."""
    return {k: e[k] for k in ("id", "name", "label", "aliases", "articles", "mentions")}


def entity(store: Store, entity_id: str) -> dict[str, Any]:
    """An entity: aliases with their evidence, roles over time, quotes, mentions by month."""
    found = store.links.records("entities", [_check_id(entity_id)])
    if not found:
        raise NotFound(f"no entity {entity_id}")
    data = found[entity_id]
    for ev in data["evidence"]:  # a popular entity has tens of thousands: the first 100
        ev["article_count"] = len(ev["article_ids"])
        ev["article_ids"] = ev["article_ids"][:EVIDENCE]
    months = every_month(store.views.entity_months(entity_id))
    peak = max((m["articles"] for m in months), default=0)
    shown_ids = [a for ev in data["evidence"] for a in ev["article_ids"][:12]]
    stories, others = store.links.entity_neighbours(entity_id)
    return {
        **data,
        "roles": merged_roles(data.get("roles") or []),
        "stories": stories,
        "co_mentioned": others,
        "peak": peak,
        "labels": {a: source_label(h) for a, h in _headlines(store, shown_ids).items()},
        "quotes": store.articles.quotes(entity_id=entity_id, limit=MAX_LIMIT),
        "months": [{**m, "height": round(100 * m["articles"] / peak) if peak else 0} for m in months],
    }


def merged_roles(roles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Roles that differ only in case as one ("Governor", "governor"), written as most often,
    with their dates together."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in roles:
        groups.setdefault(" ".join(str(r.get("role", "")).lower().split()), []).append(r)
    out = []
    for same in groups.values():
        names = [r["role"] for r in same]
        dates = sorted({d for r in same for d in r.get("as_of") or []})
        written = max(set(names), key=lambda n: (names.count(n), n[:1].isupper(), n))
        out.append({**same[0], "role": written, "as_of": dates})
    return out


def find_entity(store: Store, name_or_id: str) -> tuple[str, list[str]]:
    """The entity an id names, or else the most mentioned one whose name or alias holds
    ``name_or_id``, with the ids of the others that match."""
    if ID.match(name_or_id) and store.links.records("entities", [name_or_id]):
        return name_or_id, []
    found = store.views.entities(name=name_or_id)
    if not found:
        raise NotFound(f"no entity matching {name_or_id!r}")
    best = max(found, key=lambda e: e["mentions"])
    return best["id"], sorted(e["id"] for e in found if e["id"] != best["id"])


def article(store: Store, article_id: str, hl: str | None = None) -> dict[str, Any]:
    """An article as the export contract describes it, with its text cut into annotated
    segments (``hl``: a cited span, ``START-END``, highlighted), removed boilerplate with
    reasons, its origin and its event."""
    try:
        art = store.articles.get(_check_id(article_id))
    except KeyError as exc:
        raise NotFound(str(exc.args[0])) from None
    mark = None
    if hl and re.fullmatch(r"\d{1,9}-\d{1,9}", hl):
        a, b = (int(x) for x in hl.split("-"))
        mark = (a, b)
    record = article_record(art)
    notes = {kind: record[kind] for kind in KIND_CLASS}
    event_id = store.links.event_of(art.id)
    url = art.source.url or ""
    return {
        **record,
        "title": art.headline or short(art.text, 80) or "Untitled article",
        "safe_url": url if re.match(r"^https?://", url, re.I) else None,
        "segments": segments(art.text, notes, mark),
        "panel": side_panel(notes),
        "stages": art.stages,
        "event_id": event_id,
        "event_title": store.links.records("events", [event_id]).get(event_id, {}).get("title")
        if event_id
        else None,
        "story": store.links.stories_of([art.id]).get(art.id),
    }


def snippet_parts(snippet: str) -> list[dict[str, Any]]:
    """A search snippet as (text, is_hit) pieces, from the store's hit markers."""
    pieces = re.split(f"[{HIT_START}{HIT_END}]", snippet)
    return [{"text": p, "hit": k % 2 == 1} for k, p in enumerate(pieces) if p]


def search(
    store: Store,
    q: str,
    limit: int = 20,
    offset: int = 0,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity: str | None = None,
    strict: bool = False,
) -> dict[str, Any]:
    """Full-text hits with snippets: ``parts`` is the snippet as (text, is_hit) pieces, so no
    markup ever comes from the corpus; ``snippet`` the same as plain text, hits in ``**``.
    A query that is not valid search syntax is searched as its words, or with ``strict``
    refused (``BadQuery``, saying what is wrong)."""
    limit, offset = _page(limit, offset)
    entity_id, entity_name = _search_entity(store, entity)
    try:
        rows = (
            store.articles.search(q, limit, offset, outlet, since, until, entity_id, strict)
            if q.strip()
            else []
        )
        total = store.articles.search_count(q, outlet, since, until, entity_id) if q.strip() else 0
    except ValueError as exc:
        raise BadQuery(str(exc)) from None
    for r in rows:
        r["parts"] = snippet_parts(r.pop("snippet") or "")
        r["snippet"] = "".join(f"**{p['text']}**" if p["hit"] else p["text"] for p in r["parts"])
    return {
        "q": q,
        "limit": limit,
        "offset": offset,
        "outlet": outlet,
        "since": since,
        "until": until,
        "entity": entity,
        "entity_id": entity_id,
        "entity_name": entity_name,
        "total": total,
        "items": rows,
        "groups": _by_story(store, rows),
    }


def _search_entity(store: Store, entity: str | None) -> tuple[str | None, str | None]:
    """(id, name) of the entity a search filters on, given as an id ("E12") or a name; a name
    no entity has filters everything out (id "-")."""
    if not entity or not entity.strip():
        return None, None
    try:
        found, _ = find_entity(store, entity.strip())
    except NotFound:
        return "-", None
    record = store.links.records("entities", [found]).get(found, {})
    return found, record.get("name")


def _by_story(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page's hits grouped by story, groups in the order of their best hit."""
    stories = store.links.stories_of([r["id"] for r in rows])
    groups: dict[str, dict[str, Any]] = {}
    for r in rows:
        story = stories.get(r["id"])
        key = story["id"] if story else ""
        if key not in groups:
            groups[key] = {
                "story_id": story["id"] if story else None,
                "title": story["title"] if story else None,
                "hits": [],
            }
        groups[key]["hits"].append(r)
    return list(groups.values())


def alerts(store: Store, since: str | None = None, limit: int = 50) -> dict[str, Any]:
    """The alerts ``watch`` raised, newest first, with what is watched."""
    limit, _ = _page(limit, 0)
    return {
        "since": since,
        "limit": limit,
        "items": store.alerts.since(since, limit),
        "watches": store.alerts.watches(),
    }


def timeline(
    store: Store,
    story: str | None = None,
    query: str | None = None,
    dates: int = 10,
    sentences: int = 1,
) -> list[dict[str, Any]]:
    """The ``dates`` most important dates, with up to ``sentences`` source sentences each and
    their citations, over one story, the stories with articles matching ``query`` (full-text
    search), or the whole corpus."""
    from storyline.analysis.timelines import build_timeline

    if story:
        found = store.views.view("story", story) if ID.match(story) else None
        if found is None:
            raise NotFound(f"no story {story!r}")
        ids = found["article_ids"]
    elif query:
        hits = set(store.articles.search_ids(query))
        ids = [a for s in store.views.stories() if hits & set(s["article_ids"]) for a in s["article_ids"]]
    else:
        ids = store.articles.ids()
    by_id = {a["id"]: a for a in store.links.inputs(ids, full=True)}
    copies = set(store.links.records("duplicates", ids))
    entries = build_timeline(list(by_id), by_id, copies, dates=dates, per_date=sentences, months=False)
    out: dict[str, dict[str, Any]] = {}
    for e in entries:
        day = out.setdefault(e["date"], {"date": e["date"], "sentences": [], "citations": []})
        day["sentences"].append(e["text"])
        day["citations"].append(e["citations"][0])
        day.setdefault("entries", []).append(e)
    return [out[d] for d in sorted(out)]


# -- listings of the whole corpus (the CLI's list commands) ---------------------------------
def article_list(
    store: Store,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """Articles, oldest first, filtered by outlet and dates, with the total that match."""
    return {
        "total": store.articles.count(outlet, since, until),
        "offset": offset,
        "articles": store.articles.page(outlet, since, until, limit, offset),
    }


def story_list(store: Store, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Stories with their views (timeline, summary, quote board, conflicts, coverage), in date
    order: of an outlet, over a date range, one page (``filters``)."""
    return store.views.stories(filters)


def event_list(store: Store, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Events with their views (summary, what one outlet alone reports), in date order: of an
    outlet, over a date range, one page (``filters``)."""
    return store.views.events(filters)


def entity_list(
    store: Store,
    label: str | None = None,
    name: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Entities with their aliases, evidence and roles, most reported first."""
    return store.views.entities_page(limit, offset, label, name)[1]


def copy_list(store: Store, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Wire copies and near-duplicates, with their originals and what each copy changed: of an
    outlet, over a date range, one page (``filters``)."""
    return store.views.duplicates(filters)


def quote_list(
    store: Store, speaker: str | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Quotes across the corpus, newest first; ``speaker`` matches any part of the name."""
    return store.articles.quotes(speaker, limit, offset)


def reject_list(store: Store, run: int | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    """Every input that did not become an article, with the reason."""
    return store.articles.rejects(run, limit)
