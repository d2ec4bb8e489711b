"""Wires the stages: read inputs, run per-article stages in batches, store, report.

Per-article stages (``extract``, ``clean``, ``split``, ``describe``) are pure and run here
in-process or in worker processes; the pipeline alone talks to the store (duplicate checks,
corpus line statistics, batch writes). Every input that does not become an article is
recorded with its reason.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from storyline.clean import Cleaner, CleanOptions, Extractor, HtmlOptions, line_keys
from storyline.describe import DescribeOptions, Describer, DigestOptions, Splitter
from storyline.ingest.readers import DEFAULT_MAX_BYTES, InputItem, read_item
from storyline.ingest.sources import expand_inputs
from storyline.model import Article, Reject
from storyline.read import Reader, ReadOptions
from storyline.store import Store, line_hash

STAGES = ("clean", "describe", "read", "link")
"""Stages in order; ``--until`` stops after one of them. ``link`` is corpus-wide: it runs
once at the end of an ingest, over everything in the store."""


@dataclass(frozen=True)
class PipelineOptions:
    """Settings of one ingest run."""

    until: str = STAGES[-1]
    batch_size: int = 256
    workers: int = 1
    max_bytes: int = DEFAULT_MAX_BYTES
    html: HtmlOptions = field(default_factory=HtmlOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    digest: DigestOptions = field(default_factory=DigestOptions)
    describe: DescribeOptions = field(default_factory=DescribeOptions)
    read: ReadOptions = field(default_factory=ReadOptions)

    def __post_init__(self) -> None:
        if self.until not in STAGES:
            raise ValueError(f"unknown stage {self.until!r}; choose one of {', '.join(STAGES)}")
        if self.workers < 1 or self.batch_size < 1:
            raise ValueError("workers and batch size must be at least 1")


@dataclass
class RunReport:
    """What an ingest run did, for the CLI to print and scripts to read."""

    run_id: int
    inputs: int = 0
    bytes_read: int = 0
    stored: list[tuple[str, str]] = field(default_factory=list)  # (id, origin)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (id, origin)
    rejects: list[Reject] = field(default_factory=list)
    repeated_inputs: list[str] = field(default_factory=list)
    seconds: float = 0.0
    link: Any = None  # storyline.link.LinkReport when the run linked

    @property
    def ok(self) -> bool:
        return not self.rejects


Progress = Callable[[int, int, int], None]
"""Called as ``progress(inputs_done, inputs_total, articles_stored)``."""


def _stage_index(name: str) -> int:
    return STAGES.index(name)


def extract_batch(articles: list[Article], html: HtmlOptions) -> list[Article]:
    """Cleaning step 1 for a batch (module-level so worker processes can run it)."""
    return list(Extractor(html).pipe(articles))


def finish_batch(
    articles: list[Article],
    counts: dict[int, int],
    options: PipelineOptions,
    seconds: dict[str, float] | None = None,
) -> list[Article]:
    """Cleaning step 2, description and reading for a batch, given corpus line counts;
    with ``seconds``, each stage runs over the whole batch in turn and its time is added
    there (for benchmarks), else the stages stream article by article."""

    def repeats(key: str) -> int:
        return max(0, counts.get(line_hash(key), 0) - 1)  # other articles than this one

    def timed(name: str, out: Iterable[Article]) -> Iterable[Article]:
        if seconds is None:
            return out
        clock = time.perf_counter()
        done = list(out)
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - clock
        return done

    out: Iterable[Article] = timed("clean", Cleaner(options.clean, repeats).pipe(articles))
    if _stage_index(options.until) >= _stage_index("describe"):
        out = timed(
            "describe", Describer(options.describe).pipe(Splitter(options.digest).pipe(out))
        )
    if _stage_index(options.until) >= _stage_index("read"):
        out = timed("read", Reader(options.read).pipe(out))
    return list(out)


@dataclass
class _Done:
    """A result computed in-process, shaped like a future."""

    value: list[Article]

    def result(self) -> list[Article]:
        return self.value


@dataclass
class _Pending:
    """A batch handed to the stages: its results to come, its rejections so far, inputs done."""

    futures: list[Any]
    rejects: list[Reject]
    done: int


def _chunks(items: list[Article], n: int) -> list[list[Article]]:
    size = max(1, -(-len(items) // n))
    return [items[i : i + size] for i in range(0, len(items), size)]


class Pipeline:
    """Runs ingest into a store: ``Pipeline(store).ingest(["corpus/"])``."""

    def __init__(self, store: Store, options: PipelineOptions | None = None) -> None:
        self.store = store
        self.options = options or PipelineOptions()

    def ingest(
        self, names: list[str], stdin: bytes | None = None, progress: Progress | None = None
    ) -> RunReport:
        """Read, process and store everything ``names`` points at."""
        started = time.perf_counter()
        opts = self.options
        expansion = expand_inputs(names, stdin)
        report = RunReport(run_id=self.store.articles.start_run(names, opts.until))
        report.inputs = len(expansion.items)
        report.repeated_inputs = expansion.repeated
        report.rejects.extend(expansion.rejects)
        self.store.articles.add_rejects(expansion.rejects, report.run_id)

        executor: Executor | None = None
        if opts.workers > 1:
            executor = ProcessPoolExecutor(max_workers=opts.workers)
        try:
            seen: set[str] = set()
            pending: _Pending | None = None
            if progress:
                progress(0, report.inputs, 0)
            for batch, rejects, done in self._batches(expansion.items, report):
                fresh = self._drop_duplicates(batch, seen, report)
                # Batch k is processed by the workers while the main process reads batch
                # k+1 and stores batch k-1: reading and writing overlap the costly stages.
                submitted = self._submit(fresh, rejects, done, executor)
                if pending is not None:
                    self._store(pending, report, progress)
                pending = submitted
            if pending is not None:
                self._store(pending, report, progress)
        finally:
            if executor is not None:
                executor.shutdown(cancel_futures=True)
        if opts.until == "link":
            from storyline.link import Linker

            report.link = Linker(self.store).run(report.run_id)
        report.seconds = time.perf_counter() - started
        self.store.articles.finish_run(
            report.run_id, len(report.stored), len(report.duplicates), len(report.rejects)
        )
        return report

    def _batches(
        self, items: list[InputItem], report: RunReport
    ) -> Iterator[tuple[list[Article], list[Reject], int]]:
        batch: list[Article] = []
        rejects: list[Reject] = []
        size = 0
        limit = self.options.batch_size
        for n, item in enumerate(items, start=1):
            for got in read_item(item, self.options.max_bytes):
                if isinstance(got, Reject):
                    rejects.append(got)
                    continue
                batch.append(got)
                size += len(got.raw)
                report.bytes_read += len(got.raw.encode("utf-8", errors="replace"))
                if len(batch) >= limit or size > 64 * 1024 * 1024:
                    yield batch, rejects, n - 1
                    batch, rejects, size = [], [], 0
            if len(rejects) >= limit:
                yield batch, rejects, n
                batch, rejects, size = [], [], 0
        yield batch, rejects, len(items)

    def _drop_duplicates(
        self, batch: list[Article], seen: set[str], report: RunReport
    ) -> list[Article]:
        known = self.store.articles.known_hashes(a.content_hash for a in batch)
        fresh = []
        for art in batch:
            if art.content_hash in known or art.content_hash in seen:
                report.duplicates.append((art.id, art.source.label()))
                continue
            seen.add(art.content_hash)
            fresh.append(art)
        return fresh

    def _submit(
        self, batch: list[Article], rejects: list[Reject], done: int, executor: Executor | None
    ) -> _Pending:
        """Extract, count lines (in the store), and hand the rest of the stages to workers."""
        opts = self.options
        if not batch or _stage_index(opts.until) < _stage_index("clean"):
            return _Pending([_Done(batch)], rejects, done)
        needs_workers = any(a.format == "html" for a in batch)
        articles = self._map(extract_batch, batch, executor if needs_workers else None, opts.html)
        keys = [{line_hash(k) for k in line_keys(a)} for a in articles if not a.rejected]
        counts = self.store.articles.count_lines(keys)
        if executor is None or len(articles) < 2:
            return _Pending([_Done(finish_batch(articles, counts, opts))], rejects, done)
        chunks = _chunks(articles, opts.workers)
        return _Pending(
            [executor.submit(finish_batch, c, counts, opts) for c in chunks], rejects, done
        )

    def _store(self, pending: _Pending, report: RunReport, progress: Progress | None) -> None:
        """Wait for a submitted batch, then write its articles and rejections in one transaction."""
        rejects = list(pending.rejects)
        good = []
        for fut in pending.futures:
            for art in fut.result():
                if art.rejected:
                    stage = art.stages[-1] if art.stages else "ingest"
                    rejects.append(Reject(art.source, art.rejected, stage=stage))
                else:
                    good.append(art)
        result = self.store.articles.write_batch(good, rejects, report.run_id)
        by_id = {a.id: a for a in good}
        report.stored.extend((i, by_id[i].source.label()) for i in result.stored)
        report.duplicates.extend((i, by_id[i].source.label()) for i in result.duplicates)
        report.rejects.extend(rejects)
        if progress:
            progress(pending.done, report.inputs, len(report.stored))

    def _map(
        self,
        fn: Callable[..., list[Article]],
        batch: list[Article],
        executor: Executor | None,
        *args: object,
    ) -> list[Article]:
        if executor is None or len(batch) < 2:
            return fn(batch, *args)
        futures = [
            executor.submit(fn, chunk, *args) for chunk in _chunks(batch, self.options.workers)
        ]
        out: list[Article] = []
        for fut in futures:
            out.extend(fut.result())
        return out
