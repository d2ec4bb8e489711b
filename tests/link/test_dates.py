"""Inferred dates: an undated article takes its event's stated date, and every field that
follows from the date follows it (time expressions, claims' dates, roles' "as of")."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.ingest.run import Ingest
from storyline.link import Linker
from storyline.pipeline import PipelineOptions
from storyline.store import Store

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
    return {"published": (art.published, art.published_basis), "entities": art.entities,
            "claims": art.claims, "timexes": art.timexes}  # fmt: skip


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

        report = Linker(store).run()
        after = _undated(store)
        assert report.inferred == 1 and after["published"] == ("2023-05-09", "inferred")
        assert [t["value"] for t in after["timexes"] if t["text"] == "Tuesday"] == ["2023-05-09"]
        roles = [e for e in after["entities"] if e.get("role") == "Transport Minister"]
        assert roles and all(e["role_as_of"] == "2023-05-09" for e in roles)
        assert all(e["entity_id"] for e in roles)  # still linked to the corpus entity
        cost = [c for c in after["claims"] if c["value"] == 40000]
        assert [(c["claim_date"], c["claim_date_basis"]) for c in cost] == [("2023-05-09", "inferred")]
        (varga,) = [e for e in store.views.entities() if e["name"] == "Ilse Varga"]
        assert {"role": "Transport Minister", "as_of": ["2023-05-09"]} in varga["roles"]
        assert store.integrity_check() == "ok"
