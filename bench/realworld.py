"""Storyline on real pages nobody here wrote: the public test pages of trafilatura, newspaper4k and
news-please, ingested the way a user ingests them, beside trafilatura's own extraction.

Data (never in the repo; the folder is given with --data):

    DATA/trafilatura/tests/cache/*.html       pages of trafilatura's tests
    DATA/trafilatura/tests/eval/*.html        pages of its evaluation
    DATA/trafilatura/tests/evaldata.json      url -> file, body snippets ("with"/"without"), and for
                                              most pages title, date, author (and a few sitename)
    DATA/trafilatura/tests/realworld_tests.py MOCK_PAGES (url -> file), read with ast.literal_eval,
                                              never imported: URLs of cache pages evaldata lacks
    DATA/newspaper4k/tests/data/html/*.html   pages of newspaper4k's tests
    DATA/newspaper4k/tests/data/metadata/<same stem>.json
                                              newspaper4k's expected output: url, title, authors,
                                              publish_date, meta_site_name, language
    DATA/news-please/newsplease/examples/sample.json
                                              news-please's one sample record (JSON, no HTML)

Prepare it (what a user elsewhere runs; about 200 MB):

    mkdir -p /work/realworld-data && cd /work/realworld-data
    git clone --depth 1 https://github.com/adbar/trafilatura
    git clone --depth 1 https://github.com/AndyTheFactory/newspaper4k
    git clone --depth 1 https://github.com/fhamborg/news-please

then ``python bench/realworld.py --data /work/realworld-data`` (``--sets``, ``--limit`` for a quick
look, ``--keep DIR`` to keep the stores). A missing set is skipped with a message; no set at all
exits. The commit of each set is reported (``git rev-parse``, or a ``COMMIT`` file beside it).

Product path. Each set is ingested into its own temporary store with ``Ingest(store,
PipelineOptions()).run(...)``, every stage and linking included, so rejects and duplicates are
recorded exactly as a user sees them. A page whose URL is known (evaldata.json, MOCK_PAGES,
newspaper4k's expected "url") goes into one gzipped WARC file, one ``response`` record per page
(HTTP 200, text/html, the page's bytes untouched) carrying its URL, as a crawl would hand it over;
a page with no known URL is ingested as the file itself; the news-please sample is ingested as the
JSON file it is. Per page the store gives back headline, published (+ basis), outlet (+ basis),
byline, language, clean text, removed spans, entity mentions, quotes, claims; or its reject or
duplicate. A page split into several articles counts its parts' text together and is described
by its first part.

trafilatura beside it: ``trafilatura.bare_extraction(html, url=url, with_metadata=True)``
(default settings: fallbacks on, not fast) on the same bytes: title, date, sitename or hostname,
author, text.

Matching rules (for Storyline and trafilatura alike):
- headline: equal after NFKC, case folding, white space collapsed and typographic quotes/dashes
  unified (``contains`` counts a headline that holds the gold one plus more);
- date: the same day (the first ten characters, YYYY-MM-DD);
- byline: gold authors split at ";", ",", "&", " and ", " und " (a leading By/Von dropped; one-word
  pieces dropped when multi-word names remain); "all" when every gold name occurs in the normalised
  byline, "any" when one does; where trafilatura's gold says no author (""), a byline is spurious;
- outlet: keys compared after case folding, "www."/scheme, a leading "the", the domain's suffix
  (.com, .co.uk, ...) and every non-alphanumeric dropped: equal, or one inside the other when the
  shorter has at least 4 characters.
Gold is what the sets ship: trafilatura's evaldata annotations and newspaper4k's expected output
(a regression fixture, not hand-checked: its author lists hold names from related links).

Defect counts (heuristics, each stated where it is computed): pages undated by us whose HTML
states a date (``<time datetime>``, a date meta tag, itemprop datePublished, JSON-LD
datePublished/dateCreated); bodies lost (ours < 50% of trafilatura's characters and more than
1,000 missing; trafilatura runs again on those, without comments and in fast mode, to say which
the loss follows) and swollen (ours > 2x and 2,000 more); headlines with a site suffix/prefix or
a date segment; outlets that look wrong (handle, URL, sentence or tagline, hex id, generic word,
several spellings of one site); junk bylines (URL, handle, placeholder, label, copyright, date;
bylines naming only an organisation counted apart); languages, and what the English model found
on other languages; rejects; stored non-articles (homepage URLs, error or redirect pages, feeds,
pages of link blocks). Rows of each category (capped) go to bench/results/realworld_errors.json.
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
import trafilatura
from _common import REPO, save
from trafilatura.utils import load_html
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.describe.dates import normalise_date, path_date
from storyline.pipeline import PipelineOptions
from storyline.run.embedded import Ingest
from storyline.store import Store

SETS = ("trafilatura", "newspaper4k", "news-please")


@dataclass
class Page:
    """One input of a set: its file, URL when known, gold metadata when the set has it."""

    set: str
    name: str  # the file, relative to the set's folder
    path: Path
    url: str | None
    kind: str = "html"  # html | json
    gold: dict[str, Any] = field(default_factory=dict)


# -- the sets ----------------------------------------------------------------------------------
def _commit(folder: Path) -> str | None:
    if (folder / "COMMIT").is_file():
        return (folder / "COMMIT").read_text().strip()
    try:
        out = subprocess.run(["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True, text=True)
    except OSError:
        return None
    return out.stdout.strip() or None


def _mock_pages(test_file: Path) -> dict[str, str]:
    """trafilatura's MOCK_PAGES (url -> cache file), read as a literal, never executed."""
    if not test_file.is_file():
        return {}
    for node in ast.parse(test_file.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MOCK_PAGES":
            return dict(ast.literal_eval(node.value))
    return {}


def trafilatura_pages(root: Path) -> list[Page]:
    tests = root / "tests"
    evaldata = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
    by_file: dict[str, tuple[str, dict[str, Any]]] = {v["file"]: (u, v) for u, v in evaldata.items()}
    mock = {f: u for u, f in _mock_pages(tests / "realworld_tests.py").items()}
    pages = []
    for sub in ("cache", "eval"):
        for path in sorted((tests / sub).glob("*.html")):
            key, item = by_file.get(path.name, (None, {}))
            # evaldata keys a few pages by a pseudo-URL ("hard::file.html"): those are no URL
            url = key if key and re.match(r"https?://", key) else mock.get(path.name)
            url = url.replace(" ", "%20") if url else None  # as a crawler would have it
            gold = {
                k: item[k] for k in ("title", "date", "author", "sitename", "with", "without") if k in item
            }
            if "sitename" in gold:
                gold["outlet"] = gold.pop("sitename")
            pages.append(Page("trafilatura", f"{sub}/{path.name}", path, url, gold=gold))
    return pages


def newspaper4k_pages(root: Path) -> list[Page]:
    data = root / "tests" / "data"
    pages = []
    for path in sorted((data / "html").glob("*.html")):
        meta_file = data / "metadata" / f"{path.stem}.json"
        gold: dict[str, Any] = {}
        url = None
        if meta_file.is_file():
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            url = meta.get("url") or None
            gold = {
                "title": meta.get("title"),
                "date": meta.get("publish_date"),
                "author": meta.get("authors") or None,
                "outlet": meta.get("meta_site_name") or None,
                "language": meta.get("language") or meta.get("meta_lang") or None,
            }
        pages.append(Page("newspaper4k", f"html/{path.name}", path, url, gold=gold))
    return pages


def newsplease_pages(root: Path) -> list[Page]:
    path = root / "newsplease" / "examples" / "sample.json"
    rec = json.loads(path.read_text(encoding="utf-8"))
    gold = {
        "title": rec.get("title"),
        "date": rec.get("date_publish"),
        "author": rec.get("authors") or None,
        "outlet": rec.get("source_domain"),
        "language": rec.get("language"),
    }
    return [Page("news-please", "newsplease/examples/sample.json", path, rec.get("url"), "json", gold)]


LOADERS = {
    "trafilatura": trafilatura_pages,
    "newspaper4k": newspaper4k_pages,
    "news-please": newsplease_pages,
}
MARKERS = {
    "trafilatura": "tests/evaldata.json",
    "newspaper4k": "tests/data/html",
    "news-please": "newsplease/examples/sample.json",
}


# -- Storyline: the product path -------------------------------------------------------------
def _workdir(keep: Path | None, name: str) -> Path:
    if keep:
        folder = keep / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        return folder
    while True:  # no run of digits a path date could be read from
        folder = Path(tempfile.mkdtemp(prefix="storyline-realworld-"))
        if not re.search(r"\d{4}", str(folder)):
            return folder
        folder.rmdir()


def write_warc(pages: list[Page], path: Path) -> None:
    """One response record per page (HTTP 200, text/html), the page's bytes as they are."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for page in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                page.url, "response", payload=io.BytesIO(page.path.read_bytes()), http_headers=headers
            )
            writer.write_record(record)


def run_storyline(pages: list[Page], folder: Path, workers: int) -> tuple[dict[str, dict[str, Any]], float]:
    """Ingest the set into a fresh store; per page (by name) what the store holds for it."""
    in_warc = [p for p in pages if p.url and p.kind == "html"]
    direct = [p for p in pages if p not in in_warc]
    warc = folder / "pages.warc.gz"
    origin: dict[tuple[str, int | None], str] = {}
    inputs = []
    if in_warc:
        write_warc(in_warc, warc)
        inputs.append(str(warc))
        origin.update({(str(warc), k): p.name for k, p in enumerate(in_warc, start=1)})
    for p in direct:
        inputs.append(str(p.path.resolve()))
        origin[(str(p.path.resolve()), None)] = p.name
    urls = {p.name: p.url for p in in_warc}

    store = Store(folder / "corpus.db")
    t0 = time.perf_counter()
    report = Ingest(store, PipelineOptions(workers=workers)).run(inputs)
    seconds = time.perf_counter() - t0

    out: dict[str, dict[str, Any]] = {p.name: {"status": "missing"} for p in pages}
    labels = {}
    for (path, record), name in origin.items():
        labels[f"{path}:{record}" if record is not None else path] = name
    for art in store.articles.each():
        name = origin[(art.source.path or "", art.source.record)]
        if art.source.record is not None and art.source.url != urls[name]:
            raise RuntimeError(f"record {art.source.record} of the WARC is not {name}")
        row = out[name]
        if row["status"] != "stored":
            row.update(status="stored", parts=[])
        row["parts"].append(art)
    for name, row in out.items():
        if row["status"] == "stored":
            out[name] = _describe_stored(sorted(row["parts"], key=lambda a: a.source.part))
    for r in store.articles.rejects():
        name = origin.get((r["path"], r["record"])) or origin.get((r["path"], None))
        if name is None:
            continue
        if out[name]["status"] == "missing":
            out[name] = {"status": "rejected", "stage": r["stage"], "reason": r["reason"]}
    for _id, label in report.duplicates:
        name = labels.get(label)
        if name and out[name]["status"] == "missing":
            out[name] = {"status": "duplicate"}
    store.close()
    if lost := [n for n, row in out.items() if row["status"] == "missing"]:
        print(f"  {len(lost)} pages neither stored, rejected nor duplicate: {lost[:5]}", file=sys.stderr)
    return out, seconds


def _describe_stored(parts: list[Any]) -> dict[str, Any]:
    first = parts[0]
    text = "\n\n".join(a.text for a in parts)
    return {
        "status": "stored",
        "parts": len(parts),
        "headline": first.headline,
        "published": first.published,
        "published_basis": first.published_basis,
        "outlet": first.outlet,
        "outlet_basis": first.outlet_basis,
        "byline": first.byline,
        "language": first.language,
        "chars": len(text),
        "text": text,
        "removed": Counter(r.reason for a in parts for r in a.removed),
        "removed_chars": sum(len(r.text) for a in parts for r in a.removed),
        "entities": sum(len(a.entities) for a in parts),
        "quotes": sum(len(a.quotes) for a in parts),
        "claims": sum(len(a.claims) for a in parts),
        "hint_date": first.hints.get("date"),
        "date_from": _date_source(first),
        "url": first.source.url or first.hints.get("url"),
    }


def _date_source(art: Any) -> str | None:
    """Where a stated date came from, as describe weighs them: metadata, the text, a path."""
    if not art.published or art.published_basis != "stated":
        return art.published_basis
    if normalise_date(art.hints.get("date")) == art.published:
        return "metadata"
    if path_date(art.source.url or art.hints.get("url")) == art.published:
        return "url path"
    if path_date(art.source.path) == art.published:
        return "file path"
    return "text or digest"


# -- trafilatura beside it ---------------------------------------------------------------------
def run_trafilatura(pages: list[Page]) -> tuple[dict[str, dict[str, Any]], float]:
    out: dict[str, dict[str, Any]] = {}
    t0 = time.perf_counter()
    for page in pages:
        if page.kind != "html":
            continue
        try:
            doc = trafilatura.bare_extraction(page.path.read_bytes(), url=page.url, with_metadata=True)
        except Exception as exc:  # a crash is a result too
            out[page.name] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        if doc is None:
            out[page.name] = {"title": None, "date": None, "outlet": None, "author": None, "text": ""}
            continue
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        out[page.name] = {
            "title": d.get("title"),
            "date": d.get("date"),
            "outlet": d.get("sitename") or d.get("hostname"),
            "author": d.get("author"),
            "text": d.get("text") or "",
        }
    return out, time.perf_counter() - t0


def explain_lost(rows: list[dict], pages: list[Page]) -> None:
    """For each body lost, trafilatura again without comments, and in fast mode (no fallback
    extractors, as Storyline's extract stage runs it): which of the two the loss follows."""
    by_name = {p.name: p for p in pages}
    for r in rows:
        if not _lost(r):
            continue
        html = by_name[r["file"]].path.read_bytes()
        for key, fast in (("chars_no_comments", False), ("chars_fast", True)):
            doc = trafilatura.bare_extraction(html, url=r["url"], fast=fast, include_comments=False)
            r["theirs"][key] = len(doc.text or "") if doc is not None else 0


def _lost_because(r: dict) -> str:
    ours = r["ours"].get("chars", 0)
    if not (ours < 0.5 * r["theirs"]["chars_no_comments"] and r["theirs"]["chars_no_comments"] - ours > 1000):
        return "trafilatura's comments"
    if not (ours < 0.5 * r["theirs"]["chars_fast"] and r["theirs"]["chars_fast"] - ours > 1000):
        return "fast mode (no fallback extractors)"
    return "neither"


# -- what the raw HTML states ----------------------------------------------------------------
_ISO_DAY = re.compile(r"((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")
_DMY = re.compile(r"\b(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d{2})\b")
_DATE_META = re.compile(r"publish|pubdate|pub-date|date|created|issued")
_NOT_PUB_META = re.compile(r"modif|updat|expir|valid|revis|review|index")
_LD_DATE = re.compile(r'"date(?:Published|Created)"\s*:\s*"([^"]+)"')
ERROR_PHRASES = re.compile(
    r"\b404\b|page not found|not found|nicht gefunden|no encontrada|introuvable|access denied"
    r"|\b403\b|forbidden|are you a robot|captcha|enable javascript|javascript is disabled",
    re.IGNORECASE,
)


def _day(value: str | None) -> str | None:
    if not value:
        return None
    if m := _ISO_DAY.search(value):
        return m.group(0)
    if m := _DMY.search(value):
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    return None


def page_facts(page: Page) -> dict[str, Any]:
    """What the page's own markup says: stated dates by kind, its title, link share, refresh."""
    facts: dict[str, Any] = {"stated": {}, "title": None, "anchors": set(), "refresh": False}
    if page.kind != "html":
        return facts
    tree = load_html(page.path.read_bytes())
    if tree is None:
        return facts
    stated: dict[str, list[str]] = defaultdict(list)
    for script in tree.iterfind(".//script"):
        if "ld+json" in (script.get("type") or "").lower():
            stated["json-ld"] += [d for d in map(_day, _LD_DATE.findall(script.text or "")) if d]
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if (meta.get("http-equiv") or "").lower() == "refresh":
            facts["refresh"] = True
        is_date = bool(key) and _DATE_META.search(key) and not _NOT_PUB_META.search(key)
        if is_date and (d := _day(meta.get("content"))):
            stated["meta"].append(d)
    for node in tree.xpath('//*[@itemprop="datePublished" or @itemprop="dateCreated"]'):
        if d := _day(node.get("content") or node.get("datetime") or node.text_content()):
            stated["itemprop"].append(d)
    for value in tree.xpath("//time/@datetime"):
        if d := _day(str(value)):
            stated["time"].append(d)
    facts["stated"] = {k: v for k, v in stated.items() if v}
    title = tree.findtext(".//title")
    facts["title"] = " ".join(title.split()) if title else None
    facts["anchors"] = {t for t in (norm(a.text_content()) for a in tree.iterfind(".//a")) if len(t) >= 12}
    return facts


# -- matching rules ----------------------------------------------------------------------------
_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "–": "-", "—": "-"}
)


def norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().translate(_QUOTES).split())


def title_match(ours: str | None, gold: str) -> tuple[bool, bool]:
    """(equal, contains) under ``norm``."""
    a, b = norm(ours), norm(gold)
    return bool(a) and a == b, bool(a) and b in a


def gold_names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    pieces = []
    for item in items:
        for piece in re.split(r";|,|&|\band\b|\bund\b", str(item or "")):
            piece = re.sub(r"^(?:by|von)\s+", "", piece.strip(), flags=re.IGNORECASE)
            if piece:
                pieces.append(piece)
    multi = [p for p in pieces if len(p.split()) > 1]
    return multi or pieces


def names_found(byline: str | None, names: list[str]) -> tuple[bool, bool]:
    """(all found, any found)."""
    hay = norm(byline)
    hits = [bool(hay) and norm(n) in hay for n in names]
    return bool(hits) and all(hits), any(hits)


_SUFFIX = re.compile(
    r"\.(?:com|org|net|info|biz|gov|edu|co|ac|de|at|ch|fr|es|it|uk|us|nl|be|pl|cz|ru|jp|cn|kr|in|"
    r"br|mx|ar|cl|pe|cu|do|hn|cr|pa|tt|bb|eu|io|gg|tv|me|news|blog)(?=\.|$)"
)


