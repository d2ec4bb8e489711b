"""Commands that read what linking found: ``entities``, ``entity``, ``duplicates``,
``events``, ``event``, ``stories``, ``story`` and ``timeline``."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from storyline import pages
from storyline.cli.common import (
    DEFAULT_DB,
    Db,
    Json,
    Label,
    Limit,
    Offset,
    Outlet,
    Since,
    Until,
    counted,
    fail,
    from_outlets,
    open_store,
    out,
    print_json,
    view,
    warn_unanalysed,
)
from storyline.model import UNKNOWN_OUTLET
from storyline.model.analyses import Sentence, TimelineEntry
from storyline.pages.citations import short
from storyline.pages.shapes import EventPage, EventRef, RoleRow, StoryPage
from storyline.store import Filters


def register(app: typer.Typer) -> None:
    for command in (entities, entity, duplicates, events, event, stories, story, timeline):
        app.command()(command)


def entities(
    db: Db = DEFAULT_DB,
    name: Annotated[str | None, typer.Option(help="Only entities with this in a name.")] = None,
    label: Label = None,
    limit: Limit = 50,
    offset: Offset = 0,
    as_json: Json = False,
) -> None:
    """Corpus entities, most reported first, with their aliases and roles."""
    rows = view(db, pages.entity_list, label, name, limit, offset)
    if as_json:
        print_json(rows)
        return
    for e in rows:
        aliases = ", ".join(a for a in e["aliases"] if a != e["name"])
        out.print(
            f"[bold]{escape(e['name'])}[/bold] [dim]{e['id']} · {e['label']} · "
            f"{e['articles']} articles · {e['mentions']} mentions[/dim]"
        )
        if aliases:
            out.print(f"  [dim]also:[/dim] {escape(aliases)}")
        _print_roles(e["roles"][:3])


def _print_roles(roles: list[RoleRow]) -> None:
    for r in roles:
        out.print(f"  [dim]role:[/dim] {escape(r['role'])} [dim]{', '.join(r['as_of'])}[/dim]")


def entity(
    name: Annotated[str, typer.Argument(help="An entity id (E12) or part of a name or alias.")],
    db: Db = DEFAULT_DB,
    as_json: Json = False,
) -> None:
    """One entity: its aliases with their evidence, its roles, and its quotes. ``--json`` is
    the entity page's data (with ``others``: the ids of other entities a name matched)."""
    with open_store(db) as store:
        try:
            entity_id, others = pages.find_entity(store, name)
        except pages.NotFound:
            raise fail(f"no entity matching {name!r}; `storyline entities` lists them") from None
        data = pages.entity(store, entity_id)
    if others:
        data["others"] = others
    if as_json:
        print_json(data)
        return
    out.print(
        f"[bold]{escape(data['name'])}[/bold] [dim]{data['id']} · {data['label']} · "
        f"{data['articles']} articles · {data['mentions']} mentions[/dim]"
    )
    for ev in data["evidence"]:
        ids = ", ".join(a[:8] for a in ev["article_ids"][:6])
        more = f" +{ev['article_count'] - 6}" if ev["article_count"] > 6 else ""
        why = f" · joined as {'; '.join(ev['joined_by'])}" if ev.get("joined_by") else ""
        out.print(
            f"  [dim]as[/dim] {escape(ev['alias'])} [dim]· {ev['mentions']} mentions · {ids}{more}"
            f"{escape(why)}[/dim]"
        )
    _print_roles(data["roles"])
    for q in data["quotes"][:10]:
        out.print(f"  [magenta]“{escape(short(q['text'], 160))}”[/magenta] [dim]{q['article_id'][:8]}[/dim]")
    if others:
        out.print(f"[dim]also matching: {escape(', '.join(others)[:300])}[/dim]")


def duplicates(
    db: Db = DEFAULT_DB,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
    as_json: Json = False,
) -> None:
    """Wire copies and near-duplicates, each with its original and what the copy changed
    (of an outlet: the copy's or the original's; dates: the copy's)."""
    rows = view(db, pages.copy_list, Filters(outlet, since, until, limit, offset))
    if as_json:
        print_json(rows)
        return
    if not rows:
        out.print("no copies found")
    for d in rows:
        out.print(
            f"{d['article_id']} [dim]({escape(d['outlet'] or '—')})[/dim] is a {d['kind']} of "
            f"{d['duplicate_of']} [dim]({escape(d['original_outlet'] or '—')}), "
            f"similarity {d['similarity']:.2f}[/dim]"
        )
        for op in d["diff"][:5]:
            if op["original"]:
                out.print(f"  [red]- {escape(short(op['original'], 160))}[/red]")
            if op["copy"]:
                out.print(f"  [green]+ {escape(short(op['copy'], 160))}[/green]")


