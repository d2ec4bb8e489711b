"""Articles and runs: batch writes (idempotent, whole or not at all, replacing an input an
earlier run stopped short on), line counts, reading back by id prefix and in order, listings
and their filters, rejects, quotes across the corpus and the corpus summary."""

from __future__ import annotations

import sqlite3

import pytest

from storyline.model import Mention, Quote, Reject, Removed, Source
from storyline.store import Store
from tests.conftest import make_article
from tests.records import article
from tests.store.build import entity, event, linked

TEXT = "The harbour authority of Port Selan said on Tuesday that the eastern quay would reopen next month."


def test_write_batch_is_idempotent_and_searchable(store: Store) -> None:
    art = make_article(TEXT)
    art.text, art.headline, art.outlet, art.published = (
        TEXT,
        "Quay to reopen",
        "The Harbor Post",
        "2023-02-14",
    )
    art.removed = [Removed("Share this:", "share widget")]
    first = store.articles.write_batch([art], [Reject(Source(path="x.bin"), "binary file")], run_id=None)
    again = store.articles.write_batch([art], [], run_id=None)
    assert first.stored == [art.id] and again.duplicates == [art.id]
    got = store.articles.get(art.id[:6])
    assert got.text == TEXT and got.removed[0].reason == "share widget" and got.raw == TEXT
    hits = store.articles.search("quay reopen")
    assert hits[0]["id"] == art.id and "\x02" in hits[0]["snippet"]
    assert store.articles.search('unbalanced "quote') == []  # bad FTS syntax falls back, never raises
    assert store.articles.page(outlet="the harbor post", since="2023-02-01")[0]["id"] == art.id
    assert store.articles.page(until="2023-01-01") == []
    assert store.articles.rejects()[0]["reason"] == "binary file"
    assert store.articles.summary()["articles"] == 1


def test_failed_batch_leaves_no_half_written_article(store: Store) -> None:
    good = make_article(TEXT)
    good.text = TEXT
    bad = make_article(TEXT + " Second.")
    bad.text = TEXT
    bad.removed = [Removed(None, "broken")]  # type: ignore[arg-type]  # NOT NULL violation mid-batch
    with pytest.raises(sqlite3.IntegrityError):
        store.articles.write_batch([good, bad], [], run_id=None)
    assert store.articles.count() == 0
    assert store.db.execute("SELECT count(*) FROM removed").fetchone()[0] == 0


def _tables(store: Store) -> dict[str, int]:
    names = ("articles", "articles_fts", "removed", "annotations", "line_counts", "rejects")
    return {t: store.db.value(f"SELECT count(*) FROM {t}") for t in names}


def test_the_same_content_stored_again_adds_nothing(store: Store) -> None:
    art = make_article(TEXT)
    art.text, art.removed = TEXT, [Removed("Subscribe now", "newsletter")]
    art.entities = [Mention(25, 35, "Port Selan", "GPE", "c1")]
    lines = {art.content_hash: {11, 12}}
    store.articles.write_batch([art], [], run_id=None, lines=lines)
    before = _tables(store)
    again = store.articles.write_batch([make_article(TEXT)], [], run_id=None, lines=lines)
    assert again.stored == [] and again.duplicates == [art.id]
    assert (
        _tables(store)
        == before
        == {
            "articles": 1,
            "articles_fts": 1,
            "removed": 1,
            "annotations": 1,
            "line_counts": 2,
            "rejects": 0,
        }
    )
    assert store.db.value("SELECT sum(articles) FROM line_counts") == 2  # not counted twice


def test_an_input_stored_short_of_some_stages_is_replaced_with_its_links(store: Store) -> None:
    first = article("d1", "An early reading of the quay.", content_hash="h1", stages=["clean"])
    other = article("d2", "Another article on the ferries.", content_hash="h2", stages=["clean"])
    store.articles.write_batch([first, other], [], run_id=None)
    store.links.save(linked(events=[event("V1", ["d1", "d2"])], bands=[(5, "d1"), (5, "d2")]))
    again = article("d1", "A later, fuller reading of the quay.", content_hash="h1", stages=["clean", "read"])
    result = store.articles.write_batch([again], [], run_id=None, replace={"h1"})
    assert result.stored == ["d1"]
    assert store.articles.get("d1").text == "A later, fuller reading of the quay."
    assert store.articles.stages_of(["h1", "h2", "h9"]) == {"h1": {"clean", "read"}, "h2": {"clean"}}
    assert store.links.saved().events == {"d2": "V1"}  # d1 is to be linked again
    assert store.links.band_candidates([5]) == {5: ["d2"]}
    assert [h["id"] for h in store.articles.search("fuller")] == ["d1"]
    assert store.articles.search("early") == [] and store.integrity_check() == "ok"


