"""Coverage: outlet × event, copies apart, events only one outlet reported."""

from __future__ import annotations

from storyline.analysis.coverage import apart, blindspots, coverage
from storyline.model import UNKNOWN_OUTLET, Event, Story
from storyline.model.analyses import Cell, Coverage, Exclusive
from storyline.store.rows import OutletCount
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


def _story(*event_ids: str) -> Story:
    return Story(
        id="S1",
        title="",
        event_ids=list(event_ids),
        article_ids=[],
        first_date=None,
        last_date=None,
        outlets=[],
    )


def test_articles_of_unknown_outlet_are_counted_apart_and_never_report_alone() -> None:
    arts = {a: article(a, outlet=o) for a, o in (("a", "Wire"), ("b", None), ("c", None), ("d", "Post"))}
    events = {
        "V1": Event(id="V1", title="", date=None, article_ids=["a", "b"], outlets=[]),
        "V2": Event(id="V2", title="", date=None, article_ids=["c"], outlets=[]),  # no known outlet
        "V3": Event(id="V3", title="", date=None, article_ids=["d"], outlets=[]),
    }
    cov = coverage(_story("V1", "V2", "V3"), events, arts, copies={})
    assert list(cov["outlets"]) == ["Post", "Wire"]
    assert cov.get("unknown_outlet") == {
        "V1": {"articles": 1, "copies": 0},
        "V2": {"articles": 1, "copies": 0},
    }
    assert cov["only_one_outlet"] == [
        {"event_id": "V1", "outlet": "Wire"},
        {"event_id": "V3", "outlet": "Post"},
    ]
    alone = coverage(_story("V1"), events, arts, copies={})  # one known outlet beside unknown ones
    assert alone["only_one_outlet"] == [] and "unknown_outlet" in alone


def test_a_coverage_stored_with_unknown_outlet_as_an_outlet_is_read_with_it_apart() -> None:
    old = Coverage(
        events=["V1", "V2"],
        outlets={
            "Wire": {"V1": Cell(articles=1, copies=0)},
            UNKNOWN_OUTLET: {"V2": Cell(articles=3, copies=0)},
        },
        only_one_outlet=[
            Exclusive(event_id="V1", outlet="Wire"),
            Exclusive(event_id="V2", outlet=UNKNOWN_OUTLET),
        ],
    )
    now = apart(old)
    assert list(now["outlets"]) == ["Wire"] and now.get("unknown_outlet") == {
        "V2": {"articles": 3, "copies": 0}
    }
    assert now["only_one_outlet"] == []  # one known outlet: it reported nothing alone
    assert apart(now) == now


def test_blindspots_are_the_known_outlets_publishing_at_the_time_that_never_covered_it() -> None:
    corpus = [
        OutletCount(outlet="Wire", articles=9, first="2023-01-01", last="2023-12-31"),
        OutletCount(outlet="Post", articles=4, first="2023-02-01T08:00:00", last="2023-02-28"),
        OutletCount(outlet="Gazette", articles=2, first="2021-01-01", last="2021-06-30"),  # closed since
        OutletCount(outlet="Undated Daily", articles=1, first=None, last=None),
        OutletCount(outlet=UNKNOWN_OUTLET, articles=5, first="2023-01-01", last="2023-12-31"),
    ]
    assert blindspots(corpus, ["Wire", None], "2023-02-14", "2023-02-20") == ["Post", "Undated Daily"]
    assert blindspots(corpus, ["Wire"], "2023-03-01", "2023-03-02") == ["Undated Daily"]
    assert blindspots(corpus, [UNKNOWN_OUTLET], None, None) == ["Gazette", "Post", "Undated Daily", "Wire"]
