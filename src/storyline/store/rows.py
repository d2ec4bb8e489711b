"""The shapes of what the store's queries give back beside the model's records: a corpus
summary, rejects, quotes across the corpus, article and search listings, an entity's
neighbours, months and the link log (typed JSON-shaped records, ``TypedDict``)."""

from __future__ import annotations

from typing import NotRequired, TypedDict


class OutletCount(TypedDict):
    outlet: str
    articles: int
    first: str | None
    last: str | None


class CorpusSummary(TypedDict):
    """What a corpus holds: articles, outlets, dates, languages, rejects, removals."""

    articles: int
    outlets: int
    first_date: str | None
    last_date: str | None
    undated: int
    characters: int
    digests_split: int
    rejects: int
    by_outlet: list[OutletCount]
    by_language: dict[str, int]
    removed_by_reason: dict[str, int]
    not_read: dict[str, int]


class RejectRow(TypedDict):
    """An input that did not become an article, and why."""

    path: str | None
    url: str | None
    part: int | None
    record: int | None
    stage: str
    reason: str
    detail: str | None
    id: NotRequired[int]
    run_id: NotRequired[int | None]
    at: NotRequired[str]


class StoryCount(TypedDict):
    id: str
    title: str
    articles: int


class Neighbour(TypedDict):
    id: str
    name: str
    label: str
    articles: int


class QuoteRow(TypedDict):
    """A quote across the corpus, with its article's outlet, date and headline."""

    article_id: str
    published: str | None
    outlet: str | None
    headline: str | None
    text: str
    start: int
    end: int
    kind: str
    speaker: str | None
    speaker_resolved: str | None
    speaker_entity_id: str | None


class SnippetPart(TypedDict):
    text: str
    hit: bool


class SearchHit(TypedDict):
    """A search hit, with its snippet as plain text (hits in ``**``) and as pieces."""

    id: str
    published: str | None
    outlet: str | None
    headline: str | None
    score: float
    snippet: str
    parts: NotRequired[list[SnippetPart]]


class ArticleRow(TypedDict):
    """An article as ``storyline list`` shows it."""

    id: str
    published: str | None
    published_basis: str | None
    outlet: str | None
    headline: str | None
    path: str | None
    part: int
    chars: int


class MonthCount(TypedDict):
    """Articles naming an entity in one month (``YYYY-MM``)."""

    month: str
    articles: int


class LogEntry(TypedDict):
    """One line of the link log: what a linking run founded, merged or moved."""

    run_id: int | None
    kind: str
    detail: str
    at: str
