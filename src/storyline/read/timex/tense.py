"""The tense of the clause around an expression: whether a bare "Friday" is behind or ahead.

News reports the past ("said Friday") and announces the future ("will travel on Friday"); the
nearest decisive word tells which, so relative expressions resolve on the right side of the
publication date.
"""

from __future__ import annotations

import re

# Words that make a clause about the future (plans, schedules, will) or the past.
_FUTURE_WORDS = {
    "will", "won't", "'ll", "shall", "scheduled", "upcoming", "coming", "next", "could", "might", "may",
    "soon", "deadline", "planned", "planning", "slated", "would",
}  # fmt: skip
# Future only when followed by "to" ("plans to", "is to", "expected to").
_FUTURE_BEFORE_TO = {
    "plan", "plans", "planned", "planning", "intend", "intends", "intended", "expected", "expects",
    "expect", "due", "set", "going", "aims", "aim", "hopes", "hope", "is", "are", "ready", "likely",
}  # fmt: skip
_PAST_WORDS = {
    "said", "says", "told", "was", "were", "had", "did", "announced", "reported", "ago", "last", "earlier",
    "yesterday", "met", "went", "came", "took", "made", "left", "held", "began", "killed", "died", "arrived",
    "since", "signed", "predicted", "warned",
}  # fmt: skip
_WORDS = re.compile(r"[\w']+")


def _future(text: str, start: int, end: int) -> bool:
    """Is the clause around ``start..end`` about the future (plans, schedules, will)?"""
    return _tense(text, start, end) == "future"


def _tense(text: str, start: int, end: int) -> str | None:
    """The tense of the clause around ``start..end``: "future", "past" or None (no cue).

    The nearest decisive word before the expression decides ("said Friday" is past, "will
    travel ... on Friday" future); failing that, the words just after it. A participle after
    "be" is passive, not past ("will be held on Friday"); a plan that "had" been made or was
    made "previously" is a past plan ("had been due to expire Friday").
    """
    if text[end : end + 2] in ("'s", "’s"):
        return "past"  # "Wednesday's ruling": a possessive points back at something done
    lo = max(
        text.rfind(".", 0, start),
        text.rfind("\n", 0, start),
        text.rfind(";", 0, start),
        start - 150,
    )
    before = [w.lower() for w in _WORDS.findall(text[lo + 1 : start])][-10:]
    for i in range(len(before) - 1, -1, -1):
        word = before[i]
        prev = before[i - 1] if i > 0 else ""
        if word in ("until", "till") and i == len(before) - 1 and prev not in ("", "up", "not"):
            return "future"  # "postponed until Tuesday" (but "Until Tuesday, they had ...")
        if (word == "to" and prev in _FUTURE_BEFORE_TO) or (word in ("early", "soon") and prev == "as"):
            return "past" if _earlier_plan(before, i - 1) else "future"  # "as early as Tuesday"
        if word in _FUTURE_WORDS:
            return "past" if _earlier_plan(before, i) else "future"
        if word in _PAST_WORDS or word.endswith("ed"):
            if (
                prev == "be"
                and i > 1
                and before[i - 2] in ("will", "'ll", "shall", "would", "to")
                and word not in ("was", "were", "had")
            ):
                continue  # passive future: "will be held", "is to be signed"
            return "past"
    after = [w.lower() for w in _WORDS.findall(text[end : end + 60])][:4]
    for word in after:
        if word in _PAST_WORDS or word.endswith("ed"):
            return "past"
        if word in _FUTURE_WORDS or word == "deadline":
            return "future"
    return None


def _earlier_plan(before: list[str], i: int) -> bool:
    """Is the plan or schedule at ``before[i]`` one made before, in a past narrative?"""
    return any(w in ("had", "previously", "originally") for w in before[max(0, i - 3) : i])
