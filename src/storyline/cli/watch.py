"""Following the news: ``sources add|list|remove`` (feeds, sitemaps, sites, folders, kept in
the corpus database with their state) and ``watch`` (poll the due sources, ingest and link
what is new; ``--once`` for one round, for cron and tests; SIGINT or SIGTERM stops it
cleanly between two fetches)."""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.markup import escape
from rich.table import Table

from storyline.cli.common import (
    DEFAULT_DB,
    Db,
    err,
    fail,
    given_outlet,
    open_store,
    out,
    outlet_profiles,
    print_json,
)
from storyline.clock import now_text
from storyline.model.follow import Alert
from storyline.store import Store

T = TypeVar("T")

sources_app = typer.Typer(
    help="The feeds, sitemaps, sites and folders `watch` follows.", no_args_is_help=True
)
_EVERY = re.compile(r"^(\d+)\s*([smhd]?)$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


watchlist_app = typer.Typer(help="What `watch` raises alerts for.", no_args_is_help=True)
COUNTED = ("stored", "waiting", "failed")  # the states `sources list` counts a source's items in
ON_ALERT_SECONDS = 30  # how long a user's --on-alert command may run for one alert


def register(app: typer.Typer) -> None:
    app.add_typer(sources_app, name="sources")
    app.add_typer(watchlist_app, name="watchlist")
    app.command()(watch)
    app.command()(alerts)


@watchlist_app.command("add")
def watch_add(
    entity: Annotated[
        str | None, typer.Option("--entity", help="A person, organisation or place, by name.")
    ] = None,
    query: Annotated[
        str | None, typer.Option("--query", help="Words, as `storyline search` takes them.")
    ] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="An outlet's name.")] = None,
    story: Annotated[str | None, typer.Option("--story", help="A story's id (S3).")] = None,
    db: Db = DEFAULT_DB,
) -> None:
    """Watch an entity (new articles about it, its new quotes), a query, an outlet, or a story
    (its new articles and events): each round of `watch` raises alerts for what is new."""
    given = [
        (k, v) for k, v in (("entity", entity), ("query", query), ("outlet", outlet), ("story", story)) if v
    ]
    if len(given) != 1:
        raise fail("say one of --entity, --query, --outlet or --story")
    kind, value = given[0]
    wid = _added(db, lambda store: store.alerts.watch(kind, value, now_text()))
    out.print(f"watching {kind} {escape(value)} (watch {wid})")


