"""The annotations table: every kind of record written with its article comes back equal, in
its order; rows an older version wrote still load; corpus entity ids come from the chains
linking tied; one kind is replaced without touching the others."""

from __future__ import annotations

import json

from storyline.model import Article, Claim, ClaimFrame, Descriptor, Mention, Quote, Timex
from storyline.store import Store
from storyline.store.annotations import read_notes, replace_notes
from tests.records import article
from tests.store.build import entity, linked

TEXT = "Ilse Varga said on Tuesday that 12 ferries would dock at the eastern quay, the port said."


def _read(n: int = 0) -> Article:
    """An article with one record of every kind, every field set (as reading gives them)."""
    # fmt: off
    return article(
        f"r{n}",
        TEXT,
        entities=[
            Mention(61, 73, "eastern quay", "FAC", "c2", None, 0.55),
            Mention(0, 10, "Ilse Varga", "PERSON", "c1", "Harbour Master", 0.9, "2023-01-03"),
        ],
        timexes=[Timex(19, 26, "Tuesday", "DATE", "2023-01-03", "START", True, 0.8)],
        quotes=[
            Quote(32, 73, "12 ferries would dock at the eastern quay", "indirect", speaker="Ilse Varga",
                  speaker_start=0, speaker_end=10, speaker_resolved="Ilse Varga", cue="said", cue_start=11,
                  cue_end=15, confidence=0.75, speaker_chain="c1"),
        ],
        claims=[
            Claim(0, 89, TEXT, "12", 32, 34, 12.0, "ferries", quantity="vessels", qualifier="at least",
                  source="Ilse Varga", confidence=0.65,
                  frame=ClaimFrame("ferries", "dock", ["nsubj"], ["quay"], ["Varga"], scope=True),
                  source_chain="c1", claim_date="2023-01-03", claim_date_basis="published"),
        ],
    )
    # fmt: on


def test_every_kind_of_annotation_comes_back_equal(store: Store) -> None:
    written = [_read(0), _read(1)]
    written[1].entities.reverse()  # each list keeps its order, whatever the offsets
    store.articles.write_batch(written, [], None)
    for art in written:
        got = store.articles.get(art.id)
        assert (got.entities, got.timexes, got.quotes, got.claims) == (
            art.entities,
            art.timexes,
            art.quotes,
            art.claims,
        )
        assert isinstance(got.claims[0].frame, ClaimFrame)
    inputs = {a.id: a for a in store.links.inputs(full=True)}
    assert [inputs[a.id].claims for a in written] == [a.claims for a in written]
    assert [inputs[a.id].quotes for a in written] == [a.quotes for a in written]


def test_descriptors_come_back_with_their_article_and_to_analysis(store: Store) -> None:
    art = _read()
    art.descriptors = [
        Descriptor(11, 15, "say", "VERB", "verb", "c1"),
        Descriptor(11, 15, "say", "VERB", "act"),
        Descriptor(69, 73, "quay", "NOUN", "head", "c2"),
    ]
    store.articles.write_batch([art, _read(1)], [], None)
    assert store.articles.get("r0").descriptors == art.descriptors
    assert store.articles.get("r1").descriptors == []
    inputs = {a.id: a for a in store.links.inputs(full=True)}
    assert inputs["r0"].descriptors == art.descriptors  # what analysis reads
    assert next(store.links.inputs(["r0"])).descriptors == []  # linking reads names only
    rows = store.db.rows("SELECT label FROM annotations WHERE kind = 'descriptors' ORDER BY seq")
    assert [r[0] for r in rows] == ["say", "say", "quay"]


def test_each_kind_is_stored_with_the_field_it_is_filtered_by(store: Store) -> None:
    store.articles.write_batch([_read()], [], None)
    rows = store.db.rows('SELECT kind, seq, start, "end", label FROM annotations ORDER BY kind, seq')
    assert [tuple(r) for r in rows] == [
        ("claims", 0, 0, 89, "ferries"),
        ("entities", 0, 61, 73, "FAC"),
        ("entities", 1, 0, 10, "PERSON"),
        ("quotes", 0, 32, 73, "Ilse Varga"),
        ("timexes", 0, 19, 26, "2023-01-03"),
    ]


