"""Inferred dates: an undated article takes its event's stated date, and every field that
follows from the date follows it (time expressions, claims' dates, roles' "as of")."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.link import Linker
from storyline.model import Event, Role
from storyline.pipeline import PipelineOptions
from storyline.read.dated import redate
from storyline.run.embedded import Ingest
from storyline.store import Store
from storyline.store.records import plain
from tests.records import article

REPORTS = [
    {
        "title": "Eastern quay to reopen",
        "source_domain": "harborpost.example",
        "date_publish": "2023-05-09",
        "maintext": "Port Selan's eastern quay will reopen next week after three weeks of repairs, "
        "Transport Minister Ilse Varga said on Tuesday.\n\nThe repairs cost 40,000 crowns, the "
        "harbour authority said, and ferries will return to the quay soon.",
    },
    {  # the same development, in other words, from an outlet that gives no date
        "title": "Repairs done at Port Selan quay",
        "source_domain": "coastline.example",
        "maintext": "Transport Minister Ilse Varga told reporters on Tuesday that the eastern "
        "quay of Port Selan would reopen next week once three weeks of repairs end.\n\nThe "
        "harbour authority put the cost of the repairs at 40,000 crowns, and ferries are due "
        "back at the quay soon.",
    },
]


def _undated(store: Store) -> dict:
    (art,) = [a for a in store.articles.each() if a.outlet == "coastline.example"]
    return {"published": (art.published, art.published_basis), "entities": [plain(e) for e in art.entities],
            "claims": [plain(c) for c in art.claims], "timexes": [plain(t) for t in art.timexes]}  # fmt: skip


def test_an_inferred_date_reaches_claim_dates_and_roles_as_of(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in REPORTS), encoding="utf-8")
    with Store(tmp_path / "d.db") as store:
        Ingest(store, PipelineOptions(until="read")).run([str(feed)])
        before = _undated(store)
        assert before["published"] == (None, None)
        roles = [e for e in before["entities"] if e.get("role") == "Transport Minister"]
        assert roles and all(e["role_as_of"] is None for e in roles)
        assert before["claims"] and all(c["claim_date"] is None for c in before["claims"])
        assert [t["value"] for t in before["timexes"] if t["text"] == "Tuesday"] == ["XXXX-WXX-2"]

        report = Linker(store.links, redate).run()
        after = _undated(store)
        assert report.inferred == 1 and after["published"] == ("2023-05-09", "inferred")
        assert [t["value"] for t in after["timexes"] if t["text"] == "Tuesday"] == ["2023-05-09"]
        roles = [e for e in after["entities"] if e.get("role") == "Transport Minister"]
        assert roles and all(e["role_as_of"] == "2023-05-09" for e in roles)
        assert all(e["entity_id"] for e in roles)  # still linked to the corpus entity
        cost = [c for c in after["claims"] if c["value"] == 40000]
        assert [(c["claim_date"], c["claim_date_basis"]) for c in cost] == [("2023-05-09", "inferred")]
        (varga,) = [e for e in store.views.entities() if e.name == "Ilse Varga"]
        assert Role("Transport Minister", ["2023-05-09"]) in varga.roles
        assert store.integrity_check() == "ok"


def test_no_date_is_inferred_from_dates_that_disagree_or_against_the_articles_own_years() -> None:
    from storyline.link.dates import date_changes, years_agree

    by_id = {
        "a": article("a", published="2015-05-07", published_basis="stated"),
        "b": article("b", published="2019-11-02", published_basis="stated"),
        "c": article("c", published=None, published_basis=None),
        "d": article("d", published="2023-05-09", published_basis="stated"),
        "e": article("e", published="2023-05-11", published_basis="stated"),
        "f": article("f", published="2019-01-01", published_basis="inferred"),
    }
    events = [
        Event(id="V1", title="", date=None, article_ids=["a", "b", "c"], outlets=[]),
        Event(id="V2", title="", date=None, article_ids=["d", "e", "f"], outlets=[]),
    ]
    changes = {article: (day, dated) for article, day, _, dated in date_changes(events, by_id)}
    # four years apart: no one development, so nothing inferred (and nothing to withdraw for c)
    assert "c" not in changes or changes["c"] == (None, [])
    # two days apart: the earliest, naming the dated articles; an old inference is replaced
    assert changes["f"] == ("2023-05-09", ["d", "e"])
    assert years_agree(["in March 2023", "Tuesday"], "2023-05-09")
    assert years_agree(["last December"], "2023-05-09")  # no year written: the event decides
    assert years_agree(["December 2022"], "2023-01-04")  # the year before
    assert not years_agree(["10 December 2012"], "2018-06-19")


def test_an_article_whose_own_year_disagrees_stays_undated(tmp_path: Path) -> None:
    reports = [dict(r) for r in REPORTS]
    reports[1]["maintext"] = reports[1]["maintext"].replace(
        "on Tuesday", "on Tuesday, 4 June 2019,"
    )  # the same words, but the undated report names another year
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in reports), encoding="utf-8")
    with Store(tmp_path / "d.db") as store:
        Ingest(store, PipelineOptions(until="read")).run([str(feed)])
        report = Linker(store.links, redate).run()
        assert report.inferred == 0 and _undated(store)["published"] == (None, None)
