"""Views and page queries: the analyses of stories and events saved and read with their
records, which are stale, and the listings (stories in each order, entities by label and
name, copies, events and stories by outlet and dates, an entity's months, the link log)."""

from __future__ import annotations

import pytest

from storyline.model import Mention
from storyline.model.analyses import StoryViews
from storyline.store import Filters, Store
from tests.records import article
from tests.store.build import copy, entity, event, linked, story

SUMMARY = {
    "text": "The quay reopened.",
    "citations": [{"article_id": "a1", "start": 0, "end": 18}],
    "support": 1,
    "of_outlets": 1,
    "outlets": ["Post"],
}


def _stories(store: Store) -> None:
    """Stories S1 (5 articles, January), S2 (2, early March), S3 (1, undated), S4 (3, February
    to early March), with events V1 (January), V2 (February), V3 (undated)."""
    store.links.save(
        linked(
            events=[
                event("V1", ["a1"], "2023-01-01", outlets=["Post", "Times"]),
                event("V2", ["a2"], "2023-02-01", outlets=["Wire"]),
                event("V3", ["a3"], None, outlets=["Post"]),
            ],
            stories=[
                story(
                    "S1",
                    ["V1"],
                    ["a1", "b", "c", "d", "e"],
                    first_date="2023-01-01",
                    last_date="2023-01-20",
                    outlets=["Post"],
                ),
                story(
                    "S2", [], ["f", "g"], first_date="2023-03-01", last_date="2023-03-05", outlets=["Wire"]
                ),
                story("S3", ["V3"], ["a3"]),
                story(
                    "S4",
                    ["V2"],
                    ["a2", "h", "i"],
                    first_date="2023-02-01",
                    last_date="2023-03-05",
                    outlets=["Times"],
                ),
            ],
        )
    )


def test_views_are_saved_and_read_with_their_records(store: Store) -> None:
    _stories(store)
    timeline = [
        {
            "date": "2023-01-01",
            "text": "The quay reopened.",
            "kind": "happened",
            "citations": [],
            "support": 1,
            "outlets": ["Post"],
        }
    ]
    views: StoryViews = {"summary": [SUMMARY], "timeline": timeline}  # type: ignore[list-item]
    store.views.save("story", {"S1": views})
    store.views.save("event", {"V1": {"summary": [SUMMARY]}})  # type: ignore[list-item]
    found = store.views.story("S1")
    assert found is not None and found[0] == store.links.stories(["S1"])["S1"] and found[1] == views
    assert store.views.story("S3") == (store.links.stories(["S3"])["S3"], {})  # not computed yet
    event_found = store.views.event("V1")
    assert event_found is not None and event_found[1] == {"summary": [SUMMARY]}
    assert store.views.story("S9") is None and store.views.event("V9") is None
    store.views.save("story", {"S1": {"summary": []}})  # computed again: replaced
    assert store.views.story("S1") == (found[0], {"summary": []})


def test_stale_lists_what_lacks_its_views_newest_first(store: Store) -> None:
    _stories(store)
    assert store.views.stale("story") == ["S2", "S4", "S1", "S3"]
    assert store.views.stale("event") == ["V2", "V1", "V3"]
    store.views.save("story", {"S2": {}, "S3": {}})
    store.views.save("event", {"V1": {}})
    assert store.views.stale("story") == ["S4", "S1"] and store.views.stale("event") == ["V2", "V3"]


def test_stories_page_in_each_order_and_from_a_size(store: Store) -> None:
    _stories(store)

    def page(**given: object) -> tuple[int, list[str]]:
        total, stories = store.views.stories_page(**given)  # type: ignore[arg-type]
        return total, [s.id for s in stories]

    assert page() == (4, ["S2", "S4", "S1", "S3"])  # newest: by last date
    assert page(order="oldest") == (4, ["S1", "S4", "S2", "S3"])
    assert page(order="size") == (4, ["S1", "S4", "S2", "S3"])
    assert page(order="rank") == (4, ["S4", "S1", "S2", "S3"])  # S1 is larger but six weeks older
    assert page(min_articles=3) == (2, ["S4", "S1"])
    assert page(order="size", limit=2, offset=1) == (4, ["S4", "S2"])
    assert page(min_articles=6) == (0, [])
    with pytest.raises(ValueError, match="unknown order 'best'"):
        store.views.stories_page(order="best")


def test_events_and_stories_are_listed_by_outlet_and_dates(store: Store) -> None:
    _stories(store)
    store.views.save("event", {"V2": {"summary": [SUMMARY]}})  # type: ignore[list-item]

    def events(**f: object) -> list[str]:
        return [e.id for e, _ in store.views.events(Filters(**f))]  # type: ignore[arg-type]

    def stories(**f: object) -> list[str]:
        return [s.id for s, _ in store.views.stories(Filters(**f))]  # type: ignore[arg-type]

    assert events() == ["V1", "V2", "V3"] and [v for _, v in store.views.events()] == [
        {},
        {"summary": [SUMMARY]},
        {},
    ]
    assert events(outlet="POST") == ["V1", "V3"] and events(outlet="Gazette") == []
    assert events(since="2023-02") == ["V2"] and events(until="2023-01") == ["V1"]
    assert events(limit=1, offset=1) == ["V2"]
    assert stories() == ["S1", "S4", "S2", "S3"]  # by first date
    assert stories(since="2023-01-20") == ["S1", "S4", "S2"]  # a story spans to its last date
    assert stories(since="2023-01-21", until="2023-02") == ["S4"]
    assert stories(outlet="wire") == ["S2"]


