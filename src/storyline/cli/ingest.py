"""Commands that write the corpus: ``ingest``, ``demo`` and ``link``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from storyline import pages
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
    err,
    fail,
    open_store,
    out,
    print_json,
    run_options,
    stage_bars,
)
from storyline.cli.corpus import print_summary
from storyline.inputs.readers import DEFAULT_MAX_BYTES
from storyline.model import Reject
from storyline.pipeline import STAGES
from storyline.run.embedded import Ingest, RunReport


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(demo)
    app.command()(link)


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs, or - for stdin.")],
    db: Db = DEFAULT_DB,
    until: LastStage = STAGES[-1],
    model: Model = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes for the per-article stages.")] = 1,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Articles per stored batch (one transaction).")
    ] = 256,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    max_chars: MaxChars = MAX_CHARS,
    outlet: GivenOutlet = None,
    quiet: Quiet = False,
    as_json: Json = False,
) -> None:
    """Read articles (text, HTML, JSON/JSONL, WARC, any of them gzipped) into the corpus."""
    options = run_options(until, model, max_bytes, max_chars, outlet, workers=workers, batch_size=batch_size)
    with open_store(db, readonly=False, create=True) as store:
        report = run_with_progress(Ingest(store, options), paths, quiet or as_json)
    if as_json:
        print_json(report_dict(report, db))
    elif not quiet:
        print_report(report, db)
    else:
        for r in report.rejects:
            err.print(f"rejected {escape(r.source.label())}: {escape(r.reason)}")
    raise typer.Exit(0 if report.ok else 1)


def demo(
    db: Annotated[
        str, typer.Option("--db", help="Where to build the demo corpus (replaced if it exists).")
    ] = "storyline-demo.db",
    as_json: Json = False,
) -> None:
    """Ingest the bundled demo corpus into a fresh database and print its summary."""
    corpus = resources.files("storyline") / "demo" / "corpus"
    try:
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
    except OSError as exc:
        raise fail(f"{db} is read-only: cannot replace it ({exc.strerror})") from None
    with resources.as_file(corpus) as folder, open_store(db, readonly=False, create=True) as store:
        report = run_with_progress(Ingest(store), [str(folder)], as_json)
        data = pages.overview(store)
    if as_json:
        print_json({"summary": data, "run": report_dict(report, db)})
        raise typer.Exit(0 if report.ok else 1)
    out.print(f"Ingested the demo corpus: {len(report.stored)} articles in {report.seconds:.1f}s.")
    print_summary(data, db)
    if report.link:
        print_link(report.link)
    out.print(
        f"\nOpen it in your browser: [bold]storyline serve --db {escape(db)}[/bold] "
        "(then http://127.0.0.1:8000), or write a static site: "
        f"[bold]storyline report --db {escape(db)} --output report/[/bold]"
    )
    out.print(
        f"On the command line: [bold]storyline list --db {escape(db)}[/bold], "
        f"[bold]storyline events --db {escape(db)}[/bold], "
        f"[bold]storyline entities --db {escape(db)}[/bold], "
        f"[bold]storyline search 'query' --db {escape(db)}[/bold], "
        f"[bold]storyline show ID --removed --db {escape(db)}[/bold]"
    )
    raise typer.Exit(0 if report.ok else 1)


def link(
    db: Db = DEFAULT_DB,
    full: Annotated[
        bool, typer.Option("--full/--new", help="relink every article, or only unlinked ones")
    ] = True,
    as_json: Json = False,
) -> None:
    """Rerun linking: entities, wire copies, events, stories (ingest links what it adds)."""
    from storyline.run.linking import link_and_analyse

    with open_store(db, readonly=False) as store, stage_bars() as progress:
        report = link_and_analyse(store, full=full, progress=progress)
    if as_json:
        print_json(link_dict(report))
        return
    print_link(report)
    for kind, detail in report.log[:20]:
        out.print(f"  [dim]{escape(kind)}:[/dim] {escape(detail)}")


def run_with_progress(run: Ingest, paths: list[str], quiet: bool) -> RunReport:
    """The ingest, with a progress bar per phase on stderr when it is a terminal (inputs read
    and extracted, then articles processed and stored)."""
    if quiet or not err.is_terminal:
        return run.run(paths)
    with stage_bars() as progress:
        return run.run(paths, progress=progress)


def _reject_rows(rejects: list[Reject]) -> list[dict[str, Any]]:
    return [{"origin": r.source.label(), "stage": r.stage, "reason": r.reason} for r in rejects]


def report_dict(report: RunReport, db: str) -> dict[str, Any]:
    """What an ingest did, for ``--json``."""
    return {
        "db": db,
        "run": report.run_id,
        "inputs": report.inputs,
        "stored": [{"id": i, "origin": o} for i, o in report.stored],
        "duplicates": [{"id": i, "origin": o} for i, o in report.duplicates],
        "rejects": _reject_rows(report.rejects),
        "repeated_inputs": report.repeated_inputs,
        "resumed": report.resumed,
        "seconds": round(report.seconds, 3),
        "link": link_dict(report.link) if report.link else None,
    }


def link_dict(link: Any) -> dict[str, Any]:
    """What a linking run found, for ``--json``."""
    return {
        "articles": link.articles,
        "entities": link.entities,
        "duplicates": link.duplicates,
        "events": link.events,
        "stories": link.stories,
        "inferred_dates": link.inferred,
        "analysed": link.analysed,
        "seconds": link.seconds,
        "log": [{"kind": k, "detail": d} for k, d in link.log],
    }


def print_link(link: Any) -> None:
    inferred = f", {link.inferred} dates inferred" if link.inferred else ""
    out.print(
        f"linked {link.articles} articles: {link.entities} entities, {link.duplicates} copies "
        f"of other articles, {link.events} events in {link.stories} stories{inferred} "
        f"[dim]({sum(link.seconds.values()):.1f}s)[/dim]"
    )


def print_report(report: RunReport, db: str) -> None:
    rate = len(report.stored) / report.seconds if report.seconds else 0.0
    out.print(
        f"[bold]{len(report.stored)}[/bold] articles stored from {report.inputs} inputs "
        f"in {report.seconds:.1f}s ({rate:.0f}/s) → {escape(db)}"
    )
    if report.duplicates:
        out.print(f"{len(report.duplicates)} already stored (same content), nothing added for them:")
        for art_id, origin in report.duplicates[:20]:
            out.print(f"  = {escape(origin)} (as {art_id})")
        if len(report.duplicates) > 20:
            out.print(f"  … and {len(report.duplicates) - 20} more")
    if report.resumed:
        out.print(
            f"{report.resumed} inputs stored before by a run that stopped short of some stages were finished."
        )
    if report.repeated_inputs:
        out.print(f"{len(report.repeated_inputs)} inputs named more than once were read once.")
    if report.link:
        print_link(report.link)
    if report.rejects:
        out.print(
            f"[yellow]{len(report.rejects)} rejected[/yellow] (see `storyline rejects --db {escape(db)}`):"
        )
        for r in report.rejects[:50]:
            out.print(f"  ✗ {escape(r.source.label())}: {escape(r.reason)}")
        if len(report.rejects) > 50:
            out.print(f"  … and {len(report.rejects) - 50} more")
