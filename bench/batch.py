"""Batch throughput on dask.distributed: the per-article stages (no linking) on real
Timeline17 articles with 1 and with 2 local workers; scaling efficiency and time per pass.

    python bench/batch.py --files 400      # the first 400 InputDocs files, about 4 min
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, need, peak_rss_mb, save


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=400)
    ap.add_argument("--partition-kb", type=int, default=256)
    args = ap.parse_args()
    from storyline.batch import run

    root = need(EVAL / "timeline17", "Timeline17")
    files = sorted(str(p) for p in root.glob("*/InputDocs/*/*") if p.is_file())[: args.files]
    words = sum(len(Path(f).read_text(errors="replace").split()) for f in files)
    result: dict[str, object] = {"files": len(files), "words": words, "runs": {}}
    for workers in (1, 2):
        out = tempfile.mkdtemp()
        t = time.perf_counter()
        report = run(
            files, out, workers=workers, link=False, partition_bytes=args.partition_kb * 1024
        )
        seconds = time.perf_counter() - t
        shutil.rmtree(out)
        result["runs"][workers] = {  # type: ignore[index]
            "seconds": round(seconds, 1), "articles": report.articles,
            "articles_per_s": round(report.articles / seconds, 2),
            "words_per_s": round(words / seconds), "partitions": report.partitions,
            "passes": report.seconds,
        }  # fmt: skip
        print(workers, result["runs"][workers], flush=True)  # type: ignore[index]
    one, two = result["runs"][1], result["runs"][2]  # type: ignore[index]
    result["speedup_2_workers"] = round(one["seconds"] / two["seconds"], 2)
    result["client_peak_mib"] = round(peak_rss_mb())
    save("batch", result)


if __name__ == "__main__":
    main()
