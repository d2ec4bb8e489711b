"""The batch path on a real dask.distributed LocalCluster (two worker processes): equal to
the embedded path on the demo corpus, resumable, and nothing lost or doubled when a worker
is killed mid-run. Every test works on the run's cluster (``dask_cluster``): a worker killed
is started again by its nanny."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow.parquet as pq
import pytest

from storyline.pipeline import PipelineOptions
from storyline.run.batch import TABLES, load, run, schema
from storyline.store import Store
from storyline.store.records import plain
from tests.conftest import DEMO, agency_page

if TYPE_CHECKING:
    from dask.distributed import LocalCluster

SMALL = 12_000  # bytes per partition: the demo corpus becomes several partitions


def _snapshot(db: Path) -> dict[str, Any]:
    with Store(db) as store:
        arts = {
            a.id: (a.text, a.headline, a.published, a.published_basis, a.outlet, a.byline,
                   len(a.removed), json.dumps([[plain(n) for n in notes] for notes in
                                               (a.entities, a.timexes, a.quotes, a.claims)], sort_keys=True))
            for a in store.articles.each()
        }  # fmt: skip
        events = sorted(sorted(e.article_ids) for e, _ in store.views.events())
        stories = sorted(sorted(s.article_ids) for s, _ in store.views.stories())
        copies = sorted((d.article_id, d.duplicate_of) for d in store.views.duplicates())
        entities = sorted((e.name, e.label, tuple(sorted(e.aliases))) for e in store.views.entities())
        timeline = sorted(
            (e["date"], e["kind"], e["text"], e["support"])
            for _, views in store.views.stories()
            for e in views.get("timeline", [])
        )
    return {"articles": arts, "events": events, "stories": stories, "copies": copies,
            "entities": entities, "timeline": timeline}  # fmt: skip


def _links(out: Path) -> dict[str, Any]:
    """The link tables a batch wrote, in the snapshot's terms."""

    def rows(table: str) -> list[dict[str, Any]]:
        return pq.read_table(out / table).to_pylist()

    return {
        "events": sorted(sorted(json.loads(e["article_ids"])) for e in rows("events")),
        "stories": sorted(sorted(json.loads(s["article_ids"])) for s in rows("stories")),
        "copies": sorted((d["article_id"], d["duplicate_of"]) for d in rows("duplicates")),
        "entities": sorted((e["name"], e["label"], tuple(sorted(json.loads(e["aliases"]))))
                           for e in rows("entities")),
        "timeline": sorted((e["date"], e["kind"], e["text"], e["support"])
                           for e in rows("timeline_entries")),
    }  # fmt: skip


@pytest.fixture(scope="module")
def embedded(demo_db: Path) -> dict[str, Any]:
    """The demo corpus as the embedded path ingests and links it."""
    return _snapshot(demo_db)


