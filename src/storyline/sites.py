"""What a web address says about its site: the host it is on, and the outlet a domain names
(``describe`` names an article's outlet by it, ``link/outlets.py`` groups a site's pages by it).
The domains outlets are known by are the sites of the outlet profiles (``profiles.py``)."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from storyline.profiles import profiles

_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^@/?#]*@)?([^/:?#\[\]]+)", re.IGNORECASE)


def host_of(url: str | None) -> str | None:
    """The site a URL is on: its host name, lower case, without ``www.`` (a regular
    expression, not ``urlparse``: this runs over every article on every link run)."""
    if not url:
        return None
    m = _HOST.match(url)
    if m is None:
        return None
    return m.group(1).lower().removeprefix("www.") or None


_DOMAIN_LIKE = re.compile(r"^[a-z0-9.-]+\.[a-z]{2,}$", re.I)


def outlet_from_domain(value: str) -> str:
    """A display name for a domain or site name: the known name, else the bare domain."""
    text = value.strip()
    if "://" in text:
        text = urlparse(text).hostname or text
    elif _DOMAIN_LIKE.match(text.rstrip("/")):
        text = text.rstrip("/")  # "tdg.ch/"
    host = text.lower().removeprefix("www.")
    if not _DOMAIN_LIKE.match(host):
        return text  # already a name ("The Harbor Post")
    known = profiles().by_site
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in known:
            return known[candidate]
    return host


def is_known_outlet(name: str | None) -> bool:
    """Whether ``name`` is the name of an outlet a known domain names."""
    return bool(name) and name in profiles().by_site.values()