def test_stages_of_an_input_include_those_that_passed_it_by(store: Store) -> None:
    parts = [
        article("p1", "One part.", content_hash="digest", stages=["clean", "describe"]),
        article("p2", "Other part.", content_hash="digest", stages=["clean"], skipped={"read": "no reader"}),
    ]
    store.articles.write_batch(parts, [], run_id=None)
    assert store.articles.stages_of(["digest"]) == {"digest": {"clean", "describe", "read"}}
    assert store.articles.stages_of([]) == {}


def test_line_counts_of_a_run_add_to_the_stored_ones(store: Store) -> None:
    store.articles.write_batch(
        [article("a1", "x", content_hash="h1")], [], run_id=None, lines={"h1": {1, 2}, "h9": {3}}
    )
    assert {r[0]: r[1] for r in store.db.rows("SELECT key, articles FROM line_counts")} == {1: 1, 2: 1}
    parts = [article(f"p{i}", "x", content_hash="digest") for i in (1, 2)]  # one input, two articles
    store.articles.write_batch(parts, [], run_id=None, lines={"digest": {2, 6}})
    assert {r[0]: r[1] for r in store.db.rows("SELECT key, articles FROM line_counts")} == {1: 1, 2: 2, 6: 1}
    store.articles.stage_lines([{1, 4}, {4, 5}], stored=[2])
    store.articles.freeze_lines()
    # key 1: one input of this run and one stored; 2: stored only; 4: two inputs; 6, 5 and 3: one
    assert store.articles.line_totals({1, 2, 3, 4, 5, 6}) == {1: 2, 2: 2, 4: 2}
    store.articles.drop_lines()
    store.articles.stage_lines([{2}])
    store.articles.freeze_lines()
    assert store.articles.line_totals({1, 2}) == {2: 3}
    store.articles.drop_lines()


def test_a_run_is_recorded_with_what_it_did(store: Store) -> None:
    run = store.articles.start_run(["/corpus/a", "/corpus/b"], "describe")
    store.articles.add_rejects([Reject(Source(path="x.bin"), "binary file")], run)
    store.articles.add_rejects([], run)
    store.articles.finish_run(run, stored=3, duplicates=1, rejected=1)
    row = store.db.row("SELECT * FROM runs WHERE id = ?", (run,))
    assert (
        row is not None and row["until_stage"] == "describe" and row["inputs"] == '["/corpus/a", "/corpus/b"]'
    )
    assert (row["stored"], row["duplicates"], row["rejected"]) == (3, 1, 1) and row["finished_at"]
    assert [r["run_id"] for r in store.articles.rejects()] == [run]


def test_get_takes_a_unique_prefix_and_names_what_is_wrong(store: Store) -> None:
    store.articles.write_batch([article(i, f"Text {i}.") for i in ("ab12", "ab34", "cd", "cdef")], [], None)
    assert store.articles.get("ab1").id == "ab12"
    assert store.articles.get("cd").id == "cd"  # a whole id, though it starts another one too
    with pytest.raises(KeyError, match="no article with id 'ff'"):
        store.articles.get("ff")
    with pytest.raises(KeyError, match="matches several articles"):
        store.articles.get("ab")


def test_each_gives_every_article_in_ingest_order_without_its_input(store: Store) -> None:
    ids = ["e5", "e1", "e4", "e2", "e3"]
    store.articles.write_batch([make_article(f"Raw {i}.") for i in range(2)], [], None)
    store.articles.write_batch([article(i, f"Text {i}.") for i in ids], [], None)
    got = list(store.articles.each(batch=2))
    assert [a.id for a in got][2:] == ids == store.articles.ids()[2:]
    assert all(a.raw == "" for a in got) and store.articles.get(got[0].id).raw == "Raw 0."
    assert [a.text for a in got][2:] == [f"Text {i}." for i in ids]


