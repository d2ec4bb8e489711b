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


def _one_event(*reports: tuple[str, dict[str, Any]]) -> list[dict[str, Any]]:
    arts = {f"a{k}": {"outlet": outlet, "claims": [c]} for k, (outlet, c) in enumerate(reports)}
    return conflicts([{"id": "V1", "article_ids": list(arts)}], arts, copies=set())


def _with(c: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {**c, **fields}


def test_values_that_do_not_exclude_each_other_are_no_conflict() -> None:
    eleven = claim(11, "workers killed", "deaths")
    fifteen = claim(15, "killed", "deaths")
    assert _one_event(("Wire", _with(eleven, qualifier="at least")), ("Post", fifteen)) == []
    assert _one_event(("Wire", _with(claim(200, "ships", "ships"), qualifier="about")),
                      ("Post", claim(210, "ships", "ships"))) == []  # fmt: skip
    assert _one_event(("Wire", _with(claim(40, "ships", "ships"), qualifier="up to")),
                      ("Post", claim(25, "ships", "ships"))) == []  # fmt: skip
    (found,) = _one_event(("Wire", eleven), ("Post", claim(15, "killed", "deaths")))
    assert found["values"] == [11, 15]


def test_other_times_background_figures_and_debris_are_no_conflict() -> None:
    monday = _with(claim(11, "killed", "deaths"), claim_date="2010-04-20")
    later = _with(claim(29, "killed", "deaths"), claim_date="2010-05-30")  # a later toll
    assert _one_event(("Wire", monday), ("Post", later)) == []
    background = _with(claim(15, "killed", "deaths"), text="The 2005 blast at the refinery killed 15.",
                       claim_date="2010-04-21")  # fmt: skip
    assert _one_event(("Wire", monday), ("Post", background)) == []
    debris = [claim(3, "#", "#"), claim(5, "-rrb-", "-rrb- feet")]
    assert _one_event(("Wire", debris[0]), ("Post", claim(4, "#", "#"))) == []
    assert _one_event(("Wire", debris[1]), ("Post", claim(9, "-rrb-", "-rrb- feet"))) == []
