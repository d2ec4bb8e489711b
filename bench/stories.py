"""The story threshold (issue #26), chosen on development data by leave-one-topic-out.

Data: Timeline17's five topics present here (bpoil, EgyptianProtest, Finan, H1N1, haiti;
2,733 articles, read by ``_common.t17_records``) and, as unrelated distractors, ECB+ topics
1–35 (``ecbplus.load``; every ECB+ topic its own collection, undated as plain text files
are; 36–45 are never read). Every article is used, no subsample. The held-back Timeline17
topics are never read.

Path: the linking code of a full run (``link/full.py``) without the reading pipeline, which
stories do not use (they compare events by their articles' words and names): copies found
(``find_duplicates``), events clustered once (``EventClusterer``, the shipped model, the
rows ``event_doc``/``text_blocks`` give), then ``StoryBuilder`` at each threshold over those
same events and the same story vectors (``story_rows``). By default the articles are built
from the records' text, date and folder (a Timeline17 record has no headline field, so its
first line serves, as for a text file). ``--described DIR`` runs ``storyline ingest --until
describe`` once into ``DIR`` (kept; about 2 minutes) and links the articles as cleaning and
description stored them: the check that skipping them changes nothing material. Inferred
dates are skipped (only an undated ECB+ article sharing an event with a dated one could
take a date).

Gold: a story should never join two collections (a Timeline17 topic, an ECB+ topic); within
one Timeline17 topic, events ``stories.WINDOW`` days apart or less ideally share a story
(stories compare events only within that window, so none can be asked to span more). Each
event is one item, labelled with the collection most of its articles come from. Scores:

- BCubed precision of an event: the share of the events of its story that have its label;
- windowed BCubed recall of a Timeline17 event: of the events of its topic dated within
  ``WINDOW`` days of it (itself included), the share in its story. ECB+ events have no
  recall (undated distractors);
- per topic: the mean precision and recall of its events, and their harmonic mean F1;
  stories per topic (the stories its events are in) and the share of its events in its
  largest story; the distractors' precision (the ECB+ events'); stories mixing collections
  (by their articles, as ``bench/purity.py`` counts), and how many of those hold ECB+ ones.

Choice, leave one topic out, by two rules. "f1": for each Timeline17 topic the threshold is
chosen on the other four (the mean of their F1) and the left-out topic is scored there; a
general value rather than a sharp optimum: every threshold whose training mean F1 is within
``PLATEAU`` of the best counts, and the middle one of them is taken (the higher of two).
"precision_first": the same among the thresholds whose distractors, in the other four folds
of ECB+ topics (topic number modulo 5, each fold held out with one Timeline17 topic), keep a
BCubed precision of at least ``MIN_PRECISION``; the held-out fold's distractor precision is
reported too. Timeline17's topics lie in different months and stories never compare events
more than ``WINDOW`` days apart, so their precision stays high at any threshold: only the
undated distractors show what a threshold lets join. The clustering is one for all folds
(the threshold is all that is chosen); each fold only chooses which topics it looks at.
Usage: python bench/stories.py [--thresholds 0.05,0.1,...] [--described DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, T17_TOPICS, need, save, t17_folders, t17_records

from storyline.link.duplicates import find_duplicates
from storyline.link.event_model import story_rows, text_blocks
from storyline.link.events import FLOOR, EventClusterer, event_doc, summarise_events
from storyline.link.stories import THRESHOLD, WINDOW, StoryBuilder
from storyline.model import Article, Event, Source, Story

THRESHOLDS = [0.01, 0.02, 0.03, 0.04] + [round(0.05 + 0.025 * k, 3) for k in range(19)]  # .. 0.5
PLATEAU = 0.01  # training F1 this close to the best counts as equally good
MIN_PRECISION = 0.98  # precision first: the distractors' BCubed precision a threshold must keep
LEVELS = (0.95, 0.97, 0.98, 0.99)  # MIN_PRECISION's alternatives, to show how the choice moves


def corpus() -> tuple[list[Article], dict[str, str]]:
    """The articles (text, date, outlet as a linker gets them) and article id → collection."""
    articles: list[Article] = []
    collection: dict[str, str] = {}
    for topic, folder in t17_folders(need(EVAL / "timeline17", "Timeline17")):
        for n, rec in enumerate(t17_records(folder)):
            aid = f"{folder.name}/{n}"
            text = rec["maintext"].strip()
            if text:
                day = rec["date_publish"][:10]
                articles.append(
                    Article(aid, Source(), "", text=text, published=day, published_basis="stated",
                            outlet=folder.name, language="en")
                )  # fmt: skip
                collection[aid] = topic
    for doc_id, text, topic in _ecb():
        aid = f"ecb/{doc_id}"
        articles.append(Article(aid, Source(), "", text=text, language="en"))
        collection[aid] = topic
    return articles, collection


def _ecb() -> list[tuple[str, str, str]]:
    """(document id, text, collection "ecbN") of ECB+ topics 1–35."""
    from ecbplus import load

    docs, _subtopic, topic_of = load(need(EVAL / "ecbplus" / "ECB+", "ECB+"))
    return [(d.id, d.text, f"ecb{topic_of[d.id]}") for d in docs]


def described(folder: Path) -> tuple[list[Article], dict[str, str]]:
    """The same inputs as stored by ``storyline ingest --until describe`` into ``folder``
    (run once, kept), and article id → collection."""
    from storyline.store import Store

    db = folder / "corpus.db"
    if not db.exists():
        folder.mkdir(parents=True, exist_ok=True)
        origin = {}
        for topic, sub in t17_folders(need(EVAL / "timeline17", "Timeline17")):
            out = folder / f"t17-{sub.name}.jsonl"
            out.write_text("".join(json.dumps(r) + "\n" for r in t17_records(sub)), encoding="utf-8")
            origin[out.name] = topic
        (folder / "ecb").mkdir(exist_ok=True)
        for doc_id, text, topic in _ecb():
            (folder / "ecb" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            origin[f"{doc_id}.txt"] = topic
        (folder / "origin.json").write_text(json.dumps(origin), encoding="utf-8")
        inputs = [*sorted(p.name for p in folder.glob("t17-*.jsonl")), "ecb"]
        command = ["storyline", "ingest", *inputs, "--db", "corpus.db", "--until", "describe"]
        # it exits 1 for the inputs it rejects (a few empty records, one short ECB+ text)
        subprocess.run([*command, "--workers", "1", "--quiet"], cwd=folder, check=False)
    origin = json.loads((folder / "origin.json").read_text(encoding="utf-8"))
    with Store(db) as store:
        articles = list(store.articles.each())
    return articles, {a.id: origin[Path(a.source.path or "").name] for a in articles}


def events_of(articles: list[Article]) -> tuple[list[Event], dict[str, Article], Any, dict[str, int]]:
    """The events of a full link (copies take their original's event), with the story
    vectors and their rows, as ``link/full.py`` hands them to ``StoryBuilder``."""
    by_id = {a.id: a for a in articles}
    original = {d.article_id: d.duplicate_of for d in find_duplicates(articles)}
    docs = [event_doc(a) for a in articles if a.id not in original]
    parts, _ = text_blocks(docs)
    clusterer = EventClusterer()
    assign = clusterer.cluster(docs, {}, clusterer.model.rows(parts), recluster=True).assign
    for copy, source in original.items():
        if source in assign:
            assign[copy] = assign[source]
    events = summarise_events(assign, by_id)
    return events, by_id, story_rows(parts), {d.id: k for k, d in enumerate(docs)}


class Gold:
    """Each event's collection (the one most of its articles come from) and, for Timeline17
    events, the events of its topic within ``WINDOW`` days (itself included)."""

    def __init__(self, events: list[Event], collection: dict[str, str]) -> None:
        self.collection = collection
        self.label: dict[str, str] = {}
        self.mixed = 0  # events with articles of more than one collection
        for e in events:
            found = Counter(collection[a] for a in e.article_ids)
            self.label[e.id] = found.most_common(1)[0][0]
            self.mixed += len(found) > 1
        self.topics: dict[str, list[str]] = defaultdict(list)
        for e in events:
            self.topics[self.label[e.id]].append(e.id)
        day = {e.id: date.fromisoformat(e.date[:10]).toordinal() for e in events if e.date}
        self.near = {
            e: [f for f in self.topics[topic] if abs(day[f] - day[e]) <= WINDOW]
            for topic in T17_TOPICS
            for e in self.topics[topic]
        }


def score(stories: list[Story], gold: Gold) -> dict[str, Any]:
    """Per-topic BCubed precision, windowed recall and F1 of the events' stories; stories per
    topic; the distractors' precision; stories mixing collections (see the module docstring)."""
    story_of = {e: s.id for s in stories for e in s.event_ids}
    members: dict[str, list[str]] = defaultdict(list)
    for e, s in story_of.items():
        members[s].append(e)

    def precision(e: str) -> float:
        mine = members[story_of[e]]
        return sum(gold.label[f] == gold.label[e] for f in mine) / len(mine)

    topics: dict[str, dict[str, float]] = {}
    for topic in T17_TOPICS:
        ids = gold.topics[topic]
        p = sum(precision(e) for e in ids) / len(ids)
        shares = [sum(story_of[f] == story_of[e] for f in gold.near[e]) / len(gold.near[e]) for e in ids]
        r = sum(shares) / len(ids)
        held = Counter(story_of[e] for e in ids)
        topics[topic] = {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4),
            "events": len(ids),
            "stories": len(held),
            "largest_story_share": round(held.most_common(1)[0][1] / len(ids), 4),
        }
    distractors = {t: [precision(e) for e in ids] for t, ids in gold.topics.items() if t.startswith("ecb")}
    mixing = [found for s in stories if len(found := {gold.collection[a] for a in s.article_ids}) > 1]
    return {
        "stories": len(stories),
        "topics": topics,
        "mean_f1": round(sum(t["f1"] for t in topics.values()) / len(topics), 4),
        "ecb_precision": distractor_precision(distractors),
        "stories_mixing_collections": len(mixing),
        "of_which_with_ecb": sum(any(c.startswith("ecb") for c in found) for found in mixing),
        "_distractors": distractors,
    }


