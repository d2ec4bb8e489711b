"""Their words on NewsWCL50: the terms ``analysis.compare.words`` lists per outlet and event,
scored against the coded mentions (Hamborg et al. 2019; ../shared/eval/newswcl50, its README
says how it is laid out and scored), beside a baseline of plain word frequencies.

The 50 documents (10 events × 5 US outlets) are ingested as a user would (``documents.jsonl``,
each record with its outlet), read and linked; the terms are then listed per outlet for each
gold event (and again for each event linking found). Scored:
- precision: the share of listed terms that lie inside a coded mention, in that outlet's
  article, of a concept whose outlets' word sets differ (a term with several cited spans: at
  least half of them). Pronouns and concepts seen fewer than four times are never coded, so
  this is a lower bound;
- recall: the share of the coded differing (outlet, concept, word) items whose word is among
  the words of the terms listed for that event and outlet; also over the distinctive items
  (no other outlet uses the word for the concept) and without the country concepts (the
  codebook folds institutions into their country: "the White House" is `USA`);
- both macro-averaged over the 10 events;
- the baseline: for each event and outlet, as many words as we list there, the most frequent
  lemmas of the article (stop words, punctuation and tokens without a letter left out), each
  cited at every occurrence and scored the same way.
The z-score bound is chosen by leave-one-event-out: for each event, the bound of the grid
with the best F1 (of macro precision and recall) on the other nine is applied to it.
Written to bench/results/framing.json.
Usage: python bench/framing.py [--keep DIR]   # DIR: keep (or reuse) the ingested store
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, need, save

from storyline.analysis.compare.words import BOUND, KINDS, LIMIT, outlet_terms
from storyline.model import Article
from storyline.model.analyses import Term
from storyline.pipeline import PipelineOptions
from storyline.run.embedded import Ingest
from storyline.store import Store

DATA = EVAL / "newswcl50"
GRID = [round(0.25 * k, 2) for k in range(13)]  # z-score bounds tried: 0 to 3
ALL = 10**6  # the bench lists every term a bound keeps (a page shows the best ``LIMIT``)
Listed = dict[tuple[int, str], list[tuple[str, list[tuple[int, int]]]]]
"""(event, publisher) → listed words, each with its spans in the gold file's offsets."""


def ingest(folder: Path) -> Store:
    """The documents ingested (once: a kept store is reused) into ``folder``/corpus.db."""
    db = folder / "corpus.db"
    if not db.exists():
        Ingest(Store(db), PipelineOptions(workers=1)).run([str(DATA / "documents.jsonl")])
    return Store(db, readonly=True)


