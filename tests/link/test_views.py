"""Cross-outlet views: the quote board and conflicting claims."""

from __future__ import annotations

from typing import Any

from storyline.link.views import conflicts, quote_board


def quote(text: str, kind: str = "direct", speaker: str = "E1") -> dict[str, Any]:
    return {"text": text, "kind": kind, "start": 0, "end": len(text),
            "speaker_resolved": "Mira Lund", "speaker_entity_id": speaker}  # fmt: skip


ARTICLES = {
    "a": {"outlet": "Wire", "published": "2023-03-01", "quotes": [
        quote("We will keep every berth of this port open to every ship")]},
    "b": {"outlet": "Post", "published": "2023-03-02", "quotes": [
        quote("We will keep every berth of this port open to every ship.")]},
    "c": {"outlet": "Courier", "published": "2023-03-02", "quotes": [
        quote("We will keep every single berth open, whatever happens")]},
    "d": {"outlet": "Gazette", "published": "2023-03-03", "quotes": [
        quote("that the port would keep every single berth open", kind="indirect")]},
    "e": {"outlet": "Herald", "published": "2023-03-03", "quotes": [
        quote("The weather will be fine for the regatta tomorrow", speaker="E9")]},
}  # fmt: skip


def test_quote_board_groups_versions_across_outlets() -> None:
    story = {"article_ids": list(ARTICLES)}
    (group,) = quote_board(story, ARTICLES, copies=set())
    kinds = {v["article_id"]: v["kind"] for v in group["versions"]}
    assert kinds == {
        "a": "quotation",
        "b": "verbatim",
        "c": "paraphrase presented as a quote",
        "d": "reported speech",
    }
    assert group["first_article_id"] == "a" and group["outlets"] == 4


def test_copies_do_not_count_as_another_outlet() -> None:
    story = {"article_ids": ["a", "b"]}
    assert quote_board(story, ARTICLES, copies={"b"}) == []


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


def test_coverage_counts_copies_apart_and_finds_exclusive_events() -> None:
    from storyline.link.views import coverage

    arts = {"a": {"outlet": "Wire"}, "b": {"outlet": "Post"}, "c": {"outlet": "Post"}}
    events = {"V1": {"article_ids": ["a", "b"]}, "V2": {"article_ids": ["c"]}}
    cov = coverage({"event_ids": ["V1", "V2"]}, events, arts, copies={"b": "a"})
    assert cov["outlets"]["Post"]["V1"] == {"articles": 1, "copies": 1}
    assert cov["only_one_outlet"] == [{"event_id": "V1", "outlet": "Wire"},
                                      {"event_id": "V2", "outlet": "Post"}]  # fmt: skip
