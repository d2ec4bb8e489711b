"""Pages that are not articles, told by what they are: a site's front page (its URL is the
site's root), an error or maintenance page, a login or subscription wall. Only short pages
are taken for error pages and walls (a long text that mentions "404" is an article about it),
and only a root URL with no query for a front page: when in doubt, a page is an article. The
words are of several languages at once (``lang.multilingual``): the page's is not known yet."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from storyline import lang

SHORT_WORDS = 150  # an error page or a wall says little else
_ROOT_PATHS = re.compile(r"^/?(?:index\.(?:html?|php|aspx?)|home|start|[a-z]{2}(?:-[a-z]{2})?/?)?/?$", re.I)
_PAGES = lang.multilingual()  # read before the page's language is known
_ERROR = re.compile(_PAGES.error_page, re.I)
_WALL = re.compile(_PAGES.wall, re.I)


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
