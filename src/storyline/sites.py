"""What a web address says about its site: the host it is on, and the outlet a domain names
(``describe`` names an article's outlet by it, ``link/outlets.py`` groups a site's pages by it)."""

from __future__ import annotations

import re
from urllib.parse import urlparse

# Well-known domains: the outlet a site is. Names of outlets are facts, not article text.
KNOWN_DOMAINS = {
    "apnews.com": "Associated Press",
    "ap.org": "Associated Press",
    "reuters.com": "Reuters",
    "afp.com": "Agence France-Presse",
    "independent.co.uk": "The Independent",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "theguardian.com": "The Guardian",
    "guardian.co.uk": "The Guardian",
    "washingtonpost.com": "The Washington Post",
    "nytimes.com": "The New York Times",
    "foxnews.com": "Fox News",
    "cnn.com": "CNN",
    "aljazeera.com": "Al Jazeera",
    "rt.com": "RT",
    "aawsat.com": "Asharq Al-Awsat",
    "republicworld.com": "Republic World",
    "npr.org": "NPR",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "usatoday.com": "USA Today",
    "wsj.com": "The Wall Street Journal",
    "ft.com": "Financial Times",
    "bloomberg.com": "Bloomberg",
    "politico.com": "Politico",
    "politico.eu": "Politico Europe",
    "dw.com": "Deutsche Welle",
    "france24.com": "France 24",
    "euronews.com": "Euronews",
    "telegraph.co.uk": "The Telegraph",
    "thetimes.co.uk": "The Times",
    "news.sky.com": "Sky News",
    "kyivindependent.com": "The Kyiv Independent",
    "tass.com": "TASS",
}

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
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in KNOWN_DOMAINS:
            return KNOWN_DOMAINS[candidate]
    return host
