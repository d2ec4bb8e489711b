"""Followed sources and their items: adding, finding and removing a source, which are due, a
poll's record, items through their states (a retry past ``MAX_ATTEMPTS`` is a failure), the
WARCs of a round not yet ingested, stored URLs and failures; attempts count failed tries only;
items left waiting by a deadline; a listing's damage."""

from __future__ import annotations

import time

import pytest

from storyline.model.follow import ItemState
from storyline.store import Store
from storyline.store.sources import MAX_ATTEMPTS

NOW = "2023-05-01T10:00:00Z"


def _item(key: str, state: str, **more: str | None) -> ItemState:
    return ItemState(key=key, url=f"https://news.example/{key}", state=state, **more)  # type: ignore[typeddict-item]


def test_a_source_is_added_found_and_removed(store: Store) -> None:
    feed = store.sources.add("feed", "https://news.example/rss", 600, "Example news", NOW)
    folder = store.sources.add("folder", "/data/drop", 60, None, NOW)
    assert folder == feed + 1
    for key in (str(feed), "Example news", "https://news.example/rss"):
        found = store.sources.find(key)
        assert found is not None and found["id"] == feed and found["kind"] == "feed"
    assert store.sources.find("nothing") is None
    found = store.sources.find("/data/drop")
    assert found is not None and (found["every_seconds"], found["polls"], found["added_at"]) == (60, 0, NOW)
    with pytest.raises(ValueError, match="unknown kind of source 'podcast'"):
        store.sources.add("podcast", "https://news.example/pod", 60, None, NOW)
    with pytest.raises(ValueError, match="already followed"):
        store.sources.add("url", "https://news.example/rss", 60, None, NOW)
    store.sources.mark(feed, [_item("k1", "fetched", warc="w1.warc"), _item("k2", "retry")], NOW)
    assert [(s["location"], s["items"]) for s in store.sources.all()] == [
        ("https://news.example/rss", {"fetched": 1, "retry": 1}),
        ("/data/drop", {}),
    ]
    assert store.sources.remove("Example news") and not store.sources.remove("Example news")
    assert [s["id"] for s in store.sources.all()] == [folder]
    assert store.db.value("SELECT count(*) FROM source_items") == 0  # its items went with it
    store.sources.set_kind(folder, "site")
    assert store.sources.all()[0]["kind"] == "site"


def test_a_poll_is_recorded_and_says_when_the_source_is_due(store: Store) -> None:
    a = store.sources.add("feed", "https://a.example/rss", 600, "a", NOW)
    b = store.sources.add("sitemap", "https://b.example/sitemap.xml", 600, "b", NOW)
    assert [s["id"] for s in store.sources.due()] == [a, b]  # new sources are due at once
    store.sources.polled(a, NOW, next_due=1000.0, etag='"v1"', last_modified="Mon, 01 May 2023")
    store.sources.polled(b, NOW, next_due=time.time() + 3600, error="HTTP 503")
    assert [s["id"] for s in store.sources.due(at=999.0)] == []
    assert [s["id"] for s in store.sources.due(at=1000.0)] == [a]
    assert [s["id"] for s in store.sources.due()] == [a]
    assert [s["id"] for s in store.sources.due(at=float("inf"))] == [a, b]
    store.sources.polled(a, "2023-05-01T11:00:00Z", next_due=2000.0, error="timed out")
    store.sources.polled(a, "2023-05-01T12:00:00Z", next_due=3000.0)  # fine again, no validators
    found = store.sources.find("a")
    assert found is not None
    assert (found["polls"], found["errors"], found["last_error"]) == (3, 1, "timed out")
    assert (found["etag"], found["last_modified"]) == ('"v1"', "Mon, 01 May 2023")
    assert (found["last_polled"], found["next_due"]) == ("2023-05-01T12:00:00Z", 3000.0)


def test_an_item_retried_past_its_attempts_fails_for_good(store: Store) -> None:
    src = store.sources.add("feed", "https://a.example/rss", 600, None, NOW)
    finals = [
        store.sources.mark(src, [_item("k1", "retry", error=f"HTTP 503 ({n})")], f"2023-05-0{n}T00:00:00Z")
        for n in range(1, MAX_ATTEMPTS + 1)
    ]
    assert finals == [[]] * (MAX_ATTEMPTS - 1) + [["k1"]]
    assert store.sources.known(src, ["k1"]) == {"k1": "failed"}
    assert store.sources.retrying(src) == []
    failure = store.sources.failures()[0]
    assert failure == {
        "source": "https://a.example/rss",
        "url": "https://news.example/k1",
        "error": f"HTTP 503 ({MAX_ATTEMPTS})",
        "seen_at": "2023-05-01T00:00:00Z",  # when the item was first listed
    }
    assert store.sources.mark(src, [_item("k2", "failed", error="HTTP 404")], NOW) == ["k2"]  # final at once