def outlet_key(value: str | None) -> str:
    text = unicodedata.normalize("NFKC", value or "").casefold().strip()
    text = re.sub(r"^[a-z]+://", "", text).removeprefix("www.")
    if " " not in text and "." in text:
        text = _SUFFIX.sub("", text.split("/")[0])
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[\W_]+", "", text)


def outlet_match(ours: str | None, gold: str) -> bool:
    a, b = outlet_key(ours), outlet_key(gold)
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    return a == b or (len(short) >= 4 and short in long)


# -- defect detectors --------------------------------------------------------------------------
_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*\|\s*|\s+--\s+|\s*--\s+|\s+[›»·•:]{1,2}\s+")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|"
    "septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    "septiembre|octubre|noviembre|diciembre|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
HEADLINE_DATE = re.compile(
    rf"\b\d{{1,2}}[./]\d{{1,2}}[./](?:19|20)?\d{{2}}\b|\b(?:19|20)\d{{2}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}\b"
    rf"|\b\d{{1,2}}\.?\s+(?:{_MONTHS})\.?,?\s+(?:19|20)\d{{2}}\b"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}\b",
    re.IGNORECASE,
)


def _is_site(part: str, sites: list[str]) -> bool:
    k = outlet_key(part)
    for site in sites:
        s = outlet_key(site)
        if len(k) >= 3 and len(s) >= 3 and (k in s or s in k):
            return True
    return False


