"""The learned same-event model's evidence: one statement in two wordings."""

from __future__ import annotations

import numpy as np

from storyline.link.event_model import EventModel, shipped, statement_match, statements
from storyline.link.events import EventDoc

QUOTED = EventDoc(
    "q",
    "Harbour minister Orla Venn toured the flooded quay at Port Selan.\n"
    "“We will rebuild every metre of the harbour wall before the autumn storms,” Venn told "
    "reporters at the quay.",
)
PARAPHRASED = EventDoc(
    "p",
    "The minister visited Port Selan on the day the sea wall gave way.\n"
    "She said the government would rebuild every metre of the harbour wall, she hoped before "
    "the autumn storms.",
)
OTHER_STATEMENT = EventDoc(
    "o",
    "The minister visited Port Selan again in spring.\n"
    "She said the new ferry terminal would open to passengers by the end of the summer season.",
)
NOT_SPEECH = EventDoc(
    "n",
    "Workers will rebuild every metre of the harbour wall before the autumn storms, the plans show.",
)


def test_one_statement_quoted_and_paraphrased_matches() -> None:
    quoted, paraphrased = statements(QUOTED), statements(PARAPHRASED)
    assert statement_match(quoted, paraphrased) >= 0.4
    assert statement_match(quoted, paraphrased) == statement_match(paraphrased, quoted)


def test_another_statement_or_a_sentence_nobody_said_does_not() -> None:
    assert statement_match(statements(QUOTED), statements(OTHER_STATEMENT)) == 0.0
    # the same words outside speech are no statement: only quoted or reported words count
    assert statements(NOT_SPEECH) == ({}, ())
    assert statement_match(statements(QUOTED), statements(NOT_SPEECH)) == 0.0


def test_a_shared_statement_raises_the_same_event_probability() -> None:
    model = shipped()
    assert model.shared_statement > 0  # learned on ECB+, not set by hand
    low = model.probability(np.array([5.0]), np.array([False]), np.array([False]))
    high = model.probability(np.array([5.0]), np.array([False]), np.array([False]), np.array([0.6]))
    assert high[0] > low[0]
    said = [statements(QUOTED), statements(PARAPHRASED)]
    assert model.stated(said, np.array([0]), np.array([1]))[0] >= 0.4
    assert model.stated(None, np.array([0]), np.array([1]))[0] == 0.0


def test_an_older_model_without_the_statement_weight_still_loads() -> None:
    old = EventModel(intercept=-8.0, weights={"words": 6.0}, shared_year=1.0, year_conflict=-1.0)
    assert old.shared_statement == 0.0 and old.to_json()["shared_statement"] == 0.0
    assert old.min_dot(0.08) < shipped().min_dot(0.08) + shipped().shared_statement + 1
