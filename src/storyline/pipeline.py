"""The stage loop: the per-article stages as data, run in order over a batch of articles.

A stage is a named callable over one article, as a spaCy component is over a ``Doc``:
``name`` and ``__call__(article) -> Article`` (a stage that finds several articles in one
input, a digest, returns the list of them), with an optional batched form ``pipe(articles)``
that gives back the same articles in order (reading parses texts together). The loop owns
the rest: an article a stage rejected skips the stages after it, each stage's name is
recorded on the articles it ran on (a stage that passes an article by says why in
``article.skipped`` instead) and its time measured, and ``until`` stops after a stage.
Stages never touch storage, so the embedded ingest (``storyline.run.embedded``), worker
processes and the batch path (``storyline.run.batch``) all run this same loop, and turn rejected
articles into rejects the same way (``split_rejected``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from storyline.clean import MAX_CHARS, Cleaner, CleanOptions, Extractor, HtmlOptions
from storyline.describe import DescribeOptions, Describer, DigestOptions, Splitter
from storyline.inputs.readers import DEFAULT_MAX_BYTES
from storyline.model import Article, Reject
from storyline.read import Reader, ReadOptions
from storyline.store.articles import line_hash

STAGES = ("extract", "clean", "split", "describe", "read", "link")
"""Every stage in order, by the name it records on an article; ``--until`` stops after one.
``link`` is corpus-wide: it runs once at the end of an ingest, over everything in the store."""


class Stage(Protocol):
    """A per-article stage: a name and a call over one article (see the module docstring)."""

    name: str

    def __call__(self, article: Article) -> Article | list[Article]: ...


@dataclass(frozen=True)
class PipelineOptions:
    """Settings of one run: the last stage, batching and workers, and each stage's options."""

    until: str = STAGES[-1]
    batch_size: int = 256
    workers: int = 1
    max_bytes: int = DEFAULT_MAX_BYTES  # the largest input file read
    max_chars: int = MAX_CHARS  # the longest text an article may have
    html: HtmlOptions = field(default_factory=HtmlOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    digest: DigestOptions = field(default_factory=DigestOptions)
    describe: DescribeOptions = field(default_factory=DescribeOptions)
    read: ReadOptions = field(default_factory=ReadOptions)
    relink: bool = True  # linking may relink the corpus in full on its own (a watch says no)

    def __post_init__(self) -> None:
        if self.until not in STAGES:
            raise ValueError(f"unknown stage {self.until!r}; choose one of {', '.join(STAGES)}")
        if self.workers < 1 or self.batch_size < 1:
            raise ValueError("workers and batch size must be at least 1")

    def runs(self, stage: str) -> bool:
        """Whether ``stage`` is one this run goes through (it comes no later than ``until``)."""
        return STAGES.index(stage) <= STAGES.index(self.until)


def stages(
    options: PipelineOptions,
    first: str = STAGES[0],
    last: str = STAGES[-1],
    repeats: Callable[[str], int] | None = None,
) -> list[Stage]:
    """The per-article stages from ``first`` to ``last`` that the run goes through; cleaning
    weighs ``repeats`` (in how many other articles a line occurs) when given."""
    make: dict[str, Callable[[], Stage]] = {
        "extract": lambda: Extractor(options.html, options.max_chars),
        "clean": lambda: Cleaner(options.clean, repeats),
        "split": lambda: Splitter(options.digest),
        "describe": lambda: Describer(options.describe),
        "read": lambda: Reader(options.read),
    }
    names = STAGES[STAGES.index(first) : STAGES.index(last) + 1]
    return [make[n]() for n in names if n in make and options.runs(n)]


def run_stages(
    articles: Iterable[Article], chosen: list[Stage], seconds: dict[str, float] | None = None
) -> list[Article]:
    """Each stage over the batch in turn, in order; an article some stage rejected passes
    the later ones by, in its place. With ``seconds``, each stage's time is added there."""
    out = list(articles)
    for stage in chosen:
        clock = time.perf_counter()
        out = list(_run_one(stage, out))
        if seconds is not None:
            seconds[stage.name] = seconds.get(stage.name, 0.0) + time.perf_counter() - clock
    return out


def _run_one(stage: Stage, articles: list[Article]) -> Iterator[Article]:
    pipe = getattr(stage, "pipe", None)
    if pipe is not None:  # the batched form: the same articles back, in order
        live = [a for a in articles if not a.rejected]
        done = list(pipe(live))
        if len(done) != len(live):
            raise RuntimeError(f"stage {stage.name}: pipe gave {len(done)} articles for {len(live)}")
        given = iter(done)
        for article in articles:
            if not article.rejected:
                article = next(given)
                _record(article, stage.name)
            yield article
        return
    for article in articles:
        if article.rejected:
            yield article
            continue
        got = stage(article)
        for part in got if isinstance(got, list) else [got]:
            _record(part, stage.name)
            yield part


def _record(article: Article, name: str) -> None:
    """The stage ran on the article, unless it passed the article by (``skipped``, with why)."""
    if name not in article.skipped:
        article.stages.append(name)


def split_rejected(articles: Iterable[Article]) -> tuple[list[Article], list[Reject]]:
    """The articles still standing, and a reject for each one a stage rejected (with that
    stage's name and its reason)."""
    good, rejects = [], []
    for art in articles:
        if art.rejected:
            stage = art.stages[-1] if art.stages else "ingest"
            rejects.append(Reject(art.source, art.rejected, stage=stage))
        else:
            good.append(art)
    return good, rejects


def extract_batch(
    articles: list[Article], options: PipelineOptions, seconds: dict[str, float] | None = None
) -> list[Article]:
    """The first stage, main text out of HTML: what corpus line counts are taken from.
    (Module-level, so worker processes can run it.)"""
    return run_stages(articles, stages(options, last="extract"), seconds)


def finish_batch(
    articles: list[Article],
    counts: dict[int, int],
    options: PipelineOptions,
    seconds: dict[str, float] | None = None,
) -> list[Article]:
    """The stages after extraction, given the corpus line counts cleaning weighs (line key
    hash → articles it occurs in, this one included)."""

    def repeats(key: str) -> int:
        return max(0, counts.get(line_hash(key), 0) - 1)  # other articles than this one

    return run_stages(articles, stages(options, first="clean", repeats=repeats), seconds)
