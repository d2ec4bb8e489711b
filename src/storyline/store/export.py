"""Corpus export in the shape of the JSON export contract (``design/export-contract.md``).

``json`` writes one document; ``jsonl``, ``csv`` and ``parquet`` write one table per
top-level key into a folder. Fields are only ever added, never renamed.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any, TypedDict

from storyline import __version__
from storyline.model import Article
from storyline.store import Store
from storyline.store.records import plain

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


def article_record(art: Article) -> ArticleRecord:
    """One article as the contract describes it (plus added fields)."""
    return {
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


def iter_tables(store: Store) -> dict[str, Iterator[Mapping[str, Any]]]:
    """Each top-level table of the export as a stream of records."""
    return {
        "articles": (article_record(a) for a in store.articles.each()),
        "entities": (plain(e) for e in store.views.entities()),
        "events": ({**plain(e), **views} for e, views in store.views.events()),
        "stories": ({**plain(s), **views} for s, views in store.views.stories()),
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


def _write_csv(records: list[Mapping[str, Any]], path: Path) -> None:
    rows = [_flat(r) for r in records]
    with path.open("w", encoding="utf-8", newline="") as fh:
        if not rows:
            return
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _write_parquet(records: list[Mapping[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # Nested lists whose element type is not yet fixed (empty annotations) go as JSON text.
    rows = [
        {
            k: (json.dumps(v, ensure_ascii=False) if isinstance(v, list) and k != "removed" else v)
            for k, v in r.items()
        }
        for r in records
    ]
    table = pa.Table.from_pylist(rows) if rows else pa.table({})
    pq.write_table(table, path)
