"""The records every stage passes along: an article (with what was removed from it and its
annotations), where it came from, and rejections.

Stages are pure functions over these records, so the same code runs in-process, in worker
processes and on Dask. Only ``store/`` turns them into rows.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from storyline.model.annotations import Claim, Descriptor, Mention, Quote, Timex

UNKNOWN_OUTLET = "unknown outlet"
"""How pages and views name the outlet of an article that names none."""
LINKED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
"""Entity labels that linking resolves into corpus entities."""


@dataclass
class Source:
    """Where an article came from: a file path and/or URL, a part of a digest, a record."""

    path: str | None = None
    url: str | None = None
    part: int = 0  # 0 for a whole file; 1, 2, ... for articles split out of a digest
    record: int | None = None  # line number (JSONL) or record number (WARC) inside the file

    def label(self) -> str:
        """Human-readable origin, e.g. ``feed.jsonl:12`` or ``digest.txt#2``."""
        base = self.path or self.url or "<stdin>"
        if self.record is not None:
            base += f":{self.record}"
        if self.part:
            base += f"#{self.part}"
        return base


@dataclass
class Removed:
    """A span taken out of the article text, kept so nothing is deleted silently."""

    text: str
    reason: str
    stage: str = "clean"
    position: int | None = None  # index of the clean paragraph it stood before (None: header)


@dataclass
class Article:
    """One news article as it moves through the pipeline.

    ``raw`` is the decoded input (HTML for web pages); ``text`` is the clean body every
    annotation's offsets point into. ``hints`` carries metadata a container supplied (JSONL
    fields, HTML meta tags) for ``describe`` to weigh against what the text says.
    """

    id: str
    source: Source
    raw: str
    format: str = "text"  # text | html | json | warc
    content_hash: str = ""
    text: str = ""
    removed: list[Removed] = field(default_factory=list)
    headline: str | None = None
    dek: str | None = None
    published: str | None = None
    published_basis: str | None = None  # stated | inferred | None
    published_source: str | None = (
        None  # where the date was found ("markup: json-ld datePublished", "url", ...)
    )
    outlet: str | None = None
    outlet_basis: str | None = None
    byline: str | None = None
    credits: list[str] = field(default_factory=list)
    language: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)
    entities: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    descriptors: list[Descriptor] = field(default_factory=list)  # words naming mentions, and acts
    stages: list[str] = field(default_factory=list)  # the stages that ran on it, in order
    skipped: dict[str, str] = field(default_factory=dict)  # stage → why it passed the article by
    rejected: str | None = None  # set by a stage that finds no article here; the reason


@dataclass
class Reject:
    """An input (or part of one) that could not become an article, and why."""

    source: Source
    reason: str
    stage: str = "ingest"
    detail: str | None = None


def normalise_for_id(text: str) -> str:
    """Normalise text so trivial differences (whitespace, Unicode form, case) keep one id."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(text: str, fold: bool = True) -> str:
    """Stable 16-hex-digit id of a piece of content.

    ``fold=False`` only collapses white space: for markup (HTML pages), where Unicode and
    case folding of the whole page costs more than it is worth.
    """
    key = normalise_for_id(text) if fold else " ".join(text.split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def part_id(parent_hash: str, part: int) -> str:
    """Id of part ``part`` of a digest whose whole content hashes to ``parent_hash``."""
    if part == 0:
        return parent_hash
    return hashlib.sha256(f"{parent_hash}#{part}".encode()).hexdigest()[:16]
