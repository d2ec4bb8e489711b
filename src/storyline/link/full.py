"""Full linking: every article of the store linked at once (a first run, ``storyline link
--full``, a batch's linking), starting from the previous run's ids so they stay stable."""

from __future__ import annotations

from storyline.link.dates import infer_dates
from storyline.link.duplicates import CHUNK as DUPLICATE_CHUNK
from storyline.link.duplicates import find_duplicates
from storyline.link.event_model import story_rows, text_blocks
from storyline.link.events import CHUNK as EVENT_CHUNK
from storyline.link.events import event_doc, summarise_events
from storyline.link.parts import Laps, Linking, LinkReport
from storyline.model import LinkResult


def link_all(linker: Linking, report: LinkReport, lap: Laps) -> LinkResult:
    """Copies, events, inferred dates, entities and stories of the whole corpus."""
    links = linker.links
    articles = list(links.inputs())
    report.articles = len(articles)
    saved = links.saved()
    lap("load")

    keys: dict[str, list[int]] = {}
    duplicates = find_duplicates(
        articles, keys=keys, tasks=linker.tasks, chunk=linker.chunk or DUPLICATE_CHUNK
    )
    lap("duplicates")

    original = {d.article_id: d.duplicate_of for d in duplicates}
    by_id = {a.id: a for a in articles}
    docs = [event_doc(a) for a in articles if a.id not in original]
    parts, frequencies = text_blocks(docs) if docs else (None, None)
    x = linker.events.model.rows(parts) if parts else None
    clustering = linker.events.cluster(
        docs,
        saved.events,
        x,
        linker.tasks,
        linker.chunk or EVENT_CHUNK,
        recluster=True,
        issued=links.event_ids_issued(),
    )
    assign = clustering.assign
    for copy, source in original.items():  # a wire copy reports what its original reports
        if source in assign:
            assign[copy] = assign[source]
    events = summarise_events(assign, by_id)
    lap("events")

    redated = infer_dates(links, events, by_id, linker.redate)  # before entities: roles' "as of" follow
    lap("dates")

    row_of = {d.id: k for k, d in enumerate(docs)}
    story_x = story_rows(parts) if parts else None
    stories, story_log = linker.stories.build(events, by_id, saved.stories, story_x, row_of)
    lap("stories")

    # before entities: a name with one owner is that owner only within its story
    story_of = {a: frozenset([s.id]) for s in stories for a in s.article_ids}
    chains = linker.resolver.chains(articles)
    entities, chain_map = linker.resolver.resolve(
        chains, saved.chains, lambda aid: story_of.get(aid, frozenset([aid]))
    )
    lap("entities")
    return LinkResult(
        entities=entities,
        chains=chain_map,
        duplicates=duplicates,
        events=events,
        stories=stories,
        bands=[(k, aid) for aid, ks in keys.items() for k in ks],
        log=clustering.log + story_log,
        full=True,
        redated=redated,
        frequencies=frequencies,
    )
