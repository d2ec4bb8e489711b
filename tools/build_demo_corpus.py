"""Write the bundled demo corpus and its gold labels from ``demo_articles.py``.

Each outlet dresses its articles the way real scraped pages come: appeals glued to the first
sentence, share widgets, icon rows, podcast timers, duplicated headlines, a digest holding two
articles, wire copies with credit lines, machine translation, mojibake and a legacy encoding.
The gold file records, per article, what the cleaner must remove and keep and what the
describer must find. Run: python tools/build_demo_corpus.py
"""

from __future__ import annotations

import html
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import demo_articles as A

ROOT = Path(__file__).resolve().parents[1] / "src" / "storyline" / "demo"
CORPUS = ROOT / "corpus"


@dataclass
class Art:
    """One article to write: its text, how its outlet dresses it, and its labels."""

    key: str  # gold key: path#N
    outlet: str | None
    published: str | None
    headline: str | None
    paragraphs: list[str]
    story: str
    event: str
    basis: str | None = "stated"
    dek: str | None = None
    byline: str | None = None
    credits: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    timexes: list[dict[str, str]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, str]] = field(default_factory=list)
    notes: str | None = None


ARTICLES: list[Art] = []
FILES: dict[str, bytes] = {}


def put(path: str, text: str, encoding: str = "utf-8") -> None:
    FILES[path] = text.encode(encoding)


# --- Meridian Wire: plain text, dateline, byline, credit line, copyright -----------------------


def wire(
    path: str,
    headline: str,
    byline: str,
    dateline: str,
    paras: list[str],
    date_line: str | None,
    credit: str | None,
    **labels: Any,
) -> None:
    body = [f"{dateline} — {paras[0]}", *paras[1:]]
    lines = [headline]
    if date_line:
        lines.append(date_line)
    lines += [f"By {byline}", *body]
    if credit:
        lines.append(credit)
    footer = "© 2023 Meridian Wire. All rights reserved."
    lines.append(footer)
    put(path, "\n\n".join(lines) + "\n")
    bp = [footer] + ([date_line] if date_line else []) + [f"By {byline}"] + ([credit] if credit else [])
    ARTICLES.append(
        Art(
            f"{path}#0",
            "Meridian Wire",
            labels.pop("published"),
            headline,
            body,
            byline=byline,
            credits=["Meridian Wire"] if credit else [],
            boilerplate=bp,
            **labels,
        )
    )


