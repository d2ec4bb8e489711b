"""Alerts of a watched story as its rounds bring new articles: each new article, the outlet
that reports the story for the first time (once per outlet), and a new conflicting claim
citing every report of it, older ones included; nothing raised twice."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from storyline.follow.alerts import find_alerts, story_conflicts
from storyline.run.embedded import Ingest
from storyline.store import Store

BURST = [
    "Floodwater swept through Maren Falls on Monday after the Dovrik dam burst, and rescuers "
    "searched the valley for survivors.",
    "The dam collapse killed 41 people, the regional governor Anna Keller said on Tuesday.",
    "Engineers had warned for years that the Dovrik dam needed repairs, local officials said.",
]
SEARCH = [
    "Rescuers in Maren Falls searched flooded homes on Tuesday, a day after the Dovrik dam burst.",
    "The dam collapse killed 41 people, officials said, as the water began to recede.",
    "Residents said they had little warning before the Dovrik dam gave way.",
]
TOLL = [
    "The death toll from the Dovrik dam collapse in Maren Falls rose on Wednesday as rescuers "
    "reached flooded villages.",
    "The dam collapse killed 57 people, the regional governor Anna Keller said on Wednesday.",
    "Rescuers searched the valley below the Dovrik dam for survivors.",
]
AGAIN = [
    "Rescuers in Maren Falls kept searching the valley below the Dovrik dam on Wednesday.",
    "Teams reached flooded villages cut off since the dam burst, officials said.",
    "Residents of Maren Falls said they had little warning before the Dovrik dam gave way.",
]


def _jsonl(path: Path, *records: tuple[str, str, list[str], str]) -> str:
    lines = [
        json.dumps(
            {
                "url": f"https://{domain}/news/{title.lower().replace(' ', '-')}",
                "title": title,
                "maintext": "\n\n".join(paras),
                "date_publish": day,
                "source_domain": domain,
            }
        )
        for domain, title, paras, day in records
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    return str(path)


def test_a_watched_story_alerts_on_a_new_outlet_and_a_new_conflicting_claim(tmp_path: Path) -> None:
    first = _jsonl(
        tmp_path / "one.jsonl",
        ("valleypost.example", "Dam bursts in Maren Falls", BURST, "2023-02-21"),
        ("rivertimes.example", "Rescuers search Maren Falls", SEARCH, "2023-02-21"),
    )
    second = _jsonl(
        tmp_path / "two.jsonl", ("hillherald.example", "Maren Falls toll rises", TOLL, "2023-02-22")
    )
    third = _jsonl(tmp_path / "three.jsonl", ("valleypost.example", "Search goes on", AGAIN, "2023-02-22"))
    with Store(tmp_path / "s.db") as store:
        Ingest(store).run([first])
        ids = [a["id"] for a in store.articles.page(limit=10)]
        (story,) = {s["id"] for s in store.links.stories_of(ids).values()}
        store.alerts.watch("story", story, "2024-05-02T00:00:00Z")

        run = Ingest(store).run([second])
        new = [a for a, _ in run.stored]
        raised = store.alerts.add(find_alerts(store, new), "2024-05-02T10:00:00Z")
        by_kind = {a["kind"]: a for a in raised}
        assert set(by_kind) >= {"story", "story_outlet", "conflict"}
        assert by_kind["story_outlet"]["outlet"] == "hillherald.example"
        assert by_kind["story_outlet"]["title"] == f"Story {story} taken up by hillherald.example"
        conflict = by_kind["conflict"]
        assert conflict["conflict"]["values"] == [41, 57]
        cited = {c["outlet"] for c in conflict["articles"]}
        assert cited == {"valleypost.example", "rivertimes.example", "hillherald.example"}
        assert store.alerts.add(find_alerts(store, new), "2024-05-02T11:00:00Z") == []  # once each
        record = store.links.stories([story])[story]
        unviewed = replace(record, id="S0")  # a story whose views wait: its new articles' events read
        assert story_conflicts(store, unviewed, set(new)) == story_conflicts(store, record, set(new))

        run = Ingest(store).run([third])  # an outlet that reported it before, no new figure
        later = store.alerts.add(find_alerts(store, [a for a, _ in run.stored]), "2024-05-02T12:00:00Z")
        assert [a["kind"] for a in later] == ["story"]
