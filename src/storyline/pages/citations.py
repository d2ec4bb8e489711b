"""How pages name their sources: a citation reads "Outlet · date · headline" (never an id),
repeats of one article collapse into one link, and source counts keep known outlets and
articles of unknown outlet apart ("3 outlets and 12 articles of unknown outlet")."""

from __future__ import annotations

from collections.abc import Mapping

from storyline.model import UNKNOWN_OUTLET
from storyline.model.analyses import Citation, EventViews, OnlyIn, Sentence, StoryViews, TimelineEntry
from storyline.model.follow import ArticleRef
from storyline.pages.shapes import SourceCounts

HEADLINE_CHARS = 70


def short(text: str | None, limit: int = HEADLINE_CHARS) -> str:
    """A headline cut at a word to about ``limit`` characters."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return (cut or text[:limit]) + "…"


def source_label(row: ArticleRef | None) -> str:
    """How a citation names its article: outlet, day and headline."""
    if row is None:
        return " · ".join([UNKNOWN_OUTLET, "undated", "untitled article"])
    day = (row["published"] or "")[:10] or "undated"
    title = short(row["headline"]) or short(row.get("lede"), 50) or "untitled article"
    return " · ".join([row["outlet"] or UNKNOWN_OUTLET, day, title])


def cites(citations: list[Citation], articles: Mapping[str, ArticleRef]) -> list[Citation]:
    """``citations`` labelled, one per article (its first span; ``spans`` counts the article's
    citations), in their order."""
    out: list[Citation] = []
    seen: dict[str, Citation] = {}
    for c in citations:
        aid = c["article_id"]
        if aid in seen:
            seen[aid]["spans"] = seen[aid].get("spans", 1) + 1
            continue
        seen[aid] = Citation(
            article_id=aid, start=c["start"], end=c["end"], label=source_label(articles.get(aid)), spans=1
        )
        out.append(seen[aid])
    return out


def support_counts(ids: list[str], articles: Mapping[str, ArticleRef]) -> SourceCounts:
    """The sources of the articles ``ids``: distinct known outlets, articles of no outlet."""
    outlets = {a: articles[a]["outlet"] if a in articles else None for a in set(ids)}
    return SourceCounts(
        known_outlets=len({o for o in outlets.values() if o}),
        unknown_articles=sum(1 for o in outlets.values() if not o),
    )


def story_sources(outlets: list[str], articles: Mapping[str, ArticleRef]) -> SourceCounts:
    """A story's or event's sources: distinct known outlets, and its articles of no outlet."""
    return SourceCounts(
        known_outlets=len([o for o in outlets if o != UNKNOWN_OUTLET]),
        unknown_articles=sum(1 for a in articles.values() if not a["outlet"]),
    )


def _label(
    items: list[TimelineEntry] | list[Sentence] | list[OnlyIn], articles: Mapping[str, ArticleRef]
) -> None:
    """``cites`` beside each item's ``citations``, and its source counts."""
    for item in items:
        item["cites"] = cites(item["citations"], articles)
        counts = support_counts([c["article_id"] for c in item["cites"]], articles)
        item["known_outlets"], item["unknown_articles"] = counts["known_outlets"], counts["unknown_articles"]


def label_story(views: StoryViews, articles: Mapping[str, ArticleRef]) -> None:
    """Labels on every citation of a story's analyses, in place: ``cites`` beside each
    ``citations`` list (timeline, summary), ``label`` on each quote version and conflict
    report."""
    _label(views.get("timeline", []), articles)
    _label(views.get("summary", []), articles)
    for board in views.get("quote_board", []):
        for version in board["versions"]:
            version["label"] = source_label(articles.get(version["article_id"]))
    for conflict in views.get("conflicts", []):
        for report in conflict["reports"]:
            report["label"] = source_label(articles.get(report["article_id"]))


def label_event(views: EventViews, articles: Mapping[str, ArticleRef]) -> None:
    """Labels on every citation of an event's analyses, in place (summary, one outlet only)."""
    _label(views.get("summary", []), articles)
    _label(views.get("only_in", []), articles)
