"""One outlet per site: a page named only by its domain takes the name its site's other pages
state, spellings differing in case become one; order-free and stable when run again."""

from __future__ import annotations

import json
import random
from pathlib import Path

from storyline.link.outlets import site_outlets
from storyline.run.embedded import Ingest
from storyline.store import Store

ROWS = [
    ("a1", "https://www.chipper.example/news/1", "Chipper Online", "metadata"),
    ("a2", "https://chipper.example/news/2", "chipper.example", "url"),
    ("a3", "https://www.chipper.example/tests/3", "Chipper Online", "metadata"),
    ("a4", "https://www.chipper.example/wire/4", "Agence Nord", "credit line"),  # a wire's copy
    ("b1", "https://wired.example/x", "WIRED", "metadata"),
    ("b2", "https://wired.example/y", "WIRED", "metadata"),
    ("b3", "https://other.example/z", "Wired", "metadata"),
    ("c1", "https://quiet.example/1", "quiet.example", "url"),  # no page names the site
    ("d1", None, "Harbour Post", "copyright notice"),
]


def test_a_domain_named_page_takes_its_sites_name_and_spellings_become_one() -> None:
    renamed = {r.article_id: r for r in site_outlets(ROWS)}
    assert set(renamed) == {"a2", "b3"}
    assert renamed["a2"].outlet == "Chipper Online"
    assert renamed["a2"].basis == "site: chipper.example's pages name it so (2 of 4)"
    assert renamed["b3"].outlet == "WIRED" and renamed["b3"].basis.startswith("metadata; spelling:")


def test_an_outlet_the_user_gave_stays_as_given() -> None:
    rows = [
        *ROWS,
        ("g1", "https://chipper.example/news/5", "chipper.example", "given"),  # its site names it otherwise
        ("g2", None, "wired", "given"),  # a spelling of WIRED
    ]
    renamed = {r.article_id for r in site_outlets(rows)}
    assert "g1" not in renamed and "g2" not in renamed and {"a2", "b3"} <= renamed


def test_the_same_whatever_the_order_and_nothing_more_when_run_again() -> None:
    first = site_outlets(ROWS)
    shuffled = ROWS[:]
    random.Random(3).shuffle(shuffled)
    assert site_outlets(shuffled) == first
    by_id = {r.article_id: r for r in first}
    applied = [
        (aid, url, by_id[aid].outlet, by_id[aid].basis) if aid in by_id else (aid, url, name, why)
        for aid, url, name, why in ROWS
    ]
    assert site_outlets(applied) == []


def test_ingest_names_one_outlet_per_site(tmp_path: Path) -> None:
    text = (
        "The harbour board of Port Selan met on Tuesday to discuss the {} of the eastern quay.\n\n"
        "Members heard from the engineers, the ferry operators and the fishing cooperative before "
        "a vote that is expected next month, officials said."
    )
    named = {"url": "https://www.chipper.example/a", "source_domain": "Chipper Online"}
    records = [{**named, "maintext": text.format("repair")}]
    records.append({"url": "https://chipper.example/b", "maintext": text.format("reopening")})
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    with Store(tmp_path / "c.db") as store:
        Ingest(store).run([str(path)])
        rows = {a.source.url: (a.outlet, a.outlet_basis) for a in store.articles.each()}
        assert rows["https://chipper.example/b"][0] == "Chipper Online"
        assert str(rows["https://chipper.example/b"][1]).startswith("site: chipper.example")
        assert store.articles.count(outlet="Chipper Online") == 2
