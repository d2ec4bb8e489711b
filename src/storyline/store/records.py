"""Typed records to plain data and back: the one place that knows how an annotation, a link
record or a whole article is written as JSON (the ``data`` columns of the store, a batch's
Parquet tables) and read back. Reading back is forgiving across versions: a field a newer
record has is left at its default when an older row lacks it, and a field an older version
wrote that the record no longer has is dropped."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any, TypeVar

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

R = TypeVar("R")
Plain = dict[str, Any]
"""A record as plain data (what ``json.dumps`` writes)."""

NoteType = type[Mention] | type[Timex] | type[Quote] | type[Claim] | type[Descriptor]
NOTE_TYPES: dict[str, NoteType] = {
    "entities": Mention,
    "timexes": Timex,
    "quotes": Quote,
    "claims": Claim,
    "descriptors": Descriptor,
}
"""The record type of each annotation list of an article."""
LINK_TYPES: dict[str, type[Entity] | type[Event] | type[Story] | type[Duplicate]] = {
    "entities": Entity,
    "events": Event,
    "stories": Story,
    "duplicates": Duplicate,
}
"""The record type of each table of link records."""


_FIELDS: dict[Any, frozenset[str]] = {}


def _names(cls: Any) -> frozenset[str]:
    """The field names of a record type (computed once per type)."""
    if cls not in _FIELDS:
        _FIELDS[cls] = frozenset(f.name for f in fields(cls))
    return _FIELDS[cls]


def plain(record: Any) -> Plain:
    """A record (any of the model's dataclasses) as plain data."""
    return asdict(record)


def typed(cls: type[R], data: Plain) -> R:
    """``cls`` from plain data, nested records included; unknown keys are dropped."""
    known = _names(cls)
    values = {k: v for k, v in data.items() if k in known}
    if cls is Claim:  # a claim read before numbers had their own span holds its sentence's
        values.setdefault("number", values.get("text", ""))
        values.setdefault("number_start", values.get("start", 0))
        values.setdefault("number_end", values.get("end", 0))
        if isinstance(values.get("frame"), dict):
            values["frame"] = typed(ClaimFrame, values["frame"])
    elif cls is Entity:
        values["evidence"] = [typed(AliasEvidence, e) for e in values.get("evidence", [])]
        values["roles"] = [typed(Role, r) for r in values.get("roles", [])]
    return cls(**values)


def note(kind: str, data: Plain) -> Mention | Timex | Quote | Claim | Descriptor:
    """One stored annotation of ``kind`` (entities, timexes, quotes, claims, descriptors)."""
    return typed(NOTE_TYPES[kind], data)


def link_record(table: str, data: Plain) -> Entity | Event | Story | Duplicate:
    """One stored link record of ``table`` (entities, events, stories, duplicates)."""
    return typed(LINK_TYPES[table], data)
