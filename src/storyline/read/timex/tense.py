"""The tense of the clause around an expression: whether a bare "Friday" is behind or ahead.

News reports the past ("said Friday") and announces the future ("will travel on Friday"); the
nearest decisive word tells which, so relative expressions resolve on the right side of the
publication date. The words are the language's (``lang.Times``; None: the fallback's).
"""

from __future__ import annotations

import re

from storyline import lang

_WORDS = re.compile(r"[\w']+")


def _future(text: str, start: int, end: int, words: lang.Times | None = None) -> bool:
    """Is the clause around ``start..end`` about the future (plans, schedules, will)?"""
    return _tense(text, start, end, words) == "future"


def _tense(text: str, start: int, end: int, words: lang.Times | None = None) -> str | None:
    """The tense of the clause around ``start..end``: "future", "past" or None (no cue).

    The nearest decisive word before the expression decides ("said Friday" is past, "will
    travel ... on Friday" future); failing that, the words just after it. A participle after
    "be" is passive, not past ("will be held on Friday"); a plan that "had" been made or was
    made "previously" is a past plan ("had been due to expire Friday").
    """
    words = words or lang.get(None).times
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
        if (word == "to" and prev in words.future_before_to) or (word in ("early", "soon") and prev == "as"):
            return "past" if _earlier_plan(before, i - 1, words) else "future"  # "as early as Tuesday"
        if word in words.future_words:
            return "past" if _earlier_plan(before, i, words) else "future"
        if word in words.past_words or word.endswith("ed"):
            if (
                prev == "be"
                and i > 1
                and before[i - 2] in words.future_auxiliaries
                and word not in words.past_auxiliaries
            ):
                continue  # passive future: "will be held", "is to be signed"
            return "past"
    after = [w.lower() for w in _WORDS.findall(text[end : end + 60])][:4]
    for word in after:
        if word in words.past_words or word.endswith("ed"):
            return "past"
        if word in words.future_words or word == "deadline":
            return "future"
    return None


def _earlier_plan(before: list[str], i: int, words: lang.Times | None = None) -> bool:
    """Is the plan or schedule at ``before[i]`` one made before, in a past narrative?"""
    earlier = (words or lang.get(None).times).earlier_plan
    return any(w in earlier for w in before[max(0, i - 3) : i])