def _dated(store: Store) -> None:
    given = [
        ("n1", "2023-03-31", "Harbour Post"),
        ("n2", "2023-01-15", "harbour post"),
        ("n3", None, "Harbour Post"),
        ("n4", "2023-04-01", "Quay Times"),
        ("n5", "2022-12-31", None),
        ("n6", "2023-03", "Quay Times"),
    ]
    store.articles.write_batch(
        [article(i, f"About {i}.", published=p, outlet=o, headline=f"H {i}") for i, p, o in given], [], None
    )


def test_page_and_count_filter_by_outlet_and_dates(store: Store) -> None:
    _dated(store)

    def page(**f: str) -> list[str]:
        return [r["id"] for r in store.articles.page(**f)]

    assert page() == ["n5", "n2", "n6", "n1", "n4", "n3"]  # oldest first, undated last
    assert page(outlet="HARBOUR POST") == ["n2", "n1", "n3"]  # any case
    assert page(since="2023-03") == ["n6", "n1", "n4"]
    assert page(until="2023-03") == ["n5", "n2", "n6", "n1"]  # all of March
    assert page(since="2023", until="2023") == ["n2", "n6", "n1", "n4"]
    assert page(until="2022") == ["n5"]
    assert page(outlet="quay times", since="2023-04-01") == ["n4"]
    assert [r["id"] for r in store.articles.page(limit=2, offset=1)] == ["n2", "n6"]
    assert store.articles.count() == 6 and store.articles.count(outlet="harbour POST") == 3
    assert store.articles.count(since="2023-02", until="2023-03") == 2
    first = store.articles.page(limit=1)[0]
    assert first == {
        "id": "n5",
        "published": "2022-12-31",
        "published_basis": None,
        "outlet": None,
        "headline": "H n5",
        "path": None,
        "part": 0,
        "chars": len("About n5."),
    }


def test_rows_name_articles_with_their_first_words(store: Store) -> None:
    long = "The quay " + "and the ferry " * 30
    store.articles.write_batch(
        [
            article("r1", long, headline="Quay", outlet="Post", published="2023-01-02"),
            article("r2", "Short."),
        ],
        [],
        None,
    )
    rows = {r["id"]: r for r in store.articles.rows(["r1", "r2", "r9"])}
    assert set(rows) == {"r1", "r2"}
    assert rows["r1"] == {
        "id": "r1",
        "headline": "Quay",
        "outlet": "Post",
        "published": "2023-01-02",
        "lede": long[:160],
    }
    assert rows["r2"]["lede"] == "Short." and rows["r2"]["headline"] is None


def test_rejects_page_in_the_order_recorded(store: Store) -> None:
    run = store.articles.start_run(["in"], None)
    rejects = [Reject(Source(path=f"f{i}.bin", part=i), f"reason {i}", "extract", f"d{i}") for i in range(5)]
    store.articles.write_batch([], rejects[:3], run)
    store.articles.add_rejects(rejects[3:], None)
    assert [r["reason"] for r in store.articles.rejects()] == [f"reason {i}" for i in range(5)]
    assert [r["path"] for r in store.articles.rejects(limit=2, offset=2)] == ["f2.bin", "f3.bin"]
    mine = store.articles.rejects(run_id=run)
    assert [r["part"] for r in mine] == [0, 1, 2]
    assert (mine[1]["stage"], mine[1]["detail"], mine[1]["run_id"]) == ("extract", "d1", run)


