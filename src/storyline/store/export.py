"""Corpus export in the shape of the JSON export contract (``design/export-contract.md``).

``json`` writes one document; ``jsonl``, ``csv`` and ``parquet`` write one table per
top-level key into a folder. Fields are only ever added, never renamed.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import IO, Any, NotRequired, TypedDict

from storyline import __version__
from storyline.model import Article, Claim, Mention, Quote, Removed, Source, Timex
from storyline.store import Store
from storyline.store.records import plain, typed

FORMATS = ("json", "jsonl", "csv", "parquet")
TABLES = ("articles", "entities", "events", "stories", "duplicates")


class SourceRecord(TypedDict):
    """Where an article came from, as the contract writes it."""

    path: str | None
    url: str | None
    part: int
    record: int | None


class RemovedRecord(TypedDict):
    text: str
    reason: str
    stage: str


class ArticleRecord(TypedDict):
    """One article as the contract describes it (plus added fields); its annotations are the
    model's records as plain data (``store.records.plain``)."""

    id: str
    source: SourceRecord
    outlet: str | None
    headline: str | None
    published: str | None
    published_basis: str | None
    published_source: str | None
    language: str | None
    text: str
    removed: list[RemovedRecord]
    entities: list[dict[str, Any]]
    timexes: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    dek: str | None
    byline: str | None
    credits: list[str]
    outlet_basis: str | None
    format: str
    content_hash: str
    skipped: dict[str, str]
    stages: NotRequired[list[str]]  # with ``stored``: what the store keeps beside it too
    raw: NotRequired[str]
    hints: NotRequired[dict[str, Any]]


def article_record(art: Article, stored: bool = False) -> ArticleRecord:
    """One article as the contract describes it (plus added fields). ``stored``: with what the
    store keeps beside it too (the stages it went through, its raw input and hints), so that
    ``article_from_record`` gives the article back: a batch output's record, loaded later."""
    record: ArticleRecord = {
        "id": art.id,
        "source": {
            "path": art.source.path,
            "url": art.source.url,
            "part": art.source.part,
            "record": art.source.record,
        },
        "outlet": art.outlet,
        "headline": art.headline,
        "published": art.published,
        "published_basis": art.published_basis,
        "published_source": art.published_source,
        "language": art.language,
        "text": art.text,
        "removed": [{"text": r.text, "reason": r.reason, "stage": r.stage} for r in art.removed],
        "entities": [plain(e) for e in art.entities],
        "timexes": [plain(t) for t in art.timexes],
        "quotes": [plain(q) for q in art.quotes],
        "claims": [plain(c) for c in art.claims],
        "dek": art.dek,
        "byline": art.byline,
        "credits": art.credits,
        "outlet_basis": art.outlet_basis,
        "format": art.format,
        "content_hash": art.content_hash,
        "skipped": art.skipped,
    }
    if stored:
        record["stages"], record["raw"], record["hints"] = art.stages, art.raw, art.hints
    return record


def article_from_record(record: dict[str, Any]) -> Article:
    """The article an ``article_record(art, stored=True)`` describes, as the store takes it:
    the corpus entity ids the record adds are left out (linking gives them again)."""
    src = record["source"]
    return Article(
        id=record["id"],
        source=Source(
            path=src.get("path"), url=src.get("url"), part=src.get("part") or 0, record=src.get("record")
        ),
        raw=record.get("raw") or "",
        format=record.get("format") or "text",
        content_hash=record.get("content_hash") or "",
        text=record.get("text") or "",
        removed=[Removed(**r) for r in record.get("removed", [])],
        headline=record.get("headline"),
        dek=record.get("dek"),
        published=record.get("published"),
        published_basis=record.get("published_basis"),
        published_source=record.get("published_source"),
        outlet=record.get("outlet"),
        outlet_basis=record.get("outlet_basis"),
        byline=record.get("byline"),
        credits=list(record.get("credits") or []),
        language=record.get("language"),
        hints=dict(record.get("hints") or {}),
        entities=[replace(typed(Mention, e), entity_id=None) for e in record.get("entities", [])],
        timexes=[typed(Timex, t) for t in record.get("timexes", [])],
        quotes=[replace(typed(Quote, q), speaker_entity_id=None) for q in record.get("quotes", [])],
        claims=[replace(typed(Claim, c), source_entity_id=None) for c in record.get("claims", [])],
        stages=list(record.get("stages", [])),
        skipped=dict(record.get("skipped") or {}),
    )


