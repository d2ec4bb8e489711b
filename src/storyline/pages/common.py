"""What every page shares: the errors a page raises, the id pattern, paging bounds, and the
headlines of the articles a page cites."""

from __future__ import annotations

import re

from storyline.model.follow import ArticleRef
from storyline.store import Store

MAX_LIMIT = 200
EVIDENCE = 100  # article ids shown per alias of an entity
ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
HIT_START, HIT_END = "\x02", "\x03"  # how the store marks search hits in a snippet


class NotFound(LookupError):
    """The page asks for something the corpus does not hold."""


class BadQuery(ValueError):
    """A search query that is not valid full-text search syntax (when asked to say so)."""


def check_id(value: str) -> str:
    """An id as the pages take it (letters, digits, ``_`` and ``-``), else ``NotFound``."""
    if not ID.match(value):
        raise NotFound(f"not an id: {value[:80]!r}")
    return value


def bounds(limit: int, offset: int) -> tuple[int, int]:
    """A page's limit (1 to ``MAX_LIMIT``) and offset (0 or more)."""
    return max(1, min(limit, MAX_LIMIT)), max(0, offset)


def headlines(store: Store, ids: list[str]) -> dict[str, ArticleRef]:
    """Article id → headline, outlet, date and first words, for naming citations."""
    return {r["id"]: r for r in store.articles.rows(ids)}
