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

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

import numpy as np

from storyline.link.runner import InProcess, Runner
from storyline.link.unionfind import UnionFind

FLOOR = 0.08  # similarities below this are not kept: the graph stays sparse
CHUNK = 4000  # articles per task when edges and clusters are computed window by window

THRESHOLD = 0.25  # tuned on ECB+ topics 1-35 (bench/ecbplus.py)
ATTACH = 0.05  # an article left alone or in a pair joins the event it is most like, above this
ATTACH_PEAK = 0.15  # ... if it is at least this like one of that event's articles
MERGE = 0.5
DECAY_DAYS = 7.0
YEAR_CONFLICT = 0.4
NEAR_BOOST = 1.2  # dated within two days of each other: likelier one development
_TOKEN = re.compile(r"[\w'’.-]+|[^\w\s]")
_NUMBER = re.compile(r"\d[\d,.]*")
_ENDS = frozenset({".", '"', "“", "!", "?"})  # a capitalised word after these starts a sentence
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def signature(text: str) -> list[str]:
    """What tells one event from a similar one: capitalised words inside sentences (names),
    numbers and years."""
    out: list[str] = []
    append = out.append
    for line in text.split("\n"):
        tokens = _TOKEN.findall(line)
        for i, w in enumerate(tokens):
            first = w[0]
            if first.isdigit():
                if _YEAR.fullmatch(w):
                    append("Y" + w)
                elif _NUMBER.fullmatch(w):
                    append("N" + w.replace(",", "").rstrip("."))
            elif first.isupper() and len(w) > 1 and i > 0 and tokens[i - 1] not in _ENDS:
                append(w.lower().rstrip("."))
    return out


@dataclass
class EventDoc:
    """What event clustering reads of an article."""

    id: str
    text: str
    date: str | None = None
    headline: str | None = None
    readable: bool = True  # False: no reader read it (another language): no vocabulary signal


@dataclass
class Clustering:
    """What event clustering decided: each article's event, the events founded (with the
    article that founded each) and the events merged into older ones (merged → kept, in the
    order they were merged)."""

    assign: dict[str, str]
    founded: list[tuple[str, str]] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)

    @property
    def log(self) -> list[tuple[str, str]]:
        """(kind, detail) lines for the link log."""
        return [("event founded", f"{e} with {a}") for e, a in self.founded] + [
            ("events merged", f"{b} into {a}") for b, a in self.merged.items()
        ]


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
) -> dict[tuple[int, int], float]:
    """Pairs (i < j) of rows of ``x`` whose similarity (dot product, times ``factor(gap in
    days)`` when both are dated, times ``YEAR_CONFLICT`` when both name years but none in
    common) reaches ``floor``; only pairs touching ``rows`` when given. A dated row is
    compared only with rows dated within ``window`` days and with undated rows, so the cost
    grows with the corpus times the rows per window, not with the corpus squared."""
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

    def block(a: Any, b: Any) -> None:
        if len(a) == 0 or len(b) == 0:
            return
        prod = (x[a] @ x[b].T).tocoo()
        keep = prod.data * NEAR_BOOST >= floor  # no factor lifts a pair by more than this
        ii, jj, sim = prod.row[keep], prod.col[keep], prod.data[keep].astype(np.float64)
        da, db = days[a][ii], days[b][jj]
        sim *= np.where((da >= 0) & (db >= 0), factor(np.abs(da - db)), 1.0)
        if has is not None:
            both = has[a][ii] & has[b][jj]
            if both.any():
                shared = np.asarray((years[a] @ years[b].T).tocsr()[ii, jj]).ravel() > 0
                sim *= np.where(both & ~shared, YEAR_CONFLICT, 1.0)
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


