"""What the analyses of a story or an event hold (``storyline.analysis``), as typed JSON-shaped
records (``TypedDict``), stored as they are and shown by the pages. Every sentence shown
carries ``citations``: the spans of the articles that say it."""

from __future__ import annotations

from typing import NotRequired, TypedDict


class Citation(TypedDict):
    """A span of an article's clean text that a sentence, quote or figure comes from."""

    article_id: str
    start: int
    end: int
    label: NotRequired[str]  # how a page names the source ("Outlet · date · headline")
    spans: NotRequired[int]  # a page's one citation per article: how many spans it stands for


class TimelineEntry(TypedDict):
    """One dated entry of a story's timeline."""

    date: str
    text: str
    kind: str  # happened | said | planned
    citations: list[Citation]
    support: int  # sources that report it
    outlets: list[str]
    n: NotRequired[int]  # its place on the page's chart (pages)
    background: NotRequired[bool]  # dated before the story: drawn apart (pages)
    cites: NotRequired[list[Citation]]  # labelled, one per article (pages)
    known_outlets: NotRequired[int]  # the known outlets among its sources (pages)
    unknown_articles: NotRequired[int]  # its sources of no known outlet (pages)


class Sentence(TypedDict):
    """A cited sentence of a summary, with the outlets that say the same."""

    text: str
    citations: list[Citation]
    support: int
    of_outlets: int
    outlets: list[str]
    cites: NotRequired[list[Citation]]  # labelled, one per article (pages)
    known_outlets: NotRequired[int]  # the known outlets among its sources (pages)
    unknown_articles: NotRequired[int]  # its sources of no known outlet (pages)


class OnlyIn(Sentence):
    """A sentence one outlet alone reports."""

    outlet: str


class Version(TypedDict):
    """One outlet's version of a quotation: verbatim, altered, a paraphrase presented as a
    quote, or reported speech; ``first``: where it first appeared."""

    article_id: str
    outlet: str | None
    published: str | None
    text: str
    start: int
    end: int
    speaker: str | None
    kind: str
    similarity: float
    first: bool
    label: NotRequired[str]


class BoardGroup(TypedDict):
    """One quotation of a story's quote board, with every outlet's version of it."""

    speaker: str | None
    speaker_entity_id: str | None
    first_article_id: str
    first_outlet: str | None
    outlets: int
    versions: list[Version]


class FrameData(TypedDict):
    """A claim's frame as stored (``model.ClaimFrame``)."""

    thing: str
    predicate: str
    path: list[str]
    about: list[str]
    names: list[str]
    scope: bool


class ClaimReport(TypedDict):
    """One report of a figure in a conflict: the number's span, its sentence, who says it."""

    article_id: str
    event_id: str
    outlet: str | None
    value: float
    qualifier: str | None
    unit: str
    source: str | None
    start: int
    end: int
    sentence: str
    claim_date: str | None
    frame: FrameData | None
    label: NotRequired[str]


class Conflict(TypedDict):
    """Values of one quantity that exclude each other, every report cited; ``basis``: found
    within one event, or across the story's events through one named subject."""

    event_id: str
    event_ids: list[str]
    basis: str
    quantity: str
    values: list[float]
    reports: list[ClaimReport]


class Cell(TypedDict):
    """How many articles an outlet ran on an event, and how many of them are wire copies."""

    articles: int
    copies: int


class Exclusive(TypedDict):
    """An event only one outlet reported."""

    event_id: str
    outlet: str


class Coverage(TypedDict):
    """Outlet × event counts of a story, and the events one outlet alone reported."""

    events: list[str]
    outlets: dict[str, dict[str, Cell]]  # known outlets only
    only_one_outlet: list[Exclusive]
    unknown_outlet: NotRequired[dict[str, Cell]]  # articles of unknown outlet, by event, apart


class Said(TypedDict):
    """A quote of a key person, cited."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str  # quotation | reported speech
    published: str | None
    label: NotRequired[str]


class Person(TypedDict):
    """One of a story's key people: how widely reported, and what they said."""

    entity_id: str
    name: str
    articles: int
    quotes: int
    said: list[Said]


class StoryViews(TypedDict, total=False):
    """A story's analyses."""

    quote_board: list[BoardGroup]
    conflicts: list[Conflict]
    coverage: Coverage
    summary: list[Sentence]
    timeline: list[TimelineEntry]
    people: list[Person]
    terms: dict[str, list[Term]]  # outlet → its words for the story's actors (``story_terms``)


class Voice(TypedDict):
    """Someone an outlet quotes on an event: how often, where."""

    speaker: str
    entity_id: str | None
    quotes: int
    citations: list[Citation]
    cites: NotRequired[list[Citation]]  # labelled, one per article (pages)


class Term(TypedDict):
    """A word an outlet uses for one of the event's actors or acts where the others use other
    words (``analysis/compare/words.py``); each citation is the term's own span."""

    term: str
    refers_to: str | None  # the entity (corpus id) or act it names; None: an act
    score: float  # informative-prior log-odds z-score (Monroe et al. 2008)
    citations: list[Citation]
    others: NotRequired[dict[str, list[str]]]  # other outlet → its words for the same referent
    event_id: NotRequired[str]  # a story's term for acts: the event whose acts it names
    cites: NotRequired[list[Citation]]  # labelled, one per article (pages)
    referent: NotRequired[str]  # what it names, as the corpus names it: an entity, "the acts" (pages)


class OnlyHere(TypedDict):
    """What one outlet alone reports on an event, no other outlet's report saying it in any
    words (``analysis/compare/align.py``)."""

    text: str
    kind: str  # fact | quote | number | context
    citations: list[Citation]
    cites: NotRequired[list[Citation]]  # labelled, one per article (pages)


class LeftOut(TypedDict):
    """Someone other outlets quote on an event and this one does not."""

    speaker: str
    entity_id: str | None
    quoted_by: list[str]  # the outlets that quote them


class OutletSide(TypedDict):
    """One outlet's account of an event, as the comparison shows it beside the others'."""

    outlet: str
    article_ids: list[str]
    headline: str
    first_seen: str | None  # ISO date or date-time of its first article
    voices: list[Voice]
    terms: list[Term]
    only_here: list[OnlyHere]
    first: NotRequired[bool]  # among the outlets that reported it first
    left_out: NotRequired[list[LeftOut]]  # whom the others quote and it does not


class Shared(TypedDict):
    """What several outlets report, in their own words."""

    text: str
    outlets: list[str]
    citations: list[Citation]
    cites: NotRequired[list[Citation]]  # labelled, one per article (pages)


class ComparedValue(TypedDict):
    """One outlet's value of a quantity the outlets disagree on."""

    value: float
    text: str
    outlet: str
    citations: list[Citation]
    cites: NotRequired[list[Citation]]  # labelled, one per article (pages)


class Disagreement(TypedDict):
    """One quantity of one thing at one time, given different values by different outlets."""

    quantity: str
    values: list[ComparedValue]


class Unknown(TypedDict):
    """The event's articles of no known outlet: listed apart, never counted as an outlet."""

    article_ids: list[str]


class Comparison(TypedDict):
    """How the outlets that report an event tell it (``events[].comparison`` of the export
    contract): side by side, with what they share and the numbers they disagree on."""

    outlets: list[OutletSide]
    unknown: Unknown
    shared: list[Shared]
    conflicts: list[Disagreement]


class EventViews(TypedDict, total=False):
    """An event's analyses."""

    summary: list[Sentence]
    only_in: list[OnlyIn]
    comparison: Comparison | None  # None: reported by fewer than two known outlets
