"""Sentence alignment across reports of one event, on ECB+ topics 1–35: precision, recall and F1
of sentence pairs, the old rule (TF-IDF cosine ≥ 0.5, ``analysis/summaries.py``) beside the
aligner (``analysis/compare/align.py``).

Gold: two annotated sentences (``ECBplus_coreference_sentences.csv``) of different documents
of one subtopic are "the same thing" when they hold coreferent event mentions (a cross-document
chain of actions, ``CROSS_DOC_COREF`` whose instance is an ``ACT`` or ``NEG``). Every pair of
annotated sentences of different documents of a subtopic is scored; a pair the aligner never
weighs (nothing shared) counts as not aligned. The documents go through ``storyline ingest``
(reading, entity linking) into a store (``--store DB``: a kept one; ``--keep DIR``: keep the
new one), and each ECB+ sentence is found in its article's clean text. The held-back topics
36–45 are not read.

The aligner's weights and bound are chosen by leave-one-topic-out cross-validation: for each
topic, a logistic model fitted on the pairs of the other 34 topics, its bound the one with the
best F1 there, is scored on the held-out topic; the folds' counts are summed. ``--train`` fits
the shipped model on all 35 topics and prints ``MODEL`` for ``align.py``.
Usage: python bench/alignment.py [--store DB | --keep DIR] [--train] [--stem N]
"""

from __future__ import annotations

import argparse
import csv
import pickle
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, need, save
from ecbplus import load

from storyline import lang
from storyline.analysis.compare import align as aligner
from storyline.model import Article
from storyline.store import Store

_TOKEN = re.compile(r'<token t_id="(\d+)" sentence="(\d+)"[^>]*>([^<]*)</token>')
_MARKABLE = re.compile(r'<(\w+) m_id="(\d+)"\s*>\s*<token_anchor t_id="(\d+)"')
_CHAIN = re.compile(r'<CROSS_DOC_COREF r_id="\d+" note="((?:ACT|NEG)[^"]*)"\s*>(.*?)</CROSS_DOC_COREF>', re.S)
_SOURCE = re.compile(r'<source m_id="(\d+)"')
OLD_SAME = 0.5


