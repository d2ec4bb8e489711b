"""How pages name their sources: a citation reads "Outlet · date · headline" (never an id),
repeats of one article collapse into one link, and source counts keep known outlets and
articles of unknown outlet apart ("3 outlets and 12 articles of unknown outlet")."""

from __future__ import annotations

from typing import Any

from storyline.model import UNKNOWN_OUTLET

HEADLINE_CHARS = 70


def short(text: str | None, limit: int = HEADLINE_CHARS) -> str:
    """A headline cut at a word to about ``limit`` characters."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return (cut or text[:limit]) + "…"


def source_label(row: dict[str, Any] | None) -> str:
    """How a citation names its article: outlet, day and headline."""
    row = row or {}
    day = (row.get("published") or "")[:10] or "undated"
    title = short(row.get("headline")) or short(row.get("lede"), 50) or "untitled article"
    return " · ".join([row.get("outlet") or UNKNOWN_OUTLET, day, title])


def cites(citations: list[dict[str, Any]], articles: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """``citations`` labelled, one per article (its first span; ``spans`` counts the article's
    citations), in their order."""
    out: list[dict[str, Any]] = []
    seen: dict[str, dict[str, Any]] = {}
    for c in citations:
        aid = c["article_id"]
        if aid in seen:
            seen[aid]["spans"] += 1
            continue
        seen[aid] = {**c, "label": source_label(articles.get(aid)), "spans": 1}
        out.append(seen[aid])
    return out


def support_counts(ids: list[str], articles: dict[str, dict[str, Any]]) -> dict[str, int]:
    """The sources of the articles ``ids``: distinct known outlets, articles of no outlet."""
    known = {articles.get(a, {}).get("outlet") for a in ids} - {None, ""}
    return {
        "known_outlets": len(known),
        "unknown_articles": sum(1 for a in set(ids) if not articles.get(a, {}).get("outlet")),
    }


def story_sources(outlets: list[str], articles: dict[str, dict[str, Any]]) -> dict[str, int]:
    """A story's or event's sources: distinct known outlets, and its articles of no outlet."""
    return {
        "known_outlets": len([o for o in outlets if o != UNKNOWN_OUTLET]),
        "unknown_articles": sum(1 for a in articles.values() if not a.get("outlet")),
    }


def label_all(data: dict[str, Any], articles: dict[str, dict[str, Any]]) -> None:
    """Labels on every citation of a story's or event's views, in place: ``cites`` beside each
    ``citations`` list (timeline, summary, one-outlet-only), ``label`` on each quote version
    and conflict report."""
    for key in ("timeline", "summary", "only_in"):
        for item in data.get(key) or []:
            item["cites"] = cites(item.get("citations", []), articles)
            item.update(support_counts([c["article_id"] for c in item["cites"]], articles))
    for board in data.get("quote_board") or []:
        for version in board.get("versions", []):
            version["label"] = source_label(articles.get(version.get("article_id", "")))
    for conflict in data.get("conflicts") or []:
        for report in conflict.get("reports", []):
            report["label"] = source_label(articles.get(report.get("article_id", "")))
