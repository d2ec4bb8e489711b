"""English tense cues: the words that tell whether the clause around a time expression is about
the past or the future, so that a bare "Friday" resolves on the right side of the publication
date (``read/timex/tense.py``)."""

from __future__ import annotations

# Words that make a clause about the future (plans, schedules, will) or the past.
FUTURE_WORDS = {
    "will", "won't", "'ll", "shall", "scheduled", "upcoming", "coming", "next", "could", "might", "may",
    "soon", "deadline", "planned", "planning", "slated", "would",
}  # fmt: skip
# Future only when followed by "to" ("plans to", "is to", "expected to").
FUTURE_BEFORE_TO = {
    "plan", "plans", "planned", "planning", "intend", "intends", "intended", "expected", "expects",
    "expect", "due", "set", "going", "aims", "aim", "hopes", "hope", "is", "are", "ready", "likely",
}  # fmt: skip
PAST_WORDS = {
    "said", "says", "told", "was", "were", "had", "did", "announced", "reported", "ago", "last", "earlier",
    "yesterday", "met", "went", "came", "took", "made", "left", "held", "began", "killed", "died", "arrived",
    "since", "signed", "predicted", "warned",
}  # fmt: skip
# A participle after "be" after one of these is a passive future ("will be held", "is to be signed").
FUTURE_AUXILIARIES = ("will", "'ll", "shall", "would", "to")
# ... but never these ("will be was" is no passive).
PAST_AUXILIARIES = ("was", "were", "had")
# A plan that "had" been made, or was made "previously", is a past plan ("had been due to expire").
EARLIER_PLAN = ("had", "previously", "originally")
