"""Batch throughput on dask.distributed with 1 and with 2 local workers: scaling efficiency,
peak memory per worker, wall time per pass and worker time per stage, on real Timeline17
articles or on generated ones (news-please style JSONL).

    python bench/batch.py --files 150                    # Timeline17 files, stages only
    python bench/batch.py --generated 3000 --link        # generated articles, and linking
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, need, peak_rss_mb, save


def generated_inputs(folder: Path, n: int, per_file: int = 50) -> list[str]:
    """``n`` generated articles (bench/linking.py's world) as JSONL files of raw records."""
    from linking import Corpus, article

    world = Corpus(seed=11)
    rows = []
    for story in world.stories(n):
        for event in story["events"]:
            for k in range(event["size"]):
                a = article(world, story, event, k)
                rows.append({
                    "title": a["headline"], "maintext": a["text"], "source_domain": a["outlet"],
                    "date_publish": a["published"] or "",
                })  # fmt: skip
    rows = rows[:n]
    files = []
    for k in range(0, len(rows), per_file):
        path = folder / f"gen-{k // per_file:05d}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows[k : k + per_file]))
        files.append(str(path))
    return files


def _rss() -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


def measure(files: list[str], workers: int, link: bool, partition_kb: int) -> dict[str, Any]:
    """One batch run on a fresh LocalCluster, its worker memory sampled twice a second."""
    from dask.distributed import Client, LocalCluster

    from storyline.run.batch import run

    out = tempfile.mkdtemp()
    peak: dict[str, int] = {}
    stop = threading.Event()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:  # fmt: skip

        def sample() -> None:
            while not stop.wait(0.5):
                try:
                    for w, rss in client.run(_rss).items():
                        peak[w] = max(peak.get(w, 0), rss)
                except Exception:  # a worker restarting: sample again next time
                    continue

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        t = time.perf_counter()
        report = run(files, out, scheduler=cluster.scheduler_address, link=link,
                     partition_bytes=partition_kb * 1024)  # fmt: skip
        seconds = time.perf_counter() - t
        stop.set()
        sampler.join()
    shutil.rmtree(out)
    stages = report.seconds.get("stages", seconds)
    return {
        "seconds": round(seconds, 1), "articles": report.articles, "words": report.words,
        "articles_per_s": round(report.articles / stages, 2),
        "words_per_s": round(report.words / stages), "partitions": report.partitions,
        "passes": report.seconds, "worker_seconds_by_stage": report.stage_seconds,
        "worker_peak_mib": sorted(round(v / 2**20) for v in peak.values()),
        "link_seconds_by_part": report.link.seconds if report.link else None,
        "link_tasks": report.link_tasks,
    }  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=150, help="Timeline17 InputDocs files")
    ap.add_argument("--generated", type=int, default=0, help="generated articles instead")
    ap.add_argument("--link", action="store_true", help="link too (tasks on the cluster)")
    ap.add_argument("--partition-kb", type=int, default=128)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    if args.generated:
        files = generated_inputs(tmp, args.generated)
        result: dict[str, Any] = {"source": "generated", "articles_asked": args.generated}
    else:
        root = need(EVAL / "timeline17", "Timeline17")
        files = sorted(str(p) for p in root.glob("*/InputDocs/*/*") if p.is_file())[: args.files]
        result = {"source": "timeline17", "files": len(files)}
    result["link"] = args.link
    result["runs"] = {}
    for workers in (1, 2):
        result["runs"][workers] = measure(files, workers, args.link, args.partition_kb)
        print(workers, result["runs"][workers], flush=True)
    one, two = result["runs"][1], result["runs"][2]
    base = "stages"  # the per-article passes: what more workers speed up
    speedup = one["passes"][base] / two["passes"][base]
    result["speedup_2_workers"] = round(speedup, 2)
    result["efficiency_2_workers"] = round(speedup / 2, 2)
    result["speedup_2_workers_total"] = round(one["seconds"] / two["seconds"], 2)
    result["client_peak_mib"] = round(peak_rss_mb())
    result["date"] = date.today().isoformat()
    shutil.rmtree(tmp)
    name = "batch" if not args.generated else "batch_generated"
    save(name + ("_link" if args.link else ""), result)


if __name__ == "__main__":
    main()
