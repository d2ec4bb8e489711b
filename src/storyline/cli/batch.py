"""Commands of the scale-out path: ``batch`` (the pipeline on a dask.distributed cluster into
Parquet tables) and ``load`` (a batch output into a database for browsing)."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from storyline.clean import MAX_CHARS
from storyline.cli.common import (
    DEFAULT_DB,
    Db,
    GivenOutlet,
    Json,
    LastStage,
    MaxBytes,
    MaxChars,
    Model,
    Quiet,
    fail,
    out,
    print_json,
    run_options,
    stage_bars,
)
from storyline.cli.ingest import link_dict, print_link
from storyline.inputs.readers import DEFAULT_MAX_BYTES
from storyline.pipeline import STAGES
from storyline.store import StoreError

if TYPE_CHECKING:
    from storyline.run.batch import BatchReport


def register(app: typer.Typer) -> None:
    app.command()(batch)
    app.command()(load)


def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders, globs or fsspec URLs (s3://… needs s3fs).")
    ],
    output: Annotated[str, typer.Option("--output", "-o", help="Folder for the Parquet tables.")],
    workers: Annotated[int, typer.Option(min=1, help="Local worker processes.")] = 2,
    scheduler: Annotated[
        str | None, typer.Option(help="An existing dask scheduler, tcp://HOST:8786.")
    ] = None,
    partition_mb: Annotated[float, typer.Option(min=0.001, help="Input MB per partition.")] = 32,
    no_link: Annotated[bool, typer.Option("--no-link", help="Skip linking.")] = False,
    until: LastStage = STAGES[-1],
    model: Model = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    max_chars: MaxChars = MAX_CHARS,
    outlet: GivenOutlet = None,
    quiet: Quiet = False,
    as_json: Json = False,
) -> None:
    """Run the pipeline on a dask.distributed cluster into partitioned Parquet tables; a rerun
    skips finished partitions. `storyline load` brings the result into a database."""
    from storyline.run.batch import run

    options = run_options(until, model, max_bytes, max_chars, outlet)
    bars = nullcontext(None) if quiet or as_json else stage_bars()
    with bars as progress:
        try:
            report = run(inputs, output, workers, scheduler, progress, not no_link,
                         int(partition_mb * 1024 * 1024), options=options)  # fmt: skip
        except (OSError, ValueError) as exc:
            raise fail(str(exc)) from None
    if as_json:
        print_json(batch_dict(report, output))
        return
    if quiet:
        return
    repeats = ""
    if report.distinct < report.articles:
        repeats = f" ({report.distinct} distinct: the others are the same text read again from another input)"
    timing = ", ".join(f"{k} {v}s" for k, v in report.seconds.items())
    out.print(
        f"{report.articles} articles read{repeats}, {report.rejects} rejected, in "
        f"{report.partitions} partitions ({report.skipped} finished before) → {escape(output)}/ "
        f"[dim]{timing}[/dim]"
    )
    if report.link:
        print_link(report.link)
        if report.link_redone:
            out.print(
                f"[yellow]{report.link_redone} linking tasks lost with a worker were redone here[/yellow]"
            )
    out.print(f"Next: [bold]storyline load {escape(output)} --db corpus.db[/bold]")


def batch_dict(report: BatchReport, output: str) -> dict[str, Any]:
    """What a batch run did, for ``--json``."""
    data = {k: v for k, v in asdict(report).items() if k != "link"}
    return {"output": output, **data, "link": link_dict(report.link) if report.link else None}


def load(
    folder: Annotated[str, typer.Argument(help="A `storyline batch` output folder.")],
    db: Db = DEFAULT_DB,
) -> None:
    """Import a batch output into the database for browsing: into a new database with the
    links the batch computed, else imported and linked here."""
    from storyline.run.batch import load as load_batch

    try:
        with stage_bars() as progress:
            counts = load_batch(folder, db, progress=progress)
    except (FileNotFoundError, StoreError) as exc:
        raise fail(str(exc)) from None
    how = "with the batch's links" if counts.get("copied") else "and linked them"
    out.print(
        f"loaded {counts['articles']} articles and {counts['rejects']} rejections into {escape(db)} ({how})"
    )
