"""``storyline compare ID``: an event's outlets side by side, or a story's outlets over its
events; ``--json`` is the comparison page's data (``/api/events/ID/compare``,
``/api/stories/ID/compare``). Lines wrap at the terminal's width with their indent kept, so
the listing reads at 80 columns."""

from __future__ import annotations

import textwrap
from typing import Annotated

import typer
from rich.markup import escape

from storyline import pages
from storyline.cli.common import DEFAULT_DB, Db, Json, fail, out, print_json, view, warn_unanalysed
from storyline.model.analyses import Citation, Term
from storyline.pages.shapes import ComparePage, StoryComparePage


def register(app: typer.Typer) -> None:
    app.command()(compare)


def compare(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="An event id (V12) or a story id (S3).")],
    db: Db = DEFAULT_DB,
    as_json: Json = False,
) -> None:
    """How the outlets tell an event (V…): side by side, their headlines, first times, whom
    they quote and leave out, what one alone reports, what they share, the numbers they
    disagree on; or a story (S…): its outlets over its events, over time."""
    if item_id[:1] not in ("V", "S"):
        raise fail(f"{item_id!r} is neither an event id (V…) nor a story id (S…)")
    warn_unanalysed(db)
    if item_id.startswith("S"):
        story = view(db, pages.story_comparison, item_id)
        if as_json:
            print_json(story)
        else:
            _story(story)
        return
    event = view(db, pages.event_comparison, item_id)
    if as_json:
        print_json(event)
    else:
        _event(event)


def _say(text: str, indent: int = 0, style: str = "", lead: str = "") -> None:
    """``text`` wrapped to the terminal's width at ``indent``, after ``lead`` on its first
    line (the lines after it hang under the text)."""
    first, rest = " " * indent + lead, " " * (indent + len(lead))
    width = max(out.width, 40)
    for line in textwrap.wrap(
        text, width=width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
    ) or [""]:
        out.print(escape(line), style=style or None)


def _cite(citations: list[Citation]) -> str:
    c = citations[0] if citations else None
    return f"({c.get('label', '')})" if c else ""


def _words(terms: list[Term]) -> None:
    """An outlet's words, one line per thing they name, best first, with the other outlets'
    words for it and where the best is written."""
    by_referent: dict[str, list[Term]] = {}
    for t in terms:
        by_referent.setdefault(t.get("referent") or t["refers_to"] or "what happened", []).append(t)
    for referent, group in by_referent.items():
        words = ", ".join(dict.fromkeys(t["term"] for t in group))
        others: dict[str, list[str]] = {}
        for t in group:
            for outlet, theirs in t.get("others", {}).items():
                others.setdefault(outlet, []).extend(theirs)
        beside = "; ".join(f"{o}: {', '.join(dict.fromkeys(w))}" for o, w in others.items())
        where = beside and f" — where {beside}"
        best = group[0]
        _say(f"words for {referent}: {words}{where} {_cite(best.get('cites') or best['citations'])}", 2)


def _event(data: ComparePage) -> None:
    _say(f"{data['id']} {data['title'] or 'Untitled event'}", style="bold")
    story = data.get("story")
    where = f" · story {story['id']} {story['title']}" if story else ""
    _say(f"{data['date'] or 'undated'} · {_outlets(data['known_outlets'])}{where}", style="dim")
    comparison = data.get("comparison")
    if not comparison:
        _say("Fewer than two known outlets report this event: nothing to compare.", 0)
        _unknown(data["unknown_articles"])
        return
    for side in comparison["outlets"]:
        out.print()
        first = " · reported first" if side.get("first") else ""
        _say(f"{side['outlet']}{first}", style="bold")
        n = len(side["article_ids"])
        _say(f"{side['headline'] or 'Untitled'} ({side['first_seen'] or 'undated'}, {_n(n, 'article')})", 2)
        if side["voices"]:
            voices = ", ".join(f"{v['speaker']} ({v['quotes']})" for v in side["voices"])
            _say(f"quotes: {voices}", 2)
        if side.get("left_out"):
            left = ", ".join(x["speaker"] for x in side.get("left_out", []))
            _say(f"leaves out: {left}", 2, style="dim")
        _words(side["terms"])
        for x in side["only_here"]:
            _say(
                f"only here ({x['kind']}): {x['text']} {_cite(x.get('cites') or x['citations'])}",
                2,
                lead="- ",
            )
    if comparison["shared"]:
        out.print()
        _say("Shared", style="bold")
        for s in comparison["shared"]:
            _say(f"{s['text']} — {', '.join(s['outlets'])}", 2, lead="- ")
    if comparison["conflicts"]:
        out.print()
        _say("Numbers that disagree", style="bold")
        for d in comparison["conflicts"]:
            values = ", ".join(f"{v['text']} ({v['outlet']})" for v in d["values"])
            _say(f"{d['quantity']}: {values}", 2)
    out.print()
    if data["not_reporting"]:
        _say(f"Not reported by: {', '.join(data['not_reporting'])} (outlets of its story)", 0, "dim")
    _unknown(data["unknown_articles"])


def _story(data: StoryComparePage) -> None:
    _say(f"{data['id']} {data['title'] or 'Untitled story'}", style="bold")
    span = f"{data['first_date'] or '?'} … {data['last_date'] or '?'}"
    _say(f"{span} · {_n(len(data['events']), 'event')} · {_outlets(data['known_outlets'])}", style="dim")
    for o in data["outlets"]:
        voices = ", ".join(f"{v['speaker']} ({v['quotes']})" for v in o["voices"])
        _say(
            f"{o['outlet']}: {o['events']} of {len(data['events'])} events, "
            + (
                f"first on {o.get('first_alone', 0)} of the {_n(o.get('shared', 0), 'event')} others "
                f"reported too, the same day as the first on {o['first'] - o.get('first_alone', 0)}"
                if o.get("shared")
                else "none another outlet reported"
            )
            + (f"; quotes {voices}" if voices else ""),
            2,
            lead="",
        )
    if data.get("words"):
        out.print()
        _say("Their words over time", style="bold")
        for r in data.get("words", []):
            _say(r["referent"], 2)
            for side in r["outlets"]:
                words = ", ".join(f"{w['term']} ({_days(w['first'], w['last'])})" for w in side["words"])
                _say(f"{side['outlet']}: {words}", 4)
    for e in data["events"]:
        out.print()
        _say(f"{e['date'] or 'undated'} {e['id']} {e['title'] or 'Untitled event'}", style="bold")
        for t in e["takes"]:
            mark = "* " if t["first"] else "  "
            _say(
                f"{t['outlet']}: {t['headline'] or 'Untitled'} ({t['first_seen'] or 'undated'})", 2, lead=mark
            )
        if e["not_reporting"]:
            _say(f"not reported by: {', '.join(e['not_reporting'])}", 4, "dim")
        if e["unknown_articles"]:
            _say(f"and {_n(e['unknown_articles'], 'article')} of unknown outlet", 4, "dim")
    out.print()
    _say("* reported first", style="dim")
    _unknown(data["unknown_articles"])


def _days(first: str | None, last: str | None) -> str:
    return f"{first} … {last}" if first and last and first != last else first or "undated"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _outlets(known: int) -> str:
    return _n(known, "outlet") if known else "no known outlet"


def _unknown(count: int) -> None:
    if count:
        _say(f"{_n(count, 'article')} of unknown outlet, not counted as an outlet", 0, "dim")
