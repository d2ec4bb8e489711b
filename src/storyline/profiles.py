"""Outlet profiles: who an outlet is — its country, languages, kind (wire, newspaper,
broadcaster, public broadcaster, state media, digital, magazine) and the sites it publishes
on — from a bundled table (``outlets.csv``, each row with the source of its facts), extended
by the user's own table in the same columns, named by the environment variable
``STORYLINE_OUTLETS``.

The tables are read once per process. A row of the user's table replaces the bundled row of
the same name (case aside), and its sites name that outlet from then on (``sites.py`` names
an article's outlet by its domain from these tables). A malformed row is a ``ProfileError``
saying the file, the line and what is wrong; the commands check the tables before they run.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from storyline.model.outlets import OutletProfile

ENV = "STORYLINE_OUTLETS"
COLUMNS = ("name", "aliases", "country", "languages", "kinds", "sites", "source")
REQUIRED = ("name",)
KINDS = ("wire", "newspaper", "broadcaster", "public broadcaster", "state media", "digital", "magazine")
"""The kinds an outlet may be, several at once ("wire;state media")."""

_COUNTRY = re.compile(r"^[A-Z]{2}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_SITE = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$")


class ProfileError(ValueError):
    """A profile table that cannot be read: which file, which line, what is wrong."""


@dataclass(frozen=True)
class Profiles:
    """Every profile, found by name or alias (case aside) and by site."""

    by_name: dict[str, OutletProfile]  # casefolded name or alias -> profile
    by_site: dict[str, str]  # domain -> outlet name

    def find(self, name: str | None) -> OutletProfile | None:
        """The profile of the outlet called ``name`` (or one of its aliases)."""
        return self.by_name.get(name.strip().casefold()) if name else None


def _values(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split(";") if v.strip()]


def _row(row: dict[str | None, str | None], where: str, table: str) -> OutletProfile:
    """One row as a profile, or a ``ProfileError`` naming ``where`` it is and what is wrong."""
    if row.get(None):  # more cells than columns: an unquoted comma
        raise ProfileError(f"{where}: more cells than columns (quote a value that holds a comma)")
    name = " ".join((row.get("name") or "").split())
    if not name:
        raise ProfileError(f"{where}: no name")
    country = (row.get("country") or "").strip() or None
    if country and not _COUNTRY.match(country):
        raise ProfileError(f"{where}: country {country!r} is not a two-letter ISO 3166 code such as GB")
    languages = _values(row.get("languages"))
    for code in languages:
        if not _LANGUAGE.match(code):
            raise ProfileError(f"{where}: language {code!r} is not an ISO 639 code such as en")
    kinds = _values(row.get("kinds"))
    for kind in kinds:
        if kind not in KINDS:
            raise ProfileError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    sites = [s.lower().removeprefix("www.") for s in _values(row.get("sites"))]
    for site in sites:
        if not _SITE.match(site):
            raise ProfileError(f"{where}: site {site!r} is not a domain such as example.com")
    return OutletProfile(
        name=name,
        aliases=_values(row.get("aliases")),
        country=country,
        languages=languages,
        kinds=kinds,
        sites=sites,
        source=(row.get("source") or "").strip() or None,
        table=table,
    )


def read_table(text: str, label: str, table: str = "user") -> list[OutletProfile]:
    """The profiles of one table in CSV (``COLUMNS`` in its header line, lists separated by
    ";"); ``label`` names the file in errors. Lines starting with "#" are comments."""
    lines = [ln if not ln.lstrip().startswith("#") else "" for ln in text.splitlines()]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    header = [h.strip() for h in reader.fieldnames or []]
    unknown = [h for h in header if h not in COLUMNS]
    if unknown or any(c not in header for c in REQUIRED):
        raise ProfileError(
            f"{label}:1: the header must name columns of {', '.join(COLUMNS)} (name required)"
            + (f"; unknown: {', '.join(unknown)}" if unknown else "")
        )
    reader.fieldnames = header
    out: list[OutletProfile] = []
    names: set[str] = set()
    for row in reader:
        profile = _row(row, f"{label}:{reader.line_num}", table)
        if profile["name"].casefold() in names:
            raise ProfileError(f"{label}:{reader.line_num}: {profile['name']!r} is in this table twice")
        names.add(profile["name"].casefold())
        out.append(profile)
    return out


def bundled() -> list[OutletProfile]:
    """The bundled table's profiles."""
    text = (resources.files("storyline") / "outlets.csv").read_text(encoding="utf-8")
    return read_table(text, "outlets.csv (bundled)", "bundled")


def user_table() -> list[OutletProfile]:
    """The profiles of the user's table (the file ``STORYLINE_OUTLETS`` names), if any."""
    path = os.environ.get(ENV, "").strip()
    if not path:
        return []
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path} ({ENV}): cannot read it: {exc}") from None
    return read_table(text, path)


def merged(*tables: list[OutletProfile]) -> Profiles:
    """The tables as one, a later table's row replacing an earlier one's of the same name
    (and taking over its aliases and sites)."""
    rows: dict[str, OutletProfile] = {}
    for table in tables:
        for p in table:
            rows.pop(p["name"].casefold(), None)  # a later row comes later: its sites win
            rows[p["name"].casefold()] = p
    by_name: dict[str, OutletProfile] = {}
    by_site: dict[str, str] = {}
    for p in rows.values():  # aliases first, so that a name always wins over another's alias
        for alias in p["aliases"]:
            by_name[alias.casefold()] = p
        for site in p["sites"]:
            by_site[site] = p["name"]
    for p in rows.values():
        by_name[p["name"].casefold()] = p
    return Profiles(by_name, by_site)


@cache
def profiles() -> Profiles:
    """The bundled table and the user's, read once per process (``profiles.cache_clear()``
    reads them again)."""
    return merged(bundled(), user_table())


def profile(name: str | None) -> OutletProfile | None:
    """The profile of the outlet called ``name`` (or one of its aliases), if a table has one."""
    return profiles().find(name)


def every() -> list[OutletProfile]:
    """Every profile once, by name."""
    once = {id(p): p for p in profiles().by_name.values()}
    return sorted(once.values(), key=lambda p: p["name"].casefold())
