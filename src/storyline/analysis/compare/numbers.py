"""Numbers the outlets disagree on, found through the alignment: the same quantity of the same
thing at the same time in sentences of two known outlets that ``align`` ties, with values that
exclude each other once qualifiers are read ("at least 11" and "15" agree) and given at the
same rate (a daily figure against a total is no disagreement). The rule is the conflict rule of
``analysis/conflicts.py`` (what a claim counts, its time, rate, scope, qualifiers, background
and hypothetical figures left out), but two aligned sentences already tell one thing, so their
frames need not agree word for word: one act named with two verbs is still one act."""

from __future__ import annotations

from bisect import bisect_right

from storyline.analysis.compare.align import Alignment, event_alignment
from storyline.analysis.conflicts import aligned_conflicts
from storyline.model import Article, Event
from storyline.model.analyses import Citation, ComparedValue, Disagreement


def disagreements(
    event: Event, articles: dict[str, Article], copies: set[str], al: Alignment | None = None
) -> list[Disagreement]:
    """The quantities two known outlets give different values in aligned sentences, each
    value cited at its number (its sentence as ``text``); ``al``: the event's alignment, when
    already made."""
    al = al or event_alignment(event.article_ids, articles, copies)
    starts: dict[str, list[tuple[int, int, int]]] = {}
    for k, u in enumerate(al.units):
        if u.outlet:
            starts.setdefault(u.article_id, []).append((u.start, u.end, k))
    tied = {(k, j) for k, found in enumerate(al.partners) for j, _ in found}

    def unit(article_id: str, at: int) -> int | None:
        spans = starts.get(article_id, [])
        n = bisect_right(spans, (at, float("inf"), 0)) - 1
        return spans[n][2] if n >= 0 and spans[n][0] <= at < spans[n][1] else None

    def aligned(a: str, a_at: int, b: str, b_at: int) -> bool:
        ka, kb = unit(a, a_at), unit(b, b_at)
        return ka is not None and kb is not None and (ka, kb) in tied

    out = []
    for c in aligned_conflicts(event, articles, copies, aligned):
        values: dict[tuple[str, float], ComparedValue] = {}
        for r in c["reports"]:
            outlet = r["outlet"] or ""
            span = Citation(article_id=r["article_id"], start=r["start"], end=r["end"])
            text = articles[r["article_id"]].text[r["start"] : r["end"]]  # the number's own words
            found = values.setdefault(
                (outlet, r["value"]), ComparedValue(value=r["value"], text=text, outlet=outlet, citations=[])
            )
            found["citations"].append(span)
        ordered = sorted(values.values(), key=lambda v: (v["value"], v["outlet"]))
        out.append(Disagreement(quantity=c["quantity"], values=ordered))
    return out
