"""Bylines that are names: a page's author metadata and byline lines hold URLs (a social
profile), placeholders ("No Author", "admin"), labels ("Autor john"), copyright lines, dates,
e-mail addresses, handles and company names; what is left when those are taken
out is the byline, or none."""

from __future__ import annotations

import re

from storyline import lang

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|org|net|de|uk|fr|at|ch)(?:/\S*)?\b", re.I)
_MAIL_OR_HANDLE = re.compile(r"\S+@\S+|(?<!\w)@\w+")
# An author field is written in the site's language, whatever the article's: several at once.
_WORDS = lang.multilingual()
_LABEL = re.compile(_WORDS.byline_label, re.I)
_ROLE_TAIL = re.compile(_WORDS.byline_role, re.I)
_BETWEEN_NAMES = re.compile(_WORDS.between_names, re.I)
_STAMP = re.compile(_WORDS.byline_stamp, re.I)
_PLACEHOLDERS = _WORDS.placeholders
_COMPANY = re.compile(_WORDS.company, re.I)
_DATEISH = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\b(?:19|20)\d{2}\b|\d{1,2}:\d{2}")
_COPYRIGHT = re.compile(_WORDS.copyright, re.I)


def clean_byline(value: str | None) -> str | None:
    """The byline's names (several kept, comma-separated), or None when none is left."""
    if not value:
        return None
    text = " ".join(str(value).split())
    if _COPYRIGHT.search(text):
        return None
    text = _URL.sub(" ", text)
    text = _MAIL_OR_HANDLE.sub(" ", text)
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    names = []
    for piece in _BETWEEN_NAMES.split(text):
        piece = _LABEL.sub("", piece.strip(" -–—:|/()[]"))
        if _ROLE_TAIL.fullmatch(" " + piece):
            continue  # the "Staff Writer" of "Anna Petrov, Staff Writer"
        bare = _ROLE_TAIL.sub("", piece)
        if len(bare.split()) >= 2:
            piece = bare  # "Anna Petrov Correspondent"; a pseudonym such as "Roving Reporter" stays
        piece = _STAMP.sub("", piece).strip(" -–—:")
        if not piece or _DATEISH.search(piece) or piece.casefold() in _PLACEHOLDERS:
            continue
        if _COMPANY.search(piece):
            continue
        if not any(ch.isalpha() for ch in piece) or len(piece.split()) > 5:
            continue
        if piece.isascii() and piece == piece.lower():
            continue  # "john", "redaktion1": a login, not a name as names are written
        names.append(piece)
    return ", ".join(dict.fromkeys(names)) or None
