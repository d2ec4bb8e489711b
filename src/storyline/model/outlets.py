"""Who an outlet is: its profile (country, languages, kind, the sites it publishes on), as the
pages show it beside an outlet's name. JSON-shaped, since it leaves as page data."""

from __future__ import annotations

from typing import TypedDict


class OutletProfile(TypedDict):
    """One outlet as a profile table describes it. An empty field is one no source was found
    for (never a guess); ``source`` is where the row's facts come from; ``table`` says which
    table the row is from ("bundled", or "user" for the file ``STORYLINE_OUTLETS`` names)."""

    name: str
    aliases: list[str]  # other names it goes by ("AP"), matched without regard to case
    country: str | None  # ISO 3166-1 alpha-2 code of where it is based ("GB")
    languages: list[str]  # ISO 639-1 codes of the languages it publishes in, main one first
    kinds: list[str]  # of ``profiles.KINDS``: wire, newspaper, public broadcaster, state media, ...
    sites: list[str]  # the domains it publishes on (a subdomain is the same site)
    source: str | None
    table: str
