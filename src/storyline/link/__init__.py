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
from datetime import date, timedelta
from typing import Any

from storyline.link.duplicates import CHUNK as DUPLICATE_CHUNK
from storyline.link.duplicates import band_keys, find_duplicates
from storyline.link.entities import EntityResolver
from storyline.link.events import CHUNK as EVENT_CHUNK
from storyline.link.events import EventClusterer, EventDoc, summarise_events
from storyline.link.runner import InProcess, Runner
from storyline.link.stories import StoryBuilder
from storyline.link.summaries import SentenceTable, summarise
from storyline.link.timelines import build_timeline
from storyline.link.views import conflicts, coverage, quote_board
from storyline.store import Store

__all__ = ["LinkReport", "Linker"]

VIEW_BUDGET = 500  # articles read for views at the end of a run; the rest wait to be asked for


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

    def __init__(
        self, store: Store, runner: Runner | None = None, chunk: int | None = None
    ) -> None:
        self.store = store
        self.runner = runner or InProcess()
        self.chunk = chunk  # articles per task (None: each part's default)
        self.resolver = EntityResolver(runner=self.runner)
        self.events = EventClusterer()
        self.stories = StoryBuilder()

    def _infer_dates(self, events: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]) -> int:
        """An undated article takes the date of the articles that report the same event
        (``published_basis: inferred``), and its "Tuesday"s are resolved against it."""
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

    def run(self, run_id: int | None = None, full: bool | None = None) -> LinkReport:
        """Link the corpus. By default only the articles no run has seen are linked, against
        what is stored (ids and assignments of older articles stand); ``full`` relinks every
        article (still starting from the stored ids); a store with no links is linked in full.
        Views (timelines, summaries, ...) of changed stories and events are computed after,
        up to ``VIEW_BUDGET`` articles' worth; the rest when first asked for."""
        saved_any = self.store.has_links()
        if full is None:
            full = not saved_any
        report = self._full(run_id) if full else self._incremental(run_id)
        clock = time.perf_counter()
        self.refresh_views(budget=VIEW_BUDGET)
        report.seconds["views"] = round(time.perf_counter() - clock, 3)
        return report

    def _full(self, run_id: int | None) -> LinkReport:
        report = LinkReport()
        lap = _Laps(report)

        articles = list(self.store.link_inputs())
        report.articles = len(articles)
        saved = self.store.saved_links()
        lap("load")

        chains = self.resolver.chains(articles)
        entities, chain_map = self.resolver.resolve(chains, saved["chains"])
        lap("entities")

        keys: dict[str, list[int]] = {}
        duplicates = find_duplicates(
            articles, keys=keys, runner=self.runner, chunk=self.chunk or DUPLICATE_CHUNK
        )
        lap("duplicates")

        original = {d["article_id"]: d["duplicate_of"] for d in duplicates}
        by_id = {a["id"]: a for a in articles}
        docs = [_doc(a) for a in articles if a["id"] not in original]
        x = self.events.vectors(docs) if docs else None
        previous = {aid: event for aid, (event, _) in saved["events"].items()}
        assign, log = self.events.cluster(docs, previous, x, self.runner, self.chunk or EVENT_CHUNK)
        for copy, source in original.items():  # a wire copy reports what its original reports
            if source in assign:
                assign[copy] = assign[source]
        events = summarise_events(assign, by_id)
        lap("events")

        report.inferred = self._infer_dates(events, by_id)
        lap("dates")

        row_of = {d.id: k for k, d in enumerate(docs)}
        stories, story_log = self.stories.build(events, by_id, saved["stories"], x, row_of)
        log.extend(story_log)
        lap("stories")

        links = {
            "entities": entities, "chains": chain_map, "duplicates": duplicates,
            "events": events, "stories": stories, "log": log, "replace": True,
            "bands_replace": True, "bands": [(k, aid) for aid, ks in keys.items() for k in ks],
        }  # fmt: skip
        return self._save(report, lap, links, run_id)

    def _incremental(self, run_id: int | None) -> LinkReport:
        """Link the new articles against what is stored, reading only the older articles
        near them in time (and those their near-duplicate keys point at)."""
        report = LinkReport()
        lap = _Laps(report)

        store = self.store
        new_ids = store.unlinked_ids()
        report.articles = len(new_ids)
        if not new_ids:
            return report
        new = list(store.link_inputs(new_ids))
        saved = store.saved_links()
        lap("load")

        # entities: new chains against the stored entities' aliases
        chains = self.resolver.chains(new)
        mapping, merged, _fresh = self.resolver.resolve_new(chains, store.entity_aliases())
        touched = sorted(set(mapping.values()) | set(merged.values()))
        stored = store.records("entities", touched + list(merged))
        additions = {e["id"]: e for e in self.resolver.records(chains, mapping)}
        entities = []
        for eid in touched:
            parts = [
                stored[e] for e in [eid, *[m for m, k in merged.items() if k == eid]] if e in stored
            ]
            parts += [additions[eid]] if eid in additions else []
            entities.append(self.resolver.merge_records(parts))
        log = [("entities merged", f"{m} into {k}") for m, k in sorted(merged.items())]
        lap("entities")

        # near-duplicates: band keys of the new articles against the stored keys
        keys = {a["id"]: band_keys(a["text"]) for a in new if a.get("text")}
        found = store.band_candidates(k for ks in keys.values() for k in ks)
        candidates = {aid for ids in found.values() for aid in ids} - set(keys)
        roots = {saved["duplicates"].get(c) or c for c in candidates}
        group = roots | set(store.copies_of(roots)) | candidates
        older = {a["id"]: a for a in store.link_inputs(group)} if candidates else {}
        known = {aid: saved["duplicates"].get(aid) for aid in older}
        duplicates = find_duplicates(new + list(older.values()), known, keys={**keys})
        original = {d["article_id"]: d["duplicate_of"] for d in duplicates}
        lap("duplicates")

        # events: the new articles with the older ones within the event window of them
        days = sorted(str(a["published"])[:10] for a in new if a.get("published"))
        pool_ids: list[str]
        if days:
            pad = timedelta(days=self.events.window)
            first = (date.fromisoformat(days[0]) - pad).isoformat()
            last = (date.fromisoformat(days[-1]) + pad).isoformat()
            pool_ids = store.ids_between(first, last)
        else:
            pool_ids = store.latest_ids(5000)
        previous = {aid: event for aid, (event, _) in saved["events"].items()}
        pool = {a["id"]: a for a in store.link_inputs(i for i in pool_ids if i in previous)}
        by_id = {**pool, **older, **{a["id"]: a for a in new}}
        docs = [_doc(a) for a in [*pool.values(), *new] if a["id"] not in original]
        docs = [d for d in docs if d.id not in saved["duplicates"]]
        x = self.events.vectors(docs)
        assign, event_log = self.events.cluster(
            docs, {d.id: previous[d.id] for d in docs if d.id in previous}, x
        )
        log.extend(event_log)
        renamed = {
            detail.split(" into ")[0]: detail.split(" into ")[1]
            for kind, detail in event_log
            if kind == "events merged"
        }
        for copy, source in original.items():
            event = assign.get(source) or previous.get(source)
            if event:
                assign[copy] = event
        fresh_members: dict[str, list[str]] = {}
        for aid in new_ids:
            if aid in assign:
                fresh_members.setdefault(assign[aid], []).append(aid)
        changed = sorted(set(fresh_members) | set(renamed.values()))
        old_events = store.records("events", changed + list(renamed))
        events = []
        for eid in changed:
            members: list[str] = []
            for part in [eid, *[m for m, k in renamed.items() if k == eid]]:
                members += old_events.get(part, {}).get("article_ids", [])
            members += fresh_members.get(eid, [])
            record = summarise_events({m: eid for m in members if m in by_id}, by_id)[0]
            record["article_ids"] = list(dict.fromkeys(members))
            before = old_events.get(eid)
            if before:
                record["outlets"] = sorted(set(record["outlets"]) | set(before["outlets"]))
                if before.get("date") and (not record["date"] or before["date"] <= record["date"]):
                    record["date"], record["title"] = before["date"], before["title"]
            events.append(record)
        lap("events")

        report.inferred = self._infer_dates(
            [{**e, "article_ids": [a for a in e["article_ids"] if a in by_id]} for e in events],
            by_id,
        )
        lap("dates")

        # stories: changed events keep their story; new ones join the nearest known one
        story_of = {e: s for e, s in saved["stories"].items() if e not in renamed}
        pool_events = sorted({assign[d.id] for d in docs if d.id in assign})
        pool_records = {
            **store.records("events", [e for e in pool_events if e not in changed]),
            **{e["id"]: e for e in events},
        }
        view = [
            {
                **pool_records[e],
                "article_ids": [a for a in pool_records[e]["article_ids"] if a in by_id],
            }
            for e in pool_events
            if e in pool_records
        ]
        row_of = {d.id: k for k, d in enumerate(docs)}
        stories_now, story_log = self.stories.build(view, by_id, story_of, x, row_of)
        log.extend(story_log)
        story_changes = {
            e: s["id"] for s in stories_now for e in s["event_ids"] if e in set(changed)
        }
        touched_stories = sorted(set(story_changes.values()))
        members_of = store.story_events(touched_stories)
        for e, sid in story_changes.items():
            members_of.setdefault(sid, [])
            if e not in members_of[sid]:
                members_of[sid].append(e)
        records = {
            **store.records("events", [e for m in members_of.values() for e in m]),
            **{e["id"]: e for e in events},
        }
        stories = []
        for sid in touched_stories:
            chosen = [records[e] for e in members_of[sid] if e in records and e not in renamed]
            stories.append(self.stories.record(sid, chosen))
        lap("stories")

        links = {
            "entities": entities, "chains": mapping, "duplicates": duplicates,
            "events": events, "stories": stories, "log": log, "replace": False,
            "renamed_entities": merged, "renamed_events": renamed,
            "bands": [(k, aid) for aid, ks in keys.items() for k in ks],
        }  # fmt: skip
        return self._save(report, lap, links, run_id)

    def _save(
        self, report: LinkReport, lap: _Laps, links: dict[str, Any], run_id: int | None
    ) -> LinkReport:
        report.log = links["log"]
        self.store.save_links(links, run_id)
        lap("save")
        report.entities, report.duplicates = len(links["entities"]), len(links["duplicates"])
        report.events, report.stories = len(links["events"]), len(links["stories"])
        return report

    def refresh_views(self, kind: str | None = None, ids: list[str] | None = None,
                      budget: int | None = None) -> int:  # fmt: skip
        """Compute the views of stories and events whose views are missing (all of them, or
        ``ids``), newest first, until ``budget`` articles have been read; returns how many
        were computed. A story's views: timeline, summary, quote board, conflicts, coverage;
        an event's: summary and what one outlet alone reports."""
        done = 0
        spent = 0
        for k in [kind] if kind else ["story", "event"]:
            stale = self.store.stale_views(k)
            if ids is not None:
                wanted = set(ids)
                stale = [i for i in stale if i in wanted]
            table = "stories" if k == "story" else "events"
            for chunk in [stale[n : n + 50] for n in range(0, len(stale), 50)]:
                if budget is not None and spent >= budget:
                    return done
                records = self.store.records(table, chunk)
                chosen = []
                for rid in chunk:
                    record = records[rid]
                    if budget is not None and spent and spent + len(record["article_ids"]) > budget:
                        continue
                    chosen.append(rid)
                    spent += len(record["article_ids"])
                items = (self._view_inputs(k, records[rid]) for rid in chosen)
                views = dict(zip(chosen, self.runner.map(compute_views, items), strict=True))
                self.store.save_views(k, views)
                done += len(views)
        return done

    def _view_inputs(self, kind: str, record: dict[str, Any]) -> tuple[Any, ...]:
        """What one story's or event's views are computed from, read from the store."""
        ids = record["article_ids"]
        by_id = {a["id"]: a for a in self.store.link_inputs(ids, full=True)}
        original = {
            d["article_id"]: d["duplicate_of"]
            for d in self.store.records("duplicates", ids).values()
        }
        events = self.store.records("events", record["event_ids"]) if kind == "story" else {}
        return kind, record, by_id, original, events