@watchlist_app.command("list")
def watch_list(db: Db = DEFAULT_DB, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """What is watched."""
    rows = _listed(db, lambda store: store.alerts.watches(), as_json)
    for r in rows:
        out.print(f"{r['id']}  {r['kind']:7} {escape(r['value'])}")
    if not rows and not as_json:
        out.print("nothing watched (add with `storyline watchlist add --entity NAME`)")


@watchlist_app.command("remove")
def watch_remove(
    watch_id: Annotated[int, typer.Argument(help="The watch's number.")], db: Db = DEFAULT_DB
) -> None:
    """Stop watching (its alerts stay)."""
    with open_store(db, readonly=False) as store:
        if not store.alerts.unwatch(watch_id):
            raise fail(f"no watch {watch_id} (see `storyline watchlist list`)")
    out.print(f"stopped watch {watch_id}")


def alerts(
    db: Db = DEFAULT_DB,
    since: Annotated[
        str | None, typer.Option("--since", help="Only alerts raised at or after (2024-05-02).")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """The alerts `watch` raised, newest first, each with the articles it cites."""
    with open_store(db) as store:
        rows = store.alerts.since(since, limit)
    if as_json:
        print_json(rows)
        return
    for a in rows:
        out.print(
            f"[bold]{escape(a['title'])}[/bold] [dim]{a['at']} · {a['kind']} · {escape(a['watch'])}[/dim]"
        )
        for c in a["articles"]:
            where = f"{c.get('outlet') or 'unknown outlet'} · {c.get('published') or 'undated'}"
            out.print(f"  {c['id'][:12]} {escape(where)} · {escape(c.get('headline') or 'untitled')}")
    if not rows:
        out.print("no alerts")


def _run_on_alert(command: str, alert: Alert) -> None:
    """The user's command, with one alert as JSON on its standard input (time-limited)."""
    import json
    import shlex
    import subprocess

    try:
        subprocess.run(
            shlex.split(command), input=json.dumps(alert), text=True, timeout=ON_ALERT_SECONDS, check=True
        )
    except (OSError, subprocess.SubprocessError) as exc:
        err.print(f"[yellow]--on-alert command failed: {escape(str(exc))}[/yellow]")


def seconds(every: str) -> int:
    """``15m``, ``2h``, ``30s``, ``1d`` or plain seconds, at least 10 s."""
    m = _EVERY.match(every.strip().lower())
    if not m:
        raise fail(f"not a polling interval: {every!r} (say 30s, 15m, 2h or 1d)")
    value = int(m.group(1)) * _UNIT[m.group(2)]
    if value < 10:
        raise fail("poll a source at most every 10 seconds")
    return value


def _added(db: str, make: Callable[[Store], int]) -> int:
    """The id of what ``make`` adds to the corpus (made if need be); a refusal is an error."""
    with open_store(db, readonly=False, create=True) as store:
        try:
            return make(store)
        except ValueError as exc:
            raise fail(str(exc)) from None


def _listed(db: str, read: Callable[[Store], list[T]], as_json: bool) -> list[T]:
    """The rows ``read`` gives; printed as JSON with ``as_json`` (then none are returned)."""
    with open_store(db) as store:
        rows = read(store)
    if as_json:
        print_json(rows)
        return []
    return rows


def raw_folder(db: str) -> Path:
    """Where the fetched pages of a corpus are kept: ``news.db`` → ``news.raw/``."""
    path = Path(db)
    return path.with_name(path.stem + ".raw")


@sources_app.command("add")
def add(
    location: Annotated[str, typer.Argument(help="A feed, sitemap or site URL, or a local folder.")],
    every: Annotated[str, typer.Option("--every", help="How often to poll it: 30s, 15m, 2h, 1d.")] = "15m",
    name: Annotated[str | None, typer.Option("--name", help="A name to show and to remove it by.")] = None,
    outlet: Annotated[
        str | None,
        typer.Option("--outlet", help="Credit every article of this source to this outlet (basis given)."),
    ] = None,
    db: Db = DEFAULT_DB,
) -> None:
    """Follow a source: an RSS or Atom feed, a (news) sitemap, a site's front page (its feeds
    are found on it), or a folder whose new files are picked up. With ``--outlet``, every
    article of the source is credited to that outlet."""
    interval = seconds(every)
    outlet = given_outlet(outlet)
    if re.match(r"^https?://", location, re.I):
        kind = "url"
    elif Path(location).is_dir():
        kind, location = "folder", str(Path(location).resolve())
    else:
        raise fail(f"not a web address nor a folder: {location}")
    sid = _added(db, lambda store: store.sources.add(kind, location, interval, name, now_text(), outlet))
    credited = f", credited to {escape(outlet)}" if outlet else ""
    out.print(f"following {escape(location)} (source {sid}, every {every}{credited})")


@sources_app.command("list")
def list_sources(db: Db = DEFAULT_DB, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """The sources followed, with their state: polls, items stored, waiting (left by a
    round's deadline or beyond what a round takes, fetched first by the next) and failed;
    under the table, each source's last error and the damage of its listing as last read."""
    rows = _listed(db, lambda store: store.sources.all(), as_json)
    if as_json:
        return
    if not rows:
        out.print("no sources (add one with `storyline sources add URL`)")
        return
    table = Table(box=None, pad_edge=False)  # readable at 80 columns: the source's cell folds
    table.add_column("id", no_wrap=True)
    table.add_column("source", ratio=1, overflow="fold")
    table.add_column("kind", no_wrap=True)
    table.add_column("every", no_wrap=True)
    table.add_column("polls", no_wrap=True, justify="right")
    for counted in COUNTED:
        table.add_column(counted, no_wrap=True, justify="right")
    notes = []
    for r in rows:
        items = r["items"]
        source = (f"[bold]{escape(r['name'])}[/bold] " if r["name"] else "") + escape(r["location"])
        if r.get("outlet"):
            source += f" [dim](credited to {escape(r['outlet'] or '')})[/dim]"
        counts = [str(items.get(state, 0)) for state in COUNTED]
        table.add_row(str(r["id"]), source, r["kind"], _every(r["every_seconds"]), str(r["polls"]), *counts)
        if r["last_error"]:
            notes.append(f"source {r['id']}: last error: {escape(r['last_error'])}")
        if r.get("damage"):
            notes.append(
                f"source {r['id']}: damaged listing, what it gave was read: {escape(r['damage'] or '')}"
            )
    out.print(table)
    for note in notes:
        out.print(note, soft_wrap=False)  # wrapped at the terminal's width, as the table is


def _every(seconds: int) -> str:
    """A polling interval as ``sources add --every`` takes it: 30s, 15m, 2h, 1d."""
    for unit in ("d", "h", "m"):
        if seconds % _UNIT[unit] == 0:
            return f"{seconds // _UNIT[unit]}{unit}"
    return f"{seconds}s"


@sources_app.command("remove")
def remove(
    source: Annotated[str, typer.Argument(help="The source's id, name or location.")], db: Db = DEFAULT_DB
) -> None:
    """Stop following a source (its articles stay in the corpus)."""
    with open_store(db, readonly=False) as store:
        if not store.sources.remove(source):
            raise fail(f"no source {source!r} (see `storyline sources list`)")
    out.print(f"stopped following {escape(source)}")


def watch(
    db: Db = DEFAULT_DB,
    once: Annotated[bool, typer.Option("--once", help="One round over every source, then exit.")] = False,
    contact: Annotated[
        str | None, typer.Option(envvar="STORYLINE_CONTACT", help="An e-mail or URL sites can reach you at.")
    ] = None,
    per_host: Annotated[
        float, typer.Option("--per-host", help="Seconds between two requests to one host.")
    ] = 1.0,
    workers: Annotated[
        int,
        typer.Option("--workers", min=1, max=64, help="Requests made at once, each to another host."),
    ] = 4,
    source_deadline: Annotated[
        float,
        typer.Option(
            "--source-deadline", min=1.0, help="Seconds a source's listing and pages may take in a round."
        ),
    ] = 120.0,  # storyline.follow.watch.SOURCE_SECONDS (imported only when watching: httpx is heavy)
    round_deadline: Annotated[
        float, typer.Option("--round-deadline", min=1.0, help="Seconds a round's fetching may take in all.")
    ] = 600.0,  # storyline.follow.watch.ROUND_SECONDS
    as_json: Annotated[bool, typer.Option("--json", help="Print each round's report as JSON.")] = False,
    on_alert: Annotated[
        str | None,
        typer.Option("--on-alert", help="A command run for each alert, the alert as JSON on stdin."),
    ] = None,
) -> None:
    """Follow the sources: poll those due, fetch their new pages (kept in a WARC per round
    under DB.raw/), ingest and link them; repeat until stopped (Ctrl-C or SIGTERM). On a
    terminal a live status line says what the round is doing and when the next poll is.
    What a source or a round cannot fetch by its deadline waits for the next round, which
    fetches it first (`sources list` counts it)."""
    from storyline.follow.fetch import Fetcher, FetchOptions
    from storyline.follow.watch import Watcher

    outlet_profiles()  # the tables name outlets: a malformed one is an error before any fetch
    stopping = threading.Event()
    fetcher_box: list[Any] = []

    def stop(signum: int, _frame: Any) -> None:
        if stopping.is_set():
            for fetcher in fetcher_box:
                fetcher.abort()  # requests under way cut, so the exit does not wait for them
            raise KeyboardInterrupt
        stopping.set()
        err.print("stopping after the fetches under way (again to stop at once)")

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    status = _Status(live=err.is_terminal and not as_json)
    try:
        with (
            open_store(db, readonly=False) as store,
            Fetcher(FetchOptions(contact, per_host, workers=workers)) as fetcher,
            status,
        ):
            fetcher_box.append(fetcher)
            if not store.sources.all():
                raise fail("no sources to watch (add one with `storyline sources add URL`)")
            watcher = Watcher(
                store,
                fetcher,
                raw_folder(db),
                stop=stopping.is_set,
                progress=status.round,
                source_seconds=source_deadline,
                round_seconds=round_deadline,
            )
            first = True
            while not stopping.is_set():
                status.rounds += 1
                report = watcher.round(everything=once or first)
                first = False
                for alert in report.alerts:
                    if on_alert:
                        _run_on_alert(on_alert, alert)
                if as_json:
                    print_json({k: v for k, v in report.__dict__.items() if k != "phase"})
                else:
                    status.done(report)
                if once:
                    break
                due = [s["next_due"] for s in store.sources.all()]
                until = max(min(due), time.time() + 1.0) if due else time.time() + 60.0
                status.waiting(until, len(due))
                while not stopping.is_set() and time.time() < until:
                    stopping.wait(min(1.0, max(0.0, until - time.time())))
                    status.waiting(until, len(due))
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


class _Status:
    """What ``watch`` shows on stderr: on a terminal, a live line (the round's phase, sources
    polled of those due, items new, fetched, failed; between rounds, when the next poll is),
    and a summary line per round; elsewhere (cron, a log) only the summary lines."""

    def __init__(self, live: bool) -> None:
        from rich.live import Live

        self.rounds = 0
        self.live = Live(console=err, transient=True, refresh_per_second=4) if live else None
        self._said: float | None = None  # the next poll last announced (without a live line)
        self._relink_said: str | None = None  # a full relink due, said once

    def __enter__(self) -> _Status:
        if self.live is not None:
            self.live.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.live is not None:
            self.live.stop()

    def _show(self, text: str) -> None:
        if self.live is not None:
            self.live.update(text)

    def round(self, report: Any) -> None:
        """The live line of a round under way (``Watcher``'s progress)."""
        line = (
            f"round {self.rounds} · {report.phase} · sources {report.sources}/{report.due}"
            f" · {report.new_items} new · {report.fetched} fetched · {report.failed} failed"
        )
        line += f" · {report.retried} tried again" if report.retried else ""
        self._show(line + (f" · {report.waiting} left waiting" if report.waiting else ""))

    def done(self, report: Any) -> None:
        """A round's summary line, and its first problems."""
        err.print(
            f"round {self.rounds}: {report.sources} sources, {report.new_items} new items"
            + (f" (+{report.retried} tried again)" if report.retried else "")
            + (f" (+{report.carried} left by the last)" if report.carried else "")
            + (f", {report.had} stored already" if report.had else "")
            + f", {report.stored} stored, {report.failed} failed, {len(report.errors)} errors"
            f" ({report.seconds} s), {len(report.alerts)} alerts"
            + (f", {report.waiting} waiting for the next rounds" if report.waiting else "")
        )
        if report.relink_due and report.relink_due != self._relink_said:
            self._relink_said = report.relink_due
            err.print(
                f"  [cyan]{escape(report.relink_due)}: `storyline link` clusters it again in full"
                " (its time and memory grow with the corpus); watch goes on linking new articles[/cyan]"
            )
        for damaged in report.damaged[:10]:
            err.print(f"  [yellow]damaged listing, what it gave was read: {escape(damaged)}[/yellow]")
        for problem in report.errors[:10]:
            err.print(f"  [yellow]{escape(problem)}[/yellow]")
        if len(report.errors) > 10:
            err.print(
                f"  … and {len(report.errors) - 10} more (`storyline sources list`, `storyline rejects`)"
            )

    def waiting(self, until: float, sources: int) -> None:
        """Between rounds: when the next poll is (a line once; live, a countdown)."""
        left = max(0.0, until - time.time())
        at = time.strftime("%H:%M:%S", time.localtime(until))
        line = f"next poll in {left:.0f} s (at {at}; {sources} sources followed) · Ctrl-C stops"
        if self.live is None:
            if self._said != until:
                err.print(line)
                self._said = until
            return
        self._show(line)
