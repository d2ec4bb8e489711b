"""One event's outlets side by side (``model.analyses.Comparison``, the export contract's
``events[].comparison``): per known outlet its articles, its headline and when it was first
seen (its earliest article), whom it quotes and how often, the words it uses where the others
use other words, and what it alone reports; beside them what several outlets report and the
numbers they disagree on; who reported first, and whom each outlet leaves out that the others
quote.

Articles of no known outlet are listed apart (``unknown``), never as an outlet: an event is
compared only when two known outlets or more report it. Wire copies count for the outlet
that ran them (its readers read them): they give it articles, a headline, a first time and
voices, but no sentence of their own (the sentence table leaves copies out).

What one outlet alone reports, what several share and the numbers they disagree on come from
the event's alignment (``analysis.compare.align``: entities, numbers, quoted words, days and
content words, so a rewording is recognised). The outlets' words come from
``analysis.compare.words`` (``SHOWN_KINDS``)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from storyline import lang
from storyline.analysis.compare.align import event_alignment
from storyline.analysis.compare.align import only_here as aligned_only_here
from storyline.analysis.compare.align import shared as aligned_shared
from storyline.analysis.compare.numbers import disagreements
from storyline.analysis.compare.words import outlet_terms
from storyline.model import Article, Event
from storyline.model.analyses import (
    Citation,
    Comparison,
    LeftOut,
    OutletSide,
    Unknown,
    Voice,
)

SHOWN_KINDS = ("names",)
"""The outlets' words shown: those naming or describing the event's actors. Of these, 0.644
are words NewsWCL50's coders marked as a concept the outlets name differently (the plain most
frequent words: 0.608); of the verbs of an actor 0.109 and of the nouns of acts 0.287
(``bench/framing.py``): shown, they would mostly be noise."""


def compare_event(event: Event, articles: dict[str, Article], copies: set[str]) -> Comparison | None:
    """The outlets of ``event`` side by side, or None when fewer than two known outlets
    report it."""
    mine: dict[str, list[str]] = defaultdict(list)
    unknown: list[str] = []
    for aid in event.article_ids:
        art = articles.get(aid)
        if art is not None:
            (mine[art.outlet] if art.outlet else unknown).append(aid)
    if len(mine) < 2:
        return None
    ids = [a for a in event.article_ids if a in articles]
    voices = {outlet: _voices(aids, articles) for outlet, aids in mine.items()}
    terms = outlet_terms(ids, articles, copies, kinds=SHOWN_KINDS)
    al = event_alignment(ids, articles, copies)
    only_here, shared = aligned_only_here(al, articles), aligned_shared(al, articles)
    sides = []
    for outlet in sorted(mine, key=lambda o: (_first_seen(mine[o], articles) or "9999", o)):
        earliest = min(mine[outlet], key=lambda a: (articles[a].published or "9999", a))
        sides.append(
            OutletSide(
                outlet=outlet,
                article_ids=mine[outlet],
                headline=articles[earliest].headline or "",
                first_seen=articles[earliest].published,
                voices=[v.record() for v in voices[outlet].values()],
                terms=terms.get(outlet, []),
                only_here=only_here.get(outlet, []),
                left_out=_left_out(outlet, voices),
            )
        )
    for side, first in zip(sides, _firsts([s["first_seen"] for s in sides]), strict=True):
        side["first"] = first
    return Comparison(
        outlets=sides,
        unknown=Unknown(article_ids=unknown),
        shared=shared,
        conflicts=disagreements(event, articles, copies, al),
    )


@dataclass
class _Voice:
    """Someone one outlet quotes: the names it writes, its quotes' spans."""

    entity_id: str | None
    names: Counter[str] = field(default_factory=Counter)
    citations: list[Citation] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The name written most, a full name before a short one."""
        return max(self.names.items(), key=lambda kv: (len(kv[0].split()) > 1, kv[1], kv[0]))[0]

    def record(self) -> Voice:
        return Voice(
            speaker=self.name, entity_id=self.entity_id, quotes=len(self.citations), citations=self.citations
        )


def _voices(article_ids: list[str], articles: dict[str, Article]) -> dict[str, _Voice]:
    """Whom the articles quote, by speaker (its corpus entity where the quote has one, else
    the name as written), most quoted first; a pronoun no name resolves is nobody to list."""
    found: dict[str, _Voice] = {}
    for aid in article_ids:
        art = articles[aid]
        pronouns = lang.get(art.language).speech.pronouns
        for q in art.quotes:
            name = " ".join((q.speaker_resolved or q.speaker or "").split())
            if not name or (name.lower() in pronouns and not q.speaker_entity_id):
                continue
            key = q.speaker_entity_id or "\x00" + re.sub(r"\W+", " ", name.lower()).strip()
            voice = found.setdefault(key, _Voice(q.speaker_entity_id))
            voice.names[name] += 1
            voice.citations.append(Citation(article_id=aid, start=q.start, end=q.end))
    return dict(sorted(found.items(), key=lambda kv: (-len(kv[1].citations), kv[1].name)))


def _left_out(outlet: str, voices: dict[str, dict[str, _Voice]]) -> list[LeftOut]:
    """The voices other outlets quote and ``outlet`` does not, most widely quoted first."""
    by: dict[str, list[str]] = defaultdict(list)
    names: dict[str, _Voice] = {}  # every name the others write for each
    for other, theirs in sorted(voices.items()):
        for key, v in theirs.items():
            if other != outlet and key not in voices[outlet]:
                by[key].append(other)
                names.setdefault(key, _Voice(v.entity_id)).names.update(v.names)
    return [
        LeftOut(speaker=names[k].name, entity_id=names[k].entity_id, quoted_by=by[k])
        for k in sorted(by, key=lambda k: (-len(by[k]), names[k].name))
    ]


def _first_seen(article_ids: list[str], articles: dict[str, Article]) -> str | None:
    return min((p for a in article_ids if (p := articles[a].published)), default=None)


def _firsts(seen: list[str | None]) -> list[bool]:
    """Which outlets reported first: those of the earliest day, the earliest time among the
    timed ones (a date alone cannot be put before or after a time of its day)."""
    day = min((s[:10] for s in seen if s), default=None)
    timed = min((s for s in seen if s and s[:10] == day and len(s) > 10), default=None)
    return [s is not None and s[:10] == day and (len(s) <= 10 or s == timed) for s in seen]