class Gold:
    """The coded mentions, the framing word sets, and where our articles sit in the files."""

    def __init__(self, articles: dict[str, Article]) -> None:
        gold = json.loads((DATA / "gold.json").read_text())
        self.framing: dict[str, dict[str, Any]] = gold["framing"]
        by_url = {d["url"]: key for key, d in gold["documents"].items()}
        self.key = {aid: by_url[a.source.url or ""] for aid, a in articles.items()}
        self.docs = gold["documents"]
        self.maps = {aid: _offsets(a.text, self.docs[self.key[aid]]) for aid, a in articles.items()}

    def event(self, aid: str) -> int:
        return int(self.docs[self.key[aid]]["event"])

    def publisher(self, aid: str) -> str:
        return str(self.docs[self.key[aid]]["publisher"])

    def spans(self, aid: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Our offsets into the article's clean text as offsets into its gold file."""
        where = self.maps[aid]
        return [(where[a], where[a] + b - a) for a, b in spans if a in where]

    def coded(self, key: str, countries: bool = True) -> list[tuple[int, int]]:
        """Spans of the coded mentions of concepts whose outlets' word sets differ."""
        doc = self.docs[key]
        concepts = self.framing[str(doc["event"])]
        out = []
        for m in doc["mentions"]:
            c = concepts.get(m["concept"])
            if m["code_type"] == "PROPERTY" or c is None or not _differs(c):
                continue
            if countries or c["code_type"] != "COUNTRY":
                out.append((m["start"], m["end"]))
        return out

    def items(self, event: int, kind: str = "differing", countries: bool = True) -> set[tuple[str, str, str]]:
        """The coded (publisher, concept, word) items of an event of ``kind``."""
        return {
            (p, concept, w)
            for concept, c in self.framing[str(event)].items()
            if countries or c["code_type"] != "COUNTRY"
            for p, side in c["outlets"].items()
            for w in side[kind]
        }


def _differs(concept: dict[str, Any]) -> bool:
    return any(side["differing"] for side in concept["outlets"].values())


def _offsets(text: str, doc: dict[str, Any]) -> dict[int, int]:
    """Each character of our clean text that is in the gold file → its offset there."""
    body = (DATA / doc["file"]).read_text()[doc["body_start"] :]
    if body.rstrip("\n") == text:
        return {i: doc["body_start"] + i for i in range(len(text))}
    out = {}
    matcher = difflib.SequenceMatcher(None, text, body, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        out.update({a + k: doc["body_start"] + b + k for k in range(size)})
    return out


def ours(
    store: Store, articles: dict[str, Article], gold: Gold, own: bool, kinds: tuple[str, ...] = KINDS
) -> dict[tuple[int, str], list[Term]]:
    """Every term (any z-score) per (gold event, publisher), best first: grouped by the gold
    events, or (``own``) by the events linking found."""
    if own:
        groups = [e.article_ids for e, _ in store.views.events()]
    else:
        by_event: dict[int, list[str]] = defaultdict(list)
        for aid in articles:
            by_event[gold.event(aid)].append(aid)
        groups = list(by_event.values())
    ids = [a for g in groups for a in g]
    copies = set(store.links.duplicates(ids))
    out: dict[tuple[int, str], list[Term]] = defaultdict(list)
    for group in groups:
        for terms in outlet_terms(group, articles, copies, bound=-1e9, limit=10**6, kinds=kinds).values():
            for t in terms:
                aid = t["citations"][0]["article_id"]
                out[(gold.event(aid), gold.publisher(aid))].append(t)
    return {k: sorted(v, key=lambda t: -t["score"]) for k, v in out.items()}


def listed(terms: dict[tuple[int, str], list[Term]], gold: Gold, bound: float, limit: int = LIMIT) -> Listed:
    """The terms a bound keeps (at most ``LIMIT`` per outlet and event), spans in file offsets."""
    out: Listed = {}
    for key, ts in terms.items():
        kept = [t for t in ts if t["score"] >= bound][:limit]
        out[key] = [(t["term"], gold.spans(t["citations"][0]["article_id"], _spans(t))) for t in kept]
    return out


def _spans(t: Term) -> list[tuple[int, int]]:
    return [(c["start"], c["end"]) for c in t["citations"]]


def baseline(articles: dict[str, Article], gold: Gold, sizes: dict[tuple[int, str], int]) -> Listed:
    """Per event and outlet, the ``sizes`` most frequent lemmas of the article (spans: every
    occurrence)."""
    from storyline.read.nlp import load_nlp

    nlp = load_nlp()
    out: Listed = {}
    for aid, art in articles.items():
        key = (gold.event(aid), gold.publisher(aid))
        where: dict[str, list[tuple[int, int]]] = defaultdict(list)
        with nlp.select_pipes(disable=["parser", "ner"]):
            doc = nlp(art.text)
        for tok in doc:
            if not tok.is_stop and not tok.is_punct and any(ch.isalpha() for ch in tok.text):
                where[tok.lemma_.lower()].append((tok.idx, tok.idx + len(tok)))
        top = sorted(where, key=lambda w: (-len(where[w]), w))[: sizes.get(key, 0)]
        out[key] = [(w, gold.spans(aid, where[w])) for w in top]
    return out


def score(lists: Listed, gold: Gold, events: list[int]) -> dict[str, Any]:
    """Macro precision and recalls over ``events`` (and micro precision)."""
    keys = {(gold.event(a), gold.publisher(a)): gold.key[a] for a in gold.key}
    per: dict[str, list[float]] = defaultdict(list)
    right = total = 0
    for e in events:
        hits = n = 0
        words: dict[str, set[str]] = {}
        for (event, pub), terms in lists.items():
            if event != e:
                continue
            coded = gold.coded(keys[(event, pub)])
            words[pub] = {w for w, _ in terms}
            for _, spans in terms:
                inside = sum(any(a < d and c < b for c, d in coded) for a, b in spans)
                hits += 2 * inside >= len(spans) > 0
                n += 1
        right, total = right + hits, total + n
        if n:
            per["precision"].append(hits / n)
        for name, kind, countries in (
            ("recall", "differing", True),
            ("recall_distinctive", "distinctive", True),
            ("recall_without_countries", "differing", False),
        ):
            items = gold.items(e, kind, countries)
            if items:
                per[name].append(sum(w in words.get(p, set()) for p, _, w in items) / len(items))
    out: dict[str, Any] = {k: round(sum(v) / len(v), 3) for k, v in per.items()}
    out.update(precision_micro=round(right / total, 3) if total else None, terms=total)
    return out


def f1(s: dict[str, Any]) -> float:
    p, r = s.get("precision", 0.0), s.get("recall", 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def leave_one_event_out(terms: dict[tuple[int, str], list[Term]], gold: Gold) -> dict[str, Any]:
    """Per held-out event, the bound best on the other nine and its scores there; overall, the
    held-out lists scored together."""
    events = sorted({e for e, _ in terms})
    lists = {b: listed(terms, gold, b, ALL) for b in GRID}
    folds, held = [], {}
    for e in events:
        rest = [x for x in events if x != e]
        bound = max(GRID, key=lambda b: (round(f1(score(lists[b], gold, rest)), 4), b))
        mine = {k: v for k, v in lists[bound].items() if k[0] == e}
        held.update(mine)
        folds.append({"event": e, "bound": bound, **score(mine, gold, [e])})
    return {"folds": folds, "held_out": score(held, gold, events), "lists": held}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, help="keep (or reuse) the ingested store in this folder")
    args = parser.parse_args()
    need(DATA / "documents.jsonl", "NewsWCL50")
    store = ingest(args.keep or Path(tempfile.mkdtemp(prefix="storyline-framing-")))
    articles = {a.id: a for a in store.links.inputs(full=True)}
    gold = Gold(articles)
    result: dict[str, Any] = {"articles": len(articles), "grid": GRID, "default_bound": BOUND}
    for grouping, own in (("gold_events", False), ("our_events", True)):
        names = ours(store, articles, gold, own, ("names",))
        loeo = leave_one_event_out(names, gold)
        sizes = {k: len(v) for k, v in loeo.pop("lists").items()}
        every = ours(store, articles, gold, own)
        every_lists = listed(every, gold, BOUND, ALL)
        every_sizes = {k: len(v) for k, v in every_lists.items()}
        events = sorted({e for e, _ in names})
        result[grouping] = {
            "names": {**loeo, "baseline": score(baseline(articles, gold, sizes), gold, events)},
            "all_kinds": {
                "at_default_bound": score(every_lists, gold, events),
                "at_1.96": score(listed(every, gold, 1.96, ALL), gold, events),
                "baseline": score(baseline(articles, gold, every_sizes), gold, events),
            },
            "by_kind": {
                kind: score(listed(ours(store, articles, gold, own, (kind,)), gold, BOUND, ALL), gold, events)
                for kind in KINDS
            },
        }
    result["examples"] = examples(ours(store, articles, gold, False), gold)
    save("framing", result)


def examples(terms: dict[tuple[int, str], list[Term]], gold: Gold, per: int = 3) -> dict[str, Any]:
    """A few listed terms per event and outlet with the others' words, for reading."""
    out: dict[str, Any] = {}
    for (e, pub), ts in sorted(terms.items()):
        kept = [t for t in ts if t["score"] >= BOUND][:per]
        out[f"{e}_{pub}"] = [
            {"term": t["term"], "z": t["score"], "others": t.get("others", {})} for t in kept
        ]
    return out


if __name__ == "__main__":
    main()
