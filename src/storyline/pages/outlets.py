"""The outlets a story's or an event's page names: each with its profile (country, languages,
kind, from ``profiles.py``), the blindspots (the outlets of the corpus that never covered it,
``analysis.coverage.blindspots``), and the coverage with articles of unknown outlet apart."""

from __future__ import annotations

from collections.abc import Iterable

from storyline.analysis.coverage import apart, blindspots
from storyline.model import UNKNOWN_OUTLET
from storyline.model.outlets import OutletProfile
from storyline.pages.shapes import EventPage, StoryPage
from storyline.profiles import profile
from storyline.store import Store


def profiles_of(names: Iterable[str | None]) -> dict[str, OutletProfile]:
    """The profile of each outlet of ``names`` that a profile table describes, by name."""
    return {n: p for n in sorted({n for n in names if n and n != UNKNOWN_OUTLET}) if (p := profile(n))}


def story_outlets(store: Store, page: StoryPage) -> None:
    """On a story's page, in place: its coverage with articles of unknown outlet apart, its
    blindspots over its dates, and the profiles of the outlets it names."""
    if "coverage" in page:
        page["coverage"] = apart(page["coverage"])
    outlets = page.get("outlets", [])
    page["blindspots"] = blindspots(store.articles.outlets(), outlets, page["first_date"], page["last_date"])
    page["outlet_profiles"] = profiles_of([*outlets, *page.get("coverage", {"outlets": {}})["outlets"]])


def event_outlets(store: Store, page: EventPage) -> None:
    """On an event's page, in place: what one outlet alone reports with the articles of
    unknown outlet apart (``only_in_unknown``), its blindspots on its day, and the profiles
    of its outlets."""
    only = page.get("only_in", [])
    page["only_in"] = [x for x in only if x["outlet"] != UNKNOWN_OUTLET]
    if unknown := [x for x in only if x["outlet"] == UNKNOWN_OUTLET]:
        page["only_in_unknown"] = unknown
    outlets = page.get("outlets", [])
    page["blindspots"] = blindspots(store.articles.outlets(), outlets, page["date"], page["date"])
    page["outlet_profiles"] = profiles_of(outlets)
