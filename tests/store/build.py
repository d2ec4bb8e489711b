"""Small link records built by hand for the store's tests: entities, events, stories and copies
with only the fields a test gives, and a linking run's result holding them."""

from __future__ import annotations

from typing import Any

from storyline.model import Duplicate, Entity, Event, LinkResult, Story


def entity(id: str, name: str, label: str = "PERSON", **fields: Any) -> Entity:
    """An entity; ``aliases`` defaults to its name, ``articles`` and ``mentions`` to 1."""
    given: dict[str, Any] = {"aliases": [name], "articles": 1, "mentions": 1, **fields}
    return Entity(id=id, name=name, label=label, **given)


def event(id: str, article_ids: list[str], date: str | None = None, **fields: Any) -> Event:
    """An event of these articles, titled after its id."""
    given: dict[str, Any] = {"title": f"Event {id}", "outlets": [], **fields}
    return Event(id=id, date=date, article_ids=article_ids, **given)


def story(id: str, event_ids: list[str], article_ids: list[str], **fields: Any) -> Story:
    """A story of these events and articles, titled after its id."""
    given: dict[str, Any] = {"title": f"Story {id}", "first_date": None, "last_date": None, "outlets": []}
    return Story(id=id, event_ids=event_ids, article_ids=article_ids, **{**given, **fields})


def copy(article_id: str, duplicate_of: str, **fields: Any) -> Duplicate:
    """``article_id`` as a near duplicate of ``duplicate_of``."""
    given: dict[str, Any] = {"similarity": 0.9, "kind": "near duplicate", **fields}
    return Duplicate(article_id=article_id, duplicate_of=duplicate_of, **given)


def linked(full: bool = True, **fields: Any) -> LinkResult:
    """A linking run's result holding what ``fields`` give (nothing else)."""
    empty: dict[str, Any] = {
        "entities": [],
        "chains": {},
        "duplicates": [],
        "events": [],
        "stories": [],
        "bands": [],
        "log": [],
    }
    return LinkResult(full=full, **{**empty, **fields})
