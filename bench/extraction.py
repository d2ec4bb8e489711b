"""Boilerplate removal quality on the article-extraction-benchmark (181 HTML pages, gold bodies).

Scores Storyline's clean text (extract + clean + describe, as stored) with the benchmark's
metric, beside trafilatura run here on the same pages and the peers' published outputs.
Usage: python bench/extraction.py [--precision]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import trafilatura
from _common import EVAL, need, save

from storyline.clean import Cleaner, Extractor, HtmlOptions
from storyline.describe import Describer, Splitter
from storyline.model import Article, Source, content_hash


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text or "")
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def score(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    """The benchmark's metric: per-page shingle TP/FP/FN normalised, P and R averaged, F1."""
    precisions, recalls = [], []
    for key, body in gold.items():
        g, p = shingles(body), shingles(predicted.get(key, ""))
        tp, fp, fn = sum((g & p).values()), sum((p - g).values()), sum((g - p).values())
        total = tp + fp + fn
        if not total:
            continue
        tp, fp, fn = tp / total, fp / total, fn / total
        if p:
            precisions.append(tp / (tp + fp))
        if g:
            recalls.append(tp / (tp + fn))
    precision, recall = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    return {"precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4)}  # fmt: skip


def storyline_text(html: str, key: str, options: HtmlOptions) -> str:
    art = Article(
        id=key,
        content_hash=content_hash(html),
        source=Source(path=f"{key}.html"),
        raw=html,
        format="html",
    )
    art = Cleaner()(Extractor(options)(art))
    parts = [Describer()(p) for p in Splitter()(art)]
    return "\n\n".join(p.text for p in parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--precision", action="store_true", help="ask trafilatura to favour precision")
    args = parser.parse_args()
    root = need(EVAL / "article-extraction-benchmark", "article-extraction-benchmark")
    gold = {k: v["articleBody"] for k, v in json.loads((root / "ground-truth.json").read_text()).items()}
    pages = {
        k: gzip.decompress((root / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8", errors="replace")
        for k in gold
    }
    options = HtmlOptions(favor_precision=args.precision)

    t0 = time.perf_counter()
    ours = {k: storyline_text(h, k, options) for k, h in pages.items()}
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    theirs = {k: trafilatura.extract(h, include_comments=False) or "" for k, h in pages.items()}
    t_traf = time.perf_counter() - t0

    published = {}
    for peer in sorted((root / "output").glob("*.json")):
        data = json.loads(peer.read_text())
        data = data.get("output", data)
        published[peer.stem] = score(gold, {k: v.get("articleBody", "") for k, v in data.items()})["f1"]
    result = {
        "pages": len(gold),
        "storyline": score(gold, ours),
        "trafilatura_here": {"version": trafilatura.__version__, **score(gold, theirs)},
        "published_outputs_f1": published,
        "seconds": {"storyline": round(t_ours, 2), "trafilatura": round(t_traf, 2)},
        "favor_precision": args.precision,
    }
    save("extraction" + ("-precision" if args.precision else ""), result)


if __name__ == "__main__":
    main()
