"""The page of an article: the export contract's record, its text cut into annotated
segments with a side panel listing what it holds, removed boilerplate with reasons, its
origin, and the event and story it belongs to."""

from __future__ import annotations

import re
from typing import cast

from storyline.pages.annotated import segments, side_panel
from storyline.pages.citations import short
from storyline.pages.common import NotFound, check_id
from storyline.pages.shapes import ArticlePage, StoryTitle
from storyline.store import Store
from storyline.store.export import article_record


def article(store: Store, article_id: str, hl: str | None = None) -> ArticlePage:
    """An article as the export contract describes it, with its text cut into annotated
    segments (``hl``: a cited span, ``START-END``, highlighted), removed boilerplate with
    reasons, its origin and its event."""
    try:
        art = store.articles.get(check_id(article_id))
    except KeyError as exc:
        raise NotFound(str(exc.args[0])) from None
    mark = None
    if hl and re.fullmatch(r"\d{1,9}-\d{1,9}", hl):
        a, b = (int(x) for x in hl.split("-"))
        mark = (a, b)
    event_id = store.links.event_of(art.id)
    event = store.links.events([event_id]).get(event_id) if event_id else None
    story = store.links.stories_of([art.id]).get(art.id)
    url = art.source.url or ""
    page = cast(ArticlePage, article_record(art))
    page["title"] = art.headline or short(art.text, 80) or "Untitled article"
    page["safe_url"] = url if re.match(r"^https?://", url, re.I) else None
    page["segments"] = segments(art, mark)
    page["panel"] = side_panel(art)
    page["stages"] = art.stages
    page["event_id"] = event_id
    page["event_title"] = event.title if event else None
    page["story"] = StoryTitle(id=story["id"], title=story["title"]) if story else None
    return page
