"""Fixtures of the CLI tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli import corpus_folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return corpus_folder(tmp_path)
