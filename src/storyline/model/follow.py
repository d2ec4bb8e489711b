"""What following sources records beside articles: what a user watches (``Watch``) and the
alerts a round raised (``Alert``), each citing the articles it is about (``ArticleRef``)."""

from __future__ import annotations

from typing import NotRequired, TypedDict

from storyline.model.analyses import Conflict


class ArticleRef(TypedDict):
    """An article as lists and citations name it: id, outlet, date, headline (and, where a
    list shows it, its first words)."""

    id: str
    outlet: str | None
    published: str | None
    headline: str | None
    lede: NotRequired[str | None]


class QuotedSpan(TypedDict):
    """The words of a quote and where they stand in its article."""

    text: str
    start: int
    end: int


class Watch(TypedDict):
    """Something watched: an entity (by name), a full-text query, an outlet or a story."""

    id: int
    kind: str  # entity | query | outlet | story
    value: str
    added_at: str


class Alert(TypedDict):
    """What a round raised against a watch, once (by ``key``), citing its articles; the
    fields after ``articles`` are those of its kind."""

    watch_id: int
    watch: str  # "entity Antony Blinken"
    kind: str  # entity | quote | query | outlet | story | event | story_outlet | conflict
    key: str
    title: str
    articles: list[ArticleRef]
    id: NotRequired[int]
    at: NotRequired[str]
    entity_ids: NotRequired[list[str]]
    quote: NotRequired[QuotedSpan]
    event_id: NotRequired[str]
    outlet: NotRequired[str]
    conflict: NotRequired[Conflict]


class FollowedSource(TypedDict):
    """A feed, sitemap, site or folder ``watch`` polls, with its polling state."""

    id: int
    kind: str  # feed | sitemap | site | web (not yet read) | folder
    location: str
    name: str | None
    every_seconds: int
    etag: str | None
    last_modified: str | None
    last_polled: str | None
    next_due: float
    polls: int
    errors: int
    last_error: str | None
    added_at: str
    outlet: NotRequired[str | None]  # the outlet its articles are credited to, when the user gave one
    items: NotRequired[dict[str, int]]  # its items by state (listings)
    damage: NotRequired[str | None]  # what was wrong with its listing when last read (None: clean)


class ItemState(TypedDict):
    """An item of a source in a new state: fetched into a WARC, or failed with its reason."""

    key: str
    url: str
    state: str  # fetched | stored | retry | failed | ...
    warc: NotRequired[str | None]
    error: NotRequired[str | None]


class Failure(TypedDict):
    """An item whose fetch failed for good, with its source and reason."""

    source: str
    url: str | None
    error: str | None
    seen_at: str
