"""Watchlists and alerts: what can be watched (and what is refused), each alert raised once
by its key, alerts since a moment, and the entities an article names (with their aliases)."""

from __future__ import annotations

import pytest

from storyline.model import Mention
from storyline.model.follow import Alert
from storyline.store import Store
from tests.records import article
from tests.store.build import entity, linked

NOW = "2023-05-01T10:00:00Z"


def _alert(key: str, watch_id: int = 1, **more: object) -> Alert:
    ref = {"id": "a1", "outlet": "Post", "published": "2023-05-01", "headline": "Quay reopens"}
    return Alert(
        watch_id=watch_id,
        watch="entity Ilse Varga",
        kind="entity",
        key=key,
        title=f"Alert {key}",
        articles=[ref],
        **more,
    )  # type: ignore[typeddict-item]


def test_watches_of_each_kind_and_what_is_refused(store: Store) -> None:
    ids = [
        store.alerts.watch(kind, value, NOW)
        for kind, value in [
            ("entity", "  Ilse   Varga "),
            ("query", "quay OR harbour"),
            ("outlet", "Post"),
            ("story", "S1"),
        ]
    ]
    assert [(w["id"], w["kind"], w["value"], w["added_at"]) for w in store.alerts.watches()] == [
        (ids[0], "entity", "Ilse Varga", NOW),  # spaces collapsed
        (ids[1], "query", "quay OR harbour", NOW),
        (ids[2], "outlet", "Post", NOW),
        (ids[3], "story", "S1", NOW),
    ]
    with pytest.raises(ValueError, match="unknown kind of watch 'person'"):
        store.alerts.watch("person", "Ilse Varga", NOW)
    with pytest.raises(ValueError, match="nothing to watch"):
        store.alerts.watch("query", " \t ", NOW)
    with pytest.raises(ValueError, match="already watched: entity Ilse Varga"):
        store.alerts.watch("entity", "Ilse Varga\n", NOW)
    store.alerts.watch("query", "Ilse Varga", NOW)  # the same words, another kind
    assert store.alerts.unwatch(ids[0]) and not store.alerts.unwatch(ids[0])
    assert [w["value"] for w in store.alerts.watches()] == ["quay OR harbour", "Post", "S1", "Ilse Varga"]
    store.alerts.watch("entity", "Ilse Varga", NOW)  # watched again once unwatched


def test_each_alert_is_raised_once_by_its_key(store: Store) -> None:
    store.alerts.watch("entity", "Ilse Varga", NOW)
    fresh = store.alerts.add([_alert("k1"), _alert("k2", event_id="V3"), _alert("k1")], NOW)
    assert [(a["key"], a["at"]) for a in fresh] == [("k1", NOW), ("k2", NOW)]
    assert fresh[1]["event_id"] == "V3" and fresh[0]["articles"][0]["headline"] == "Quay reopens"
    later = "2023-05-02T10:00:00Z"
    assert [a["key"] for a in store.alerts.add([_alert("k2"), _alert("k3")], later)] == ["k3"]
    assert store.alerts.add([], later) == []
    assert store.db.value("SELECT count(*) FROM alerts") == 3


def test_alerts_since_a_moment_newest_first(store: Store) -> None:
    store.alerts.watch("entity", "Ilse Varga", NOW)
    store.alerts.add([_alert("k1"), _alert("k2")], "2023-05-01T10:00:00Z")
    store.alerts.add([_alert("k3", quote={"text": "Soon.", "start": 0, "end": 5})], "2023-05-02T10:00:00Z")
    every = store.alerts.since()
    assert [a["key"] for a in every] == ["k3", "k2", "k1"]  # same moment: the later one first
    assert every[0]["quote"] == {"text": "Soon.", "start": 0, "end": 5}
    assert every[0]["at"] == "2023-05-02T10:00:00Z" and every[2]["id"] < every[1]["id"] < every[0]["id"]
    assert every[2] == {**_alert("k1"), "id": every[2]["id"], "at": "2023-05-01T10:00:00Z"}
    assert [a["key"] for a in store.alerts.since("2023-05-02T00:00:00Z")] == ["k3"]
    assert [a["key"] for a in store.alerts.since("2023-05-01T10:00:00Z", limit=2)] == ["k3", "k2"]
    assert store.alerts.since("2023-06-01") == []


def test_the_entities_an_article_names_with_their_aliases(store: Store) -> None:
    people = [
        Mention(0, 4, "Ilse", "PERSON", "c1"),
        Mention(5, 10, "Varga", "PERSON", "c2"),
        Mention(11, 16, "Selan", "GPE", "c3"),
    ]
    store.articles.write_batch(
        [article("a1", "Ilse Varga Selan", entities=people), article("a2", "Nobody", entities=[])], [], None
    )
    store.links.save(
        linked(
            entities=[
                entity("E1", "Ilse Varga", aliases=["Ilse", "Varga"]),
                entity("E2", "Port Selan", "GPE"),
            ],
            chains={("a1", "c1"): "E1", ("a1", "c2"): "E1", ("a1", "c3"): "E2"},
        )
    )
    names = store.alerts.entity_names(["a1", "a2", "zz"])
    assert set(names) == {"a1"}
    assert sorted(names["a1"]) == [
        ("E1", ["Ilse Varga", "Ilse", "Varga"]),
        ("E2", ["Port Selan", "Port Selan"]),
    ]
    assert store.alerts.entity_names([]) == {}
