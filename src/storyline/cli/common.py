"""What every command shares: the consoles, the option bundles (database, JSON, filters,
paging), opening the corpus, errors as exit code 2, JSON output, progress bars, and the
views a command needs computed before it reads them."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from storyline.store import Store, StoreError
from storyline.web import pages

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)
T = TypeVar("T")

DEFAULT_DB = os.environ.get("STORYLINE_DB", "storyline.db")
Db = Annotated[str, typer.Option("--db", help="Corpus database file (env STORYLINE_DB).", show_default=True)]
Json = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")]
Outlet = Annotated[str | None, typer.Option(help="Only this outlet (case-insensitive).")]
Since = Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")]
Until = Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")]
Limit = Annotated[int, typer.Option(min=1, help="How many to show, at most.")]
Offset = Annotated[int, typer.Option(min=0, help="How many to skip first.")]


def fail(message: str, code: int = 2) -> typer.Exit:
    """An error printed on stderr; raise what this returns."""
    err.print(f"[red]error:[/red] {escape(message)}")
    return typer.Exit(code)


@contextmanager
def open_store(db: str, readonly: bool = True) -> Iterator[Store]:
    """The corpus at ``db``; a missing or foreign file is a clear error (exit code 2)."""
    try:
        store = Store(db, readonly=readonly)
    except StoreError as exc:
        raise fail(str(exc)) from None
    try:
        yield store
    finally:
        store.close()


def view(db: str, make: Callable[..., T], *args: Any) -> T:
    """What a view-layer function (``web.pages``) gives for the corpus at ``db``; what the
    corpus does not hold is an error naming it."""
    with open_store(db) as store:
        try:
            return make(store, *args)
        except pages.NotFound as exc:
            raise fail(str(exc.args[0])) from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def ensure_views(db: str, ids: list[str] | None = None) -> None:
    """Compute the story and event views a change left missing (linking defers them on
    large corpora), with a note on stderr when there are many."""
    from storyline.link import Linker

    if not Path(db).exists():
        raise fail(f"no database at {db}; run `storyline ingest` first")
    with open_store(db, readonly=False) as store:
        stale = len(store.views.stale("story")) + len(store.views.stale("event"))
        if not stale:
            return
        if stale > 50:
            err.print(f"computing timelines and summaries of {stale} stories and events …")
        Linker(store).refresh_views(ids=ids)


@contextmanager
def stage_bars() -> Iterator[Callable[[str, int, int], None]]:
    """Progress bars on stderr, one per stage, for ``progress(stage, done, total)``."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        tasks: dict[str, Any] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield progress
