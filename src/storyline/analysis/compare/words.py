"""Their words: per outlet, the words it uses for an event's (or a story's) actors and acts where
the other outlets use other words — "dictator" where the others say "leader", "invasion" where
they say "operation", "slams" where they say "criticizes" — each cited at its own span, with the
other outlets' words for the same referent beside it.

The words are reading's ``Descriptor`` records (``read/descriptors.py``): for a mention, the
words of its phrase, the noun it modifies, its appositives and its verbs; for the text, its
acts. A referent is a corpus entity (the ``entity_id`` linking gave the mention's chain) or
the event's acts (at story level, each event's acts apart). For each referent and outlet the
outlet's lemma counts are weighed against the other outlets' pooled counts by the log-odds
ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words",
§3.5): the prior is the lemma's share of all the words of the event (or story), scaled to
``PRIOR`` pseudo-counts, which steadies the estimate of a rare word: one use of a word the
event hardly uses is not distinctive alone (its variance is the prior's). A word is kept when
its z-score reaches ``BOUND`` and the other outlets name the referent with other words.
Names, verbs and acts are compared apart (``KINDS``): "dictator" against "leader", "slams"
against "criticizes". Articles of no known outlet and copies of another article never count
as an outlet (the former still feed the prior: they are words of the event).

``outlet_terms(article_ids, articles, copies)`` gives an event's terms by outlet;
``story_terms(event_articles, articles, copies)`` a story's over its events. Both return
``{outlet name: [Term, ...]}``, best first, each ``model.analyses.Term``."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from storyline.model import Article
from storyline.model.analyses import Citation, Term

BOUND = 0.0
"""The z-score a term must reach: a word the outlet uses more than the others do, given the
prior. Chosen by leave-one-event-out on NewsWCL50's ten events (``bench/framing.py``: each
fold chose the grid's lowest bound, 0, out of 0–3 by the F1 of precision and recall against
the coded differing names). With one article per outlet a word no other outlet uses reaches
about 1 at one use and 1.5 at three, so the conventional 1.96 keeps almost nothing at event
level; the terms are ranked by z, and a page shows the best ``LIMIT``."""
PRIOR = 100.0
"""The prior's weight in pseudo-counts (α0 of Monroe et al.): about one article's descriptors
of one referent, so the event's usage shrinks an outlet's counts without drowning them."""
OTHERS = 5
"""The other outlets' words shown beside a term, per outlet, most used first."""
LIMIT = 20
"""Terms kept per outlet, best first."""

KINDS = ("names", "verbs", "acts")
"""What is compared, each apart: the words naming or describing an entity (its phrase, the
noun it modifies, its appositives), the verbs it is subject or object of, and the nouns that
name the event's acts. The sentence's verbs (``act`` descriptors that are verbs) narrate
rather than name, and differ with what each report covers: kind ``actions``, left out by
default."""

Referent = tuple[str, str]  # (kind, corpus entity id) | ("acts" or "actions", event id or "")


class _Usage:
    """Per referent and outlet, how often each lemma is used and where."""

    def __init__(self, kinds: tuple[str, ...]) -> None:
        self.kinds = kinds
        self.counts: dict[Referent, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
        self.spans: dict[tuple[Referent, str, str], list[Citation]] = defaultdict(list)
        self.background: Counter[str] = Counter()

    def add(self, article: Article, event_id: str) -> None:
        """Count ``article``'s descriptors (of an unknown outlet: only in the background)."""
        entity_of = {m.chain: m.entity_id for m in article.entities if m.chain and m.entity_id}
        for d in article.descriptors:
            self.background[d.lemma] += 1
            if article.outlet is None:
                continue
            if d.chain is None:
                referent: Referent = ("acts" if d.pos == "NOUN" else "actions", event_id)
            elif d.chain in entity_of:
                # a verb of the entity, or a word of its phrase, the noun it modifies, an appositive
                referent = ("verbs" if d.relation == "verb" else "names", entity_of[d.chain])
            else:
                continue  # a chain linking tied to no corpus entity: no referent across outlets
            if referent[0] not in self.kinds:
                continue
            self.counts[referent][article.outlet][d.lemma] += 1
            self.spans[(referent, article.outlet, d.lemma)].append(
                Citation(article_id=article.id, start=d.start, end=d.end)
            )


def log_odds_z(y_i: float, n_i: float, y_j: float, n_j: float, alpha: float, alpha0: float) -> float:
    """Monroe et al.'s z-score of a word used ``y_i`` of ``n_i`` times by one side and ``y_j`` of
    ``n_j`` by the other, under a Dirichlet prior of ``alpha`` for the word and ``alpha0`` in
    all: the log-odds ratio over its approximate standard deviation."""
    delta = math.log((y_i + alpha) / (n_i + alpha0 - y_i - alpha)) - math.log(
        (y_j + alpha) / (n_j + alpha0 - y_j - alpha)
    )
    return delta / math.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))