def _event_line(v: EventPage | EventRef, indent: str = "  ") -> str:
    known = [o for o in v["outlets"] if o != UNKNOWN_OUTLET]
    named = [escape(", ".join(known))] if known else []
    if len(known) < len(v["outlets"]):  # articles of unknown outlet: apart, not an outlet
        named.append("some of unknown outlet" if known else "outlet unknown")
    return (
        f"{indent}{v['id']} {v['date'] or 'undated'} {escape(v['title'] or '')} "
        f"[dim]({counted(len(v['article_ids']), 'article')}: {'; '.join(named)})[/dim]"
    )


def events(
    db: Db = DEFAULT_DB,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
    as_json: Json = False,
) -> None:
    """Events: articles that report the same development, in date order (of an outlet that
    reported them, over the dates they span)."""
    rows = view(db, pages.event_list, Filters(outlet, since, until, limit, offset))
    if as_json:
        print_json(rows)
        return
    for v in rows:
        out.print(_event_line(v, indent=""))


def event(
    event_id: Annotated[str, typer.Argument(help="An event id (see `storyline events`).")],
    db: Db = DEFAULT_DB,
    as_json: Json = False,
) -> None:
    """One event: its articles, its summary, what one outlet alone reports, its copies."""
    warn_unanalysed(db)
    data = view(db, pages.event, event_id)
    if as_json:
        print_json(data)
        return
    out.print(
        f"[bold]{data['id']} {escape(data['title'] or '')}[/bold] [dim]{data['date'] or 'undated'}[/dim]"
    )
    for a in data["articles"]:
        out.print(
            f"  {a['id'][:8]} [dim]{a['published'] or 'undated'} · {escape(a['outlet'] or '—')}[/dim] "
            f"{escape(a['headline'] or '(no headline)')}"
        )
    _print_summary(data.get("summary", []))
    for x in data.get("only_in", []):
        out.print(f"  [dim]only {escape(x['outlet'])}:[/dim] {escape(x['text'])}")
    if unknown := data.get("only_in_unknown", []):
        out.print(f"  [dim]and {counted(len(unknown), 'sentence')} only in articles of unknown outlet[/dim]")
    _print_blindspots(data)
    for d in data["duplicates"]:
        out.print(f"  [dim]{d['article_id'][:8]} is a {d['kind']} of {d['duplicate_of'][:8]}[/dim]")


def _print_blindspots(data: StoryPage | EventPage, most: int = 12) -> None:
    """The outlets of the corpus, publishing at the time, that never covered it."""
    names = data.get("blindspots", [])
    if names:
        more = f" and {len(names) - most:,} more" if len(names) > most else ""
        out.print(f"  [dim]not covered by:[/dim] {escape(', '.join(names[:most]))}{more}")


def _print_summary(entries: list[Sentence]) -> None:
    out.print("\n[bold]Summary[/bold]")
    for e in entries:
        out.print(
            f"  {escape(e['text'])} [dim]({_reported_by(e)}; {e['citations'][0]['article_id'][:8]})[/dim]"
        )


def _reported_by(e: Sentence | TimelineEntry) -> str:
    """Who reports a cited sentence: its known outlets, articles of unknown outlet apart
    (the page counts them from its citations; an older page has its support count only)."""
    if "known_outlets" not in e:
        return f"{e['support']} sources"
    unknown = e.get("unknown_articles", 0)
    apart = f", {counted(unknown, 'article')} of unknown outlet" if unknown else ""
    return f"{counted(e['known_outlets'], 'outlet')}{apart}"


def stories(
    db: Db = DEFAULT_DB,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
    as_json: Json = False,
) -> None:
    """Stories: chains of related events over time, with their events, in date order (of an
    outlet that reported them, over the dates they span)."""
    warn_unanalysed(db)
    rows = view(db, pages.story_list, Filters(outlet, since, until, limit, offset))
    if as_json:
        print_json(rows)
        return
    events_by_id = {v["id"]: v for v in view(db, pages.event_list, Filters())}
    for st in rows:
        span = f"{st['first_date'] or '?'} … {st['last_date'] or '?'}"
        out.print(
            f"[bold]{st['id']}[/bold] {escape(st['title'] or '')} [dim]· {span} · "
            f"{counted(len(st['event_ids']), 'event')} · {counted(len(st['article_ids']), 'article')}[/dim]"
        )
        for eid in st["event_ids"]:
            if eid in events_by_id:
                out.print(_event_line(events_by_id[eid]))
        _print_findings(st)
        for x in st.get("coverage", {}).get("only_one_outlet", []):
            out.print(f"  [dim]only {escape(x['outlet'])} reported {x['event_id']}[/dim]")