wire(
    "meridian-wire/mw-talks-collapse.txt",
    "Strait of Maren talks collapse as Valdoria walks out",
    "Jana Oduya",
    "KIRENVAR, Ostrelia (MW)",
    A.MW_TALKS,
    "10 Jan, 2023 16:40",
    None,
    published="2023-01-10",
    story="ST1",
    event="EV1",
    speakers=["Mireille Castanet", "Tomas Brandt", "Tomas Brandt"],
    timexes=[
        {"text": "on Tuesday", "value": "2023-01-10"},
        {"text": "late November", "value": "2022-11"},
    ],
    claims=[
        {
            "text": "About 40 percent",
            "value": 40,
            "unit": "percent of Valdoria's grain exports",
            "qualifier": "about",
            "source": None,
        }
    ],
)
wire(
    "archive/2023/03/14/mw-maren-accord.txt",
    "Valdoria and Ostrelia sign Strait of Maren accord",
    "Pieter Marsh",
    "TESSIN (MW)",
    A.MW_ACCORD,
    None,
    A.MW_ACCORD_CREDIT,
    published="2023-03-14",
    story="ST1",
    event="EV3",
    speakers=["Arvo Lindqvist", "Tomas Brandt"],
    timexes=[
        {"text": "on Tuesday", "value": "2023-03-14"},
        {"text": "on Friday", "value": "2023-03-17"},
        {"text": "in February", "value": "2023-02"},
    ],
)
wire(
    "meridian-wire/mw-dovrik-dam.txt",
    "Dozens dead as Dovrik dam collapses in northern Valdoria",
    "Jana Oduya",
    "MAREN FALLS, Valdoria (MW)",
    A.MW_DAM,
    "Published: 20 February 2023",
    A.MW_DAM_CREDIT,
    published="2023-02-20",
    story="ST2",
    event="EV4",
    speakers=["Ilse Brandvik"],
    timexes=[
        {"text": "on Monday", "value": "2023-02-20"},
        {"text": "on Wednesday", "value": "2023-02-22"},
        {"text": "last year", "value": "2022"},
    ],
    claims=[
        {
            "text": "41 people",
            "value": 41,
            "unit": "people killed",
            "qualifier": None,
            "source": "regional government",
        }
    ],
)
wire(
    "archive/2023-03-03/mw-dam-inquiry.txt",
    "Valdoria orders independent inquiry into dam collapse",
    "Pieter Marsh",
    "PORT SELAN, Valdoria (MW)",
    A.MW_INQUIRY[:2] + ["What happens next"] + A.MW_INQUIRY[2:],
    None,
    None,
    published="2023-03-03",
    story="ST2",
    event="EV5",
    timexes=[
        {"text": "on Friday", "value": "2023-03-03"},
        {"text": "last week", "value": "2023-W08"},
    ],
)
wire(
    "meridian-wire/mw-rate-april.txt",
    "Valdoria's central bank raises rates for a second time",
    "Anna Petrov",
    "PORT SELAN, Valdoria (MW)",
    A.MW_RATE2,
    "12 April 2023",
    None,
    published="2023-04-12",
    story="ST3",
    event="EV7",
    speakers=["Ilse Varga"],
    timexes=[
        {"text": "on Wednesday", "value": "2023-04-12"},
        {"text": "in March", "value": "2023-03"},
    ],
)
wire(
    "meridian-wire/mw-strike-ends.txt",
    "Valdorian dockworkers end three-week strike",
    "Anna Petrov",
    "PORT SELAN, Valdoria (MW)",
    A.MW_STRIKE_DEAL,
    "Updated 18:02 GMT, Wed 22 Mar 2023",
    None,
    published="2023-03-22",
    story="ST4",
    event="EV9",
    speakers=["Leon Falk"],
)
wire(
    "meridian-wire/mw-medivane-plant.txt",
    "Inspectors close Medivane insulin plant",
    "Jana Oduya",
    "OSTERHOLM, Valdoria (MW)",
    A.MW_PLANT,
    "2023-04-18T17:30:00Z",
    None,
    published="2023-04-18",
    story="ST5",
    event="EV11",
    speakers=["Rafael Okafor"],
    timexes=[{"text": "on Tuesday", "value": "2023-04-18"}],
)


