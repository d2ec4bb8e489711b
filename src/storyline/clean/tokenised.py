"""Text a tokeniser has been through, given back its spacing: corpora built for research
(Timeline17's, for one) store articles as Penn Treebank tokens — "BP 's neck", "ca n't",
"`` top kill ''", "-LRB- 1,500 m -RRB-" — which no reader should be shown and no quote
finder can read. Such a text is recognised by marks edited prose never has, and joined
again with NLTK's Treebank detokeniser, line by line (a line break stays one)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_PTB_ONLY = re.compile(r"-[LR][RSC]B-|``|(?<=\s)''(?=\s|$)|(?<=\w) (?:n't|'s)\b")
"""Tokens only a Treebank tokeniser writes: bracket names, doubled backquotes, a closing
quote of two apostrophes standing alone, "n't" or "'s" split off its word."""
_MARK = re.compile(r"[,.;:](?=\s|$)")
_SPACED = re.compile(r"(?<=\w) [,.;:](?=\s|$)")
MIN_MARKS = 3
"""Punctuation marks a text needs before their spacing is read as a tokeniser's."""


def is_tokenised(text: str) -> bool:
    """Whether ``text`` is tokeniser output: a token only a Treebank tokeniser writes, or
    most of its commas, full stops, colons and semicolons set off by a space from the word
    before (edited prose sets off none)."""
    if _PTB_ONLY.search(text):
        return True
    marks = len(_MARK.findall(text))
    return marks >= MIN_MARKS and len(_SPACED.findall(text)) * 2 > marks


@cache
def _detokeniser() -> Any:
    from nltk.tokenize.treebank import TreebankWordDetokenizer

    return TreebankWordDetokenizer()


def detokenise(text: str) -> str:
    """``text`` with a tokeniser's spacing undone, line by line."""
    join = _detokeniser().detokenize
    lines = []
    for line in text.split("\n"):
        tokens = [_BRACKETS.get(t, t) for t in line.split()]
        lines.append(join(tokens) if tokens else "")
    return "\n".join(lines)
