"""Web latency under load on a generated corpus: p50/p95 of the story, article, entity and
search pages and their JSON twins, served by `storyline serve` on loopback.

Builds (or reuses, with --db) a store of generated read articles (bench/linking.py's
generator), links it and computes every story's and event's analyses (as every run that links
does; their time is reported apart), starts the real server, and sends
requests from concurrent clients, bounded in count and time per page kind.

With ``--concurrency``, a sweep instead: at each level, bursts of that many requests sent at
once (each on its own connection, as many browsers arriving together) to the story, event,
entity and search pages; per page kind p50/p95, the 503s and the other errors (issue #28).

    python bench/web_latency.py                          # 100k articles, about 15 min
    python bench/web_latency.py --articles 5000 --db /tmp/w.db
    python bench/web_latency.py --articles 3000 --concurrency 1 10 60 200
"""

from __future__ import annotations

import argparse
import asyncio
import math
import random
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import save
from linking import generate


def build(db: str, n: int) -> dict[str, float]:
    from storyline.run.linking import link_and_analyse
    from storyline.store import Store

    t = time.perf_counter()
    generate(db, n)
    made = time.perf_counter() - t
    with Store(db) as store:
        report = link_and_analyse(store)
    return {
        "generate_seconds": round(made, 1),
        "link_seconds": round(time.perf_counter() - t - made, 1),
        "analysis_seconds": report.seconds["analysis"],
    }


def sample(db: str, k: int, seed: int = 3) -> dict[str, list[str]]:
    """Paths to request: stories, articles, entities (popular and rare), searches."""
    from storyline.store import Store

    rng = random.Random(seed)
    with Store(db) as store:
        stories = [s.id for s in store.views.stories_page(-1, 0)[1]]
        events = [e.id for e, _ in store.views.events()]
        ents = store.views.entities_page(-1, 0)[1]
        ids = store.articles.ids()
    people = [e for e in ents if e.label == "PERSON"]
    words = [e.name.split()[-1] for e in rng.sample(people, min(k, len(people)))]
    picked_ents = [e.id for e in ents[:5]] + [e.id for e in rng.sample(ents, min(k, len(ents)) - 5)]
    return {
        "story": [f"/stories/{s}" for s in rng.sample(stories, min(k, len(stories)))],
        "event": [f"/events/{e}" for e in rng.sample(events, min(k, len(events)))],
        "article": [f"/articles/{a}" for a in rng.sample(ids, k)],
        "entity": [f"/entities/{e}" for e in picked_ents],
        "search": [f"/search?q={w}" for w in words],
    }


def load(base: str, paths: list[str], requests: int, clients: int, limit_s: float) -> dict[str, Any]:
    import httpx

    deadline = time.monotonic() + limit_s
    times: list[float] = []
    errors = 0

    def worker(k: int) -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=30) as client:
            for n in range(k, requests, clients):
                if time.monotonic() > deadline:
                    return
                t = time.perf_counter()
                r = client.get(paths[n % len(paths)])
                times.append(time.perf_counter() - t)
                errors += r.status_code != 200

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(worker, range(clients)))
    times.sort()
    return {
        "requests": len(times), "errors": errors,
        "p50_ms": round(1000 * statistics.median(times), 1),
        "p95_ms": round(1000 * times[int(0.95 * (len(times) - 1))], 1),
        "max_ms": round(1000 * times[-1], 1),
    }  # fmt: skip


def burst_load(base: str, paths: list[str], level: int, least: int) -> dict[str, Any]:
    """Bursts of ``level`` requests sent at once, each on a new connection, until at least
    ``least`` were sent: p50/p95/max of the answered, the 503s, the other errors."""
    import httpx

    async def one(client: httpx.AsyncClient, path: str) -> tuple[float, int]:
        t = time.perf_counter()
        try:
            r = await client.get(path, headers={"Connection": "close"})
            status = r.status_code
        except httpx.HTTPError:
            status = 0  # refused, reset or timed out
        return time.perf_counter() - t, status

    async def bursts() -> list[tuple[float, int]]:
        limits = httpx.Limits(max_connections=level, max_keepalive_connections=0)
        async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
            done: list[tuple[float, int]] = []
            for b in range(math.ceil(least / level)):
                chosen = [paths[(b * level + n) % len(paths)] for n in range(level)]
                done += await asyncio.gather(*(one(client, p) for p in chosen))
            return done

    answers = asyncio.run(bursts())
    times = sorted(t for t, status in answers if status == 200)
    return {
        "requests": len(answers),
        "busy_503": sum(status == 503 for _, status in answers),
        "errors": sum(status not in (200, 503) for _, status in answers),
        "p50_ms": round(1000 * statistics.median(times), 1) if times else None,
        "p95_ms": round(1000 * times[int(0.95 * (len(times) - 1))], 1) if times else None,
        "max_ms": round(1000 * times[-1], 1) if times else None,
    }


def sweep(base: str, paths: dict[str, list[str]], levels: list[int], least: int) -> dict[str, Any]:
    """Every page kind (pages, not their twins) at every concurrency level."""
    out: dict[str, Any] = {}
    for level in levels:
        for kind in ("story", "event", "entity", "search"):
            out.setdefault(str(level), {})[kind] = row = burst_load(base, paths[kind], level, least)
            print(f"{level:>4} {kind:<7}", row, flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--db", help="store to build or reuse (default: a temporary one)")
    ap.add_argument("--requests", type=int, default=400, help="per page kind")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=60.0, help="time limit per page kind")
    ap.add_argument(
        "--concurrency", type=int, nargs="+", help="a sweep: bursts of this many requests at once, per level"
    )
    ap.add_argument("--least", type=int, default=200, help="sweep: requests per kind and level, at least")
    ap.add_argument("--name", default="web_latency", help="name of the result file (bench/results/NAME.json)")
    args = ap.parse_args()
    from storyline.web.local import local_server

    db = args.db or f"/tmp/storyline-web-{args.articles}.db"
    built: dict[str, float] = {}
    if not Path(db).exists():
        built = build(db, args.articles)
    paths = sample(db, 40)
    result: dict[str, Any] = {"articles": args.articles, **built, "pages": {}}
    if args.concurrency:
        with local_server(db) as base:
            result["sweep"] = sweep(base, paths, args.concurrency, args.least)
        save(args.name, result)
        return
    with local_server(db) as base:
        for kind, ps in paths.items():
            for twin in (False, True):
                chosen = [("/api" + p) if twin else p for p in ps]
                name = f"{kind} json" if twin else kind
                result["pages"][name] = load(base, chosen, args.requests, args.clients, args.seconds)
                print(name, result["pages"][name], flush=True)
    save(args.name, result)


if __name__ == "__main__":
    main()
