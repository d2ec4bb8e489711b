"""Temporal expressions found in text and resolved to TIMEX3 values, the way news is written.

Rule-based, in the manner of HeidelTime: patterns find the expressions; each is normalised
against the article's publication date (the anchor) and the tense of its clause. A bare
weekday in past-tense reporting is the most recent such day on or before publication; in
future tense or plans it is the next one. Without an anchor, relative expressions get a
partial value (``XXXX-WXX-3``) instead of a guess dressed as fact.

The package: ``tense`` (past or future clause), ``calendar`` (date arithmetic), ``rules_*``
(each rule's resolver, by family), ``rules`` (the ordered table, and a language's) and
``tagger`` (matching, overlaps, resolution). A rule's pattern and the words its resolver reads
are the language's (``lang.Times``: ``lang/en/timex.py`` holds the English patterns and tables).
"""

from __future__ import annotations

from storyline.read.timex.base import Rule, Timex
from storyline.read.timex.rules import RULES
from storyline.read.timex.tagger import TimexTagger

__all__ = ["RULES", "Rule", "Timex", "TimexTagger"]
