"""The ``annotations`` table: what reading found in each article (entities, time expressions,
quotes, numeric claims, the words describing mentions and acts), one row per annotation,
written with its article and read back by kind, with the corpus entity ids linking tied to
its chains."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from storyline.model import Claim, Descriptor, Mention, Quote, Timex
from storyline.store.database import Database, marks
from storyline.store.records import note, plain

KINDS = {
    "entities": "label",
    "timexes": "value",
    "quotes": "speaker_resolved",
    "claims": "unit",
    "descriptors": "lemma",
}
"""Annotation lists of an article and the field each is filtered by (stored as ``label``)."""

Note = Mention | Timex | Quote | Claim | Descriptor


@dataclass
class Notes:
    """An article's annotations, each kind in its order."""

    entities: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    descriptors: list[Descriptor] = field(default_factory=list)


def insert_notes(db: Database, rowid: int, notes: dict[str, Sequence[Note]]) -> None:
    """Write an article's annotations of the kinds in ``notes`` (each list in its order)."""
    db.executemany(
        'INSERT INTO annotations (article_rowid, kind, seq, start, "end", label, data)'
        " VALUES (?,?,?,?,?,?,?)",
        [
            (
                rowid,
                kind,
                i,
                rec.start,
                rec.end,
                getattr(rec, KINDS[kind]),
                json.dumps(plain(rec), ensure_ascii=False),
            )
            for kind, records in notes.items()
            for i, rec in enumerate(records)
        ],
    )


def replace_notes(db: Database, rowid: int, notes: dict[str, Sequence[Note]]) -> None:
    """Replace an article's annotations of the kinds in ``notes``."""
    kinds = list(notes)
    db.execute(
        f"DELETE FROM annotations WHERE article_rowid = ? AND kind IN ({marks(len(kinds))})",
        [rowid, *kinds],
    )
    insert_notes(db, rowid, notes)


def read_notes(db: Database, rowids: list[int], kinds: Iterable[str] = KINDS) -> dict[int, Notes]:
    """Annotations of these articles (of ``kinds``) by article rowid, each kind in its order."""
    wanted = tuple(kinds)
    out: dict[int, Notes] = {r: Notes() for r in rowids}
    if not rowids:
        return out
    for r in db.execute(
        f"SELECT article_rowid, kind, data FROM annotations WHERE article_rowid IN"
        f" ({marks(len(rowids))}) AND kind IN ({marks(len(wanted))})"
        " ORDER BY article_rowid, kind, seq",
        [*rowids, *wanted],
    ):
        getattr(out[r[0]], r[1]).append(note(r[1], json.loads(r[2])))
    return out


def chain_entities(db: Database, rowids: list[int]) -> dict[int, dict[str, str]]:
    """Article chain → corpus entity id, by article rowid."""
    out: dict[int, dict[str, str]] = {}
    if not rowids:
        return out
    for r in db.execute(
        "SELECT article_rowid, chain, entity_id FROM entity_chains"
        f" WHERE article_rowid IN ({marks(len(rowids))})",
        rowids,
    ):
        out.setdefault(r[0], {})[r[1]] = r[2]
    return out


def apply_entity_ids(notes: Notes, chains: dict[str, str]) -> None:
    """Corpus entity ids onto an article's mentions, speakers and claim sources."""
    if not chains:
        return
    for e in notes.entities:
        e.entity_id = chains.get(e.chain or "")
    for q in notes.quotes:
        q.speaker_entity_id = chains.get(q.speaker_chain or "")
    for c in notes.claims:
        c.source_entity_id = chains.get(c.source_chain or "")
