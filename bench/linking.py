"""How linking grows with the corpus: time and peak memory of the linking stage alone.

Generates read articles (text plus the annotations the reading stage would give: entities
with chains and roles, time expressions, quotes, claims) straight into a store, so only
linking is timed. The corpus has what real news has: many stories over two years, each a
chain of events reported by several of 40 outlets over a few days, a long tail of people
and places with Zipf-like frequencies, shared surnames, misspelt names, wire copies with a
credit line, undated articles. Each size runs in a fresh process (its own peak memory);
then 1,000 more articles are added to the largest corpus and linked again (incremental).

    python bench/linking.py                      # 10k, 30k, 100k and +1,000
    python bench/linking.py --sizes 2000 5000    # a quick look
    python bench/linking.py --sizes 10000 30000 --workers 2   # in-process vs a LocalCluster
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import peak_rss_mb, save

SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tu", "vel", "dor", "an", "is", "ur", "bel", "mar",
             "con", "ter", "ga", "ni", "po", "shi", "zan", "lek"]  # fmt: skip
FIRST = ["Anna", "Boris", "Chen", "Dara", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas",
         "Kemal", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tomas",
         "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zofia"]  # fmt: skip
ROLES = ["foreign minister", "prime minister", "spokesperson", "president", "envoy", "mayor"]
CUES = ["said", "told reporters", "warned", "added"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAY0 = 738_000  # 2021-07-28, as a proleptic ordinal


def word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


class Corpus:
    """A deterministic generated world: vocabulary, people, places, outlets, stories."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = rng = random.Random(seed)
        self.words = sorted({word(rng, rng.randint(2, 4)) for _ in range(30_000)})
        rng.shuffle(self.words)
        self.surnames = [word(rng, 3).capitalize() for _ in range(4_000)]
        self.people = [
            (rng.choice(FIRST), rng.choice(self.surnames), rng.choice(ROLES)) for _ in range(6_000)
        ]
        self.places = [word(rng, 3).capitalize() for _ in range(900)]
        self.orgs = [f"{word(rng, 2).capitalize()} {rng.choice(['Council', 'Bank', 'Union'])}"
                     for _ in range(600)]  # fmt: skip
        self.outlets = [f"The {word(rng, 2).capitalize()} Times" for _ in range(40)]
        self.zipf = [1.0 / (k + 1) for k in range(len(self.words))]

    def pick(self, seq: list[Any], skew: float = 1.1) -> Any:
        """An item with Zipf-like popularity: a few are everywhere, most are rare."""
        k = int(len(seq) * self.rng.random() ** (skew * 3))
        return seq[min(k, len(seq) - 1)]

    def stories(self, n_articles: int) -> list[dict[str, Any]]:
        rng, out, total = self.rng, [], 0
        while total < n_articles:
            start = DAY0 + rng.randint(0, 700)
            story = {
                "people": [self.pick(self.people) for _ in range(rng.randint(3, 6))],
                "places": [self.pick(self.places) for _ in range(rng.randint(1, 3))],
                "org": self.pick(self.orgs),
                "topic": rng.sample(self.words[300:], 25),
                "events": [],
            }
            day = start
            for _ in range(max(1, int(rng.paretovariate(1.5)))):
                size = min(60, max(1, int(rng.paretovariate(1.2) * 2)))
                story["events"].append(
                    {"day": day, "size": size, "words": rng.sample(self.words[500:], 12),
                     "number": rng.randint(3, 900)}
                )  # fmt: skip
                total += size
                day += rng.randint(3, 40)
            out.append(story)
        return out


