"""Stories: chains of related events over time (talks collapse → ferry seized → accord signed).

Events of one story share their actors and their vocabulary but may lie months apart, so
unlike events there is no decay with time: each event is the text of its articles, compared
by the same two TF-IDF vectors as events (words; names, numbers, years) and grouped by
average linkage. A story keeps the id most of its events had in the previous run.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from storyline.link.events import signature
from storyline.link.ids import StableIds

THRESHOLD = 0.2  # checked on the demo corpus's five labelled stories


class StoryBuilder:
    """Events → stories, with stable ids."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold

    def build(
        self,
        events: list[dict[str, Any]],
        articles: dict[str, dict[str, Any]],
        previous: dict[str, str] | None = None,
    ) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
        """Story records (id, title, event ids, article ids, dates, outlets) and a log."""
        previous = previous or {}
        log: list[tuple[str, str]] = []
        if not events:
            return [], log
        labels = self._labels(events, articles)
        groups: dict[int, list[dict[str, Any]]] = {}
        for event, label in zip(events, labels, strict=True):
            groups.setdefault(label, []).append(event)
        ordered = sorted(
            groups.values(), key=lambda g: (min(e["date"] or "9999" for e in g), g[0]["id"])
        )
        ids = StableIds("S", previous.values())
        stories = []
        for group in ordered:
            sid, fresh = ids.take(previous[e["id"]] for e in group if e["id"] in previous)
            if fresh:
                log.append(("story founded", f"{sid} with {group[0]['id']}"))
            group.sort(key=lambda e: (e["date"] or "9999", e["id"]))
            lead = max(group, key=lambda e: (len(e["article_ids"]), -group.index(e)))
            dates = [e["date"] for e in group if e["date"]]
            stories.append({
                "id": sid, "title": lead["title"],
                "event_ids": [e["id"] for e in group],
                "article_ids": [a for e in group for a in e["article_ids"]],
                "first_date": min(dates) if dates else None, "last_date": max(dates) if dates else None,
                "outlets": sorted({o for e in group for o in e["outlets"]}),
                "timeline": [], "summary": [],
            })  # fmt: skip
        return stories, log

    def _labels(
        self, events: list[dict[str, Any]], articles: dict[str, dict[str, Any]]
    ) -> list[int]:
        if len(events) == 1:
            return [0]
        from sklearn.cluster import AgglomerativeClustering
        from sklearn.feature_extraction.text import TfidfVectorizer

        texts = [
            " ".join(
                f"{articles[a].get('headline') or ''} {articles[a].get('text') or ''}"
                for a in e["article_ids"]
                if a in articles
            )
            for e in events
        ]
        words = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
        marks = TfidfVectorizer(
            sublinear_tf=True, token_pattern=r"\S+", lowercase=False
        ).fit_transform([" ".join(signature(t)) or "-" for t in texts])
        sim = 0.5 * (words @ words.T).toarray() + 0.5 * (marks @ marks.T).toarray()
        model = AgglomerativeClustering(
            n_clusters=None,
            metric="precomputed",
            linkage="average",
            distance_threshold=1.0 - self.threshold,
        )
        return [int(x) for x in model.fit_predict(np.clip(1.0 - sim, 0.0, None))]
