"""Numbers that disagree, found through the alignment: small articles written by hand."""

from __future__ import annotations

from storyline.analysis.compare.numbers import disagreements
from storyline.model import Article, Event
from storyline.model.annotations import Claim, ClaimFrame
from tests.analysis.compare.test_align import annotated


def counted(art: Article, number: str, value: float, verb: str, qualifier: str | None = None) -> Article:
    """``art`` with a claim of ``value`` deaths at ``number`` (its first occurrence)."""
    at = art.text.find(number)
    start = art.text.rfind(". ", 0, at) + 2 if art.text.rfind(". ", 0, at) >= 0 else 0
    end = art.text.find(".", at) + 1
    frame = ClaimFrame(thing="people", predicate=verb, about=["dam"], names=[])
    art.claims.append(
        Claim(start, end, art.text[start:end], number, at, at + len(number), value, "people",
              quantity="deaths", qualifier=qualifier, frame=frame)
    )  # fmt: skip
    return art


def _event(wire_number: str, post_number: str, qualifier: str | None = None) -> list:
    wire = annotated(
        "a",
        "Wire",
        f"The Dovrik dam gave way on Monday and water swept through Maren Falls, killing {wire_number}"
        " people. Engineers at the Kessel Works had reported cracks in its wall.",
    )
    post = annotated(
        "b",
        "Post",
        f"A torrent from the ruptured Dovrik reservoir hit Maren Falls on Monday; {post_number}"
        " residents died. Ilse Vandor, the mayor, said the town would rebuild.",
    )
    arts = {
        "a": counted(wire, wire_number, float(wire_number), "kill"),
        "b": counted(post, post_number.split()[-1], float(post_number.split()[-1]), "die", qualifier),
    }
    return disagreements(Event("V1", "The dam", None, ["a", "b"], ["Wire", "Post"]), arts, copies=set())


def test_two_outlets_giving_different_tolls_of_one_act_disagree_each_value_cited() -> None:
    found = _event("14", "17")
    assert len(found) == 1 and found[0]["quantity"] == "deaths"
    assert sorted((v["outlet"], v["value"]) for v in found[0]["values"]) == [("Post", 17.0), ("Wire", 14.0)]
    for v in found[0]["values"]:
        assert v["citations"][0]["end"] - v["citations"][0]["start"] == 2  # the number itself


def test_at_least_and_a_larger_value_agree() -> None:
    assert _event("14", "at least 12", qualifier="at least") == []
    assert _event("14", "14") == []
