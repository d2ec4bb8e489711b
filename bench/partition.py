"""One batch partition in this process, as a worker runs it: its time, peak memory and its
largest texts — to find which partition sets a worker's memory, and what it holds.

    python bench/partition.py                    # the Timeline17 folder, every partition
    python bench/partition.py --index 3          # one partition (a fresh process each)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, need, peak_rss_mb, save


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("inputs", nargs="*", help="batch inputs (default: ../shared/eval/timeline17)")
    ap.add_argument("--index", type=int, help="the partition to run (default: each in turn)")
    ap.add_argument("--partition-mb", type=float, default=32)
    ap.add_argument("--workers", type=int, default=2, help="as `storyline batch` plans for")
    args = ap.parse_args()
    from storyline.run.batch import plan, process
    from storyline.run.passes import read_group

    inputs = args.inputs or [str(need(EVAL / "timeline17", "Timeline17"))]
    parts = plan(inputs, int(args.partition_mb * 1024 * 1024), args.workers)
    if args.index is None:  # each partition in a process of its own: peaks do not mix
        for k in range(len(parts)):
            cmd = [sys.executable, __file__, *inputs, "--index", str(k),
                   "--partition-mb", str(args.partition_mb), "--workers", str(args.workers)]  # fmt: skip
            subprocess.run(cmd, check=True)
        return
    arts, _ = read_group(parts[args.index])
    longest = sorted((len(a.raw or ""), str(a.source.path)) for a in arts)[-3:]
    del arts  # only the worker's own copy counts toward the peak
    with tempfile.TemporaryDirectory() as out:
        clock = time.perf_counter()
        summary = process(args.index, parts[args.index], {}, out)
        seconds = time.perf_counter() - clock
    save(f"partition-{args.index}", {
        "partition": args.index, "of": len(parts), "files": len(parts[args.index]),
        "articles": summary["articles"], "words": summary["words"], "seconds": round(seconds, 1),
        "peak_rss_mib": round(peak_rss_mb()), "longest_raw_chars": longest,
    })  # fmt: skip


if __name__ == "__main__":
    main()
