"""Events: clusters of articles that report the same real-world development.

Each article becomes two TF-IDF vectors (scikit-learn): its words, and what tells one event
from a similar one — names, numbers and years.
Articles far apart in time are less alike: similarity decays with the days between their
publication dates, and articles published within two days of each other count as more alike.

Clustering is incremental. Articles already in an event stay there (ids stable across runs
and re-ingests). New articles, in date order, join the event whose centroid they are most
like, above a threshold, or found a new event; a corpus with no events yet is clustered with
average linkage, which is order-free. Two events that have grown alike are merged (the older
id stays) and the merge is logged. The same input always gives the same result.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

import numpy as np

from storyline.link.event_model import NEAR_BOOST, EventModel, Said, blocks, shipped, statements
from storyline.link.event_model import signature as signature
from storyline.link.event_model import years as year_rows
from storyline.link.tasks import InProcess, Tasks
from storyline.link.titles import lede, representative_title
from storyline.link.unionfind import UnionFind
from storyline.model import UNKNOWN_OUTLET, Article, Event

FLOOR = 0.08  # similarities below this are not kept: the graph stays sparse
CHUNK = 4000  # articles per task when edges and clusters are computed window by window
REOPEN = 500  # older articles an incremental run clusters again, at most (a cost bound: events._join)

ATTACH = 0.15  # an article left alone or in a pair joins the event it is most like, above this
ATTACH_PEAK = 0.3  # ... if it is at least this like one of that event's articles
# With the learned model these are same-event probabilities: below an average of 0.15 most of
# an event's articles are judged another development (0.05 let a 2020 awards page join a 2009
# one through a single article; bench/purity.py), at the cost of 0.004 on ECB+ (bench/ecbplus.py --cv).
DECAY_DAYS = 7.0


@dataclass
class EventDoc:
    """What event clustering reads of an article."""

    id: str
    text: str
    date: str | None = None
    headline: str | None = None
    readable: bool = True  # False: no reader read it (another language): no vocabulary signal
    language: str | None = None  # its stop words are left out of the vocabulary (None: the fallback's)


def event_doc(a: Article) -> EventDoc:
    """What event clustering reads of an article (no vocabulary from one no reader read)."""
    return EventDoc(
        a.id, a.text, a.published, a.headline, readable="read" not in a.skipped, language=a.language
    )


@dataclass
class Clustering:
    """What event clustering decided: each article's event, the events founded (with the
    article that founded each), the events merged into older ones (merged → kept, in the
    order they were merged) and the older articles moved to another event (a split)."""

    assign: dict[str, str]
    founded: list[tuple[str, str]] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)
    moved: dict[str, tuple[str, str]] = field(default_factory=dict)  # article → (from, to)

    @property
    def log(self) -> list[tuple[str, str]]:
        """(kind, detail) lines for the link log."""
        return (
            [("event founded", f"{e} with {a}") for e, a in self.founded]
            + [("events merged", f"{b} into {a}") for b, a in self.merged.items()]
            + [
                ("event split", f"{a} moved from {b} to {c}: reclustered with new articles, it is"
                 f" no longer as like {b} on average as one event asks")
                for a, (b, c) in self.moved.items()
            ]
        )  # fmt: skip


def _day(value: str | None) -> int | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def similarity_edges(
    x: Any,
    days: Any,
    window: int,
    factor: Any,
    years: Any = None,
    rows: list[int] | None = None,
    floor: float = FLOOR,
    model: EventModel | None = None,
    said: list[Said] | None = None,
) -> dict[tuple[int, int], float]:
    """Pairs (i < j) of rows of ``x`` whose value reaches ``floor``; only pairs touching
    ``rows`` when given. The value is the dot product, or with ``model`` the same-event
    probability it gives (with the year flags from ``years`` and the statements of ``said``);
    times ``factor(gap in days)`` when both are dated, at most 1. A dated row is compared only
    with rows dated within ``window`` days and with undated rows, so the cost grows with the
    corpus times the rows per window, not with the corpus squared."""
    n = x.shape[0]
    out: dict[tuple[int, int], float] = {}
    has = None if years is None else np.diff(years.indptr) > 0
    dated = np.nonzero(days >= 0)[0]
    dated = dated[np.argsort(days[dated], kind="stable")]
    sorted_days = days[dated]
    undated = np.nonzero(days < 0)[0]
    everyone = np.arange(n)
    wanted = None
    if rows is not None:
        wanted = np.zeros(n, dtype=bool)
        wanted[list(rows)] = True

    least = floor / NEAR_BOOST if model is None else model.min_dot(floor)

    def block(a: Any, b: Any) -> None:
        if len(a) == 0 or len(b) == 0:
            return
        prod = (x[a] @ x[b].T).tocoo()
        keep = prod.data >= least  # no factor lifts a pair by more than NEAR_BOOST
        ii, jj, sim = prod.row[keep], prod.col[keep], prod.data[keep].astype(np.float64)
        if model is not None:
            both = has[a][ii] & has[b][jj] if has is not None else np.zeros(len(ii), dtype=bool)
            shared = np.zeros(len(ii), dtype=bool)
            if both.any():
                shared = np.asarray((years[a] @ years[b].T).tocsr()[ii, jj]).ravel() > 0
            stated = model.stated(said, a[ii], b[jj])
            sim = model.probability(sim, both & shared, both & ~shared, stated)
        da, db = days[a][ii], days[b][jj]
        sim *= np.where((da >= 0) & (db >= 0), factor(np.abs(da - db)), 1.0)
        if model is not None:
            np.minimum(sim, 1.0, out=sim)
        good = sim >= floor
        for i, j, v in zip(a[ii[good]].tolist(), b[jj[good]].tolist(), sim[good].tolist(), strict=True):
            if i == j or (wanted is not None and not (wanted[i] or wanted[j])):
                continue
            out[(i, j) if i < j else (j, i)] = v

    step = 512
    if wanted is None:  # each dated block with itself and the days after it; undated with all
        for k in range(0, len(dated), step):
            last = sorted_days[min(k + step, len(dated)) - 1]
            hi = np.searchsorted(sorted_days, last + window, "right")
            block(dated[k : k + step], dated[k:hi])
        for k in range(0, len(undated), step):
            block(undated[k : k + step], everyone)
        return out
    chosen = np.nonzero(wanted)[0]
    for part in (chosen[days[chosen] >= 0], chosen[days[chosen] < 0]):
        part = part[np.argsort(days[part], kind="stable")]
        for k in range(0, len(part), step):
            p = part[k : k + step]
            if days[p[0]] < 0:
                block(p, everyone)
                continue
            lo = np.searchsorted(sorted_days, days[p[0]] - window, "left")
            hi = np.searchsorted(sorted_days, days[p[-1]] + window, "right")
            block(p, np.concatenate([dated[lo:hi], undated]))
    return out


def average_linkage(
    n: int, edges: dict[tuple[int, int], float], threshold: float, weights: list[int] | None = None
) -> list[int]:
    """Average-linkage clusters (a label per row) at ``threshold`` over a sparse similarity
    graph, a pair with no edge counting as 0. Merging two clusters needs an edge between
    them, so this equals dense average linkage whenever the pairs left out are the zero ones;
    its cost grows with the edges, not with n squared. With ``weights``, row i stands for a
    cluster of ``weights[i]`` articles already formed, and an edge holds the sum of its
    article pairs' values."""
    import heapq

    size = list(weights) if weights is not None else [1] * n
    nbr: list[dict[int, float]] = [{} for _ in range(n)]
    for (i, j), v in edges.items():
        nbr[i][j] = v
        nbr[j][i] = v
    merged_into = list(range(n))
    heap = [
        (-v / (size[i] * size[j]), i, j)
        for (i, j), v in edges.items()
        if v / (size[i] * size[j]) >= threshold
    ]
    heapq.heapify(heap)
    alive = [True] * n
    while heap:
        neg, i, j = heapq.heappop(heap)
        if not (alive[i] and alive[j]) or j not in nbr[i]:
            continue
        value = nbr[i][j] / (size[i] * size[j])
        if abs(value + neg) > 1e-9:  # stale: a cluster grew since this was pushed
            if value >= threshold:
                heapq.heappush(heap, (-value, i, j))
            continue
        keep, gone = (i, j) if len(nbr[i]) >= len(nbr[j]) else (j, i)
        alive[gone] = False
        merged_into[gone] = keep
        size[keep] += size[gone]
        del nbr[keep][gone]
        for k, v in nbr[gone].items():
            if k != keep:
                del nbr[k][gone]
                nbr[keep][k] = nbr[keep].get(k, 0.0) + v
                nbr[k][keep] = nbr[keep][k]
        nbr[gone] = {}
        for k, v in nbr[keep].items():
            value = v / (size[keep] * size[k])
            if value >= threshold:
                heapq.heappush(heap, (-value, min(keep, k), max(keep, k)))
    labels = []
    for i in range(n):
        while not alive[i]:
            i = merged_into[i]
        labels.append(i)
    return labels


