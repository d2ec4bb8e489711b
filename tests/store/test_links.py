"""The link tables (``store.links``, the ``LinkStore``): a full run's result replaces, an
incremental one merges (merged entities and events folded into the kept ones, emptied stories
gone with their views); what linking reads back (inputs, the previous run's assignments, band
keys, aliases, event ids issued); inferred dates and renamed outlets."""

from __future__ import annotations

from dataclasses import replace

from storyline.model import Claim, LinkResult, Mention, Quote, Redated, Renamed, Timex
from storyline.store import Store
from tests.records import article
from tests.store.build import copy, entity, event, linked, story

SAID = "Ilse Varga said the quay at Port Selan would reopen."


def _corpus(store: Store) -> None:
    """Four articles: a1 and its copy a3 (Ilse Varga, Port Selan), a2 (Varga), a4 (Tomas Brand)."""
    varga = [Mention(0, 10, "Ilse Varga", "PERSON", "c1"), Mention(28, 38, "Port Selan", "GPE", "c2")]
    quote = [
        Quote(16, 51, "the quay at Port Selan would reopen", "indirect", "Ilse Varga", speaker_chain="c1")
    ]
    store.articles.write_batch(
        [
            article(
                "a1",
                SAID,
                published="2023-01-02",
                outlet="Post",
                entities=varga,
                quotes=quote,
                timexes=[Timex(0, 4, "Ilse", "DATE", "2023")],
                claims=[Claim(0, 5, "x", "1", 0, 1, 1.0, "u")],
            ),
            article(
                "a2",
                "Varga said so.",
                published="2023-01-05",
                outlet="Times",
                entities=[Mention(0, 5, "Varga", "PERSON", "c1")],
                quotes=[Quote(11, 13, "so", "indirect", "Varga", speaker_chain="c1")],
            ),
            article("a3", SAID, published="2023-01-03", outlet="Wire", entities=varga[:1]),
            article("a4", "Tomas Brand left.", entities=[Mention(0, 11, "Tomas Brand", "PERSON", "c1")]),
        ],
        [],
        None,
    )


def _first_run() -> LinkResult:
    return linked(
        entities=[
            entity("E1", "Ilse Varga"),
            entity("E2", "Varga"),
            entity("E3", "Port Selan", "GPE", aliases=["Port Selan", "Selan"]),
            entity("E4", "Tomas Brand"),
        ],
        chains={
            ("a1", "c1"): "E1",
            ("a1", "c2"): "E3",
            ("a2", "c1"): "E2",
            ("a3", "c1"): "E1",
            ("a4", "c1"): "E4",
        },
        duplicates=[copy("a3", "a1")],
        events=[
            event("V1", ["a1", "a3"], "2023-01-02"),
            event("V2", ["a2"], "2023-01-05"),
            event("V3", ["a4"]),
        ],
        stories=[story("S1", ["V1"], ["a1", "a3"]), story("S2", ["V2"], ["a2"]), story("S3", ["V3"], ["a4"])],
        bands=[(1, "a1"), (1, "a3"), (2, "a2")],
        log=[
            ("event founded", "V1 with a1"),
            ("event founded", "V2 with a2"),
            ("event founded", "V3 with a4"),
        ],
    )


def _views(store: Store) -> None:
    store.views.save("story", {s: {"summary": []} for s in ("S1", "S2", "S3")})
    store.views.save("event", {v: {"summary": []} for v in ("V1", "V2", "V3")})


def test_saved_gives_back_the_assignments_keyed_by_article(store: Store) -> None:
    _corpus(store)
    assert not store.links.any() and store.links.unlinked_ids() == ["a1", "a2", "a3", "a4"]
    store.links.save(_first_run(), run_id=7)
    saved = store.links.saved()
    assert saved.chains == _first_run().chains
    assert saved.events == {"a1": "V1", "a3": "V1", "a2": "V2", "a4": "V3"}
    assert saved.stories == {"V1": "S1", "V2": "S2", "V3": "S3"}
    assert saved.duplicates == {"a3": "a1"}
    assert store.links.saved(chains=False).chains == {} and store.links.saved(False).events == saved.events
    assert store.links.any() and store.links.unlinked_ids() == []
    assert [e["run_id"] for e in store.views.link_log()] == [7, 7, 7]


def test_a_full_run_replaces_every_link_table(store: Store) -> None:
    _corpus(store)
    store.links.save(_first_run())
    _views(store)
    again = linked(
        entities=[entity("E9", "Ilse Varga")],
        chains={("a1", "c1"): "E9"},
        events=[event("V4", ["a1", "a2", "a3", "a4"])],
        stories=[story("S4", ["V4"], ["a1", "a2", "a3", "a4"])],
        bands=[(3, "a1")],
        log=[("event founded", "V4 with a1")],
    )
    store.links.save(again)
    saved = store.links.saved()
    assert saved.chains == {("a1", "c1"): "E9"} and saved.duplicates == {}
    assert set(saved.events.values()) == {"V4"} and saved.stories == {"V4": "S4"}
    assert [e[0] for e in store.links.entity_aliases()] == ["E9"]
    assert store.links.band_candidates([1, 2, 3]) == {3: ["a1"]}
    assert store.views.story("S1") is None and store.views.stale("story") == ["S4"]
    assert store.views.stale("event") == ["V4"]  # the old views went with their records
    assert [q["speaker_entity_id"] for q in store.articles.quotes(entity_id="E9")] == ["E9"]
    assert store.articles.quotes(entity_id="E1") == []
    assert len(store.views.link_log()) == 4  # the log is kept


