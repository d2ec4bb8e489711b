"""Languages as data: every natural-language word list and pattern table the stages read, one
folder per language, looked up by the article's language code.

Laid out as spaCy lays out ``spacy/lang/<code>/``: a language's tables are constants in the
modules of its folder, split by purpose (``lang/en/speech.py``, ``lang/en/dates.py``, ...), and
the folder's ``__init__`` gathers them into one ``Language``, the way spaCy's ``EnglishDefaults``
gathers ``stop_words.py`` and ``lex_attrs.py``. Stage code never names a language: it asks
``get(article.language)`` for the tables and reads the group it needs (``.speech.cues``,
``.dates.months``). ``REGISTRY`` is an explicit table, code to module path; a language is
imported on its first lookup (as spaCy's ``util.get_lang_class`` imports ``spacy.lang.<code>``)
and costs nothing until an article in it appears. Nothing registers itself by being imported.

``lang/xx/`` (spaCy's code for "multi-language") holds the tables that list words of several
languages at once, for what is read before the page's language is known or whatever it is:
error pages and walls, date lines naming a change, byline labels (``multilingual()``).

Adding a language: a folder ``lang/<code>/`` whose ``__init__`` defines ``LANGUAGE`` (the same
shape as ``lang/en/``), and a line in ``REGISTRY``. A language that has only some of its
tables yet takes English's for the others (``dataclasses.replace(english(), code=..., ...)``):
the stages then treat that part of its articles as they treat every article today. What it
``reads`` (``READS``) decides what the read stage does with its articles; ``()`` reads nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import import_module

__all__ = [
    "QUALIFIER_BOUNDS",
    "READS",
    "REGISTRY",
    "Acts",
    "Boilerplate",
    "Credits",
    "DateLines",
    "Language",
    "Multilingual",
    "Names",
    "Numbers",
    "People",
    "Sentences",
    "Speech",
    "Times",
    "codes",
    "english",
    "find",
    "get",
    "multilingual",
    "stop_words",
]

READS = ("entities", "timexes", "quotes", "claims")
"""What a reader can read, in the order the read stage fills them."""

REGISTRY: dict[str, str] = {
    "en": "storyline.lang.en",
}
"""Every language that has tables of its own: its ISO 639-1 code and the module that defines
its ``LANGUAGE``. The first is the fallback (``get``)."""

FALLBACK = "en"
"""The language whose tables stand in for a language that has none: every rule was written for
English and applied to every article, and an article in another language keeps that result
until its language has tables of its own."""


@dataclass(frozen=True, eq=False)
class Boilerplate:
    """Chrome and appeals a page leaves in its text (``clean/phrases.py``, ``clean/boilerplate.py``).
    Patterns describe families seen across many sites, never one page's wording; they are
    matched case-insensitively. The reasons (the keys) are the labels recorded with what is
    removed, the same in every language."""

    line_families: Mapping[str, str]
    """Reason → a regex a whole (stripped) line matches: widgets, labels, timers."""
    sentence_families: Mapping[str, str]
    """Reason → a regex found anywhere in a sentence: appeals, newsletter and cookie prompts."""
    sentence_cues: tuple[str, ...]
    """Lower-case substrings one of which every sentence pattern contains: a cheap pre-test."""
    voice: tuple[str, ...]
    """Words of an outlet speaking to its readers ("we", "your"): a sentence in that voice next
    to an appeal is the appeal."""


@dataclass(frozen=True, eq=False)
class DateLines:
    """Dates as a page writes them on a line of their own (``describe/dates.py``)."""

    months: str
    """Regex alternation of the month names and their abbreviations (no groups)."""
    line_prefix: str
    """Regex of the words before a date line's date ("Published on:", "Updated")."""
    date_only: str
    """Regex of a line holding nothing but a date, with time and zone (after the prefix)."""
    month_first_regions: frozenset[str]
    """Regions (ISO 3166 codes) whose pages write 01/11/2023 month first; in a language that
    has any, a page of no known region leaves such a date open."""