def gold(root: Path) -> tuple[dict[str, dict[int, str]], dict[str, dict[int, set[str]]]]:
    """Per document: each sentence's text (tokens joined by spaces) and the event chains its
    mentions belong to, for the annotated sentences of topics 1–35."""
    chosen: dict[str, set[int]] = defaultdict(set)
    with (root.parent / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if 1 <= int(row["Topic"]) <= 35:
                chosen[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    texts: dict[str, dict[int, str]] = {}
    chains: dict[str, dict[int, set[str]]] = {}
    for doc, wanted in chosen.items():
        path = root / doc.split("_")[0] / f"{doc}.xml"
        if not path.exists():
            continue
        raw = path.read_text(encoding="utf-8")
        sentence_of, words = {}, defaultdict(list)
        for t, s, w in _TOKEN.findall(raw):
            sentence_of[t] = int(s)
            words[int(s)].append(w)
        at = {m: sentence_of[t] for _, m, t in _MARKABLE.findall(raw) if t in sentence_of}
        found: dict[int, set[str]] = {s: set() for s in wanted}
        for note, body in _CHAIN.findall(raw):
            for m in _SOURCE.findall(body):
                if at.get(m) in found:
                    found[at[m]].add(note)
        texts[doc] = {s: " ".join(w) for s, w in words.items()}
        chains[doc] = found
    return texts, chains


def ingest(folder_docs: dict[str, str], home: Path) -> Path:
    """The documents ingested as text files into ``home/ecb.db``."""
    from storyline.pipeline import PipelineOptions
    from storyline.run.embedded import Ingest

    folder = home / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    for doc, text in folder_docs.items():
        (folder / f"{doc}.txt").write_text(text, encoding="utf-8")
    with Store(home / "ecb.db") as store:
        Ingest(store, PipelineOptions(workers=1)).run([str(folder)])
    return home / "ecb.db"


def stored(db: Path) -> dict[str, Article]:
    """The stored articles with their corpus entity ids, by ECB+ document id."""
    with Store(db) as store:
        ids = {a.id: Path(a.source.path or "").stem for a in store.articles.each()}
        return {ids[a.id]: a for a in store.links.inputs(list(ids), full=True)}


def subtopic_units(
    docs: list[str], texts: dict[str, dict[int, str]], articles: dict[str, Article]
) -> tuple[list[aligner.Unit], list[tuple[str, int]], int]:
    """Every ECB+ sentence of the documents found in its article's text, as units (each
    document its own source); their (document, sentence) keys; sentences not found."""
    units, keys, lost = [], [], 0
    for doc in docs:
        art = articles.get(doc)
        if art is None:
            lost += len(texts[doc])
            continue
        cursor = 0
        for s, text in sorted(texts[doc].items()):
            at = art.text.find(text, cursor)
            if at < 0:
                lost += 1
                continue
            cursor = at + len(text)
            units.append(aligner.Unit(art.id, doc, None, at, at + len(text), text))
            keys.append((doc, s))
    return units, keys, lost


def old_rule(units: list[aligner.Unit], languages: set[str | None]) -> np.ndarray:
    """The old rule's cosine matrix: TF-IDF over the subtopic's sentences, as ``SentenceTable``."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words=lang.stop_words(languages), sublinear_tf=True).fit_transform(
        [u.text for u in units]
    )
    return (matrix @ matrix.T).toarray()


def pairs(root: Path, db: Path, scope: str) -> tuple[dict[str, dict], dict]:
    """Per topic: the candidate pairs' features and gold labels, the old rule's counts and the
    gold pairs no candidate holds. ``scope``: "subtopic" pairs sentences of one subtopic (one
    event's reports); "topic" pairs those of both subtopics of a topic (two similar events: a
    pair across them is never the same thing), each group weighed as one event."""
    texts, chains = gold(root)
    articles = stored(db)
    by_id = {a.id: a for a in articles.values()}
    docs, subtopic, _ = load(root)
    by_sub: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        if d.id in texts:
            by_sub[subtopic[d.id] if scope == "subtopic" else subtopic[d.id].rstrip("+")].append(d.id)
    topics: dict[str, dict] = {}
    lost = 0
    for sub, members in sorted(by_sub.items()):
        units, keys, gone = subtopic_units(members, texts, articles)
        lost += gone
        if len(units) < 2:
            continue
        t = topics.setdefault(sub.rstrip("+"), {"x": [], "y": [], "missed": 0, "old": [0, 0, 0], "pairs": 0})
        chosen = [k for k, (doc, s) in enumerate(keys) if s in chains[doc]]
        label = {}
        for a in chosen:
            for b in chosen:
                (da, sa), (db, sb) = keys[a], keys[b]
                if a < b and da != db:
                    label[(a, b)] = subtopic[da] == subtopic[db] and bool(chains[da][sa] & chains[db][sb])
        t["pairs"] += len(label)
        cos = old_rule(units, {articles[m].language for m in members if m in articles})
        for (a, b), same in label.items():
            said = cos[a, b] >= OLD_SAME
            t["old"][0 if said and same else 1 if said else 2] += int(said or same)
        feats = aligner.PairFeatures(units, aligner.evidence(units, by_id))
        seen = set()
        for lo in range(0, len(units), aligner.ROWS):
            i, j, x = feats.block(lo, min(lo + aligner.ROWS, len(units)))
            for a, b, row in zip(i.tolist(), j.tolist(), x, strict=True):
                if (a, b) in label:
                    seen.add((a, b))
                    t["x"].append(row)
                    t["y"].append(label[(a, b)])
        t["missed"] += sum(1 for k, same in label.items() if same and k not in seen)
    return topics, {"sentences_not_found": lost, "documents": len(articles)}


def counts(p: np.ndarray, y: np.ndarray, missed: int, bound: float) -> tuple[int, int, int]:
    said = p >= bound
    return int((said & y).sum()), int((said & ~y).sum()), int((~said & y).sum()) + missed


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def fit(topics: dict[str, dict], names: list[str]) -> aligner.Model:
    """A logistic model on the pairs of ``names``, its bound the one with the best F1 there."""
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([np.asarray(topics[t]["x"]) for t in names if topics[t]["x"]])
    y = np.concatenate([np.asarray(topics[t]["y"], dtype=bool) for t in names if topics[t]["y"]])
    missed = sum(topics[t]["missed"] for t in names)
    clf = LogisticRegression(C=1.0, max_iter=1000).fit(x, y)
    weights = tuple(round(float(w), 4) for w in clf.coef_[0])
    model = aligner.Model(weights=weights, bias=round(float(clf.intercept_[0]), 4), bound=0.5)
    p = aligner.probability(x, model)
    bounds = [round(b, 2) for b in np.arange(0.1, 0.91, 0.05)]
    best = max(bounds, key=lambda b: prf(*counts(p, y, missed, b))["f1"])
    return aligner.Model(weights=model.weights, bias=model.bias, bound=best)


def cross_validate(topics: dict[str, dict]) -> dict:
    names = sorted(topics, key=int)
    total, old, folds = [0, 0, 0], [0, 0, 0], []
    for t in names:
        model = fit(topics, [n for n in names if n != t])
        x, y = (
            np.asarray(topics[t]["x"]).reshape(-1, len(aligner.FEATURES)),
            np.asarray(topics[t]["y"], dtype=bool),
        )
        got = counts(aligner.probability(x, model), y, topics[t]["missed"], model.bound)
        total = [a + b for a, b in zip(total, got, strict=True)]
        old = [a + b for a, b in zip(old, topics[t]["old"], strict=True)]
        folds.append({"topic": t, "pairs": topics[t]["pairs"], "bound": model.bound,
                      "aligner": prf(*got), "old_rule": prf(*topics[t]["old"])})  # fmt: skip
    return {"aligner": prf(*total), "old_rule": prf(*old), "counts": {"aligner": total, "old_rule": old},
            "folds": folds}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, help="a kept store of the ECB+ documents")
    parser.add_argument("--keep", type=Path, help="keep the new store in this directory")
    parser.add_argument("--train", action="store_true", help="fit the shipped model on topics 1-35")
    parser.add_argument("--scope", choices=("subtopic", "topic"), default="subtopic",
                        help="pair sentences of one subtopic, or of both subtopics of a topic")  # fmt: skip
    parser.add_argument("--pairs", type=Path, help="cache of the pairs' features (a pickle)")
    parser.add_argument("--stem", type=int, default=aligner.STEM, help="letters a content word is cut to")
    args = parser.parse_args()
    aligner.STEM = args.stem
    root = need(EVAL / "ecbplus" / "ECB+", "ECB+")
    t0 = time.perf_counter()
    if args.pairs and args.pairs.exists():
        topics, info = pickle.loads(args.pairs.read_bytes())
    else:
        with tempfile.TemporaryDirectory() as tmp:
            db = args.store or ingest({d.id: d.text for d in load(root)[0]}, args.keep or Path(tmp))
            topics, info = pairs(root, db, args.scope)
        if args.pairs:
            args.pairs.write_bytes(pickle.dumps((topics, info)))
    if args.train:
        model = fit(topics, list(topics))
        print(f"MODEL = {model}  # features {aligner.FEATURES}")
        return
    result = cross_validate(topics)
    info = {**info, "features": list(aligner.FEATURES), "stem": args.stem, "scope": args.scope}
    save(
        f"alignment-{args.scope}-stem{args.stem}",
        {**info, **result, "seconds": round(time.perf_counter() - t0, 1)},
    )


if __name__ == "__main__":
    main()
