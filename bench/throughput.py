"""Ingest + clean + describe throughput: articles/s, MB/s and peak memory, into a real SQLite file.

Corpora: N generated plain-text articles (with the usual boilerplate mixed in), the real
articles of ../shared/eval/timeline17, and the 181 HTML pages of the
article-extraction-benchmark, whose rate is compared with trafilatura's own extraction rate
on the same pages in the same run. Each measurement runs in a fresh child process so its
peak memory is its own.

Usage: python bench/throughput.py [--generated 10000] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, peak_rss_mb, save

FIRST = [
    "Anna",
    "Jonas",
    "Mira",
    "Teodor",
    "Ilse",
    "Rafael",
    "Oona",
    "Bertil",
    "Sanna",
    "Kasimir",
    "Lea",
    "Otto",
]
LAST = [
    "Varga",
    "Lindqvist",
    "Okafor",
    "Marsh",
    "Castanet",
    "Oduya",
    "Petrov",
    "Halden",
    "Brecht",
    "Sorel",
]
PLACES = ["Port Selan", "Kirenvar", "Maren", "Dovrik", "Osterholm", "Valdoria", "Tessin", "Brava"]
ORGS = [
    "harbour authority",
    "transport ministry",
    "city council",
    "ferry union",
    "central bank",
    "health agency",
]
VERBS = ["said", "told reporters", "warned", "added", "insisted", "noted"]
CHROME = ["Share this:", "Like this:", "Leave a Reply", "Advertisement", "0:00", "12:41", "Podcasts",
          "Our readers are reading too", "Sign up for our daily newsletter", "World"]  # fmt: skip


def generated_article(rng: random.Random, i: int) -> str:
    """A plain-text article of 250-600 words with a headline, a date line and some chrome."""
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    place, org = rng.choice(PLACES), rng.choice(ORGS)
    lines = [rng.choice(CHROME)] if rng.random() < 0.5 else []
    lines += [
        f"{place} {org} weighs plan number {i} as talks drag on",
        f"{rng.randint(1, 28)} {rng.choice(['Jan', 'Feb', 'Mar', 'Apr'])}, 2023 "
        f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
    ]
    for _ in range(rng.randint(5, 12)):
        n = rng.randint(100, 90000)
        who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        lines.append(
            f"The {org} of {place} said on {rng.choice(['Monday', 'Tuesday', 'Friday'])} that about "
            f"{n:,} people were affected, and {who} of the {rng.choice(ORGS)} {rng.choice(VERBS)} that "
            f'the figure could rise. "We are doing what we can, but the situation in {rng.choice(PLACES)} '
            f'is serious," {person} said. '
            f"Officials expect a decision before the end of the month."
        )
        if rng.random() < 0.15:
            lines.append(rng.choice(CHROME))
    return "\n\n".join(lines)


def write_generated(folder: Path, n: int) -> Path:
    rng = random.Random(7)
    for i in range(n):
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:06d}.txt").write_text(generated_article(rng, i), encoding="utf-8")
    return folder


def run_one(corpus: str, workers: int) -> dict[str, Any]:
    """In a child process: ingest ``corpus`` into a fresh database and measure it."""
    from storyline.describe.language import detect_language
    from storyline.pipeline import PipelineOptions
    from storyline.run.embedded import Ingest
    from storyline.store import Store

    detect_language("Load the language model once, before the clock starts.")  # one-off cost
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        start = time.perf_counter()
        # Issue #2's figures: ingest + clean + describe (reading is measured by bench/reading.py).
        report = Ingest(store, PipelineOptions(workers=workers, until="describe")).run([corpus])
        seconds = time.perf_counter() - start
    return {
        "workers": workers,
        "inputs": report.inputs,
        "articles": len(report.stored),
        "rejected": len(report.rejects),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(report.stored) / seconds, 1),
        "mb_per_s": round(report.bytes_read / 2**20 / seconds, 2),
        "peak_rss_mb": round(peak_rss_mb() + (peak_rss_mb(children=True) if workers > 1 else 0), 1),
        "peak_rss_mb_main": round(peak_rss_mb(), 1),
    }


def trafilatura_rate(folder: Path) -> dict[str, Any]:
    """In a child process: trafilatura.extract on the same pages, read from the same files."""
    import trafilatura

    files = sorted(folder.glob("*.html"))
    trafilatura.extract(files[0].read_text(encoding="utf-8"))  # warm up, as for storyline
    start = time.perf_counter()
    for path in files:
        trafilatura.extract(path.read_text(encoding="utf-8"), include_comments=False)
    seconds = time.perf_counter() - start
    return {"pages": len(files), "seconds": round(seconds, 2), "pages_per_s": round(len(files) / seconds, 1),
            "peak_rss_mb": round(peak_rss_mb(), 1)}  # fmt: skip


def child(*args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--generated", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--html-only", action="store_true", help="only the HTML rate against trafilatura's")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path, *rest = args.child
        result = trafilatura_rate(Path(path)) if kind == "trafilatura" else run_one(path, int(rest[0]))
        print(json.dumps(result))
        return

    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if not args.html_only:
            gen = write_generated(Path(tmp) / "generated", args.generated)
            results["generated_text"] = {
                f"workers_{w}": child("pipeline", str(gen), str(w)) for w in args.workers
            }
        t17 = EVAL / "timeline17"
        if args.html_only:
            pass
        elif t17.exists():  # the articles only: InputDocs/<date>/*.txt of every topic
            docs = str(t17 / "*" / "InputDocs")
            results["timeline17_text"] = {
                f"workers_{w}": child("pipeline", docs, str(w)) for w in args.workers
            }
        else:
            results["timeline17_text"] = f"skipped: {t17} not present"
        aeb = EVAL / "article-extraction-benchmark" / "html"
        if aeb.exists():
            pages = Path(tmp) / "html"
            pages.mkdir()
            for gz in sorted(aeb.glob("*.html.gz")):
                (pages / gz.name.removesuffix(".gz")).write_bytes(gzip.decompress(gz.read_bytes()))
            # Alternate the two so neither profits from a warmer machine.
            runs = [(child("trafilatura", str(pages)), child("pipeline", str(pages), "1")) for _ in range(2)]
            best_t = max(runs, key=lambda r: r[0]["pages_per_s"])[0]
            best_s = max(runs, key=lambda r: r[1]["articles_per_s"])[1]
            results["html"] = {
                "trafilatura_extract": best_t,
                "storyline_ingest_workers_1": best_s,
                "storyline_over_trafilatura": round(best_s["articles_per_s"] / best_t["pages_per_s"], 3),
                "note": "best of 2 alternating runs each; "
                "storyline includes reading, cleaning, describing, storing",
            }
        else:
            results["html"] = f"skipped: {aeb} not present"
    save("throughput_html" if args.html_only else "throughput", results)


if __name__ == "__main__":
    main()
