"""The records: what every stage passes along (``article``), what reading finds in an article
(``annotations``), and what linking finds across articles (``links``). Typed records with
attributes, never dicts passed by key; ``store/`` alone turns them into rows and back, and
the JSON edges (export, API) into plain data."""

from storyline.model.annotations import (
    NOTE_KINDS,
    Claim,
    ClaimFrame,
    Descriptor,
    Mention,
    Quote,
    Timex,
)
from storyline.model.article import (
    LINKED_LABELS,
    UNKNOWN_OUTLET,
    Article,
    Reject,
    Removed,
    Source,
    content_hash,
    normalise_for_id,
    part_id,
)
from storyline.model.links import (
    AliasEvidence,
    Duplicate,
    Entity,
    Event,
    LinkResult,
    Redated,
    Renamed,
    Role,
    Saved,
    Story,
    TermFrequencies,
)

__all__ = [
    "LINKED_LABELS",
    "NOTE_KINDS",
    "UNKNOWN_OUTLET",
    "AliasEvidence",
    "Article",
    "Claim",
    "ClaimFrame",
    "Descriptor",
    "Duplicate",
    "Entity",
    "Event",
    "LinkResult",
    "Mention",
    "Quote",
    "Redated",
    "Reject",
    "Removed",
    "Renamed",
    "Role",
    "Saved",
    "Source",
    "Story",
    "TermFrequencies",
    "Timex",
    "content_hash",
    "normalise_for_id",
    "part_id",
]