def _entities(store: Store) -> None:
    store.links.save(
        linked(
            entities=[
                entity("E1", "Ilse Varga", aliases=["Ilse Varga", "Harbour Master"], articles=5),
                entity("E2", "Port Selan", "GPE", aliases=["Port Selan", "Selan"], articles=2),
                entity("E3", "Tomas Brand", articles=9),
                entity("E4", "Selan Fisheries", "ORG", articles=2),
            ]
        )
    )


def test_entities_page_by_label_and_by_name_or_alias(store: Store) -> None:
    _entities(store)

    def page(**given: object) -> tuple[int, list[str]]:
        total, found = store.views.entities_page(**given)  # type: ignore[arg-type]
        return total, [e.id for e in found]

    assert page() == (4, ["E3", "E1", "E2", "E4"])  # most reported first
    assert page(label="PERSON") == (2, ["E3", "E1"])
    assert page(name="selan") == (2, ["E2", "E4"])
    assert page(name="harbour") == (1, ["E1"])  # an alias
    assert page(name="selan", label="ORG") == (1, ["E4"])
    assert page(limit=2, offset=1) == (4, ["E1", "E2"])
    assert page(name="nobody") == (0, [])
    assert [e.id for e in store.views.entities(label="GPE")] == ["E2"]
    assert store.views.entities(name="harbour")[0].aliases == ["Ilse Varga", "Harbour Master"]


def test_copies_are_listed_by_either_outlet_and_the_copy_s_dates(store: Store) -> None:
    store.articles.write_batch(
        [
            article("d1", "x", outlet="Post", published="2023-01-01"),
            article("d2", "x", outlet="Times", published="2023-02-01"),
            article("d3", "x", outlet="Wire", published="2023-03-01"),
            article("d4", "y", outlet="Post", published="2023-03-02"),
            article("d5", "y", outlet="Times", published="2023-01-05"),
        ],
        [],
        None,
    )
    store.links.save(
        linked(
            duplicates=[
                copy("d4", "d5", outlet="Post", original_outlet="Times"),
                copy("d3", "d1", outlet="Wire", original_outlet="Post"),
                copy("d2", "d1", outlet="Times", original_outlet="Post"),
            ]
        )
    )

    def copies(**f: object) -> list[str]:
        return [d.article_id for d in store.views.duplicates(Filters(**f))]  # type: ignore[arg-type]

    assert [(d.article_id, d.duplicate_of) for d in store.views.duplicates()] == [
        ("d2", "d1"),
        ("d3", "d1"),
        ("d4", "d5"),
    ]
    assert copies(outlet="POST") == ["d2", "d3", "d4"]  # the copy's outlet or its original's
    assert copies(outlet="wire") == ["d3"] and copies(outlet="times") == ["d2", "d4"]
    assert copies(since="2023-03") == ["d3", "d4"] and copies(until="2023-02") == ["d2"]
    assert copies(outlet="times", since="2023-03") == ["d4"]
    assert copies(limit=1, offset=1) == ["d3"]


def test_an_entity_s_months_count_its_articles(store: Store) -> None:
    twice = [Mention(0, 4, "Ilse", "PERSON", "c1"), Mention(5, 10, "Varga", "PERSON", "c2")]
    store.articles.write_batch(
        [
            article("m1", "Ilse Varga", published="2023-01-02", entities=twice),
            article("m2", "Ilse", published="2023-01-30", entities=twice[:1]),
            article("m3", "Ilse", published="2023-03", entities=twice[:1]),
            article("m4", "Ilse", entities=twice[:1]),
        ],
        [],
        None,
    )
    chains = {
        ("m1", "c1"): "E1",
        ("m1", "c2"): "E1",
        ("m2", "c1"): "E1",
        ("m3", "c1"): "E1",
        ("m4", "c1"): "E1",
    }
    store.links.save(linked(entities=[entity("E1", "Ilse Varga")], chains=chains))
    assert store.views.entity_months("E1") == [
        {"month": "2023-01", "articles": 2},
        {"month": "2023-03", "articles": 1},
    ]
    assert store.views.entity_months("E9") == []


def test_link_counts_and_the_newest_of_the_link_log(store: Store) -> None:
    assert store.views.link_counts() == {"entities": 0, "events": 0, "stories": 0, "duplicates": 0}
    _stories(store)
    _entities(store)  # a full run: the stories' run is replaced
    store.links.save(
        linked(
            full=False,
            events=[event("V1", ["a1"])],
            duplicates=[copy("a2", "a1")],
            log=[("event founded", "V1 with a1"), ("events merged", "V2 into V1")],
        ),
        run_id=3,
    )
    assert store.views.link_counts() == {"entities": 4, "events": 1, "stories": 0, "duplicates": 1}
    log = store.views.link_log()
    assert [(e["kind"], e["detail"], e["run_id"]) for e in log] == [
        ("events merged", "V2 into V1", 3),
        ("event founded", "V1 with a1", 3),
    ]
    assert log[0]["at"].endswith("Z") and [e["kind"] for e in store.views.link_log(limit=1)] == [
        "events merged"
    ]


def test_an_entity_is_found_by_an_alias_in_any_script(store: Store) -> None:
    store.links.save(
        linked(
            entities=[
                entity("E1", "Volodymyr Zelenskyy", aliases=["Volodymyr Zelenskyy", "Володимир Зеленський"]),
                entity("E2", "Pedro Sanchez", aliases=["Pedro Sanchez", "Pedro Sánchez"]),
            ]
        )
    )
    assert [e.id for e in store.views.entities(name="Зеленський")] == ["E1"]
    assert [e.id for e in store.views.entities(name="Sánchez")] == ["E2"]
    assert store.views.entities_page(name="Зеленський")[0] == 1
