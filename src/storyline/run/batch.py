"""Scale-out: the per-article stages on a dask.distributed cluster, partition by partition,
into partitioned Parquet tables; `storyline load` brings them into the embedded store.

The inputs, the two passes and the options are the embedded ingest's (``storyline.run.passes``),
so `storyline batch` takes the options of `storyline ingest` and gives the same articles:
pass 1 counts, per partition, the inputs each line key appears in (summed on the client);
pass 2 cleans, describes and reads each partition with those counts and writes its tables,
an article's record in the shape of the export (``store.export.article_record``).
Each partition's files are written under temporary names and renamed, then a manifest marks
the partition done, so a rerun skips finished partitions (resume after a crash or a lost
worker) and never sees half a partition. Linking is corpus-wide: the linker's heavy work is
cut into tasks that run on the cluster (name blocks for entity resolution, LSH band buckets
after a shuffle for near-duplicates, time windows with overlap for event similarities, then
the similarity graph's components for clustering; see ``storyline.link.tasks``); what joins
their results runs on the client, over a store of the output, and writes the link tables.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.inputs.readers import InputItem
from storyline.link import LinkOptions, LinkReport
from storyline.link.tasks import Tasks
from storyline.model import Article, Reject, Source
from storyline.pipeline import PipelineOptions, split_rejected
from storyline.run.passes import expand, first_pass, read_group, second_pass
from storyline.store.export import article_from_record, article_record
from storyline.store.records import plain

TABLES = ("articles", "mentions", "timexes", "quotes", "claims", "rejects")
NOTE_TABLES = {"mentions": "entities", "timexes": "timexes", "quotes": "quotes", "claims": "claims"}


@dataclass
class BatchReport:
    partitions: int = 0
    skipped: int = 0  # finished by an earlier run
    articles: int = 0  # rows written: one per article read, so an article in two inputs twice
    distinct: int = 0  # distinct article ids among them
    rejects: int = 0
    words: int = 0
    # wall clock: "count" (line counts), "stages" (from the start to the end of the per-article
    # stages, the counts included), "link" (linking alone)
    seconds: dict[str, float] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)  # worker time, by stage
    link: LinkReport | None = None  # what linking found, with its time per part
    link_tasks: int = 0  # linking tasks that ran on the cluster
    link_redone: int = 0  # of those, tasks whose worker was lost, redone on the client


def plan(inputs: list[str], target_bytes: int = 32 * 1024 * 1024, workers: int = 1) -> list[list[InputItem]]:
    """Input files grouped into partitions of about ``target_bytes`` (a big file is one),
    smaller when the input is small, so that every worker gets several partitions. A name
    that matches nothing is an error before any work starts."""
    found = expand(inputs)
    if found.rejects:
        first = found.rejects[0]
        raise ValueError(f"{first.source.path}: {first.reason}")
    sizes = [(item, _size(item)) for item in found.items]
    # about eight partitions per worker at least: the last ones to finish keep few idle
    target = min(target_bytes, max(64 * 1024, sum(n for _, n in sizes) // max(8 * workers, 1)))
    parts: list[list[InputItem]] = []
    size = target
    for item, n in sizes:
        if size + n > target and (not parts or parts[-1]):
            parts.append([])
            size = 0
        parts[-1].append(item)
        size += n
    return [p for p in parts if p]


def _size(item: InputItem) -> int:
    if item.size is not None:
        return item.size
    if item.data is not None:
        return len(item.data)
    try:
        return item.path.stat().st_size if item.path is not None else 0
    except OSError:  # gone since it was listed: reading it will say so
        return 0


def count_lines(items: list[InputItem], options: PipelineOptions | None = None) -> Counter[int]:
    """Pass 1 for one partition: line key hash → inputs it appears in."""
    options = options or PipelineOptions()
    articles, _ = read_group(items, options.max_bytes)
    _, lines = first_pass(articles, options)
    counts: Counter[int] = Counter()
    for keys in lines.values():
        counts.update(keys)
    return counts


def schema(table: str) -> Any:
    """The Arrow schema of a per-article table: fixed, so every partition (even an empty one,
    or one whose values are all missing) has the same columns and types, and the folder reads
    as one dataset (pyarrow, DuckDB, Spark)."""
    import pyarrow as pa

    text, number = pa.string(), pa.int64()
    if table == "articles":
        names = ["id", "published", "published_basis", "outlet", "headline", "language", "path"]
        return pa.schema([(n, text) for n in names] + [("part", number), ("text", text), ("record", text)])
    if table == "rejects":
        return pa.schema(
            [
                ("path", text),
                ("part", number),
                ("record", number),
                ("stage", text),
                ("reason", text),
                ("detail", text),
            ]
        )
    return pa.schema(
        [
            ("article_id", text),
            ("seq", number),
            ("start", number),
            ("end", number),
            ("text", text),
            ("data", text),
        ]
    )


def process(
    k: int,
    items: list[InputItem],
    repeated: dict[int, int],
    output: str,
    options: PipelineOptions | None = None,
) -> dict[str, Any]:
    """Pass 2 for one partition: every per-article stage, then its Parquet tables, written
    atomically; returns its counts. Lines seen once are left out of ``repeated``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    options = options or PipelineOptions()
    clock = time.perf_counter()
    raw, rejects = read_group(items, options.max_bytes)
    seconds = {"ingest": time.perf_counter() - clock}
    extracted, _ = first_pass(raw, options, seconds)
    articles = second_pass(extracted, repeated, options, seconds)
    clock = time.perf_counter()
    good, rejected = split_rejected(articles)
    rejects.extend(rejected)
    rows = _rows(good, rejects)
    out = Path(output)
    name = f"part-{k:05d}.parquet"
    for table, records in rows.items():
        (out / table).mkdir(parents=True, exist_ok=True)
        tmp = out / table / f".{name}.{os.getpid()}.tmp"
        pq.write_table(pa.Table.from_pylist(records, schema=schema(table)), tmp)
        os.replace(tmp, out / table / name)
    seconds["write"] = time.perf_counter() - clock
    summary = {
        "partition": k,
        "articles": len(good),
        "rejects": len(rejects),
        "files": len(items),
        "words": sum(len(a.text.split()) for a in good),
        "seconds": {name: round(v, 3) for name, v in seconds.items()},
    }
    done = out / "_done" / f"part-{k:05d}.json"
    done.parent.mkdir(exist_ok=True)
    tmp = done.with_suffix(".tmp")
    tmp.write_text(json.dumps({**summary, "inputs": [item.name for item in items]}))
    os.replace(tmp, done)
    return summary


