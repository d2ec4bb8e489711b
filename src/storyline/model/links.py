"""What linking finds across articles, as typed records: corpus ``Entity`` records (with the
evidence of every alias and the roles the articles give), ``Duplicate`` copies, ``Event``
and ``Story`` records; and ``LinkResult``, one linking run's findings as the store saves them
(with the articles whose date it inferred, ``Redated``, and outlets it renamed, ``Renamed``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.model.annotations import Claim, Mention, Timex


@dataclass(slots=True)
class AliasEvidence:
    """Why a name is an alias of an entity: how often and where it is written, and the rules
    by which its chains joined the entity (``link.entities``)."""

    alias: str
    mentions: int
    article_ids: list[str]
    joined_by: list[str]


@dataclass(slots=True)
class Role:
    """A role the articles give an entity ("Secretary of State") and the dates it holds as of."""

    role: str
    as_of: list[str]


@dataclass(slots=True)
class Entity:
    """One real person, organisation or place across the corpus."""

    id: str
    name: str
    label: str
    aliases: list[str]
    articles: int
    mentions: int
    evidence: list[AliasEvidence] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


@dataclass(slots=True)
class Duplicate:
    """An article that copies another: an exact copy, a wire copy (it credits the agency) or
    a near duplicate, with the words it inserted and deleted (``diff``)."""

    article_id: str
    duplicate_of: str
    similarity: float
    kind: str  # exact copy | wire copy | near duplicate
    credits: list[str] = field(default_factory=list)
    outlet: str | None = None
    original_outlet: str | None = None
    diff: list[dict[str, str]] = field(default_factory=list)  # {"op": "insert"|"delete", "text": ...}


@dataclass(slots=True)
class Event:
    """Articles that report one real-world development: its title (the most central
    headline), lede, first date, articles (in date order) and outlets."""

    id: str
    title: str
    date: str | None
    article_ids: list[str]
    outlets: list[str]
    lede: str = ""


@dataclass(slots=True)
class Story:
    """A chain of related events over time: the title of its largest event, its dates,
    events, articles and outlets."""

    id: str
    title: str
    event_ids: list[str]
    article_ids: list[str]
    first_date: str | None
    last_date: str | None
    outlets: list[str]
    lede: str = ""


@dataclass
class Saved:
    """A previous linking run's assignments, which the next run starts from so that ids stay
    stable across runs."""

    chains: dict[tuple[str, str], str]  # (article id, chain) → entity id
    events: dict[str, str]  # article id → event id
    stories: dict[str, str]  # event id → story id
    duplicates: dict[str, str]  # copy → original


@dataclass
class TermFrequencies:
    """Document frequencies of the event model's text blocks: ``n`` articles counted and,
    per block, term → how many of them hold it (``link.event_model``)."""

    n: int = 0
    df: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass
class Redated:
    """An article whose publication date linking inferred (or withdrew), and every field that
    follows from that date: time expressions resolved again, roles' "as of", claims' dates."""

    article_id: str
    published: str | None
    basis: str | None  # "inferred", or None when withdrawn
    timexes: list[Timex]
    entities: list[Mention]
    claims: list[Claim]
    source: str | None = None  # what it was inferred from ("the earliest stated date of event V3")


@dataclass(frozen=True)
class Renamed:
    """An article's outlet as the corpus names it (one name per site, one spelling per
    outlet), and why (``outlet_basis``)."""

    article_id: str
    outlet: str
    basis: str


@dataclass
class LinkResult:
    """What one linking run found, as the store saves it (``Store.links.save``).

    ``full``: a run over every article, whose records replace every link table (band keys
    too); otherwise the records are added to what is stored, and the entities and events
    that the new evidence merged into others (merged id → kept id) are folded in.
    """

    entities: list[Entity]
    chains: dict[tuple[str, str], str]  # (article id, chain) → entity id
    duplicates: list[Duplicate]
    events: list[Event]
    stories: list[Story]
    bands: list[tuple[int, str]]  # (LSH band key, article id)
    log: list[tuple[str, str]]  # (kind, detail): what was founded and merged
    full: bool
    merged_entities: dict[str, str] = field(default_factory=dict)
    merged_events: dict[str, str] = field(default_factory=dict)
    emptied_stories: list[str] = field(default_factory=list)  # every event of theirs moved away
    redated: list[Redated] = field(default_factory=list)  # dates inferred or withdrawn
    frequencies: TermFrequencies | None = None  # of the articles clustered: replace or add
