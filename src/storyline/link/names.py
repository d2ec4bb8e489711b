"""Names as written in articles, made comparable: tokeniser debris taken out, a headline's
words cut off a name, the digits that tell two otherwise alike names apart."""

from __future__ import annotations

import re

_DEBRIS = re.compile(r"-[LR][RCS]B-|\s[|]\s?|\s\.$")
"""Tokeniser debris in a name ("JFK -RRB-", "John C. |", "Tex ."): no part of it."""


def clean_name(text: str) -> str:
    """A mention's text without tokeniser debris, single spaces."""
    return " ".join(_DEBRIS.sub(" ", text).strip(" |-").split())


def digits(name: str) -> str:
    """The digits of a name: "Interstate 75" and "Interstate 5" are one letter apart, two roads."""
    return "".join(ch for ch in name if ch.isdigit())


def headline_trimmed(name: str, persons: set[str]) -> str:
    """A person's name a title-case headline ran into its words ("Lindsay Lohan Checks Into
    Rehab", "Hire Maurice Cheeks"): the name of two words or more the article also writes
    alone, when every word cut off is capitalised; else the name as it is."""
    words = name.split()
    if len(words) < 3:
        return name
    for k in range(len(words) - 1, 1, -1):  # the longest name inside first
        for part, rest in ((words[:k], words[k:]), (words[-k:], words[:-k])):
            cut = " ".join(part)
            if cut in persons and all(w[:1].isupper() for w in rest):
                return cut
    return name