@dataclass(frozen=True, eq=False)
class Credits:
    """Bylines, credit lines and an outlet's words about itself (``describe/header.py``,
    ``describe/outlets.py``)."""

    byline: str
    """Regex of a byline paragraph ("By Anna Petrov, Reuters"), case aside: groups ``name``
    and ``role``. The others are matched as written (keywords carry ``(?i:...)``)."""
    name: str
    """Regex of an organisation's name as the text writes it (no groups)."""
    self_description: str
    """Regex of a sentence in which the outlet describes itself: group ``o`` is the name."""
    copyright_notice: str
    """Regex of a copyright footer (case aside): group ``o`` is the name."""
    credit_line: str
    """Regex of a credit line closing a story: groups ``org`` and ``org2`` name the organisation."""
    generic_credits: frozenset[str]
    """Lower-case words a credit line names that are no organisation ("staff", "agencies")."""
    name_tails: tuple[str, ...]
    """Endings cut from an organisation's name (" Ltd", the " All" of "All rights reserved")."""


@dataclass(frozen=True, eq=False)
class Speech:
    """Who said what (``read/quotes.py``, and the source of a number in ``read/claims.py``).
    Verbs are lemmas, lower case, as the language's spaCy model lemmatises them."""

    cues: frozenset[str]
    """Verbs that report speech or thought: the cue of a quote or of a reported statement."""
    beliefs: frozenset[str]
    """Cues of belief, perception and intention rather than speech: attributed, less surely."""
    stances: frozenset[str]
    """Verbs of a stance whose content is an object ("X endorsed Y"), read when asked for."""
    pronouns: frozenset[str]
    """Pronouns a speaker may be, resolved to the person or body they stand for."""
    relatives: frozenset[str]
    """Relative pronouns: a subject "who" stands for the phrase its clause hangs on."""
    person_relatives: tuple[str, ...]
    """Relative pronouns of a person that open a description of them ("X, who chairs ...")."""
    agents: frozenset[str]
    """Nouns of a role or body that can speak ("spokesman", "ministry")."""
    introducers: tuple[str, ...]
    """Cue forms that, written right before a quotation, make it the speaker's own words."""
    plain_said: tuple[str, ...]
    """The plain speech cue: a quote it introduces is the speaker's, inside another statement too."""
    according: tuple[str, ...]
    """The words of "according to X", in order."""
    reporting: tuple[str, ...]
    """Verbs whose subject is the source of a number in their clause."""
    lemma_fixes: Mapping[str, str]
    """Lemmas the model gets wrong → the right one, when the word starts with it ("hop" of "hoped")."""
    modals: str
    """Regex of a modal verb ("would", "must"), case aside: an indirect statement with one
    reports an opinion, warning or intention (``analysis/timelines.py``)."""
    documents: frozenset[str] = frozenset()
    """Nouns of a document ("statement", "indictment"): a source, never a person; it is credited
    to whoever issued it when the text says so ("the board's statement"), else to no one."""
    issued_by: tuple[str, ...] = ()
    """Prepositions naming a document's issuer ("a statement from X", "a letter by X")."""


@dataclass(frozen=True, eq=False)
class People:
    """People, places and the titles written before names (``read/entities.py``,
    ``read/pronouns.py``)."""

    titles: frozenset[str]
    """Lower-case words of a title written before a name ("foreign", "minister", "sen.")."""
    title_glue: frozenset[str]
    """Words inside a title that are no title on their own ("of", "the", "u.s.")."""
    role_ends: tuple[str, ...]
    """What a title before a name never ends with ("of", "the", a possessive)."""
    possessives: tuple[str, ...]
    """The possessive ending as the tokenizer splits it off ("'s")."""
    not_entities: frozenset[str]
    """Lower-case mentions the model takes for entities that never are."""
    place_prepositions: frozenset[str]
    """Prepositions of place: a one-word "person" after one is a place ("in Kyiv")."""
    genders: Mapping[str, str]
    """Personal pronouns → ``m`` or ``f``."""
    subject_pronouns: tuple[str, ...]
    """Personal pronouns that, as a subject, join the chain of the person they stand for."""


