"""Shared fixtures: paths to ../shared (skipped with a reason when absent), stores, articles, the
demo corpus ingested once."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from storyline.model import Article, Source, content_hash
from storyline.run.embedded import Ingest
from storyline.store import Store
from tests import netguard

if TYPE_CHECKING:
    from dask.distributed import LocalCluster

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


def _digest(db: Path) -> str:
    """The file's bytes and those its write-ahead log holds (a write not yet checkpointed)."""
    wal = db.with_name(db.name + "-wal")
    return hashlib.sha256(db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")).hexdigest()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo corpus ingested and linked once for the whole run, shared by the tests that
    only read it: a test that writes works on a copy (``shutil.copy``). The file must come
    back unchanged."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store(path) as store:
        report = Ingest(store).run([str(DEMO / "corpus")])
    assert not report.rejects, report.rejects
    before = _digest(path)
    yield path
    assert _digest(path) == before, "a test wrote to the shared demo corpus (copy it first)"


@pytest.fixture(scope="session")
def _cluster() -> Iterator[LocalCluster]:
    from dask.distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},  # its HTTP port: any free one, not 8787
    ) as cluster:  # fmt: skip
        yield cluster


@pytest.fixture
def dask_cluster(_cluster: LocalCluster) -> LocalCluster:
    """A dask.distributed LocalCluster of two worker processes, each under a nanny, kept for
    the whole run: starting one, and loading spaCy on its workers, costs seconds a time. A test
    may kill a worker (its nanny starts it again): the next test gets the cluster once both
    workers are back."""
    from dask.distributed import Client

    with Client(_cluster) as client:
        client.wait_for_workers(2, timeout=120)
    return _cluster


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
