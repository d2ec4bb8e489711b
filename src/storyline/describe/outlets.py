"""Which outlet published an article: metadata, the URL's domain, or signatures in the text.

Signatures are general forms, not one site's wording: a wire dateline "CITY (AP) -", a
self-description in an appeal ("The Independent is trusted by ..."), a copyright footer,
a credit line ("Associated Press writer ... contributed to this report"); the words of the
last three are the language's (``lang.Credits``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from storyline import lang

# Wire abbreviations. Names of outlets are facts, not article text.
WIRE_ABBREVIATIONS = {
    "AP": "Associated Press",
    "AFP": "Agence France-Presse",
    "REUTERS": "Reuters",
    "UPI": "United Press International",
    "DPA": "dpa",
    "PA": "PA Media",
    "ANI": "ANI",
    "PTI": "Press Trust of India",
    "IANS": "IANS",
    "TASS": "TASS",
    "EFE": "EFE",
    "ANSA": "ANSA",
    "CNN": "CNN",
    "BBC": "BBC",
}

DATELINE = re.compile(
    r"\A[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?\s*\((?P<abbr>[A-Za-z][\w.]{1,10})\)\s*[-–—:]"
)


@dataclass(frozen=True)
class _Signatures:
    """One language's signatures of an outlet in a text, compiled."""

    self_description: re.Pattern[str]
    copyright_notice: re.Pattern[str]
    credit_line: re.Pattern[str]


@cache
def _signatures(code: str) -> _Signatures:
    words = lang.get(code).credits
    return _Signatures(
        re.compile(words.self_description),
        re.compile(words.copyright_notice, re.I),
        re.compile(words.credit_line),
    )


def is_credit_line(line: str, language: lang.Language | None = None) -> bool:
    """Whether a (stripped) paragraph is a credit line closing a story ("Associated Press writer
    ... contributed to this report"), as ``language`` writes one (None: the fallback's)."""
    return _signatures((language or lang.get(None)).code).credit_line.match(line) is not None


_HANDLE = re.compile(r"^@\w+$")


def site_name(value: str | None, url: str | None) -> str | None:
    """The name a page states for its site, when it is a name: never a social handle, a
    sentence or a tagline. "News zu VR, AR und KI | MIXED.de" gives the segment that names
    the domain ("MIXED.de"); a name of up to six words with no sentence in it stands."""
    if not value:
        return None
    from storyline.describe.titles import SEPARATOR, site_keys

    text = " ".join(value.split()).strip(" -|•·")
    if not text or _HANDLE.match(text) or text.startswith("@"):
        return None
    parts = [p.strip() for p in SEPARATOR.split(text) if p.strip()]
    if len(parts) > 1:
        keys = site_keys(url, [])
        named = [
            p for p in parts if any(k in "".join(ch for ch in p.casefold() if ch.isalnum()) for k in keys)
        ]
        if not named:
            return None
        text = min(named, key=len)
    words = text.split()
    if len(words) > 6 or re.search(r"[.!?]\s|[!?]$|☆|★", text) or text.endswith("."):
        return None
    return text


def outlet_from_text(
    first_paragraph: str, spans: list[str], credits: list[str], language: lang.Language | None = None
) -> tuple[str | None, str | None]:
    """The outlet a text names as its own; returns (outlet, basis). ``language``: the text's
    (None: the fallback's, ``lang.get``)."""
    language = language or lang.get(None)
    signatures = _signatures(language.code)
    for span in spans:
        m = signatures.self_description.search(span)
        if m:
            return _tidy(m.group("o"), language), "self-description"
    for span in spans:
        m = signatures.copyright_notice.search(span)
        if m and len(span) < 200:
            return _tidy(m.group("o"), language), "copyright notice"
    m = DATELINE.match(first_paragraph)
    if m:
        abbr = m.group("abbr").strip(".")
        name = WIRE_ABBREVIATIONS.get(abbr.upper())
        if name is None:
            name = next((c for c in credits if _initials(c) == abbr.upper()), None)
        if name:
            return name, "dateline"
    if credits:
        return credits[0], "credit line"
    return None, None


def credit_org(line: str, language: lang.Language | None = None) -> str | None:
    """The organisation a credit line names, if it names one."""
    language = language or lang.get(None)
    m = _signatures(language.code).credit_line.match(line.strip())
    if not m:
        return None
    org = m.group("org") or m.group("org2")
    if not org or _tidy(org, language).casefold() in language.credits.generic_credits:
        return None
    return _tidy(org, language)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper() and w.lower() != "the")


def _tidy(name: str, language: lang.Language) -> str:
    name = name.split(". ")[0].strip(" .,'’")
    for suffix in language.credits.name_tails:
        name = name.removesuffix(suffix)
    return name
