"""Pages that are not articles, told by what they are: a site's front page (its URL is the
site's root), an error or maintenance page, a login or subscription wall. Only short pages
are taken for error pages and walls (a long text that mentions "404" is an article about it),
and only a root URL with no query for a front page: when in doubt, a page is an article."""

from __future__ import annotations

import re
from urllib.parse import urlparse

SHORT_WORDS = 150  # an error page or a wall says little else
_ROOT_PATHS = re.compile(r"^/?(?:index\.(?:html?|php|aspx?)|home|start|[a-z]{2}(?:-[a-z]{2})?/?)?/?$", re.I)
_ERROR = re.compile(
    r"\b(?:404|410|500|502|503)\b.{0,40}\b(?:error|fehler|erreur|not found|introuvable|nicht gefunden)\b"
    r"|\b(?:page|seite|página|pagina)\s+(?:not found|nicht gefunden|introuvable|no encontrada|non trovata)\b"
    r"|\bpage (?:does not|doesn't) exist\b|\bdiese seite (?:existiert nicht|wurde nicht gefunden)\b"
    r"|\b(?:under|in) maintenance\b|\bwartungsarbeiten\b|\bmaintenance en cours\b"
    r"|\bmodification de page en cours\b"
    r"|\btemporarily unavailable\b|\bvorübergehend nicht (?:verfügbar|erreichbar)\b|\baccess denied\b"
    r"|\bzugriff verweigert\b|\bforbidden\b",
    re.I,
)
_WALL = re.compile(
    r"\b(?:sign|log) in to (?:continue|read|view)\b|\bsubscribe (?:now )?to (?:continue|read|keep reading)\b"
    r"|\bthis (?:content|article) is (?:for|only for|available to) (?:subscribers|members)\b"
    r"|\b(?:anmelden|einloggen),? um (?:weiter)?zu(?:lesen)?\b"
    r"|\bjetzt (?:abonnieren|anmelden) und weiterlesen\b"
    r"|\bconnectez-vous pour (?:lire|continuer)\b|\bcreate (?:a free )?account to (?:continue|read)\b",
    re.I,
)


def not_an_article(text: str, title: str | None, url: str | None) -> str | None:
    """Why the page is not an article, or None."""
    if url and "://" in url:
        parts = urlparse(url)
        if not parts.query and _ROOT_PATHS.match(parts.path or "/"):
            return f"a site's front page ({url}), not an article"
    words = len(text.split())
    if words <= SHORT_WORDS:
        head = f"{title or ''}\n{text[:600]}"
        if m := _ERROR.search(head):
            return f"an error or maintenance page ({m.group(0)!r}), not an article"
        if m := _WALL.search(text):
            return f"a login or subscription wall ({m.group(0)!r}), not an article"
    return None