def test_an_incremental_run_merges_into_what_is_stored(store: Store) -> None:
    _corpus(store)
    store.links.save(_first_run())
    _views(store)
    assert [q["article_id"] for q in store.articles.quotes(entity_id="E2")] == ["a2"]
    step = linked(
        full=False,
        entities=[entity("E1", "Ilse Varga", aliases=["Ilse Varga", "Varga"], articles=3)],
        events=[event("V1", ["a1", "a3", "a2"], "2023-01-02")],
        stories=[story("S1", ["V1"], ["a1", "a3", "a2"])],
        merged_entities={"E2": "E1"},
        merged_events={"V2": "V1"},
        emptied_stories=["S2"],
        log=[("events merged", "V2 into V1")],
    )
    store.links.save(step)
    saved = store.links.saved()
    assert saved.chains[("a2", "c1")] == "E1" and saved.chains[("a4", "c1")] == "E4"  # moved; kept
    assert [q["article_id"] for q in store.articles.quotes(entity_id="E1")] == ["a2", "a1"]
    assert store.articles.quotes(entity_id="E2") == []
    assert set(store.links.entities(["E1", "E2", "E3"])) == {"E1", "E3"}
    assert store.links.entities(["E1"])["E1"].aliases == ["Ilse Varga", "Varga"]
    assert saved.events == {"a1": "V1", "a2": "V1", "a3": "V1", "a4": "V3"}
    assert store.links.events(["V1", "V2"]).keys() == {"V1"}
    assert store.db.value("SELECT count(*) FROM views WHERE kind = 'event' AND id = 'V2'") == 0
    assert saved.stories == {"V1": "S1", "V3": "S3"} and store.links.stories(["S2"]) == {}
    assert store.views.story("S2") is None
    assert store.db.value("SELECT count(*) FROM views WHERE kind = 'story' AND id = 'S2'") == 0
    assert store.views.stale("story") == ["S1"] and store.views.stale("event") == ["V1"]  # written: stale
    assert saved.duplicates == {"a3": "a1"} and store.links.band_candidates([1]) == {1: ["a1", "a3"]}


def test_inputs_give_the_annotations_asked_for(store: Store) -> None:
    _corpus(store)
    store.links.save(_first_run())
    default = list(store.links.inputs())
    assert [a.id for a in default] == ["a1", "a2", "a3", "a4"]
    a1 = default[0]
    assert len(a1.entities) == 2 and a1.quotes == a1.timexes == a1.claims == []
    assert [m.entity_id for m in a1.entities] == [None, None]  # not ``full``: as stored
    assert (a1.raw, a1.text, a1.outlet, a1.published) == ("", SAID, "Post", "2023-01-02")
    (quoted,) = store.links.inputs(["a1"], kinds=("quotes",))
    assert quoted.entities == [] and len(quoted.quotes) == 1
    full = {a.id: a for a in store.links.inputs(["a2", "a1", "a2", "zz"], full=True)}
    assert set(full) == {"a1", "a2"}
    assert [len(getattr(full["a1"], k)) for k in ("entities", "timexes", "quotes", "claims")] == [2, 1, 1, 1]
    assert [m.entity_id for m in full["a1"].entities] == ["E1", "E3"]
    assert full["a2"].quotes[0].speaker_entity_id == "E2"


def test_band_keys_copies_and_records_are_read_by_key(store: Store) -> None:
    _corpus(store)
    store.links.save(_first_run())
    assert store.links.band_candidates([1, 2, 9]) == {1: ["a1", "a3"], 2: ["a2"]}
    assert store.links.band_candidates([]) == {}
    assert store.links.copies_of(["a1", "a2"]) == ["a3"]
    assert store.links.duplicates(["a3", "a1"])["a3"] == copy("a3", "a1")
    assert store.links.story_events(["S1", "S2", "S9"]) == {"S1": ["V1"], "S2": ["V2"]}
    assert store.links.events(["V3"])["V3"] == event("V3", ["a4"])
    assert store.links.event_of("a2") == "V2" and store.links.event_of("zz") is None
    assert store.links.stories_of(["a1", "a4", "zz"]) == {
        "a1": {"id": "S1", "title": "Story S1"},
        "a4": {"id": "S3", "title": "Story S3"},
    }
    aliases = {e: (label, names) for e, label, names in store.links.entity_aliases()}
    assert aliases["E3"] == ("GPE", ["Port Selan", "Selan"])


