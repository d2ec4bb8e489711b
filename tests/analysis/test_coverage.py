"""Coverage: outlet × event, copies apart, events only one outlet reported."""

from __future__ import annotations

from storyline.analysis.coverage import coverage
from storyline.model import Event, Story
from tests.records import article


def test_coverage_counts_copies_apart_and_finds_exclusive_events() -> None:
    arts = {a: article(a, outlet=o) for a, o in (("a", "Wire"), ("b", "Post"), ("c", "Post"))}
    events = {
        "V1": Event(id="V1", title="", date=None, article_ids=["a", "b"], outlets=[]),
        "V2": Event(id="V2", title="", date=None, article_ids=["c"], outlets=[]),
    }
    story = Story(
        id="S1", title="", event_ids=["V1", "V2"], article_ids=[], first_date=None, last_date=None, outlets=[]
    )
    cov = coverage(story, events, arts, copies={"b": "a"})
    assert cov["outlets"]["Post"]["V1"] == {"articles": 1, "copies": 1}
    assert cov["only_one_outlet"] == [{"event_id": "V1", "outlet": "Wire"},
                                      {"event_id": "V2", "outlet": "Post"}]  # fmt: skip
