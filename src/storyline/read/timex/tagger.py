"""The tagger: every rule's matches, the longest (then highest-priority) of overlapping ones
kept, each resolved in text order against the anchor and what the text said before it."""

from __future__ import annotations

import re
from datetime import date

from storyline import lang
from storyline.read.timex.base import Rule, Timex, _Context
from storyline.read.timex.rules import rules_for

# Rules whose value names a year outright: later "that year" refers to it.
_NAMES_A_YEAR = {"iso", "numeric", "mdy", "dmy", "my", "year", "year_quarter", "spelled_year"}


class TimexTagger:
    """Finds temporal expressions in a text of ``language`` (None: the fallback's rules and
    words, ``lang.get``) and resolves them against an anchor date."""

    def __init__(self, language: lang.Language | None = None) -> None:
        self.language = language or lang.get(None)
        self.rules = rules_for(language)

    def __call__(self, text: str, anchor: date | None) -> list[Timex]:
        """The expressions of ``text`` in text order, resolved against ``anchor`` (None: partial)."""
        found: list[tuple[int, int, int, Rule, re.Match[str]]] = []
        for rule in self.rules:
            for m in rule.pattern.finditer(text):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), rule.priority, rule, m))
        # Longest first, then priority; keep the ones that do not overlap a kept one.
        found.sort(key=lambda f: (-(f[1] - f[0]), -f[2], f[0]))
        taken: list[tuple[int, int]] = []
        chosen = []
        for start, end, _prio, rule, m in found:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            chosen.append((start, end, rule, m))
        chosen.sort(key=lambda c: c[0])
        out = []
        words = self.language.times
        context = _Context(anchor, words=words)
        for _start, _end, rule, m in chosen:
            tx = rule.apply(m, text, context)
            if tx is not None and not _title(rule.name, text, tx, words.title_words):
                out.append(tx)
                if rule.name in _NAMES_A_YEAR and re.match(r"\d{4}", tx.value):
                    context.last_year = int(tx.value[:4])
        return out


def _title(rule: str, text: str, tx: Timex, time_words: frozenset[str]) -> bool:
    """Is this a capitalised name ("This Week", "60 Minutes", "High Noon") rather than a time?

    Common time words are written in lower case; one capitalised where no sentence starts
    belongs to the title of a programme, film or publication.
    """
    if rule in ("md", "dm", "mdy", "dmy", "my", "month", "weekday", "holiday", "set_named"):
        return False
    words = list(re.finditer(r"[A-Za-z]+", tx.text))
    sentence_start = re.search(r"(?:^|[.!?:\n][\s\"'`(]*|[\"'`(]\s*)$", text[max(0, tx.start - 4) : tx.start])
    for i, w in enumerate(words):
        if w.group(0).lower() in time_words and w.group(0)[0].isupper():
            if i == 0 and w.start() == 0 and sentence_start:
                continue
            return True
    return False
