"""What the rules and the tagger share: a ``Timex``, the running context, a ``Rule`` and its ``Hit``.

A rule is a pattern, a priority for overlaps and a resolver; the resolver gets a ``Hit`` (the
match with its text, anchor and context) and returns a ``Timex`` or None (not a time after all).
Patterns and the words resolvers read are the language's (``lang.Times``): the context carries
them, and ``pattern`` compiles a rule's once per language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from typing import Any

from storyline import lang
from storyline.model import Timex
from storyline.read.timex.tense import _future


def _fallback_words() -> lang.Times:
    """The time words of the fallback language (``lang.get``), for a context given none."""
    return lang.get(None).times


@cache
def _compiled(code: str, name: str) -> re.Pattern[str]:
    return re.compile(lang.get(code).times.patterns[name])


def pattern(name: str, language: lang.Language | None = None) -> re.Pattern[str]:
    """Rule ``name``'s pattern in ``language`` (None: the fallback's), compiled once per language."""
    return _compiled((language or lang.get(None)).code, name)


@dataclass
class _Context:
    """What the text has said so far that later expressions refer back to ("that year")."""

    anchor: date | None
    last_quarter: tuple[int, int] | None = None  # (year, quarter) last referred to
    quarter_at: int = -10_000  # where it was referred to
    near: bool = False  # whether that reference is close to the expression being resolved
    last_year: int | None = None  # the year the text last named outright ("in June 1998")
    words: lang.Times = field(default_factory=_fallback_words)  # the text's language's


@dataclass(frozen=True)
class Hit:
    """One match of a rule, with what its resolver reads: groups, span, anchor, context, tense."""

    m: re.Match[str]
    text: str
    ctx: _Context

    @cached_property
    def g(self) -> dict[str, Any]:
        """The named groups (None where a group did not take part)."""
        return self.m.groupdict()

    @property
    def words(self) -> lang.Times:
        """The words of the text's language the resolver reads (``lang.Times``)."""
        return self.ctx.words

    @property
    def anchor(self) -> date | None:
        """The publication date the expression is resolved against (None: partial values)."""
        return self.ctx.anchor

    @property
    def start(self) -> int:
        """Where the match starts in the text."""
        return self.m.start()

    @property
    def end(self) -> int:
        """Where the match ends in the text."""
        return self.m.end()

    @property
    def surface(self) -> str:
        """The matched text."""
        return self.m.group(0)

    @cached_property
    def future(self) -> bool:
        """Is the clause about the future? Computed once, and only for resolvers that ask."""
        return _future(self.text, self.start, self.end, self.ctx.words)

    def timex(self, kind: str, value: str, mod: str | None = None) -> Timex:
        """A ``Timex`` over the whole match."""
        return Timex(self.start, self.end, self.surface, kind, value, mod)


@dataclass(frozen=True)
class Rule:
    """A pattern, its priority among overlapping matches, and the resolver of its value."""

    name: str
    pattern: re.Pattern[str]
    priority: int
    resolve: Callable[[Hit], Timex | None]

    def apply(self, m: re.Match[str], text: str, ctx: _Context) -> Timex | None:
        """The value of match ``m`` of this rule, once the context knows how near the last
        quarter named is (every match updates that, whichever rule it belongs to)."""
        ctx.near = m.start() - ctx.quarter_at < 400
        return self.resolve(Hit(m, text, ctx))
