"""The outlets a story's and an event's pages name: profiles beside known outlets, the
blindspots (outlets of the corpus publishing at the time that never covered it), and
articles of unknown outlet apart, never an outlet, on a small corpus built by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import pages
from storyline.model import UNKNOWN_OUTLET
from storyline.run.embedded import Ingest
from storyline.store import Store

QUAY = [
    "The harbour authority of Port Selan said on Tuesday that the eastern quay would reopen next "
    "month after three weeks of repairs to the storm wall.",
    "Harbour master Ilse Varga said the repairs had cost 2 million crowns and that ferries would "
    "return to the eastern quay on March 1.",
    "Ferry operators in Port Selan welcomed the reopening of the eastern quay, saying the closure "
    "had forced them to divert passengers to smaller ports.",
]
MATCH = [
    "Valdoria beat Norland 3-1 in the cup final at the national stadium on Tuesday night, with two "
    "late goals from the striker Tomas Brek.",
    "Coach Anna Lind said the win was the best night of her career and thanked the fans who had "
    "travelled from the north.",
]


def records() -> list[dict[str, str]]:
    """Three reports of the quay's reopening (a known outlet with a profile, one without, one of
    unknown outlet) and a fourth outlet's report of another story in the same days."""
    quay = "\n\n".join(QUAY)
    reworded = "\n\n".join([QUAY[1], QUAY[0], QUAY[2].replace("welcomed", "praised")])
    return [
        {"url": "https://apnews.com/article/quay", "title": "Port Selan quay to reopen", "text": quay,
         "date": "2023-02-14"},
        {"outlet": "The Harbor Post", "title": "Eastern quay reopens next month", "text": reworded,
         "date": "2023-02-14"},
        {"title": "Quay repairs nearly done", "text": "\n\n".join(reversed(QUAY)), "date": "2023-02-14"},
        {"outlet": "Quay Weekly", "title": "Valdoria win the cup", "text": "\n\n".join(MATCH),
         "date": "2023-02-14"},
    ]  # fmt: skip


def write_corpus(folder: Path) -> Path:
    """The records as one JSONL file in ``folder``."""
    path = folder / "outlets.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records()) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("outlets")
    with Store(folder / "o.db") as writing:
        Ingest(writing).run([str(write_corpus(folder))])
    return Store(folder / "o.db", readonly=True)


def _quay_story(store: Store) -> str:
    for s, _ in store.views.stories():
        if "Associated Press" in s.outlets:
            return s.id
    raise AssertionError("no story of the quay")


def test_a_story_names_its_blindspots_and_profiles_and_keeps_unknown_outlet_apart(store: Store) -> None:
    page = pages.story(store, _quay_story(store))
    assert set(page["outlets"]) == {"Associated Press", "The Harbor Post", UNKNOWN_OUTLET}
    assert page["blindspots"] == ["Quay Weekly"]  # published then, never covered it
    assert page["outlet_profiles"]["Associated Press"]["country"] == "US"
    assert "The Harbor Post" not in page["outlet_profiles"]  # no table describes it
    coverage = page["coverage"]
    assert (
        UNKNOWN_OUTLET not in coverage["outlets"]
        and sum(c["articles"] for c in coverage.get("unknown_outlet", {}).values()) == 1
    )
    assert all(x["outlet"] != UNKNOWN_OUTLET for x in coverage["only_one_outlet"])
    listed = [s for s in pages.story_list(store) if s["id"] == page["id"]]
    assert UNKNOWN_OUTLET not in listed[0]["coverage"]["outlets"]


def test_an_event_names_its_blindspots_and_never_lists_unknown_outlet_as_reporting_alone(
    store: Store,
) -> None:
    story = pages.story(store, _quay_story(store))
    event = pages.event(store, story["event_ids"][0])
    assert event["blindspots"] == ["Quay Weekly"]
    assert all(x["outlet"] != UNKNOWN_OUTLET for x in event.get("only_in", []))
    assert all(x["outlet"] == UNKNOWN_OUTLET for x in event.get("only_in_unknown", []))
    assert set(event["outlet_profiles"]) == {"Associated Press"}
