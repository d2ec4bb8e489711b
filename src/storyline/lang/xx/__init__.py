"""Multi-language (spaCy's code ``xx``): tables that list words of several languages at once, for
what is read before the page's language is known or whatever it is (``lang.multilingual``)."""

from __future__ import annotations

from storyline.lang import Multilingual
from storyline.lang.xx import bylines, pages

MULTILINGUAL = Multilingual(
    error_page=pages.ERROR_PAGE,
    wall=pages.WALL,
    changed=pages.CHANGED,
    written_date=pages.WRITTEN_DATE,
    byline_prefix=bylines.BYLINE_PREFIX,
    byline_label=bylines.LABEL,
    byline_role=bylines.ROLE,
    between_names=bylines.BETWEEN_NAMES,
    byline_stamp=bylines.STAMP,
    placeholders=bylines.PLACEHOLDERS,
    company=bylines.COMPANY,
    copyright=bylines.COPYRIGHT,
)