def test_batch_equals_the_embedded_path(
    embedded: dict[str, Any], dask_cluster: LocalCluster, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    seen: list[tuple[str, int, int]] = []
    report = run([str(DEMO / "corpus")], out, scheduler=dask_cluster.scheduler_address, partition_bytes=SMALL,
                 link_chunk=4, progress=lambda *a: seen.append(a))  # fmt: skip
    assert report.partitions >= 3 and report.articles == len(embedded["articles"])
    assert any(stage == "reading partitions" for stage, *_ in seen)
    for table in ("articles", "mentions", "timexes", "quotes", "claims", "events", "stories",
                  "duplicates", "entities", "timeline_entries"):  # fmt: skip
        assert list((out / table).glob("part-*.parquet")), table
    for table in TABLES:  # one schema for every partition: the folder reads as one dataset
        for part in (out / table).glob("part-*.parquet"):
            assert pq.read_schema(part).equals(schema(table)), (table, part.name)
        pq.read_table(out / table)
    ids = pq.read_table(out / "articles").column("id").to_pylist()
    assert len(ids) == len(set(ids)) == len(embedded["articles"])
    # the links computed on the cluster equal the embedded path's
    assert report.link_tasks > 0
    # small tasks: several windows, components, buckets and pair chunks to stitch
    totals = {stage: total for stage, _, total in seen}
    assert totals["linking: window edges"] >= 5 and totals["linking: bucket pairs"] >= 5
    assert totals["linking: component labels"] >= 2
    linked = ("events", "stories", "copies", "entities", "timeline")
    assert _links(out) == {k: embedded[k] for k in linked} and embedded["timeline"]
    # into a new database: the batch's linked store, copied
    db = tmp_path / "loaded.db"
    assert load(out, db) == {
        "articles": len(embedded["articles"]),
        "rejects": report.rejects,
        "copied": 1,
    }
    assert _snapshot(db) == embedded
    with Store(db) as store:  # every view computed on the cluster: browsing starts at once
        assert not store.views.stale("story") and not store.views.stale("event")
    # links that did not see every partition are stale: imported and linked again
    stamp = json.loads((out / "_link.json").read_text())
    (out / "_link.json").write_text(json.dumps({**stamp, "partitions": stamp["partitions"][1:]}))
    again = tmp_path / "relinked.db"
    assert load(out, again)["copied"] == 0
    assert _snapshot(again) == embedded


def test_rerun_skips_finished_partitions_and_redoes_a_lost_one(
    dask_cluster: LocalCluster, tmp_path: Path
) -> None:
    out, address = tmp_path / "out", dask_cluster.scheduler_address
    first = run([str(DEMO / "corpus")], out, scheduler=address, partition_bytes=SMALL, link=False)
    before = pq.read_table(out / "articles").column("id").to_pylist()
    lost = sorted((out / "_done").glob("part-*.json"))[1]
    lost.unlink()  # as if the run died before that partition finished
    (out / "articles" / (lost.stem + ".parquet")).unlink()
    again = run([str(DEMO / "corpus")], out, scheduler=address, partition_bytes=SMALL, link=False)
    assert again.skipped == first.partitions - 1
    after = pq.read_table(out / "articles").column("id").to_pylist()
    assert sorted(after) == sorted(before)


def test_a_killed_worker_loses_and_doubles_nothing(dask_cluster: LocalCluster, tmp_path: Path) -> None:
    out, cluster = tmp_path / "out", dask_cluster
    killed: list[int] = []
    over = threading.Event()  # the run is over: no kill after it (the cluster outlives the test)

    def kill_one_when_work_starts() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not killed and not over.is_set():
            if (out / "_done").is_dir() and any((out / "_done").iterdir()):
                nanny = next(iter(cluster.workers.values()))
                pid = nanny.process.process.pid  # the worker process under its nanny
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            time.sleep(0.05)

    thread = threading.Thread(target=kill_one_when_work_starts, daemon=True)
    thread.start()
    try:
        report = run([str(DEMO / "corpus")], out, scheduler=cluster.scheduler_address,
                     partition_bytes=SMALL // 2, link=False)  # fmt: skip
    finally:
        over.set()
        thread.join(timeout=5)
    assert killed, "the worker was never killed: the test proved nothing"
    manifests = sorted((out / "_done").glob("part-*.json"))
    assert len(manifests) == report.partitions
    ids = pq.read_table(out / "articles").column("id").to_pylist()
    assert len(ids) == len(set(ids)) == 36  # every demo article, once
    assert not list(out.rglob("*.tmp"))


def test_a_worker_killed_while_linking_changes_no_link(
    embedded: dict[str, Any], dask_cluster: LocalCluster, tmp_path: Path
) -> None:
    out, cluster = tmp_path / "out", dask_cluster
    run([str(DEMO / "corpus")], out, scheduler=cluster.scheduler_address, partition_bytes=SMALL, link=False)
    killed: list[str] = []

    def kill_one_in_the_first_big_map(stage: str, done: int, total: int) -> None:
        if not killed and stage.startswith("linking:") and total >= 5 and done == 1:
            nanny = next(iter(cluster.workers.values()))
            os.kill(nanny.process.process.pid, signal.SIGKILL)
            killed.append(stage)

    # reading is finished: this run only links, the tasks small so there are many
    report = run([str(DEMO / "corpus")], out, scheduler=cluster.scheduler_address,
                 partition_bytes=SMALL, link_chunk=4, progress=kill_one_in_the_first_big_map)  # fmt: skip
    assert killed, "no worker was killed while linking: the test proved nothing"
    assert report.skipped == report.partitions and report.link_redone > 0
    linked = ("events", "stories", "copies", "entities", "timeline")
    assert _links(out) == {k: embedded[k] for k in linked}


def test_an_agency_page_whose_json_ld_has_escaped_quotes_is_read_in_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "agency.html").write_text(agency_page())
    report = run([str(folder)], tmp_path / "out", workers=1, options=PipelineOptions(until="describe"))
    assert (report.articles, report.rejects, report.link) == (1, 0, None)  # until describe: no linking
    (record,) = pq.read_table(tmp_path / "out" / "articles").column("record").to_pylist()
    assert json.loads(record)["outlet"] == 'Агентство "Полтава-Інфо"'
