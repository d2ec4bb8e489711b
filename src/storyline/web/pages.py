"""What each page shows, as plain data: the JSON API returns it, the templates render it, and
the static report writes it to files. Reads only through the store."""

from __future__ import annotations

import itertools
import re
from typing import Any

from storyline.store import Store

MAX_LIMIT = 200
EVIDENCE = 100  # article ids shown per alias of an entity
ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class NotFound(LookupError):
    """The page asks for something the corpus does not hold."""


def _check_id(value: str) -> str:
    if not ID.match(value):
        raise NotFound(f"not an id: {value[:80]!r}")
    return value


def _page(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(limit, MAX_LIMIT)), max(0, offset)


def overview(store: Store) -> dict[str, Any]:
    """Corpus overview: outlets, date range, counts, rejects, the newest stories."""
    summary = store.articles.summary()
    _, stories = store.views.stories_page(10, 0)
    return {
        **summary,
        **store.views.link_counts(),
        "latest_stories": [_story_row(s) for s in stories],
        "reject_list": [
            {k: r[k] for k in ("path", "url", "part", "record", "stage", "reason", "detail")}
            for r in store.articles.rejects(limit=50)
        ],
    }


def _story_row(s: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": s["id"], "title": s["title"], "first_date": s["first_date"],
        "last_date": s["last_date"], "events": len(s["event_ids"]),
        "articles": len(s["article_ids"]), "outlets": s["outlets"],
    }  # fmt: skip


def stories(store: Store, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    limit, offset = _page(limit, offset)
    total, rows = store.views.stories_page(limit, offset)
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "items": [_story_row(s) for s in rows],
    }


def story(store: Store, story_id: str) -> dict[str, Any]:
    """A story with its views, its events, and the outlets and kinds its timeline holds."""
    data = store.views.view("story", _check_id(story_id))
    if data is None:
        raise NotFound(f"no story {story_id}")
    events = store.links.records("events", data["event_ids"])
    timeline = data.get("timeline", [])
    return {
        **data,
        "events": [events[e] for e in data["event_ids"] if e in events],
        "kinds": sorted({e["kind"] for e in timeline}),
        "timeline_outlets": sorted({o for e in timeline for o in e.get("outlets", [])}),
        "headlines": _headlines(store, data["article_ids"]),
    }


