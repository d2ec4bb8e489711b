"""The comparison pages on the demo corpus: an event's outlets side by side and a story's
outlets over time, with names where names are due, every citation labelled, the unknown
outlet apart, and nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline import pages
from storyline.model import UNKNOWN_OUTLET
from storyline.store import Store

ID = re.compile(r"^(?:E\d+|[0-9a-f]{16})$")  # an entity's or an article's id


@pytest.fixture(scope="module")
def store(demo_db: Path) -> Store:
    return Store(demo_db, readonly=True)


def test_every_compared_event_names_its_outlets_and_speakers(store: Store) -> None:
    compared = 0
    for record, _ in store.views.events():
        page = pages.compare(store, record.id)
        assert page["kind"] == "event" and page["id"] == record.id
        comparison = page.get("comparison")
        assert (comparison is None) == (page["known_outlets"] < 2)
        assert set(page["labels"]) == set(record.article_ids)
        assert UNKNOWN_OUTLET not in page["not_reporting"] and UNKNOWN_OUTLET not in page["outlets"]
        if comparison is None:
            continue
        compared += 1
        sides = comparison["outlets"]
        assert sorted(s["outlet"] for s in sides) == page["outlets"]  # sides in the order first seen:
        assert [s["first_seen"] or "9999" for s in sides] == sorted(s["first_seen"] or "9999" for s in sides)
        assert len(sides) == page["known_outlets"] and UNKNOWN_OUTLET not in [s["outlet"] for s in sides]
        assert comparison["unknown"]["article_ids"] == page["unknown_ids"]
        assert any(s.get("first") for s in sides)
        for side in sides:
            for v in side["voices"]:
                assert not ID.match(v["speaker"])
                assert v["cites"] and all(c["label"].startswith(side["outlet"] + " · ") for c in v["cites"])
                source = store.articles.get(v["citations"][0]["article_id"]).text
                assert source[v["citations"][0]["start"] : v["citations"][0]["end"]]
            for x in side["only_here"]:
                assert x["kind"] in ("fact", "quote", "number", "context") and x["cites"]
        for d in comparison["conflicts"]:
            assert all(v["cites"][0]["label"].startswith(v["outlet"]) for v in d["values"])
    assert compared >= 5


def test_the_dam_events_numbers_disagree_and_voices_left_out(store: Store) -> None:
    """The demo's dam collapse: the toll given differently, and whom the later outlet quotes
    that the wire and its copies leave out."""
    (dam,) = [r for r, _ in store.views.events() if "dam collapses" in r.title]
    page = pages.event_comparison(store, dam.id)
    comparison = page["comparison"]
    assert comparison is not None
    (deaths,) = comparison["conflicts"]
    assert [v["value"] for v in deaths["values"]] == [41, 47]
    left = {x["speaker"] for s in comparison["outlets"] for x in s.get("left_out", [])}
    assert "Lars Engel" in left


def test_a_story_over_time_counts_known_outlets_only(store: Store) -> None:
    for record, _ in store.views.stories():
        page = pages.compare(store, record.id)
        assert page["kind"] == "story"
        known = sorted(o for o in record.outlets if o != UNKNOWN_OUTLET)
        assert sorted(o["outlet"] for o in page["outlets"]) == known
        assert page["known_outlets"] == len(known)
        dates = [e["date"] or "9999" for e in page["events"]]
        assert dates == sorted(dates) and {e["id"] for e in page["events"]} == set(record.event_ids)
        for e in page["events"]:
            outlets = {t["outlet"] for t in e["takes"]}
            assert UNKNOWN_OUTLET not in outlets and outlets.isdisjoint(e["not_reporting"])
            assert outlets | set(e["not_reporting"]) == set(known)
        for o in page["outlets"]:
            assert o["events"] == sum(
                1 for e in page["events"] for t in e["takes"] if t["outlet"] == o["outlet"]
            )
            assert all(not ID.match(v["speaker"]) for v in o["voices"])


def test_a_story_shows_the_outlets_words_for_its_actors_over_time(store: Store) -> None:
    """Each referent shown is named by two outlets or more, by its corpus name; each word
    with the days it was used (from the articles cited) and its citations labelled."""
    shown = 0
    for record, _ in store.views.stories():
        page = pages.story_comparison(store, record.id)
        for r in page.get("words", []):
            shown += 1
            assert len(r["outlets"]) >= 2 and not ID.match(r["referent"])
            assert r["referent"] == store.links.entities({r["refers_to"] or ""})[r["refers_to"] or ""].name
            for side in r["outlets"]:
                assert side["outlet"] != UNKNOWN_OUTLET
                firsts = [w["first"] or "9999" for w in side["words"]]
                assert firsts == sorted(firsts)
                for w in side["words"]:
                    assert w["uses"] >= 1 and w["cites"]
                    assert all(c["label"].startswith(side["outlet"] + " · ") for c in w["cites"])
                    days = sorted(store.articles.get(c["article_id"]).published[:10] for c in w["cites"])
                    assert w["first"] == days[0] and w["last"] == days[-1]
    assert shown >= 3


def test_an_unknown_id_is_not_found(store: Store) -> None:
    for bad in ("V999", "S999", "../etc", "E1"):
        with pytest.raises(pages.NotFound):
            pages.compare(store, bad)
