"""Linking across articles: corpus entities, wire copies, events.

Unlike the per-article stages, linking reads the whole corpus and writes through the store
(the only module that speaks SQL). It runs at the end of every ``storyline ingest`` and can
be rerun alone (``storyline link``); it starts from the previous run's assignments, so
entity and event ids stay stable across runs and re-ingests, and the same input always
gives the same result.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from storyline.link.duplicates import find_duplicates
from storyline.link.entities import EntityResolver
from storyline.link.events import EventClusterer, EventDoc, summarise_events
from storyline.store import Store

__all__ = ["LinkReport", "Linker"]


@dataclass
class LinkReport:
    """What one linking run found, and how long each part took."""

    articles: int = 0
    entities: int = 0
    duplicates: int = 0
    events: int = 0
    log: list[tuple[str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


class Linker:
    """Runs entity resolution, duplicate detection and event clustering over a store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.resolver = EntityResolver()
        self.events = EventClusterer()

    def run(self, run_id: int | None = None) -> LinkReport:
        report = LinkReport()
        clock = time.perf_counter()

        def lap(name: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            report.seconds[name] = round(now - clock, 3)
            clock = now

        articles = list(self.store.link_inputs())
        report.articles = len(articles)
        saved = self.store.saved_links()
        lap("load")

        chains = self.resolver.chains(articles)
        entities, chain_map = self.resolver.resolve(chains, saved["chains"])
        lap("entities")

        duplicates = find_duplicates(articles)
        lap("duplicates")

        original = {d["article_id"]: d["duplicate_of"] for d in duplicates}
        by_id = {a["id"]: a for a in articles}
        docs = [
            EventDoc(
                id=a["id"],
                text=a["text"],
                date=a.get("published"),
                headline=a.get("headline"),
                entities=sorted(
                    {
                        chain_map[(a["rowid"], m["chain"])]
                        for m in a.get("entities", [])
                        if (a["rowid"], m.get("chain")) in chain_map
                    }
                ),
            )
            for a in articles
            if a["id"] not in original
        ]
        previous = {aid: event for aid, (event, _) in saved["events"].items()}
        assign, log = self.events.cluster(docs, previous)
        for copy, source in original.items():  # a wire copy reports what its original reports
            if source in assign:
                assign[copy] = assign[source]
        events = summarise_events(assign, by_id)
        lap("events")

        report.log = log
        self.store.save_links(
            {
                "entities": entities,
                "chains": chain_map,
                "duplicates": duplicates,
                "events": events,
                "log": log,
            },
            run_id,
        )
        lap("save")
        report.entities, report.duplicates, report.events = (
            len(entities),
            len(duplicates),
            len(events),
        )
        return report
