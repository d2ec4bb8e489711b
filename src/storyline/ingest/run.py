"""The embedded ingest: inputs read in batches, the stages run on each (in this process or in
worker processes), every batch stored in one transaction, then linking over the corpus.

Only this path talks to the store between stages: duplicate checks, and the corpus line
counts cleaning weighs (counted after extraction, before cleaning). Every input that does not
become an article is recorded with its reason.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from storyline.clean import line_keys
from storyline.ingest.readers import InputItem, read_item
from storyline.ingest.sources import expand_inputs
from storyline.model import Article, Reject
from storyline.pipeline import PipelineOptions, extract_batch, finish_batch, split_rejected
from storyline.store import Store, line_hash

MAX_BATCH_CHARS = 64 * 1024 * 1024  # raw characters read into one batch, at most


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


class Ingest:
    """Runs ingest into a store: ``Ingest(store).run(["corpus/"])``."""

    def __init__(self, store: Store, options: PipelineOptions | None = None) -> None:
        self.store = store
        self.options = options or PipelineOptions()

    def run(
        self, names: list[str], stdin: bytes | None = None, progress: Progress | None = None
    ) -> RunReport:
        """Read, process and store everything ``names`` points at; then link."""
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
        if opts.runs("link"):
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
                if len(batch) >= limit or size > MAX_BATCH_CHARS:
                    yield batch, rejects, n - 1
                    batch, rejects, size = [], [], 0
            if len(rejects) >= limit:
                yield batch, rejects, n
                batch, rejects, size = [], [], 0
        yield batch, rejects, len(items)

    def _drop_duplicates(self, batch: list[Article], seen: set[str], report: RunReport) -> list[Article]:
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
        """Extract (on the workers when there are HTML pages to parse), count lines in the
        store, and hand the rest of the stages to the workers."""
        opts = self.options
        if not batch:
            return _Pending([_Done(batch)], rejects, done)
        needs_workers = any(a.format == "html" for a in batch)
        extracting = self._fan_out(extract_batch, batch, executor if needs_workers else None, opts)
        articles = [a for part in extracting for a in part.result()]
        keys = [{line_hash(k) for k in line_keys(a)} for a in articles if not a.rejected]
        counts = self.store.articles.count_lines(keys)
        return _Pending(self._fan_out(finish_batch, articles, executor, counts, opts), rejects, done)

    def _fan_out(
        self,
        fn: Callable[..., list[Article]],
        batch: list[Article],
        executor: Executor | None,
        *args: object,
    ) -> list[Any]:
        """``fn`` over the batch: in this process, or cut into one chunk per worker."""
        if executor is None or len(batch) < 2:
            return [_Done(fn(batch, *args))]
        return [executor.submit(fn, chunk, *args) for chunk in _chunks(batch, self.options.workers)]

    def _store(self, pending: _Pending, report: RunReport, progress: Progress | None) -> None:
        """Wait for a submitted batch, then write its articles and rejections in one transaction."""
        good, rejected = split_rejected(a for fut in pending.futures for a in fut.result())
        rejects = [*pending.rejects, *rejected]
        result = self.store.articles.write_batch(good, rejects, report.run_id)
        by_id = {a.id: a for a in good}
        report.stored.extend((i, by_id[i].source.label()) for i in result.stored)
        report.duplicates.extend((i, by_id[i].source.label()) for i in result.duplicates)
        report.rejects.extend(rejects)
        if progress:
            progress(pending.done, report.inputs, len(report.stored))
