"""Stories: chains of related events over time (talks collapse → ferry seized → accord signed).

Events of one story share their actors and their vocabulary but may lie months apart, so
unlike events there is no decay with time: each event is the centroid of its articles'
vectors (the two TF-IDF vectors of events: words; names, numbers, years), events up to
``WINDOW`` days apart are compared by cosine, and they are grouped by average linkage over
that sparse graph. A story keeps the id most of its events had in the previous run. An
incremental run clusters the events near its new articles the same way (not attaching the
new ones to the nearest story: the stories of articles arriving in slices then differed
from those of the same articles at once, BCubed 0.75 on bpoil, ``bench/arrival.py``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np

from storyline.link.event_model import blocks, story_rows
from storyline.link.events import FLOOR, average_linkage, event_doc, similarity_edges
from storyline.link.ids import StableIds
from storyline.model import Article, Event, Story

THRESHOLD = 0.2
"""Average cosine at which two groups of events become one story. Measured on Timeline17's
five topics with ECB+ topics 1–35 as undated distractors (``python bench/stories.py``; issue
#26 in docs/benchmarks.md): under 0.175, unrelated undated events join stories (their BCubed
precision 0.9795 at 0.175 and 0.2, 0.944 at 0.15, 0.856 at 0.1); above, a topic's events
only split further (windowed recall, mean of the topics, 0.097 at 0.175, 0.065 at 0.2, 0.052
at 0.225). Chosen leave one topic out, precision first (distractors ≥ 0.98): 0.175 or 0.225
per fold; 0.2, between them, is kept. BCubed F1 alone keeps rising down to 0.01, where the
distractors join anything."""
WINDOW = 120  # days between two events of one story, at most


def within_window(gap: Any) -> Any:
    """No decay with time inside ``WINDOW`` days, nothing beyond: the edges are found a block
    of rows at a time, and a block reaches past the window of its first rows (17,215 of 121,124
    story edges of Timeline17 and ECB+ joined events more than 120 days apart, up to 614)."""
    return np.where(gap <= WINDOW, 1.0, 0.0)


class StoryBuilder:
    """Events → stories, with stable ids."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold

    def build(
        self,
        events: list[Event],
        articles: dict[str, Article],
        previous: dict[str, str] | None = None,
        x: Any = None,
        row_of: dict[str, int] | None = None,
    ) -> tuple[list[Story], list[tuple[str, str]]]:
        """Story records (id, title, event ids, article ids, dates, outlets) and a log.

        ``x``/``row_of``: the articles' story vectors (``event_model.story_rows``), when the
        caller has them. The events are clustered afresh and each story takes the id most
        of its events had in ``previous`` (event → story of the last run); an event that
        leaves its story is logged ("event moved")."""
        previous = previous or {}
        log: list[tuple[str, str]] = []
        if not events:
            return [], log
        edges = self._edges(events, articles, x, row_of)
        # the same clustering whether a run is full or incremental: the events given (all
        # of them, or those near the new articles) clustered afresh, ids by majority, so that
        # arriving in slices gives the stories arriving at once gives
        labels = average_linkage(len(events), edges, self.threshold)
        groups: dict[int, list[Event]] = {}
        for event, label in zip(events, labels, strict=True):
            groups.setdefault(label, []).append(event)
        ordered = sorted(groups.values(), key=lambda g: (min(e.date or "9999" for e in g), g[0].id))
        ids = StableIds("S", previous.values())
        stories = []
        for group in ordered:
            sid, fresh = ids.take(previous[e.id] for e in group if e.id in previous)
            if fresh:
                log.append(("story founded", f"{sid} with {group[0].id}"))
            for e in group:
                if e.id in previous and previous[e.id] != sid:
                    log.append(("event moved", f"{e.id} from {previous[e.id]} to {sid}"))
            stories.append(self.record(sid, group))
        return stories, log

    @staticmethod
    def record(sid: str, group: list[Event]) -> Story:
        """A story's record from its events' records: title of its largest event, dates,
        events, articles, outlets."""
        group = sorted(group, key=lambda e: (e.date or "9999", e.id))
        lead = max(group, key=lambda e: (len(e.article_ids), -group.index(e)))
        dates = [e.date for e in group if e.date]
        return Story(
            id=sid,
            title=lead.title,
            lede=lead.lede,
            event_ids=[e.id for e in group],
            article_ids=[a for e in group for a in e.article_ids],
            first_date=min(dates) if dates else None,
            last_date=max(dates) if dates else None,
            outlets=sorted({o for e in group for o in e.outlets}),
        )

    def _edges(
        self,
        events: list[Event],
        articles: dict[str, Article],
        x: Any,
        row_of: dict[str, int] | None,
    ) -> dict[tuple[int, int], float]:
        """Cosine of the events' centroids (the mean of their articles' vectors), for events
        dated within ``WINDOW`` days of each other (or undated)."""
        from scipy.sparse import csr_matrix, vstack
        from sklearn.preprocessing import normalize

        if x is None or row_of is None:
            docs = [event_doc(articles[a]) for e in events for a in e.article_ids if a in articles]
            if not docs:
                return {}
            x, row_of = story_rows(blocks(docs)), {d.id: k for k, d in enumerate(docs)}
        rows = []
        for e in events:
            members = [row_of[a] for a in e.article_ids if a in row_of]
            rows.append(csr_matrix(x[members].mean(axis=0)) if members else csr_matrix((1, x.shape[1])))
        centroids = normalize(vstack(rows, format="csr"))
        days = np.array([date.fromisoformat(e.date[:10]).toordinal() if e.date else -1 for e in events])
        return similarity_edges(centroids, days, WINDOW, within_window, floor=FLOOR)
