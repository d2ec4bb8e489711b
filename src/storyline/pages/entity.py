"""The pages of entities: the list, most reported first, and one entity with its aliases and
why they were joined, its roles over time, its stories, the entities named with it, its
quotes and every month of its mentions."""

from __future__ import annotations

from storyline.model import Entity, Role
from storyline.pages.charts import every_month
from storyline.pages.citations import source_label
from storyline.pages.common import EVIDENCE, ID, NotFound, bounds, check_id, headlines
from storyline.pages.shapes import EntitiesPage, EntityPage, EntityRow, Evidence, RoleRow
from storyline.store import Store


def entity_row(e: Entity) -> EntityRow:
    """An entity as the entity lists show it."""
    return EntityRow(
        id=e.id, name=e.name, label=e.label, aliases=e.aliases, articles=e.articles, mentions=e.mentions
    )


def entities(
    store: Store,
    limit: int = 50,
    offset: int = 0,
    label: str | None = None,
    name: str | None = None,
) -> EntitiesPage:
    """One page of entities, most reported first (of ``label``, ``name`` in a name or alias)."""
    limit, offset = bounds(limit, offset)
    total, rows = store.views.entities_page(limit, offset, label, name)
    return EntitiesPage(total=total, limit=limit, offset=offset, items=[entity_row(e) for e in rows])


def entity_page(e: Entity, evidence: int | None = None) -> EntityPage:
    """An entity's record as its page and the entity listings show it: the list, aliases with
    their evidence (the first ``evidence`` article ids of each, with how many there are), and
    its roles, those that differ only in case as one."""
    page = entity_row(e)
    return EntityPage(
        **page,
        evidence=[
            Evidence(
                alias=ev.alias,
                mentions=ev.mentions,
                article_ids=ev.article_ids[:evidence] if evidence is not None else ev.article_ids,
                joined_by=ev.joined_by,
                article_count=len(ev.article_ids),
            )
            for ev in e.evidence
        ],
        roles=merged_roles(e.roles),
    )


def entity(store: Store, entity_id: str) -> EntityPage:
    """An entity: aliases with their evidence, roles over time, quotes, mentions by month."""
    found = store.links.entities([check_id(entity_id)])
    if not found:
        raise NotFound(f"no entity {entity_id}")
    page = entity_page(found[entity_id], EVIDENCE)  # a popular entity has tens of thousands
    months = every_month(store.views.entity_months(entity_id))
    peak = max((m["articles"] for m in months), default=0)
    shown_ids = [a for ev in page["evidence"] for a in ev["article_ids"][:12]]
    stories, others = store.links.entity_neighbours(entity_id)
    for m in months:
        m["height"] = round(100 * m["articles"] / peak) if peak else 0
    page["stories"] = stories
    page["co_mentioned"] = others
    page["peak"] = peak
    page["labels"] = {a: source_label(h) for a, h in headlines(store, shown_ids).items()}
    page["quotes"] = store.articles.quotes(entity_id=entity_id, limit=200)
    page["months"] = months
    return page


def merged_roles(roles: list[Role]) -> list[RoleRow]:
    """Roles that differ only in case as one ("Governor", "governor"), written as most often,
    with their dates together."""
    groups: dict[str, list[Role]] = {}
    for r in roles:
        groups.setdefault(" ".join(r.role.lower().split()), []).append(r)
    out = []
    for same in groups.values():
        names = [r.role for r in same]
        dates = sorted({d for r in same for d in r.as_of})
        written = max(set(names), key=lambda n: (names.count(n), n[:1].isupper(), n))
        out.append(RoleRow(role=written, as_of=dates))
    return out


def find_entity(store: Store, name_or_id: str) -> tuple[str, list[str]]:
    """The entity an id names, or else the most mentioned one whose name or alias holds
    ``name_or_id``, with the ids of the others that match."""
    if ID.match(name_or_id) and store.links.entities([name_or_id]):
        return name_or_id, []
    found = store.views.entities(name=name_or_id)
    if not found:
        raise NotFound(f"no entity matching {name_or_id!r}")
    best = max(found, key=lambda e: e.mentions)
    return best.id, sorted(e.id for e in found if e.id != best.id)
