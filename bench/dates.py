"""Publication dates of real web pages: Storyline's date beside htmldate's, same pages, same run.

Data: ../shared/eval/htmldate (htmldate's ``tests/eval`` pages, gold.json: url → file, date).
Each page is unpacked and read as Storyline's ingest reads an .html file (charset decoding by
``storyline.inputs.readers.read_item``), given its URL as a WARC or JSONL record carries it,
and run through the product stages up to ``describe``; ``article.published`` is our date.
htmldate runs on the same decoded HTML and URL, fast (``extensive_search=False``) and
extensive, both with ``original_date=True`` (the publication date, not the last change).
Scored as htmldate's evaluation scores: every page has a gold day; the gold day is a true
positive, another date a false positive, no date a false negative; accuracy =
TP / (TP + FP + FN). Storyline's wrong and missing dates are broken down (where our date came
from, how often htmldate extensive had the day) and written, up to 200, to
bench/results/dates_errors.jsonl, to show what the next change to our dates should cover.
Usage: python bench/dates.py [--limit N] [--errors]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import htmldate
from _common import EVAL, need, save

from storyline.describe.dates import normalise_date, path_date
from storyline.inputs.readers import InputItem, read_item
from storyline.model import Article
from storyline.pipeline import PipelineOptions, extract_batch, finish_batch

BATCH = 50
MAX_ERROR_ROWS = 200
SYSTEMS = ("storyline", "htmldate_fast", "htmldate_extensive")


def load_pages(root: Path, gold: dict[str, dict[str, str]]) -> tuple[list[Article], list[str]]:
    """One raw article per page, decoded by Storyline's reader, its URL set; and the skipped URLs."""
    articles, skipped = [], []
    for url, entry in gold.items():
        path = root / "pages" / entry["file"]
        if not path.exists():
            skipped.append(url)
            continue
        # Read as an .html file of that content: a neutral name, so that a date in the bench's
        # file name cannot date the page (a WARC record's payload carries no name either).
        # Unpacked first: a name ending in .gz would leave the format to content sniffing alone.
        item = InputItem(path=Path("page.html"), data=gzip.decompress(path.read_bytes()))
        got = [a for a in read_item(item) if isinstance(a, Article)]
        if not got:
            skipped.append(url)
            continue
        article = got[0]
        article.source.url = url
        article.hints["url"] = url
        articles.append(article)
    return articles, skipped


def run_storyline(articles: list[Article]) -> dict[str, Article]:
    """The product stages up to describe, a batch at a time; the first article out per URL."""
    options = PipelineOptions(until="describe")
    out: dict[str, Article] = {}
    for i in range(0, len(articles), BATCH):
        for art in finish_batch(extract_batch(articles[i : i + BATCH], options), {}, options):
            out.setdefault(str(art.source.url), art)
    return out


def date_source(art: Article) -> str | None:
    """Which of describe's candidates gave the date: where describe says it found it
    (``published_source``: which markup, htmldate, the URL, a date line), else metadata, a
    digest's date, the URL or a text line."""
    if not art.published:
        return None
    if art.published_source:
        return art.published_source.split(" (")[0]  # "url (the ... time is UTC)": url
    if normalise_date(art.hints.get("date")) == art.published:
        return "metadata"
    if art.hints.get("digest_date") == art.published:
        return "digest"
    if path_date(art.source.url) == art.published:
        return "url"
    return "text line"


