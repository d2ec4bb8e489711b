"""Quotation marks paired in a text, tolerantly, and a parsed document's text built once:
what finding quotes and resolving pronouns (which skips quoted words) both read."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

OPEN = {"“", "„", "«"}
CLOSE = {"”", "»"}
STRAIGHT = '"'


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of double-quoted stretches, marks included, paragraph by paragraph.

    Tolerant: “ opens, ” closes, " toggles; a mismatched pair (“…") closes; an opening mark
    left open at the end of a paragraph yields a quote to the paragraph's end (closed=False).
    """
    spans: list[tuple[int, int, bool]] = []
    for para in re.finditer(r"[^\n]+", text):
        open_at: int | None = None
        base = para.start()
        for i, ch in enumerate(para.group(0)):
            pos = base + i
            if ch in OPEN:
                if open_at is None:
                    open_at = pos
            elif ch in CLOSE:
                if open_at is not None:
                    spans.append((open_at, pos + 1, True))
                    open_at = None
            elif ch == STRAIGHT:
                if open_at is None:
                    open_at = pos
                else:
                    spans.append((open_at, pos + 1, True))
                    open_at = None
        if open_at is not None and para.end() - open_at > 2:
            spans.append((open_at, para.end(), False))
    return spans


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy joins every token on each ``doc.text``."""
    cached = doc.user_data.get("storyline_text")
    if cached is None:
        cached = doc.user_data["storyline_text"] = doc.text
    return str(cached)
