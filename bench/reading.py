"""Reading speed: words/s of the whole read stage against spaCy's bare ``nlp.pipe``, same model.

Texts: the real articles of ../shared/eval/timeline17 (InputDocs). Reports our rate, spaCy's
rate on the same texts in the same run (our additions should cost at most 30 %), the rate with
two worker processes (target ≥ 1.6× one), and peak memory.
Usage: python bench/reading.py [--articles 400]
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, need, peak_rss_mb, save

from storyline.model import Article, Source
from storyline.read import Reader
from storyline.read.nlp import load_nlp


def _articles(texts: list[str]) -> list[Article]:
    return [
        Article(id=str(i), source=Source(), raw=t, text=t, published="2010-05-01", language="en")
        for i, t in enumerate(texts)
    ]


def _read_chunk(texts: list[str]) -> int:
    reader = Reader()
    return sum(len(a.quotes) for a in reader.pipe(_articles(texts)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args()
    root = need(EVAL / "timeline17", "Timeline17")
    files = sorted(root.glob("*/InputDocs/*/*"))[: args.articles * 2]
    texts = [t for t in (f.read_text(encoding="utf-8", errors="replace").strip() for f in files) if t][
        : args.articles
    ]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    list(nlp.pipe(texts[:5]))  # warm up
    Reader().pipe(_articles(texts[:5]))

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    list(Reader().pipe(_articles(texts)))
    ours = time.perf_counter() - t0

    # Eight chunks of about equal words, handed out as workers free up (as ingest does).
    chunks: list[list[str]] = [[] for _ in range(8)]
    sizes = [0] * 8
    for t in sorted(texts, key=len, reverse=True):
        i = sizes.index(min(sizes))
        chunks[i].append(t)
        sizes[i] += len(t.split())
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_read_chunk, [texts[:4], texts[4:8]]))  # start and warm both workers
        t0 = time.perf_counter()
        list(pool.map(_read_chunk, chunks))
        two = time.perf_counter() - t0

    save(
        "reading",
        {
            "articles": len(texts),
            "words": words,
            "model": nlp.meta.get("name"),
            "spacy_nlp_pipe_words_per_s": round(words / bare),
            "storyline_read_words_per_s": round(words / ours),
            "storyline_share_of_spacy_rate": round(bare / ours, 3),
            "storyline_two_workers_words_per_s": round(words / two),
            "two_workers_speedup": round(ours / two, 3),
            "peak_rss_mb_main": round(peak_rss_mb(), 1),
            "peak_rss_mb_workers": round(peak_rss_mb(children=True), 1),
        },
    )


if __name__ == "__main__":
    main()
