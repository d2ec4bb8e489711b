"""The embedded ingest: inputs read and extracted, every article cleaned and read (in this
process or in worker processes), each batch stored in one transaction, then linking.

The inputs, the two passes and the options are those of the cluster batch
(``storyline.run.passes``); this run keeps its corpus statistics and articles in the store.
Two passes, so the same inputs give the same corpus whatever the batch size, the workers,
the order of the inputs or a crash and a rerun. Pass 1 reads and extracts every input (new
content only), stages its line keys in the store (the corpus statistics cleaning weighs) and
spills the extracted batch to a temporary file. Pass 2 freezes the statistics (the stored
counts plus the whole run's), then runs the other stages on each spilled batch against them
and stores it, its line counts in the same transaction. Every input that does not become an
article is recorded with its reason.
"""

from __future__ import annotations

import pickle
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.chunks import parts
from storyline.clean import line_keys
from storyline.inputs.readers import InputItem
from storyline.link import LinkReport
from storyline.model import Article, Reject
from storyline.pipeline import STAGES, PipelineOptions, split_rejected
from storyline.run.linking import link_and_analyse
from storyline.run.passes import expand, first_pass, read_input, second_pass
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
    resumed: int = 0  # inputs stored before by a run that stopped short of stages, finished now
    seconds: float = 0.0
    link: LinkReport | None = None  # when the run linked

    @property
    def ok(self) -> bool:
        return not self.rejects


Progress = Callable[[str, int, int], None]
"""Called as ``progress(phase, done, total)``: "reading inputs" (inputs read and extracted),
then "processing articles" (articles cleaned, read and stored)."""


@dataclass
class _Done:
    """A result computed in-process, shaped like a future."""

    value: Any

    def result(self) -> Any:
        return self.value


@dataclass
class _Spilled:
    """One extracted batch waiting on disk for pass 2: its file, size and rejections."""

    path: Path
    articles: int


