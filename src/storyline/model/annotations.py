"""What reading finds in an article, as typed records: a ``Mention`` of a person, organisation
or place, a ``Timex`` (temporal expression), a ``Quote``, a numeric ``Claim`` with its
``ClaimFrame``, and a ``Descriptor``: a word that names or describes a mention, or an act.
Every record carries character offsets (``start``, ``end``) into the article's clean
``text``. Reading fills the fields it finds; linking ties chains to corpus entities
(``entity_id`` and the like), and ``store/`` is the one place that turns them into rows and
back (``store.records``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Mention:
    """A named mention; the mentions of one entity in one article share a ``chain``."""

    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | GPE | LOC | NORP | FAC | EVENT | ...
    chain: str | None = None  # the article's chain of mentions of one entity
    role: str | None = None  # the title written before a name ("Foreign Minister")
    confidence: float = 0.7
    role_as_of: str | None = None  # the date the role is stated as of (the publication date)
    entity_id: str | None = None  # the corpus entity linking tied the chain to


@dataclass(slots=True)
class Timex:
    """A temporal expression: TIMEX3 type and value (``2022-03-08``, ``XXXX-02-24``, ``P3D``)."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None  # START | MID | END (early, mid-, late), APPROX, ...
    anchored: bool = False  # resolved against the article's publication date
    confidence: float = 0.5


@dataclass(slots=True)
class Quote:
    """Who said what: the quoted or reported words, their kind, cue and speaker."""

    start: int
    end: int
    text: str
    kind: str  # direct | partial | indirect
    speaker: str | None = None  # the speaker as the text writes it ("he", "Blinken")
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_resolved: str | None = None  # the name a pronoun speaker stands for, else the speaker
    cue: str | None = None  # the verb or phrase of saying ("said", "according to")
    cue_start: int | None = None
    cue_end: int | None = None
    confidence: float = 0.5
    speaker_chain: str | None = None  # the article's chain of the speaker's mentions
    speaker_entity_id: str | None = None  # the corpus entity of that chain


@dataclass(slots=True)
class ClaimFrame:
    """What a number is about, from the parse (``read.claim_frames``): the thing it counts,
    the predicate governing it, the words between, the words it is about (and the proper
    nouns among them), and whether it counts some in addition to others ("another 15")."""

    thing: str
    predicate: str
    path: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    scope: bool = False


@dataclass(slots=True)
class Claim:
    """A numeric claim: ``text``/``start``/``end`` are the sentence that makes it, the number
    itself ``number``/``number_start``/``number_end``; its value, unit, quantity, qualifier
    ("at least"), who asserts it and, once dated, the date it holds for."""

    start: int
    end: int
    text: str
    number: str
    number_start: int
    number_end: int
    value: float
    unit: str
    quantity: str = ""  # what the unit counts, in a class where it has one ("deaths")
    qualifier: str | None = None
    source: str | None = None  # who asserts it, as the text writes it
    currency: str | None = None
    confidence: float = 0.6
    frame: ClaimFrame | None = None
    source_chain: str | None = None
    source_entity_id: str | None = None
    claim_date: str | None = None
    claim_date_basis: str | None = None  # stated | published | inferred


@dataclass(slots=True)
class Descriptor:
    """A word that names or describes one of the article's mentions, or names an act: what
    the outlets' words for the same actors and acts are compared over
    (``analysis.compare.words``), kept by reading so analysis never parses again.
    ``relation`` says how the word stands to its mention: ``modifier`` (a word of the
    mention's noun phrase: "dictator" in "North Korean dictator Kim Jong Un"), ``head`` (the
    noun the mention modifies: "invasion" in "Russia's invasion"), ``appositive`` (a noun
    phrase set beside it or equated with it: "the leader" in "Kim, the leader,"), ``verb``
    (the verb whose subject or object it is); ``act`` (no chain): a verb or event noun of the
    sentence."""

    start: int
    end: int
    lemma: str  # lower case
    pos: str  # the universal part of speech (NOUN, VERB, ADJ, PROPN, ...)
    relation: str  # modifier | head | appositive | verb | act
    chain: str | None = None  # the chain of the mention it describes; None: an act


NOTE_KINDS = ("entities", "timexes", "quotes", "claims", "descriptors")
"""An article's annotation lists, by the attribute that holds each."""