def score(gold: dict[str, str], predicted: dict[str, str | None]) -> dict[str, Any]:
    tp = sum(1 for u, d in gold.items() if predicted.get(u) == d)
    fp = sum(1 for u, d in gold.items() if predicted.get(u) not in (None, d))
    fn = sum(1 for u in gold if predicted.get(u) is None)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "accuracy": round(tp / (tp + fp + fn), 4) if gold else 0.0,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def breakdown(
    gold: dict[str, str], preds: dict[str, dict[str, str | None]], ours: dict[str, Article]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Storyline's misses: how htmldate extensive fared on them, where our dates came from; rows."""
    ext = preds["htmldate_extensive"]
    kinds: dict[str, Counter[str]] = {"wrong": Counter(), "missing": Counter()}
    by_source: dict[str, Counter[str]] = {}
    rows = []
    for url, day in gold.items():
        art = ours.get(url)
        mine = preds["storyline"].get(url)
        source = date_source(art) if art is not None else None
        outcome = "right" if mine == day else "missing" if mine is None else "wrong"
        by_source.setdefault(source or "none", Counter())[outcome] += 1
        if outcome == "right":
            continue
        kinds[outcome]["pages"] += 1
        kinds[outcome]["htmldate_extensive_right"] += ext.get(url) == day
        kinds[outcome]["htmldate_extensive_wrong"] += ext.get(url) not in (None, day)
        kinds[outcome]["htmldate_extensive_none"] += ext.get(url) is None
        if art is not None and art.rejected:
            kinds[outcome]["rejected_by_pipeline"] += 1
        rows.append(
            {
                "url": url,
                "gold": day,
                "storyline": mine,
                "htmldate_fast": preds["htmldate_fast"].get(url),
                "htmldate_extensive": ext.get(url),
                "basis": art.published_basis if art is not None else None,
                "source": source,
                "metadata_date": art.hints.get("date") if art is not None else None,
                "rejected": art.rejected if art is not None else "not read",
            }
        )
    summary = {
        "wrong": dict(kinds["wrong"]),
        "missing": dict(kinds["missing"]),
        "by_source": {k: dict(v) for k, v in sorted(by_source.items())},  # every page, right ones too
    }
    return summary, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (quick runs)")
    parser.add_argument("--errors", action="store_true", help="print the first 40 error rows")
    args = parser.parse_args()
    root = need(EVAL / "htmldate", "htmldate evaluation pages")
    gold_all = json.loads((root / "gold.json").read_text())
    if args.limit:
        gold_all = dict(list(gold_all.items())[: args.limit])

    t0 = time.perf_counter()
    articles, skipped = load_pages(root, gold_all)
    t_read = time.perf_counter() - t0
    pages = {str(a.source.url): a.raw for a in articles}  # the decoded HTML, before any stage
    gold = {url: gold_all[url]["date"] for url in pages}

    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    ours = run_storyline(articles)
    seconds["storyline"] = time.perf_counter() - t0
    preds: dict[str, dict[str, str | None]] = {"storyline": {u: a.published for u, a in ours.items()}}
    for name, extensive in (("htmldate_fast", False), ("htmldate_extensive", True)):
        t0 = time.perf_counter()
        preds[name] = {
            url: htmldate.find_date(html, url=url, extensive_search=extensive, original_date=True)
            for url, html in pages.items()
        }
        seconds[name] = time.perf_counter() - t0

    scores = {name: score(gold, preds[name]) for name in SYSTEMS}
    errors, rows = breakdown(gold, preds, ours)
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    with (out / "dates_errors.jsonl").open("w") as fh:
        fh.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows[:MAX_ERROR_ROWS])

    print(f"{'system':<20} {'accuracy':>8} {'P':>7} {'R':>7} {'F1':>7} {'seconds':>8}", file=sys.stderr)
    for name in SYSTEMS:
        s = scores[name]
        print(
            f"{name:<20} {s['accuracy']:>8.3f} {s['precision']:>7.3f} {s['recall']:>7.3f} "
            f"{s['f1']:>7.3f} {seconds[name]:>8.1f}",
            file=sys.stderr,
        )
    print(f"pages {len(gold)}, skipped {len(skipped)}, read in {t_read:.1f}s", file=sys.stderr)
    if args.errors:
        for row in rows[:40]:
            print(
                f"{row['gold']}  ours {row['storyline']} ({row['source']})  fast {row['htmldate_fast']}  "
                f"ext {row['htmldate_extensive']}  {row['url']}",
                file=sys.stderr,
            )
    save(
        "dates",
        {
            "pages": len(gold),
            "skipped": len(skipped),
            "skipped_urls": skipped,
            "htmldate_version": htmldate.__version__,
            "htmldate_call": "find_date(html, url=url, extensive_search=False|True, original_date=True)",
            **scores,
            "seconds": {"read": round(t_read, 2), **{k: round(v, 2) for k, v in seconds.items()}},
            "storyline_errors": errors,
            "error_rows_written": min(len(rows), MAX_ERROR_ROWS),
        },
    )


if __name__ == "__main__":
    main()
