"""Commands that show the corpus to a browser: ``serve`` (the web UI and its JSON API) and
``report`` (the same pages as a static site)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import Progress

from storyline import pages
from storyline.cli.common import DEFAULT_DB, Db, err, fail, need_database, open_store, out, warn_unanalysed
from storyline.web.limits import HEAD_SECONDS, Capacity


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.command()(report)


def serve(
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="Open POST /api/ingest (needs --token).")
    ] = False,
    token: Annotated[
        str | None, typer.Option(envvar="STORYLINE_TOKEN", help="Bearer token for ingest.")
    ] = None,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="Another name the server answers to in the Host header (repeat it); loopback "
            "names and --host are always allowed, any other is refused.",
        ),
    ] = None,
    max_running: Annotated[
        int, typer.Option(min=1, max=40, help="Requests answered at once (the others wait their turn).")
    ] = Capacity.running,
    max_queued: Annotated[
        int, typer.Option(min=0, help="Requests that may wait their turn; one more gets 503 + Retry-After.")
    ] = Capacity.queued,
    max_wait: Annotated[
        float, typer.Option(min=0.1, help="Seconds a request may wait its turn before a 503 + Retry-After.")
    ] = Capacity.wait,
    header_timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds a connection has to send a whole request head.")
    ] = HEAD_SECONDS,
    body_timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds a request has to send its whole body (ingest).")
    ] = Capacity.body_seconds,
) -> None:
    """Browse the corpus: web pages and their JSON twins (read-only by default)."""
    import uvicorn

    from storyline.web import create_app
    from storyline.web.limits import timed_protocol

    need_database(db)
    if allow_ingest and not token:
        raise fail("--allow-ingest needs --token (or STORYLINE_TOKEN)")
    migrate_for_serving(db, allow_ingest)
    warn_unanalysed(db)
    err.print(f"Storyline on http://{host}:{port}/ (JSON API under /api, spec at /api/openapi.json)")
    capacity = Capacity(max_running, max_queued, max_wait, body_timeout)
    uvicorn.run(
        create_app(
            db,
            allow_ingest=allow_ingest,
            token=token,
            bind=host,
            allowed_hosts=tuple(allowed_host or ()),
            capacity=capacity,
        ),
        host=host,
        port=port,
        log_level="warning",
        http=timed_protocol(header_timeout),  # a connection that sends no whole head is closed
        timeout_keep_alive=5,  # ... and one idle after its answer; no cap on open connections:
        # the app queues what runs (web.limits.Admission), so idle ones shut no one out
        timeout_graceful_shutdown=5,  # SIGTERM: requests still running after 5 s are cut
    )


def migrate_for_serving(db: str, allow_ingest: bool) -> None:
    """Bring an older corpus up to this schema, once, before serving it. A corpus that cannot
    be written here (a read-only file or folder) is served as it is, read-only, when it is at
    this schema; else, or when ``--allow-ingest`` would write to it, that is an error."""
    from storyline.store import latest_version, read_only_reason

    with open_store(db) as store:  # identified first: a foreign or newer file is refused untouched
        version = store.schema_version()
    read_only = read_only_reason(db)
    if read_only and allow_ingest:
        raise fail(f"--allow-ingest writes to the corpus, but {db} is read-only: {read_only}")
    if version < latest_version():
        if read_only:
            raise fail(
                f"{db} needs migrating to this Storyline's schema ({version} to {latest_version()}),"
                f" but it is read-only: {read_only}; serve it once where it can be written"
            )
        with open_store(db, readonly=False):
            pass


def report(
    output: Annotated[str, typer.Option("--output", "-o", help="Folder to write the site to.")],
    db: Db = DEFAULT_DB,
    story_id: Annotated[str | None, typer.Option("--story", help="Only this story.")] = None,
) -> None:
    """Write the pages as a static site (relative links, search included): open its
    index.html from disk or put the folder on any web server."""
    from storyline.web.report import write_report

    warn_unanalysed(db)
    with open_store(db) as store, Progress(console=err, transient=True) as bar:
        task = bar.add_task("writing pages", total=None)
        try:
            counts = write_report(
                store,
                output,
                story_id,
                lambda done, total: bar.update(task, completed=done, total=total),
            )
        except pages.NotFound as exc:
            raise fail(str(exc)) from None
        except OSError as exc:
            raise fail(f"cannot write {output}: {exc}") from None
    out.print(
        f"wrote {counts['stories']} stories, {counts['events']} events, {counts['entities']} "
        f"entities, {counts['articles']} articles to {escape(output)}/ — open "
        f"{escape(output)}/index.html"
    )
