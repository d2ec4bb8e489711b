"""The face of Storyline: a read-only web UI with a JSON twin for every page
(``storyline serve``), and the same pages as a static site (``storyline report``). What
each page shows is built in ``web.pages``, which the CLI uses too (without loading the
web server's packages)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app"]


def create_app(db: str | Path, **options: Any) -> FastAPI:
    """The web app over the store at ``db``, with the options of ``web.app.create_app``
    (``allow_ingest``, ``token``, ``bind``, ``allowed_hosts``)."""
    from storyline.web.app import create_app as make

    return make(db, **options)
