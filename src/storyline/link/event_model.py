"""The learned same-event decision: how likely two articles report one development.

Each article is cut into text blocks — all its words, the names it writes (capitalised words
inside sentences), its numbers, its headline, its lead (first four sentences) and the names
and numbers of headline and lead — each an L2-normalised TF-IDF row, so a block's dot product
is a cosine. A logistic model over those cosines plus "both name a year and share one" /
"both name years, none in common" and the best match of their statements (a statement
quoted by one report and paraphrased by another: ``statement_match``) gives the probability
that the pair is one event. Its
weights are learned from ECB+ topics 1–35 (CC BY 3.0; ``bench/ecbplus.py --train``,
cross-validated by topic in ``bench/ecbplus.py --cv``) and ship in ``event_model.json``.

Every block weight is positive, so the weighted sum of cosines is one sparse dot product of
rows scaled by the square roots of the weights: the candidate pairs still come from a single
matrix product. ECB+ carries no publication dates, so the date prior (a boost within two days,
a decay beyond) is applied to the probability afterwards, as before (``events.decay_factor``).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from storyline import lang
from storyline.model import TermFrequencies
from storyline.sentences import spans
from storyline.years import YEAR

NEAR_BOOST = 1.2
"""How much likelier two articles dated within two days of each other are to report one
development: their same-event probability is multiplied by this (``events.decay_factor``)."""

BLOCKS = ("words", "names", "numbers", "headline", "lead", "lead_marks")
_TOKEN = re.compile(r"[\w'’.-]+|[^\w\s]")
_NUMBER = re.compile(r"\d[\d,.]*")
_ENDS = frozenset({".", '"', "“", "!", "?"})  # a capitalised word after these starts a sentence
_QUOTE_MARK = re.compile("[\"“”«»]|``|''")  # a quotation's marks, ECB+'s tokenised ones too
LEAD_SENTENCES = 4
MODEL_FILE = Path(__file__).with_name("event_model.json")


class Doc(Protocol):
    """What the model reads of an article (``events.EventDoc`` is one)."""

    text: str
    headline: str | None
    readable: bool
    language: str | None


def signature(text: str) -> list[str]:
    """What tells one event from a similar one: capitalised words inside sentences (names),
    numbers (``N`` + digits) and years (``Y`` + year)."""
    out: list[str] = []
    append = out.append
    for line in text.split("\n"):
        tokens = _TOKEN.findall(line)
        for i, w in enumerate(tokens):
            first = w[0]
            if first.isdigit():
                if YEAR.fullmatch(w):
                    append("Y" + w)
                elif _NUMBER.fullmatch(w):
                    append("N" + w.replace(",", "").rstrip("."))
            elif first.isupper() and len(w) > 1 and i > 0 and tokens[i - 1] not in _ENDS:
                append(w.lower().rstrip("."))
    return out


def _is_number(mark: str) -> bool:
    return mark[0] in "NY" and mark[1:2].isdigit()


def headline_of(doc: Doc) -> str:
    """The article's headline, else its first line (a text file's title)."""
    return doc.headline or doc.text.split("\n", 1)[0]


def lead_of(doc: Doc) -> str:
    """The headline and first sentences: where a news article says what happened."""
    body = doc.text.split("\n", 1)[1] if doc.headline is None and "\n" in doc.text else doc.text
    first = [body[a:b] for a, b in spans(body, doc.language)[:LEAD_SENTENCES]]
    return "\n".join([headline_of(doc), " ".join(first)])


Said = tuple[dict[str, tuple[int, ...]], tuple[int, ...]]
"""An article's statements as ``statements`` gives them: word pair → the statements holding
it, and each statement's number of word pairs."""

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
MIN_PAIRS = 3  # word pairs two statements must share to be one statement in two wordings


def statements(doc: Doc) -> Said:
    """The sentences that quote or report someone's words (a quotation mark, or a word that
    introduces speech: "said", "told"), each as its pairs of adjacent words once stop words
    are out: word pair → the statements holding it, and each statement's number of pairs. One
    statement reported by two outlets — one quoting it, one paraphrasing it ("the port will
    reopen before the winter storms arrive") — keeps most of its pairs."""
    if not doc.readable:
        return {}, ()
    language = lang.get(doc.language)
    said = set(language.speech.introducers)
    stop = language.stop_words()
    index: dict[str, list[int]] = {}
    sizes: list[int] = []
    for a, b in spans(doc.text, doc.language):
        sentence = doc.text[a:b]
        words = [w.lower() for w in _WORD.findall(sentence)]
        if not (_QUOTE_MARK.search(sentence) or said.intersection(words)):
            continue
        content = [w for w in words if w not in stop and w not in said]
        pairs = {f"{u} {v}" for u, v in pairwise(content)}
        if len(pairs) < MIN_PAIRS:
            continue
        for pair in pairs:
            index.setdefault(pair, []).append(len(sizes))
        sizes.append(len(pairs))
    return {k: tuple(v) for k, v in index.items()}, tuple(sizes)


