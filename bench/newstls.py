"""news-tls (Ghalandari & Ifrim 2020) on Timeline17 (topics present here), beside bench/timeline17.py.

Runs a news-tls checkout's own code with bench/timeline17.py's input and protocol: per gold
timeline, the folder's InputDocs (tokenised, a sentence a line) published in the gold's date
span; the gold's number of dates and rounded average sentences per date; the keyword lists of
../shared/eval/README.md. As news-tls's preprocessing does, HeidelTime (the jar and Stanford tagger
in the tilse package) tags each article against its publication date (slow: cached beside the
checkout); as in news-tls, articles it fails on or whose TimeML does not parse are dropped, but a
bare "&" is escaped first (--strict: not, as news-tls). No spaCy model: Datewise and Clust read
only sentence text and dates. Datewise as in the paper (t17 regression date ranker, leave-one-
topic-out; PM-Mean sentences; CentroidOpt); --method clust for Clust.
Scores: tilse's align_date_content_costs_many_to_one ROUGE-1/2 F ("reimpl", on timeline17.py's
tokenisation) and date F1, averaged over timelines. Held-back topics are not read.
Setup (a venv of news-tls's dependencies, not the project's):
  git --git-dir=<bare clone of complementizer/news-tls> archive HEAD | tar -x -C /work/scratch/news-tls
  python3 -m venv /work/newstls-venv && /work/newstls-venv/bin/pip install tilse pyrouge numpy \
    scipy scikit-learn pandas arrow spacy matplotlib networkx markov-clustering==0.0.6.dev0
Usage: nice /work/newstls-venv/bin/python bench/newstls.py [--newstls PATH] [--method clust] [--strict]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, T17_KEYWORDS, need, save, tokens

KEYWORDS = T17_KEYWORDS
MODEL_KEY = {"bpoil": "bpoil", "EgyptianProtest": "egypt", "Finan": "finan", "H1N1": "h1n1", "haiti": "haiti"}
ANCHORS = {  # the paper's means over all T17 topics (original ROUGE)
    "datewise": {"AR1-F": 0.120, "AR2-F": 0.035, "Date-F1": 0.544},
    "clust": {"AR1-F": 0.082, "AR2-F": 0.020, "Date-F1": 0.407},
}
HEIDELTIME_FIXES = [("T24", "T12"), (")TMO", "TMO"), (")TAF", "TAF"), (")TEV", "TEV"), (")TNI", "TNI")]


class _Linear:
    """Stands in for the pickled scikit-learn 0.19 LinearRegression: same prediction."""

    coef_: Any
    intercept_: Any

    def predict(self, x: Any) -> Any:
        return x @ self.coef_ + self.intercept_


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module.startswith("sklearn.linear_model") and name == "LinearRegression":
            return _Linear
        return super().find_class(module, name)


def heideltime(cache: Path, folder: Path, first: str, last: str) -> Path:
    """Write the in-span articles under cache/<folder>/<date>/ and tag those not tagged yet."""
    out = cache / folder.name
    for path in sorted((folder / "InputDocs").glob("*/*")):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        if first <= path.parent.name <= last and text:
            target = out / path.parent.name / f"{path.name.split('.')[0]}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                target.write_text(text, encoding="utf-8")
    done = out / "heideltime.done"  # then a .txt without .timeml is one HeidelTime failed on
    if not done.exists():
        import tilse

        print(f"HeidelTime on {out} (slow) ...", file=sys.stderr)
        home = Path(tilse.__file__).parent / "tools" / "heideltime"
        cmd = ["java", "-XX:ActiveProcessorCount=1", "-jar", "apply-heideltime.jar", "config.props"]
        subprocess.run([*cmd, str(out.resolve()), "txt"], cwd=home, check=True, capture_output=True)
        done.touch()
    return out


def article(path: Path, value: Any, strict: bool) -> dict[str, Any] | None:
    """news-tls's preprocessed article dict, from HeidelTime's TimeML with one sentence a line."""
    raw = path.read_text(encoding="utf-8")
    for old, new in HEIDELTIME_FIXES:  # as news-tls's preprocess_spacy.parse_timeml_doc
        raw = raw.replace(old, new)
    if not strict:  # HeidelTime leaves "&" unescaped: news-tls then loses 12% of the articles
        raw = re.sub(r"&(?![A-Za-z]+;|#\d+;)", "&amp;", raw)
    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError:
        return None  # news-tls drops these too
    lines: list[list[tuple[str, Any, Any]]] = [[]]

    def add(text: str | None, tv: tuple[Any, Any]) -> None:
        for i, line in enumerate((text or "").split("\n")):
            if i:
                lines.append([])
            lines[-1].extend((tok, *tv) for tok in line.split())

    add(root.text, (None, None))
    for tag in root:
        if tag.text is not None:
            add(tag.text, value(tag)[0])
            add(tag.tail, (None, None))
    keys = ["dep", "head", "lemma", "ner_iob", "ner_type", "pos", "raw", "time", "time_format"]
    pub = path.parent.name
    sentences = []
    for toks in filter(None, lines):  # only raw text and time tags: Datewise reads no more
        rows = [["", 0, w, "", "", "", w, t.isoformat() if t else None, f] for w, t, f in toks]
        raw = " ".join(t[0] for t in toks)
        sentences.append({"raw": raw, "pub_time": pub, "tokens": {"keys": keys, "data": rows}})
    text = "\n".join(s["raw"] for s in sentences)
    return {
        "id": path.name.split(".")[0],
        "time": pub,
        "title": None,
        "text": text,
        "sentences": sentences,
        "title_sentence": None,
    }


class Collection:
    """What news-tls's methods read of an ArticleCollection."""

    def __init__(self, name: str, keywords: list[str], articles: list[Any]) -> None:
        self.name, self.keywords, self._articles = name, keywords, articles
        self.start: dt.datetime | None = None
        self.end: dt.datetime | None = None

    def articles(self) -> list[Any]:
        return self._articles