def iter_tables(store: Store) -> dict[str, Iterator[Mapping[str, Any]]]:
    """Each top-level table of the export as a stream of records."""
    return {
        "articles": (article_record(a) for a in store.articles.each()),
        "entities": (plain(e) for e in store.views.entities()),
        # the contract's fields are there even before a story's or event's analyses are
        "events": ({**plain(e), "summary": [], **views} for e, views in store.views.events()),
        "stories": (
            {**plain(s), "timeline": [], "summary": [], **views} for s, views in store.views.stories()
        ),
        "duplicates": (plain(d) for d in store.views.duplicates()),
    }


def export(store: Store, fmt: str, output: str | None) -> list[str]:
    """Write the corpus in ``fmt`` to ``output`` (a file for json, a folder otherwise).

    Returns the paths written. ``output`` of None or ``-`` writes json/jsonl to stdout.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    tables = iter_tables(store)
    to_stdout = output in (None, "-")
    if fmt == "json":
        if to_stdout:
            _write_json(tables, sys.stdout)
            return ["-"]
        assert output is not None
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            _write_json(tables, fh)
        tmp.replace(path)
        return [str(path)]
    if to_stdout:
        if fmt != "jsonl":
            raise ValueError(f"--format {fmt} writes a folder; give --output DIR")
        for name, records in tables.items():
            for rec in records:
                sys.stdout.write(json.dumps({"table": name, **rec}, ensure_ascii=False) + "\n")
        return ["-"]
    assert output is not None
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, records in tables.items():
        path = folder / f"{name}.{fmt}"
        tmp = path.with_name(path.name + ".tmp")
        if fmt == "jsonl":
            with tmp.open("w", encoding="utf-8") as fh:
                for rec in records:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            _write_csv(list(records), tmp)
        else:
            _write_parquet(list(records), tmp)
        tmp.replace(path)
        written.append(str(path))
    return written


def _write_json(tables: dict[str, Iterator[Mapping[str, Any]]], fh: IO[str]) -> None:
    """Stream the document so a large corpus never sits in memory twice."""
    fh.write('{"storyline_version": ' + json.dumps(__version__))
    for name, records in tables.items():
        fh.write(f', "{name}": [')
        for i, rec in enumerate(records):
            fh.write(("," if i else "") + "\n  " + json.dumps(rec, ensure_ascii=False))
        fh.write("]")
    fh.write("}\n")


def _flat(rec: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in rec.items():
        if key == "source" and isinstance(value, dict):
            for k, v in value.items():
                out[f"source_{k}"] = v
        elif isinstance(value, list | dict):
            out[key] = json.dumps(value, ensure_ascii=False)
        else:
            out[key] = value
    return out


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    """Every key of the rows, in the order first seen: a story or event not analysed yet has
    none of its analyses' keys, so the first row need not hold them all."""
    return list(dict.fromkeys(k for r in rows for k in r))


def _write_csv(records: list[Mapping[str, Any]], path: Path) -> None:
    rows = [_flat(r) for r in records]
    with path.open("w", encoding="utf-8", newline="") as fh:
        if not rows:
            return
        writer = csv.DictWriter(fh, fieldnames=_columns(rows))
        writer.writeheader()
        writer.writerows(rows)


def _write_parquet(records: list[Mapping[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # Nested lists whose element type is not yet fixed (empty annotations) go as JSON text, and
    # so do maps keyed by data (``skipped``: stage → reason, a story's coverage by outlet):
    # as Parquet structs they would take a column per key, and none when every map is empty.
    def cell(k: str, v: Any) -> Any:
        nested = (isinstance(v, list) and k != "removed") or (isinstance(v, dict) and k != "source")
        return json.dumps(v, ensure_ascii=False) if nested else v

    rows = [{k: cell(k, v) for k, v in r.items()} for r in records]
    names = _columns(rows)  # the columns of all rows (from_pylist takes the first row's)
    table = pa.Table.from_pylist([{k: r.get(k) for k in names} for r in rows]) if rows else pa.table({})
    pq.write_table(table, path)