def test_rows_an_older_version_wrote_still_load(store: Store) -> None:
    store.articles.write_batch([article("old", TEXT)], [], None)
    rowid = store.db.value("SELECT rowid FROM articles WHERE id = 'old'")
    old = {
        "entities": {
            "start": 0,
            "end": 10,
            "text": "Ilse Varga",
            "label": "PERSON",
            "chain": "c1",
            "salience": 2,
        },
        "timexes": {"start": 19, "end": 26, "text": "Tuesday", "type": "DATE", "value": "2023-01-03"},
        "quotes": {
            "start": 32,
            "end": 42,
            "text": "12 ferries",
            "kind": "indirect",
            "speaker": "Ilse Varga",
            "attribution": "reported",
        },
        "claims": {
            "start": 0,
            "end": 89,
            "text": TEXT,
            "value": 12,
            "unit": "ferries",
            "source": "the port",
            "frame": {"thing": "ferries", "predicate": "dock", "head": "dock"},
        },
    }
    store.db.executemany(
        'INSERT INTO annotations (article_rowid, kind, seq, start, "end", label, data)'
        " VALUES (?, ?, 0, ?, ?, ?, ?)",
        [(rowid, kind, d["start"], d["end"], None, json.dumps(d)) for kind, d in old.items()],
    )
    got = store.articles.get("old")
    assert got.entities == [Mention(0, 10, "Ilse Varga", "PERSON", "c1")]
    assert got.timexes == [Timex(19, 26, "Tuesday", "DATE", "2023-01-03")]
    assert got.quotes == [Quote(32, 42, "12 ferries", "indirect", "Ilse Varga")]
    (claim,) = got.claims
    assert (claim.number, claim.number_start, claim.number_end) == (TEXT, 0, 89)  # its sentence's span
    assert claim.frame == ClaimFrame("ferries", "dock") and claim.source == "the port"
    assert (claim.value, claim.quantity, claim.claim_date) == (12, "", None)


def test_corpus_entity_ids_come_from_the_chains_linking_tied(store: Store) -> None:
    art = article(
        "a1",
        TEXT,
        entities=[
            Mention(0, 10, "Ilse Varga", "PERSON", "c1"),
            Mention(79, 83, "port", "ORG", "c2"),
            Mention(61, 73, "eastern quay", "FAC", "c3", entity_id="E9"),  # stale: no chain of c3 now
            Mention(19, 26, "Tuesday", "DATE"),
        ],
        quotes=[Quote(32, 42, "12 ferries", "indirect", speaker_chain="c1"), Quote(0, 4, "Ilse", "direct")],
        claims=[Claim(0, 89, TEXT, "12", 32, 34, 12.0, "ferries", source_chain="c2")],
    )
    plain = article(
        "a2", "Nothing linked here.", entities=[Mention(0, 7, "Nothing", "ORG", "c1", entity_id="E7")]
    )
    store.articles.write_batch([art, plain], [], None)
    chains = {("a1", "c1"): "E1", ("a1", "c2"): "E2"}
    store.links.save(
        linked(entities=[entity("E1", "Ilse Varga"), entity("E2", "Port", "ORG")], chains=chains)
    )
    for got in (store.articles.get("a1"), next(store.articles.each()), next(store.links.inputs(full=True))):
        assert [m.entity_id for m in got.entities] == ["E1", "E2", None, None]
        assert [q.speaker_entity_id for q in got.quotes] == ["E1", None]
        assert [c.source_entity_id for c in got.claims] == ["E2"]
    assert store.articles.get("a2").entities[0].entity_id == "E7"  # an article of no chains: as stored
    unlinked = next(store.links.inputs(["a1"], kinds=("entities", "quotes")))  # not ``full``: as stored
    assert [m.entity_id for m in unlinked.entities] == [None, None, "E9", None]


def test_one_kind_is_replaced_and_read_apart_from_the_others(store: Store) -> None:
    store.articles.write_batch([_read()], [], None)
    rowid = store.db.value("SELECT rowid FROM articles")
    newer = Timex(19, 26, "Tuesday", "DATE", "2023-01-10", anchored=True)
    with store.db.transaction():
        replace_notes(store.db, rowid, {"timexes": [newer, newer], "claims": []})
    notes = read_notes(store.db, [rowid, 999])
    assert notes[rowid].timexes == [newer, newer] and notes[rowid].claims == []
    assert notes[rowid].quotes == _read().quotes and notes[rowid].entities == _read().entities
    assert notes[999].entities == []
    only = read_notes(store.db, [rowid], ["quotes"])[rowid]
    assert only.quotes == _read().quotes and only.entities == only.timexes == []
    assert read_notes(store.db, []) == {}
