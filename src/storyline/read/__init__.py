"""Reading each article: entities, temporal expressions, quotes and numeric claims, and the
words that describe the entities' mentions and name acts (``descriptors.py``).

Stage ``read`` runs spaCy over the clean text (never the raw page: chrome makes entities of
icon rows) in batches with ``nlp.pipe``, then the rule layers on top. Every annotation carries
character offsets into ``article.text`` and a confidence. Which languages are read, and what
in each, is ``storyline.lang``'s to say (``Language.reads``); the layers read the language's
tables.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from storyline import lang
from storyline.model import Article, Mention, Quote
from storyline.read.claims import ClaimFinder
from storyline.read.dated import date_dependents, timex_records
from storyline.read.descriptors import DescriptorFinder, verb_lemmas
from storyline.read.entities import EntityFinder
from storyline.read.nlp import load_nlp
from storyline.read.quotes import Attribution, QuoteExtractor
from storyline.read.timex import TimexTagger

__all__ = ["LanguageReader", "ReadOptions", "Reader", "pieces_of", "reader_for", "timex_records"]


@dataclass(frozen=True)
class ReadOptions:
    """Which spaCy model reads, and how much text it holds at once: texts per batch, the
    characters of a batch, the longest piece parsed at once. Memory follows the characters
    in flight: a batch holding three transcripts of 400,000–600,000 characters took 6 GB."""

    model: str | None = None  # None: each language's own (lang.Language.models); named: it reads every one
    batch_size: int = 32
    max_chars: int = 100_000  # longer texts are parsed in pieces cut at paragraph breaks
    batch_chars: int = 500_000  # a batch holds at most this many characters (one text at least)


def quote_record(q: Attribution) -> Quote:
    """A quote as it is stored and exported (with cue, offsets and confidence)."""
    return Quote(
        start=q.start,
        end=q.end,
        text=q.text,
        kind=q.kind,
        speaker=q.speaker,
        speaker_start=q.speaker_start,
        speaker_end=q.speaker_end,
        speaker_resolved=q.resolved_from or (None if q.document else q.speaker),
        cue=q.cue,
        cue_start=q.cue_start,
        cue_end=q.cue_end,
        confidence=q.confidence,
    )


class _Chains:
    """The article's chained mentions indexed by start and by text, so tying each quote and
    claim to a chain costs a bisection, not a pass over every mention."""

    def __init__(self, entities: list[Mention]) -> None:
        self.chained = sorted((e for e in entities if e.chain), key=lambda e: e.start)
        self.starts = [e.start for e in self.chained]
        self.by_text: dict[str, str] = {}
        for e in self.chained:
            self.by_text.setdefault(e.text, str(e.chain))

    def at(self, start: int | None, end: int | None, name: str | None) -> str | None:
        """The chain of the mention at a span (a person's first) that names ``name``, or
        else of a mention written exactly like ``name``. A mention inside the span that
        ``name`` does not end with is not the speaker: "She" chained by coreference to
        someone else, "Washington" in "Washington's envoy"."""
        if start is not None and end is not None:
            lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
            inside = [e for e in self.chained[lo:hi] if e.end <= end and _names(name, e.text)]
            people = [e for e in inside if e.label == "PERSON"] or inside
            if people:
                return str(people[-1].chain)
        return self.by_text.get(name) if name else None


def _names(name: str | None, mention: str) -> bool:
    """Whether a speaker written ``name`` is the one a mention names: the name is the
    mention or ends with it ("Foreign Minister Kaja Kallas" and "Kaja Kallas")."""
    if not name:
        return True
    return name == mention or name.endswith((" " + mention, "\u00a0" + mention))


def _link_within(article: Article) -> None:
    """Tie annotations together inside the article: speakers and claim sources to entity
    chains, roles and claims to their dates (``date_dependents``)."""
    chains = _Chains(article.entities)
    for q in article.quotes:
        if not q.speaker_resolved:
            continue  # no speaker, or a document whose issuer the text does not give: no one
        q.speaker_chain = chains.at(q.speaker_start, q.speaker_end, q.speaker_resolved)
        if q.speaker_chain is None and q.speaker_resolved:
            q.speaker_chain = chains.at(None, None, q.speaker_resolved)
    for c in article.claims:
        c.source_chain = chains.at(None, None, c.source)
    date_dependents(
        article.entities,
        article.claims,
        article.timexes,
        article.published,
        article.published_basis,
    )


def pieces_of(text: str, limit: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters (joined, they are
    the text), each ending after a line break where there is one, else after a sentence's
    full stop, else after a space."""
    pieces, start = [], 0
    while len(text) - start > limit:
        end = start + limit
        cut = text.rfind("\n", start, end) + 1
        if cut <= start:
            cut = text.rfind(". ", start, end - 1) + 2
        if cut <= start + 1:
            cut = text.rfind(" ", start, end) + 1
        if cut <= start:
            cut = end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _batches(texts: Iterable[str], options: ReadOptions) -> Iterator[list[str]]:
    """Texts in batches of at most ``batch_size`` texts and ``batch_chars`` characters."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and (len(group) >= options.batch_size or size + len(text) > options.batch_chars):
            yield group
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield group


@dataclass
class LanguageReader:
    """What reads one language: its spaCy model and the rule layers over its tables. A second
    language is another reader with its own model and tables, not new code in the stage."""

    language: lang.Language  # what it reads (``reads``) and the tables it reads with
    model: str | None  # spaCy model to load (None: the language's own, ``Language.models``)
    timexes: TimexTagger
    quotes: QuoteExtractor
    entities: EntityFinder
    claims: ClaimFinder
    descriptors: DescriptorFinder


def reader_for(language: lang.Language, model: str | None = None) -> LanguageReader:
    """The reader of ``language``: its spaCy model (``model`` names another) and the rule layers
    over its tables."""
    return LanguageReader(
        language,
        model,
        TimexTagger(language),
        QuoteExtractor(language=language),
        EntityFinder(language),
        ClaimFinder(language),
        DescriptorFinder(language),
    )


class Reader:
    """Stage ``read``: fills ``entities``, ``timexes``, ``quotes`` and ``claims`` (those its
    language ``reads``) of an article in a language ``storyline.lang`` has a reader for; any
    other article is passed by, with the reason in ``article.skipped`` (its clean text,
    description, search and copies are unaffected)."""

    name = "read"

    def __init__(self, options: ReadOptions | None = None) -> None:
        self.options = options or ReadOptions()
        self.readers: dict[str, LanguageReader] = {}  # by code, each made for the first article in it

    def reader(self, code: str) -> LanguageReader | None:
        """The reader of the language ``code``, or None when it reads nothing (``lang``)."""
        if code not in self.readers:
            language = lang.find(code)
            if language is None or not language.reads:
                return None
            self.readers[code] = reader_for(language, self.options.model)
        return self.readers[code]

    def __call__(self, article: Article) -> Article:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Batched form: the texts of each language go through ``nlp.pipe`` together."""
        batch = list(articles)
        by_language: dict[str, list[Article]] = {}
        for article in batch:
            if article.language and self.reader(article.language) is not None:
                by_language.setdefault(article.language, []).append(article)
            elif article.language:
                article.skipped[self.name] = f"no reader for {article.language}"
            else:
                article.skipped[self.name] = "no reader: the language was not detected"
        for language, todo in by_language.items():
            self._read(self.readers[language], todo)
        yield from batch

    def _read(self, reader: LanguageReader, batch: list[Article]) -> None:
        from spacy.tokens import Doc

        nlp = load_nlp(reader.model, reader.language.models)
        pieces = [pieces_of(a.text, self.options.max_chars) for a in batch]
        groups = _batches((p for ps in pieces for p in ps), self.options)
        docs = (doc for group in groups for doc in nlp.pipe(group, batch_size=len(group)))
        for article, ps in zip(batch, pieces, strict=True):
            parts = [next(docs) for _ in ps]
            # a long text's pieces joined back into one doc: the same text, the same offsets
            doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            _annotate(reader, article, doc, verb_lemmas(nlp))


def _annotate(reader: LanguageReader, article: Article, doc: Any, verbs: frozenset[str]) -> None:
    """What the reader's language reads; claims take their sources from its quotes; the words
    describing mentions and naming acts (``verbs``: the model's verb lemmas) with entities."""
    reads = reader.language.reads
    anchor = date.fromisoformat(article.published) if article.published else None
    quotes = reader.quotes(doc) if "quotes" in reads or "claims" in reads else []
    article.entities = reader.entities(doc) if "entities" in reads else []
    article.timexes = timex_records(reader.timexes, article.text, anchor) if "timexes" in reads else []
    article.quotes = [quote_record(q) for q in quotes] if "quotes" in reads else []
    article.claims = reader.claims(doc, quotes) if "claims" in reads else []
    article.descriptors = reader.descriptors(doc, article.entities, verbs) if "entities" in reads else []
    _link_within(article)