def _rows(good: list[Article], rejects: list[Reject]) -> dict[str, list[dict[str, Any]]]:
    """A partition's rows, table by table: an article's row holds its record in the shape
    of the export (``article_record``, with what the store keeps beside it), which ``load``
    turns back into the article."""
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for a in good:
        rows["articles"].append(
            {
                "id": a.id,
                "published": a.published,
                "published_basis": a.published_basis,
                "outlet": a.outlet,
                "headline": a.headline,
                "language": a.language,
                "path": a.source.path,
                "part": a.source.part,
                "text": a.text,
                "record": json.dumps(article_record(a, stored=True), ensure_ascii=False, default=str),
            }
        )
        for table, kind in NOTE_TABLES.items():
            for seq, note in enumerate(getattr(a, kind)):
                rows[table].append(
                    {
                        "article_id": a.id,
                        "seq": seq,
                        "start": note.start,
                        "end": note.end,
                        "text": note.text,
                        "data": json.dumps(plain(note), ensure_ascii=False),
                    }
                )
    for r in rejects:
        rows["rejects"].append(
            {
                "path": r.source.path,
                "part": r.source.part,
                "record": r.source.record,
                "stage": r.stage,
                "reason": r.reason,
                "detail": r.detail,
            }
        )
    return rows


def _sweep_partials(out: Path) -> None:
    """Every partition is done: a half-written file left behind is a worker killed while it
    wrote (its partition was redone on another worker), so it goes."""
    for tmp in out.glob("*/.part-*.tmp"):
        tmp.unlink(missing_ok=True)
    for tmp in (out / "_done").glob("*.tmp"):
        tmp.unlink(missing_ok=True)


def run(
    inputs: list[str],
    output: str | Path,
    workers: int = 2,
    scheduler: str | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    link: bool = True,
    partition_bytes: int = 32 * 1024 * 1024,
    link_chunk: int | None = None,
    options: PipelineOptions | None = None,
) -> BatchReport:
    """Run the per-article stages on a cluster (a LocalCluster of ``workers`` processes, or
    the one at ``scheduler``) into ``output``, with the ingest's ``options`` (its last stage,
    model and limits; sent to every worker); then link, unless ``until`` stops before, the
    heavy tasks on the cluster (``link_chunk`` articles per task; None: the linker's defaults)."""
    from dask.distributed import Client, LocalCluster, as_completed

    options = options or PipelineOptions()
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    report = BatchReport()
    clock = time.perf_counter()
    parts = plan(inputs, partition_bytes, workers)
    report.partitions = len(parts)
    todo = [k for k in range(len(parts)) if not (out / "_done" / f"part-{k:05d}.json").exists()]
    report.skipped = len(parts) - len(todo)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        if todo:
            counts: Counter[int] = Counter()
            futures = client.map(count_lines, parts, options=options, pure=False)
            for n, fut in enumerate(as_completed(futures), start=1):
                counts.update(fut.result())
                if progress:
                    progress("counting lines", n, len(futures))
            # one object on every worker (a dict given to scatter would become a future per key)
            [repeated] = client.scatter([{h: c for h, c in counts.items() if c > 1}], broadcast=True)
            report.seconds["count"] = round(time.perf_counter() - clock, 2)
            jobs = [
                client.submit(process, k, parts[k], repeated, str(out), options, pure=False, retries=2)
                for k in todo
            ]
            if progress:
                progress("reading partitions", 0, len(jobs))
            for n, job in enumerate(as_completed(jobs), start=1):
                job.result()
                if progress:
                    progress("reading partitions", n, len(jobs))
            _sweep_partials(out)
        report.seconds["stages"] = round(time.perf_counter() - clock, 2)
        for manifest in (out / "_done").glob("part-*.json"):
            data = json.loads(manifest.read_text())
            report.articles += data["articles"]
            report.rejects += data["rejects"]
            report.words += data.get("words", 0)
            for stage, v in data.get("seconds", {}).items():
                report.stage_seconds[stage] = round(report.stage_seconds.get(stage, 0.0) + v, 2)
        if (out / "articles").is_dir():
            import pyarrow.dataset as ds

            ids = ds.dataset(out / "articles", schema=schema("articles")).to_table(columns=["id"])
            report.distinct = len(set(ids.column("id").to_pylist()))
        if link and options.runs("link"):
            from storyline.run.cluster import DaskTasks

            linking = time.perf_counter()
            tasks = DaskTasks(client, progress)
            report.link = write_links(out, tasks, link_chunk)
            report.link_tasks = tasks.ran
            report.link_redone = tasks.redone
            report.seconds["link"] = round(time.perf_counter() - linking, 2)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return report