def distractor_precision(distractors: dict[str, list[float]], topics: Iterable[str] | None = None) -> float:
    """BCubed precision of the events of the ECB+ ``topics`` (all by default)."""
    values = [v for t in (distractors if topics is None else topics) for v in distractors[t]]
    return round(sum(values) / len(values), 4)


def choose(
    table: dict[float, dict[str, Any]], topics: list[str], allowed: Iterable[float] | None = None
) -> float | None:
    """The threshold for ``topics`` among ``allowed`` (all by default): the middle one (the
    higher of two) of those whose mean F1 over ``topics`` is within ``PLATEAU`` of the best."""
    grid = sorted(table if allowed is None else allowed)
    if not grid:
        return None
    mean = {t: sum(table[t]["topics"][k]["f1"] for k in topics) / len(topics) for t in grid}
    best = max(mean.values())
    good = [t for t in grid if mean[t] >= best - PLATEAU]
    return good[len(good) // 2]


def ecb_folds(table: dict[float, dict[str, Any]]) -> list[list[str]]:
    """The ECB+ topics in ``len(T17_TOPICS)`` folds (topic number modulo, as ``bench/ecbplus.py``)."""
    names = sorted(next(iter(table.values()))["_distractors"], key=lambda t: int(t[3:]))
    return [[t for n, t in enumerate(names) if n % len(T17_TOPICS) == k] for k in range(len(T17_TOPICS))]


def precise(table: dict[float, dict[str, Any]], topics: list[str], level: float) -> list[float]:
    """The thresholds whose distractors of ``topics`` keep a precision of at least ``level``."""
    return [t for t in table if distractor_precision(table[t]["_distractors"], topics) >= level]


def leave_one_out(table: dict[float, dict[str, Any]], level: float | None) -> dict[str, Any]:
    """Per held-out Timeline17 topic, the threshold chosen on the other four (and, with a
    precision ``level``, among those whose other ECB+ folds keep it), and the held-out scores."""
    ecb = ecb_folds(table)
    folds: dict[str, Any] = {}
    for k, held in enumerate(T17_TOPICS):
        rest = [t for j, fold in enumerate(ecb) if j != k for t in fold]
        allowed = None if level is None else precise(table, rest, level)
        chosen = choose(table, [t for t in T17_TOPICS if t != held], allowed)
        if chosen is None:
            folds[held] = {"chosen": None}
            continue
        folds[held] = {"chosen": chosen, **table[chosen]["topics"][held]}
        folds[held]["held_out_ecb_precision"] = distractor_precision(table[chosen]["_distractors"], ecb[k])
    everyone = None if level is None else precise(table, [t for fold in ecb for t in fold], level)
    return {
        "folds": folds,
        "held_out_mean_f1": round(sum(f.get("f1", 0.0) for f in folds.values()) / len(folds), 4),
        "chosen_on_all": choose(table, list(T17_TOPICS), everyone),
    }


def by_level(table: dict[float, dict[str, Any]]) -> dict[str, Any]:
    """The precision-first choice (per fold, and on all topics) at each of ``LEVELS``."""
    out = {}
    for level in LEVELS:
        got = leave_one_out(table, level)
        per_fold = {topic: f["chosen"] for topic, f in got["folds"].items()}
        out[str(level)] = {"per_fold": per_fold, "on_all": got["chosen_on_all"]}
    return out


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--thresholds", default=",".join(map(str, THRESHOLDS)))
    parser.add_argument("--described", type=Path, help="link what ingest --until describe stored here")
    args = parser.parse_args()
    grid = sorted({float(t) for t in args.thresholds.split(",")} | {THRESHOLD})
    t0 = time.perf_counter()
    articles, collection = described(args.described) if args.described else corpus()
    events, by_id, x, row_of = events_of(articles)
    gold = Gold(events, collection)
    took = time.perf_counter() - t0
    print(f"{len(articles)} articles, {len(events)} events ({took:.0f} s)", file=sys.stderr)
    table = {}
    for t in grid:
        stories, _log = StoryBuilder(t).build(events, by_id, {}, x, row_of)
        table[t] = row = score(stories, gold)
        mixing = row["stories_mixing_collections"]
        print(f"{t:.3f} mean F1 {row['mean_f1']:.4f} mixing {mixing}", file=sys.stderr)
    per_collection = Counter("ecb+" if c.startswith("ecb") else c for c in collection.values())
    save(
        "stories" + ("-described" if args.described else ""),
        {
            "articles": len(articles),
            "articles_per_collection": dict(per_collection),
            "events": len(events),
            "events_mixing_collections": gold.mixed,
            "window_days": WINDOW,
            "floor": FLOOR,  # story edges below this are not kept: lower thresholds are not average linkage
            "current_threshold": THRESHOLD,
            "plateau": PLATEAU,
            "leave_one_topic_out": {
                "f1": leave_one_out(table, None),
                f"precision_first_{MIN_PRECISION}": leave_one_out(table, MIN_PRECISION),
            },
            "precision_first_by_level": by_level(table),
            "by_threshold": {str(t): {k: v for k, v in r.items() if k[0] != "_"} for t, r in table.items()},
        },
    )


if __name__ == "__main__":
    main()
