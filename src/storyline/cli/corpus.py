"""Commands that read articles: ``list``, ``show``, ``search``, ``summary``, ``rejects``,
``quotes`` and ``export``; and ``outlets``, the outlet profiles."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from storyline import pages
from storyline.cli.common import (
    DEFAULT_DB,
    Db,
    Json,
    Limit,
    Offset,
    Outlet,
    Since,
    Until,
    counted,
    err,
    fail,
    open_store,
    out,
    outlet_profiles,
    print_json,
    short,
    view,
    warn_unanalysed,
)
from storyline.model import UNKNOWN_OUTLET, Source
from storyline.pages.shapes import ArticlePage
from storyline.store.export import FORMATS, export
from storyline.store.rows import CorpusSummary


def register(app: typer.Typer) -> None:
    app.command("list")(list_articles)
    app.command()(show)
    app.command()(search)
    app.command()(summary)
    app.command()(rejects)
    app.command()(quotes)
    app.command("export")(export_corpus)
    app.command()(outlets)


WIDE_LIST = 120
"""Terminal columns from which ``list`` shows each article's origin: at 80 the id (16), the day
(10) and an outlet leave a headline about 30 columns, and an origin beside it would squeeze the
headline to a word a line."""
OUTLET_WIDTH = 18
"""An outlet's name in ``list`` at most this wide (longer ones end in an ellipsis)."""