class EventClusterer:
    """Article → event assignment; see the module docstring for the method."""

    def __init__(
        self,
        threshold: float | None = None,
        decay_days: float = DECAY_DAYS,
        model: EventModel | None = None,
        reopen: int = REOPEN,
    ) -> None:
        self.model = model or shipped()
        self.reopen = reopen
        self.threshold = self.model.threshold if threshold is None else threshold
        self.decay_days = decay_days
        # beyond this many days apart, decay keeps any pair below FLOOR: never compared
        self.window = int(2 + decay_days * np.log(1 / FLOOR)) + 1

    def blocks(self, docs: list[EventDoc]) -> dict[str, Any]:
        """The articles' text blocks (``event_model.blocks``), computed once per run."""
        return blocks(docs)

    def vectors(self, docs: list[EventDoc]) -> Any:
        """One sparse row per article whose dot products are the model's weighted sum of
        block cosines (``event_model``). (Linked entity ids as extra terms measured worse on
        ECB+, 0.921 against 0.943 BCubed F1, so names enter as written.)"""
        return self.model.rows(blocks(docs))

    def _years(self, docs: list[EventDoc]) -> Any:
        return year_rows(docs)

    def statements(self, docs: list[EventDoc]) -> list[Said] | None:
        """Each article's statements (``event_model.statements``), if the model weighs them."""
        return [statements(d) for d in docs] if self.model.shared_statement else None

    def edges(
        self, docs: list[EventDoc], rows: list[int] | None = None, x: Any = None, said: Any = None
    ) -> dict[tuple[int, int], float]:
        """Pairs (i < j) whose same-event probability reaches ``FLOOR``, with it; only pairs
        that touch ``rows`` when given. The probability is the model's (``event_model``),
        times a boost within two days or a decay beyond (pairs with an unknown date
        untouched), at most 1."""
        if len(docs) < 2:
            return {}
        x = self.vectors(docs) if x is None else x
        days = np.array([_day(d.date) or -1 for d in docs], dtype=np.int64)
        factor = partial(decay_factor, decay=self.decay_days)
        said = self.statements(docs) if said is None else said
        years = self._years(docs)
        return similarity_edges(x, days, self.window, factor, years, rows, model=self.model, said=said)

    def edges_by_window(
        self, docs: list[EventDoc], x: Any, tasks: Tasks | None = None, chunk: int = CHUNK
    ) -> dict[tuple[int, int], float]:
        """The same pairs as ``edges(docs, x=x)``, computed window by window: the dated
        articles in date order are cut into windows of about ``chunk`` articles; a window's
        task compares its articles with those within ``window`` days either side (the
        overlap) and the undated ones; undated articles are compared with everyone. A pair
        two windows both see gets the same value from each, so stitching is a union."""
        n = len(docs)
        if n < 2:
            return {}
        days = np.array([_day(d.date) or -1 for d in docs], dtype=np.int64)
        years, said = self._years(docs), self.statements(docs)
        dated = np.nonzero(days >= 0)[0]
        dated = dated[np.argsort(days[dated], kind="stable")]
        sorted_days = days[dated]
        undated = np.nonzero(days < 0)[0]
        windows = []
        for k in range(0, len(dated), chunk):
            core = dated[k : k + chunk]
            lo = np.searchsorted(sorted_days, days[core[0]] - self.window, "left")
            hi = np.searchsorted(sorted_days, days[core[-1]] + self.window, "right")
            windows.append((core, np.concatenate([dated[lo:hi], undated])))
        for k in range(0, len(undated), chunk):
            windows.append((undated[k : k + chunk], np.arange(n)))

        def item(core: Any, seen: Any) -> tuple[Any, Any, Any, list[int], Any, Any]:
            seen = np.unique(seen)
            local = np.searchsorted(seen, core)
            stated = None if said is None else [said[k] for k in seen.tolist()]
            return (x[seen], days[seen], years[seen], local.tolist(), seen, stated)

        items = (item(core, seen) for core, seen in windows)  # made one at a time in-process
        out: dict[tuple[int, int], float] = {}
        for part in (tasks or InProcess()).map(window_edges, items, self.window, self.decay_days, self.model):
            out.update(part)
        return dict(sorted(out.items()))

    def labels(
        self,
        n: int,
        edges: dict[tuple[int, int], float],
        tasks: Tasks | None = None,
        chunk: int = CHUNK,
    ) -> list[int]:
        """``linkage_with_attach`` over the whole graph, computed per connected component (no
        edge joins two components, so clustering each alone gives the same clusters);
        components are packed into tasks of about ``chunk`` articles."""
        sets: UnionFind[int] = UnionFind(range(n))
        for i, j in edges:
            sets.union(i, j)
        members = sets.groups()
        find = sets.find
        by_root: dict[int, dict[tuple[int, int], float]] = {}
        for (i, j), v in edges.items():
            by_root.setdefault(find(i), {})[(i, j)] = v
        parts: list[list[tuple[list[int], dict[tuple[int, int], float]]]] = [[]]
        size = 0
        for root in sorted(by_root):
            if size >= chunk:
                parts.append([])
                size = 0
            parts[-1].append((members[root], by_root[root]))
            size += len(members[root])
        labels = list(range(n))
        for part in (tasks or InProcess()).map(component_labels, parts, self.threshold):
            for rows, got in part:
                for row, label in zip(rows, got, strict=True):
                    labels[row] = label
        return labels

    def cluster(
        self,
        docs: list[EventDoc],
        previous: dict[str, str] | None = None,
        x: Any = None,
        tasks: Tasks | None = None,
        chunk: int = CHUNK,
        recluster: bool = False,
        issued: int = 0,
    ) -> Clustering:
        """Article id → event id, with the events founded, merged and split.

        ``docs`` may be the whole corpus or, when ``previous`` holds the events of the older
        articles, the new articles with the older ones near them in time. With ``recluster``
        (a full run) every article is clustered afresh and the clusters take the older ids
        by majority. New events are numbered after ``issued`` (the highest number any event
        of the corpus ever had, so no id is used twice) and after ``previous``. A first or
        full run's windows and components are tasks for ``tasks`` (in this process by
        default)."""
        previous = dict(previous or {})
        out = Clustering({d.id: previous[d.id] for d in docs if d.id in previous})
        if not docs:
            return out
        # one canonical row order (date, id): ties and sums then fall the same way whatever
        # order the articles came in, so the result depends on the articles alone
        order = sorted(range(len(docs)), key=lambda i: (_day(docs[i].date) or 10**9, docs[i].id))
        if order != list(range(len(docs))):
            docs = [docs[i] for i in order]
            x = None if x is None else x[order]
        counter = max((int(v[1:]) for v in previous.values() if v[1:].isdigit()), default=issued)
        counter = max(counter, issued)
        if out.assign and not recluster:
            self._join(docs, out, counter, x)
            return out
        x = self.vectors(docs) if x is None else x
        edges = self.edges_by_window(docs, x, tasks, chunk)
        labels = self.labels(len(docs), edges, tasks, chunk)
        self._name(docs, list(range(len(docs))), labels, out, counter)
        return out

    def _join(self, docs: list[EventDoc], out: Clustering, counter: int, x: Any) -> None:
        """New articles, reclustered with the events they touch: the new articles and the
        pooled articles of the events one of them is like are clustered again as a first run
        would cluster them (``linkage_with_attach``), so arrival order changes little; the
        clusters are named by ``_name``. The work is bounded: the touched events are reopened
        smallest first up to ``reopen`` older articles (a small event is where one article
        changes most); a larger one enters whole, as one cluster already formed that new
        articles and reopened events may join but that is not split, and whose pairs with
        other such events are not compared (they were, when it was formed; a full run, when
        the corpus doubles, compares everything again)."""
        assign = out.assign
        previous = dict(assign)
        new_rows = [i for i, d in enumerate(docs) if d.id not in assign]  # rows: (date, id) order
        if not new_rows:
            return
        said = self.statements(docs)
        edges = self.edges(docs, new_rows, x, said)
        touched = {previous[docs[k].id] for pair in edges for k in pair if docs[k].id in previous}
        members: dict[str, list[int]] = {}
        for i, d in enumerate(docs):
            if d.id in previous and previous[d.id] in touched:
                members.setdefault(previous[d.id], []).append(i)
        reopened: list[int] = []
        whole: list[list[int]] = []
        for event in sorted(members, key=lambda e: (len(members[e]), _event_order(e), e)):
            if len(reopened) + len(members[event]) <= self.reopen:
                reopened += members[event]
            else:
                whole.append(members[event])
        if reopened:  # add the pairs the reopened rows make; those touching new ones are known
            edges.update(self.edges(docs, reopened, x, said))
        rows = sorted(new_rows + reopened)
        node = {r: k for k, r in enumerate(rows)}
        for k, group in enumerate(whole):
            for r in group:
                node[r] = len(rows) + k
        weights = [1] * len(rows) + [len(g) for g in whole]
        sums: dict[tuple[int, int], float] = {}
        peaks: dict[tuple[int, int], float] = {}
        for (i, j), v in edges.items():
            a, b = node.get(i), node.get(j)
            if a is None or b is None or a == b or (a >= len(rows) and b >= len(rows)):
                continue
            pair = (a, b) if a < b else (b, a)
            sums[pair] = sums.get(pair, 0.0) + v
            peaks[pair] = max(peaks.get(pair, 0.0), v)
        labels = linkage_with_attach(len(weights), sums, self.threshold, weights, peaks)
        everyone = rows + [r for group in whole for r in group]
        firsts = rows + [min(g) for g in whole]  # a node's label names its first row
        label_of = {r: firsts[labels[node[r]]] for r in everyone}
        order = sorted(everyone)
        self._name(docs, order, [label_of[r] for r in order], out, counter)

    def _name(
        self, docs: list[EventDoc], rows: list[int], labels: list[int], out: Clustering, counter: int
    ) -> None:
        """Name the clusters of ``rows`` (``labels``, one per row; rows in (date, id) order).
        A cluster takes the id of the older event it holds most of when it holds most of
        that event's articles here; the others are new events, founded by their first
        article. An older event whose id went to no cluster is merged into the event most of
        its articles joined; older articles that went elsewhere are moved (a split)."""
        assign = out.assign
        previous = dict(assign)
        clusters: dict[int, list[int]] = {}
        for row, label in zip(rows, labels, strict=True):
            clusters.setdefault(label, []).append(row)
        pooled = Counter(previous[docs[r].id] for r in rows if docs[r].id in previous)
        overlap = Counter(
            (label, previous[docs[r].id])
            for r, label in zip(rows, labels, strict=True)
            if docs[r].id in previous
        )
        name: dict[int, str] = {}
        for (label, event), n in sorted(
            overlap.items(), key=lambda kv: (-kv[1], _event_order(kv[0][1]), kv[0][0])
        ):
            if label not in name and event not in name.values() and n * 2 > pooled[event]:
                name[label] = event
        for label, members in sorted(clusters.items(), key=lambda kv: min(kv[1])):
            if label not in name:  # holds no older event's majority: a new event
                counter += 1
                name[label] = f"V{counter}"
                out.founded.append((name[label], docs[min(members)].id))
        for row, label in zip(rows, labels, strict=True):
            assign[docs[row].id] = name[label]
        kept = set(name.values())
        for event in sorted(pooled, key=_event_order):
            if event in kept:
                continue
            went: Counter[str] = Counter()
            for (label, e), n in overlap.items():
                if e == event:
                    went[name[label]] += n
            # its id went to no cluster: it continues as the event most of it joined
            out.merged[event] = min(went, key=lambda v: (-went[v], _event_order(v)))
        for aid, event in previous.items():
            if aid in assign and assign[aid] != event and out.merged.get(event) != assign[aid]:
                out.moved[aid] = (event, assign[aid])


