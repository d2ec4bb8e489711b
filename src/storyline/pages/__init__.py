"""The page data: what every page shows, built here once. The web pages render it, their JSON
twins return it, the static report writes it, and the CLI prints it (its ``--json`` is the
same object: ``storyline story S1 --json`` is ``/api/stories/S1``). Each page is a typed
JSON-shaped record (``pages.shapes``); pages only read: the analyses they show are computed
by the run after linking.

By page: ``corpus`` (overview, stories list, search, alerts, and the CLI's listings of the
whole corpus), ``story`` (a story, an event, the timeline query), ``compare`` (an event's or
a story's outlets side by side), ``entity``, ``article``;
how a page names its sources (``citations``), the charts' geometry (``charts``), an
article's annotated text (``annotated``).
"""

from storyline.pages.article import article
from storyline.pages.common import EVIDENCE, ID, MAX_LIMIT, BadQuery, NotFound
from storyline.pages.compare import compare, event_comparison, story_comparison
from storyline.pages.corpus import (
    alerts,
    article_list,
    copy_list,
    entity_list,
    event_list,
    overview,
    quote_list,
    reject_list,
    search,
    snippet_parts,
    stories,
    story_list,
    story_row,
)
from storyline.pages.entity import entities, entity, entity_row, find_entity, merged_roles
from storyline.pages.story import event, story, timeline

__all__ = [
    "EVIDENCE",
    "ID",
    "MAX_LIMIT",
    "BadQuery",
    "NotFound",
    "alerts",
    "article",
    "article_list",
    "compare",
    "copy_list",
    "entities",
    "entity",
    "entity_list",
    "entity_row",
    "event",
    "event_comparison",
    "event_list",
    "find_entity",
    "merged_roles",
    "overview",
    "quote_list",
    "reject_list",
    "search",
    "snippet_parts",
    "stories",
    "story",
    "story_comparison",
    "story_list",
    "story_row",
    "timeline",
]
