"""Shared fixtures: paths to ../shared (skipped with a reason when absent), stores, articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyline.model import Article, Source, content_hash
from storyline.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared"))
DEMO = REPO / "src" / "storyline" / "demo"


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
