"""The stage loop: the per-article stages as data, run in order over a batch of articles.

A stage is a named callable over one article, as a spaCy component is over a ``Doc``:
``name`` and ``__call__(article) -> Article`` (a stage that finds several articles in one
input, a digest, returns the list of them), with an optional batched form ``pipe(articles)``
that gives back the same articles in order (reading parses texts together). The loop owns
the rest: an article a stage rejected skips the stages after it, each stage's name is
recorded on the articles it ran on (a stage that passes an article by says why in
``article.skipped`` instead) and its time measured, and ``until`` stops after a stage.
As spaCy's ``Language.pipe`` hands a component's error to a handler, an exception a stage
raises on one article rejects that article (the stage and the error are its reason) and the
run goes on; a batched ``pipe`` that raises is run again one article at a time, so only the
article that raised is rejected (a ``pipe`` must therefore be safe to run again on an article
it already saw: it sets its fields, never appends to them). Errors that are not about an
article (out of memory, no model installed, an interrupt) still end the run. Stages never
touch storage, so the embedded ingest (``storyline.run.embedded``), worker
processes and the batch path (``storyline.run.batch``) all run this same loop, and turn rejected
articles into rejects the same way (``split_rejected``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from storyline.clean import MAX_CHARS, Cleaner, CleanOptions, Extractor, HtmlOptions
from storyline.describe import DescribeOptions, Describer, DigestOptions, Splitter
from storyline.inputs.readers import DEFAULT_MAX_BYTES
from storyline.model import Article, Reject
from storyline.read import Reader, ReadOptions
from storyline.read.nlp import ModelMissing
from storyline.store.articles import line_hash

log = logging.getLogger(__name__)

STAGES = ("extract", "clean", "split", "describe", "read", "link")
"""Every stage in order, by the name it records on an article; ``--until`` stops after one.
``link`` is corpus-wide: it runs once at the end of an ingest, over everything in the store."""

FATAL: tuple[type[Exception], ...] = (MemoryError, ModelMissing)
"""Exceptions about the run, not the article: they end it (as KeyboardInterrupt and SystemExit
do, which are no ``Exception``); any other exception of a stage rejects the article it met."""
MAX_ERROR_CHARS = 500  # of an error's message kept in the reject's reason


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
        ran = {id(a) for a in live}  # by identity: the stage may reject an article it is given
        given = iter(_piped(stage, pipe, live))
        for article in articles:
            if id(article) in ran:
                article = next(given)
                _record(article, stage.name)
            yield article
        return
    for article in articles:
        if article.rejected:
            yield article
            continue
        try:
            got = stage(article)
        except FATAL:
            raise
        except Exception as exc:  # about this article: it is rejected, the run goes on
            got = _failed(article, stage.name, exc)
        for part in got if isinstance(got, list) else [got]:
            _record(part, stage.name)
            yield part


def _piped(
    stage: Stage, pipe: Callable[[list[Article]], Iterable[Article]], live: list[Article]
) -> list[Article]:
    """The batched form over the articles; when it raises, each article again on its own, so
    the one that raised is rejected and the others go through."""
    try:
        done = list(pipe(live))
    except FATAL:
        raise
    except Exception:
        done = []
        for article in live:
            try:
                done.extend(list(pipe([article])))  # all of it, or nothing
            except FATAL:
                raise
            except Exception as exc:
                done.append(_failed(article, stage.name, exc))
    if len(done) != len(live):
        raise RuntimeError(f"stage {stage.name}: pipe gave {len(done)} articles for {len(live)}")
    return done


def _failed(article: Article, name: str, exc: Exception) -> Article:
    """The article rejected for the error its stage raised on it: the stage, the error's type
    and message (the traceback goes to the log, at debug level)."""
    article.rejected = error_reason(name, exc)
    article.skipped.pop(name, None)  # it ran, and failed: the reject names this stage
    log.debug("%s: %s", article.source.label(), article.rejected, exc_info=exc)
    return article


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


def error_reason(stage: str, exc: BaseException) -> str:
    """The reason of a reject for an error: the stage, the error's type and its message
    ("error in stage describe: JSONDecodeError: Unterminated string …"), on one line."""
    message = " ".join(str(exc).split())
    if len(message) > MAX_ERROR_CHARS:
        message = message[:MAX_ERROR_CHARS] + "…"
    return f"error in stage {stage}: {type(exc).__name__}" + (f": {message}" if message else "")
