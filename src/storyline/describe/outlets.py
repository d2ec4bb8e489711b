"""Which outlet published an article: metadata, the URL's domain, or signatures in the text.

Signatures are general forms, not one site's wording: a wire dateline "CITY (AP) -", a
self-description in an appeal ("The Independent is trusted by ..."), a copyright footer,
a credit line ("Associated Press writer ... contributed to this report").
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

# Well-known domains and wire abbreviations. Names of outlets are facts, not article text.
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

_NAME = r"(?:The |the )?[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|of|de|du|al|&)){0,5}"
DATELINE = re.compile(
    r"\A[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?\s*\((?P<abbr>[A-Za-z][\w.]{1,10})\)\s*[-–—:]"
)
_SELF = re.compile(
    rf"(?P<o>{_NAME}) is (?:trusted by|on the ground|an independent|reader-funded|funded by its readers)"
)
_COPYRIGHT = re.compile(
    rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*[-–]?\s*(?:\d{{4}})?\s*)?(?P<o>{_NAME})", re.I
)
# Keywords match in any case; the organisation's name must be capitalised as names are.
CREDIT_LINE = re.compile(
    rf"^(?:(?P<org>{_NAME}) (?i:staff )?(?i:writers?|correspondents?|reporters?|journalists?|"
    r"photographers?|videographers?|staff)\b[^\n]{0,160}?\b(?i:contributed)\b[^\n]{0,60}"
    r"|(?i:(?:additional |with )?(?:reporting|inputs?) (?:by|from)) [^\n]{1,160}"
    r"|(?i:this (?:story|article|report) (?:was )?(?:originally )?(?:published|appeared) (?:by|in|on))"
    rf" (?P<org2>{_NAME})[^\n]{{0,80}}"
    r"|\(?(?i:with (?:inputs|reporting) from) [^\n]{1,80}\)?)\s*$"
)
_GENERIC = {
    "staff",
    "special",
    "our",
    "the",
    "this",
    "news",
    "wire",
    "agency",
    "agencies",
    "reuters staff",
}
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
    first_paragraph: str, spans: list[str], credits: list[str]
) -> tuple[str | None, str | None]:
    """The outlet a text names as its own; returns (outlet, basis)."""
    for span in spans:
        m = _SELF.search(span)
        if m:
            return _tidy(m.group("o")), "self-description"
    for span in spans:
        m = _COPYRIGHT.search(span)
        if m and len(span) < 200:
            return _tidy(m.group("o")), "copyright notice"
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


def credit_org(line: str) -> str | None:
    """The organisation a credit line names, if it names one."""
    m = CREDIT_LINE.match(line.strip())
    if not m:
        return None
    org = m.group("org") or m.group("org2")
    if not org or _tidy(org).casefold() in _GENERIC:
        return None
    return _tidy(org)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper() and w.lower() != "the")


def _tidy(name: str) -> str:
    name = name.split(". ")[0].strip(" .,'’")
    for suffix in (" All", " Ltd", " Inc", " LLC", " Limited"):
        name = name.removesuffix(suffix)
    return name