@dataclass(frozen=True, eq=False)
class Names:
    """Names as articles write them, made comparable across articles (``link/entities.py``):
    what a name's normal form leaves out, and the short forms that stand for one name. The
    titles before a person's name are ``People.titles``. Lower case, without dots."""

    stop: frozenset[str]
    """Words a name's start drops and its acronym leaves out ("the", "of", "and")."""
    possessive: str
    """Regex of the possessive ending ("'s"), without anchors: no part of the name."""
    generational: frozenset[str]
    """Generational suffixes ("jr", "iii"): a surname never ends there."""
    legal_forms: frozenset[str]
    """A company's legal form ("inc", "gmbh"): "Ford Motor Co." is Ford Motor."""
    standard_places: Mapping[str, str]
    """Short forms news uses for a country ("us", "uk") → its GeoNames name (other two-letter
    codes stay what they say)."""
    standard_acronyms: Mapping[str, str]
    """Two-letter acronyms standard for one body ("un") → its name; other acronyms join a name
    only with three letters or more."""
    pronouns: frozenset[str]
    """Pronouns a chain of mentions holds ("he", "his"): never one of its names."""


@dataclass(frozen=True, eq=False)
class Sentences:
    """Where a sentence ends and how one opens (``sentences.py``): abbreviations are
    lower case, without their last point."""

    never_end: frozenset[str]
    """Abbreviations after whose point a sentence never ends: titles, months, "vs"."""
    end_before_capital: frozenset[str]
    """Abbreviations whose point ends a sentence only before a capital ("in the U.S. The")."""
    opening: str
    """Regex of how a sentence opens: quotation marks or brackets, then a capital or a digit."""
    leaning: frozenset[str] = frozenset()
    """Words that, opening a sentence, point back to what came before it ("he", "however"),
    lower case: such a sentence is not cited alone."""
    leaning_inside: frozenset[str] = frozenset()
    """The same set off by commas in a sentence's first clause ("X, however, ...")."""
    leaning_loosely: frozenset[str] = frozenset()
    """Openers that often lean on the one before ("this", "meanwhile", "there"): avoided where
    a sentence is shown with no context (``analysis/compare/align.py``)."""
    not_prose: str = r"(?!)"
    """Regex (case-insensitive) of a line that is no sentence of the report: a caption, a
    factbox or graphics label, a link prompt, a reader's comment."""


QUALIFIER_BOUNDS = ("floor", "ceiling", "about", "exact")
"""What a qualifier makes of its number (``Numbers.qualifiers``): the least the value may be
("at least 11"), the most ("up to 40"), near it ("about 200"), or the value itself ("only 3").
Labels, the same in every language."""


@dataclass(frozen=True, eq=False)
class Numbers:
    """Numbers as text writes them and what they count (``read/claims.py``,
    ``read/claim_frames.py``), and what tells two reports of a number apart
    (``analysis/conflicts.py``)."""

    qualifiers: Mapping[str, str]
    """Words before a number that qualify it ("more than") → what they make of it (one of
    ``QUALIFIER_BOUNDS``); read in order, first match wins: longer first."""
    scales: Mapping[str, float]
    """Scale words after a number ("million") → the factor."""
    money_scales: Mapping[str, float]
    """Scales written after an amount of money ("$ 20bn", "£207m") → the factor; after other
    numbers "m" is metres."""
    scale_pattern: str
    """Regex alternation of the scales a number may carry, longer before shorter ("mn" before "m")."""
    words: Mapping[str, float]
    """Number words a claim's number may be written in ("twelve", "dozens")."""
    quantities: Mapping[str, tuple[str, ...]]
    """What a unit measures: the quantity (a label, the same in every language) → the stems
    of the words that name it, so that "people killed" and "the death toll" compare."""
    changes: frozenset[str]
    """Verbs of a level that changed ("the toll rose to 47"): their subject is the quantity."""
    levels: frozenset[str]
    """Predicates that state a level reached ("is", "rose to", "stands at"): one quantity."""
    scope: frozenset[str]
    """Words of a number counted in addition to others ("another 15", "11 more")."""
    scale_words: frozenset[str]
    """Scale words and their plurals, which are part of a number, not what it counts."""
    generic: frozenset[str]
    """Words that name no particular subject of a number ("people", "total", "day")."""
    generic_units: frozenset[str]
    """Words of a count's unit that name no particular thing counted: "people killed" and
    "deaths" count one thing, "workers killed" and "birds killed" two."""
    measures: frozenset[str]
    """Units that measure and name no thing ("miles", "barrels"): 50 miles of what?"""
    claim_stop_words: frozenset[str]
    """Words left out when two claims' sentences or units are compared word by word."""
    ranges: str
    """Regex of a range around a number ("35,000 to 60,000", "between 5"), case aside: one end of
    a range is no figure to compare."""
    hypothetical: str
    """Regex of the words that make a sentence's figure hypothetical ("could", "worst case",
    "capacity"), case aside."""
    rate: str
    """Regex of a rate after a number ("a day", "per hour", "daily"), case aside: the group
    that matched is the unit, which ``rate_units`` names."""
    rate_units: Mapping[str, str]
    """A rate's unit as ``rate`` finds it, lower case ("daily") → the unit it is per ("day"):
    labels, the same in every language."""