def load(
    output: str | Path,
    db: str | Path,
    relink: bool = True,
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, int]:
    """Bring a batch output into a store for browsing. Into a new (empty) store, the batch's
    own linked store is copied when its linking saw every finished partition: the links
    computed on the cluster, nothing recomputed. Otherwise the articles (with their
    annotations) and rejects are imported and linked in the store (``relink``)."""
    import pyarrow.parquet as pq

    from storyline.store import Store

    out = Path(output)
    if not (out / "_done").is_dir():
        raise FileNotFoundError(f"{out} is not a batch output (no _done/ manifests)")
    manifests = sorted((out / "_done").glob("part-*.json"))
    stamp = out / "_link.json"
    with Store(db) as store:
        if relink and stamp.exists() and not store.articles.ids():
            seen = json.loads(stamp.read_text())
            if seen.get("partitions") == [m.stem for m in manifests]:
                store.copy_from(out / "_link.db")
                return {"articles": seen["articles"], "rejects": seen["rejects"], "copied": 1}
        stored = rejected = 0
        for n, manifest in enumerate(manifests, start=1):
            name = manifest.stem + ".parquet"
            table = pq.read_table(out / "articles" / name).to_pylist()
            arts = [article_from_record(json.loads(r["record"])) for r in table]
            rejects = [
                Reject(
                    Source(path=r["path"], part=r["part"] or 0, record=r["record"]),
                    r["reason"],
                    stage=r["stage"],
                    detail=r["detail"],
                )
                for r in pq.read_table(out / "rejects" / name).to_pylist()
            ]
            result = store.articles.write_batch(arts, rejects, None)
            stored += len(result.stored)
            rejected += len(rejects)
            if progress:
                progress("loading partitions", n, len(manifests))
        if relink and stored:
            from storyline.run.linking import link_and_analyse

            link_and_analyse(store, progress=progress)
    return {"articles": stored, "rejects": rejected, "copied": 0}


def write_links(output: str | Path, tasks: Tasks | None = None, chunk: int | None = None) -> LinkReport:
    """Link the batch output and write the link tables. The linker's heavy tasks (name
    blocks, LSH buckets, time windows, graph components) go to ``tasks`` (the cluster);
    what joins their results runs here, over a store of the output on the client."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from storyline.run.linking import link_and_analyse
    from storyline.store import Store

    out = Path(output)
    db = out / "_link.db"
    (out / "_link.json").unlink(missing_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    counts = load(out, db, relink=False, progress=getattr(tasks, "progress", None))
    with Store(db) as store:
        # stories and events analysed too: browsing starts computed
        report = link_and_analyse(store, full=True, tasks=tasks, options=LinkOptions(chunk=chunk))
        stories = store.views.stories()
        tables = {
            "entities": [plain(e) for e in store.views.entities()],
            "duplicates": [plain(d) for d in store.views.duplicates()],
            "events": [plain(e) for e, _ in store.views.events()],
            "stories": [
                {**plain(s), **{k: v for k, v in views.items() if k != "timeline"}} for s, views in stories
            ],
            "timeline_entries": [
                {"story_id": s.id, **e} for s, views in stories for e in views.get("timeline", [])
            ],
        }
    for name, rows in tables.items():
        (out / name).mkdir(exist_ok=True)
        flat = [{k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in r.items()} for r in rows]
        tmp = out / name / ".part-00000.parquet.tmp"
        pq.write_table(pa.Table.from_pylist(flat) if flat else pa.table({"_empty": []}), tmp)
        os.replace(tmp, out / name / "part-00000.parquet")
    manifests = sorted(m.stem for m in (out / "_done").glob("part-*.json"))
    stamp = {"partitions": manifests, "articles": counts["articles"], "rejects": counts["rejects"]}
    (out / "_link.json").write_text(json.dumps(stamp))  # the linked store is complete
    return report
