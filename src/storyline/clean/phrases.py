"""Boilerplate phrases: a line or sentence matched against its language's families of chrome
and appeal phrases (``lang.Boilerplate``), each with the reason recorded when it removes text.

Two kinds: *line* patterns must match a whole line (widgets, labels, timers: short lines
whose whole content is chrome); *sentence* patterns may match inside a line and remove the
sentences they hit (appeals glued to the first sentence of the story, newsletter prompts).
The families are compiled once per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from storyline import lang


def _compile(families: dict[str, str], whole_line: bool) -> re.Pattern[str]:
    groups = []
    for i, (_reason, pattern) in enumerate(families.items()):
        groups.append(f"(?P<g{i}>{pattern})")
    body = "|".join(groups)
    return re.compile(rf"(?:{body})\Z" if whole_line else body, re.IGNORECASE)


@dataclass(frozen=True)
class _Families:
    """One language's families, compiled: one pattern per kind, a group per family."""

    line: re.Pattern[str]
    sentence: re.Pattern[str]
    line_reasons: list[str]
    sentence_reasons: list[str]
    cues: tuple[str, ...]


@cache
def _families(code: str) -> _Families:
    words = lang.get(code).boilerplate
    return _Families(
        _compile(dict(words.line_families), whole_line=True),
        _compile(dict(words.sentence_families), whole_line=False),
        list(words.line_families),
        list(words.sentence_families),
        words.sentence_cues,
    )


def line_reason(line: str, language: lang.Language | None = None) -> str | None:
    """The family a whole (stripped) line belongs to, or None; ``language`` None: the fallback's
    families (``lang.get``)."""
    if len(line) > 400:  # chrome is short; long lines are never whole-line boilerplate
        return None
    families = _families((language or lang.get(None)).code)
    m = families.line.match(line)
    if m is None or m.lastgroup is None:
        return None
    return families.line_reasons[int(m.lastgroup[1:])]


def sentence_reason(text: str, language: lang.Language | None = None) -> str | None:
    """The family of the first boilerplate phrase found anywhere in ``text``, or None."""
    families = _families((language or lang.get(None)).code)
    low = text.lower()
    # every sentence pattern contains one of the cues: a substring test skips the regex for
    # the vast majority of lines, which hold none of them
    if not any(cue in low for cue in families.cues):
        return None
    m = families.sentence.search(text)
    if m is None or m.lastgroup is None:
        return None
    return families.sentence_reasons[int(m.lastgroup[1:])]
