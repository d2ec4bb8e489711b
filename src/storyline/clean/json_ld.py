"""JSON-LD of a page, read with a JSON parser: every ``<script type="application/ld+json">``
element parsed whole (leniently, as trafilatura does: control characters allowed inside
strings), its objects walked (lists, ``@graph``, nested values) for the fields we use.

Only a document the parser refuses is searched with patterns, and a pattern's capture is
decoded inside the same guard, so a malformed document (an escaped quote a pattern cut in
two, a truncated page) yields less metadata, never an error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

_SCRIPTS = ".//script[@type='application/ld+json']"
_STRING = r'"((?:[^"\\]|\\.)*)"'  # a JSON string's body, escaped quotes and all
_PUBLISHER = re.compile(r'"publisher"\s*:\s*\{[^{}]*?"name"\s*:\s*' + _STRING)
_DATE_PUBLISHED = re.compile(r'"datePublished"\s*:\s*' + _STRING)
MAX_DEPTH = 6  # how deep objects are looked for in a document (pages nest a few levels)


def documents(tree: HtmlElement) -> Iterator[tuple[Any, str]]:
    """(parsed document or None, its text) of every JSON-LD element of the page, in order;
    None when the parser refused the text (the caller may search it with patterns)."""
    for script in tree.iterfind(_SCRIPTS):
        text = (script.text or "").strip()
        if not text:
            continue
        try:
            yield json.loads(text, strict=False), text
        except (ValueError, RecursionError):  # malformed, or nested deeper than the parser goes
            yield None, text


def objects(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD document (``@graph``, lists, nested values), shallow first."""
    if depth > MAX_DEPTH:
        return
    items = data if isinstance(data, list) else [data]
    nested: list[Any] = []
    for item in items:
        if isinstance(item, dict):
            yield item
            nested += [v for v in item.values() if isinstance(v, dict | list)]
        elif isinstance(item, list):
            nested.append(item)
    for value in nested:
        yield from objects(value, depth + 1)


def publisher_names(tree: HtmlElement) -> list[str]:
    """The publisher's name each JSON-LD document of the page states (``publisher.name`` of
    its shallowest object that names one), in page order."""
    names: list[str] = []
    for data, text in documents(tree):
        found = _patterns(_PUBLISHER, text) if data is None else _publishers(data)
        names += found[:1]
    return list(dict.fromkeys(names))


def _publishers(data: Any) -> list[str]:
    out = []
    for obj in objects(data):
        publisher = obj.get("publisher")
        for pub in publisher if isinstance(publisher, list) else [publisher]:
            name = pub.get("name") if isinstance(pub, dict) else None
            if isinstance(name, str) and name.strip():
                out.append(name.strip())
    return out


def date_published_fallback(text: str) -> list[str]:
    """``datePublished`` values of a document the parser refused, found by pattern."""
    return _patterns(_DATE_PUBLISHED, text)


def _patterns(pattern: re.Pattern[str], text: str) -> list[str]:
    """Each capture of ``pattern`` in ``text``, decoded as the JSON string it is; a capture
    that does not decode (a broken escape) is left out."""
    out = []
    for m in pattern.finditer(text):
        try:
            value = json.loads(f'"{m.group(1)}"', strict=False)
        except ValueError:
            continue
        if isinstance(value, str) and value.strip():
            out.append(value.strip())
    return out