def _print_findings(st: StoryPage) -> None:
    """A story's conflicting claims and quote board, a line each."""
    for c in st.get("conflicts", []):
        values = ", ".join(f"{r['value']:,} ({escape(r['outlet'] or '—')})" for r in c["reports"])
        where = ", ".join(c.get("event_ids") or [c["event_id"]])
        out.print(f"  [yellow]conflict[/yellow] {escape(c['quantity'])} in {where}: {values}")
        frame = next((r["frame"] for r in c["reports"] if r.get("frame")), None)
        if frame:  # why the reports are one quantity
            what = " ".join(x for x in (frame["thing"], frame["predicate"], *frame["path"]) if x)
            about = ", ".join(frame["about"]) or "—"
            basis = c.get("basis", "one event")
            out.print(f"    [dim]one quantity: {escape(what)}; about {escape(about)} ({basis})[/dim]")
    for b in st.get("quote_board", []):
        kinds = ", ".join(f"{escape(v['outlet'] or '—')}: {v['kind']}" for v in b["versions"])
        out.print(f"  [magenta]quote[/magenta] {escape(b['speaker'] or '?')}: {kinds}")


def story(
    story_id: Annotated[str, typer.Argument(help="A story id (see `storyline stories`).")],
    db: Db = DEFAULT_DB,
    as_json: Json = False,
) -> None:
    """One story: its timeline, cited summary, events, sources, quotes and conflicts.
    ``--json`` is the story page's data, the same object as ``/api/stories/ID``."""
    warn_unanalysed(db)
    data = view(db, pages.story, story_id)
    if as_json:
        print_json(data)
        return
    out.print(f"[bold]{data['id']} {escape(data['title'] or '')}[/bold]")
    out.print(
        f"[dim]{data['first_date'] or '?'} … {data['last_date'] or '?'} · "
        f"{counted(len(data['event_ids']), 'event')} · "
        f"{from_outlets(len(data['article_ids']), data['known_outlets'], data['unknown_articles'])}[/dim]"
    )
    out.print("\n[bold]Timeline[/bold]")
    for e in data.get("timeline", []):
        cites = ", ".join(c["article_id"][:8] for c in e["citations"][:4])
        out.print(f"  {e['date']} [dim]{e['kind']} · {_reported_by(e)} · {cites}[/dim]")
        out.print(f"    {escape(e['text'])}")
    _print_summary(data.get("summary", []))
    out.print("\n[bold]Events[/bold]")
    for v in data["events"]:
        out.print(_event_line(v))
    _print_findings(data)
    for x in data.get("coverage", {}).get("only_one_outlet", []):
        out.print(f"  [dim]only {escape(x['outlet'])} reported {x['event_id']}[/dim]")
    _print_blindspots(data)


def timeline(
    db: Db = DEFAULT_DB,
    story_id: Annotated[str | None, typer.Option("--story", help="One story.")] = None,
    query: Annotated[
        str | None, typer.Option("--query", help="Stories with articles matching these words.")
    ] = None,
    dates: Annotated[int, typer.Option(min=1, help="How many dates.")] = 10,
    sentences: Annotated[int, typer.Option(min=1, help="Sentences per date, at most.")] = 1,
    as_json: Json = False,
    fmt: Annotated[
        str, typer.Option("--format", hidden=True, help="Old spelling: --format json is --json.")
    ] = "text",
) -> None:
    """The most important dates of a story (or of the stories matching a query, or of the
    corpus), each with source sentences and their citations."""
    if fmt not in ("text", "json"):
        raise fail("--format is text or json (or give --json)")
    days = view(db, pages.timeline, story_id, query, dates, sentences)
    if as_json or fmt == "json":
        print_json([{k: d[k] for k in ("date", "sentences", "citations")} for d in days])
        return
    for d in days:
        out.print(f"[bold]{d['date']}[/bold]")
        for text, c in zip(d["sentences"], d["citations"], strict=True):
            out.print(f"  {escape(text)} [dim]({c['article_id'][:8]} {c['start']}–{c['end']})[/dim]")
