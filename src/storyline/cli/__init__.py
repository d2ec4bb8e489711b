"""The ``storyline`` command: a package of command families, each command a few lines over
a library call (the view layer ``web.pages`` for what it shows).

- ``cli.ingest``: ingest, demo, link (they write the corpus)
- ``cli.corpus``: list, show, search, summary, rejects, quotes, export, outlets
- ``cli.linked``: entities, entity, duplicates, events, event, stories, story, timeline
- ``cli.compare``: compare (an event's or a story's outlets side by side)
- ``cli.serve``: serve, report
- ``cli.batch``: batch, load
- ``cli.watch``: sources (add, list, remove), watch
- ``cli.common``: the consoles, option bundles, opening the corpus, errors, JSON output

Exit codes: 0 all well, 1 some inputs rejected (listed with reasons), 2 usage error
(including a database that does not exist or is not a Storyline corpus).
"""

from __future__ import annotations

from typing import Annotated

import typer

from storyline import __version__
from storyline.cli import batch, compare, corpus, ingest, linked, serve, watch
from storyline.cli.common import out

app = typer.Typer(
    help="Storyline: turn piles of raw news articles into clean, dated, cited story dossiers.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
for family in (ingest, corpus, linked, compare, serve, batch, watch):
    family.register(app)


def _version(value: bool) -> None:
    if value:
        out.print(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Storyline: raw news articles in; clean, dated, cited story dossiers out."""


def main() -> None:
    """Console entry point."""
    app()
