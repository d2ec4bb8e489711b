"""The static report: the server's pages written as files with relative links, plus a small
prebuilt search index, so the folder opens from disk or from any web server."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path

from storyline import pages
from storyline.store import Store
from storyline.web.render import Links, render

SNIPPET_TEXT = 3000
"""Characters of each article's text the report's search index holds, to show a hit in its
context (a word found further in shows the article's opening instead): about 3 KB an article,
so the index of 10,000 articles stays near 30 MB."""


def _comparisons(
    store: Store,
    write: Callable[[str, str, Mapping[str, object]], None],
    events: list[str],
    stories: list[str],
) -> None:
    """The outlets side by side of each event, and of each story over its events."""
    for eid in events:
        write(f"compare/{eid}", "compare.html", pages.event_comparison(store, eid))
    for sid in stories:
        write(f"compare/{sid}", "compare_story.html", pages.story_comparison(store, sid))


def write_report(
    store: Store,
    output: str | Path,
    story: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Write the pages of every story (or of ``story`` alone) with their events, entities and
    articles, and the outlets side by side of each event and of each story over time;
    returns how many pages of each kind were written. Views must be computed first
    (``Linker.refresh_views``)."""
    out = Path(output)
    _static(out)
    counts = {"stories": 0, "events": 0, "entities": 0, "articles": 0}
    if story:
        records = [r for r in store.links.stories([story]).values()]
        if not records:
            raise pages.NotFound(f"no story {story}")
    else:
        total, _ = store.views.stories_page(1, 0)
        records = store.views.stories_page(total or 1, 0, "rank")[1]
    chosen = [pages.story(store, r.id) for r in records]
    article_ids = sorted({a for r in records for a in r.article_ids})
    event_ids = sorted({e for r in records for e in r.event_ids})
    entity_ids: set[str] = set()

    def write(path: str, template: str, data: Mapping[str, object]) -> None:
        target = out / f"{path}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(template, data, Links(report=True, depth=path.count("/"))))

    overview = pages.overview(store)
    if story:
        overview["latest_stories"] = [pages.story_row(records[0])]
    write("index", "index.html", overview)
    rows = [pages.story_row(r) for r in records]
    write(
        "stories/index",
        "stories.html",
        {"total": len(rows), "limit": max(len(rows), 1), "offset": 0, "items": rows}
        | {"order": "rank", "orders": ["rank"], "min_articles": 1},
    )
    steps, done = len(chosen) + len(event_ids) + len(article_ids), 0
    for r, s in zip(records, chosen, strict=True):
        write(f"stories/{r.id}", "story.html", s)
        counts["stories"] += 1
        done += 1
        if progress:
            progress(done, steps)
    for eid in event_ids:
        write(f"events/{eid}", "event.html", pages.event(store, eid))
        counts["events"] += 1
        done += 1
    _comparisons(store, write, event_ids, [r.id for r in records])
    listed_articles: dict[int, dict[str, object]] = {}  # the search index: the articles and
    words_in: dict[str, list[int]] = {}  # for each word, the articles that hold it
    for k, a in enumerate(article_ids):
        data = pages.article(store, a)
        write(f"articles/{a}", "article.html", data)
        entity_ids.update(str(x["entity_id"]) for x in data["entities"] if x.get("entity_id"))
        listed_articles[k] = {
            "id": a,
            "href": f"articles/{a}.html",
            "headline": data["headline"],
            "outlet": data["outlet"],
            "published": data["published"],
            "text": data["text"][:SNIPPET_TEXT],  # where a hit's snippet is cut from
        }
        words = set(re.findall(r"\w+", f"{data['headline'] or ''} {data['text']}".lower()))
        for w in words:
            words_in.setdefault(w, []).append(k)
        counts["articles"] += 1
        done += 1
        if progress:
            progress(done, steps)
    known = store.links.entities(entity_ids)
    listed = sorted(known.values(), key=lambda e: (-e.articles, e.id))
    write(
        "entities/index",
        "entities.html",
        {
            "total": len(listed),
            "limit": max(len(listed), 1),
            "offset": 0,
            "items": [pages.entity_row(e) for e in listed],
        },
    )
    for entity in listed:
        write(f"entities/{entity.id}", "entity.html", pages.entity(store, entity.id))
        counts["entities"] += 1
    write("search", "search.html", {"q": "", "items": [], "limit": 20, "offset": 0})
    _search_index(out, listed_articles, words_in)
    return counts


def _static(out: Path) -> None:
    """The site's folder, with the style sheet and script the pages load."""
    out.mkdir(parents=True, exist_ok=True)
    static = resources.files("storyline.web") / "static"
    (out / "static").mkdir(exist_ok=True)
    for name in ("style.css", "app.js"):
        (out / "static" / name).write_bytes((static / name).read_bytes())


def _search_index(out: Path, articles: dict[int, dict[str, object]], words_in: dict[str, list[int]]) -> None:
    """The search's index, loaded as a script (not fetched), so search works from file:// too."""
    (out / "static" / "search-index.js").write_text(
        "window.STORYLINE_INDEX = "
        + json.dumps({"articles": articles, "words": words_in}, separators=(",", ":"))
        + ";\n"
    )