def headline_defects(headline: str | None, sites: list[str]) -> list[str]:
    """ "site suffix"/"site prefix" (the part, at most six words, beyond a separator names the
    site: host, outlet, og:site_name), "pipe tail" (another short tail after | › »), "date" (a
    segment between separators that is nothing but a date)."""
    if not headline:
        return []
    found = []
    seps = list(_SEPARATOR.finditer(headline))
    if seps:
        tail, head = headline[seps[-1].end() :], headline[: seps[0].start()]
        if 0 < len(tail.split()) <= 6 and _is_site(tail, sites):
            found.append("site suffix")
        elif 0 < len(head.split()) <= 6 and _is_site(head, sites):
            found.append("site prefix")
        elif seps[-1].group().strip() in ("|", "›", "»") and 0 < len(tail.split()) <= 5:
            found.append("pipe tail")
    segments = _SEPARATOR.split(headline) if seps else []
    if any((m := HEADLINE_DATE.search(seg)) and m.group().strip() == seg.strip() for seg in segments):
        found.append("date")
    return found


_GENERIC = {
    "home",
    "startseite",
    "blog",
    "news",
    "index",
    "website",
    "homepage",
    "accueil",
    "inicio",
    "portada",
    "article",
    "articles",
    "untitled",
}


def outlet_defects(outlet: str | None) -> list[str]:
    if not outlet:
        return []
    o = outlet.strip()
    found = []
    if o.startswith("@"):
        found.append("social handle")
    if re.match(r"^(?:https?://|www\.)", o, re.IGNORECASE) or re.search(r"\w\.[a-z]{2,}/", o):
        found.append("url")
    if re.search(r"\b[0-9a-f]{8,}\b", o.lower()) or re.search(r"\d{6,}", o):
        found.append("hex or number id")
    parts = re.split(r"\s(?:[|:–—-]|//|·|•)\s|:\s|\s\|", o)
    if len(o.split()) > 6 or re.search(r"[!?]$", o) or (len(parts) > 1 and len(parts[-1].split()) >= 3):
        found.append("sentence or tagline")
    if o.casefold() in _GENERIC:
        found.append("generic word")
    return found


_COMPANY = re.compile(
    r"\b(?:inc|ltd|llc|gmbh|ag|corp|corporation|company|e\.\s?v|verlag|media|medien|news|press|presse|"
    r"online|zeitung|redaktion|newsroom|staff|desk|wire|agency|group)\b\.?",
    re.IGNORECASE,
)


ORGANISATION = {"company or desk", "outlet as byline"}  # a byline naming no person: counted apart


def byline_defects(byline: str | None, outlet: str | None, host: str | None) -> list[str]:
    if not byline:
        return []
    b = byline.strip()
    found = []
    if re.search(r"https?://|www\.|\.com\b|\.de\b|\.org\b|facebook|twitter", b, re.IGNORECASE):
        found.append("url")
    if "@" in b:
        found.append("email or handle")
    if re.search(r"^(?:no author|unknown|anonymous|admin|n/a|none|null|author|autor)$", b, re.IGNORECASE):
        found.append("placeholder")
    if re.search(r"^(?:by|von|autor|author|written by|posted by)\b[:\s]", b, re.IGNORECASE):
        found.append("label left in")
    if re.search(r"©|\(c\)|copyright|all rights reserved", b, re.IGNORECASE):
        found.append("copyright")
    if HEADLINE_DATE.search(b) or re.search(r"\b(?:19|20)\d{2}\b", b):
        found.append("date")
    if _COMPANY.search(b):
        found.append("company or desk")
    if (outlet and outlet_key(b) == outlet_key(outlet)) or (host and outlet_key(b) == outlet_key(host)):
        found.append("outlet as byline")
    if len(b.split()) > 12 or (re.search(r"[.!?]$", b) and len(b.split()) > 5):
        found.append("sentence")
    return found


def non_article(page: Page, ours: dict[str, Any], facts: dict[str, Any]) -> list[str]:
    """Best effort: a homepage URL, an error phrase in the title or text start, a refresh
    redirect with little text, a feed, link blocks (five or more clean lines, 40% of them the
    whole text of a link on the page)."""
    why = []
    url = ours.get("url") or page.url
    if url and urlparse(url).path in ("", "/") and not urlparse(url).query:
        why.append("homepage url")
    head = f"{facts.get('title') or ''} {ours.get('headline') or ''} {(ours.get('text') or '')[:300]}"
    if ERROR_PHRASES.search(head):
        why.append("error phrase")
    if facts.get("refresh") and ours.get("chars", 0) < 500:
        why.append("refresh redirect")
    if page.kind == "html" and re.match(rb"\s*<\?xml[^>]*>\s*<(?:rss|feed)", page.path.read_bytes()[:500]):
        why.append("feed")
    paras = [norm(p) for p in (ours.get("text") or "").split("\n") if p.strip()]
    if len(paras) >= 5 and sum(p in facts["anchors"] for p in paras) >= 0.4 * len(paras):
        why.append("link blocks")
    return why


