"""What each page holds, as typed JSON-shaped records (``TypedDict``): the data the web page
renders, its JSON twin returns, the static report writes and the CLI prints. A page of a
story or an event holds its record's fields and its analyses' (``model.analyses``) beside
what the page adds."""

from __future__ import annotations

from typing import NotRequired, TypedDict

from storyline.model.analyses import (
    BoardGroup,
    Citation,
    Comparison,
    Conflict,
    Coverage,
    OnlyIn,
    Person,
    Sentence,
    TimelineEntry,
)
from storyline.model.follow import Alert, ArticleRef, Watch
from storyline.model.outlets import OutletProfile
from storyline.store.export import ArticleRecord
from storyline.store.rows import (
    ArticleRow,
    CorpusSummary,
    Neighbour,
    QuoteRow,
    RejectRow,
    SearchHit,
    StoryCount,
)


class SourceCounts(TypedDict):
    """Sources counted apart: distinct known outlets, and articles of no known outlet."""

    known_outlets: int
    unknown_articles: int


# -- charts ------------------------------------------------------------------------------
class Mark(TypedDict):
    """A timeline entry on the story chart."""

    entry: int
    x: float
    y: int
    r: float
    kind: str
    date: str
    support: int
    text: str


class Tick(TypedDict):
    x: float
    label: str


class Chart(TypedDict):
    """The story chart's geometry (x in a 0–800 view box), and its background entries."""

    marks: list[Mark]
    ticks: list[Tick]
    background: list[int]
    lanes: list[str]
    left: NotRequired[int]
    right: NotRequired[int]


class MonthBar(TypedDict):
    """A bar of an entity's mentions over time: a month, or a year past ``MAX_BARS`` months."""

    month: str
    articles: int
    label: str
    year: str
    height: NotRequired[int]


# -- the corpus --------------------------------------------------------------------------
class StoryRow(TypedDict):
    """A story as the story lists show it."""

    id: str
    title: str
    lede: str
    first_date: str | None
    last_date: str | None
    events: int
    articles: int
    outlets: list[str]
    known_outlets: list[str]


class Overview(CorpusSummary):
    """The corpus overview: its summary, link counts, newest stories, latest rejects."""

    entities: int
    events: int
    stories: int
    duplicates: int
    latest_stories: list[StoryRow]
    reject_list: list[RejectRow]


class StoriesPage(TypedDict):
    total: int
    limit: int
    offset: int
    order: str
    orders: list[str]
    min_articles: int
    items: list[StoryRow]


# -- a story, an event -------------------------------------------------------------------
class OutletShare(TypedDict):
    outlet: str
    articles: int


class EventRef(TypedDict):
    """An event as a story page lists it."""

    id: str
    title: str
    date: str | None
    article_ids: list[str]
    outlets: list[str]
    lede: str


class StoryPage(TypedDict, total=False):
    """A story: its record, its analyses, and what the page adds (events, chart, outlets)."""

    id: str
    title: str
    lede: str
    event_ids: list[str]
    article_ids: list[str]
    first_date: str | None
    last_date: str | None
    outlets: list[str]
    quote_board: list[BoardGroup]
    conflicts: list[Conflict]
    coverage: Coverage
    summary: list[Sentence]
    timeline: list[TimelineEntry]
    people: list[Person]
    analysed: bool  # its analyses are computed
    chart: Chart
    outlet_mix: list[OutletShare]
    events: list[EventRef]
    event_titles: dict[str, str]
    kinds: list[str]
    timeline_outlets: list[str]
    headlines: dict[str, ArticleRef]
    known_outlets: int
    unknown_articles: int
    blindspots: list[str]  # outlets of the corpus, publishing at the time, that never covered it
    outlet_profiles: dict[str, OutletProfile]  # of the outlets it names that a profile table holds


class SideBySide(TypedDict):
    """An event's article as the event page shows it beside the others."""

    id: str
    headline: str | None
    outlet: str | None
    published: str | None
    text: str


class CopyRow(TypedDict):
    """A wire copy or near duplicate, with what it changed (``model.Duplicate``)."""

    article_id: str
    duplicate_of: str
    similarity: float
    kind: str
    credits: list[str]
    outlet: str | None
    original_outlet: str | None
    diff: list[dict[str, str]]


class EventPage(TypedDict, total=False):
    """An event: its record, its analyses, its articles side by side and their copies."""

    id: str
    title: str
    date: str | None
    article_ids: list[str]
    outlets: list[str]
    lede: str
    summary: list[Sentence]
    only_in: list[OnlyIn]  # of known outlets
    only_in_unknown: list[OnlyIn]  # what only an article of unknown outlet says, apart
    analysed: bool
    headlines: dict[str, ArticleRef]
    known_outlets: int
    unknown_articles: int
    blindspots: list[str]  # outlets of the corpus, publishing at the time, that never covered it
    outlet_profiles: dict[str, OutletProfile]  # of the outlets it names that a profile table holds
    articles: list[SideBySide]
    duplicates: list[CopyRow]


class TimelineDay(TypedDict):
    """A date of a timeline query, with its sentences and citations."""

    date: str
    sentences: list[str]
    citations: list[Citation]
    entries: list[TimelineEntry]


# -- entities ----------------------------------------------------------------------------
class EntityRow(TypedDict):
    """An entity as the entity lists show it."""

    id: str
    name: str
    label: str
    aliases: list[str]
    articles: int
    mentions: int


class EntitiesPage(TypedDict):
    total: int
    limit: int
    offset: int
    items: list[EntityRow]


