"""An article's text as the article page shows it: cut at every annotation boundary, each
piece carrying its classes, explanation and anchors, and the side panel that lists the
article's entities, dates, quotes and numbers (links to their place: works by tap and
keyboard, where the hover titles do not)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from storyline.model import Article, Claim, Mention, Quote, Timex
from storyline.pages.shapes import Panel, PanelDate, PanelEntity, PanelNumber, PanelQuote, Segment

KIND_CLASS = {"entities": "ent", "timexes": "tx", "quotes": "qt", "claims": "cl"}


def _explain(note: Mention | Timex | Quote | Claim) -> str:
    if isinstance(note, Mention):
        extra = f", {note.role}" if note.role else ""
        linked = f" · entity {note.entity_id}" if note.entity_id else ""
        return f"{note.label}{extra}{linked}"
    if isinstance(note, Timex):
        return f"time: {note.value} ({note.type})"
    if isinstance(note, Quote):
        who = note.speaker_resolved or note.speaker or "unknown speaker"
        how = "reported speech" if note.kind == "indirect" else "quotation"
        return f"{how} · {who}"
    return "number: " + number_words(note) + (f" · according to {note.source}" if note.source else "")


def number_words(claim: Claim) -> str:
    """A claim's number as a reader says it: value, unit, what it counts, each word once
    ("2 governments", not "2 governments met governments met")."""
    words: list[str] = [str(claim.value)]
    for part in (claim.unit, claim.quantity):
        for w in str(part or "").split():
            if w.lower() not in {x.lower() for x in words}:
                words.append(w)
    return " ".join(words)


def _notes(article: Article) -> list[tuple[str, Sequence[Mention | Timex | Quote | Claim]]]:
    return [
        ("ent", article.entities),
        ("tx", article.timexes),
        ("qt", article.quotes),
        ("cl", article.claims),
    ]


def segments(article: Article, mark: tuple[int, int] | None) -> list[Segment]:
    """The text cut at every annotation boundary; each piece carries the classes and
    explanations of what covers it (and ``hl`` inside the highlighted citation)."""
    text = article.text
    spans: list[tuple[int, int, str, str]] = []
    anchors: dict[int, list[str]] = {}
    for cls, notes in _notes(article):
        for n, note in enumerate(notes):
            start, end = (
                (note.number_start, note.number_end) if isinstance(note, Claim) else (note.start, note.end)
            )
            if 0 <= start < end <= len(text):
                spans.append((start, end, cls, _explain(note)))
                anchors.setdefault(start, []).append(f"n-{cls}-{n}")
    if mark and 0 <= mark[0] < mark[1] <= len(text):
        spans.append((mark[0], mark[1], "hl", "cited passage"))
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    out: list[Segment] = []
    first_hl = True
    for a, b in itertools.pairwise(cuts):
        cover = [(cls, why) for s, e, cls, why in spans if s <= a and b <= e]
        classes = sorted({cls for cls, _ in cover})
        piece = Segment(
            text=text[a:b], start=a, end=b, classes=classes, title="; ".join(w for _, w in cover), anchors=[]
        )
        if "hl" in classes and first_hl:
            piece["anchor"], first_hl = "hl", False
        piece["anchors"] = anchors.pop(a, [])
        out.append(piece)
    return out


def side_panel(article: Article) -> Panel:
    """What the article's side panel lists — its entities (one line per entity or name),
    dates, quotes and numbers — each with the anchor of its place in the text."""
    panel = Panel(entities=[], dates=[], quotes=[], numbers=[])
    seen: dict[str, PanelEntity] = {}
    for n, e in enumerate(article.entities):
        key = e.entity_id or " ".join(e.text.split()).lower()
        if key in seen:
            seen[key]["count"] += 1
            continue
        seen[key] = PanelEntity(
            anchor=f"n-ent-{n}", text=e.text, label=e.label, role=e.role, entity_id=e.entity_id, count=1
        )
        panel["entities"].append(seen[key])
    for n, t in enumerate(article.timexes):
        panel["dates"].append(PanelDate(anchor=f"n-tx-{n}", text=t.text, value=t.value, type=t.type))
    for n, q in enumerate(article.quotes):
        panel["quotes"].append(
            PanelQuote(anchor=f"n-qt-{n}", text=q.text, explain=_explain(q), entity_id=q.speaker_entity_id)
        )
    for n, c in enumerate(article.claims):
        panel["numbers"].append(PanelNumber(anchor=f"n-cl-{n}", text=number_words(c), source=c.source))
    return panel
