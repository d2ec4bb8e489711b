"""A story's key people: persons named in most of its articles (copies left out), with the
quotes attributed to them, cited."""

from __future__ import annotations

from storyline.analysis.people import key_people
from storyline.model import Article, Mention, Quote
from tests.records import article


def _art(aid: str, persons: list[tuple[str, str]], quotes: list[tuple[str, str, str]] = ()) -> Article:
    return article(
        aid,
        published=f"2023-01-0{aid[-1]}",
        entities=[Mention(0, len(name), name, "PERSON", entity_id=eid) for eid, name in persons]
        + [Mention(0, 10, "Port Selan", "GPE", entity_id="E9")],
        quotes=[Quote(0, len(t), t, k, speaker_entity_id=e) for e, t, k in quotes],
    )


def test_people_ranked_by_articles_and_quotes_with_citations() -> None:
    arts = {
        "a1": _art("a1", [("E1", "Ilse Varga"), ("E2", "Tomas Brandt")], [("E1", "We are close", "direct")]),
        "a2": _art("a2", [("E1", "Varga")], [("E1", "that talks went on", "indirect")]),
        "a3": _art("a3", [("E2", "Brandt"), ("E1", "Ilse Varga")]),
        "a4": _art("a4", [("E3", "Copy Person")]),  # a wire copy: not counted
    }
    people = key_people(list(arts), arts, copies={"a4"})
    assert [p["entity_id"] for p in people] == ["E1", "E2"]
    varga = people[0]
    assert varga["name"] == "Ilse Varga" and varga["articles"] == 3 and varga["quotes"] == 2
    assert [q["kind"] for q in varga["said"]] == ["quotation", "reported speech"]
    assert varga["said"][0]["article_id"] == "a1" and "E9" not in {p["entity_id"] for p in people}


def test_overlapping_quotes_of_one_article_are_listed_once_the_longer_kept() -> None:
    """A partial quote inside the reported speech around it: one entry, not two; quotes of
    other articles, or apart in the same article, stay."""
    art = article(
        "a1",
        published="2023-01-01",
        entities=[Mention(0, 10, "Ilse Varga", "PERSON", entity_id="E1")],
        quotes=[
            Quote(20, 60, "that the quay was nearly ready to reopen", "indirect", speaker_entity_id="E1"),
            Quote(37, 52, "nearly ready to", "partial", speaker_entity_id="E1"),
            Quote(80, 95, "We are close now", "direct", speaker_entity_id="E1"),
        ],
    )
    other = _art("a2", [("E1", "Varga")], [("E1", "nearly ready to", "partial")])
    (varga,) = key_people(["a1", "a2"], {"a1": art, "a2": other}, copies=set())
    assert varga["quotes"] == 3  # the two of a1 that do not overlap, and a2's
    assert [(q["article_id"], q["start"]) for q in varga["said"]] == [("a1", 20), ("a1", 80)]