# -- per page, then per set ------------------------------------------------------------------
def _host(url: str | None) -> str | None:
    return urlparse(url).netloc.lower().removeprefix("www.") or None if url else None


def page_row(page: Page, ours: dict[str, Any], theirs: dict[str, Any] | None, facts: dict[str, Any]) -> dict:
    host = _host(ours.get("url") or page.url)
    sites = [s for s in (host, ours.get("outlet"), (theirs or {}).get("outlet")) if s]
    row: dict[str, Any] = {"set": page.set, "file": page.name, "url": page.url, "status": ours["status"]}
    row["ours"] = {k: v for k, v in ours.items() if k != "text"}
    row["theirs"] = {k: v for k, v in (theirs or {}).items() if k != "text"} if theirs is not None else None
    if theirs is not None:
        row["theirs"]["chars"] = len(theirs.get("text") or "")
    row["stated"] = facts["stated"]
    row["gold"] = {k: v for k, v in page.gold.items() if k not in ("with", "without")}
    stored = ours["status"] == "stored"
    row["headline_defects"] = headline_defects(ours.get("headline"), sites) if stored else []
    row["theirs_title_defects"] = headline_defects((theirs or {}).get("title"), sites)
    row["outlet_defects"] = outlet_defects(ours.get("outlet")) if stored else []
    row["theirs_outlet_defects"] = outlet_defects((theirs or {}).get("outlet"))
    row["byline_defects"] = byline_defects(ours.get("byline"), ours.get("outlet"), host) if stored else []
    row["theirs_author_defects"] = byline_defects(
        (theirs or {}).get("author"), (theirs or {}).get("outlet"), host
    )
    row["non_article"] = non_article(page, ours, facts) if stored else []
    row["host"] = host
    if page.gold.get("with"):
        row["snippets"] = {
            who: _snippets(page.gold, text)
            for who, text in (("ours", ours.get("text") or ""), ("theirs", (theirs or {}).get("text") or ""))
        }
    return row


def _snippets(gold: dict[str, Any], text: str) -> dict[str, int]:
    t = " ".join(text.split())
    return {
        "with": len(gold["with"]),
        "with_found": sum(" ".join(w.split()) in t for w in gold["with"]),
        "without": len(gold["without"]),
        "without_found": sum(" ".join(w.split()) in t for w in gold["without"]),
    }


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} {100 * n / d:.1f}%" if d else "-"


def gold_scores(rows: list[dict], who: str) -> dict[str, Any]:
    """Headline, date, outlet, byline agreement with the gold, for ``ours`` or ``theirs``."""
    fields = {
        "ours": ("headline", "published", "outlet", "byline"),
        "theirs": ("title", "date", "outlet", "author"),
    }
    f_title, f_date, f_outlet, f_author = fields[who]
    c: Counter[str] = Counter()
    for r in rows:
        if r["status"] == "duplicate":
            continue
        got = r[who] or {}
        g = r["gold"]
        if g.get("title"):
            eq, inside = title_match(got.get(f_title), g["title"])
            c["title_n"] += 1
            c["title_eq"] += eq
            c["title_contains"] += inside
        if _day(str(g.get("date") or "")):
            c["date_n"] += 1
            c["date_eq"] += _day(got.get(f_date)) == _day(str(g["date"]))
            c["date_none"] += not got.get(f_date)
            if got.get("published_basis") == "inferred":  # dates linking inferred (ours only)
                c["date_inferred_n"] += 1
                c["date_inferred_eq"] += _day(got.get(f_date)) == _day(str(g["date"]))
        if g.get("outlet"):
            c["outlet_n"] += 1
            c["outlet_eq"] += outlet_match(got.get(f_outlet), g["outlet"])
        if g.get("author"):
            names = gold_names(g["author"])
            if names:
                every, one = names_found(got.get(f_author), names)
                c["author_n"] += 1
                c["author_all"] += every
                c["author_any"] += one
                c["author_none"] += not got.get(f_author)
        elif g.get("author") == "" and r["set"] == "trafilatura":
            c["no_author_n"] += 1
            c["no_author_spurious"] += bool(got.get(f_author))
    return dict(c)