def test_items_move_through_their_states(store: Store) -> None:
    a = store.sources.add("feed", "https://a.example/rss", 600, None, NOW)
    b = store.sources.add("feed", "https://b.example/rss", 600, None, NOW)
    store.sources.mark(
        a, [_item("k1", "fetched", warc="r1.warc"), _item("k2", "fetched", warc="r1.warc")], NOW
    )
    store.sources.mark(a, [_item("k3", "fetched", warc="r2.warc"), _item("k4", "retry", error="reset")], NOW)
    store.sources.mark(b, [_item("k1", "retry", error="HTTP 500")], "2023-04-30T00:00:00Z")
    assert store.sources.known(a, ["k1", "k4", "k9"]) == {"k1": "fetched", "k4": "retry"}
    assert store.sources.known(b, ["k1", "k2"]) == {"k1": "retry"}
    assert store.sources.pending_warcs() == ["r1.warc", "r2.warc"]
    assert store.sources.retrying(a) == [("k4", "https://news.example/k4")]
    assert store.sources.stored_from("r1.warc") == 2 and store.sources.stored_from("r1.warc") == 0
    assert store.sources.pending_warcs() == ["r2.warc"]
    urls = [f"https://news.example/{k}" for k in ("k1", "k2", "k3", "k4")]
    assert store.sources.stored_urls(urls) == {urls[0]: "r1.warc", urls[1]: "r1.warc"}
    store.sources.mark(a, [_item("k3", "stored")], NOW)  # no warc given: the one it was fetched into
    assert store.sources.stored_urls(urls[2:]) == {urls[2]: "r2.warc"}
    assert store.sources.pending_warcs() == []


def test_failures_newest_first(store: Store) -> None:
    src = store.sources.add("site", "https://a.example/", 600, None, NOW)
    for day in (3, 1, 2):
        store.sources.mark(src, [_item(f"k{day}", "failed", error=f"e{day}")], f"2023-05-0{day}T00:00:00Z")
    assert [f["error"] for f in store.sources.failures()] == ["e3", "e2", "e1"]
    assert [f["error"] for f in store.sources.failures(limit=1)] == ["e3"]


def test_attempts_count_failed_tries_only(store: Store) -> None:
    """A fetch that worked, a page stored already or a wait for the next round is no failed
    try: an item fetched, then waiting twice, then failing in ways that may pass, fails for
    good at its ``MAX_ATTEMPTS``-th failure, not before."""
    src = store.sources.add("feed", "https://a.example/rss", 600, None, NOW)

    def attempts() -> int:
        return int(store.db.value("SELECT attempts FROM source_items WHERE key = 'k1'"))

    store.sources.mark(src, [_item("k1", "fetched", warc="r1.warc")], NOW)
    assert attempts() == 0
    for _ in range(2):
        assert store.sources.mark(src, [_item("k1", "waiting")], NOW) == []
    assert attempts() == 0 and store.sources.waiting(src) == [("k1", "https://news.example/k1")]
    for n in range(1, MAX_ATTEMPTS):
        assert store.sources.mark(src, [_item("k1", "retry", error="HTTP 503")], NOW) == []
        assert attempts() == n and store.sources.known(src, ["k1"]) == {"k1": "retry"}
    assert store.sources.mark(src, [_item("k1", "retry", error="HTTP 503")], NOW) == ["k1"]
    assert attempts() == MAX_ATTEMPTS and store.sources.waiting(src) == []


def test_items_left_waiting_come_longest_waiting_first(store: Store) -> None:
    src = store.sources.add("feed", "https://a.example/rss", 600, None, NOW)
    store.sources.mark(src, [_item("k2", "waiting"), _item("k3", "waiting")], "2023-05-02T00:00:00Z")
    store.sources.mark(src, [_item("k9", "waiting"), _item("k4", "retry", error="reset")], NOW)
    assert [k for k, _ in store.sources.waiting(src)] == ["k9", "k2", "k3"]
    assert store.sources.retrying(src) == [("k4", "https://news.example/k4")]
    assert store.sources.all()[0]["items"] == {"waiting": 3, "retry": 1}


def test_a_listing_s_damage_is_kept_until_it_reads_clean(store: Store) -> None:
    src = store.sources.add("feed", "https://a.example/rss", 600, None, NOW)
    assert store.sources.all()[0]["damage"] is None
    store.sources.damaged(src, "SAXParseException: mismatched tag; 4 items recovered")
    assert store.sources.all()[0]["damage"] == "SAXParseException: mismatched tag; 4 items recovered"
    store.sources.damaged(src, None)
    assert store.sources.all()[0]["damage"] is None
