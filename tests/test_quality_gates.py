"""Pinned quality gates on public gold data (run where ../shared/eval is present, as in CI)."""

from __future__ import annotations

import gzip
import json
import sys

from tests.conftest import REPO, shared_path

sys.path.insert(0, str(REPO / "bench"))

PINNED_EXTRACTION_F1 = 0.958  # trafilatura's published score; ours measured 0.9665


def test_extraction_f1_does_not_regress() -> None:
    from extraction import score, storyline_text

    from storyline.clean import HtmlOptions

    root = shared_path("eval", "article-extraction-benchmark")
    gold = {k: v["articleBody"] for k, v in json.loads((root / "ground-truth.json").read_text()).items()}
    ours = {}
    for key in gold:
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", errors="replace"
        )
        ours[key] = storyline_text(html, key, HtmlOptions())
    result = score(gold, ours)
    assert result["f1"] >= PINNED_EXTRACTION_F1, result