def decay_factor(gap: Any, decay: float) -> Any:
    """How much the days between two articles keep of their similarity: a boost within two
    days, an exponential decay beyond."""
    return np.where(gap <= 2, NEAR_BOOST, np.exp(-(gap - 2) / decay))


def window_edges(
    item: tuple[Any, Any, Any, list[int], Any, Any], window: int, decay: float, model: EventModel
) -> dict[tuple[int, int], float]:
    """One window's task: the pairs touching its own articles, in corpus row numbers."""
    x, days, years, core, rows, said = item
    factor = partial(decay_factor, decay=decay)
    found = similarity_edges(x, days, window, factor, years, core, model=model, said=said)
    rows = rows.tolist()
    return {(rows[i], rows[j]): v for (i, j), v in found.items()}


def component_labels(
    part: list[tuple[list[int], dict[tuple[int, int], float]]], threshold: float
) -> list[tuple[list[int], list[int]]]:
    """One task of graph components: each clustered alone, labels in corpus row numbers."""
    out = []
    for rows, edges in part:
        local = {r: k for k, r in enumerate(rows)}
        got = linkage_with_attach(
            len(rows), {(local[i], local[j]): v for (i, j), v in edges.items()}, threshold
        )
        out.append((rows, [rows[g] for g in got]))
    return out


