"""The pages of the whole corpus: the overview, the stories list, search, alerts, and the
CLI's listings (articles, stories, events, entities, copies, quotes, rejects), so no command
builds its own view of the store."""

from __future__ import annotations

import re

from storyline.analysis.coverage import apart
from storyline.model import UNKNOWN_OUTLET, Story
from storyline.pages.common import HIT_END, HIT_START, BadQuery, NotFound, bounds
from storyline.pages.entity import entity_row, find_entity
from storyline.pages.shapes import (
    AlertsPage,
    ArticleListing,
    CopyRow,
    EntityPage,
    EventPage,
    Evidence,
    HitGroup,
    Overview,
    RoleRow,
    SearchPage,
    StoriesPage,
    StoryPage,
    StoryRow,
)
from storyline.pages.story import copy_row, event_page
from storyline.store import Filters, Store
from storyline.store.rows import QuoteRow, RejectRow, SearchHit, SnippetPart
from storyline.store.views import STORY_ORDERS


def overview(store: Store) -> Overview:
    """Corpus overview: outlets, date range, counts, rejects, the newest stories."""
    _, latest = store.views.stories_page(10, 0, "rank")
    counts = store.views.link_counts()
    return Overview(
        **store.articles.summary(),
        entities=counts["entities"],
        events=counts["events"],
        stories=counts["stories"],
        duplicates=counts["duplicates"],
        latest_stories=[story_row(s) for s in latest],
        reject_list=[
            RejectRow(
                path=r["path"],
                url=r["url"],
                part=r["part"],
                record=r["record"],
                stage=r["stage"],
                reason=r["reason"],
                detail=r["detail"],
            )
            for r in store.articles.rejects(limit=50)
        ],
    )


def story_row(s: Story) -> StoryRow:
    """A story as the story lists show it."""
    return StoryRow(
        id=s.id,
        title=s.title,
        lede=s.lede,
        first_date=s.first_date,
        last_date=s.last_date,
        events=len(s.event_ids),
        articles=len(s.article_ids),
        outlets=s.outlets,
        known_outlets=[o for o in s.outlets if o != UNKNOWN_OUTLET],
    )


def stories(
    store: Store, limit: int = 50, offset: int = 0, order: str = "rank", min_articles: int = 1
) -> StoriesPage:
    """One page of stories in ``order`` — ``rank`` (size and recency), ``newest``, ``oldest``,
    ``size`` — of ``min_articles`` articles or more (2 hides single-article stories)."""
    limit, offset = bounds(limit, offset)
    if order not in STORY_ORDERS:
        raise BadQuery(f"unknown order {order!r}: one of {', '.join(STORY_ORDERS)}")
    total, rows = store.views.stories_page(limit, offset, order, max(1, min_articles))
    return StoriesPage(
        total=total,
        limit=limit,
        offset=offset,
        order=order,
        orders=list(STORY_ORDERS),
        min_articles=max(1, min_articles),
        items=[story_row(s) for s in rows],
    )


def snippet_parts(snippet: str) -> list[SnippetPart]:
    """A search snippet as (text, is_hit) pieces, from the store's hit markers."""
    pieces = re.split(f"[{HIT_START}{HIT_END}]", snippet)
    return [SnippetPart(text=p, hit=k % 2 == 1) for k, p in enumerate(pieces) if p]


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
) -> SearchPage:
    """Full-text hits with snippets: ``parts`` is the snippet as (text, is_hit) pieces, so no
    markup ever comes from the corpus; ``snippet`` the same as plain text, hits in ``**``.
    A query that is not valid search syntax is searched as its words, or with ``strict``
    refused (``BadQuery``, saying what is wrong)."""
    limit, offset = bounds(limit, offset)
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
        r["parts"] = snippet_parts(r["snippet"] or "")
        r["snippet"] = "".join(f"**{p['text']}**" if p["hit"] else p["text"] for p in r["parts"])
    return SearchPage(
        q=q,
        limit=limit,
        offset=offset,
        outlet=outlet,
        since=since,
        until=until,
        entity=entity,
        entity_id=entity_id,
        entity_name=entity_name,
        total=total,
        items=rows,
        groups=_by_story(store, rows),
    )