@dataclass
class _Pending:
    """A batch handed to the stages: its results to come, its rejections, the line keys of
    its new inputs, the inputs it finishes (stored before, short of some stages)."""

    futures: list[Any]
    rejects: list[Reject]
    lines: dict[str, set[int]]
    resumed: set[str]
    articles: int


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
        expansion = expand(names, stdin)
        report = RunReport(run_id=self.store.articles.start_run(names, opts.until))
        report.inputs = len(expansion.items)
        report.repeated_inputs = expansion.repeated
        report.rejects.extend(expansion.rejects)
        self.store.articles.add_rejects(expansion.rejects, report.run_id)

        executor: Executor | None = (
            ProcessPoolExecutor(max_workers=opts.workers) if opts.workers > 1 else None
        )
        try:
            with tempfile.TemporaryDirectory(prefix="storyline-ingest-") as spill:
                batches = self._read_all(expansion.items, report, executor, Path(spill), progress)
                self.store.articles.freeze_lines()
                self._process_all(batches, report, executor, progress)
        finally:
            self.store.articles.drop_lines()
            if executor is not None:
                executor.shutdown(cancel_futures=True)
        if opts.runs("link"):
            # finished inputs were linked before as they were: relink everything around them
            full = True if report.resumed else None
            report.link = link_and_analyse(
                self.store, report.run_id, full=full, relink=opts.relink, progress=progress
            )
        report.seconds = time.perf_counter() - started
        self.store.articles.finish_run(
            report.run_id, len(report.stored), len(report.duplicates), len(report.rejects)
        )
        return report

    # -- pass 1: read, extract, stage line keys, spill ---------------------------------------
    def _read_all(
        self,
        items: list[InputItem],
        report: RunReport,
        executor: Executor | None,
        spill: Path,
        progress: Progress | None,
    ) -> list[_Spilled]:
        """Every input read and extracted, batch by batch, onto disk; the line keys staged."""
        out: list[_Spilled] = []
        seen: set[str] = set()
        if progress:
            progress("reading inputs", 0, len(items))
        for k, (batch, rejects, done) in enumerate(self._batches(items, report, progress)):
            fresh, resumed = self._drop_duplicates(batch, seen, report)
            extracted, keys = self._extract(fresh, executor)
            lines = {h: ks for h, ks in keys.items() if h not in resumed}
            stored = {key for h, ks in keys.items() if h in resumed for key in ks}
            self.store.articles.stage_lines(list(lines.values()), stored)
            path = spill / f"batch-{k:06d}.pickle"
            with path.open("wb") as fh:
                pickle.dump((extracted, rejects, lines, resumed), fh, protocol=pickle.HIGHEST_PROTOCOL)
            out.append(_Spilled(path, len(extracted)))
            if progress:
                progress("reading inputs", done, len(items))
        return out

    def _batches(
        self, items: list[InputItem], report: RunReport, progress: Progress | None = None
    ) -> Iterator[tuple[list[Article], list[Reject], int]]:
        """The inputs read into batches (progress told after every input read)."""
        batch: list[Article] = []
        rejects: list[Reject] = []
        size = 0
        limit = self.options.batch_size
        for n, item in enumerate(items, start=1):
            if progress and n > 1:
                progress("reading inputs", n - 1, len(items))
            for got in read_input(item, self.options.max_bytes):
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

    def _drop_duplicates(
        self, batch: list[Article], seen: set[str], report: RunReport
    ) -> tuple[list[Article], set[str]]:
        """The inputs to process: new content, and content stored before by a run that stopped
        short of this run's stages (to be finished: their content hashes, the second value)."""
        known = self.store.articles.stages_of(a.content_hash for a in batch)
        wanted = {name for name in STAGES[:-1] if self.options.runs(name)}
        fresh, resumed = [], set()
        for art in batch:
            done = known.get(art.content_hash)
            if art.content_hash in seen or (done is not None and wanted <= done):
                report.duplicates.append((art.id, art.source.label()))
                continue
            seen.add(art.content_hash)
            fresh.append(art)
            if done is not None:
                resumed.add(art.content_hash)
        return fresh, resumed

    def _extract(
        self, batch: list[Article], executor: Executor | None
    ) -> tuple[list[Article], dict[str, set[int]]]:
        """Pass 1 (extraction, line keys), on the workers when there are HTML pages to parse."""
        needs_workers = any(a.format == "html" for a in batch)
        extracted: list[Article] = []
        keys: dict[str, set[int]] = {}
        for part in self._fan_out(first_pass, batch, executor if needs_workers else None, self.options):
            arts, lines = part.result()
            extracted += arts
            keys.update(lines)
        return extracted, keys

    # -- pass 2: the other stages against the frozen statistics, then store ------------------
    def _process_all(
        self,
        batches: list[_Spilled],
        report: RunReport,
        executor: Executor | None,
        progress: Progress | None,
    ) -> None:
        total, done = sum(b.articles for b in batches), 0
        if progress:
            progress("processing articles", 0, total)
        pending: _Pending | None = None
        for spilled in batches:
            with spilled.path.open("rb") as fh:
                articles, rejects, lines, resumed = pickle.load(fh)
            spilled.path.unlink()
            # Batch k is processed by the workers while the main process stores batch k-1.
            keys = {key for a in articles if not a.rejected for key in map(line_hash, line_keys(a))}
            counts = self.store.articles.line_totals(keys)
            futures = self._fan_out(second_pass, articles, executor, counts, self.options)
            submitted = _Pending(futures, rejects, lines, resumed, len(articles))
            if pending is not None:
                done += self._store(pending, report)
                if progress:
                    progress("processing articles", done, total)
            pending = submitted
        if pending is not None:
            done += self._store(pending, report)
            if progress:
                progress("processing articles", done, total)

    def _fan_out(
        self,
        fn: Callable[..., Any],
        batch: list[Article],
        executor: Executor | None,
        *args: object,
    ) -> list[Any]:
        """``fn`` over the batch: in this process, or cut into one chunk per worker."""
        if executor is None or len(batch) < 2:
            return [_Done(fn(batch, *args))]
        return [executor.submit(fn, chunk, *args) for chunk in parts(batch, self.options.workers)]

    def _store(self, pending: _Pending, report: RunReport) -> int:
        """Wait for a submitted batch, then write its articles, rejections and line counts in
        one transaction; returns how many inputs of the batch were processed."""
        good, rejected = split_rejected(a for fut in pending.futures for a in fut.result())
        rejects = [*pending.rejects, *rejected]
        result = self.store.articles.write_batch(good, rejects, report.run_id, pending.lines, pending.resumed)
        report.resumed += len(pending.resumed)
        by_id = {a.id: a for a in good}
        report.stored.extend((i, by_id[i].source.label()) for i in result.stored)
        report.duplicates.extend((i, by_id[i].source.label()) for i in result.duplicates)
        report.rejects.extend(rejects)
        return pending.articles
