"""Timelines: dated entries of a story, each one happening, cited and counted.

Every sentence of the story's articles (wire copies left out) gets the date it is about: the
full calendar date of a time expression in it (resolved by the read stage against the
article's date), else its article's publication date. Dates are ranked by how many sentences
of other articles point at them and how many articles appeared that day (the "datewise"
idea of Ghalandari & Ifrim 2020, unsupervised); for each of the top dates the sentences most
central to that date are taken, skipping repeats. An entry is ``said`` when a quote or
statement of the read stage lies in it, ``planned`` when it points past its article's
date, else ``happened``; a background fact ("Moscow launched its operation on February 24")
lands on its own date, not the article's. Each entry carries citations for every source
that reports it and a support count.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

import numpy as np

from storyline.link.summaries import SAME, sentences

_FULL = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_OR_DAY = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_MODAL = re.compile(r"\b(will|would|should|must|could|might|may|can|cannot|won't|wouldn't)\b", re.I)


def _items(
    article_ids: list[str], articles: dict[str, dict[str, Any]], copies: set[str], months: bool
) -> list[dict[str, Any]]:
    items = []
    for aid in article_ids:
        art = articles.get(aid)
        if art is None or aid in copies or not art.get("text"):
            continue
        text, published = art["text"], art.get("published")
        pattern = _MONTH_OR_DAY if months else _FULL
        timexes = [t for t in art.get("timexes", []) if pattern.match(str(t.get("value") or ""))]
        # A sentence is a statement when it quotes someone, or reports an opinion, warning or
        # intention ("X said Y would ..."); "talks broke down, officials said" still happened.
        statements = [
            (q["start"], q["end"])
            for q in art.get("quotes", [])
            if q.get("kind") != "indirect" or _MODAL.search(q.get("text") or "")
        ]
        for n, (a, b) in enumerate(sentences(text)):
            stated = [t["value"] for t in timexes if a <= t["start"] < b]
            date = stated[0] if stated else published
            if not date:
                continue
            said = any(x < b and a < y for x, y in statements)
            kind = "planned" if published and date > published else "said" if said else "happened"
            items.append({
                "article_id": aid, "outlet": art.get("outlet") or f"({aid})", "start": a, "end": b,
                "text": text[a:b], "date": date, "stated": bool(stated), "kind": kind,
                "lead": n < 5, "published": published,
            })  # fmt: skip
    return items


def build_timeline(
    article_ids: list[str],
    articles: dict[str, dict[str, Any]],
    copies: set[str] | None = None,
    dates: int | None = None,
    per_date: int = 1,
    keywords: list[str] | None = None,
    months: bool = True,
) -> list[dict[str, Any]]:
    """Timeline entries, in date order. ``dates`` defaults to one per distinct date, at most
    20; ``keywords`` (lower case), when given, keep only sentences that name one; ``months``
    lets a sentence about a month ("late November") be an entry of that month (2022-11)."""
    items = _items(article_ids, articles, copies or set(), months)
    if keywords:
        items = [i for i in items if any(k in i["text"].lower() for k in keywords)]
    if not items:
        return []
    # date importance: sentences of other articles that point at the date, and articles of the day
    pointed: Counter[str] = Counter()
    for i in items:
        if i["stated"] and i["date"] != i["published"]:
            pointed[i["date"]] += 1
    published = Counter({d: n for d, n in Counter(
        articles[a].get("published") for a in {i["article_id"] for i in items}
    ).items() if d})  # fmt: skip
    score = {d: pointed[d] + 0.5 * published[d] for d in {i["date"] for i in items}}
    wanted = dates if dates is not None else min(20, len(score))
    chosen_dates = sorted(score, key=lambda d: (-score[d], d))[:wanted]
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
            [i["text"] for i in items]
        )
    except ValueError:
        return []
    by_date: dict[str, list[int]] = defaultdict(list)
    for n, i in enumerate(items):
        if i["stated"] or i["lead"]:  # undated sentences count only near the top of an article
            by_date[i["date"]].append(n)
    entries = []
    for date in sorted(chosen_dates):
        rows = by_date.get(date, [])
        if not rows:
            continue
        sub = matrix[rows]
        centroid = np.asarray(sub.mean(axis=0)).ravel()
        central = np.asarray(sub @ centroid).ravel()
        sim = (sub @ sub.T).toarray()
        picked: list[int] = []
        for r in sorted(
            range(len(rows)), key=lambda r: (-central[r], items[rows[r]]["article_id"])
        ):
            if len(picked) >= per_date:
                break
            if any(sim[r, p] >= SAME for p in picked):
                continue
            picked.append(r)
        for r in picked:
            i = items[rows[r]]
            backers = [rows[x] for x in np.nonzero(sim[r] >= SAME)[0]]
            outlets = sorted({items[x]["outlet"] for x in [rows[r], *backers]})
            entries.append({
                "date": date, "text": i["text"], "kind": i["kind"],
                "citations": [{"article_id": items[x]["article_id"], "start": items[x]["start"],
                               "end": items[x]["end"]} for x in [rows[r], *(b for b in backers if b != rows[r])]],
                "support": len(outlets), "outlets": outlets,
            })  # fmt: skip
    return entries