def article(world: Corpus, story: dict[str, Any], event: dict[str, Any], k: int) -> dict[str, Any]:
    """One article of an event: text and annotations with character offsets."""
    rng = world.rng
    published = event["day"] + rng.choice([0, 0, 0, 1, 1, 2, 3])
    outlet = rng.choice(world.outlets)
    parts: list[str] = []
    notes: dict[str, list[dict[str, Any]]] = {"entities": [], "timexes": [], "quotes": [],
                                               "claims": []}  # fmt: skip
    pos = 0

    def put(text: str) -> int:
        nonlocal pos
        start = pos
        parts.append(text)
        pos += len(text)
        return start

    def name(person: tuple[str, str, str], full: bool, chain: str) -> None:
        first, last, role = person
        if rng.random() < 0.03 and len(first) > 3:  # a misspelt first name
            first = first[:2] + first[3] + first[2] + first[4:]
        text = f"{first} {last}" if full else last
        start = put(text)
        notes["entities"].append({"text": text, "label": "PERSON", "start": start,
                                  "end": start + len(text), "chain": chain,
                                  "role": role if full else None,
                                  "role_as_of": None, "confidence": 0.9})  # fmt: skip

    def filler(n: int) -> str:
        return " ".join(
            rng.choice(story["topic"]) if rng.random() < 0.15
            else rng.choice(event["words"]) if rng.random() < 0.12
            else world.pick(world.words, 1.0)
            for _ in range(n)
        )  # fmt: skip

    seen: set[int] = set()
    for _p in range(rng.randint(8, 14)):
        who = rng.randrange(len(story["people"]))
        person = story["people"][who]
        r = rng.random()
        if r < 0.3:
            name(person, who not in seen, f"c{who}")
            seen.add(who)
            cue = rng.choice(CUES)
            put(f" {cue} on ")
            weekday = WEEKDAYS[(event["day"] - 1) % 7]
            s = put(weekday)
            notes["timexes"].append({"text": weekday, "start": s, "end": s + len(weekday),
                                     "value": date.fromordinal(event["day"]).isoformat(),
                                     "type": "DATE", "mod": None, "anchored": True,
                                     "confidence": 0.8})  # fmt: skip
            put(" that the " + filler(rng.randint(10, 25)) + ".")
        elif r < 0.5:
            put("“")
            q = put(filler(rng.randint(8, 20)).capitalize() + ",")
            qend = pos
            put("” ")
            s = pos
            name(person, who not in seen, f"c{who}")
            seen.add(who)
            put(" said.")
            notes["quotes"].append({"text": "".join(parts)[q:qend], "start": q, "end": qend,
                                    "kind": "direct", "speaker": person[1], "speaker_start": s,
                                    "speaker_end": s + len(person[1]),
                                    "speaker_resolved": f"{person[0]} {person[1]}",
                                    "speaker_entity_id": None, "cue": "said",
                                    "confidence": 0.9, "speaker_chain": f"c{who}"})  # fmt: skip
        elif r < 0.7:
            place = rng.choice(story["places"])
            put("In ")
            s = put(place)
            notes["entities"].append({"text": place, "label": "GPE", "start": s,
                                      "end": s + len(place), "chain": f"p{place}",
                                      "role": None, "role_as_of": None, "confidence": 0.8})  # fmt: skip
            put(", " + filler(rng.randint(10, 20)) + " ")
            n = event["number"] + (rng.choice([0, 0, 0, 2]) if rng.random() < 0.3 else 0)
            s = put(str(n))
            put(" " + filler(5) + ".")
            notes["claims"].append({"text": "", "start": s, "end": s + len(str(n)),
                                    "number": str(n), "value": n, "unit": "", "quantity": "people",
                                    "qualifier": None, "source": None,
                                    "claim_date": None})  # fmt: skip
        else:
            s = put(story["org"])
            notes["entities"].append({"text": story["org"], "label": "ORG", "start": s,
                                      "end": s + len(story["org"]), "chain": "o",
                                      "role": None, "role_as_of": None, "confidence": 0.8})  # fmt: skip
            put(" " + filler(rng.randint(15, 30)) + ".")
        put("\n\n")
    text = "".join(parts).strip()
    dated = rng.random() > 0.02
    day = date.fromordinal(published).isoformat()
    headline = " ".join(w.capitalize() for w in [*rng.sample(event["words"], 4), story["org"]])
    return {"text": text, "headline": headline, "outlet": outlet, "notes": notes,
            "published": day if dated else None, "key": k}  # fmt: skip