@dataclass(frozen=True, eq=False)
class Times:
    """Time expressions (``read/timex``): the rules' patterns and the words their resolvers
    read, in the manner of HeidelTime's per-language resources. ``patterns`` holds each rule's
    regex (its named groups are what the rule's resolver reads); the tables turn what a group
    matched into numbers and TIMEX3 letters. Keys are lower case."""

    patterns: Mapping[str, str]
    """Rule name → its regex source, flags inline; a rule the language has no pattern for is
    not tried."""
    cues: Mapping[str, str]
    """Regexes a resolver checks around its match, by name (``not_a_year``: the words before a
    number that is no year, ...; see ``lang/en/timex.py``)."""
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    weekday_abbreviations: Mapping[str, int]
    numbers: Mapping[str, float]
    """Count words of a duration ("three", "a couple of")."""
    vague: frozenset[str]
    """Count words that give no number ("several", "a few")."""
    units: Mapping[str, tuple[str, str]]
    """Unit word → (TIMEX3 time prefix, letter): "hour" → ("T", "H")."""
    ordinals: Mapping[str, int]
    seasons: Mapping[str, str]
    parts_of_day: Mapping[str, str]
    modifiers: Mapping[str, str]
    """"early", "mid-", "late" and their longer forms → TIMEX3 ``mod``."""
    clock_words: Mapping[str, tuple[int, int]]
    """Times of day named by a word ("noon") → (hour, minute); midnight is hour 24."""
    holidays: Mapping[str, str]
    """Holidays on a fixed day → ``MM-DD``."""
    decades: Mapping[str, int]
    """Spelled decades ("the nineties") → the tens digit."""
    day_offsets: Mapping[str, int]
    """Days named from the anchor ("yesterday") → days from it."""
    steps: Mapping[str, int]
    """Words counting a unit from the anchor ("last week", "next year") → units from it."""
    weekday_steps: Mapping[str, int]
    """Words that put a weekday after (1) or before (-1) the anchor whatever the tense."""
    quarter_steps: Mapping[str, int]
    """Words counting a quarter from the anchor's ("this quarter": 0, "next": 1)."""
    named_quarter: tuple[str, ...]
    """Words of "the quarter" just named ("the same quarter"); "" is a bare "quarter"."""
    set_letters: tuple[tuple[str, str], ...]
    """What a recurrence word contains → the unit it repeats in (first match wins)."""
    present: tuple[str, ...]
    """Vague references to the present ("now", "currently")."""
    future: tuple[str, ...]
    """Vague references to the future ("soon", "in the future")."""
    title_words: frozenset[str]
    """Time words a capitalised title is made of ("This Week", "60 Minutes")."""
    rate_units: tuple[str, ...]
    """Units that after a number are a rate ("700 seats a week"), after "per" a recurrence."""
    span_units: tuple[str, ...]
    """Units that "the past" makes a duration reaching back to the anchor ("the past week")."""
    future_words: frozenset[str]
    """Words that make a clause about the future (plans, schedules, will)."""
    future_before_to: frozenset[str]
    """Words that make it about the future when followed by "to" ("plans to", "is to")."""
    past_words: frozenset[str]
    """Words that make a clause about the past."""
    future_auxiliaries: tuple[str, ...]
    """Words before "be" that make a participle after it a passive future ("will be held")."""
    past_auxiliaries: tuple[str, ...]
    """Past forms that stay past after "be" ("to be was" never is passive)."""
    earlier_plan: tuple[str, ...]
    """Words that make a plan one made before, in a past narrative ("had", "originally")."""


