"""What one outlet alone reports, read by hand: a seeded random sample of "only here" items of
the events that two known outlets or more report, beside the old rule's list on the same events.

Data: a kept store of Timeline17's five bpoil outlets, made by ``bench/conflicts.py --workers 1
--keep DIR`` (``DIR/bpoil.db``). For every event of two known outlets or more, the aligner's
``only_here`` (``analysis/compare/align.py``) and the old rule (``SentenceTable.only_in``:
no other outlet's sentence at TF-IDF cosine ≥ 0.5, the most central first) are computed from
the stored articles; ``--sample`` items of each are drawn (seed ``--seed``) and written to
bench/results/only_here_sample.json, each with the other outlets' sentences nearest to it
(most content words in common), so a reader can judge whether the other outlets' reports say
it too. The verdicts are recorded in docs/benchmarks.md.
Usage: python bench/only_here.py --store DIR/bpoil.db [--sample 50] [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import save

from storyline import lang
from storyline.analysis.compare.align import Alignment, event_alignment, only_here, words
from storyline.analysis.refresh import view_inputs
from storyline.analysis.summaries import SentenceTable
from storyline.model import Article
from storyline.store import Store

NEAREST = 4


def nearest(text: str, al: Alignment, outlet: str, stop: frozenset[str]) -> list[str]:
    """The other outlets' sentences with the most content words in common with ``text``."""
    own = words(text, stop)
    scored = [
        (len(own & words(u.text, stop)), f"[{u.outlet}] {u.text}") for u in al.units if u.outlet != outlet
    ]
    return [t for n, t in sorted(scored, key=lambda s: -s[0])[:NEAREST] if n]


def found_elsewhere(text: str, others: list[str]) -> dict[str, bool]:
    """For each name or number of ``text`` (a capitalised word past the first, a figure),
    whether any other outlet's report of the event writes it: a reader's first check."""
    tokens = re.findall(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+\b|\d[\d,.]*\d|\d", text)
    return {t: any(t in o for o in others) for t in dict.fromkeys(tokens)}


def items(store: Store, per_outlet: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """Every event's "only here" items, the aligner's and the old rule's, with what a reader needs."""
    new, old, events = [], [], 0
    stop = frozenset(lang.stop_words({"en"}))
    for event, _ in store.views.events():
        inputs = view_inputs(store, event)
        arts: dict[str, Article] = inputs.articles
        copies = set(inputs.original)
        outlets = {a.outlet for aid, a in arts.items() if a.outlet and aid not in copies}
        if len(outlets) < 2:
            continue
        events += 1
        al = event_alignment(event.article_ids, arts, copies)
        for outlet, found in only_here(al, arts, per_outlet).items():
            others = [
                a.text for aid, a in arts.items() if a.outlet and a.outlet != outlet and aid not in copies
            ]
            for item in found:
                cite = item["citations"][0]
                new.append({"event": event.id, "outlet": outlet, "kind": item["kind"], "text": item["text"],
                            "article_id": cite["article_id"], "outlets": sorted(outlets),
                            "nearest": nearest(item["text"], al, outlet, stop),
                            "elsewhere": found_elsewhere(item["text"], others)})  # fmt: skip
        for entry in SentenceTable(event.article_ids, arts, copies).only_in(per_outlet):
            near = nearest(entry["text"], al, entry["outlet"], stop)
            old.append({"event": event.id, "outlet": entry["outlet"], "text": entry["text"],
                        "outlets": sorted(outlets), "nearest": near})  # fmt: skip
    return new, old, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--store", type=Path, required=True, help="a kept bpoil store (bench/conflicts.py --keep)"
    )
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-outlet", type=int, default=3)
    args = parser.parse_args()
    with Store(args.store, readonly=True) as store:
        new, old, events = items(store, args.per_outlet)
    rng = random.Random(args.seed)
    sample = {
        "aligner": rng.sample(new, min(args.sample, len(new))),
        "old_rule": rng.sample(old, min(args.sample, len(old))),
    }
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "only_here_sample.json").write_text(json.dumps(sample, indent=1, ensure_ascii=False) + "\n")
    for name, drawn in sample.items():
        for k, item in enumerate(drawn):
            print(f"## {name} {k} {item['event']} [{item['outlet']}] {item.get('kind', '')}: {item['text']}")
            print(f"     names and numbers written by the others: {item.get('elsewhere')}")
            for line in item["nearest"]:
                print(f"     ~ {line[:220]}")
    kinds: dict[str, int] = {}
    for item in new:
        kinds[item["kind"]] = kinds.get(item["kind"], 0) + 1
    save("only_here", {"events": events, "aligner_items": len(new), "old_rule_items": len(old),
                       "kinds": kinds, "sample": args.sample, "seed": args.seed})  # fmt: skip


if __name__ == "__main__":
    main()
