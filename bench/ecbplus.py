"""Same-event clustering on ECB+ topics 1–35: BCubed F1 of our events against the subtopics.

Each ECB+ topic holds two subtopics — two similar but different real events (``N_Mecb.xml``
vs ``N_Mecbplus.xml``); every document belongs to one. All documents of all topics are
clustered together, as a corpus would be, and scored with BCubed precision/recall/F1 against
the subtopics; topic-level BCubed (is a document kept with its own topic?) is printed too.
The held-back topics 36–45 are not read. Usage: python bench/ecbplus.py [--threshold T]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, need, save

from storyline.link.events import EventClusterer, EventDoc

_TOKEN = re.compile(r'<token [^>]*sentence="(\d+)"[^>]*>([^<]*)</token>')


def load(root: Path) -> tuple[list[EventDoc], dict[str, str], dict[str, str]]:
    docs, subtopic, topic = [], {}, {}
    for folder in sorted(root.iterdir(), key=lambda p: int(p.name) if p.name.isdigit() else 0):
        if not folder.name.isdigit() or not 1 <= int(folder.name) <= 35:
            continue  # topics 36-45 are held back
        for path in sorted(folder.glob("*.xml")):
            raw = path.read_text(encoding="utf-8")
            sentences: dict[int, list[str]] = defaultdict(list)
            for m in _TOKEN.finditer(raw):
                sentences[int(m.group(1))].append(m.group(2))
            text = "\n".join(" ".join(words) for _, words in sorted(sentences.items()))
            doc_id = path.stem
            docs.append(EventDoc(id=doc_id, text=text))
            topic[doc_id] = folder.name
            subtopic[doc_id] = folder.name + ("+" if "ecbplus" in path.name else "")
    return docs, subtopic, topic


def bcubed(system: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    by_sys, by_gold = defaultdict(set), defaultdict(set)
    for d, c in system.items():
        by_sys[c].add(d)
    for d, c in gold.items():
        by_gold[c].add(d)
    p = r = 0.0
    for d in gold:
        s, g = by_sys[system[d]], by_gold[gold[d]]
        both = len(s & g)
        p += both / len(s)
        r += both / len(g)
    p, r = p / len(gold), r / len(gold)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--incremental", action="store_true",
                        help="feed documents one topic at a time, as new ingests would")  # fmt: skip
    args = parser.parse_args()
    root = need(EVAL / "ecbplus" / "ECB+", "ECB+")
    docs, subtopic, topic = load(root)
    clusterer = EventClusterer() if args.threshold is None else EventClusterer(args.threshold)
    t0 = time.perf_counter()
    if args.incremental:
        assign: dict[str, str] = {}
        for t in sorted(set(topic.values()), key=int):
            seen = [d for d in docs if int(topic[d.id]) <= int(t)]
            assign, _ = clusterer.cluster(seen, assign)
    else:
        assign, _ = clusterer.cluster(docs)
    seconds = time.perf_counter() - t0
    per_topic = {}
    for t in sorted(set(topic.values()), key=int):
        ids = [d for d in topic if topic[d] == t]
        per_topic[t] = bcubed({d: assign[d] for d in ids}, {d: subtopic[d] for d in ids})["f1"]
    save(
        "ecbplus" + ("-incremental" if args.incremental else ""),
        {
            "documents": len(docs),
            "topics": len(set(topic.values())),
            "subtopics": len(set(subtopic.values())),
            "events": len(set(assign.values())),
            "threshold": clusterer.threshold,
            "bcubed_subtopic": bcubed(assign, subtopic),
            "bcubed_topic": bcubed(assign, topic),
            "within_topic_f1_mean": round(sum(per_topic.values()) / len(per_topic), 4),
            "within_topic_f1_min": min(per_topic.values()),
            "seconds": round(seconds, 2),
        },
    )


if __name__ == "__main__":
    main()
