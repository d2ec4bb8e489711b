"""Stories: chains of related events over time (talks collapse → ferry seized → accord signed).

Events of one story share their actors and their vocabulary but may lie months apart, so
unlike events there is no decay with time: each event is the centroid of its articles'
vectors (the two TF-IDF vectors of events: words; names, numbers, years), events up to
``WINDOW`` days apart are compared by cosine, and they are grouped by average linkage over
that sparse graph. A story keeps the id most of its events had in the previous run; a new
event joins the story of the known event it is most like.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np

from storyline.link.event_model import blocks, story_rows
from storyline.link.events import FLOOR, EventDoc, average_linkage, similarity_edges
from storyline.link.ids import StableIds

THRESHOLD = 0.2  # checked on the demo corpus's five labelled stories
WINDOW = 120  # days between two events of one story, at most


class StoryBuilder:
    """Events → stories, with stable ids."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold

    def build(
        self,
        events: list[dict[str, Any]],
        articles: dict[str, dict[str, Any]],
        previous: dict[str, str] | None = None,
        x: Any = None,
        row_of: dict[str, int] | None = None,
        recluster: bool = False,
    ) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
        """Story records (id, title, event ids, article ids, dates, outlets) and a log.

        ``x``/``row_of``: the articles' story vectors (``event_model.story_rows``), when the
        caller has them. With
        ``previous`` (event → story of the last run), events keep their story and a new
        event joins the story of the existing event it is most like, or founds one with the
        new events like it. With ``recluster`` (a full run) every event is clustered afresh
        and each story takes the id most of its events had."""
        previous = previous or {}
        log: list[tuple[str, str]] = []
        if not events:
            return [], log
        edges = self._edges(events, articles, x, row_of)
        known = [e["id"] in previous for e in events]
        if recluster or not any(known):
            labels = average_linkage(len(events), edges, self.threshold)
        else:
            labels = self._incremental(events, edges, known, previous)
        groups: dict[int, list[dict[str, Any]]] = {}
        for event, label in zip(events, labels, strict=True):
            groups.setdefault(label, []).append(event)
        ordered = sorted(groups.values(), key=lambda g: (min(e["date"] or "9999" for e in g), g[0]["id"]))
        ids = StableIds("S", previous.values())
        stories = []
        for group in ordered:
            sid, fresh = ids.take(previous[e["id"]] for e in group if e["id"] in previous)
            if fresh:
                log.append(("story founded", f"{sid} with {group[0]['id']}"))
            stories.append(self.record(sid, group))
        return stories, log

    @staticmethod
    def record(sid: str, group: list[dict[str, Any]]) -> dict[str, Any]:
        """A story's record from its events' records: title of its largest event, dates,
        events, articles, outlets."""
        group = sorted(group, key=lambda e: (e["date"] or "9999", e["id"]))
        lead = max(group, key=lambda e: (len(e["article_ids"]), -group.index(e)))
        dates = [e["date"] for e in group if e["date"]]
        return {
            "id": sid,
            "title": lead["title"],
            "event_ids": [e["id"] for e in group],
            "article_ids": [a for e in group for a in e["article_ids"]],
            "first_date": min(dates) if dates else None,
            "last_date": max(dates) if dates else None,
            "outlets": sorted({o for e in group for o in e["outlets"]}),
        }

    def _incremental(
        self,
        events: list[dict[str, Any]],
        edges: dict[tuple[int, int], float],
        known: list[bool],
        previous: dict[str, str],
    ) -> list[int]:
        """Known events keep their story (labelled by their first known event); a new event
        joins the story of the known event it is most like, above ``threshold``; the rest
        are clustered among themselves."""
        n = len(events)
        labels = list(range(n))
        first: dict[str, int] = {}
        story = [previous.get(e["id"]) for e in events]
        for i in range(n):
            if known[i]:
                labels[i] = first.setdefault(str(story[i]), i)
        best: dict[int, tuple[float, int]] = {}
        for (i, j), v in edges.items():
            for new, old in ((i, j), (j, i)):
                fresh = not known[new] and known[old] and v >= self.threshold
                if fresh and v > best.get(new, (0.0, 0))[0]:
                    best[new] = (v, labels[old])
        rest = [i for i in range(n) if not known[i] and i not in best]
        local = {r: k for k, r in enumerate(rest)}
        sub = average_linkage(
            len(rest),
            {(local[i], local[j]): v for (i, j), v in edges.items() if i in local and j in local},
            self.threshold,
        )
        for i, (_, label) in best.items():
            labels[i] = label
        for r, label in zip(rest, sub, strict=True):
            labels[r] = rest[label]
        return labels

    def _edges(
        self,
        events: list[dict[str, Any]],
        articles: dict[str, dict[str, Any]],
        x: Any,
        row_of: dict[str, int] | None,
    ) -> dict[tuple[int, int], float]:
        """Cosine of the events' centroids (the mean of their articles' vectors), for events
        dated within ``WINDOW`` days of each other (or undated)."""
        from scipy.sparse import csr_matrix, vstack
        from sklearn.preprocessing import normalize

        if x is None or row_of is None:
            docs = [
                EventDoc(
                    a,
                    articles[a].get("text") or "",
                    headline=articles[a].get("headline"),
                    readable="read" not in articles[a].get("skipped", {}),
                )
                for e in events
                for a in e["article_ids"]
                if a in articles
            ]
            if not docs:
                return {}
            x, row_of = story_rows(blocks(docs)), {d.id: k for k, d in enumerate(docs)}
        rows = []
        for e in events:
            members = [row_of[a] for a in e["article_ids"] if a in row_of]
            rows.append(csr_matrix(x[members].mean(axis=0)) if members else csr_matrix((1, x.shape[1])))
        centroids = normalize(vstack(rows, format="csr"))
        days = np.array(
            [date.fromisoformat(e["date"][:10]).toordinal() if e.get("date") else -1 for e in events]
        )
        return similarity_edges(centroids, days, WINDOW, lambda gap: 1.0, floor=FLOOR)