def _headlines(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    return {
        r["id"]: {"headline": r["headline"], "outlet": r["outlet"], "published": r["published"]}
        for r in store.articles.rows(ids)
    }


def event(store: Store, event_id: str) -> dict[str, Any]:
    """An event: its articles side by side (clean text), and the wire-copy diffs among them."""
    data = store.views.view("event", _check_id(event_id))
    if data is None:
        raise NotFound(f"no event {event_id}")
    ids = data["article_ids"][:MAX_LIMIT]
    arts = [store.articles.get(a) for a in ids]
    return {
        **data,
        "articles": [
            {
                "id": a.id,
                "headline": a.headline,
                "outlet": a.outlet,
                "published": a.published,
                "text": a.text,
            }
            for a in arts
        ],
        "duplicates": list(store.links.records("duplicates", ids).values()),
    }


def entities(
    store: Store,
    limit: int = 50,
    offset: int = 0,
    label: str | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    limit, offset = _page(limit, offset)
    total, rows = store.views.entities_page(limit, offset, label, name)
    items = [
        {k: e[k] for k in ("id", "name", "label", "aliases", "articles", "mentions")} for e in rows
    ]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def entity(store: Store, entity_id: str) -> dict[str, Any]:
    """An entity: aliases with their evidence, roles over time, quotes, mentions by month."""
    found = store.links.records("entities", [_check_id(entity_id)])
    if not found:
        raise NotFound(f"no entity {entity_id}")
    data = found[entity_id]
    for ev in data["evidence"]:  # a popular entity has tens of thousands: the first 100
        ev["article_count"] = len(ev["article_ids"])
        ev["article_ids"] = ev["article_ids"][:EVIDENCE]
    months = store.views.entity_months(entity_id)
    peak = max((m["articles"] for m in months), default=0)
    return {
        **data,
        "quotes": store.articles.quotes(entity_id=entity_id, limit=MAX_LIMIT),
        "months": [
            {**m, "height": round(100 * m["articles"] / peak) if peak else 0} for m in months
        ],
    }


KIND_CLASS = {"entities": "ent", "timexes": "tx", "quotes": "qt", "claims": "cl"}


def _explain(kind: str, a: dict[str, Any]) -> str:
    if kind == "entities":
        extra = f", {a['role']}" if a.get("role") else ""
        return f"{a['label']}{extra}" + (
            f" · entity {a['entity_id']}" if a.get("entity_id") else ""
        )
    if kind == "timexes":
        return f"time: {a.get('value')} ({a.get('type')})"
    if kind == "quotes":
        who = a.get("speaker_resolved") or a.get("speaker") or "unknown speaker"
        return f"{a.get('kind', 'quote')} quote · {who}"
    return f"claim: {a.get('value')} {a.get('unit') or ''} {a.get('quantity') or ''}".strip() + (
        f" · source {a['source']}" if a.get("source") else ""
    )


def segments(
    text: str, notes: dict[str, list[dict[str, Any]]], mark: tuple[int, int] | None
) -> list[dict[str, Any]]:
    """The text cut at every annotation boundary; each piece carries the classes and
    explanations of what covers it (and ``hl`` inside the highlighted citation)."""
    spans: list[tuple[int, int, str, str]] = []
    for kind, cls in KIND_CLASS.items():
        for note in notes.get(kind, []):
            claim = kind == "claims"
            start = note.get("number_start", note["start"]) if claim else note["start"]
            end = note.get("number_end", note["end"]) if claim else note["end"]
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
                spans.append((start, end, cls, _explain(kind, note)))
    if mark and 0 <= mark[0] < mark[1] <= len(text):
        spans.append((mark[0], mark[1], "hl", "cited passage"))
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    out = []
    first_hl = True
    for a, b in itertools.pairwise(cuts):
        cover = [(cls, why) for s, e, cls, why in spans if s <= a and b <= e]
        classes = sorted({cls for cls, _ in cover})
        piece = {
            "text": text[a:b], "start": a, "end": b, "classes": classes,
            "title": "; ".join(w for _, w in cover),
        }  # fmt: skip
        if "hl" in classes and first_hl:
            piece["anchor"], first_hl = "hl", False
        out.append(piece)
    return out


def article(store: Store, article_id: str, hl: str | None = None) -> dict[str, Any]:
    """An article: clean text with annotations, removed boilerplate with reasons, origin."""
    try:
        art = store.articles.get(_check_id(article_id))
    except KeyError as exc:
        raise NotFound(str(exc.args[0])) from None
    mark = None
    if hl and re.fullmatch(r"\d{1,9}-\d{1,9}", hl):
        a, b = (int(x) for x in hl.split("-"))
        mark = (a, b)
    notes = {
        "entities": art.entities,
        "timexes": art.timexes,
        "quotes": art.quotes,
        "claims": art.claims,
    }
    url = art.source.url or ""
    return {
        "id": art.id, "headline": art.headline, "dek": art.dek, "outlet": art.outlet,
        "published": art.published, "published_basis": art.published_basis,
        "byline": art.byline, "credits": art.credits, "language": art.language,
        "source": {"path": art.source.path, "url": url, "part": art.source.part,
                   "record": art.source.record},
        "safe_url": url if re.match(r"^https?://", url, re.I) else None,
        "text": art.text, "segments": segments(art.text, notes, mark),
        "removed": [{"text": r.text, "reason": r.reason, "stage": r.stage} for r in art.removed],
        "event_id": store.links.event_of(art.id), **notes,
    }  # fmt: skip


def search(
    store: Store,
    q: str,
    limit: int = 20,
    offset: int = 0,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity: str | None = None,
) -> dict[str, Any]:
    """Full-text hits with snippets; hits are marked with ``[[`` … ``]]`` boundaries in
    ``parts`` (a list of (text, is_hit) pairs) so no markup ever comes from the corpus."""
    limit, offset = _page(limit, offset)
    rows = (
        store.articles.search(q, limit, offset, outlet, since, until, entity) if q.strip() else []
    )
    for r in rows:
        parts = []
        for k, piece in enumerate(re.split(r"[\x02\x03]", r.pop("snippet") or "")):
            if piece:
                parts.append({"text": piece, "hit": k % 2 == 1})
        r["parts"] = parts
    return {"q": q, "limit": limit, "offset": offset, "outlet": outlet, "since": since,
            "until": until, "entity": entity, "items": rows}  # fmt: skip


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
    from storyline.link.timelines import build_timeline

    if story:
        found = store.views.view("story", story) if ID.match(story) else None
        if found is None:
            raise NotFound(f"no story {story!r}")
        ids = found["article_ids"]
    elif query:
        hits = {r["id"] for r in store.articles.search(query, limit=100_000)}
        ids = [
            a
            for s in store.views.stories()
            if hits & set(s["article_ids"])
            for a in s["article_ids"]
        ]
    else:
        ids = store.articles.ids()
    by_id = {a["id"]: a for a in store.links.inputs(ids, full=True)}
    copies = set(store.links.records("duplicates", ids))
    entries = build_timeline(
        list(by_id), by_id, copies, dates=dates, per_date=sentences, months=False
    )
    out: dict[str, dict[str, Any]] = {}
    for e in entries:
        day = out.setdefault(e["date"], {"date": e["date"], "sentences": [], "citations": []})
        day["sentences"].append(e["text"])
        day["citations"].append(e["citations"][0])
        day.setdefault("entries", []).append(e)
    return [out[d] for d in sorted(out)]
