"""Conflicting claims on a real multi-outlet corpus: how many are flagged, and a sample to read.

Data: Timeline17's five bpoil folders (../shared/eval/timeline17/bpoil_*/articles.jsonl:
BBC, Fox News, The Guardian, Reuters, The Washington Post on the 2010 Gulf of Mexico oil
spill) written as one news-please JSONL (``maintext``, ``date_publish``, ``source_domain``),
ingested as a user ingests it (every stage, linking), into a temporary store. Printed: the
flagged conflicts per story and in all, the quantities they name, and a seeded random
sample of ``--sample`` conflicts with every report's value, outlet, date and sentence,
written to bench/results/conflicts_sample.json for reading and judging by hand (a genuine
disagreement: the same quantity of the same thing at the same time, values that exclude
each other).
Each flagged conflict also shows every report's frame (what the number counts, its
predicate, the words between, what it is about), so a reader sees why two reports were
taken for one quantity. ``--keep DIR`` keeps the store; ``--store DB`` reads the conflicts of
a kept store again (after a change to conflict detection alone, about 30 s).
Usage: python bench/conflicts.py [--workers 2] [--sample 50] [--keep DIR | --store DB]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, need, save

from storyline.analysis.conflicts import conflicts
from storyline.analysis.refresh import view_inputs
from storyline.model import Story
from storyline.model.analyses import Conflict
from storyline.pipeline import PipelineOptions
from storyline.run.embedded import Ingest
from storyline.store import Store

DOMAINS = {
    "bbc": "bbc.co.uk",
    "foxnews": "foxnews.com",
    "guardian": "theguardian.com",
    "reuters": "reuters.com",
    "washingtonpost": "washingtonpost.com",
}


def write_feed(root: Path, out: Path) -> int:
    """The five bpoil folders as one news-please JSONL; the number of records."""
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for folder in sorted(root.glob("bpoil_*")):
            domain = DOMAINS[folder.name.removeprefix("bpoil_")]
            for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                art = json.loads(line)
                record = {"maintext": art["text"], "date_publish": art["time"], "source_domain": domain}
                fh.write(json.dumps(record) + "\n")
                n += 1
    return n


def brief(conflict: Conflict) -> dict[str, Any]:
    """A conflict as a reader judges it: the quantity and each report, with its sentence."""
    return {
        "quantity": conflict["quantity"],
        "values": conflict["values"],
        "reports": [
            {k: r.get(k) for k in ("outlet", "value", "qualifier", "unit", "claim_date", "frame", "sentence")}
            for r in conflict["reports"]
        ],
    }


def recompute(store: Store, story: Story) -> list[Conflict]:
    """A kept story's conflicts computed again by the current code, from its stored inputs."""
    inputs = view_inputs(store, story)
    members = [inputs.events[e] for e in story.event_ids if e in inputs.events]
    return conflicts(members, inputs.articles, set(inputs.original))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="keep the store in this directory")
    parser.add_argument("--store", type=Path, help="a kept store: recompute its views only")
    args = parser.parse_args()
    t0 = time.perf_counter()
    records = 0
    if args.store:
        with Store(args.store) as store:
            stories = [(s.id, recompute(store, s)) for s, _ in store.views.stories()]
    else:
        root = need(EVAL / "timeline17", "Timeline17")
        with tempfile.TemporaryDirectory() as tmp:
            home = args.keep or Path(tmp)
            home.mkdir(parents=True, exist_ok=True)
            feed = home / "bpoil.jsonl"
            records = write_feed(root, feed)
            with Store(home / "bpoil.db") as store:
                Ingest(store, PipelineOptions(workers=args.workers)).run([str(feed)])
                stories = [(s.id, views.get("conflicts", [])) for s, views in store.views.stories()]
    seconds = time.perf_counter() - t0
    found = [(sid, c) for sid, found_in in stories for c in found_in]
    per_story = Counter(sid for sid, _ in found)
    quantities = Counter(c["quantity"] for _, c in found)
    rng = random.Random(0)
    sample = rng.sample([c for _, c in found], min(args.sample, len(found)))
    for k, c in enumerate(sample):  # to read and judge
        print(f"## {k} {c['quantity']} {c['values']}")
        for r in c["reports"]:
            f = r.get("frame") or {}
            print(f"   {r.get('outlet')} {r['value']} {r.get('qualifier') or ''} {r.get('claim_date')}"
                  f" | {f.get('thing')} {f.get('predicate')} {f.get('path')} {f.get('about')}"
                  f" | {r['sentence'][:150]}")  # fmt: skip
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "conflicts_sample.json").write_text(
        json.dumps([brief(c) for c in sample], indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    result = {
        "records": records,
        "stories": len(stories),
        "conflicts": len(found),
        "stories_with_conflicts": len(per_story),
        "most_in_one_story": per_story.most_common(1)[0][1] if per_story else 0,
        "quantities": dict(quantities.most_common(25)),
        "sample": len(sample),
        "seconds": round(seconds, 1),
    }
    save("conflicts", result)


if __name__ == "__main__":
    main()
