"""Timeline summarisation on Timeline17 (topics present here), news-tls protocol, tilse metrics.

For each gold timeline: the input articles are the folder's InputDocs published within the
gold timeline's date span; the timeline length is the gold number of dates and the sentences
per date the gold's rounded average; sentences must name one of the topic's keywords (the
lists used in the literature, see ../shared/eval/README.md). Each article's time expressions
are resolved against its publication date by our TimexTagger (the read stage's), and
``storyline.analysis.timelines.build_timeline`` builds the timeline. Scores: tilse's alignment-
based ROUGE-1/2 F (``align_date_content_costs_many_to_one``) and date F1, averaged over
timelines. The held-back topics (IraqWar, LibyaWar, MJ, SyrianCrisis) are not read.
Usage: python bench/timeline17.py [--limit N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, T17_KEYWORDS, need, save, tokens

from storyline.analysis.timelines import build_timeline
from storyline.model import Article, Source
from storyline.read import timex_records
from storyline.read.timex import TimexTagger

KEYWORDS = T17_KEYWORDS
ANCHORS = {"AR1-F": 0.120, "AR2-F": 0.035, "Date-F1": 0.544}  # Datewise, mean over T17


def gold_timeline(folder: Path) -> dict[dt.date, list[str]]:
    data = json.loads((folder / "timelines.jsonl").read_text(encoding="utf-8").splitlines()[0])
    return {dt.date.fromisoformat(d): [tokens(s) for s in sents] for d, sents in data}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="only the first N timelines")
    args = parser.parse_args()
    root = need(EVAL / "timeline17", "Timeline17")
    try:
        from tilse.data.timelines import GroundTruth, Timeline
        from tilse.evaluation import rouge
    except ImportError:
        sys.exit("bench/timeline17.py needs the tilse package: pip install -e '.[bench]'")

    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation="reimpl")
    tagger = TimexTagger()
    folders = sorted(p for p in root.iterdir() if (p / "timelines.jsonl").exists())
    if args.limit:
        folders = folders[: args.limit]
    results = {}
    t0 = time.perf_counter()
    for folder in folders:
        topic = folder.name.split("_")[0]
        gold = gold_timeline(folder)
        first, last = min(gold), max(gold)
        articles = {}
        for path in sorted((folder / "InputDocs").glob("*/*")):
            published = path.parent.name
            if not first.isoformat() <= published <= last.isoformat():
                continue
            text = path.read_text(encoding="utf-8", errors="replace").strip()
            if not text:
                continue
            aid = f"{published}/{path.name}"
            anchor = dt.date.fromisoformat(published)
            timexes = timex_records(tagger, text, anchor)
            articles[aid] = Article(
                aid, Source(), "", text=text, published=published, outlet=aid, timexes=timexes
            )
        per_date = max(1, round(sum(len(s) for s in gold.values()) / len(gold)))
        entries = build_timeline(
            list(articles),
            articles,
            dates=len(gold),
            per_date=per_date,
            keywords=KEYWORDS[topic],
            months=False,  # Timeline17 timelines are of days
        )
        predicted: dict[dt.date, list[str]] = {}
        for e in entries:
            predicted.setdefault(dt.date.fromisoformat(e["date"]), []).append(tokens(e["text"]))
        pred, truth = Timeline(predicted), GroundTruth([Timeline(gold)])
        scores = evaluator.evaluate_align_date_content_costs_many_to_one(pred, truth)
        shared = set(predicted) & set(gold)
        p = len(shared) / max(len(predicted), 1)
        r = len(shared) / len(gold)
        results[folder.name] = {
            "articles": len(articles), "dates": len(gold), "per_date": per_date,
            "AR1-F": round(scores["rouge_1"]["f_score"], 4), "AR2-F": round(scores["rouge_2"]["f_score"], 4),
            "Date-F1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
        }  # fmt: skip
        print(folder.name, results[folder.name], file=sys.stderr)
    mean = {k: round(sum(v[k] for v in results.values()) / len(results), 4) for k in ANCHORS}
    save(
        "timeline17",
        {
            "timelines": len(results),
            "mean": mean,
            "anchor_datewise": ANCHORS,
            "seconds": round(time.perf_counter() - t0, 1),
            "per_timeline": results,
        },
    )


if __name__ == "__main__":
    main()