def linkage_with_attach(
    n: int,
    edges: dict[tuple[int, int], float],
    threshold: float,
    weights: list[int] | None = None,
    peaks: dict[tuple[int, int], float] | None = None,
) -> list[int]:
    """Average-linkage clusters at ``threshold``; then an article left alone or in a pair
    joins the larger cluster it is most like on average, if above ``ATTACH`` and at least
    ``ATTACH_PEAK`` like one of its articles. Edges are read in sorted order, so the result
    does not depend on the order they were found in; each round of attaching decides every
    move on the clusters as they were before it, so it does not depend on the row order.
    ``weights`` and ``peaks``: rows that stand for clusters already formed (``average_linkage``),
    and for their edges the largest single article pair's value (the edge holds the sum)."""
    edges = dict(sorted(edges.items()))
    labels = average_linkage(n, edges, threshold, weights)
    weight = weights or [1] * n
    adjacency: list[dict[int, float]] = [{} for _ in range(n)]
    top: list[dict[int, float]] = [{} for _ in range(n)]
    for (i, j), v in edges.items():
        adjacency[i][j] = adjacency[j][i] = v
        top[i][j] = top[j][i] = peaks.get((i, j), v) if peaks else v
    for _ in range(2):
        sizes: Counter[int] = Counter()
        for i, label in enumerate(labels):
            sizes[label] += weight[i]
        moves: dict[int, int] = {}
        for i in range(n):
            if sizes[labels[i]] > 2:
                continue
            sums: dict[int, float] = {}
            peak: dict[int, float] = {}
            for j, v in adjacency[i].items():
                c = labels[j]
                if c != labels[i] and sizes[c] > 2:
                    sums[c] = sums.get(c, 0.0) + v
                    peak[c] = max(peak.get(c, 0.0), top[i][j])
            best, score = None, ATTACH
            for c in sorted(sums):
                value = sums[c] / sizes[c]
                if value > score and peak[c] >= ATTACH_PEAK:
                    best, score = c, value
            if best is not None:
                moves[i] = best
        if not moves:
            break
        for i, best in moves.items():
            labels[i] = best
    return labels


def _event_order(event: str) -> int:
    return int(event[1:]) if event[1:].isdigit() else 0


def summarise_events(assign: dict[str, str], articles: dict[str, Article]) -> list[Event]:
    """Event records: title (the headline most central to it), date, articles, outlets."""
    events: dict[str, list[str]] = {}
    for aid, event in assign.items():
        events.setdefault(event, []).append(aid)
    out: list[Event] = []
    for event, members in events.items():
        arts = [articles[m] for m in members if m in articles]
        dates = sorted(a.published for a in arts if a.published)
        out.append(
            Event(
                id=event,
                title=representative_title(arts),
                lede=lede(arts),
                date=dates[0] if dates else None,
                article_ids=sorted(members, key=lambda m: (articles[m].published or "9999", m)),
                outlets=sorted({a.outlet or UNKNOWN_OUTLET for a in arts}),
            )
        )
    return sorted(out, key=lambda e: (e.date or "9999", e.id))
