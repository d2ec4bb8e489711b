"""Conflicting claims: one quantity, different values, from different outlets."""

from __future__ import annotations

from typing import Any

from storyline.link.conflicts import conflicts


def claim(value: int, unit: str, quantity: str) -> dict[str, Any]:
    return {"text": "sentence", "start": 0, "end": 8, "value": value, "unit": unit,
            "quantity": quantity, "qualifier": None}  # fmt: skip


def test_one_quantity_with_different_values_is_a_conflict_every_value_cited() -> None:
    arts = {
        "x": {"outlet": "Wire", "claims": [claim(41, "people killed", "deaths")]},
        "y": {"outlet": "Courier", "claims": [claim(47, "death toll", "deaths"),
                                              claim(4, "helicopters sent", "helicopters sent")]},
        "z": {"outlet": "Post", "claims": [claim(41, "people killed", "deaths")]},
    }  # fmt: skip
    (found,) = conflicts([{"id": "V1", "article_ids": ["x", "y", "z"]}], arts, copies={"z"})
    assert found["quantity"] == "deaths" and found["values"] == [41, 47]
    assert {(r["article_id"], r["value"]) for r in found["reports"]} == {("x", 41), ("y", 47)}
    same = conflicts([{"id": "V1", "article_ids": ["x", "z"]}], arts, copies=set())
    assert same == []
