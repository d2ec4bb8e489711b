"""Shared fixtures: paths to ../shared (skipped with a reason when absent), stores, articles."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from storyline.model import Article, Source, content_hash
from storyline.store import Store
from tests import netguard

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared"))
DEMO = REPO / "src" / "storyline" / "demo"


def pytest_configure(config: pytest.Config) -> None:
    """Nothing the tests run reaches beyond loopback: this process's sockets are guarded, and
    every Python process a test starts guards its own (``tests/netguard``)."""
    netguard.install()
    here = Path(netguard.__file__)
    os.environ["STORYLINE_TESTS_NETGUARD"] = str(here)
    site = str(here.parent / "site")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (site, os.environ.get("PYTHONPATH")) if p)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present (shared evaluation data is only on CI and dev machines)")
    return path


@pytest.fixture
def seeds() -> Path:
    return shared_path("seeds")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    db = Store(tmp_path / "t.db")
    yield db
    db.close()


def make_article(text: str, fmt: str = "text", path: str | None = "test.txt", **hints: object) -> Article:
    """A raw article built by hand, as ingest would hand it to the stages."""
    digest = content_hash(text)
    return Article(
        id=digest,
        content_hash=digest,
        source=Source(path=path),
        raw=text,
        format=fmt,
        hints=dict(hints),
    )


def _plain(name: str) -> str:
    """A name as aliases are compared: no possessive, no leading article, any case."""
    name = re.sub(r"['’]s$", "", " ".join(name.split()))
    return re.sub(r"^the ", "", name.lower())


def link_disagreements(export: dict) -> list[str]:
    """Every quote, claim and mention whose corpus entity does not bear the name it links by:
    a quote's resolved speaker, a claim's source, a mention's text must be the entity's name
    or one of its aliases (a speaker may carry a title before it: "Foreign Minister X"); a
    pronoun's entity must be a person."""
    entities = {e["id"]: e for e in export["entities"]}

    def named(name: str | None, entity_id: str) -> bool:
        entity = entities[entity_id]
        plain = _plain(name or "")
        aliases = {_plain(a) for a in [entity["name"], *entity["aliases"]]}
        return plain in aliases or any(plain.endswith(" " + a) for a in aliases)

    found = []
    for art in export["articles"]:
        for q in art["quotes"]:
            if q.get("speaker_entity_id") and not named(q["speaker_resolved"], q["speaker_entity_id"]):
                found.append(f"{art['id']} quote by {q['speaker_resolved']!r} on {q['speaker_entity_id']}")
        for c in art["claims"]:
            if c.get("source_entity_id") and not named(c["source"], c["source_entity_id"]):
                found.append(f"{art['id']} claim of {c['source']!r} on {c['source_entity_id']}")
        for m in art["entities"]:
            entity_id = m.get("entity_id")
            if not entity_id:
                continue
            if m["text"].lower() in ("he", "she"):
                if entities[entity_id]["label"] != "PERSON":
                    found.append(f"{art['id']} pronoun {m['text']!r} on {entity_id}, not a person")
            elif not named(m["text"], entity_id):
                found.append(f"{art['id']} mention {m['text']!r} on {entity_id}")
    return found


def agency_page(body: str | None = None) -> str:
    """A news agency's page (original text, written for the tests) whose JSON-LD names its
    publisher with escaped quotes inside the name, as Ukrainian agencies write theirs."""
    body = body or (
        "<p>У Полтаві в неділю відкрили новий міст через річку Ворсклу після двох років будівництва.</p>"
        "<p>Міський голова сказав, що рух мостом стане вільним для автобусів та велосипедистів уже "
        "наступного тижня, а пішохідна частина відкриється навесні.</p>"
        "<p>Будівельники додали, що старий міст закриють на ремонт до кінця року.</p>"
    )
    ld = (
        '{"@context": "https://schema.org", "@type": "NewsArticle",'
        ' "headline": "У Полтаві відкрили новий міст", "datePublished": "2024-05-12T10:30:00+03:00",'
        ' "publisher": {"@type": "Organization", "name": "Агентство \\"Полтава-Інфо\\""}}'
    )
    return (
        '<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8">'
        "<title>У Полтаві відкрили новий міст</title>"
        f'<script type="application/ld+json">{ld}</script></head>'
        f"<body><article><h1>У Полтаві відкрили новий міст</h1>{body}</article></body></html>"
    )