def _terms(usage: _Usage, bound: float, prior: float, limit: int) -> dict[str, list[Term]]:
    """Each outlet's distinctive words for each referent others also name, best first."""
    total = sum(usage.background.values())
    vocabulary = len(usage.background)  # one more word, unseen, keeps every share below 1
    out: dict[str, list[Term]] = defaultdict(list)
    for referent, by_outlet in usage.counts.items():
        if len(by_outlet) < 2:
            continue
        sizes = {o: sum(c.values()) for o, c in by_outlet.items()}
        pooled = sum((c for c in by_outlet.values()), Counter[str]())
        for outlet, counts in by_outlet.items():
            rest = pooled - counts
            n_j = sum(sizes.values()) - sizes[outlet]
            theirs = {w for o, c in by_outlet.items() if o != outlet for w in c}  # the others' words
            for lemma, y_i in counts.items():
                share = (usage.background[lemma] + 0.5) / (total + 0.5 * (vocabulary + 1))
                z = log_odds_z(y_i, sizes[outlet], rest[lemma], n_j, prior * share, prior)
                if z < bound or not theirs - {lemma}:  # the others name it only this way, or not
                    continue
                term = Term(
                    term=lemma,
                    refers_to=referent[1] if referent[0] in ("names", "verbs") else None,
                    score=round(z, 3),
                    citations=usage.spans[(referent, outlet, lemma)],
                    others={o: _most_used(c) for o, c in sorted(by_outlet.items()) if o != outlet},
                )
                if referent[0] in ("acts", "actions") and referent[1]:
                    term["event_id"] = referent[1]
                out[outlet].append(term)
    return {o: sorted(ts, key=lambda t: (-t["score"], t["term"]))[:limit] for o, ts in sorted(out.items())}


def _most_used(counts: Counter[str]) -> list[str]:
    return [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:OTHERS]]


def _usage(
    pairs: Iterable[tuple[str, str]],
    articles: Mapping[str, Article],
    copies: set[str],
    kinds: tuple[str, ...],
) -> _Usage:
    usage = _Usage(kinds)
    for aid, event_id in pairs:
        art = articles.get(aid)
        if art is not None and aid not in copies:
            usage.add(art, event_id)
    return usage


def outlet_terms(
    article_ids: Iterable[str],
    articles: Mapping[str, Article],
    copies: set[str],
    bound: float = BOUND,
    prior: float = PRIOR,
    limit: int = LIMIT,
    kinds: tuple[str, ...] = KINDS,
) -> dict[str, list[Term]]:
    """An event's terms by outlet name: the words each outlet uses for the event's actors and
    acts where the others use other words (module docstring). ``articles``: by id, with their
    descriptors and corpus entity ids (``store.links.inputs(ids, full=True)``); ``copies``:
    ids of articles that copy another (left out). An outlet with no such word is absent."""
    return _terms(_usage(((a, "") for a in article_ids), articles, copies, kinds), bound, prior, limit)


def story_terms(
    event_articles: Mapping[str, Iterable[str]],
    articles: Mapping[str, Article],
    copies: set[str],
    bound: float = BOUND,
    prior: float = PRIOR,
    limit: int = LIMIT,
    kinds: tuple[str, ...] = KINDS,
) -> dict[str, list[Term]]:
    """A story's terms by outlet name, over its events (event id → its article ids): how each
    outlet names the same actors across the story, and each event's acts (a term of acts
    carries its ``event_id``)."""
    pairs = ((a, e) for e, ids in event_articles.items() for a in ids)
    return _terms(_usage(pairs, articles, copies, kinds), bound, prior, limit)