def system(method: str, checkout: Path) -> Any:
    import numpy as np
    from news_tls import clust, datewise, summarizers
    from sklearn.preprocessing import normalize

    # scikit-learn >= 1.2 refuses the np.matrix that news-tls's CentroidOpt passes (a sparse sum)
    def dense_normalize(x: Any, **kw: Any) -> Any:
        return normalize(np.asarray(x) if isinstance(x, np.matrix) else x, **kw)

    summarizers.normalize = dense_normalize

    if method == "clust":
        return clust.ClusteringTimelineGenerator(
            cluster_ranker=clust.ClusterDateMentionCountRanker(),
            clusterer=clust.TemporalMarkovClusterer(),
            summarizer=summarizers.CentroidOpt(),
            clip_sents=5,
            unique_dates=True,
        )
    with open(checkout / "resources/datewise/supervised_date_ranker.t17.pkl", "rb") as f:
        key_to_model = _Unpickler(f).load()
    return datewise.DatewiseTimelineGenerator(
        date_ranker=datewise.SupervisedDateRanker(method="regression"),
        summarizer=summarizers.CentroidOpt(),
        sent_collector=datewise.PM_Mean_SentenceCollector(clip_sents=5, pub_end=2),
        key_to_model=key_to_model,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--newstls", type=Path, default=Path("/work/scratch/news-tls"))
    parser.add_argument("--method", choices=["datewise", "clust"], default="datewise")
    parser.add_argument("--cache", type=Path, help="HeidelTime output (default: NEWSTLS/t17-heideltime)")
    parser.add_argument("--strict", action="store_true", help="drop articles with a bare & as news-tls does")
    parser.add_argument("--limit", type=int, default=0, help="only the first N timelines")
    args = parser.parse_args()
    root = need(EVAL / "timeline17", "Timeline17")
    checkout = args.newstls
    if not (checkout / "news_tls" / "datewise.py").exists():
        sys.exit(f"no news-tls checkout at {checkout} (github complementizer/news-tls): pass --newstls PATH")
    if not shutil.which("java"):
        sys.exit("java not found: news-tls's HeidelTime step needs a Java runtime")
    sys.path[:0] = [str(checkout), str(checkout / "preprocessing")]
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    try:
        from news_tls import data
        from preprocess_spacy import extract_time_tag_value
        from tilse.data.timelines import GroundTruth, Timeline
        from tilse.evaluation import rouge
    except ImportError as e:
        sys.exit(f"{e}: run with a venv holding news-tls's dependencies (see this file's docstring)")
    cache = args.cache or checkout / "t17-heideltime"
    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation="reimpl")
    tls = system(args.method, checkout)
    folders = sorted(p for p in root.iterdir() if (p / "timelines.jsonl").exists())
    results: dict[str, dict[str, Any]] = {}
    t0 = time.perf_counter()
    for folder in folders[: args.limit or None]:
        topic = folder.name.split("_")[0]
        line = (folder / "timelines.jsonl").read_text(encoding="utf-8").splitlines()[0]
        gold = {dt.date.fromisoformat(d): [tokens(s) for s in ss] for d, ss in json.loads(line)}
        first, last = min(gold), max(gold)
        tagged = heideltime(cache, folder, first.isoformat(), last.isoformat())
        texts = sorted(tagged.glob("*/*.txt"))
        dicts = [article(p, extract_time_tag_value, args.strict) for p in sorted(tagged.glob("*/*.timeml"))]
        articles = [data.load_article(a) for a in dicts if a]  # by date, as news-tls reads them
        collection = Collection(folder.name, KEYWORDS[topic], articles)
        collection.start = dt.datetime.combine(first, dt.time())
        collection.end = dt.datetime.combine(last, dt.time())
        tls.load(ignored_topics=[MODEL_KEY[topic]])
        per_date = max(1, round(sum(len(s) for s in gold.values()) / len(gold)))
        with contextlib.redirect_stdout(sys.stderr):  # news-tls's progress prints
            out = tls.predict(collection, max_dates=len(gold), max_summary_sents=per_date)
        predicted = {d: [tokens(s) for s in ss] for d, ss in out.date_to_summaries.items()}
        pred, truth = Timeline(predicted), GroundTruth([Timeline(gold)])
        scores = evaluator.evaluate_align_date_content_costs_many_to_one(pred, truth)
        shared = set(predicted) & set(gold)
        p, r = len(shared) / max(len(predicted), 1), len(shared) / len(gold)
        results[folder.name] = {
            "articles": len(articles), "dropped": len(texts) - len(articles), "dates": len(gold),
            "per_date": per_date, "AR1-F": round(scores["rouge_1"]["f_score"], 4),
            "AR2-F": round(scores["rouge_2"]["f_score"], 4),
            "Date-F1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
        }  # fmt: skip
    metrics = ["AR1-F", "AR2-F", "Date-F1"]
    mean = {k: round(sum(v[k] for v in results.values()) / len(results), 4) for k in metrics}
    print(f"\n{'news-tls ' + args.method:<24}" + "".join(f"{k:>9}" for k in metrics))
    for name, row in [*results.items(), ("mean", mean)]:
        print(f"{name:<24}" + "".join(f"{row[k]:>9.4f}" for k in metrics))
    print()
    stem = "newstls" + ("" if args.method == "datewise" else f"-{args.method}")
    save(
        stem + "-strict" * args.strict,
        {
            "method": args.method,
            "strict": args.strict,
            "timelines": len(results),
            "mean": mean,
            "anchor_paper": ANCHORS[args.method],
            "seconds": round(time.perf_counter() - t0, 1),
            "per_timeline": results,
        },
    )


if __name__ == "__main__":
    main()
