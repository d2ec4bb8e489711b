"""Coverage: outlet × event, copies apart, events only one outlet reported."""

from __future__ import annotations

from storyline.analysis.coverage import coverage


def test_coverage_counts_copies_apart_and_finds_exclusive_events() -> None:
    arts = {"a": {"outlet": "Wire"}, "b": {"outlet": "Post"}, "c": {"outlet": "Post"}}
    events = {"V1": {"article_ids": ["a", "b"]}, "V2": {"article_ids": ["c"]}}
    cov = coverage({"event_ids": ["V1", "V2"]}, events, arts, copies={"b": "a"})
    assert cov["outlets"]["Post"]["V1"] == {"articles": 1, "copies": 1}
    assert cov["only_one_outlet"] == [{"event_id": "V1", "outlet": "Wire"},
                                      {"event_id": "V2", "outlet": "Post"}]  # fmt: skip