# --- The Harbor Post and the Northbridge Gazette: HTML pages ---------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} - {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
{date_meta}<meta name="description" content="{desc}">
<script>window.dataLayer = window.dataLayer || []; function track(e) {{ dataLayer.push(e); }}</script>
<style>.share a {{ margin: 0 4px }}</style>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all cookies</button></div>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/health">Health</a> <a href="/opinion">Opinion</a></nav></header>
<main>
<article>
<h1>{title}</h1>
{inner}
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Ferry fares rise again</a></li><li><a href="/b">Five things to know about the strait</a></li><li><a href="/c">Weather: storms expected this weekend</a></li></ul></aside>
<section id="comments"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p><form><textarea name="comment"></textarea><button>Post Comment</button></form></section>
</main>
<div class="newsletter">Sign up for our morning newsletter and get the news in your inbox.</div>
<footer><p>© 2023 {site}. All rights reserved.</p><p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></p></footer>
<script>track({{"page": "article"}});</script>
</body></html>
"""


def page(
    path: str,
    site: str,
    title: str,
    date: str | None,
    paras: list[str],
    byline: str | None = None,
    glued: str | None = None,
    before: list[str] | None = None,
    after: list[str] | None = None,
    dek: str | None = None,
    subhead: tuple[int, str] | None = None,
    credit: str | None = None,
    **labels: Any,
) -> None:
    inner = []
    if dek:
        inner.append(f'<p class="dek">{html.escape(dek)}</p>')
    if byline:
        inner.append(f'<p class="byline">By {html.escape(byline)}</p>')
    for text in before or []:
        inner.append(f"<p>{html.escape(text)}</p>")
    for i, text in enumerate(paras):
        if subhead and subhead[0] == i:
            inner.append(f"<h2>{html.escape(subhead[1])}</h2>")
        shown = (glued + text) if (glued and i == 0) else text
        inner.append(f"<p>{html.escape(shown)}</p>")
    if credit:
        inner.append(f"<p><em>{html.escape(credit)}</em></p>")
    for text in after or []:
        inner.append(f'<p class="share">{html.escape(text)}</p>')
    date_meta = f'<meta property="article:published_time" content="{date}T08:15:00+01:00">\n' if date else ""
    put(
        path,
        PAGE.format(
            title=html.escape(title),
            site=site,
            date_meta=date_meta,
            desc=html.escape(paras[0][:150]),
            inner="\n".join(inner),
        ),
    )
    body = list(paras)
    if subhead:
        body.insert(subhead[0], subhead[1])
    bp = ([glued] if glued else []) + (before or []) + (after or []) + ([credit] if credit else [])
    if byline:
        bp.append(f"By {byline}")
    ARTICLES.append(
        Art(
            f"{path}#0",
            site,
            date,
            title,
            body,
            basis="stated" if date else None,
            dek=dek,
            byline=byline,
            boilerplate=bp,
            **labels,
        )
    )


HP = "The Harbor Post"
HP_APPEAL = "Your support keeps our reporters on the waterfront."
page(
    "harbor-post/ferry-seized.html",
    HP,
    "Ostrelian coast guard seizes Valdorian ferry in the strait",
    "2023-02-07",
    A.HP_FERRY,
    byline="Nora Lindqvist",
    glued=HP_APPEAL,
    after=["Share this:"],
    story="ST1",
    event="EV2",
    speakers=["Jonas Halden"],
    timexes=[{"text": "on Tuesday", "value": "2023-02-07"}],
    claims=[
        {
            "text": "212 passengers and crew",
            "value": 212,
            "unit": "passengers and crew held",
            "qualifier": None,
            "source": None,
        }
    ],
)
page(
    "harbor-post/maren-accord.html",
    HP,
    "Valdoria and Ostrelia sign Strait of Maren accord",
    "2023-03-14",
    ["TESSIN (MW) — " + A.MW_ACCORD[0]] + A.MW_ACCORD[1:4],
    credit=A.MW_ACCORD_CREDIT,
    credits=["Meridian Wire"],
    story="ST1",
    event="EV3",
    speakers=["Arvo Lindqvist", "Tomas Brandt"],
    notes="Wire copy of the Meridian Wire story; its last paragraph dropped.",
)
page(
    "harbor-post/dovrik-dam.html",
    HP,
    "Dozens dead as Dovrik dam collapses",
    "2023-02-20",
    ["MAREN FALLS, Valdoria (MW) — " + A.MW_DAM[0]] + [A.MW_DAM[2], A.MW_DAM[1]] + A.MW_DAM[3:],
    credit=A.MW_DAM_CREDIT,
    credits=["Meridian Wire"],
    glued=HP_APPEAL,
    story="ST2",
    event="EV4",
    speakers=["Ilse Brandvik"],
    notes="Wire copy with two paragraphs swapped.",
)
page(
    "harbor-post/mortgages-rate.html",
    HP,
    "Port Selan borrowers brace for higher mortgage bills",
    "2023-01-27",
    A.HP_RATE,
    byline="Nora Lindqvist",
    before=[
        "The Harbor Post is trusted by readers across the whole coast, and we keep it free for everyone."
    ],
    after=["Share this:", "Like this:"],
    story="ST3",
    event="EV6",
    speakers=["Nora Vik"],
    timexes=[
        {"text": "on Friday", "value": "2023-01-27"},
        {"text": "on Thursday", "value": "2023-01-26"},
    ],
)
page(
    "harbor-post/medivane-workers.html",
    HP,
    "Medivane workers sent home as inspectors shut plant",
    "2023-04-18",
    A.HP_PLANT,
    byline="Tove Amsel",
    before=["Youtube video thumbnail"],
    story="ST5",
    event="EV11",
    speakers=["Otto Brask"],
    timexes=[{"text": "in January", "value": "2023-01"}],
)

NG = "Northbridge Gazette"
page(
    "northbridge-gazette/maren-accord-reprint.html",
    NG,
    "Strait of Maren accord signed after months of tension",
    "2023-03-15",
    ["TESSIN (MW) — " + A.MW_ACCORD[0].replace("ending a dispute", "ending a bitter dispute")]
    + A.MW_ACCORD[1:],
    credit=A.MW_ACCORD_CREDIT,
    credits=["Meridian Wire"],
    after=["Share this:", "Like this:", "%d bloggers like this:"],
    story="ST1",
    event="EV3",
    speakers=["Arvo Lindqvist", "Tomas Brandt"],
    notes="Wire copy with one word added to the first sentence.",
)
page(
    "northbridge-gazette/dam-inquiry.html",
    NG,
    "Judge to lead inquiry into Dovrik dam disaster",
    "2023-03-03",
    A.NG_INQUIRY,
    byline="Samuel Crane",
    dek="Families want to know who read the engineers' warnings, and when",
    after=["Share this:"],
    story="ST2",
    event="EV5",
    speakers=["Sofia Aro", "Elias Moor"],
    timexes=[
        {"text": "on Friday", "value": "2023-03-03"},
        {"text": "last month", "value": "2023-02"},
        {"text": "within six months", "value": "P6M"},
    ],
)
page(
    "northbridge-gazette/exporters-rate.html",
    NG,
    "Exporters and central bank clash over second rate rise",
    "2023-04-13",
    A.NG_RATE2,
    byline="Samuel Crane",
    after=["Like this:"],
    story="ST3",
    event="EV7",
    speakers=["Karl Ott"],
    claims=[
        {
            "text": "more than 300 million crowns a year",
            "value": 300000000,
            "unit": "crowns a year",
            "qualifier": "more than",
            "source": "Exporters' Association",
        }
    ],
)
page(
    "northbridge-gazette/insulin-recall.html",
    NG,
    "Health agency recalls 18 batches of Medivane insulin",
    "2023-04-04",
    A.NG_RECALL,
    byline="Helen Mork",
    subhead=(3, "What happens next"),
    after=["Share this:"],
    story="ST5",
    event="EV10",
    speakers=["Rafael Okafor", "Rafael Okafor"],
    claims=[
        {
            "text": "about 120,000 pens",
            "value": 120000,
            "unit": "insulin pens affected",
            "qualifier": "about",
            "source": "Rafael Okafor",
        }
    ],
)


# --- Coastline Daily: news-please style JSONL --------------------------------------------------


def feed(path: str, records: list[dict[str, Any]]) -> None:
    lines = []
    for n, rec in enumerate(records, start=1):
        paras = rec.pop("paras")
        chrome = rec.pop("chrome", {})
        body = list(paras)
        shown = list(paras)
        for at, text in sorted(chrome.items(), reverse=True):
            shown.insert(at, text)
        maintext = "\n\n".join(shown)
        lines.append(
            json.dumps(
                {
                    "url": f"https://coastlinedaily.example/news/{rec['slug']}",
                    "title": rec["title"],
                    "maintext": maintext,
                    "date_publish": f"{rec['date']} 07:30:00",
                    "source_domain": "coastlinedaily.example",
                    "language": "en",
                    "authors": [rec["author"]] if rec.get("author") else [],
                },
                ensure_ascii=False,
            )
        )
        ARTICLES.append(
            Art(
                f"{path}#{n}",
                "coastlinedaily.example",
                rec["date"],
                rec["title"],
                body,
                byline=rec.get("author"),
                credits=rec.get("credits", []),
                boilerplate=list(chrome.values()),
                story=rec["story"],
                event=rec["event"],
                speakers=rec.get("speakers", []),
                notes=rec.get("notes"),
            )
        )
    put(path, "\n".join(lines) + "\n")


NEWSLETTER = "Sign up for the Coastline morning briefing and get it in your inbox before seven."
feed(
    "feeds/coastline-2023q1.jsonl",
    [
        dict(
            slug="ferry-ambassador",
            title="Valdoria summons Ostrelian envoy over ferry seizure",
            date="2023-02-08",
            author="Mika Sund",
            paras=A.CD_FERRY,
            chrome={2: "Advertisement", 4: NEWSLETTER},
            story="ST1",
            event="EV2",
            speakers=["Mireille Castanet"],
        ),
        dict(
            slug="maren-accord",
            title="Neighbours sign strait accord",
            date="2023-03-14",
            paras=[
                "TESSIN (MW) — " + A.MW_ACCORD[0],
                A.MW_ACCORD[2],
                A.MW_ACCORD[1],
                *A.MW_ACCORD[3:],
                A.MW_ACCORD_CREDIT,
            ],
            chrome={3: "Advertisement"},
            credits=[],
            story="ST1",
            event="EV3",
            speakers=["Arvo Lindqvist", "Tomas Brandt"],
            notes="Wire copy; the credit line stays in maintext and must be removed as a credit line.",
        ),
        dict(
            slug="dam-collapse",
            title="Dovrik dam collapse kills dozens",
            date="2023-02-21",
            paras=["MAREN FALLS, Valdoria (MW) — " + A.MW_DAM[0]] + A.MW_DAM[1:4] + [A.MW_DAM_CREDIT],
            chrome={4: NEWSLETTER},
            story="ST2",
            event="EV4",
            speakers=["Ilse Brandvik"],
        ),
        dict(
            slug="rate-rise-january",
            title="Central bank makes biggest rate rise in a decade",
            date="2023-01-26",
            author="Mika Sund",
            paras=A.CD_RATE,
            chrome={1: "Advertisement"},
            story="ST3",
            event="EV6",
            speakers=["Ilse Varga"],
        ),
        dict(
            slug="cranes-moving",
            title="Cranes move again at Port Selan",
            date="2023-03-23",
            paras=A.CD_STRIKE_DEAL,
            story="ST4",
            event="EV9",
        ),
    ],
)
feed(
    "feeds/coastline-2023q2.jsonl",
    [
        dict(
            slug="rate-rise-april",
            title="Central bank lifts rate to 7 percent, hints at more",
            date="2023-04-12",
            author="Mika Sund",
            paras=A.CD_RATE2,
            chrome={3: NEWSLETTER},
            story="ST3",
            event="EV7",
            speakers=["Mira Lund"],
        ),
    ],
)
# In the feed records with a wire credit line, the credit is metadata, not body.
for art in ARTICLES:
    if art.key.startswith("feeds/") and art.paragraphs[-1] in (A.MW_ACCORD_CREDIT, A.MW_DAM_CREDIT):
        art.boilerplate.append(art.paragraphs.pop())
        art.credits = ["Meridian Wire"]


# --- Valdoria Today: machine-translated plain text ---------------------------------------------

VT_SELF = "Valdoria Today is an independent newspaper. Your donation helps us to continue."


def vt(
    path: str,
    label: str,
    headline: str,
    date_line: str | None,
    paras: list[str],
    encoding: str = "utf-8",
    mojibake: bool = False,
    **labels: Any,
) -> None:
    lines = [label, headline, headline]
    if date_line:
        lines.append(date_line)
    lines += [*paras, "Our readers are reading too", VT_SELF]
    text = "\n\n".join(lines) + "\n"
    if mojibake:  # UTF-8 bytes read as Windows-1252, the commonest mojibake
        import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

        text = text.encode("utf-8").decode("sloppy-windows-1252")
    put(path, text, encoding)
    bp = [label, "Our readers are reading too", VT_SELF] + ([date_line] if date_line else [])
    ARTICLES.append(
        Art(
            f"{path}#0",
            "Valdoria Today",
            labels.pop("published", None),
            headline,
            paras,
            boilerplate=bp,
            **labels,
        )
    )


vt(
    "valdoria-today/talks-without-result.txt",
    "World",
    "Negotiations for strait are finished without result",
    None,
    A.VT_TALKS,
    basis=None,
    story="ST1",
    event="EV1",
    speakers=["Paulo Brecht"],
    entities=[
        {"text": "Mirielle Castanet", "canonical": "Mireille Castanet", "label": "PERSON"},
        {"text": "Kyrenvar", "canonical": "Kirenvar", "label": "GPE"},
    ],
)
vt(
    "valdoria-today/dam-catastrophe.txt",
    "International",
    "The catastrophe of Dovrik: the government promises help",
    "Wednesday, 22 February 2023",
    A.VT_DAM,
    mojibake=True,
    published="2023-02-22",
    story="ST2",
    event="EV4",
    speakers=["Otto Valen"],
    notes="Written as UTF-8 read as Windows-1252 (mojibake); the body holds the repaired text.",
)
vt(
    "valdoria-today/interest-rate.txt",
    "Business",
    "Central bank increases the interest rate to 6 percent",
    "27 January 2023",
    A.VT_RATE,
    encoding="cp1252",
    published="2023-01-27",
    story="ST3",
    event="EV6",
    speakers=["Ilse Varga"],
    notes="Saved in Windows-1252.",
)
vt(
    "archive/2023/03/02/vt-port-strike.txt",
    "Economy",
    "The strike in the port continues for second day",
    None,
    A.VT_STRIKE,
    published="2023-03-02",
    story="ST4",
    event="EV8",
    timexes=[{"text": "on Monday", "value": "2023-03-06"}],
    notes="Dated only by its path.",
)
vt(
    "valdoria-today/medivane-closed.txt",
    "Health",
    "The factory of Medivane is closed by inspectors",
    None,
    A.VT_PLANT,
    basis=None,
    story="ST5",
    event="EV11",
    speakers=["Bruno Sala"],
    notes="The mayor's quote is never closed (unbalanced quotation mark).",
)


# --- The Kirenvar Courier: icon rows, date lines, doubled headlines, podcast timers ------------

ICONS = (
    "icon-menu icon-search icon-user icon-bell icon-globe icon-play icon-pause icon-mute icon-expand "
    "icon-collapse icon-print icon-rss icon-calendar icon-clock icon-pin icon-star icon-heart icon-link icon-copy"
)
KC_FOOT = "© 2023 The Kirenvar Courier. All rights reserved."


def kc(
    path: str, date_line: str, headline: str, paras: list[str], timers: bool = True, **labels: Any
) -> None:
    tail = ["Podcasts", "0:00", "24:13"] if timers else []
    text = "\n\n".join([ICONS, date_line, headline, headline, *paras, KC_FOOT])
    put(path, text + ("\n\n" + "\n".join(tail) if tail else "") + "\n")
    ARTICLES.append(
        Art(
            f"{path}#0",
            "The Kirenvar Courier",
            labels.pop("published"),
            headline,
            paras,
            boilerplate=[ICONS, date_line, KC_FOOT, *tail],
            **labels,
        )
    )


kc(
    "kirenvar-courier/patrols-offer.txt",
    "11 Jan, 2023 09:12",
    "Ostrelia keeps patrol offer open after talks fail",
    A.KC_TALKS,
    published="2023-01-11",
    story="ST1",
    event="EV1",
    speakers=["Tomas Brandt", "Hanna Reyes"],
    timexes=[
        {"text": "on Wednesday", "value": "2023-01-11"},
        {"text": "next month", "value": "2023-02"},
    ],
)
kc(
    "kirenvar-courier/ferry-search-lawful.txt",
    "8 Feb, 2023 18:30",
    "Interior minister: ferry search was routine",
    A.KC_FERRY,
    timers=False,
    published="2023-02-08",
    story="ST1",
    event="EV2",
    speakers=["Edda Sorel"],
    timexes=[{"text": "last month", "value": "2023-01"}],
)
kc(
    "kirenvar-courier/dam-toll-47.txt",
    "21 Feb, 2023 20:05",
    "Dovrik dam toll rises to 47, rescuers say",
    A.KC_DAM,
    published="2023-02-21",
    story="ST2",
    event="EV4",
    speakers=["Lars Engel"],
    claims=[
        {
            "text": "rose to 47",
            "value": 47,
            "unit": "people killed",
            "qualifier": None,
            "source": "Ostrelian volunteers",
        }
    ],
)
kc(
    "kirenvar-courier/port-strike.txt",
    "1 Mar, 2023 13:45",
    "Strike at Port Selan leaves 60 ships at anchor",
    A.KC_STRIKE,
    published="2023-03-01",
    story="ST4",
    event="EV8",
    speakers=["Marta Olsen", "Marta Olsen"],
    claims=[
        {
            "text": "more than 60 ships",
            "value": 60,
            "unit": "ships waiting",
            "qualifier": "more than",
            "source": None,
        }
    ],
)
kc(
    "kirenvar-courier/no-recalled-pens.txt",
    "5 Apr, 2023 11:20",
    "No recalled Medivane pens found in Ostrelia",
    A.KC_RECALL,
    timers=False,
    published="2023-04-05",
    story="ST5",
    event="EV10",
)


# --- The Tessin Observer: a digest file and two single articles --------------------------------

TO_APPEAL = "The Tessin Observer is trusted by readers across the region."
digest_first = "TESSIN — " + A.MW_ACCORD[0].replace(
    "signed an agreement on Tuesday", "signed an agreement here on Tuesday"
)
digest_first_paras = [digest_first, A.MW_ACCORD[2], A.MW_ACCORD[4]]
digest_second_head = "Port Selan strike enters third week with no talks in sight"
put(
    "tessin-observer/evening-digest.txt",
    " date 2023-03-14 "
    + "\n\n".join(digest_first_paras)
    + "\n\n"
    + digest_second_head
    + "\n\n"
    + "\n\n".join(A.TO_STRIKE_STALL)
    + "\n\nShare this:\n",
)
ARTICLES.append(
    Art(
        "tessin-observer/evening-digest.txt#1",
        None,
        "2023-03-14",
        None,
        digest_first_paras,
        boilerplate=["date 2023-03-14"],
        story="ST1",
        event="EV3",
        speakers=["Arvo Lindqvist"],
        notes="A digest: part 1 has no headline; the date prefix dates both parts.",
    )
)
ARTICLES.append(
    Art(
        "tessin-observer/evening-digest.txt#2",
        None,
        "2023-03-14",
        digest_second_head,
        A.TO_STRIKE_STALL,
        boilerplate=["Share this:"],
        story="ST4",
        event="EV12",
        speakers=["Marta Olsen"],
        timexes=[
            {"text": "on Tuesday", "value": "2023-03-14"},
            {"text": "next week", "value": "2023-W12"},
        ],
    )
)


def to(path: str, headline: str, date_line: str, paras: list[str], **labels: Any) -> None:
    lines = [headline, date_line, TO_APPEAL + paras[0], *paras[1:]]
    put(path, "\n".join(lines) + "\n")
    ARTICLES.append(
        Art(
            f"{path}#0",
            "The Tessin Observer",
            labels.pop("published"),
            headline,
            paras,
            boilerplate=[date_line, TO_APPEAL],
            **labels,
        )
    )


to(
    "tessin-observer/dock-deal.txt",
    "Dockworkers accept 9 percent raise, strike over",
    "22 Mar, 2023 19:40",
    A.TO_STRIKE_DEAL,
    published="2023-03-22",
    story="ST4",
    event="EV9",
    speakers=["Marta Olsen"],
    timexes=[{"text": "on Thursday", "value": "2023-03-23"}],
)
to(
    "tessin-observer/pharmacies-exchange.txt",
    "Pharmacies swap recalled insulin pens",
    "5 April 2023",
    A.TO_RECALL,
    published="2023-04-05",
    story="ST5",
    event="EV10",
    speakers=["Lea Marsh"],
)


# --- gold and files -----------------------------------------------------------------------------

_QUOTE = re.compile(r"[“\"]([^“”\"]{8,}?)(?:[”\"]|$)", re.M)


def quotes_of(art: Art) -> list[dict[str, str]]:
    found = [m.group(1).strip().rstrip(",") for p in art.paragraphs for m in _QUOTE.finditer(p)]
    found = [f for f in found if len(f.split()) >= 4]
    return [
        {"text": q, "speaker": s, "kind": "partial" if q in PARTIAL else "direct"}
        for q, s in zip(found, art.speakers, strict=False)
    ]


# Quotations woven into the writer's sentence ("called it “…”"), labelled by hand.
PARTIAL = {
    "a border on the water that both sides can live with.",
    "before the coffee was cold.",
    "choosing its own judge.",
    "a tax on selling abroad.",
}


def main() -> None:
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    for rel, data in FILES.items():
        path = CORPUS / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    gold = {
        "articles": {
            a.key: {
                "outlet": a.outlet,
                "headline": a.headline,
                "dek": a.dek,
                "published": a.published,
                "published_basis": a.basis if a.published else None,
                "byline": a.byline,
                "credits": a.credits,
                "language": "en",
                "story": a.story,
                "event": a.event,
                "boilerplate": a.boilerplate,
                "body": a.paragraphs,
                "quotes": quotes_of(a),
                "timexes": a.timexes,
                "claims": a.claims,
                "entities": a.entities,
                **({"notes": a.notes} if a.notes else {}),
            }
            for a in ARTICLES
        },
        "stories": A.STORIES,
        "events": A.EVENTS,
        "duplicates": [
            {"article": k, "duplicate_of": orig, "kind": "wire copy"}
            for orig, copies in {
                "archive/2023/03/14/mw-maren-accord.txt#0": [
                    "harbor-post/maren-accord.html#0",
                    "northbridge-gazette/maren-accord-reprint.html#0",
                    "feeds/coastline-2023q1.jsonl#2",
                ],
                "meridian-wire/mw-dovrik-dam.txt#0": [
                    "harbor-post/dovrik-dam.html#0",
                    "feeds/coastline-2023q1.jsonl#3",
                ],
            }.items()
            for k in copies
        ],
        "conflicts": [
            {
                "quantity": "death toll of the Dovrik dam collapse",
                "values": [
                    {"article": "meridian-wire/mw-dovrik-dam.txt#0", "value": 41},
                    {"article": "kirenvar-courier/dam-toll-47.txt#0", "value": 47},
                ],
            }
        ],
        "timeline": [
            {
                "story": "ST1",
                "date": "2022-11",
                "kind": "happened",
                "text": "Both countries agree to keep navies out of the channel",
                "articles": [
                    "meridian-wire/mw-talks-collapse.txt#0",
                    "feeds/coastline-2023q1.jsonl#1",
                ],
            },
            {
                "story": "ST1",
                "date": "2023-01-10",
                "kind": "happened",
                "text": "Talks in Kirenvar collapse",
                "articles": [
                    "meridian-wire/mw-talks-collapse.txt#0",
                    "kirenvar-courier/patrols-offer.txt#0",
                ],
            },
            {
                "story": "ST1",
                "date": "2023-02-07",
                "kind": "happened",
                "text": "Coast guard holds a Valdorian ferry for nine hours",
                "articles": ["harbor-post/ferry-seized.html#0", "feeds/coastline-2023q1.jsonl#1"],
            },
            {
                "story": "ST1",
                "date": "2023-03-14",
                "kind": "happened",
                "text": "Accord signed in Tessin",
                "articles": [
                    "archive/2023/03/14/mw-maren-accord.txt#0",
                    "harbor-post/maren-accord.html#0",
                ],
            },
            {
                "story": "ST1",
                "date": "2023-03-17",
                "kind": "planned",
                "text": "Ostrelian parliament to vote on the accord",
                "articles": ["archive/2023/03/14/mw-maren-accord.txt#0"],
            },
            {
                "story": "ST2",
                "date": "2023-02-20",
                "kind": "happened",
                "text": "Dovrik dam collapses",
                "articles": [
                    "meridian-wire/mw-dovrik-dam.txt#0",
                    "kirenvar-courier/dam-toll-47.txt#0",
                ],
            },
            {
                "story": "ST2",
                "date": "2023-02-22",
                "kind": "happened",
                "text": "Prime minister visits the valley",
                "articles": ["valdoria-today/dam-catastrophe.txt#0"],
            },
            {
                "story": "ST2",
                "date": "2023-03-03",
                "kind": "said",
                "text": "Justice minister announces an independent inquiry",
                "articles": [
                    "northbridge-gazette/dam-inquiry.html#0",
                    "archive/2023-03-03/mw-dam-inquiry.txt#0",
                ],
            },
            {
                "story": "ST3",
                "date": "2023-01-26",
                "kind": "happened",
                "text": "Rate raised to 6 percent",
                "articles": ["feeds/coastline-2023q1.jsonl#4", "harbor-post/mortgages-rate.html#0"],
            },
            {
                "story": "ST3",
                "date": "2023-04-12",
                "kind": "happened",
                "text": "Rate raised to 7 percent",
                "articles": ["meridian-wire/mw-rate-april.txt#0", "feeds/coastline-2023q2.jsonl#1"],
            },
            {
                "story": "ST3",
                "date": "2023-06",
                "kind": "planned",
                "text": "Next rate meeting",
                "articles": ["meridian-wire/mw-rate-april.txt#0"],
            },
            {
                "story": "ST4",
                "date": "2023-03-01",
                "kind": "happened",
                "text": "Dockworkers walk out",
                "articles": ["kirenvar-courier/port-strike.txt#0"],
            },
            {
                "story": "ST4",
                "date": "2023-03-14",
                "kind": "happened",
                "text": "Strike enters its third week",
                "articles": ["tessin-observer/evening-digest.txt#2"],
            },
            {
                "story": "ST4",
                "date": "2023-03-22",
                "kind": "happened",
                "text": "Union accepts a 9 percent raise",
                "articles": [
                    "meridian-wire/mw-strike-ends.txt#0",
                    "tessin-observer/dock-deal.txt#0",
                ],
            },
            {
                "story": "ST5",
                "date": "2023-04-04",
                "kind": "happened",
                "text": "Eighteen insulin batches recalled",
                "articles": [
                    "northbridge-gazette/insulin-recall.html#0",
                    "kirenvar-courier/no-recalled-pens.txt#0",
                ],
            },
            {
                "story": "ST5",
                "date": "2023-04-18",
                "kind": "happened",
                "text": "Inspectors close the Medivane plant",
                "articles": [
                    "meridian-wire/mw-medivane-plant.txt#0",
                    "harbor-post/medivane-workers.html#0",
                ],
            },
            {
                "story": "ST5",
                "date": "2023-01",
                "kind": "said",
                "text": "Workers raise concerns about a leaking filter",
                "articles": ["harbor-post/medivane-workers.html#0"],
            },
        ],
    }
    (ROOT / "gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(FILES)} files, {len(ARTICLES)} articles written under {CORPUS}")


if __name__ == "__main__":
    main()