def summarise(rows: list[dict], pages: list[Page], seconds: dict[str, float]) -> dict[str, Any]:
    st = Counter(r["status"] for r in rows)
    stored = [r for r in rows if r["status"] == "stored"]
    html_rows = [r for r in rows if r["theirs"] is not None]
    out: dict[str, Any] = {
        "pages": len(rows),
        "status": dict(st),
        "with_url": sum(bool(p.url) for p in pages),
        "html_pages": len(html_rows),
    }
    out["gold"] = {"storyline": gold_scores(rows, "ours"), "trafilatura": gold_scores(html_rows, "theirs")}

    snip = Counter()
    for r in rows:
        for who, s in (r.get("snippets") or {}).items():
            for k, v in s.items():
                snip[f"{who}_{k}"] += v
    if snip:
        out["body_snippets"] = dict(snip)

    undated = [r for r in stored if not r["ours"].get("published")]
    stated_undated = [r for r in undated if r["stated"]]
    out["dates"] = {
        "basis": dict(Counter(str(r["ours"].get("published_basis")) for r in stored)),
        "from": dict(Counter(str(r["ours"].get("date_from")) for r in stored)),
        "undated": len(undated),
        "undated_but_page_states_a_date": len(stated_undated),
        "by_evidence": dict(Counter(k for r in stated_undated for k in r["stated"])),
        "dated_but_not_any_stated_day": sum(
            1
            for r in stored
            if r["ours"].get("published")
            and r["stated"]
            and r["ours"]["published"][:10] not in {d for v in r["stated"].values() for d in v}
        ),
        "trafilatura_undated": sum(1 for r in html_rows if not (r["theirs"] or {}).get("date")),
        "trafilatura_undated_but_page_states_a_date": sum(
            1 for r in html_rows if not (r["theirs"] or {}).get("date") and r["stated"]
        ),
    }
    lost = [r for r in html_rows if _lost(r)]
    swollen = [r for r in html_rows if _swollen(r)]
    out["bodies"] = {
        "ours_chars": sum(r["ours"].get("chars", 0) for r in html_rows),
        "trafilatura_chars": sum(r["theirs"].get("chars", 0) for r in html_rows),
        "lost": len(lost),
        "lost_of_which_rejected": sum(r["status"] == "rejected" for r in lost),
        "lost_because": dict(Counter(_lost_because(r) for r in lost)),
        "swollen": len(swollen),
        "worst_lost": [
            {
                "file": f"{r['set']}/{r['file']}",
                "ours": r["ours"].get("chars", 0),
                "trafilatura": r["theirs"]["chars"],
            }
            for r in sorted(lost, key=lambda r: r["ours"].get("chars", 0) - r["theirs"]["chars"])[:10]
        ],
    }
    out["headlines"] = {
        "storyline": dict(Counter(d for r in stored for d in r["headline_defects"])),
        "storyline_pages": sum(bool(r["headline_defects"]) for r in stored),
        "trafilatura": dict(Counter(d for r in html_rows for d in r["theirs_title_defects"])),
        "trafilatura_pages": sum(bool(r["theirs_title_defects"]) for r in html_rows),
        "storyline_none": sum(not r["ours"].get("headline") for r in stored),
    }
    spellings = outlet_spellings(stored)
    out["outlets"] = {
        "basis": dict(Counter(str(r["ours"].get("outlet_basis")) for r in stored)),
        "storyline": dict(Counter(d for r in stored for d in r["outlet_defects"])),
        "storyline_pages": sum(bool(r["outlet_defects"]) for r in stored),
        "trafilatura": dict(Counter(d for r in html_rows for d in r["theirs_outlet_defects"])),
        "trafilatura_pages": sum(bool(r["theirs_outlet_defects"]) for r in html_rows),
        "several_spellings_of_one_site": len(spellings),
        "none": sum(not r["ours"].get("outlet") for r in stored),
    }
    out["bylines"] = {
        "storyline_with_byline": sum(bool(r["ours"].get("byline")) for r in stored),
        "storyline": dict(Counter(d for r in stored for d in r["byline_defects"])),
        "storyline_junk_pages": sum(bool(set(r["byline_defects"]) - ORGANISATION) for r in stored),
        "storyline_organisation_pages": sum(
            bool(set(r["byline_defects"]) & ORGANISATION) and not set(r["byline_defects"]) - ORGANISATION
            for r in stored
        ),
        "trafilatura_with_author": sum(bool((r["theirs"] or {}).get("author")) for r in html_rows),
        "trafilatura": dict(Counter(d for r in html_rows for d in r["theirs_author_defects"])),
        "trafilatura_junk_pages": sum(
            bool(set(r["theirs_author_defects"]) - ORGANISATION) for r in html_rows
        ),
        "trafilatura_organisation_pages": sum(
            bool(set(r["theirs_author_defects"]) & ORGANISATION)
            and not set(r["theirs_author_defects"]) - ORGANISATION
            for r in html_rows
        ),
    }
    langs = Counter(str(r["ours"].get("language")) for r in stored)
    out["languages"] = dict(langs.most_common())
    out["reading_by_language"] = {
        group: _reading([r for r in stored if (r["ours"].get("language") == "en") == (group == "en")])
        for group in ("en", "other")
    }
    gold_lang = [r for r in rows if r["gold"].get("language") and r["status"] != "duplicate"]
    if gold_lang:
        out["language_gold"] = {
            "n": len(gold_lang),
            "storyline_eq": sum(
                str(r["ours"].get("language") or "").split("-")[0] == r["gold"]["language"].split("-")[0]
                for r in gold_lang
            ),
        }
    rej = [r for r in rows if r["status"] == "rejected"]
    out["rejects"] = {
        "n": len(rej),
        "by_reason": dict(Counter(f"{r['ours']['stage']}: {_numbers(r['ours']['reason'])}" for r in rej)),
    }
    out["split_pages"] = sum(r["ours"].get("parts", 1) > 1 for r in stored)
    out["non_articles_stored"] = {
        "pages": sum(bool(r["non_article"]) for r in stored),
        "by_sign": dict(Counter(s for r in stored for s in r["non_article"])),
    }
    removed: Counter[str] = Counter()
    for r in stored:
        removed.update({_numbers(k): v for k, v in (r["ours"].get("removed") or {}).items()})
    out["removed_spans"] = {
        "total": sum(removed.values()),
        "per_stored_page": round(sum(removed.values()) / len(stored), 2) if stored else 0,
        "chars_removed": sum(r["ours"].get("removed_chars", 0) for r in stored),
        "chars_kept": sum(r["ours"].get("chars", 0) for r in stored),
        "by_reason": dict(removed.most_common(15)),
    }
    out["seconds"] = {k: round(v, 1) for k, v in seconds.items()}
    return out


def _numbers(text: str) -> str:
    return re.sub(r"\d+", "N", text)


def _reading(rows: list[dict]) -> dict[str, Any]:
    chars = sum(r["ours"].get("chars", 0) for r in rows)
    res: dict[str, Any] = {"pages": len(rows), "chars": chars}
    for k in ("entities", "quotes", "claims"):
        n = sum(r["ours"].get(k, 0) for r in rows)
        res[k] = n
        res[f"{k}_per_1000_chars"] = round(1000 * n / chars, 2) if chars else 0
    return res


def _lost(r: dict) -> bool:
    if r["status"] == "duplicate" or r["theirs"] is None:
        return False
    ours, theirs = r["ours"].get("chars", 0), r["theirs"].get("chars", 0)
    return ours < 0.5 * theirs and theirs - ours > 1000


def _swollen(r: dict) -> bool:
    if r["status"] != "stored" or r["theirs"] is None:
        return False
    ours, theirs = r["ours"].get("chars", 0), r["theirs"].get("chars", 0)
    return ours > 2 * theirs and ours - theirs > 2000