class Evidence(TypedDict):
    """Why a name is an entity's alias (``model.AliasEvidence``), its articles cut to the first."""

    alias: str
    mentions: int
    article_ids: list[str]
    joined_by: list[str]
    article_count: int


class RoleRow(TypedDict):
    role: str
    as_of: list[str]


class EntityPage(TypedDict, total=False):
    """An entity: aliases with evidence, roles, stories, co-mentions, quotes, months."""

    id: str
    name: str
    label: str
    aliases: list[str]
    articles: int
    mentions: int
    evidence: list[Evidence]
    roles: list[RoleRow]
    stories: list[StoryCount]
    co_mentioned: list[Neighbour]
    peak: int
    labels: dict[str, str]
    quotes: list[QuoteRow]
    months: list[MonthBar]
    others: list[str]  # the CLI's: other entities a name matched


# -- an article ------------------------------------------------------------------------
class Segment(TypedDict):
    """A piece of an article's text between two annotation boundaries."""

    text: str
    start: int
    end: int
    classes: list[str]
    title: str
    anchors: list[str]
    anchor: NotRequired[str]


class PanelEntity(TypedDict):
    anchor: str
    text: str
    label: str
    role: str | None
    entity_id: str | None
    count: int


class PanelDate(TypedDict):
    anchor: str
    text: str
    value: str
    type: str


class PanelQuote(TypedDict):
    anchor: str
    text: str
    explain: str
    entity_id: str | None


class PanelNumber(TypedDict):
    anchor: str
    text: str
    source: str | None


class Panel(TypedDict):
    """The article page's side panel: its entities, dates, quotes and numbers."""

    entities: list[PanelEntity]
    dates: list[PanelDate]
    quotes: list[PanelQuote]
    numbers: list[PanelNumber]


class StoryTitle(TypedDict):
    id: str
    title: str


class ArticlePage(ArticleRecord, total=False):
    """An article as the export contract describes it, with what its page adds."""

    title: str
    safe_url: str | None
    segments: list[Segment]
    panel: Panel
    stages: list[str]
    event_id: str | None
    event_title: str | None
    story: StoryTitle | None


# -- search, alerts, listings ------------------------------------------------------------
class HitGroup(TypedDict):
    story_id: str | None
    title: str | None
    hits: list[SearchHit]


class SearchPage(TypedDict):
    q: str
    limit: int
    offset: int
    outlet: str | None
    since: str | None
    until: str | None
    entity: str | None
    entity_id: str | None
    entity_name: str | None
    total: int
    items: list[SearchHit]
    groups: list[HitGroup]


class AlertsPage(TypedDict):
    since: str | None
    limit: int
    items: list[Alert]
    watches: list[Watch]


class ArticleListing(TypedDict):
    total: int
    offset: int
    articles: list[ArticleRow]


class ComparePage(TypedDict, total=False):
    """An event's outlets side by side (``analysis.compare``): its comparison with every
    speaker named as the corpus names them and every citation labelled; ``labels`` names
    each of its articles ("Outlet · date · headline"); ``not_reporting``: the outlets of its
    story that did not report it."""

    kind: str  # event
    id: str
    title: str
    date: str | None
    story: StoryTitle | None
    comparison: Comparison | None  # None: fewer than two known outlets report it
    outlets: list[str]  # its known outlets
    known_outlets: int
    unknown_articles: int
    unknown_ids: list[str]  # its articles of unknown outlet
    not_reporting: list[str]
    labels: dict[str, str]


class OutletTake(TypedDict):
    """One outlet's report of one event of a story: its headline, first time, articles."""

    outlet: str
    headline: str
    first_seen: str | None
    first: bool  # among the outlets that reported the event first
    article_ids: list[str]


class EventTakes(TypedDict):
    """One event of a story as the story's comparison lists it, in date order."""

    id: str
    title: str
    date: str | None
    compared: bool  # reported by two known outlets or more
    takes: list[OutletTake]
    not_reporting: list[str]  # the story's outlets that did not report it
    unknown_articles: int
    unknown_ids: list[str]  # its articles of unknown outlet


class VoiceCount(TypedDict):
    """Someone an outlet quotes over a story's events, and how often."""

    speaker: str
    entity_id: str | None
    quotes: int


class OutletRecord(TypedDict):
    """One outlet over a story: events reported, reported first, articles, whom it quotes."""

    outlet: str
    events: int
    first: int  # events another known outlet reported too where it was (among the) first
    articles: int
    voices: list[VoiceCount]
    shared: NotRequired[int]  # events it reported that another known outlet reported too
    first_alone: NotRequired[int]  # of ``first``: before every other outlet, not the same day


class WordUse(TypedDict):
    """One outlet's word for a story's referent: when it first and last used it, how often."""

    term: str
    first: str | None
    last: str | None
    uses: int
    cites: list[Citation]
    days: list[str | None]  # the day of each of ``cites``' articles


class OutletWords(TypedDict):
    """One outlet's words for a referent, the earliest used first."""

    outlet: str
    words: list[WordUse]


class ReferentWords(TypedDict):
    """How the outlets of a story name one of its actors over time."""

    referent: str
    refers_to: str | None
    outlets: list[OutletWords]


class StoryComparePage(TypedDict, total=False):
    """A story's outlets side by side over its events, over time."""

    kind: str  # story
    id: str
    title: str
    first_date: str | None
    last_date: str | None
    outlets: list[OutletRecord]
    events: list[EventTakes]
    known_outlets: int
    unknown_articles: int
    labels: dict[str, str]
    words: list[ReferentWords]  # the outlets' words for the same actors, over time
