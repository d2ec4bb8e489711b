"""Small records built by hand for the tests: an article as linking and the analyses read it
(no raw input, no source), with whatever fields and annotations a test gives."""

from __future__ import annotations

from typing import Any

from storyline.model import Article, Source


def article(id: str, text: str = "", **fields: Any) -> Article:
    """An article with id ``id``, clean ``text`` and the given fields (published, outlet,
    headline, entities, quotes, claims, timexes, credits, ...)."""
    return Article(id=id, source=Source(), raw="", text=text, **fields)


def articles(fields: dict[str, dict[str, Any]]) -> dict[str, Article]:
    """Articles by id from their fields by id (``{"a": {"outlet": "Wire", "text": ...}}``)."""
    return {aid: article(aid, **given) for aid, given in fields.items()}