def outlet_spellings(stored: list[dict]) -> list[dict[str, Any]]:
    """Sites named more than one way: one host with several outlet strings, or one outlet key
    written in several forms across the corpus."""
    by_host: dict[str, set[str]] = defaultdict(set)
    by_key: dict[str, set[str]] = defaultdict(set)
    for r in stored:
        o = r["ours"].get("outlet")
        if not o:
            continue
        if r["host"] and not r["host"].endswith("archive.org"):  # an archive holds many sites
            by_host[r["host"]].add(o)
        by_key[outlet_key(o)].add(o)
    found = [{"host": h, "outlets": sorted(v)} for h, v in by_host.items() if len(v) > 1]
    found += [{"key": k, "outlets": sorted(v)} for k, v in by_key.items() if len(v) > 1]
    return found


def error_rows(rows: list[dict], cap: int) -> dict[str, list[dict[str, Any]]]:
    def brief(r: dict, **extra: Any) -> dict[str, Any]:
        return {"file": f"{r['set']}/{r['file']}", **extra}

    stored = [r for r in rows if r["status"] == "stored"]
    o = lambda r, k: r["ours"].get(k)  # noqa: E731
    cats: dict[str, list[dict[str, Any]]] = {
        "bodies_lost": [
            brief(
                r,
                status=r["status"],
                ours=r["ours"].get("chars", 0),
                trafilatura=r["theirs"]["chars"],
                trafilatura_fast=r["theirs"]["chars_fast"],
                because=_lost_because(r),
            )
            for r in sorted(
                (r for r in rows if _lost(r)), key=lambda r: r["ours"].get("chars", 0) - r["theirs"]["chars"]
            )
        ],
        "bodies_swollen": [
            brief(r, ours=o(r, "chars"), trafilatura=r["theirs"]["chars"]) for r in rows if _swollen(r)
        ],
        "undated_but_stated": [
            brief(r, stated=r["stated"], hint_date=o(r, "hint_date"))
            for r in stored
            if not o(r, "published") and r["stated"]
        ],
        "headline_defects": [
            brief(r, headline=o(r, "headline"), defects=r["headline_defects"])
            for r in stored
            if r["headline_defects"]
        ],
        "outlet_defects": [
            brief(r, outlet=o(r, "outlet"), basis=o(r, "outlet_basis"), defects=r["outlet_defects"])
            for r in stored
            if r["outlet_defects"]
        ],
        "outlet_spellings": outlet_spellings(stored),
        "byline_defects": [
            brief(r, byline=o(r, "byline"), defects=r["byline_defects"])
            for r in stored
            if r["byline_defects"]
        ],
        "non_articles_stored": [
            brief(r, signs=r["non_article"], chars=o(r, "chars"), headline=o(r, "headline"))
            for r in stored
            if r["non_article"]
        ],
        "rejects": [
            brief(r, stage=r["ours"]["stage"], reason=r["ours"]["reason"])
            for r in rows
            if r["status"] == "rejected"
        ],
        "split_pages": [brief(r, parts=o(r, "parts")) for r in stored if o(r, "parts") > 1],
        "inferred_dates": [
            brief(
                r,
                ours=o(r, "published"),
                gold=r["gold"].get("date"),
                trafilatura=(r["theirs"] or {}).get("date"),
            )
            for r in stored
            if o(r, "published_basis") == "inferred"
        ],
    }
    for key, got in (
        ("title", "headline"),
        ("date", "published"),
        ("outlet", "outlet"),
        ("author", "byline"),
    ):
        wrong = []
        for r in rows:
            g = r["gold"].get(key)
            if not g or r["status"] == "duplicate" or not agrees(key, None, g, only_gold=True):
                continue
            ours = r["ours"].get(got)
            if not agrees(key, ours, g):
                theirs = (r["theirs"] or {}).get(key)
                basis = r["ours"].get({"date": "published_basis", "outlet": "outlet_basis"}.get(key, ""))
                wrong.append(brief(r, status=r["status"], ours=ours, basis=basis, gold=g, trafilatura=theirs))
        cats[f"gold_{key}_mismatch"] = wrong
    return {k: v[:cap] for k, v in cats.items()} | {"_counts": {k: len(v) for k, v in cats.items()}}


def agrees(key: str, got: Any, gold: Any, only_gold: bool = False) -> bool:
    """Whether ``got`` matches the gold ``key`` by the rules above; with ``only_gold``, whether
    the gold value can be scored at all."""
    if key == "date":
        return bool(_day(str(gold))) if only_gold else _day(got) == _day(str(gold))
    if key == "author":
        return bool(gold_names(gold)) if only_gold else names_found(got, gold_names(gold))[0]
    if only_gold:
        return True
    return title_match(got, gold)[0] if key == "title" else outlet_match(got, gold)


# -- the table ---------------------------------------------------------------------------------
GOLD_LINES = (
    ("headline = gold", "title_eq", "title_n"),
    ("headline contains gold", "title_contains", "title_n"),
    ("date = gold (day)", "date_eq", "date_n"),
    ("  no date where gold has one", "date_none", "date_n"),
    ("  inferred dates = gold", "date_inferred_eq", "date_inferred_n"),
    ("outlet ~ gold", "outlet_eq", "outlet_n"),
    ("byline: all gold names", "author_all", "author_n"),
    ("byline: any gold name", "author_any", "author_n"),
    ("  no byline where gold has one", "author_none", "author_n"),
    ("byline where gold has none", "no_author_spurious", "no_author_n"),
)