def compute_views(item: tuple[Any, ...]) -> dict[str, Any]:
    """One story's views (timeline, summary, quote board, conflicts, coverage) or one
    event's (summary, what one outlet alone reports), from ``Linker._view_inputs``: a task
    for the runner, as stories are independent of each other."""
    kind, record, by_id, original, events = item
    ids = record["article_ids"]
    copies = set(original)
    if kind == "event":
        table = SentenceTable(ids, by_id, copies)
        return {"summary": table.summary(3), "only_in": table.only_in()}
    event_of = {a: e for e, v in events.items() for a in v["article_ids"]}
    return {
        "quote_board": quote_board(record, by_id, copies),
        "conflicts": conflicts([events[e] for e in record["event_ids"] if e in events], by_id, copies),
        "coverage": coverage(record, events, by_id, original),
        "summary": summarise(ids, by_id, copies, size=5),
        "timeline": build_timeline(ids, by_id, copies, events=event_of),
    }  # fmt: skip


class _Laps:
    """Times the parts of a run into ``report.seconds``: ``lap(name)`` ends a part."""

    def __init__(self, report: LinkReport) -> None:
        self.report, self.clock = report, time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.report.seconds[name] = round(now - self.clock, 3)
        self.clock = now


def _doc(a: dict[str, Any]) -> EventDoc:
    return EventDoc(id=a["id"], text=a["text"], date=a.get("published"), headline=a.get("headline"))


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
    if story:
        found = [s for s in store.stories() if s["id"] == story]
        if not found:
            raise KeyError(f"no story {story!r}")
        ids = found[0]["article_ids"]
    elif query:
        hits = {r["id"] for r in store.search(query, limit=100_000)}
        ids = [a for s in store.stories() if hits & set(s["article_ids"]) for a in s["article_ids"]]
    else:
        ids = store.all_ids()
    by_id = {a["id"]: a for a in store.link_inputs(ids, full=True)}
    copies = set(store.records("duplicates", ids))
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