def test_summary_counts_what_the_corpus_holds(store: Store) -> None:
    arts = [
        article("s1", "abcd", outlet="Post", published="2023-01-02", language="en", content_hash="h1"),
        article("s2", "ef", outlet="Post", published="2023-02-03", language="en", content_hash="h2"),
        article("s3", "ghi", outlet=None, language="es", content_hash="dig", skipped={"read": "no reader"}),
        article("s4", "j", outlet="Times", published="2022-12-30", content_hash="dig", skipped={"x": "y"}),
        article("s5", "k", outlet="Times", published="2023-03-01", content_hash="dig"),
    ]
    arts[3].source, arts[4].source = Source(path="d.txt", part=1), Source(path="d.txt", part=2)
    arts[0].removed = [Removed("Share", "share widget"), Removed("Ad", "advert")]
    arts[1].removed = [Removed("Share", "share widget")]
    store.articles.write_batch(arts, [Reject(Source(path="z"), "empty")], None)
    summary = store.articles.summary()
    assert summary == {
        "articles": 5,
        "outlets": 2,
        "first_date": "2022-12-30",
        "last_date": "2023-03-01",
        "undated": 1,
        "characters": 4 + 2 + 3 + 1 + 1,
        "digests_split": 1,
        "rejects": 1,
        "by_outlet": [
            {"outlet": "Post", "articles": 2, "first": "2023-01-02", "last": "2023-02-03"},
            {"outlet": "Times", "articles": 2, "first": "2022-12-30", "last": "2023-03-01"},
            {"outlet": "unknown outlet", "articles": 1, "first": None, "last": None},
        ],
        "by_language": {"en": 2, "?": 2, "es": 1},
        "removed_by_reason": {"share widget": 2, "advert": 1},
        "not_read": {"no reader": 1},
    }
    assert store.articles.outlets() == summary["by_outlet"][:2]  # known outlets only, by name


def test_an_empty_corpus_sums_to_zero(store: Store) -> None:
    summary = store.articles.summary()
    assert (summary["articles"], summary["undated"], summary["characters"], summary["by_outlet"]) == (
        0,
        0,
        0,
        [],
    )


def _quoted(store: Store) -> None:
    said = "Ilse Varga said the quay would reopen. Tomas Brand said nothing would change."
    q1 = Quote(
        16, 37, "the quay would reopen", "indirect", "Ilse Varga", 0, 10, "Ilse Varga", speaker_chain="c1"
    )
    q2 = Quote(
        56, 76, "nothing would change", "indirect", "Tomas Brand", 39, 50, "Tomas Brand", speaker_chain="c2"
    )
    people = [Mention(0, 10, "Ilse Varga", "PERSON", "c1"), Mention(39, 50, "Tomas Brand", "PERSON", "c2")]
    later = Quote(0, 5, "Soon.", "direct", "she", speaker_resolved="Ilse Varga", speaker_chain="c1")
    store.articles.write_batch(
        [
            article(
                "q1",
                said,
                published="2023-01-05",
                outlet="Post",
                headline="Quay",
                entities=people,
                quotes=[q1, q2],
            ),
            article(
                "q2",
                "Soon. She said it.",
                published="2023-02-05",
                outlet="Times",
                entities=[Mention(6, 9, "She", "PERSON", "c1")],
                quotes=[later],
            ),
        ],
        [],
        None,
    )
    chains = {("q1", "c1"): "E1", ("q1", "c2"): "E2", ("q2", "c1"): "E1"}
    store.links.save(
        linked(entities=[entity("E1", "Ilse Varga"), entity("E2", "Tomas Brand")], chains=chains)
    )


def test_quotes_by_speaker_and_by_entity_newest_first(store: Store) -> None:
    _quoted(store)
    every = store.articles.quotes()
    assert [(q["article_id"], q["text"]) for q in every] == [
        ("q2", "Soon."),
        ("q1", "the quay would reopen"),
        ("q1", "nothing would change"),
    ]
    assert [q["speaker_entity_id"] for q in every] == ["E1", "E1", "E2"]
    assert every[1]["outlet"] == "Post" and every[1]["headline"] == "Quay" and every[1]["kind"] == "indirect"
    assert [q["article_id"] for q in store.articles.quotes(speaker="varga")] == ["q2", "q1"]  # resolved
    assert [q["text"] for q in store.articles.quotes(speaker="she")] == ["Soon."]  # as written
    assert [q["text"] for q in store.articles.quotes(entity_id="E2")] == ["nothing would change"]
    by_e1 = store.articles.quotes(entity_id="E1")
    assert [q["article_id"] for q in by_e1] == ["q2", "q1"] and by_e1[0]["speaker_entity_id"] == "E1"
    assert [q["article_id"] for q in store.articles.quotes(entity_id="E1", speaker="she")] == ["q2"]
    assert [q["text"] for q in store.articles.quotes(limit=1, offset=2)] == ["nothing would change"]
    assert store.articles.quotes(entity_id="E9") == []
