"""Linking across articles: corpus entities, wire copies, events, stories, inferred dates.

Unlike the per-article stages, linking reads the whole corpus and writes through the store
(the only module that speaks SQL). It runs at the end of every ``storyline ingest`` and can
be rerun alone (``storyline link``); it starts from the previous run's assignments, so
entity and event ids stay stable across runs and re-ingests, and the same input always
gives the same result.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from storyline.link.duplicates import find_duplicates
from storyline.link.entities import EntityResolver
from storyline.link.events import EventClusterer, EventDoc, summarise_events
from storyline.link.stories import StoryBuilder
from storyline.link.summaries import SentenceTable, summarise
from storyline.link.timelines import build_timeline
from storyline.link.views import conflicts, coverage, quote_board
from storyline.store import Store, apply_entity_ids

__all__ = ["LinkReport", "Linker"]


@dataclass
class LinkReport:
    """What one linking run found, and how long each part took."""

    articles: int = 0
    entities: int = 0
    duplicates: int = 0
    events: int = 0
    stories: int = 0
    inferred: int = 0  # articles whose date was inferred (or withdrawn) this run
    log: list[tuple[str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


class Linker:
    """Runs entity resolution, duplicate detection and event clustering over a store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.resolver = EntityResolver()
        self.events = EventClusterer()
        self.stories = StoryBuilder()

    def _infer_dates(self, events: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]) -> int:
        """An undated article takes the date of the articles that report the same event
        (``published_basis: inferred``), and its "Tuesday"s are resolved against it."""
        from datetime import date

        from storyline.read import timex_records
        from storyline.read.timex import TimexTagger

        tagger = TimexTagger()
        updates = []
        for event in events:
            members = [by_id[a] for a in event["article_ids"] if a in by_id]
            stated = sorted(
                str(a["published"]) for a in members
                if a.get("published") and a.get("published_basis") not in (None, "inferred")
            )  # fmt: skip
            inferred = stated[0] if stated else None
            for a in members:
                if a.get("published") and a.get("published_basis") != "inferred":
                    continue
                if a.get("published") == inferred:
                    continue
                basis = "inferred" if inferred else None
                anchor = date.fromisoformat(inferred) if inferred else None
                updates.append((a["id"], inferred, basis, timex_records(tagger, a["text"], anchor)))
                a["published"], a["published_basis"] = inferred, basis
        if updates:
            self.store.set_dates(updates)
        return len(updates)

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
        per_article: dict[int, dict[str, str]] = {}
        for (rowid, chain), eid in chain_map.items():
            per_article.setdefault(rowid, {})[chain] = eid
        for a in articles:  # speakers and claim sources now know their corpus entity
            apply_entity_ids(a, per_article.get(a["rowid"], {}))
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

        report.inferred = self._infer_dates(events, by_id)
        lap("dates")

        stories, story_log = self.stories.build(events, by_id, saved["stories"])
        log.extend(story_log)
        copies = set(original)
        event_of = {v["id"]: v for v in events}
        for story in stories:
            story["quote_board"] = quote_board(story, by_id, copies)
            story["conflicts"] = conflicts([event_of[e] for e in story["event_ids"]], by_id, copies)
            story["coverage"] = coverage(story, event_of, by_id, original)
            story["summary"] = summarise(story["article_ids"], by_id, copies, size=5)
            story["timeline"] = build_timeline(story["article_ids"], by_id, copies)
        for event in events:
            table = SentenceTable(event["article_ids"], by_id, copies)
            event["summary"], event["only_in"] = table.summary(3), table.only_in()
        lap("stories")

        report.log = log
        self.store.save_links(
            {
                "entities": entities,
                "chains": chain_map,
                "duplicates": duplicates,
                "events": events,
                "stories": stories,
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
        report.stories = len(stories)
        return report
