"""Articles in a language no installed reader reads: kept with their clean text and
description, never read with the English model (no entities, dates in the text, quotes or
claims), the reason recorded, and linked by language-neutral signals only."""

from __future__ import annotations

import shutil
from pathlib import Path

from storyline.run.embedded import Ingest
from storyline.store import Store
from tests.conftest import shared_path

PAGES = {  # real pages of htmldate's evaluation set (../shared/eval/htmldate, dev portion)
    "de": "tagesschau.de.rheinmetall.html.gz",
    "es": "elpais.com.ciencia.html.gz",
    "ru": "football.ua.podolski.html.gz",
}


def test_german_spanish_and_russian_pages_are_described_but_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in PAGES.values():
        shutil.copy(shared_path("eval", "htmldate", "pages", name), folder / name)
    with Store(tmp_path / "w.db") as store:
        report = Ingest(store).run([str(folder)])
        assert len(report.stored) == 3 and not report.rejects
        arts = {a.language: a for a in store.articles.each()}
        assert set(arts) == set(PAGES)
        for language, art in arts.items():
            assert len(art.text) > 500 and art.headline, language
            assert art.skipped == {"read": f"no reader for {language}"}
            assert "read" not in art.stages and "describe" in art.stages
            assert art.entities == art.timexes == art.quotes == art.claims == []
        assert store.articles.summary()["not_read"] == {f"no reader for {x}": 1 for x in PAGES}
        events = store.views.events()
        assert sorted(len(v.article_ids) for v, _ in events) == [1, 1, 1]  # none joined by words
        assert store.views.entities() == []