def statement_match(a: Said, b: Said) -> float:
    """How surely two articles carry one statement: the largest share of the smaller
    statement's word pairs that a statement of the other holds, over statement pairs sharing
    at least ``MIN_PAIRS`` (else 0)."""
    (ia, sa), (ib, sb) = a, b
    common = ia.keys() & ib.keys()
    if len(common) < MIN_PAIRS:
        return 0.0
    counts: Counter[tuple[int, int]] = Counter()
    for pair in common:
        for x in ia[pair]:
            for y in ib[pair]:
                counts[(x, y)] += 1
    best = 0.0
    for (x, y), n in counts.items():
        if n >= MIN_PAIRS:
            best = max(best, n / min(sa[x], sb[y]))
    return best


def blocks(docs: Sequence[Doc]) -> dict[str, Any]:
    """Each block as an L2-normalised TF-IDF matrix, one row per article, terms weighed by
    these articles alone (``text_blocks`` without stored frequencies)."""
    return text_blocks(docs)[0]


class Lookup(Protocol):
    """Stored document frequencies: block, terms → term → df (block "" term "": articles)."""

    def __call__(self, block: str, terms: list[str]) -> dict[str, int]: ...


def text_blocks(
    docs: Sequence[Doc], lookup: Lookup | None = None, new: Sequence[bool] | None = None
) -> tuple[dict[str, Any], TermFrequencies]:
    """Each block as an L2-normalised TF-IDF matrix (sublinear tf, smooth idf), one row per
    article; an article no reader read (another language) is a zero row everywhere: it never
    joins by vocabulary. Without ``lookup`` a term weighs by how many of ``docs`` hold it (a
    first or full run); with it, by how many of all articles linked so far hold it — the
    stored counts plus those of the rows ``new`` marks — so an incremental run over a pool of
    recent articles weighs terms as the whole corpus does. Also returns the frequencies of
    the rows counted here (all rows, or the new ones), for the store to keep.

    The words and the headline and lead leave out the stop words of every language the read
    articles are in (``lang.stop_words``: one vocabulary for all; English's, scikit-learn's,
    for every article today, as a language with no tables takes English's)."""
    from scipy.sparse import csr_matrix, diags
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    n = len(docs)
    fresh = np.ones(n, dtype=bool) if lookup is None or new is None else np.asarray(new, dtype=bool)
    counted = TermFrequencies(n=int(fresh.sum()))
    total = counted.n + (lookup("", [""]).get("", 0) if lookup is not None else 0)
    if not any(d.readable for d in docs):
        return {b: csr_matrix((n, 1), dtype=np.float32) for b in BLOCKS}, counted
    stop_words = lang.stop_words(d.language for d in docs if d.readable)
    marks = [signature(d.text) if d.readable else [] for d in docs]
    leads = [lead_of(d) if d.readable else "" for d in docs]
    columns = {
        "words": [" ".join([d.headline or "", d.text]) if d.readable else "" for d in docs],
        "names": [" ".join(m for m in ms if not _is_number(m)) for ms in marks],
        "numbers": [" ".join(m for m in ms if m[0] == "N" and m[1:2].isdigit()) for ms in marks],
        "headline": [headline_of(d) if d.readable else "" for d in docs],
        "lead": leads,
        "lead_marks": [" ".join(signature(lead)) for lead in leads],
    }
    out = {}
    for name in BLOCKS:
        column = columns[name]
        if not any(t.strip() for t in column):
            out[name] = csr_matrix((n, 1), dtype=np.float32)
            continue
        if name == "words":
            options: dict[str, Any] = {
                "stop_words": stop_words,
                "token_pattern": r"(?u)\b[A-Za-z_][\w-]{2,}\b",
            }
        elif name in ("headline", "lead"):
            options = {"stop_words": stop_words}
        else:
            options = {"token_pattern": r"\S+", "lowercase": False}
        vec = TfidfVectorizer(sublinear_tf=True, use_idf=False, norm=None, dtype=np.float32, **options)
        tf = vec.fit_transform(column).tocsr()
        terms = vec.get_feature_names_out().tolist()
        here = np.bincount(tf[fresh].indices, minlength=len(terms))
        df = here.astype(np.float64)
        if lookup is not None:
            stored = lookup(name, terms)
            df += np.array([stored.get(t, 0) for t in terms], dtype=np.float64)
        idf = np.log((1 + total) / (1 + df)) + 1  # scikit-learn's smooth idf
        out[name] = normalize(tf @ diags(idf.astype(np.float32))).astype(np.float32).tocsr()
        counted.df[name] = {t: int(c) for t, c in zip(terms, here.tolist(), strict=True) if c}
    return out, counted


