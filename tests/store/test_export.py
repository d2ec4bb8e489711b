"""The export contract (``design/export-contract.md``): the JSON document holds every field the
contract names for articles, entities, events, stories and copies, with offsets into the clean
text; the folder formats hold the same records, one table per top-level key; an article's
stored record gives the article back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from storyline.model import Article, Claim, ClaimFrame, Mention, Quote, Removed, Source, Timex
from storyline.store import Store
from storyline.store.export import TABLES, article_from_record, article_record, export
from tests.store.build import copy, entity, event, linked, story

TEXT = "Ilse Varga said on Tuesday that 12 ferries would dock at the eastern quay."
CITE = {"article_id": "a1", "start": 0, "end": 10}

CONTRACT: dict[str, set[str]] = {
    "articles": {
        "id",
        "source",
        "outlet",
        "headline",
        "published",
        "published_basis",
        "language",
        "text",
        "removed",
        "entities",
        "timexes",
        "quotes",
        "claims",
    },
    "source": {"path", "url", "part"},
    "removed": {"text", "reason"},
    "mentions": {"text", "label", "start", "end", "entity_id"},
    "timexes": {"text", "start", "end", "value"},
    "quotes": {"text", "start", "end", "speaker", "speaker_entity_id", "kind"},
    "claims": {"text", "start", "end", "value", "unit", "source_entity_id"},
    "entities": {"id", "name", "label", "aliases", "articles"},
    "events": {"id", "title", "date", "article_ids"},
    "stories": {"id", "title", "event_ids", "article_ids", "timeline", "summary"},
    "timeline": {"date", "text", "kind", "citations"},
    "summary": {"text", "citations"},
    "citations": {"article_id", "start", "end"},
    "duplicates": {"article_id", "duplicate_of", "similarity"},
}


def _article(id: str, published: str | None = None, **fields: Any) -> Article:
    """An article as the stages leave it, every annotation kind present."""
    quote = Quote(32, 73, TEXT[32:73], "indirect", speaker="Ilse Varga", speaker_resolved="Ilse Varga",
                  cue="said", speaker_chain="c1")  # fmt: skip
    claim = Claim(0, 74, TEXT, "12", 32, 34, 12.0, "ferries", source="Ilse Varga",
                  frame=ClaimFrame("ferries", "dock"), source_chain="c1")  # fmt: skip
    return Article(
        id=id,
        source=Source(path=f"{id}.txt", url=f"https://news.example/{id}", part=0, record=3),
        raw=f"<p>{TEXT}</p>",
        format="html",
        content_hash=f"h{id}",
        text=TEXT,
        removed=[Removed("Share this:", "share widget")],
        headline="Ferries to dock",
        dek="At the eastern quay",
        published=published,
        published_basis="stated" if published else None,
        published_source="markup: json-ld datePublished" if published else None,
        outlet="Harbour Post",
        outlet_basis="markup",
        byline="Staff",
        credits=["Wire"],
        language="en",
        hints={"lang": "en", "meta": {"section": "port"}},
        entities=[Mention(0, 10, "Ilse Varga", "PERSON", "c1"), Mention(61, 73, "eastern quay", "FAC")],
        timexes=[Timex(19, 26, "Tuesday", "DATE", "2023-01-03", anchored=True)],
        quotes=[quote],
        claims=[claim],
        stages=["extract", "clean", "describe", "read"],
        **fields,
    )


@pytest.fixture
def corpus(store: Store) -> Store:
    """Two articles linked: a2 copies a1, one entity, one event, one story with its views."""
    store.articles.write_batch(
        [_article("a1", "2023-01-03"), _article("a2", skipped={"link": "a copy"})], [], None
    )
    store.links.save(
        linked(
            entities=[entity("E1", "Ilse Varga", aliases=["Ilse Varga", "Varga"], articles=2)],
            chains={("a1", "c1"): "E1", ("a2", "c1"): "E1"},
            duplicates=[copy("a2", "a1", similarity=0.97)],
            events=[event("V1", ["a1", "a2"], "2023-01-03", outlets=["Harbour Post"])],
            stories=[story("S1", ["V1"], ["a1", "a2"], first_date="2023-01-03", last_date="2023-01-03")],
        )
    )
    sentence = {
        "text": "Ferries will dock.",
        "citations": [CITE],
        "support": 1,
        "of_outlets": 1,
        "outlets": [],
    }
    timeline = {
        "date": "2023-01-03",
        "text": "Ferries will dock.",
        "kind": "planned",
        "citations": [CITE],
        "support": 1,
        "outlets": [],
    }
    store.views.save("story", {"S1": {"timeline": [timeline], "summary": [sentence]}})  # type: ignore[list-item]
    store.views.save("event", {"V1": {"summary": [sentence], "only_in": []}})  # type: ignore[list-item]
    return store


def _fields(kind: str, record: dict[str, Any]) -> None:
    missing = CONTRACT[kind] - set(record)
    assert not missing, f"{kind} lacks {missing}"


def test_the_json_document_has_every_field_of_the_contract(corpus: Store, tmp_path: Path) -> None:
    assert export(corpus, "json", str(tmp_path / "out" / "corpus.json")) == [
        str(tmp_path / "out" / "corpus.json")
    ]
    doc = json.loads((tmp_path / "out" / "corpus.json").read_text(encoding="utf-8"))
    assert set(TABLES) <= set(doc) and doc["storyline_version"]
    assert [len(doc[t]) for t in TABLES] == [2, 1, 1, 1, 1]
    for art in doc["articles"]:
        _fields("articles", art)
        _fields("source", art["source"])
        for kind, key in (
            ("removed", "removed"),
            ("mentions", "entities"),
            ("timexes", "timexes"),
            ("quotes", "quotes"),
            ("claims", "claims"),
        ):
            assert art[key], key
            for item in art[key]:
                _fields(kind, item)
                if "start" in item:  # offsets into the clean text
                    assert art["text"][item["start"] : item["end"]] == item["text"]
    for table in ("entities", "events", "stories", "duplicates"):
        _fields(table, doc[table][0])
    (s1,) = doc["stories"]
    _fields("timeline", s1["timeline"][0])
    _fields("summary", s1["summary"][0])
    _fields("citations", s1["timeline"][0]["citations"][0])
    a1 = doc["articles"][0]
    assert a1["source"] == {"path": "a1.txt", "url": "https://news.example/a1", "part": 0, "record": 3}
    assert (a1["published"], a1["published_basis"], a1["language"]) == ("2023-01-03", "stated", "en")
    assert [m["entity_id"] for m in a1["entities"]] == ["E1", None]  # the corpus entity of its chain
    assert a1["quotes"][0]["speaker_entity_id"] == "E1" and a1["claims"][0]["source_entity_id"] == "E1"
    assert (a1["claims"][0]["value"], a1["claims"][0]["unit"]) == (12.0, "ferries")
    assert a1["removed"] == [{"text": "Share this:", "reason": "share widget", "stage": "clean"}]
    assert "raw" not in a1 and "hints" not in a1  # what the store keeps beside it stays there
    assert doc["entities"][0] == {
        **doc["entities"][0],
        "id": "E1",
        "aliases": ["Ilse Varga", "Varga"],
        "articles": 2,
    }
    assert doc["events"][0]["article_ids"] == ["a1", "a2"] and doc["events"][0]["summary"][0][
        "citations"
    ] == [CITE]
    assert (s1["event_ids"], s1["timeline"][0]["kind"]) == (["V1"], "planned")
    assert doc["duplicates"] == [
        {**doc["duplicates"][0], "article_id": "a2", "duplicate_of": "a1", "similarity": 0.97}
    ]


def test_folders_hold_one_table_per_key_with_the_same_records(corpus: Store, tmp_path: Path) -> None:
    export(corpus, "json", str(tmp_path / "corpus.json"))
    doc = json.loads((tmp_path / "corpus.json").read_text(encoding="utf-8"))
    written = export(corpus, "jsonl", str(tmp_path / "jsonl"))
    assert written == [str(tmp_path / "jsonl" / f"{t}.jsonl") for t in TABLES]
    for t in TABLES:
        lines = (tmp_path / "jsonl" / f"{t}.jsonl").read_text(encoding="utf-8").splitlines()
        assert [json.loads(line) for line in lines] == doc[t]
    export(corpus, "csv", str(tmp_path / "csv"))
    with (tmp_path / "csv" / "articles.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == ["a1", "a2"] and rows[0]["source_path"] == "a1.txt"
    assert json.loads(rows[0]["entities"]) == doc["articles"][0]["entities"]  # nested: JSON text
    assert rows[0]["text"] == TEXT
    export(corpus, "parquet", str(tmp_path / "parquet"))
    tables = {t: pq.read_table(tmp_path / "parquet" / f"{t}.parquet").to_pylist() for t in TABLES}
    assert [len(tables[t]) for t in TABLES] == [2, 1, 1, 1, 1]
    a1 = tables["articles"][0]
    assert a1["source"]["path"] == "a1.txt" and a1["removed"] == doc["articles"][0]["removed"]
    assert json.loads(a1["quotes"]) == doc["articles"][0]["quotes"]
    assert json.loads(tables["stories"][0]["timeline"]) == doc["stories"][0]["timeline"]


def test_an_empty_corpus_exports_empty_tables(store: Store, tmp_path: Path) -> None:
    export(store, "json", str(tmp_path / "c.json"))
    doc = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert all(doc[t] == [] for t in TABLES)
    export(store, "csv", str(tmp_path / "csv"))
    assert (tmp_path / "csv" / "events.csv").read_text() == ""
    export(store, "parquet", str(tmp_path / "pq"))
    assert pq.read_table(tmp_path / "pq" / "stories.parquet").num_rows == 0


def test_stdout_takes_json_and_jsonl_and_a_wrong_format_is_refused(
    corpus: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(corpus, "json", "-") == ["-"]
    doc = json.loads(capsys.readouterr().out)
    assert export(corpus, "jsonl", None) == ["-"]
    lines = [json.loads(line) for line in io.StringIO(capsys.readouterr().out)]
    assert [r["table"] for r in lines] == [
        "articles",
        "articles",
        "entities",
        "events",
        "stories",
        "duplicates",
    ]
    assert {k: v for k, v in lines[2].items() if k != "table"} == doc["entities"][0]
    with pytest.raises(ValueError, match="writes a folder"):
        export(corpus, "csv", "-")
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        export(corpus, "xml", str(tmp_path / "x"))
    assert not (tmp_path / "x").exists()


def test_a_stored_record_gives_the_article_back(store: Store) -> None:
    art = _article("a1", "2023-01-03", skipped={"read": "no reader for la"})
    record = json.loads(json.dumps(article_record(art, stored=True)))
    assert article_from_record(record) == art
    assert (record["raw"], record["hints"], record["stages"]) == (art.raw, art.hints, art.stages)
    assert {"raw", "hints", "stages"}.isdisjoint(article_record(art))
    store.articles.write_batch([article_from_record(record)], [], None)
    assert store.articles.get("a1") == art  # as the store takes it and gives it back
    minimal = article_from_record({"id": "m1", "source": {}})
    assert (minimal.source, minimal.text, minimal.format, minimal.entities) == (Source(), "", "text", [])


def test_parquet_takes_a_corpus_no_stage_passed_by(store: Store, tmp_path: Path) -> None:
    """Every article read by every stage: ``skipped`` is empty throughout (a free-form map,
    written as JSON text like the annotation lists)."""
    store.articles.write_batch([_article("a1", "2023-01-03"), _article("a2")], [], None)
    export(store, "parquet", str(tmp_path / "pq"))
    rows = pq.read_table(tmp_path / "pq" / "articles.parquet").to_pylist()
    assert [json.loads(r["skipped"]) for r in rows] == [{}, {}]


def test_folders_take_stories_and_events_analysed_or_not(corpus: Store, tmp_path: Path) -> None:
    """A run stopped after linking leaves some records without their analyses: the first record
    of a table need not hold every column."""
    corpus.links.save(
        linked(
            full=False,
            events=[event("V0", ["a2"], "2022-12-30")],  # listed first, not analysed yet
            stories=[story("S0", ["V0"], ["a2"], first_date="2022-12-30", last_date="2022-12-30")],
        )
    )
    export(corpus, "csv", str(tmp_path / "csv"))
    with (tmp_path / "csv" / "stories.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == ["S0", "S1"] and rows[0]["timeline"] == "[]"  # the contract's field
    assert json.loads(rows[1]["timeline"])[0]["kind"] == "planned"
    export(corpus, "parquet", str(tmp_path / "pq"))
    events = pq.read_table(tmp_path / "pq" / "events.parquet").to_pylist()
    assert [e["id"] for e in events] == ["V0", "V1"] and events[0]["summary"] == "[]"
    export(corpus, "json", str(tmp_path / "c.json"))
    doc = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    s0 = next(s for s in doc["stories"] if s["id"] == "S0")
    assert (s0["timeline"], s0["summary"]) == ([], [])  # every field the contract lists is there
    assert json.loads(events[1]["summary"])[0]["citations"] == [CITE]


def test_a_record_gives_its_article_without_corpus_entity_ids(corpus: Store, tmp_path: Path) -> None:
    """A record of a linked article names the corpus entities of its mentions, speakers and
    claim sources; the article it gives back names none (linking gives them again)."""
    record = json.loads(json.dumps(article_record(corpus.articles.get("a1"), stored=True)))
    assert record["quotes"][0]["speaker_entity_id"] == "E1"
    art = article_from_record(record)
    assert [m.entity_id for m in art.entities] == [None, None]
    assert [q.speaker_entity_id for q in art.quotes] == [None]
    assert [c.source_entity_id for c in art.claims] == [None]
    with Store(tmp_path / "fresh.db") as fresh:  # a corpus with no entities of its own yet
        fresh.articles.write_batch([art], [], None)
        assert fresh.articles.get("a1") == art


COMPARISON = {
    "comparison": {"outlets", "unknown", "shared", "conflicts"},
    "side": {"outlet", "article_ids", "headline", "first_seen", "voices", "terms", "only_here"},
    "voice": {"speaker", "entity_id", "quotes", "citations"},
    "only_here": {"text", "kind", "citations"},
    "shared": {"text", "outlets", "citations"},
    "disagreement": {"quantity", "values"},
    "value": {"value", "text", "outlet", "citations"},
}
"""The fields of ``events[].comparison`` in the export contract."""


def test_events_carry_their_comparison_as_the_contract_says(demo_db: Path, tmp_path: Path) -> None:
    """On the demo corpus: an event of two known outlets or more has its outlets side by side
    (the unknown outlet apart, never a side), an event of one has ``null``; every citation
    points into its article's clean text."""
    with Store(demo_db, readonly=True) as store:
        export(store, "json", str(tmp_path / "demo.json"))
    doc = json.loads((tmp_path / "demo.json").read_text(encoding="utf-8"))
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    outlet = {a["id"]: a["outlet"] for a in doc["articles"]}

    def cited(citations: list[dict[str, Any]]) -> None:
        assert citations
        for c in citations:
            assert {"article_id", "start", "end"} <= set(c) and texts[c["article_id"]][c["start"] : c["end"]]

    compared = 0
    for ev in doc["events"]:
        known = {outlet[a] for a in ev["article_ids"] if outlet[a]}
        c = ev.get("comparison")
        if len(known) < 2:
            assert c is None
            continue
        compared += 1
        assert COMPARISON["comparison"] <= set(c)
        assert {s["outlet"] for s in c["outlets"]} == known
        assert c["unknown"] == {"article_ids": [a for a in ev["article_ids"] if not outlet[a]]}
        for side in c["outlets"]:
            assert COMPARISON["side"] <= set(side) and {outlet[a] for a in side["article_ids"]} == {
                side["outlet"]
            }
            for v in side["voices"]:
                assert COMPARISON["voice"] <= set(v) and v["quotes"] == len(v["citations"])
                cited(v["citations"])
            for x in side["only_here"]:
                assert COMPARISON["only_here"] <= set(x) and x["kind"] in (
                    "fact",
                    "quote",
                    "number",
                    "context",
                )
                cited(x["citations"])
        for s in c["shared"]:
            assert COMPARISON["shared"] <= set(s) and len(s["outlets"]) >= 2
            cited(s["citations"])
        for d in c["conflicts"]:
            assert COMPARISON["disagreement"] <= set(d) and len({v["value"] for v in d["values"]}) >= 2
            for v in d["values"]:
                assert COMPARISON["value"] <= set(v)
                cited(v["citations"])
    assert compared >= 5
