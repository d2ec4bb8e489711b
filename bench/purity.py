"""Purity of linking on one corpus mixing collections that report different things.

Collections: Timeline17's topics (bpoil, EgyptianProtest, H1N1, haiti from their
``articles.jsonl``; Finan from its raw ``InputDocs``), ECB+ topics 1–35 (each topic its own
collection; 36–45 are never read), the pages of ``../shared/eval/htmldate`` (one collection)
and, with ``--data``, the real-world pages of ``bench/realworld.py`` (one collection per test
set). Everything is ingested together, as a user would ingest a pile, into one store.

Counted: events, stories and entities whose articles come from more than one collection. An
event never should join two collections; a story should not either; an entity may, when it
is the same real thing ("United States"). Each cross-collection event and story is printed
with its headlines; each cross-collection entity whose collections name it differently (the
join rests on a rule, not on one shared name) is printed with its aliases per collection,
for reading. Written to bench/results/purity.json and purity_pairs.json.
Usage: python bench/purity.py [--data /work/realworld-data] [--workers 2] [--keep DIR]
       python bench/purity.py --relink DIR   # relink a kept store (after a linking change)
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, need, save, t17_folders, t17_records

from storyline.model import Article, Event, Story


def write_inputs(folder: Path, data: Path | None) -> dict[str, str]:
    """The inputs, written under ``folder``; input path (or WARC URL) → collection."""
    from ecbplus import load as load_ecb
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    origin: dict[str, str] = {}
    t17 = need(EVAL / "timeline17", "Timeline17")
    for topic, sub in t17_folders(t17):
        out = folder / f"t17-{sub.name}.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            for rec in t17_records(sub):
                fh.write(json.dumps(rec) + "\n")
        origin[str(out)] = f"timeline17:{topic}"
    ecb = folder / "ecb"
    ecb.mkdir()
    docs, _sub, topic = load_ecb(need(EVAL / "ecbplus" / "ECB+", "ECB+"))
    for d in docs:
        path = ecb / f"{d.id}.txt"
        path.write_text(d.text, encoding="utf-8")
        origin[str(path)] = f"ecbplus:{topic[d.id]}"
    pages = [("htmldate", u, EVAL / "htmldate" / "pages" / g["file"]) for u, g in _htmldate_gold().items()]
    if data:
        import realworld

        for name, loader in realworld.LOADERS.items():
            if (data / name).is_dir():
                pages += [
                    (f"realworld:{name}", p.url, p.path) for p in loader(data / name) if p.kind == "html"
                ]
    warc = folder / "pages.warc.gz"
    with warc.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for k, (collection, url, path) in enumerate(p for p in pages if p[2].is_file()):
            raw = path.read_bytes()
            payload = gzip.decompress(raw) if path.suffix == ".gz" else raw
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            url = url or f"http://unknown.invalid/{k}"
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
            )
            origin[url] = collection
    return origin


def _htmldate_gold() -> dict[str, dict[str, str]]:
    return json.loads(need(EVAL / "htmldate" / "gold.json", "htmldate").read_text(encoding="utf-8"))


def collection_of(article: Any, origin: dict[str, str]) -> str:
    src = article.source
    return (
        origin.get(src.url or "")
        or origin.get(src.path or "")
        or origin.get(str(Path(src.path or "").resolve()), "?")
    )


def _brief(article: Article) -> str:
    return (article.headline or " ".join(article.text[:90].split()))[:90]


def score(db: Path, origin: dict[str, str]) -> dict[str, Any]:
    """Cross-collection events, stories and entities of the store at ``db``."""
    from storyline.store import Store

    with Store(db) as store:
        coll = {a.id: collection_of(a, origin) for a in store.articles.each()}
        texts = {a.id: a for a in store.links.inputs(list(coll))}
        events = [e for e, _ in store.views.events()]
        stories = [s for s, _ in store.views.stories()]
        entities = store.views.entities()
    top = {a: c.split(":")[0] if c.startswith(("htmldate", "realworld")) else c for a, c in coll.items()}
    pairs: dict[str, list[Any]] = {"events": [], "stories": [], "entities": []}
    groups: list[tuple[str, Event | Story]] = [("events", e) for e in events] + [
        ("stories", s) for s in stories
    ]
    for kind, g in groups:
        found = Counter(top[a] for a in g.article_ids if a in top)
        if len(found) > 1:
            by = defaultdict(list)
            for a in g.article_ids:
                if a in texts and len(by[top[a]]) < 3:
                    by[top[a]].append(_brief(texts[a]))
            pairs[kind].append({"id": g.id, "collections": dict(found), "headlines": dict(by)})
    cross_entities = 0
    for e in entities:
        names: dict[str, set[str]] = defaultdict(set)
        for ev in e.evidence:
            for a in ev.article_ids:
                if a in top:
                    names[top[a]].add(ev.alias)
        if len(names) < 2:
            continue
        cross_entities += 1
        norm = {c: {" ".join(v.casefold().split()) for v in vs} for c, vs in names.items()}
        alone = sorted(  # collections that name it only as no other collection does
            c for c in norm if not norm[c] & set().union(*(norm[o] for o in norm if o != c))
        )
        if alone:  # joined across collections by a rule, not one shared name: read these
            aliases = {c: sorted(v) for c, v in names.items()}
            pairs["entities"].append(
                {
                    "id": e.id,
                    "name": e.name,
                    "label": e.label,
                    "joined_by_other_names": alone,
                    "aliases": aliases,
                }
            )
    return {
        "articles": len(coll),
        "collections": dict(Counter(top.values())),
        "unattributed_articles": sum(1 for c in coll.values() if c == "?"),
        "events": len(events),
        "cross_collection_events": len(pairs["events"]),  # each read: some are one page in two sets
        "stories": len(stories),
        "cross_collection_stories": len(pairs["stories"]),
        "entities": len(entities),
        "cross_collection_entities": cross_entities,
        "cross_collection_entities_by_different_names": len(pairs["entities"]),
        "_pairs": pairs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, help="the real-world test sets (as bench/realworld.py)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep inputs and store in this folder")
    parser.add_argument("--relink", type=Path, help="relink the store kept in this folder and score it")
    args = parser.parse_args()
    t0 = time.perf_counter()
    if args.relink:
        folder = args.relink
        origin = json.loads((folder / "origin.json").read_text(encoding="utf-8"))
        subprocess.run(["storyline", "link", "--full", "--db", str(folder / "corpus.db")], check=True)
    else:
        from storyline.pipeline import PipelineOptions
        from storyline.run.embedded import Ingest
        from storyline.store import Store

        folder = args.keep or Path(tempfile.mkdtemp(prefix="storyline-purity-"))
        while not args.keep and re.search(r"\d{4}", str(folder)):  # no path a date is read from
            folder.rmdir()
            folder = Path(tempfile.mkdtemp(prefix="storyline-purity-"))
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        origin = write_inputs(folder, args.data)
        (folder / "origin.json").write_text(json.dumps(origin), encoding="utf-8")
        inputs = sorted({p for p in origin if not re.match(r"https?://", p) and not p.endswith(".txt")})
        inputs += [str(folder / "ecb"), str(folder / "pages.warc.gz")]
        with Store(folder / "corpus.db") as store:
            report = Ingest(store, PipelineOptions(workers=args.workers)).run(inputs)
        print(f"{len(report.rejects)} inputs rejected", file=sys.stderr)
    result = score(folder / "corpus.db", origin)
    pairs = result.pop("_pairs")
    result["seconds"] = round(time.perf_counter() - t0, 1)
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "purity_pairs.json").write_text(
        json.dumps(pairs, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    save("purity", result)
    if not args.keep and not args.relink:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