def story_rows(parts: dict[str, Any]) -> Any:
    """The text similarity stories compare events by (``stories``): half all words, half the
    names, so related developments of one story meet even where the event model keeps them
    apart."""
    from scipy.sparse import hstack

    half = np.float32(math.sqrt(0.5))
    return hstack([parts["words"] * half, parts["names"] * half], format="csr")


def years(docs: Sequence[Doc]) -> Any:
    """A 0/1 matrix: which years (1800–2099) each article's text names."""
    from scipy.sparse import csr_matrix

    names = [sorted(set(YEAR.findall(d.text))) for d in docs]
    vocab = {y: k for k, y in enumerate(sorted({y for ys in names for y in ys}))}
    ind = [vocab[y] for ys in names for y in ys]
    ptr = np.cumsum([0] + [len(ys) for ys in names])
    return csr_matrix((np.ones(len(ind), dtype=np.float32), ind, ptr), shape=(len(docs), max(len(vocab), 1)))


@dataclass(frozen=True)
class EventModel:
    """A logistic model: log-odds = intercept + Σ weight·cosine + shared_year·[both name a
    year and share one] + year_conflict·[both name years, none in common] +
    shared_statement·(how surely both carry one statement, ``statement_match``)."""

    intercept: float
    weights: dict[str, float]
    shared_year: float
    year_conflict: float
    threshold: float = 0.5  # average probability at which two groups become one event
    trained_on: str = ""
    shared_statement: float = 0.0

    def rows(self, parts: dict[str, Any]) -> Any:
        """One sparse row per article whose dot products are the weighted sum of cosines."""
        from scipy.sparse import hstack

        return hstack(
            [parts[b] * np.float32(math.sqrt(self.weights.get(b, 0.0))) for b in BLOCKS], format="csr"
        )

    def probability(self, dot: Any, shared: Any, conflict: Any, statement: Any = 0.0) -> Any:
        """Same-event probability from the weighted dot product, the two year flags and the
        statement match."""
        z = self.intercept + dot + self.shared_year * shared + self.year_conflict * conflict
        return 1.0 / (1.0 + np.exp(-(z + self.shared_statement * statement)))

    def stated(self, said: Sequence[Said] | None, rows: Any, others: Any) -> Any:
        """The statement match (``statement_match``) of each pair of rows, 0 without ``said``
        or when the model does not weigh it."""
        if said is None or not self.shared_statement:
            return np.zeros(len(rows))
        pairs = zip(rows.tolist(), others.tolist(), strict=True)
        return np.array([statement_match(said[p], said[q]) for p, q in pairs], dtype=np.float64)

    def min_dot(self, floor: float) -> float:
        """The smallest weighted dot product that can reach probability ``floor`` (with the
        most the year flags, a shared statement and the date boost can add): pairs below it
        are never kept."""
        z = math.log(floor / NEAR_BOOST / (1 - floor / NEAR_BOOST))
        return z - self.intercept - max(self.shared_year, 0.0) - max(self.shared_statement, 0.0)

    def to_json(self) -> dict[str, Any]:
        return {
            "intercept": self.intercept,
            "weights": self.weights,
            "shared_year": self.shared_year,
            "year_conflict": self.year_conflict,
            "threshold": self.threshold,
            "trained_on": self.trained_on,
            "shared_statement": self.shared_statement,
        }


@cache
def shipped() -> EventModel:
    """The model that ships in the package."""
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return EventModel(**data)


def pair_features(parts: dict[str, Any], year_rows: Any, said: Sequence[Said]) -> tuple[Any, Any, Any]:
    """Every pair i < j of a small corpus (for training): (i, j, rows of block cosines, the
    two year flags and the statement match), the model's inputs."""
    n = year_rows.shape[0]
    i, j = np.triu_indices(n, 1)
    cols = [(parts[b] @ parts[b].T).toarray()[i, j] for b in BLOCKS]
    has = np.diff(year_rows.indptr) > 0
    both = has[i] & has[j]
    shared = (year_rows @ year_rows.T).toarray()[i, j] > 0
    cols.append((both & shared).astype(float))
    cols.append((both & ~shared).astype(float))
    cols.append(
        np.array([statement_match(said[a], said[b]) for a, b in zip(i.tolist(), j.tolist(), strict=True)])
    )
    return i, j, np.stack(cols, axis=1)


def fit(features: Any, same: Any, c: float = 1.0) -> EventModel:
    """Logistic regression on pair features (``pair_features``) and same-event labels; block
    weights are kept non-negative (a block never counts against a pair)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=5000).fit(features, same)
    coef = model.coef_[0].tolist()
    weights = {b: max(float(w), 0.0) for b, w in zip(BLOCKS, coef, strict=False)}
    return EventModel(
        intercept=float(model.intercept_[0]),
        weights=weights,
        shared_year=float(coef[len(BLOCKS)]),
        year_conflict=float(coef[len(BLOCKS) + 1]),
        shared_statement=float(coef[len(BLOCKS) + 2]),
    )
