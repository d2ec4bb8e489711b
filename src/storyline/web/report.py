"""The static report: the server's pages written as files with relative links, plus a small
prebuilt search index, so the folder opens from disk or from any web server."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from storyline import pages
from storyline.store import Store
from storyline.web.render import Links, render


def write_report(
    store: Store,
    output: str | Path,
    story: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Write the pages of every story (or of ``story`` alone) with their events, entities and
    articles; returns how many pages of each kind were written. Views must be computed first
    (``Linker.refresh_views``)."""
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    static = resources.files("storyline.web") / "static"
    (out / "static").mkdir(exist_ok=True)
    for name in ("style.css", "app.js"):
        (out / "static" / name).write_bytes((static / name).read_bytes())
    counts = {"stories": 0, "events": 0, "entities": 0, "articles": 0}
    if story:
        chosen = [pages.story(store, story)]
    else:
        total, _ = store.views.stories_page(1, 0)
        chosen = [pages.story(store, s["id"]) for s in store.views.stories_page(total or 1, 0, "rank")[1]]
    article_ids = sorted({a for s in chosen for a in s["article_ids"]})
    event_ids = sorted({v["id"] for s in chosen for v in s["events"]})
    entity_ids: set[str] = set()

    def write(path: str, template: str, data: dict[str, Any]) -> None:
        target = out / f"{path}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(template, data, Links(report=True, depth=path.count("/"))))

    overview = pages.overview(store)
    if story:
        overview["latest_stories"] = [pages.story_row(chosen[0])]
    write("index", "index.html", overview)
    rows = [pages.story_row(s) for s in chosen]
    write(
        "stories/index",
        "stories.html",
        {"total": len(rows), "limit": max(len(rows), 1), "offset": 0, "items": rows}
        | {"order": "rank", "orders": ["rank"], "min_articles": 1},
    )
    steps, done = len(chosen) + len(event_ids) + len(article_ids), 0
    for s in chosen:
        write(f"stories/{s['id']}", "story.html", s)
        counts["stories"] += 1
        done += 1
        if progress:
            progress(done, steps)
    for e in event_ids:
        write(f"events/{e}", "event.html", pages.event(store, e))
        counts["events"] += 1
        done += 1
    index: dict[str, Any] = {"articles": {}, "words": {}}
    for k, a in enumerate(article_ids):
        data = pages.article(store, a)
        write(f"articles/{a}", "article.html", data)
        entity_ids.update(x["entity_id"] for x in data["entities"] if x.get("entity_id"))
        index["articles"][k] = {
            "id": a,
            "href": f"articles/{a}.html",
            "headline": data["headline"],
            "outlet": data["outlet"],
            "published": data["published"],
        }
        words = set(re.findall(r"\w+", f"{data['headline'] or ''} {data['text']}".lower()))
        for w in words:
            index["words"].setdefault(w, []).append(k)
        counts["articles"] += 1
        done += 1
        if progress:
            progress(done, steps)
    known = store.links.records("entities", entity_ids)
    listed = sorted(known.values(), key=lambda e: (-e["articles"], e["id"]))
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
    for e in listed:
        write(f"entities/{e['id']}", "entity.html", pages.entity(store, e["id"]))
        counts["entities"] += 1
    write("search", "search.html", {"q": "", "items": [], "limit": 20, "offset": 0})
    # Loaded as a script (not fetched), so search works from file:// too.
    (out / "static" / "search-index.js").write_text(
        "window.STORYLINE_INDEX = " + json.dumps(index, separators=(",", ":")) + ";\n"
    )
    return counts
