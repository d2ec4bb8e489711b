"""Following feeds (issue #16): 50 feeds on a loopback server, each listing 20 new generated
articles, through one ``watch`` round (fetch, WARC, the whole pipeline, incremental linking,
alerts): items per second and time from an item appearing to its alert; then a bounded soak
— more rounds in the same process, each feed listing 1 new item per round — with the
process's resident memory after each round, to show it stays flat; last, the full relink a
round no longer runs on its own (``storyline link``, its own process: time and peak memory).

The generated world: each article reports one development (its place, people, figure and
words of its own) chosen among the latest developments, so several feeds report each and
events form as they do in news; every article is dated the same day, so the event window
holds the whole corpus (the worst case for what a round reads). ``--alike``: every article
drawn from one small vocabulary instead, so that all of them make one event (the worst case
for what a round reclusters).

The feeds are spread over ``--hosts`` loopback servers (50: one site each; a port is a
host to the fetcher), fetched as ``storyline watch`` fetches by default: 4 workers, one
request at a time per host, 1 s between two (``--per-host``). Usage: python bench/watch.py
[--feeds 50] [--items 20] [--rounds 30] [--hosts 50] [--per-host 1] [--workers 4] [--alike]
[--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import peak_rss_mb, save

WORDS = [
    "harbour",
    "council",
    "minister",
    "port",
    "strike",
    "storm",
    "ferry",
    "budget",
    "court",
    "vote",
    "election",
    "flood",
    "bridge",
    "talks",
    "union",
    "police",
    "hospital",
    "school",
    "rail",
    "airport",
    "market",
    "energy",
    "water",
    "tax",
    "trade",
    "farmers",
]
NAMES = ["Ilse Varga", "Tomas Brandt", "Edda Sorel", "Arvo Lindqvist", "Mira Lund", "Rolf Dahl"]


SYLLABLES = ["kor", "van", "el", "mar", "dun", "sel", "tra", "bin", "ost", "ra", "lin", "vek", "sor", "ta"]
SYLLABLES += ["bre", "mon", "hal", "ir", "go", "nes", "pil", "ur", "dav", "ke", "lum", "fa", "rist", "ob"]


def pseudo(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def article_html(feed: int, item: int, development: int | None = None) -> bytes:
    """One generated page: with ``development``, an article about that development (its own
    place, people, figure and words, told in this article's own order); without, the alike
    world's article (one small vocabulary for all)."""
    rng = random.Random(feed * 100_003 + item)
    if development is None:
        topic = rng.sample(WORDS, 4)
        who = rng.choice(NAMES)
        paras = []
        for k in range(5):
            words = " ".join(rng.choice(WORDS) for _ in range(18))
            paras.append(
                f"<p>The {topic[0]} {topic[1]} of Port Selan {words}, {who} said on day {k + 1}.</p>"
            )
        title = f"{topic[0].title()} {topic[1]} {topic[2]} in Port Selan, feed {feed} item {item}"
    else:
        dev = random.Random(development)
        place = pseudo(dev).title()
        people = [f"{pseudo(dev, 2).title()} {pseudo(dev).title()}" for _ in range(2)]
        own = [pseudo(dev) for _ in range(8)]
        topic, figure = dev.choice(WORDS), dev.randrange(5, 900)
        paras = []
        for k in range(5):
            words = " ".join(rng.choice(own if rng.random() < 0.5 else WORDS) for _ in range(16))
            said = f"{people[k % 2]} said, putting the figure at {figure}"
            paras.append(f"<p>The {topic} in {place} {words}, {said}.</p>")
        title = f"{topic.title()} in {place}: {' '.join(rng.sample(own, 3))}"
    return (
        f"<html><head><title>{title}</title><meta property='article:published_time' content='2024-05-02'>"
        f"</head><body><article><h1>{title}</h1>{''.join(paras)}</article></body></html>"
    ).encode()


class World:
    """What the server lists: per feed, the items published so far (grows each round), and
    the development each item reports (None in the alike world)."""

    def __init__(self, feeds: int, alike: bool = False) -> None:
        self.items = {f: 0 for f in range(feeds)}
        self.appeared: dict[str, float] = {}
        self.alike = alike
        self.developments = 0
        self.about: dict[tuple[int, int], int] = {}
        self.rng = random.Random(1)

    def publish(self, per_feed: int) -> None:
        now = time.time()
        new = per_feed * len(self.items)
        self.developments += max(1, new // 8)  # about 8 reports of each development
        for f in self.items:
            for i in range(self.items[f], self.items[f] + per_feed):
                self.appeared[f"/f{f}/a{i}.html"] = now
                self.about[(f, i)] = (
                    self.developments - 1 - min(int(self.rng.expovariate(1 / 12)), self.developments - 1)
                )  # mostly the latest developments, some older ones followed up
            self.items[f] += per_feed

    def page(self, f: int, i: int) -> bytes:
        return article_html(f, i, None if self.alike else self.about[(f, i)])


def serve(world: World, hosts: int = 1) -> tuple[list[ThreadingHTTPServer], list[str]]:
    """``hosts`` servers on loopback (a port is a host to the fetcher's politeness), each
    answering every feed and page."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path
            if path == "/robots.txt":
                body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
            elif path.startswith("/feed") and path.endswith(".xml"):
                f = int(path[5:-4])
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                items = "".join(
                    f"<item><title>{i}</title><link>{base}/f{f}/a{i}.html</link><guid>f{f}-a{i}</guid></item>"
                    for i in range(max(0, world.items[f] - 40), world.items[f])
                )
                body, kind = (
                    f"<rss version='2.0'><channel><title>{f}</title>{items}</channel></rss>".encode(),
                    "application/rss+xml",
                )
            elif path.startswith("/f"):
                f, i = path[2:].split("/a")
                body, kind = world.page(int(f), int(i.split(".")[0])), "text/html"
            else:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            return

    servers = [ThreadingHTTPServer(("127.0.0.1", 0), Handler) for _ in range(hosts)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    return servers, [f"http://127.0.0.1:{server.server_address[1]}" for server in servers]


def sampled_peak_mb(proc: subprocess.Popen[bytes]) -> float:
    """The largest resident size of ``proc`` seen while it runs (sampled every 50 ms)."""
    import psutil

    peak = 0.0
    watched = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            peak = max(peak, watched.memory_info().rss / 2**20)
        except psutil.Error:
            break
        time.sleep(0.05)
    return peak


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--feeds", type=int, default=50)
    ap.add_argument("--items", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--alike", action="store_true", help="every article alike: one event")
    ap.add_argument("--hosts", type=int, default=50, help="loopback servers the feeds are spread over")
    ap.add_argument("--per-host", type=float, default=1.0, help="seconds between two requests to one host")
    ap.add_argument("--workers", type=int, default=4, help="requests made at once")
    ap.add_argument("--keep", help="folder to keep the corpus in")
    args = ap.parse_args()
    from storyline.follow.fetch import Fetcher, FetchOptions
    from storyline.follow.watch import Watcher, now_text
    from storyline.store import Store

    folder = Path(args.keep or tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    world = World(args.feeds, args.alike)
    servers, bases = serve(world, args.hosts)
    result: dict[str, Any] = {"feeds": args.feeds, "items_per_feed": args.items, "alike": args.alike}
    options = FetchOptions(per_host_seconds=args.per_host, workers=args.workers)
    result |= {"hosts": args.hosts, "per_host_seconds": args.per_host, "workers": args.workers}
    fetched_at: list[float] = []

    def progress(report: Any) -> None:  # when a round's fetching ends and its ingesting starts
        if report.phase.startswith("ingesting") and not fetched_at:
            fetched_at.append(time.time())

    with Store(folder / "watch.db") as store, Fetcher(options) as fetcher:
        for f in range(args.feeds):
            store.sources.add("url", f"{bases[f % len(bases)]}/feed{f}.xml", 60, None, now_text())
        store.alerts.watch("query", "harbour", now_text())
        watcher = Watcher(store, fetcher, folder / "raw", progress=progress)
        world.publish(args.items)
        start = time.time()
        first = watcher.round(everything=True)
        took = time.time() - start
        fetching = fetched_at[0] - start if fetched_at else took
        lag = [time.time() - world.appeared[p] for p in world.appeared]
        result["first_round"] = {
            "items": first.stored,
            "failed": first.failed,
            "alerts": len(first.alerts),
            "seconds": round(took, 1),
            "fetching_seconds": round(fetching, 1),
            "items_per_second": round(first.stored / took, 2),
            "appear_to_alert_seconds_max": round(max(lag), 1),
            "rss_mb": round(rss_mb(), 1),
        }
        print(result["first_round"], flush=True)
        soak = []
        for r in range(args.rounds):
            world.publish(1)
            t0 = time.time()
            rep = watcher.round(everything=True)
            soak.append({"round": r + 1, "stored": rep.stored, "alerts": len(rep.alerts),
                         "seconds": round(time.time() - t0, 1), "rss_mb": round(rss_mb(), 1)})  # fmt: skip
            print(soak[-1], flush=True)
        result["soak"] = soak
        result["articles"] = store.articles.summary()["articles"]
        result["links"] = store.views.link_counts()
        result["relink_due"] = rep.relink_due if soak else None
    # what a round no longer does on its own: the full relink `storyline link` runs when due
    t0 = time.time()
    relink = subprocess.Popen([sys.executable, "-m", "storyline", "link", "--db", str(folder / "watch.db")])
    peak = sampled_peak_mb(relink)  # (a child's ru_maxrss starts at its parent's size: sampled instead)
    assert relink.wait() == 0
    result["full_relink"] = {"seconds": round(time.time() - t0, 1), "peak_rss_mb": round(peak, 1)}
    print(result["full_relink"], flush=True)
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    for server in servers:
        server.shutdown()
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    save("watch-alike" if args.alike else "watch", result)


if __name__ == "__main__":
    main()