@dataclass(frozen=True, eq=False)
class Acts:
    """What makes a noun name an act (``read/descriptors.py``), beside being a verb's lemma
    too ("attack", "strike"): the endings of nouns made from verbs ("invasion", "agreement")."""

    noun_endings: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Language:
    """One language's tables, grouped by purpose; one instance per language (``get``)."""

    code: str
    """ISO 639-1, as ``describe`` detects it."""
    name: str
    reads: tuple[str, ...]
    """What the read stage reads in this language (a subset of ``READS``, in its order)."""
    models: tuple[str, ...]
    """spaCy models that read it, the first one installed wins; the last is on PyPI."""
    boilerplate: Boilerplate
    dates: DateLines
    credits: Credits
    speech: Speech
    people: People
    names: Names
    numbers: Numbers
    times: Times
    sentences: Sentences
    stop_words: Callable[[], frozenset[str]]
    """The words a bag of words leaves out (the TF-IDF of event clustering, timelines and
    summaries), as spaCy's ``stop_words``; a function, called when a vectoriser needs them
    (English's are scikit-learn's, whose import is slow: only what vectorises pays it)."""
    acts: Acts = Acts()
    """A language without its own names acts by its verbs only."""


@dataclass(frozen=True, eq=False)
class Multilingual:
    """Words of several languages at once, for what is read before the page's language is known
    (``clean/``) or whatever language it is (author metadata). ``lang/xx/``. Patterns are
    matched case-insensitively."""

    error_page: str
    """Regex of an error or maintenance page's words ("404 ... not found", "Seite nicht gefunden")."""
    wall: str
    """Regex of a login or subscription wall's words."""
    changed: str
    """Regex of the words that make a date line a modification date ("updated", "aktualisiert")."""
    written_date: str
    """Regex of a date written with a month name, day first or month first (case aside)."""
    byline_prefix: str
    """Regex of the word that opens a byline element ("By", "Von"), with the space after it."""
    byline_label: str
    """Regex of a label before an author's name ("Written by", "Autorin:")."""
    byline_role: str
    """Regex of a role after an author's name ("Staff Writer", "Korrespondentin")."""
    between_names: str
    """Regex of what separates two authors' names ("and", "und", "&")."""
    byline_stamp: str
    """Regex of a date stamp glued after a name ("updated ...", "am ...")."""
    placeholders: frozenset[str]
    """Lower-case author values that name nobody ("admin", "Redaktion")."""
    company: str
    """Regex of a company's legal form or a newsroom's name in an author value."""
    copyright: str
    """Regex of a copyright line given for an author."""


@cache
def _load(code: str) -> Language:
    language = import_module(REGISTRY[code]).LANGUAGE
    if not isinstance(language, Language) or language.code != code:
        raise TypeError(f"{REGISTRY[code]}.LANGUAGE is not the Language of {code!r}")
    return language


def find(code: str | None) -> Language | None:
    """The language of ``code`` if it has tables of its own, else None."""
    return _load(code) if code in REGISTRY else None


def get(code: str | None) -> Language:
    """The tables for ``code``; for a language with none of its own, or no code (the language
    is not known), the fallback's (``FALLBACK``: English, whose tables every article got
    before languages were data)."""
    return find(code) or _load(FALLBACK)


def english() -> Language:
    """English."""
    return _load("en")


def stop_words(codes: Iterable[str | None]) -> list[str]:
    """The stop words of every language of ``codes`` (each as ``get`` gives it), sorted: for a
    bag of words over texts of several languages, which has one vocabulary. A list, as
    scikit-learn takes them. No code at all: the fallback's."""
    languages = {get(c) for c in codes} or {get(None)}
    return sorted(frozenset[str]().union(*(language.stop_words() for language in languages)))


def codes() -> tuple[str, ...]:
    """The codes of every language with tables of its own, the fallback first."""
    return tuple(REGISTRY)


@cache
def multilingual() -> Multilingual:
    """The tables that list words of several languages at once (``lang/xx/``)."""
    found = import_module("storyline.lang.xx").MULTILINGUAL
    if not isinstance(found, Multilingual):
        raise TypeError("storyline.lang.xx.MULTILINGUAL is not a Multilingual")
    return found