def _search_entity(store: Store, entity: str | None) -> tuple[str | None, str | None]:
    """(id, name) of the entity a search filters on, given as an id ("E12") or a name; a name
    no entity has filters everything out (id "-")."""
    if not entity or not entity.strip():
        return None, None
    try:
        found, _ = find_entity(store, entity.strip())
    except NotFound:
        return "-", None
    record = store.links.entities([found]).get(found)
    return found, record.name if record else None


def _by_story(store: Store, rows: list[SearchHit]) -> list[HitGroup]:
    """The page's hits grouped by story, groups in the order of their best hit."""
    stories = store.links.stories_of([r["id"] for r in rows])
    groups: dict[str, HitGroup] = {}
    for r in rows:
        story = stories.get(r["id"])
        key = story["id"] if story else ""
        if key not in groups:
            groups[key] = HitGroup(
                story_id=story["id"] if story else None, title=story["title"] if story else None, hits=[]
            )
        groups[key]["hits"].append(r)
    return list(groups.values())


def alerts(store: Store, since: str | None = None, limit: int = 50) -> AlertsPage:
    """The alerts ``watch`` raised, newest first, with what is watched."""
    limit, _ = bounds(limit, 0)
    return AlertsPage(
        since=since, limit=limit, items=store.alerts.since(since, limit), watches=store.alerts.watches()
    )


# -- listings of the whole corpus (the CLI's list commands) ---------------------------------
def article_list(
    store: Store,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> ArticleListing:
    """Articles, oldest first, filtered by outlet and dates, with the total that match."""
    return ArticleListing(
        total=store.articles.count(outlet, since, until),
        offset=offset,
        articles=store.articles.page(outlet, since, until, limit, offset),
    )


def story_list(store: Store, filters: Filters | None = None) -> list[StoryPage]:
    """Stories with their analyses (timeline, summary, quote board, conflicts, coverage), in
    date order: of an outlet, over a date range, one page (``filters``)."""
    out = []
    for s, views in store.views.stories(filters):
        page = StoryPage(
            id=s.id,
            title=s.title,
            lede=s.lede,
            event_ids=s.event_ids,
            article_ids=s.article_ids,
            first_date=s.first_date,
            last_date=s.last_date,
            outlets=s.outlets,
        )
        page.update(views)
        if "coverage" in page:
            page["coverage"] = apart(page["coverage"])
        out.append(page)
    return out


def event_list(store: Store, filters: Filters | None = None) -> list[EventPage]:
    """Events with their analyses (summary, what one outlet alone reports), in date order: of
    an outlet, over a date range, one page (``filters``)."""
    out = []
    for e, views in store.views.events(filters):
        out.append(event_page(e, views))
    return out


def entity_list(
    store: Store,
    label: str | None = None,
    name: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[EntityPage]:
    """Entities with their aliases, evidence and roles, most reported first."""
    out = []
    for e in store.views.entities_page(limit, offset, label, name)[1]:
        evidence = [
            Evidence(
                alias=ev.alias,
                mentions=ev.mentions,
                article_ids=ev.article_ids,
                joined_by=ev.joined_by,
                article_count=len(ev.article_ids),
            )
            for ev in e.evidence
        ]
        roles = [RoleRow(role=r.role, as_of=r.as_of) for r in e.roles]
        out.append(EntityPage(**entity_row(e), evidence=evidence, roles=roles))
    return out


def copy_list(store: Store, filters: Filters | None = None) -> list[CopyRow]:
    """Wire copies and near-duplicates, with their originals and what each copy changed: of an
    outlet, over a date range, one page (``filters``)."""
    return [copy_row(d) for d in store.views.duplicates(filters)]


def quote_list(store: Store, speaker: str | None = None, limit: int = 100, offset: int = 0) -> list[QuoteRow]:
    """Quotes across the corpus, newest first; ``speaker`` matches any part of the name."""
    return store.articles.quotes(speaker, limit, offset)


def reject_list(store: Store, run: int | None = None, limit: int = 1000) -> list[RejectRow]:
    """Every input that did not become an article, with the reason."""
    return store.articles.rejects(run, limit)