def average_linkage(n: int, edges: dict[tuple[int, int], float], threshold: float) -> list[int]:
    """Average-linkage clusters (a label per row) at ``threshold`` over a sparse similarity
    graph, a pair with no edge counting as 0. Merging two clusters needs an edge between
    them, so this equals dense average linkage whenever the pairs left out are the zero ones;
    its cost grows with the edges, not with n squared."""
    import heapq

    size = [1] * n
    nbr: list[dict[int, float]] = [{} for _ in range(n)]
    for (i, j), v in edges.items():
        nbr[i][j] = v
        nbr[j][i] = v
    merged_into = list(range(n))
    heap = [(-v, i, j) for (i, j), v in edges.items() if v >= threshold]
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
        self, threshold: float = THRESHOLD, merge: float = MERGE, decay_days: float = DECAY_DAYS
    ) -> None:
        self.threshold = threshold
        self.merge = merge
        self.decay_days = decay_days
        # beyond this many days apart, decay keeps any pair below FLOOR: never compared
        self.window = int(2 + decay_days * np.log(1 / FLOOR)) + 1

    def vectors(self, docs: list[EventDoc]) -> Any:
        """One sparse row per article whose dot products are the text similarity: half the
        cosine of all words, half the cosine of what tells one event from a similar one
        (names, numbers, years). (Linked entity ids as extra terms measured worse on ECB+,
        0.921 against 0.943 BCubed F1, so names enter as written.)"""
        from scipy.sparse import csr_matrix, hstack
        from sklearn.feature_extraction.text import TfidfVectorizer

        if not any(d.readable for d in docs):  # nothing to compare by what it says
            return csr_matrix((len(docs), 1), dtype=np.float32)
        # An article no reader read (another language) is a zero row: it joins an event only
        # as a copy of an article of it, never by vocabulary.
        words = TfidfVectorizer(
            stop_words="english",
            sublinear_tf=True,
            token_pattern=r"(?u)\b[A-Za-z_][\w-]{2,}\b",
            dtype=np.float32,
        ).fit_transform([" ".join([d.headline or "", d.text]) if d.readable else "" for d in docs])
        marks = TfidfVectorizer(
            sublinear_tf=True, token_pattern=r"\S+", lowercase=False, dtype=np.float32
        ).fit_transform([(" ".join(signature(d.text)) or "-") if d.readable else "" for d in docs])
        return hstack([words * np.sqrt(0.5), marks * np.sqrt(0.5)], format="csr")

    def _years(self, docs: list[EventDoc]) -> Any:
        from scipy.sparse import csr_matrix

        names = [sorted(set(_YEAR.findall(d.text))) for d in docs]
        vocab = {y: k for k, y in enumerate(sorted({y for ys in names for y in ys}))}
        ind = [vocab[y] for ys in names for y in ys]
        ptr = np.cumsum([0] + [len(ys) for ys in names])
        return csr_matrix(
            (np.ones(len(ind), dtype=np.float32), ind, ptr), shape=(len(docs), max(len(vocab), 1))
        )

    def edges(
        self, docs: list[EventDoc], rows: list[int] | None = None, x: Any = None
    ) -> dict[tuple[int, int], float]:
        """Pairs (i < j) whose similarity reaches ``FLOOR``, with it; only pairs that touch
        ``rows`` when given. Similarity is the text similarity (``vectors``), times a boost
        within two days or a decay beyond (pairs with an unknown date untouched), times
        ``YEAR_CONFLICT`` when both texts name years but none in common."""
        if len(docs) < 2:
            return {}
        x = self.vectors(docs) if x is None else x
        days = np.array([_day(d.date) or -1 for d in docs], dtype=np.int64)
        factor = partial(decay_factor, decay=self.decay_days)
        return similarity_edges(x, days, self.window, factor, self._years(docs), rows)

    def edges_by_window(
        self, docs: list[EventDoc], x: Any, runner: Runner | None = None, chunk: int = CHUNK
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
        years = self._years(docs)
        dated = np.nonzero(days >= 0)[0]
        dated = dated[np.argsort(days[dated], kind="stable")]
        sorted_days = days[dated]
        undated = np.nonzero(days < 0)[0]
        tasks = []
        for k in range(0, len(dated), chunk):
            core = dated[k : k + chunk]
            lo = np.searchsorted(sorted_days, days[core[0]] - self.window, "left")
            hi = np.searchsorted(sorted_days, days[core[-1]] + self.window, "right")
            tasks.append((core, np.concatenate([dated[lo:hi], undated])))
        for k in range(0, len(undated), chunk):
            tasks.append((undated[k : k + chunk], np.arange(n)))

        def item(core: Any, seen: Any) -> tuple[Any, Any, Any, list[int], Any]:
            seen = np.unique(seen)
            local = np.searchsorted(seen, core)
            return (x[seen], days[seen], years[seen], local.tolist(), seen)

        items = (item(core, seen) for core, seen in tasks)  # made one at a time in-process
        out: dict[tuple[int, int], float] = {}
        for part in (runner or InProcess()).map(window_edges, items, self.window, self.decay_days):
            out.update(part)
        return dict(sorted(out.items()))

    def labels(
        self,
        n: int,
        edges: dict[tuple[int, int], float],
        runner: Runner | None = None,
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
        for part in (runner or InProcess()).map(component_labels, parts, self.threshold):
            for rows, got in part:
                for row, label in zip(rows, got, strict=True):
                    labels[row] = label
        return labels

    def cluster(
        self,
        docs: list[EventDoc],
        previous: dict[str, str] | None = None,
        x: Any = None,
        runner: Runner | None = None,
        chunk: int = CHUNK,
    ) -> Clustering:
        """Article id → event id, with the events founded and merged.

        ``docs`` may be the whole corpus or, when ``previous`` holds the events of the older
        articles, the new articles with the older ones near them in time. A first run's
        windows and components are tasks for ``runner`` (in this process by default)."""
        previous = dict(previous or {})
        out = Clustering({d.id: previous[d.id] for d in docs if d.id in previous})
        if not docs:
            return out
        counter = max((int(v[1:]) for v in previous.values() if v[1:].isdigit()), default=0)
        if out.assign:
            self._join(docs, out, counter, x)
            return out
        x = self.vectors(docs) if x is None else x
        edges = self.edges_by_window(docs, x, runner, chunk)
        labels = self.labels(len(docs), edges, runner, chunk)
        first: dict[int, str] = {}
        days = [_day(d.date) for d in docs]
        for i in sorted(range(len(docs)), key=lambda i: (days[i] or 10**9, docs[i].id)):
            if labels[i] not in first:
                counter += 1
                first[labels[i]] = f"V{counter}"
                out.founded.append((first[labels[i]], docs[i].id))
            out.assign[docs[i].id] = first[labels[i]]
        return out

    def _join(self, docs: list[EventDoc], out: Clustering, counter: int, x: Any) -> None:
        """New articles: clustered among themselves first (as a first run would), then each
        group joins the existing event it is most like on average, or founds its own; then
        events grown alike are merged."""
        assign = out.assign
        index = {d.id: i for i, d in enumerate(docs)}
        todo = sorted((d for d in docs if d.id not in assign), key=lambda d: (_day(d.date) or 10**9, d.id))
        if not todo:
            return
        rows = [index[d.id] for d in todo]
        edges = self.edges(docs, rows, x)
        new = set(rows)
        local = {r: k for k, r in enumerate(rows)}
        labels = linkage_with_attach(
            len(rows),
            {(local[i], local[j]): v for (i, j), v in edges.items() if i in new and j in new},
            self.threshold,
        )
        groups: dict[int, list[int]] = {}
        for row, label in zip(rows, labels, strict=True):
            groups.setdefault(label, []).append(row)
        size = Counter(assign.values())
        toward: dict[int, dict[str, float]] = {}  # new row → summed similarity to each event
        for (i, j), v in edges.items():
            for row, other in ((i, j), (j, i)):
                event = assign.get(docs[other].id) if row in new else None
                if event is not None:
                    toward.setdefault(row, {})
                    toward[row][event] = toward[row].get(event, 0.0) + v
        for group in sorted(groups.values(), key=lambda g: min(g)):
            sums: dict[str, float] = {}
            for row in group:
                for event, v in toward.get(row, {}).items():
                    sums[event] = sums.get(event, 0.0) + v
            best, score = None, 0.0
            for event in sorted(sums):
                value = sums[event] / (len(group) * size[event])
                if value > score:
                    best, score = event, value
            if best is None or score < self.threshold:
                counter += 1
                best = f"V{counter}"
                out.founded.append((best, docs[group[0]].id))
            for row in group:
                assign[docs[row].id] = best
            size[best] += len(group)
        self._merge(out, edges, docs, size)

    def _merge(
        self,
        out: Clustering,
        edges: dict[tuple[int, int], float],
        docs: list[EventDoc],
        size: Counter[str],
    ) -> None:
        """Merge events whose members have grown alike on average (the older id stays)."""
        assign = out.assign
        changed = True
        while changed:
            changed = False
            sums: dict[tuple[str, str], float] = {}
            for (i, j), v in edges.items():
                a, b = assign.get(docs[i].id), assign.get(docs[j].id)
                if a and b and a != b:
                    pair = (a, b) if _event_order(a) <= _event_order(b) else (b, a)
                    sums[pair] = sums.get(pair, 0.0) + v
            for (a, b), total in sorted(
                sums.items(), key=lambda kv: (_event_order(kv[0][0]), _event_order(kv[0][1]))
            ):
                if total / (size[a] * size[b]) >= self.merge:
                    for aid, event in list(assign.items()):
                        if event == b:
                            assign[aid] = a
                    size[a] += size.pop(b)
                    out.merged[b] = a
                    changed = True
                    break


def decay_factor(gap: Any, decay: float) -> Any:
    """How much the days between two articles keep of their similarity: a boost within two
    days, an exponential decay beyond."""
    return np.where(gap <= 2, NEAR_BOOST, np.exp(-(gap - 2) / decay))


def window_edges(
    item: tuple[Any, Any, Any, list[int], Any], window: int, decay: float
) -> dict[tuple[int, int], float]:
    """One window's task: the pairs touching its own articles, in corpus row numbers."""
    x, days, years, core, rows = item
    found = similarity_edges(x, days, window, partial(decay_factor, decay=decay), years, core)
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


def linkage_with_attach(n: int, edges: dict[tuple[int, int], float], threshold: float) -> list[int]:
    """Average-linkage clusters at ``threshold``; then an article left alone or in a pair
    joins the larger cluster it is most like on average, if above ``ATTACH`` and at least
    ``ATTACH_PEAK`` like one of its articles. Edges are read in sorted order, so the result
    does not depend on the order they were found in."""
    edges = dict(sorted(edges.items()))
    labels = average_linkage(n, edges, threshold)
    adjacency: list[dict[int, float]] = [{} for _ in range(n)]
    for (i, j), v in edges.items():
        adjacency[i][j] = adjacency[j][i] = v
    for _ in range(2):
        sizes = Counter(labels)
        for i in range(n):
            if sizes[labels[i]] > 2:
                continue
            sums: dict[int, float] = {}
            peak: dict[int, float] = {}
            for j, v in adjacency[i].items():
                c = labels[j]
                if c != labels[i] and sizes[c] > 2:
                    sums[c] = sums.get(c, 0.0) + v
                    peak[c] = max(peak.get(c, 0.0), v)
            best, score = None, ATTACH
            for c in sorted(sums):
                value = sums[c] / sizes[c]
                if value > score and peak[c] >= ATTACH_PEAK:
                    best, score = c, value
            if best is not None:
                sizes[labels[i]] -= 1
                labels[i] = best
                sizes[best] += 1
    return labels


def _event_order(event: str) -> int:
    return int(event[1:]) if event[1:].isdigit() else 0


def summarise_events(assign: dict[str, str], articles: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Event records: title (the headline most central to it), date, articles, outlets."""
    events: dict[str, list[str]] = {}
    for aid, event in assign.items():
        events.setdefault(event, []).append(aid)
    out: list[dict[str, Any]] = []
    for event, members in events.items():
        arts = [articles[m] for m in members if m in articles]
        dates = sorted(str(a["published"]) for a in arts if a.get("published"))
        first = min(arts, key=lambda a: (a.get("published") or "9999", a["id"]))
        out.append(
            {
                "id": event,
                "title": first.get("headline") or " ".join((first.get("text") or "")[:100].split()),
                "date": dates[0] if dates else None,
                "article_ids": sorted(members, key=lambda m: (articles[m].get("published") or "9999", m)),
                "outlets": sorted({a.get("outlet") or "unknown outlet" for a in arts}),
            }
        )
    return sorted(out, key=lambda e: (e["date"] or "9999", e["id"]))