def generate(db: str, n: int, start: int = 0, total: int | None = None, seed: int = 7) -> int:
    """Write articles ``start`` … ``start + n`` of a generated world of ``total`` read
    articles, in date order (so a later batch is the newer news), into the store at ``db``;
    5% are wire copies."""
    from storyline.model import Article, Source, content_hash
    from storyline.pipeline import STAGES
    from storyline.store import Store
    from storyline.store.records import note

    world = Corpus(seed)
    stories = world.stories(total or n + start)
    items = [(s, e) for s in stories for e in s["events"] for _ in range(e["size"])]
    world.rng.shuffle(items)
    items.sort(key=lambda item: item[1]["day"])
    items = items[start : start + n]
    world.rng = random.Random(seed + start)
    made: list[dict[str, Any]] = []
    with Store(db) as store:
        batch: list[Article] = []
        for k, (story, event) in enumerate(items):
            if made and world.rng.random() < 0.05:  # a wire copy, lightly edited, credited
                src = world.rng.choice(made[-200:])
                rec = dict(src, outlet=world.rng.choice(world.outlets), key=k)
                rec["text"] = src["text"].replace(".", ",", 1) + "\n\n(MW) Meridian Wire contributed."
                rec["credits"] = ["Meridian Wire"]
            else:
                rec = article(world, story, event, k)
            made.append(rec)
            body = rec["text"]
            art = Article(
                id=content_hash(f"{seed}-{start + k}-{body}")[:16],
                source=Source(path=f"generated/{start + k}.txt"),
                raw=body, text=body, headline=rec["headline"], outlet=rec["outlet"],
                published=rec["published"], published_basis="stated" if rec["published"] else None,
                credits=rec.get("credits", []), language="en", stages=list(STAGES[:-1]),
                **{kind: [note(kind, n) for n in notes] for kind, notes in rec["notes"].items()},
            )  # fmt: skip
            batch.append(art)
            if len(batch) == 1000:
                store.articles.write_batch(batch, [], None)
                batch = []
        if batch:
            store.articles.write_batch(batch, [], None)
    return len(items)


def link(db: str, workers: int = 0) -> dict[str, Any]:
    """Time one linking run over the store at ``db``; with ``workers``, its tasks run on a
    LocalCluster of that many processes (the task runner `storyline batch` uses)."""
    from storyline.link import Linker
    from storyline.read.dated import redate
    from storyline.store import Store

    cluster = client = tasks = None
    if workers:
        from dask.distributed import Client, LocalCluster

        from storyline.run.cluster import DaskTasks

        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
        tasks = DaskTasks(client)
    try:
        with Store(db) as store:
            t = time.perf_counter()
            report = Linker(store.links, redate, tasks).run()
            seconds = time.perf_counter() - t
    finally:
        if client is not None and cluster is not None:
            client.close()
            cluster.close()
    return {"seconds": round(seconds, 1), "parts": report.seconds, "entities": report.entities,
            "events": report.events, "stories": report.stories, "duplicates": report.duplicates,
            "peak_mib": round(peak_rss_mb()), "workers": workers}  # fmt: skip


def child(args: list[str]) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def compare(sizes: list[int], workers: int) -> None:
    """Each size linked in this process and with its tasks on a LocalCluster, same corpus."""
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            db = f"{tmp}/link-{n}.db"
            child(["--generate", db, str(n), "0", str(n)])
            for w in (0, workers):
                copy = f"{tmp}/link-{n}-{w}.db"
                shutil.copy(db, copy)
                run = {"articles": n, **child(["--link", copy, "--workers", str(w)])}
                print(json.dumps(run), flush=True)
                runs.append(run)
    save(f"linking_dask_{workers}", {"runs": runs})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    ap.add_argument("--add", type=int, default=1000, help="articles added to the largest corpus")
    ap.add_argument("--generate", nargs=4, metavar=("DB", "N", "START", "TOTAL"), help=argparse.SUPPRESS)
    ap.add_argument("--link", metavar="DB", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=0,
                    help="link on a LocalCluster of N workers, in-process and on it, no --add")  # fmt: skip
    args = ap.parse_args()
    if args.generate:
        db, n, start, total = args.generate
        print(json.dumps({"articles": generate(db, int(n), int(start), int(total))}))
        return
    if args.link:
        print(json.dumps(link(args.link, args.workers)))
        return
    if args.workers:
        compare(args.sizes, args.workers)
        return
    runs = []
    largest = max(args.sizes)
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            db = f"{tmp}/link-{n}.db"
            t = time.perf_counter()
            total = n + args.add if n == largest else n
            child(["--generate", db, str(n), "0", str(total)])
            made = round(time.perf_counter() - t, 1)
            run = {"articles": n, "generate_seconds": made, **child(["--link", db])}
            print(json.dumps(run), flush=True)
            runs.append(run)
        db = f"{tmp}/link-{largest}.db"
        child(["--generate", db, str(args.add), str(largest), str(largest + args.add)])
        added = {"articles": largest + args.add, "added": args.add, **child(["--link", db])}
        print(json.dumps(added), flush=True)
    xs = [math.log(r["articles"]) for r in runs]
    ys = [math.log(max(r["seconds"], 0.01)) for r in runs]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / max(
        sum((x - mx) ** 2 for x in xs), 1e-9
    )
    save("linking", {"runs": runs, "incremental": added, "growth_exponent": round(slope, 3)})


if __name__ == "__main__":
    main()
