"""Search over a corpus holding one 5 MB article: how long a common word takes, and the
per-request time limit (issue #15). The article is synthetic (one sentence repeated to
5,000,000 characters, 800,000 hits of "harbour"), beside 50 short ones; run the same script
on an older checkout to compare (its search computed FTS5 ``snippet()`` for every hit).
Usage: python bench/search_big.py [--db PATH]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import save

from storyline.model import Article, Source, content_hash
from storyline.store import Store

SENTENCE = "The harbour said the quay would reopen on Monday. "


def make_article(text: str) -> Article:
    """A stored article of ``text`` alone (search reads nothing else)."""
    digest = content_hash(text)
    return Article(id=digest, content_hash=digest, source=Source(path="bench.txt"), raw=text, format="text")


def build(db: Path) -> None:
    text = (SENTENCE * (5_000_000 // len(SENTENCE) + 1))[:5_000_000]
    big = make_article(text)
    big.text, big.headline = text, "Big"
    small = [make_article(f"Quay {i}: the harbour said it would reopen. " * 20) for i in range(50)]
    for art in small:
        art.text = art.raw
    with Store(db) as store:
        store.articles.write_batch([big, *small], [], run_id=None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    folder = tempfile.mkdtemp()
    db = args.db or Path(folder) / "big.db"
    if not db.exists():
        build(db)
    results: dict[str, object] = {}
    for query, limit in (("harbour", 20), ("harbour", 100), ("quay OR reopen", 100)):
        with Store(db, readonly=True, time_limit=10.0) as store:
            start = time.monotonic()
            try:
                hits = store.articles.search(query, limit=limit)
                outcome = f"{len(hits)} hits"
            except Exception as exc:  # an interrupted query is an outcome to report
                outcome = f"error: {exc}"
            took = round(time.monotonic() - start, 3)
        results[f"{query} (limit {limit})"] = {"seconds": took, "outcome": outcome}
        print(f"{query!r} limit {limit}: {took} s, {outcome}", flush=True)
    save("search_big", results)


if __name__ == "__main__":
    main()
