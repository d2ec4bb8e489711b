"""Conflicting claims: one quantity (``quantity`` of a claim: deaths, injured, a unit) in one
event reported with different values by different outlets, every value cited. Wire copies
are not counted as separate reports."""

from __future__ import annotations

from typing import Any


def conflicts(
    events: list[dict[str, Any]], articles: dict[str, dict[str, Any]], copies: set[str]
) -> list[dict[str, Any]]:
    """Quantities one event's outlets report with different values, each value cited."""
    out = []
    for event in events:
        by_quantity: dict[str, list[dict[str, Any]]] = {}
        for aid in event["article_ids"]:
            art = articles.get(aid)
            if art is None or aid in copies:
                continue
            for c in art.get("claims", []):
                quantity = c.get("quantity") or ""
                if not quantity or quantity in ("percent", "currency") or not c.get("unit"):
                    continue
                by_quantity.setdefault(quantity, []).append(
                    {
                        "article_id": aid,
                        "outlet": art.get("outlet"),
                        "value": c["value"],
                        "qualifier": c.get("qualifier"),
                        "unit": c["unit"],
                        "source": c.get("source"),
                        "start": c.get("number_start", c["start"]),
                        "end": c.get("number_end", c["end"]),
                        "sentence": c["text"],
                    }
                )
        for quantity, reports in sorted(by_quantity.items()):
            outlets = {r["outlet"] for r in reports}
            values = {r["value"] for r in reports}
            if len(values) > 1 and len(outlets) > 1:
                out.append(
                    {
                        "event_id": event["id"],
                        "quantity": quantity,
                        "values": sorted(values),
                        "reports": reports,
                    }
                )
    return out
