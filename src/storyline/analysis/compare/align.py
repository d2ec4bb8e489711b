"""Each sentence of each report of an event aligned with what the other outlets say about the
same thing, so it is either *shared by* named outlets or *only here*.

Word overlap alone misses rewordings ("the dam gave way" / "the dam collapsed"), so two
sentences are weighed on the evidence reading left, without running spaCy again: the corpus
entities they mention (``Mention.entity_id``), the numbers they give, the words they quote (the
same quoted words, fuzzily), the days their time expressions resolve to (``Timex.value``),
and their content words (stop words of ``lang`` out, each word cut to its first ``STEM``
letters, so "collapsed" meets "collapse", weighed by TF-IDF over the event's sentences). A
logistic model over these (``MODEL``) gives the probability that two sentences of different
reports are about the same thing; its weights and its bound were chosen on ECB+ topics 1–35
(two sentences of different documents of one subtopic holding coreferent event mentions) by
leave-one-topic-out cross-validation, ``bench/alignment.py``, which prints them.

Alignment is across sources only (``summaries.outlet_key``: an outlet, or an article of no
known outlet on its own), and a long event is compared a block of rows at a time, keeping the
aligned pairs and each sentence's best score, never all pairs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

import numpy as np
from scipy import sparse

from storyline import lang
from storyline.analysis.summaries import PER_ARTICLE, outlet_key
from storyline.model import Article
from storyline.model.analyses import Citation, OnlyHere, OnlyIn, Shared
from storyline.sentences import sentences

STEM = 5
"""Letters a content word is cut to: a crude lemma that needs no parse ("arrested", "arrests"
→ "arres")."""
FEATURES = ("words", "shared_words", "entities", "entity_share", "numbers", "quote", "days", "word_x_entity")


@dataclass(frozen=True)
class Model:
    """A logistic model over ``FEATURES`` and the probability at which it aligns two units."""

    weights: tuple[float, ...]
    bias: float
    bound: float


MODEL = Model(
    weights=(5.5982, 0.2066, 0.7665, 0.7939, 1.1023, 0.0342, 1.2976, -2.0283), bias=-1.7617, bound=0.3
)
"""Logistic weights over ``FEATURES`` and the probability at which two sentences are aligned,
fitted by ``bench/alignment.py --scope topic --train`` on the sentence pairs of ECB+ topics 1–35
(both subtopics of a topic together, so that two similar events' sentences are negatives; the
bound is the best F1's on the training topics). ECB+ quotes almost nothing, so a shared quote
earned no weight here: ``only_here`` weighs quotes apart (``_gain``)."""
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_WORD = re.compile(r"[^\W\d_]+")
ROWS = 256  # rows of the pair matrices computed at once
NOVEL = 0.5
"""Share of a sentence's content words the other outlets never use above which it adds context
even with no new name, number or quote (below half of it, it is the others' words put
otherwise)."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence of one report: where it is and whose it is (``source``: ``outlet_key``)."""

    article_id: str
    source: str
    outlet: str | None
    start: int
    end: int
    text: str


@dataclass
class Alignment:
    """The units of an event, each with the units of other sources aligned with it
    (``partners``: unit → [(unit, probability)], best first) and its best score against any
    other source (``best``, aligned or not: how near something else comes)."""

    units: list[Unit]
    partners: list[list[tuple[int, float]]] = field(default_factory=list)
    best: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def sources(self, i: int) -> set[str]:
        """The sources that report unit ``i``: its own and those of its partners."""
        return {self.units[i].source} | {self.units[j].source for j, _ in self.partners[i]}

    def outlets(self, i: int) -> list[str]:
        """The known outlets that report unit ``i``, sorted."""
        found = {self.units[i].outlet} | {self.units[j].outlet for j, _ in self.partners[i]}
        return sorted(o for o in found if o)

    def citations(self, i: int, per_source: int = 1) -> list[Citation]:
        """Unit ``i``'s own span first, then its best partner of each other source."""
        u = self.units[i]
        out = [Citation(article_id=u.article_id, start=u.start, end=u.end)]
        taken: dict[str, int] = {}
        for j, _ in self.partners[i]:
            v = self.units[j]
            if taken.get(v.source, 0) < per_source:
                taken[v.source] = taken.get(v.source, 0) + 1
                out.append(Citation(article_id=v.article_id, start=v.start, end=v.end))
        return out


def units_of(article_ids: list[str], articles: dict[str, Article], copies: set[str]) -> list[Unit]:
    """The whole sentences (``sentences.sentences``, those that lean on the one before too:
    ``only_here`` cites them with it) of each article of the event, wire copies left out, the
    first ``PER_ARTICLE`` of each, in order."""
    out: list[Unit] = []
    for aid in article_ids:
        art = articles.get(aid)
        if art is None or aid in copies or not art.text:
            continue
        key = outlet_key(aid, art.outlet)
        for a, b in sentences(art.text, art.language, alone=False)[:PER_ARTICLE]:
            out.append(Unit(aid, key, art.outlet, a, b, art.text[a:b]))
    return out


def words(text: str, stop: frozenset[str] | set[str]) -> set[str]:
    """The content words of ``text``: lower case, no stop word, no word under three letters,
    each cut to ``STEM`` letters."""
    return {w[:STEM] for w in _WORD.findall(text.lower()) if len(w) >= 3 and w not in stop}


@dataclass
class Evidence:
    """What each unit holds, as sets: content words, entities, numbers, quoted words, days."""

    words: list[set[str]]
    entities: list[set[str]]
    numbers: list[set[str]]
    quoted: list[set[str]]
    days: list[set[str]]


def evidence(units: list[Unit], articles: dict[str, Article]) -> Evidence:
    """The evidence of every unit, read from its article's annotations inside its span."""
    stop = frozenset(lang.stop_words({articles[u.article_id].language for u in units}))
    ev = Evidence([], [], [], [], [])
    for u in units:
        art = articles[u.article_id]
        inside = [m for m in art.entities if u.start <= m.start and m.end <= u.end]
        ev.entities.append({m.entity_id or f"~{m.text.lower()}" for m in inside})
        timexes = [t for t in art.timexes if u.start <= t.start and t.end <= u.end]
        ev.days.append(
            {t.value[:10] for t in timexes if t.value[:1].isdigit() and t.type in ("DATE", "TIME")}
        )
        spans = [(t.start - u.start, t.end - u.start) for t in timexes]
        nums = {
            _number(m.group())
            for m in _NUMBER.finditer(u.text)
            if not any(a <= m.start() < b for a, b in spans)
        }
        nums |= {f"{c.value:g}" for c in art.claims if u.start <= c.number_start < u.end}
        ev.numbers.append(nums - {""})
        quoted: set[str] = set()
        for q in art.quotes:
            if q.kind != "indirect" and q.start < u.end and u.start < q.end:
                quoted |= words(art.text[max(q.start, u.start) : min(q.end, u.end)], stop)
        ev.quoted.append(quoted)
        ev.words.append(words(u.text, stop))
    return ev


def _number(token: str) -> str:
    try:
        return f"{float(token.replace(',', '')):g}"
    except ValueError:
        return ""


def _binary(sets: list[set[str]]) -> sparse.csr_matrix:
    """Units × items, 1 where the unit holds the item."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for r, items in enumerate(sets):
        for item in items:
            rows.append(r)
            cols.append(vocab.setdefault(item, len(vocab)))
    data = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(sets), max(len(vocab), 1)))


class PairFeatures:
    """The features of pairs of units of different sources (``FEATURES``), a block at a time."""

    def __init__(self, units: list[Unit], ev: Evidence) -> None:
        self.units = units
        ids: dict[str, int] = {}
        self.source = np.array([ids.setdefault(u.source, len(ids)) for u in units])
        self.binary = {f.name: _binary(getattr(ev, f.name)) for f in fields(ev)}
        counts = self.binary["words"]
        df = np.asarray((counts > 0).sum(axis=0)).ravel()
        idf = np.log((1 + len(units)) / (1 + df)) + 1.0
        tfidf = counts @ sparse.diags(idf)
        norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        self.tfidf = sparse.diags(1 / norms) @ tfidf
        self.sizes = {k: np.asarray(m.sum(axis=1)).ravel() for k, m in self.binary.items()}

    def block(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows ``lo``–``hi`` against every unit of another source that shares anything with
        them: (i, j, features) for each such pair."""
        cos = (self.tfidf[lo:hi] @ self.tfidf.T).tocoo()
        shared = {k: (m[lo:hi] @ m.T).tocsr() for k, m in self.binary.items()}
        any_shared = sum(shared.values(), cos.tocsr()).tocoo()
        i, j = any_shared.row + lo, any_shared.col
        keep = self.source[i] != self.source[j]
        i, j = i[keep], j[keep]
        if not len(i):  # sparse indexing by empty arrays gives one cell, not none
            return i, j, np.zeros((0, len(FEATURES)))
        r = i - lo
        cosm = cos.tocsr()
        c = np.asarray(cosm[r, j]).ravel()
        w = np.asarray(shared["words"][r, j]).ravel()
        e = np.asarray(shared["entities"][r, j]).ravel()
        n = np.asarray(shared["numbers"][r, j]).ravel()
        q = np.asarray(shared["quoted"][r, j]).ravel()
        d = np.asarray(shared["days"][r, j]).ravel()
        ne = np.minimum(self.sizes["entities"][i], self.sizes["entities"][j])
        nq = np.minimum(self.sizes["quoted"][i], self.sizes["quoted"][j])
        share = np.divide(e, ne, out=np.zeros_like(e), where=ne > 0)
        quote = np.where(q >= 2, np.divide(q, nq, out=np.zeros_like(q), where=nq > 0), 0.0)
        x = np.column_stack(
            [c, np.minimum(w, 5) / 5, np.minimum(e, 3) / 3, share, n > 0, quote, d > 0, c * share]
        ).astype(np.float64)
        return i, j, x


def probability(x: np.ndarray, model: Model = MODEL) -> np.ndarray:
    """The model's probability that each pair (a row of ``x``) is about the same thing."""
    z = x @ np.asarray(model.weights, dtype=np.float64) + model.bias
    return 1.0 / (1.0 + np.exp(-z))


def align(units: list[Unit], articles: dict[str, Article], model: Model = MODEL) -> Alignment:
    """Every unit aligned with the units of other sources the model puts at or above its
    bound, best first."""
    out = Alignment(units, [[] for _ in units], np.zeros(len(units)))
    if len(units) < 2:
        return out
    feats = PairFeatures(units, evidence(units, articles))
    for lo in range(0, len(units), ROWS):
        i, j, x = feats.block(lo, min(lo + ROWS, len(units)))
        if not len(i):
            continue
        p = probability(x, model)
        np.maximum.at(out.best, i, p)
        tied = p >= model.bound
        for a, b, s in zip(i[tied].tolist(), j[tied].tolist(), p[tied].tolist(), strict=True):
            out.partners[a].append((b, round(s, 4)))
    for found in out.partners:
        found.sort(key=lambda t: -t[1])
    return out


def event_alignment(article_ids: list[str], articles: dict[str, Article], copies: set[str]) -> Alignment:
    """The alignment of an event's reports (wire copies left out)."""
    return align(units_of(article_ids, articles, copies), articles)


@dataclass
class _Others:
    """What the other sources of an event say, as sets: what a unit must add to be only here."""

    entities: set[str]
    numbers: set[str]
    quoted: set[str]
    words: set[str]


def _others(al: Alignment, ev: Evidence, articles: dict[str, Article], source: str) -> _Others:
    """Everything the sources other than ``source`` say: their sentences' evidence and every
    entity their articles name anywhere (a name in a line too short to be a sentence counts)."""
    out = _Others(set(), set(), set(), set())
    ids = set()
    for k, u in enumerate(al.units):
        if u.source != source:
            ids.add(u.article_id)
            out.numbers |= ev.numbers[k]
            out.quoted |= ev.quoted[k]
            out.words |= ev.words[k]
    for aid in ids:
        out.entities |= {m.entity_id or f"~{m.text.lower()}" for m in articles[aid].entities}
    return out


def standalone(text: str, language: str | None) -> bool:
    """Whether a sentence can be cited alone: it does not lean on the one before (a pronoun or
    connective opener), is no caption, factbox line or comment, and ends as a sentence does."""
    words = lang.get(language).sentences
    first = _WORD.search(text)
    if first is None or first.group().lower() in words.leaning | words.leaning_loosely:
        return False
    last = text.rstrip(".!?\"'”’) ").rsplit(None, 1)[-1].lower() if text.split() else ""
    if last in words.end_before_capital:
        return False  # cut at an abbreviation ("filed with the U.S."): a fragment
    if re.search(words.not_prose, text, re.I):
        return False
    return bool(re.search(r"[.!?][\"'”’)]*$", text))


_QUOTED = re.compile(r"[\"“”]|``|''")
MIN_WORDS = 3
"""Content words a sentence needs to be reported as only here: "Sen. Bill Nelson, D-Fla." is a
fragment of a name, not a fact."""


def _reported(text: str, stop: frozenset[str], language: str | None) -> bool:
    """Whether ``text`` reads as the report's own statement: no question, no trailing ellipsis,
    at least ``MIN_WORDS`` content words in lower case, and no word of an outlet or a reader
    speaking to readers ("you", "we") outside quotation marks (a comment, an appeal)."""
    if text.rstrip().endswith(("?", "...", "…")):
        return False
    if sum(1 for w in _WORD.findall(text) if w.islower() and len(w) >= 3 and w not in stop) < MIN_WORDS:
        return False
    outside = " ".join(_QUOTED.split(text)[::2]).lower()
    voice = lang.get(language).boilerplate.voice
    return not any(w in voice for w in re.findall(r"[^\W\d_]+", outside))


def _continues(text: str, start: int, language: str | None) -> bool:
    """Whether the sentence at ``start`` goes on from an abbreviation the splitter took for an
    end ("filed with the U.S. / Department of Energy ..."): a fragment, not a sentence."""
    before = text[max(0, start - 12) : start].rstrip()
    last = before.rsplit(None, 1)[-1].lower().rstrip(".") if before.endswith(".") and before.split() else ""
    return last in lang.get(language).sentences.end_before_capital


def _boilerplate(text: str, language: str | None) -> bool:
    families = lang.get(language).boilerplate.sentence_families.values()
    return any(re.search(p, text, re.I) for p in families)


def only_here(al: Alignment, articles: dict[str, Article], per_outlet: int = 3) -> dict[str, list[OnlyHere]]:
    """Per known outlet, what it alone reports on the event, best first, each cited: a unit no
    other source's unit is aligned with, that adds something the others never say (an entity
    they never name, a number they never give, words they never quote, or mostly words they
    never use), ranked by what it adds, never by centrality. Never boilerplate, a caption or
    factbox line, a question, a comment, nor a sentence that leans on the one before (it is
    cited with that one when both are only here, else left out). Articles of no known outlet
    are no outlet: nothing is listed for them, and what they say is not "only" another's.
    Every known outlet has its list (perhaps empty) when two known outlets or more report the
    event; else nothing."""
    known = sorted({u.outlet for u in al.units if u.outlet})
    if len(known) < 2:
        return {}
    ev = evidence(al.units, articles)
    stop = frozenset(lang.stop_words({articles[u.article_id].language for u in al.units}))
    bound = MODEL.bound
    out: dict[str, list[OnlyHere]] = {o: [] for o in known}
    for outlet in known:
        found: list[tuple[float, int, OnlyHere]] = []
        others: dict[str, _Others] = {}
        for k, u in enumerate(al.units):
            if u.outlet != outlet or al.partners[k] or al.best[k] >= bound:
                continue
            art = articles[u.article_id]
            if _continues(art.text, u.start, art.language):
                continue
            first = k
            if not standalone(u.text, art.language):
                first = k - 1  # leaning on the one before: cite the pair, or skip it
                prev = al.units[first] if k else None
                if (
                    prev is None
                    or prev.article_id != u.article_id
                    or art.text[prev.end : u.start].strip()
                    or al.partners[first]
                    or not standalone(prev.text, art.language)
                    or not re.search(r"[.!?][\"'”’)]*$", u.text)
                    or re.search(lang.get(art.language).sentences.not_prose, u.text, re.I)
                ):
                    continue
            text = art.text[al.units[first].start : u.end]
            if _boilerplate(text, art.language) or not _reported(text, stop, art.language):
                continue
            o = others.setdefault(u.source, _Others(set(), set(), set(), set()))
            if not (o.words or o.entities):
                others[u.source] = o = _others(al, ev, articles, u.source)
            gain = _gain(ev, range(first, k + 1), o)
            if gain is None:
                continue
            score, kind = gain
            cite = Citation(article_id=u.article_id, start=al.units[first].start, end=u.end)
            found.append((score - float(al.best[k]), first, OnlyHere(text=text, kind=kind, citations=[cite])))
        found.sort(key=lambda t: (-t[0], t[1]))
        taken: set[int] = set()
        for _, first, item in found:
            if first in taken or len(out[outlet]) >= per_outlet:
                continue
            taken |= {first, first + 1}
            out[outlet].append(item)
    return out


def _gain(ev: Evidence, ks: range, others: _Others) -> tuple[float, str] | None:
    """What units ``ks`` add to what the others say, as (score, kind); None when nothing:
    new words quoted count most, then new numbers, new entities, and the share of content words
    the others never use."""
    entities = set().union(*(ev.entities[k] for k in ks)) - others.entities
    numbers = set().union(*(ev.numbers[k] for k in ks)) - others.numbers
    quoted = set().union(*(ev.quoted[k] for k in ks))
    new_quote = len(quoted) >= 3 and len(quoted - others.quoted) >= 0.6 * len(quoted)
    own = set().union(*(ev.words[k] for k in ks))
    novelty = len(own - others.words) / len(own) if own else 0.0
    if novelty < NOVEL and not (entities or numbers or new_quote):
        return None
    if novelty < NOVEL / 2:  # its words are the others' words: said elsewhere, otherwise put
        return None
    score = 3.0 * new_quote + 1.5 * min(len(numbers), 2) + 1.0 * min(len(entities), 3) + 2.0 * novelty
    kind = "quote" if new_quote else "number" if numbers else "fact" if entities else "context"
    return score, kind


def shared(al: Alignment, articles: dict[str, Article], size: int = 8) -> list[Shared]:
    """What several known outlets report, each in its own words: a unit aligned with units of
    other known outlets, most outlets first, each cited with its own span and the best unit of
    each other source; one unit per group (a unit aligned with one already listed is left out),
    and only units that stand alone."""
    scored = []
    for k, u in enumerate(al.units):
        outlets = al.outlets(k)
        if len(outlets) < 2 or not u.outlet:
            continue
        if not standalone(u.text, articles[u.article_id].language):
            continue
        mean = sum(p for _, p in al.partners[k]) / len(al.partners[k])
        scored.append((-len(outlets), -mean, k))
    out: list[Shared] = []
    covered: set[int] = set()
    for _, _, k in sorted(scored):
        if len(out) >= size:
            break
        if k in covered:
            continue
        covered |= {k} | {j for j, _ in al.partners[k]}
        out.append(Shared(text=al.units[k].text, outlets=al.outlets(k), citations=al.citations(k)))
    return out


def only_in(
    article_ids: list[str], articles: dict[str, Article], copies: set[str], per_outlet: int = 2
) -> list[OnlyIn]:
    """What one outlet alone reports, as the event page lists it today (``EventViews.only_in``):
    ``only_here`` of the event's alignment, each item a sentence record of its one outlet."""
    found = only_here(event_alignment(article_ids, articles, copies), articles, per_outlet)
    return [
        OnlyIn(
            text=i["text"], citations=i["citations"], support=1, of_outlets=len(found), outlets=[o], outlet=o
        )
        for o, items in found.items()
        for i in items
    ]
