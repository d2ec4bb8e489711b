"""The demo corpus against its gold labels: cleaning and description fields (issue #2).

Gold keys are ``path#N`` relative to the corpus folder: N is the digest part for text files
(0 for a whole file) and the line number for JSONL records.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from storyline.model import Article
from storyline.pipeline import Pipeline
from storyline.store import Store
from tests.conftest import DEMO

CORPUS = DEMO / "corpus"
GOLD = json.loads((DEMO / "gold.json").read_text(encoding="utf-8"))


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Article]:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store(db) as store:
        report = Pipeline(store).ingest([str(CORPUS)])
        assert not report.rejects, report.rejects
        found = {}
        for art in store.iter_articles():
            rel = Path(art.source.path or "").relative_to(CORPUS).as_posix()
            number = art.source.record if rel.endswith((".jsonl", ".json")) else art.source.part
            found[f"{rel}#{number}"] = art
    return found


def test_every_gold_article_is_found(articles: dict[str, Article]) -> None:
    assert sorted(GOLD["articles"]) == sorted(articles)


def test_corpus_breadth() -> None:
    gold = GOLD["articles"].values()
    assert len(GOLD["articles"]) >= 30
    assert len({g["outlet"] for g in gold if g["outlet"]}) >= 6
    assert len(GOLD["stories"]) >= 5
    assert len({g["published"][:7] for g in gold if g["published"]}) >= 3
    assert {Path(k.split("#")[0]).suffix for k in GOLD["articles"]} >= {".txt", ".html", ".jsonl"}


@pytest.mark.parametrize("key", sorted(GOLD["articles"]))
def test_description_matches_gold(key: str, articles: dict[str, Article]) -> None:
    gold: dict[str, Any] = GOLD["articles"][key]
    art = articles[key]
    assert art.headline == gold["headline"]
    assert art.published == gold["published"] and art.published_basis == gold["published_basis"]
    assert art.outlet == gold["outlet"]
    if "dek" in gold:
        assert art.dek == gold["dek"]
    if "byline" in gold:
        assert art.byline == gold["byline"]
    assert set(gold.get("credits", [])) <= set(art.credits)
    assert art.language == gold.get("language", "en")


@pytest.mark.parametrize("key", sorted(GOLD["articles"]))
def test_cleaning_matches_gold(key: str, articles: dict[str, Article]) -> None:
    gold: dict[str, Any] = GOLD["articles"][key]
    art = articles[key]
    text = _norm(art.text)
    removed = [_norm(r.text) for r in art.removed]
    for span in gold.get("boilerplate", []):
        span = _norm(span)
        assert span not in text, f"boilerplate left in the text: {span!r}"
        if art.format != "html":
            assert any(span in r or r in span for r in removed), f"not listed in removed: {span!r}"
    for para in gold.get("body", []):
        assert _norm(para) in text, f"body paragraph lost: {para[:80]!r}"
    for extra in re.split(r"\n\n", art.text):
        assert any(
            _norm(extra) in _norm(p) or _norm(p) in _norm(extra) for p in gold.get("body", [])
        ) or not gold.get("body"), f"text not in gold body: {extra[:80]!r}"
