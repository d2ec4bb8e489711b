"""Typed records to JSON and back: every record type comes back equal, nested records typed;
reading is forgiving across versions (missing fields take their defaults, unknown ones are
dropped, a claim from before numbers had their own span takes its sentence's)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from storyline.model import (
    AliasEvidence,
    Claim,
    ClaimFrame,
    Descriptor,
    Duplicate,
    Entity,
    Event,
    Mention,
    Quote,
    Role,
    Story,
    Timex,
)
from storyline.store.records import LINK_TYPES, NOTE_TYPES, link_record, note, plain, typed

# fmt: off
RECORDS: list[Any] = [
    Mention(0, 10, "Ilse Varga", "PERSON", "c1", "Harbour Master", 0.9, "2023-01-03", "E1"),
    Timex(19, 26, "Tuesday", "DATE", "2023-01-03", "START", True, 0.8),
    Quote(32, 73, "ferries would dock", "indirect", speaker="she", speaker_start=40, speaker_end=43,
          speaker_resolved="Ilse Varga", cue="said", cue_start=44, cue_end=48, confidence=0.75,
          speaker_chain="c1", speaker_entity_id="E1"),
    Claim(0, 89, "Twelve ferries docked.", "Twelve", 0, 6, 12.0, "ferries", quantity="vessels",
          qualifier="at least", source="the port", currency="EUR", confidence=0.65,
          frame=ClaimFrame("ferries", "dock", ["nsubj"], ["quay"], ["Selan"], scope=True), source_chain="c2",
          source_entity_id="E2", claim_date="2023-01-03", claim_date_basis="published"),
    Claim(0, 20, "It cost 5 crowns.", "5", 8, 9, 5.0, "crowns"),
    Entity("E1", "Ilse Varga", "PERSON", ["Ilse Varga", "Varga"], articles=3, mentions=7,
           evidence=[AliasEvidence("Varga", 4, ["a1", "a2"], ["surname"])],
           roles=[Role("Harbour Master", ["2023-01-03"])]),
    Event("V1", "Quay reopens", "2023-01-03", ["a1", "a2"], ["Post", "Times"], "The quay reopened."),
    Story("S1", "The quay", ["V1", "V2"], ["a1", "a2", "a3"], "2023-01-03", "2023-02-01", ["Post"], "Lede."),
    Duplicate("a2", "a1", 0.97, "wire copy", ["Wire"], "Times", "Post", [{"op": "insert", "text": "Now"}]),
    Descriptor(3, 11, "dictator", "NOUN", "modifier", "c1"),
]
# fmt: on


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_every_record_comes_back_equal_through_json(record: Any) -> None:
    again = typed(type(record), json.loads(json.dumps(plain(record))))
    assert again == record and type(again) is type(record)


def test_nested_records_come_back_typed() -> None:
    claim, person = RECORDS[3], RECORDS[5]
    assert isinstance(typed(Claim, plain(claim)).frame, ClaimFrame)
    back = typed(Entity, json.loads(json.dumps(plain(person))))
    assert isinstance(back.evidence[0], AliasEvidence) and isinstance(back.roles[0], Role)
    assert typed(Claim, plain(RECORDS[4])).frame is None


def test_each_kind_and_table_reads_as_its_record_type() -> None:
    for kind, cls in NOTE_TYPES.items():
        record = next(r for r in RECORDS if type(r) is cls)
        assert note(kind, plain(record)) == record
    for table, link_cls in LINK_TYPES.items():
        record = next(r for r in RECORDS if type(r) is link_cls)
        assert link_record(table, plain(record)) == record


def test_a_field_missing_takes_its_default_and_an_unknown_one_is_dropped() -> None:
    assert typed(
        Mention, {"start": 0, "end": 4, "text": "Ilse", "label": "PERSON", "salience": 3}
    ) == Mention(0, 4, "Ilse", "PERSON")
    old_entity = {
        "id": "E1",
        "name": "Ilse",
        "label": "PERSON",
        "aliases": [],
        "articles": 1,
        "mentions": 1,
        "evidence": [{"alias": "Ilse", "mentions": 1, "article_ids": ["a1"], "joined_by": [], "score": 1}],
        "wikidata": "Q1",
    }
    back = typed(Entity, old_entity)
    assert back.evidence == [AliasEvidence("Ilse", 1, ["a1"], [])] and back.roles == []
    assert (
        typed(
            Story,
            {
                "id": "S1",
                "title": "t",
                "event_ids": [],
                "article_ids": [],
                "first_date": None,
                "last_date": None,
                "outlets": [],
            },
        ).lede
        == ""
    )


def test_a_claim_from_before_numbers_had_their_span_takes_its_sentence() -> None:
    old = {"start": 4, "end": 30, "text": "Twelve ferries docked today.", "value": 12, "unit": "ferries"}
    claim = typed(Claim, old)
    assert (claim.number, claim.number_start, claim.number_end) == ("Twelve ferries docked today.", 4, 30)
    framed = typed(
        Claim,
        {
            **old,
            "number": "Twelve",
            "number_start": 4,
            "number_end": 10,
            "frame": {"thing": "ferries", "predicate": "docked", "parse": "x"},
        },
    )
    assert (framed.number, framed.number_end) == ("Twelve", 10)
    assert framed.frame == ClaimFrame("ferries", "docked")


def test_plain_is_json_shaped() -> None:
    data = plain(RECORDS[3])
    assert data["frame"] == {
        "thing": "ferries",
        "predicate": "dock",
        "path": ["nsubj"],
        "about": ["quay"],
        "names": ["Selan"],
        "scope": True,
    }
    assert json.loads(json.dumps(data)) == data