def test_an_entity_is_read_with_its_stories_and_neighbours(store: Store) -> None:
    _corpus(store)
    store.links.save(_first_run())
    assert sorted(store.links.entity_stories("E1")) == ["S1"]
    stories, others = store.links.entity_neighbours("E1")
    assert stories == [{"id": "S1", "title": "Story S1", "articles": 2}]
    assert others == [{"id": "E3", "name": "Port Selan", "label": "GPE", "articles": 1}]
    assert store.links.entity_neighbours("E9") == ([], [])


def test_articles_are_picked_by_date_and_by_recency(store: Store) -> None:
    _corpus(store)
    assert store.links.ids_between("2023-01-03", "2023-01-05") == ["a2", "a3"]
    assert store.links.ids_between("2023-01", "2023-01") == ["a1", "a2", "a3"]
    assert store.links.latest_ids(2) == ["a2", "a3"]
    assert store.links.outlet_rows()[0] == ("a1", None, "Post", None)


def test_event_ids_issued_remember_events_merged_away(store: Store) -> None:
    assert store.links.event_ids_issued() == 0
    _corpus(store)
    store.links.save(_first_run())
    assert store.links.event_ids_issued() == 3
    store.links.save(
        linked(full=False, merged_events={"V3": "V1"}, log=[("events merged", "V12 into V1")]),
    )
    assert store.links.events(["V3"]) == {}
    assert store.links.event_ids_issued() == 12  # V12 is gone, its number is not free
    store.links.save(linked(log=[("event founded", "V2 with a1"), ("entity founded", "V40 with a1")]))
    assert store.links.event_ids_issued() == 12  # a full run keeps the log; other kinds do not count


def test_outlets_the_corpus_names_are_stored(store: Store) -> None:
    _corpus(store)
    store.links.save(linked(events=[event("V1", ["a1"])]))
    seen = store.links.set_outlets(
        [Renamed("a2", "The Times", "site name"), Renamed("a1", "Post", "spelling")]
    )
    assert seen == ["a1"]  # linked already: its event names the old outlet
    rows = {r[0]: r for r in store.links.outlet_rows()}
    assert rows["a2"][2:] == ("The Times", "site name") and rows["a1"][2:] == ("Post", "spelling")
    assert store.links.set_outlets([]) == []


def test_inferred_dates_are_stored_with_what_follows_from_them(store: Store) -> None:
    _corpus(store)
    varga = entity("E1", "Ilse Varga")
    store.links.save(linked(entities=[varga], chains={("a1", "c1"): "E1", ("a2", "c1"): "E1"}))
    assert [q["article_id"] for q in store.articles.quotes(entity_id="E1")] == ["a2", "a1"]
    timex = Timex(0, 4, "Ilse", "DATE", "2023-02-08", anchored=True)
    mention = Mention(0, 10, "Ilse Varga", "PERSON", "c1", "Harbour Master", role_as_of="2023-02-10")
    redated = [
        Redated("a1", "2023-02-10", "inferred", [timex], [mention], [], "the earliest date of event V3"),
        Redated("a2", None, None, [], [Mention(0, 5, "Varga", "PERSON", "c1")], []),  # withdrawn
        Redated("zz", "2023-01-01", "inferred", [], [], []),  # unknown: passed by
    ]
    store.links.save(linked(full=False, redated=redated))
    a1 = store.articles.get("a1")
    assert (a1.published, a1.published_basis, a1.published_source) == (
        "2023-02-10",
        "inferred",
        "the earliest date of event V3",
    )
    assert a1.timexes == [timex] and a1.claims == [] and a1.entities == [replace(mention, entity_id="E1")]
    assert len(a1.quotes) == 1 and a1.quotes[0].speaker_entity_id == "E1"  # quotes kept, chains too
    a2 = store.articles.get("a2")
    assert (a2.published, a2.published_basis, a2.published_source) == (None, None, None)
    quotes = store.articles.quotes(entity_id="E1")  # newest first by the dates as they are now
    assert [(q["article_id"], q["published"]) for q in quotes] == [("a1", "2023-02-10"), ("a2", None)]
    assert store.links.ids_between("2023-02", "2023-02") == ["a1"]


def test_term_frequencies_add_up_and_a_full_link_replaces_them(store: Store) -> None:
    from storyline.model import LinkResult, TermFrequencies

    def result(full: bool, n: int, df: dict[str, int]) -> LinkResult:
        return LinkResult([], {}, [], [], [], [], [], full, frequencies=TermFrequencies(n, {"words": df}))

    store.links.save(result(True, 3, {"harbour": 2, "quay": 1}))
    store.links.save(result(False, 2, {"harbour": 1, "strike": 2}))
    assert store.links.term_frequencies("words", ["harbour", "quay", "strike", "none"]) == {
        "harbour": 3,
        "quay": 1,
        "strike": 2,
    }
    assert store.links.clustered_counts() == (5, 3)  # 5 counted, 3 at the last full link
    store.links.save(result(True, 5, {"quay": 4}))
    assert store.links.term_frequencies("words", ["harbour", "quay"]) == {"quay": 4}
    assert store.links.clustered_counts() == (5, 5)
