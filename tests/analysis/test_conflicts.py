"""Conflicting claims: one quantity, different values, from different outlets."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from storyline.analysis.conflicts import conflicts
from storyline.model import Claim, ClaimFrame, Event
from storyline.model.analyses import Conflict
from tests.records import article


def claim(value: int, unit: str, quantity: str) -> Claim:
    return Claim(start=0, end=8, text="sentence", number=str(value), number_start=0, number_end=8,
                 value=value, unit=unit, quantity=quantity, qualifier=None)  # fmt: skip


def event(*article_ids: str) -> Event:
    return Event(id="V1", title="", date=None, article_ids=list(article_ids), outlets=[])


def test_one_quantity_with_different_values_is_a_conflict_every_value_cited() -> None:
    arts = {
        "x": article("x", outlet="Wire", claims=[claim(41, "people killed", "deaths")]),
        "y": article("y", outlet="Courier", claims=[claim(47, "death toll", "deaths"),
                                                    claim(4, "helicopters sent", "helicopters sent")]),
        "z": article("z", outlet="Post", claims=[claim(41, "people killed", "deaths")]),
    }  # fmt: skip
    (found,) = conflicts([event("x", "y", "z")], arts, copies={"z"})
    assert found["quantity"] == "deaths" and found["values"] == [41, 47]
    assert {(r["article_id"], r["value"]) for r in found["reports"]} == {("x", 41), ("y", 47)}
    same = conflicts([event("x", "z")], arts, copies=set())
    assert same == []


def _one_event(*reports: tuple[str, Claim]) -> list[Conflict]:
    arts = {f"a{k}": article(f"a{k}", outlet=outlet, claims=[c]) for k, (outlet, c) in enumerate(reports)}
    return conflicts([event(*arts)], arts, copies=set())


def _with(c: Claim, **fields: Any) -> Claim:
    return replace(c, **fields)


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


def test_measures_of_different_things_and_counts_of_different_things_are_no_conflict() -> None:
    rig = _with(claim(40, "miles", "miles"), text="The rig sank about forty miles off the coast of Selan.")
    plume = _with(claim(10, "miles", "miles"), text="Divers found a plume ten miles long near the reef.")
    assert _one_event(("Wire", rig), ("Post", plume)) == []  # miles of what: not the same thing
    again = _with(claim(50, "miles", "miles"), text="The rig sank fifty miles off the coast of Selan.")
    assert len(_one_event(("Wire", rig), ("Post", again))) == 1
    birds = _with(claim(450, "birds killed", "deaths"), text="The oil killed 450 birds on the shore.")
    workers = _with(claim(11, "workers killed", "deaths"), text="The blast killed 11 workers on the rig.")
    assert _one_event(("Wire", birds), ("Post", workers)) == []
    rate = _with(claim(5000, "barrels", "barrels"), text="The well leaks 5000 barrels a day into the sea.")
    total = _with(claim(90000, "barrels", "barrels"), text="The well leaked 90000 barrels in all.")
    assert _one_event(("Wire", rate), ("Post", total)) == []  # a rate is not a total
    converted = _with(
        claim(210000, "gallons", "gallons"),
        text="It leaks 5000 barrels (210000 gallons) a day.",
        number_start=25,
    )
    other = _with(claim(300000, "gallons", "gallons"), text="It leaks 300000 gallons a day, they said.")
    assert _one_event(("Wire", converted), ("Post", other)) == []  # a conversion in brackets


def _framed(value: int, predicate: str, path: list[str], about: list[str], **more: Any) -> Claim:
    frame = ClaimFrame(**{"thing": "barrel", "predicate": predicate, "path": path, "about": about,
                          "names": [], "scope": False, **more})  # fmt: skip
    return _with(claim(value, "barrels", "barrels"), text="The well spilled barrels.", frame=frame)


def test_framed_reports_conflict_only_when_their_frames_agree() -> None:
    """Where both claims carry a frame, the frame decides (not the sentences' shared words)."""
    leaked = _framed(40000, "leak", [], ["well"])
    caught = _framed(9000, "collect", [], ["well"])
    assert _one_event(("Wire", leaked), ("Post", caught)) == []  # a leak rate, a collection rate
    (found,) = _one_event(("Wire", leaked), ("Post", _framed(25000, "leak", [], ["well"])))
    assert found["values"] == [25000, 40000]
    assert found["reports"][0]["frame"]["predicate"] == "leak"  # the evidence travels with it
    vague = _framed(25000, "leak", [], [])
    assert _one_event(("Wire", leaked), ("Post", vague)) == []  # leaked from what: unsaid
    added = _framed(25000, "leak", [], ["well"], scope=True)
    assert _one_event(("Wire", leaked), ("Post", added)) == []  # "another 25,000"