def table_lines(s: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(label, Storyline, trafilatura) lines of one set's summary."""
    ours, theirs = s["gold"]["storyline"], s["gold"]["trafilatura"]
    lines = [
        (label, _pct(ours.get(k, 0), ours.get(n, 0)), _pct(theirs.get(k, 0), theirs.get(n, 0)))
        for label, k, n in GOLD_LINES
        if ours.get(n) or theirs.get(n)
    ]
    if b := s.get("body_snippets"):
        lines.append(
            (
                "body 'with' snippets found",
                _pct(b["ours_with_found"], b["ours_with"]),
                _pct(b["theirs_with_found"], b["theirs_with"]),
            )
        )
        lines.append(
            (
                "body 'without' snippets leaked",
                _pct(b["ours_without_found"], b["ours_without"]),
                _pct(b["theirs_without_found"], b["theirs_without"]),
            )
        )
    st, d, bo, h = s["status"], s["dates"], s["bodies"], s["headlines"]
    lang = s["reading_by_language"]
    counts = "/".join(str(st.get(k, 0)) for k in ("stored", "rejected", "duplicate"))
    lines += [
        ("stored / rejected / duplicate", counts, ""),
        ("undated", str(d["undated"]), str(d["trafilatura_undated"])),
        (
            "  of which the page states a date",
            str(d["undated_but_page_states_a_date"]),
            str(d["trafilatura_undated_but_page_states_a_date"]),
        ),
        ("dated, but not on any stated day", str(d["dated_but_not_any_stated_day"]), ""),
        ("clean text chars (HTML pages)", str(bo["ours_chars"]), str(bo["trafilatura_chars"])),
        ("bodies lost (of which rejected)", f"{bo['lost']} ({bo['lost_of_which_rejected']})", ""),
        (
            "  same loss in trafilatura fast mode",
            str(bo["lost_because"].get("fast mode (no fallback extractors)", 0)),
            "",
        ),
        ("bodies swollen", str(bo["swollen"]), ""),
        ("headline suffix/prefix/date (pages)", str(h["storyline_pages"]), str(h["trafilatura_pages"])),
        ("no headline", str(h["storyline_none"]), ""),
        (
            "outlet looks wrong (pages)",
            str(s["outlets"]["storyline_pages"]),
            str(s["outlets"]["trafilatura_pages"]),
        ),
        ("outlet: sites with several spellings", str(s["outlets"]["several_spellings_of_one_site"]), ""),
        (
            "byline present",
            str(s["bylines"]["storyline_with_byline"]),
            str(s["bylines"]["trafilatura_with_author"]),
        ),
        (
            "byline junk (pages)",
            str(s["bylines"]["storyline_junk_pages"]),
            str(s["bylines"]["trafilatura_junk_pages"]),
        ),
        (
            "byline names only an organisation",
            str(s["bylines"]["storyline_organisation_pages"]),
            str(s["bylines"]["trafilatura_organisation_pages"]),
        ),
        ("non-articles stored", str(s["non_articles_stored"]["pages"]), ""),
        ("pages split into parts", str(s["split_pages"]), ""),
        ("non-English pages", str(lang["other"]["pages"]), ""),
        (
            "  entities per 1,000 chars (en)",
            f"{lang['other']['entities_per_1000_chars']} ({lang['en']['entities_per_1000_chars']})",
            "",
        ),
        ("seconds", str(s["seconds"].get("storyline", 0)), str(s["seconds"].get("trafilatura", 0))),
    ]
    if not s["html_pages"]:  # nothing for trafilatura to read
        lines = [(label, ours, "-" if theirs else "") for label, ours, theirs in lines]
    return lines


def print_table(summaries: dict[str, dict[str, Any]]) -> None:
    for name, s in summaries.items():
        print(f"\n== {name}: {s['pages']} pages, {s['with_url']} with a URL")
        print(f"{'':<38}{'Storyline':>22}{'trafilatura':>22}")
        for label, ours, theirs in table_lines(s):
            print(f"{label:<38}{ours:>22}{theirs:>22}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, required=True, help="folder holding the cloned test sets")
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    parser.add_argument("--limit", type=int, default=0, help="at most this many pages per set (0: all)")
    parser.add_argument("--workers", type=int, default=1, help="Storyline worker processes")
    parser.add_argument("--cap", type=int, default=60, help="rows kept per error category")
    parser.add_argument("--keep", type=Path, help="keep each set's WARC and store under this folder")
    args = parser.parse_args()
    if unknown := set(args.sets.split(",")) - set(SETS):
        sys.exit(f"unknown set(s) {', '.join(sorted(unknown))}; choose from {', '.join(SETS)}")
    if not args.data.is_dir():
        sys.exit(f"data folder {args.data} not found: prepare it as this script's docstring says (--help).")

    started = time.perf_counter()
    all_rows: list[dict] = []
    all_pages: list[Page] = []
    summaries: dict[str, dict[str, Any]] = {}
    commits: dict[str, str | None] = {}
    total_seconds: Counter[str] = Counter()
    for name in args.sets.split(","):
        root = args.data / name
        if not (root / MARKERS[name]).exists():
            print(f"skipping {name}: {root / MARKERS[name]} not found", file=sys.stderr)
            continue
        pages = LOADERS[name](root)
        if args.limit:
            pages = pages[: args.limit]
        commits[name] = _commit(root)
        print(f"{name}: {len(pages)} pages, {sum(bool(p.url) for p in pages)} with a URL", file=sys.stderr)
        folder = _workdir(args.keep, name)
        try:
            ours, t_ours = run_storyline(pages, folder, args.workers)
        finally:
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)
        print(f"  Storyline {t_ours:.1f}s", file=sys.stderr)
        theirs, t_theirs = run_trafilatura(pages)
        print(f"  trafilatura {t_theirs:.1f}s", file=sys.stderr)
        t0 = time.perf_counter()
        rows = [page_row(p, ours[p.name], theirs.get(p.name), page_facts(p)) for p in pages]
        explain_lost(rows, pages)
        seconds = {"storyline": t_ours, "trafilatura": t_theirs, "checks": time.perf_counter() - t0}
        total_seconds.update(seconds)
        summaries[name] = summarise(rows, pages, seconds)
        all_rows += rows
        all_pages += pages
    if not summaries:
        sys.exit(f"no test set found under {args.data}: prepare it as this script's docstring says (--help).")
    summaries["overall"] = summarise(all_rows, all_pages, dict(total_seconds))
    print_table(summaries)
    errors = error_rows(all_rows, args.cap)
    out = REPO / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "realworld_errors.json").write_text(json.dumps(errors, indent=1, ensure_ascii=False, default=str))
    result = {
        "data": str(args.data),
        "commits": commits,
        "trafilatura_version": trafilatura.__version__,
        "limit": args.limit or None,
        "sets": summaries,
        "errors_file": "bench/results/realworld_errors.json",
        "error_counts": errors["_counts"],
        "seconds_total": round(time.perf_counter() - started, 1),
    }
    save("realworld", result)


if __name__ == "__main__":
    main()
