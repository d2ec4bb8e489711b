"""The ``annotations`` table: what reading found in each article (entities, time expressions,
quotes, numeric claims), one row per annotation, written with its article and read back by
kind, with the corpus entity ids linking tied to its chains."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from storyline.store.database import Database, marks

KINDS = {
    "entities": "label",
    "timexes": "value",
    "quotes": "speaker_resolved",
    "claims": "unit",
}
"""Annotation lists of an article and the field each is filtered by (stored as ``label``)."""

Notes = dict[str, list[dict[str, Any]]]


def empty() -> Notes:
    return {kind: [] for kind in KINDS}


def insert_notes(db: Database, rowid: int, notes: dict[str, list[dict[str, Any]]]) -> None:
    """Write an article's annotations of the kinds in ``notes`` (each list in its order)."""
    db.executemany(
        'INSERT INTO annotations (article_rowid, kind, seq, start, "end", label, data)'
        " VALUES (?,?,?,?,?,?,?)",
        [
            (
                rowid,
                kind,
                i,
                rec.get("start"),
                rec.get("end"),
                rec.get(KINDS[kind]),
                json.dumps(rec, ensure_ascii=False),
            )
            for kind, records in notes.items()
            for i, rec in enumerate(records)
        ],
    )


def replace_notes(db: Database, rowid: int, notes: dict[str, list[dict[str, Any]]]) -> None:
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
    out: dict[int, Notes] = {r: empty() for r in rowids}
    if not rowids:
        return out
    for r in db.execute(
        f"SELECT article_rowid, kind, data FROM annotations WHERE article_rowid IN"
        f" ({marks(len(rowids))}) AND kind IN ({marks(len(wanted))})"
        " ORDER BY article_rowid, kind, seq",
        [*rowids, *wanted],
    ):
        out[r[0]][r[1]].append(json.loads(r[2]))
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
    for e in notes["entities"]:
        e["entity_id"] = chains.get(e.get("chain") or "")
    for q in notes["quotes"]:
        q["speaker_entity_id"] = chains.get(q.get("speaker_chain") or "")
    for c in notes["claims"]:
        c["source_entity_id"] = chains.get(c.get("source_chain") or "")
