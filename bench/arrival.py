"""Incremental equals whole: events linked as articles arrive against events linked at once.

Data: Timeline17's five bpoil folders (BBC, Fox News, The Guardian, Reuters, The Washington
Post; 1,460 articles) as one news-please JSONL, as ``bench/conflicts.py`` writes it. The
articles are cut by publication date into 2 and into 10 slices. By default each run is the
product path: ``storyline ingest`` of the whole file into one store, and of the slices one
after another (each ingest links its new articles incrementally) into another; the stores'
events and stories are compared with BCubed F1 (the whole run as the reference), and event
ids are checked for stability: an event of the whole run keeps one id in the sliced run
wherever most of its articles share it. ``--text-only`` runs the event clusterer alone on
the raw texts, slice by slice as the product links them: the older articles near in time
pooled, terms weighed by the frequencies of every article so far, events clustered in full
again once the corpus has doubled (seconds, for development).
Usage: python bench/arrival.py [--text-only] [--slices 2,10] [--workers 2]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, need, save
from conflicts import write_feed
from ecbplus import bcubed


def _records(feed: Path) -> list[dict]:
    return [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines() if line.strip()]


def _slices(records: list[dict], k: int) -> list[list[dict]]:
    """``records`` in date order cut into ``k`` runs of about equal size (ties stay together)."""
    ordered = sorted(records, key=lambda r: r["date_publish"])
    cuts, size = [], len(ordered) / k
    for n in range(1, k):
        at = round(n * size)
        while 0 < at < len(ordered) and ordered[at]["date_publish"] == ordered[at - 1]["date_publish"]:
            at += 1
        cuts.append(at)
    bounds = [0, *cuts, len(ordered)]
    return [ordered[a:b] for a, b in itertools.pairwise(bounds) if b > a]


def text_only(records: list[dict], k: int) -> tuple[dict[str, str], dict[str, str]]:
    """Whole-run events and slice-by-slice events of the clusterer alone (ids: record index):
    each slice with the older articles near it in time, terms weighed by the document
    frequencies of every article so far, as the store keeps them."""
    from storyline.link.event_model import text_blocks
    from storyline.link.events import EventClusterer, EventDoc

    for n, r in enumerate(records):
        r.setdefault("_id", f"r{n:05d}")
    doc = {r["_id"]: EventDoc(r["_id"], r["maintext"], r["date_publish"]) for r in records}
    clusterer = EventClusterer()
    whole = clusterer.cluster(list(doc.values())).assign
    assign: dict[str, str] = {}
    known: dict[str, Counter] = defaultdict(Counter)

    def lookup(block: str, terms: list[str]) -> dict[str, int]:
        return {t: known[block][t] for t in terms if t in known[block]}

    pad = timedelta(days=clusterer.window)
    at_full = 0  # articles when events were last clustered in full
    for part in _slices(records, k):
        first = date.fromisoformat(part[0]["date_publish"][:10]) - pad
        last = date.fromisoformat(part[-1]["date_publish"][:10]) + pad
        if assign and len(assign) + len(part) >= 2 * at_full:  # as Linker: doubled, so in full
            docs = [doc[a] for a in assign] + [doc[r["_id"]] for r in part]
            parts, counted = text_blocks(docs)
            known.clear()
            at_full = len(docs)
            got = clusterer.cluster(docs, dict(assign), clusterer.model.rows(parts), recluster=True)
            assign = {}
        else:
            pool = [doc[a] for a in assign if first <= date.fromisoformat(doc[a].date[:10]) <= last]
            docs = pool + [doc[r["_id"]] for r in part]
            parts, counted = text_blocks(docs, lookup, [d.id not in assign for d in docs])
            got = clusterer.cluster(docs, {d.id: assign[d.id] for d in pool}, clusterer.model.rows(parts))
            at_full = at_full or len(docs)
        for gone, kept in got.merged.items():
            for a, e in assign.items():
                if e == gone:
                    assign[a] = kept
        assign.update(got.assign)
        known[""][""] += counted.n
        for block, terms in counted.df.items():
            known[block].update(terms)
    return whole, assign


def product(parts: list[list[dict]], workers: int, folder: Path, name: str) -> tuple[dict, dict]:
    """Events and stories (article id → id) of ``storyline ingest`` run once per part, in
    order, into one store (article ids are content hashes: equal across stores)."""
    from storyline.pipeline import PipelineOptions
    from storyline.run.embedded import Ingest
    from storyline.store import Store

    with Store(folder / f"{name}.db") as store:
        for n, part in enumerate(parts):
            path = folder / f"{name}-{n:02d}.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
            Ingest(store, PipelineOptions(workers=workers)).run([str(path)])
        events = {a: v.id for v, _ in store.views.events() for a in v.article_ids}
        stories = {a: s.id for s, _ in store.views.stories() for a in s.article_ids}
    return events, stories


def stability(whole: dict[str, str], sliced: dict[str, str]) -> dict[str, int]:
    """Whole-run events (of 2+ articles) whose majority shares one sliced id, and those not."""
    members = defaultdict(list)
    for a, e in whole.items():
        members[e].append(a)
    kept = split = 0
    for arts in members.values():
        if len(arts) < 2:
            continue
        _, top = Counter(sliced.get(a) for a in arts).most_common(1)[0]
        kept += top * 2 > len(arts)
        split += top * 2 <= len(arts)
    return {"events_kept_whole": kept, "events_without_a_majority_id": split}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--text-only", action="store_true")
    parser.add_argument("--slices", default="2,10")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    root = need(EVAL / "timeline17", "Timeline17")
    result: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "bpoil.jsonl"
        result["records"] = write_feed(root, feed)
        records = _records(feed)
        if not args.text_only:
            t0 = time.perf_counter()
            whole, whole_s = product([records], args.workers, Path(tmp), "whole")
            result["whole"] = {"events": len(set(whole.values())), "stories": len(set(whole_s.values()))}
            result["whole"]["seconds"] = round(time.perf_counter() - t0, 1)
        for k in (int(s) for s in args.slices.split(",")):
            t0 = time.perf_counter()
            if args.text_only:
                whole, sliced = text_only(records, k)
                row = {"events_bcubed": bcubed(sliced, whole)}
            else:
                sliced, sliced_s = product(_slices(records, k), args.workers, Path(tmp), f"slices{k}")
                if set(sliced) != set(whole):
                    print(f"{len(set(sliced) ^ set(whole))} articles in one run only", file=sys.stderr)
                row = {"events_bcubed": bcubed(sliced, whole), "stories_bcubed": bcubed(sliced_s, whole_s)}
                row["stories"] = [len(set(whole_s.values())), len(set(sliced_s.values()))]
            row["events"] = [len(set(whole.values())), len(set(sliced.values()))]
            row.update(stability(whole, sliced))
            row["seconds"] = round(time.perf_counter() - t0, 1)
            result[f"slices_{k}"] = row
    save("arrival" + ("-text-only" if args.text_only else ""), result)


if __name__ == "__main__":
    main()
