"""Headlines without the site's parts: a page title is often "Headline | Site", "Site - Headline"
or "Headline | Site | 19.01.2020"; the segments that name the site (its domain, its stated
site name or publisher) or hold only a date are cut, from the end first, then from the start.
A segment that names nothing known stays: better a long headline than a cut one."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlparse

from storyline.describe.dates import normalise_date

SEPARATOR = re.compile(r"\s+(?:[|•›»·:/]{1,2}|[-–—]{1,2}|::)\s+|\s*\|\s*")
_SUFFIXES = {"com", "org", "net", "de", "at", "ch", "fr", "uk", "co", "eu", "info", "io", "es", "it", "pl"}


def _key(text: str) -> str:
    """Letters and digits only, accents and case dropped: how two spellings of a name compare."""
    folded = unicodedata.normalize("NFKD", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def site_keys(url: str | None, names: list[str]) -> set[str]:
    """What a site is called: its domain's labels ("crazy-julia.de" → "crazyjulia") and the
    names it states (site name, publisher)."""
    keys = {_key(n) for n in names if n and len(_key(n)) >= 2}
    if url and "://" in url:
        host = urlparse(url).hostname or ""
    else:  # a bare host ("crazy-julia.de"); a relative address ("/content/...") names no site
        host = url if url and not re.search(r"[/?#\s]", url) else ""
    for label in host.lower().removeprefix("www.").split("."):
        if label and label not in _SUFFIXES and label != "www" and len(_key(label)) >= 2:
            keys.add(_key(label))
    return keys


def _names_site(segment: str, keys: set[str]) -> bool:
    seg = _key(segment)
    if not seg:
        return True  # punctuation only
    for key in keys:
        if seg == key or (len(key) >= 4 and (key in seg and len(seg) <= len(key) + 12)):
            return True
        if len(seg) >= 4 and seg in key:
            return True
    return bool(re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[a-z]{2,})+", segment.strip().lower()))


def _is_date(segment: str) -> bool:
    text = segment.strip()
    return (
        bool(text)
        and len(text) <= 30
        and normalise_date(text) is not None
        and not re.search(r"[a-z]{4,}", text, re.I)
    )


def strip_site(title: str, url: str | None, names: list[str], page_url: str | None = None) -> str:
    """The title without the segments that name the site or hold only a date (see the module
    docstring); at least one segment always stays. ``page_url``: the address the page states
    for itself (``og:url``), a site's name too where it was fetched from elsewhere (a proxy,
    a mirror, an archive)."""
    title = " ".join(title.split())
    keys = site_keys(url, names) | site_keys(page_url, [])
    parts = SEPARATOR.split(title)
    seps = SEPARATOR.findall(title)
    while len(parts) > 1:
        if _is_date(parts[-1]) or _names_site(parts[-1], keys):
            parts, seps = parts[:-1], seps[:-1]
        elif _names_site(parts[0], keys):
            parts, seps = parts[1:], seps[1:]
        else:
            break
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        out += sep + part
    return out.strip()
