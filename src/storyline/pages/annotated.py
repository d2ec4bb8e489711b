"""An article's text as the article page shows it: cut at every annotation boundary, each
piece carrying its classes, explanation and anchors, and the side panel that lists the
article's entities, dates, quotes and numbers (links to their place: works by tap and
keyboard, where the hover titles do not)."""

from __future__ import annotations

import itertools
from typing import Any

KIND_CLASS = {"entities": "ent", "timexes": "tx", "quotes": "qt", "claims": "cl"}


def _explain(kind: str, a: dict[str, Any]) -> str:
    if kind == "entities":
        extra = f", {a['role']}" if a.get("role") else ""
        linked = f" · entity {a['entity_id']}" if a.get("entity_id") else ""
        return f"{a['label']}{extra}{linked}"
    if kind == "timexes":
        return f"time: {a.get('value')} ({a.get('type')})"
    if kind == "quotes":
        who = a.get("speaker_resolved") or a.get("speaker") or "unknown speaker"
        how = "reported speech" if a.get("kind") == "indirect" else "quotation"
        return f"{how} · {who}"
    return "number: " + number_words(a) + (f" · according to {a['source']}" if a.get("source") else "")


def number_words(a: dict[str, Any]) -> str:
    """A claim's number as a reader says it: value, unit, what it counts, each word once
    ("2 governments", not "2 governments met governments met")."""
    words: list[str] = [str(a.get("value"))]
    for part in (a.get("unit"), a.get("quantity")):
        for w in str(part or "").split():
            if w.lower() not in {x.lower() for x in words}:
                words.append(w)
    return " ".join(words)


def segments(
    text: str, notes: dict[str, list[dict[str, Any]]], mark: tuple[int, int] | None
) -> list[dict[str, Any]]:
    """The text cut at every annotation boundary; each piece carries the classes and
    explanations of what covers it (and ``hl`` inside the highlighted citation)."""
    spans: list[tuple[int, int, str, str]] = []
    anchors: dict[int, list[str]] = {}
    for kind, cls in KIND_CLASS.items():
        for n, note in enumerate(notes.get(kind, [])):
            claim = kind == "claims"
            start = note.get("number_start", note["start"]) if claim else note["start"]
            end = note.get("number_end", note["end"]) if claim else note["end"]
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
                spans.append((start, end, cls, _explain(kind, note)))
                anchors.setdefault(start, []).append(f"n-{cls}-{n}")
    if mark and 0 <= mark[0] < mark[1] <= len(text):
        spans.append((mark[0], mark[1], "hl", "cited passage"))
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    out = []
    first_hl = True
    for a, b in itertools.pairwise(cuts):
        cover = [(cls, why) for s, e, cls, why in spans if s <= a and b <= e]
        classes = sorted({cls for cls, _ in cover})
        piece = {
            "text": text[a:b],
            "start": a,
            "end": b,
            "classes": classes,
            "title": "; ".join(w for _, w in cover),
        }
        if "hl" in classes and first_hl:
            piece["anchor"], first_hl = "hl", False
        piece["anchors"] = anchors.pop(a, [])
        out.append(piece)
    return out


def side_panel(notes: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """What the article's side panel lists — its entities (one line per entity or name),
    dates, quotes and numbers — each with the anchor of its place in the text."""
    panel: dict[str, list[dict[str, Any]]] = {"entities": [], "dates": [], "quotes": [], "numbers": []}
    seen: dict[str, dict[str, Any]] = {}
    for n, e in enumerate(notes.get("entities", [])):
        key = e.get("entity_id") or " ".join(str(e.get("text", "")).split()).lower()
        if key in seen:
            seen[key]["count"] += 1
            continue
        seen[key] = {"anchor": f"n-ent-{n}", "text": e.get("text"), "label": e.get("label"),
                     "role": e.get("role"), "entity_id": e.get("entity_id"), "count": 1}  # fmt: skip
        panel["entities"].append(seen[key])
    for n, t in enumerate(notes.get("timexes", [])):
        panel["dates"].append(
            {"anchor": f"n-tx-{n}", "text": t.get("text"), "value": t.get("value"), "type": t.get("type")}
        )
    for n, q in enumerate(notes.get("quotes", [])):
        panel["quotes"].append(
            {
                "anchor": f"n-qt-{n}",
                "text": q.get("text"),
                "explain": _explain("quotes", q),
                "entity_id": q.get("speaker_entity_id"),
            }
        )
    for n, c in enumerate(notes.get("claims", [])):
        panel["numbers"].append({"anchor": f"n-cl-{n}", "text": number_words(c), "source": c.get("source")})
    return panel