def list_articles(
    db: Db = DEFAULT_DB,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
    as_json: Json = False,
) -> None:
    """List articles, oldest first, filtered by outlet and date range."""
    data = view(db, pages.article_list, outlet, since, until, limit, offset)
    if as_json:
        print_json(data)
        return
    wide = out.width >= WIDE_LIST  # room for the origin beside a readable headline
    table = Table(box=None, pad_edge=False)
    table.add_column("id", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("outlet", max_width=OUTLET_WIDTH, overflow="ellipsis")
    table.add_column("headline", ratio=1)
    if wide:  # an origin keeps its file name (``short`` cuts its front); ``show ID`` gives it too
        table.add_column("origin", no_wrap=True)
    for r in data["articles"]:
        origin = (r["path"] or "") + (f"#{r['part']}" if r["part"] else "")
        row = [
            r["id"],
            (r["published"] or "—")[:10],  # the day; ``show ID`` gives the time
            escape(r["outlet"] or "—"),
            escape(r["headline"] or "(no headline)"),
        ]
        table.add_row(*row, *([escape(short(origin))] if wide else []))
    out.print(table)
    out.print(f"{len(data['articles'])} of {data['total']} articles shown (offset {offset}).")


def show(
    article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    db: Db = DEFAULT_DB,
    removed: Annotated[
        bool, typer.Option("--removed", help="Also list removed boilerplate with reasons.")
    ] = False,
    as_json: Json = False,
) -> None:
    """Print one article: metadata, clean text, and (with --removed) what was taken out."""
    data = view(db, pages.article, article_id)
    if as_json:
        print_json(data)
        return
    print_article(data, removed)


def print_article(art: ArticlePage, removed: bool) -> None:
    """An article's metadata, its text with what reading found marked, and the lists."""
    out.rule(f"[bold]{escape(art['headline'] or '(no headline)')}")
    if art["dek"]:
        out.print(f"[italic]{escape(art['dek'])}[/italic]")
    meta = Table(box=None, show_header=False, pad_edge=False)
    origin = Source(**art["source"]).label()
    for key, value in (
        ("id", art["id"]),
        ("outlet", f"{art['outlet'] or '—'} ({art['outlet_basis'] or 'no signal'})"),
        (
            "published",
            f"{art['published'] or '—'} ({art['published_basis'] or 'unknown'}"
            + (f": {art['published_source']})" if art["published_source"] else ")"),
        ),
        ("byline", art["byline"] or "—"),
        ("credits", ", ".join(art["credits"]) or "—"),
        ("language", art["language"] or "—"),
        *((f"not {stage}", why) for stage, why in art["skipped"].items()),
        ("origin", f"{origin} [{art['format']}]"),
    ):
        meta.add_row(f"[dim]{key}[/dim]", escape(value))
    out.print(meta)
    out.print()
    out.print(_marked_text(art))
    _print_annotations(art)
    if removed:
        out.print()
        out.rule(f"removed ({len(art['removed'])} spans)")
        for r in art["removed"]:
            out.print(
                f"[red]✗[/red] [dim]{escape(r['reason'])} ({r['stage']}):[/dim] "
                f"[strike]{escape(r['text'])}[/strike]"
            )


_STYLE = {"qt": "magenta", "tx": "cyan", "cl": "yellow"}


def _marked_text(art: ArticlePage) -> Text:
    """The clean text with what reading found marked in place (the article page's segments):
    quotes in magenta, people bold, places and organisations underlined, dates in cyan,
    numbers of claims in yellow."""
    people = {(e["start"], e["end"]) for e in art["entities"] if e["label"] == "PERSON"}
    text = Text()
    for seg in art["segments"]:
        styles = [_STYLE[c] for c in seg["classes"] if c in _STYLE]
        if "ent" in seg["classes"]:
            inside = any(s <= seg["start"] and seg["end"] <= e for s, e in people)
            styles.append("bold" if inside else "underline")
        text.append(seg["text"], style=" ".join(styles))
    return text


def _print_annotations(art: ArticlePage) -> None:
    """What reading found, each with its offsets into the text above."""
    if "read" not in art["stages"]:
        return
    out.print()
    ents = art["entities"]
    people = sorted({e["text"] for e in ents if e["label"] == "PERSON" and e["text"][0].isupper()})
    places = sorted({e["text"] for e in ents if e["label"] in ("GPE", "LOC")})
    orgs = sorted({e["text"] for e in ents if e["label"] == "ORG"})
    out.rule(f"entities ({len(ents)} mentions)")
    for name, items in (("people", people), ("places", places), ("organisations", orgs)):
        if items:
            out.print(f"[dim]{name}:[/dim] {escape(', '.join(items))}")
    for who, role, as_of in sorted(
        {(e["text"], e["role"], e.get("role_as_of")) for e in ents if e.get("role")}
    ):
        out.print(
            f"[dim]role:[/dim] {escape(who)} — {escape(role)} [dim](as of {as_of or 'unknown date'})[/dim]"
        )
    if art["timexes"]:
        out.rule(f"dates ({len(art['timexes'])})")
        for t in art["timexes"]:
            out.print(f"[cyan]{escape(t['text'])}[/cyan] → {t['value']}  [dim]@{t['start']}-{t['end']}[/dim]")
    if art["quotes"]:
        out.rule(f"quotes ({len(art['quotes'])})")
        for q in art["quotes"]:
            who = q.get("speaker_resolved") or q.get("speaker") or "?"
            out.print(
                f"[magenta]{escape(who)}[/magenta] [dim]({q['kind']}, {q.get('cue') or 'no cue'}, "
                f"@{q['start']}-{q['end']}, {q['confidence']:.1f})[/dim]: {escape(q['text'])}"
            )
    if art["claims"]:
        out.rule(f"numeric claims ({len(art['claims'])})")
        for c in art["claims"]:
            qual = f"{c['qualifier']} " if c.get("qualifier") else ""
            src = f" [dim](source: {escape(c['source'])})[/dim]" if c.get("source") else ""
            when = f" [dim]as of {c['claim_date']}[/dim]" if c.get("claim_date") else ""
            at = f"@{c.get('number_start', c['start'])}-{c.get('number_end', c['end'])}"
            out.print(f"{qual}{c['value']:,} {escape(c['unit'] or '')}{src}{when}  [dim]{at}[/dim]")


def search(
    query: Annotated[str, typer.Argument(help='Words or an FTS5 query ("exact phrase", a OR b, pre*).')],
    db: Db = DEFAULT_DB,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 20,
    offset: Offset = 0,
    as_json: Json = False,
) -> None:
    """Full-text search over headlines and clean text, best matches first, with snippets.
    ``--json`` prints the search page's data, with ``query`` and ``hits`` as earlier
    versions named them."""
    try:
        data = view(db, pages.search, query, limit, offset, outlet, since, until, None, True)
    except pages.BadQuery as exc:
        raise fail(str(exc)) from None
    if as_json:
        print_json({**data, "query": query, "hits": data["items"]})
        return
    if not data["items"]:
        out.print("no matches")
        return
    for h in data["items"]:
        out.print(
            f"[bold]{escape(h['headline'] or '(no headline)')}[/bold]  [dim]{h['id']} · "
            f"{escape(h['outlet'] or '—')} · {h['published'] or 'undated'}[/dim]"
        )
        snippet = Text("  ")
        for part in h["parts"]:
            snippet.append(part["text"], style="bold yellow" if part["hit"] else "")
        out.print(snippet)


def summary(db: Db = DEFAULT_DB, as_json: Json = False) -> None:
    """Print a summary of the corpus: outlets, date range, languages, rejects, removals."""
    data = view(db, pages.overview)
    if as_json:
        print_json(data)
    else:
        print_summary(data, db)


def print_summary(data: CorpusSummary, db: str) -> None:
    out.rule(f"[bold]Corpus {escape(db)}")
    out.print(
        f"[bold]{data['articles']}[/bold] articles from [bold]{data['outlets']}[/bold] outlets, "
        f"published {data['first_date'] or '?'} … {data['last_date'] or '?'} "
        f"({data['undated']} undated); {data['digests_split']} digest files split; "
        f"{data['rejects']} inputs rejected."
    )
    table = Table("outlet", "articles", "first", "last", box=None, pad_edge=False)
    unknown = 0
    for row in data["by_outlet"]:
        if row["outlet"] == UNKNOWN_OUTLET:  # apart: no outlet of the table
            unknown = row["articles"]
            continue
        table.add_row(escape(row["outlet"]), str(row["articles"]), row["first"] or "—", row["last"] or "—")
    out.print(table)
    if unknown:
        out.print(f"and {counted(unknown, 'article')} of unknown outlet")
    langs = ", ".join(f"{k} {v}" for k, v in data["by_language"].items())
    out.print(f"languages: {langs}")
    if data["not_read"]:
        not_read = ", ".join(f"{n} {reason}" for reason, n in data["not_read"].items())
        out.print(f"not read (text, dates and copies kept): {escape(not_read)}")
    removed = ", ".join(f"{k} {v}" for k, v in list(data["removed_by_reason"].items())[:12])
    out.print(f"removed spans by reason: {escape(removed) or 'none'}")


def rejects(
    db: Db = DEFAULT_DB,
    run: Annotated[int | None, typer.Option(help="Only this ingest run.")] = None,
    limit: Limit = 1000,
    as_json: Json = False,
) -> None:
    """List every input that did not become an article, with the reason."""
    rows = view(db, pages.reject_list, run, limit)
    if as_json:
        print_json(rows)
        return
    if not rows:
        out.print("no rejected inputs")
        return
    table = Table("run", "origin", "stage", "reason", box=None, pad_edge=False)
    table.columns[1].no_wrap = True  # an origin keeps its file name (``short`` cuts its front)
    for r in rows:
        origin = (r["path"] or r["url"] or "<stdin>") + (f":{r['record']}" if r["record"] else "")
        table.add_row(str(r.get("run_id")), escape(short(origin)), r["stage"], escape(r["reason"]))
    out.print(table)


def quotes(
    db: Db = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option(help="Only quotes whose speaker name contains this.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
    as_json: Json = False,
) -> None:
    """List quotes and attributed statements across the corpus, with speaker and source article."""
    rows = view(db, pages.quote_list, speaker, limit, offset)
    if as_json:
        print_json(rows)
        return
    if not rows:
        out.print("no quotes")
        return
    for r in rows:
        who = r.get("speaker_resolved") or r.get("speaker") or "?"
        out.print(
            f"[magenta]{escape(who)}[/magenta] [dim]{r['kind']} · {r['article_id']} · "
            f"{escape(r['outlet'] or '—')} · {r['published'] or 'undated'}[/dim]"
        )
        out.print(f"  {escape(r['text'])}")


def export_corpus(
    db: Db = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of {', '.join(FORMATS)}.")] = "json",
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="File (json) or folder (jsonl, csv, parquet); - for stdout."),
    ] = None,
) -> None:
    """Export the corpus following the JSON export contract."""
    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    warn_unanalysed(db)
    with open_store(db) as store:
        try:
            written = export(store, fmt, output)
        except (ValueError, OSError) as exc:
            raise fail(str(exc)) from None
    if written != ["-"]:
        err.print("wrote " + ", ".join(written))


def outlets(
    name: Annotated[str | None, typer.Argument(help="One outlet, by name or alias.")] = None,
    as_json: Json = False,
) -> None:
    """The outlet profiles: country, languages, kind and sites of each outlet the bundled table
    and yours (the CSV file $STORYLINE_OUTLETS names) describe, each with its source. Checks
    your table: a malformed row is an error naming its line."""
    from storyline.profiles import every

    table = outlet_profiles()
    rows = every()
    if name is not None:
        found = table.find(name)
        if found is None:
            raise fail(f"no profile of {name!r} (see `storyline outlets`)")
        rows = [found]
    if as_json:
        print_json(rows)
        return
    grid = Table("outlet", "country", "languages", "kind", "sites", box=None, pad_edge=False)
    for p in rows:
        grid.add_row(
            escape(p["name"]), p["country"] or "—", ", ".join(p["languages"]) or "—",
            escape(", ".join(p["kinds"])) or "—", escape(", ".join(p["sites"])) or "—",
        )  # fmt: skip
    out.print(grid)
    if name is not None:
        out.print(f"source: {escape(rows[0]['source'] or 'none given')} ({rows[0]['table']} table)")
