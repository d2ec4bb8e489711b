"""The issue's acceptance run on the five real seed articles in ../shared/seeds.

Expected values are given as line numbers of the seed files (their text stays out of the
repository): which lines are boilerplate or metadata, which line is the headline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli import run

# Per seed (by its number): raw line indices that must leave the text, and the headline line.
BOILERPLATE = {
    "000": [12],  # the second article's headline (it becomes part 2's headline)
    "001": [0, 1, 2, 3, 4, 5],  # headline, dek, the appeal block
    "002": [0, 2, 4, 14],
    "003": [0, 2, 4, 30, 63, 66, 68, 70, 72, 74],
    "004": [0, 1, 3, 5, 25, 26, 27, 28, 29],
}
HEADLINE_LINE = {"001": 0, "002": 2, "003": 4, "004": 3}
GLUED = {"000": "date 2022-03-08", "001": "Your support makes all the difference."}


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from tests.conftest import shared_path

    seeds = shared_path("seeds")
    tmp = tmp_path_factory.mktemp("seeds")
    db, out = tmp / "s.db", tmp / "s.json"
    ingested = run("ingest", str(seeds), "--db", str(db), "--quiet")
    assert ingested.returncode == 0, ingested.stderr
    exported = run("export", "--db", str(db), "--format", "json", "--output", str(out))
    assert exported.returncode == 0, exported.stderr
    data = json.loads(out.read_text())
    data["_seeds"] = seeds
    return data


def _by_seed(export: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for art in export["articles"]:
        grouped.setdefault(Path(art["source"]["path"]).name[:3], []).append(art)
    return {k: sorted(v, key=lambda a: a["source"]["part"]) for k, v in grouped.items()}


def _lines(seeds: Path, number: str) -> list[str]:
    (path,) = seeds.glob(f"{number}_*.txt")
    return path.read_text(encoding="utf-8").split("\n")


def test_six_articles_and_the_digest_split(export: dict[str, Any]) -> None:
    grouped = _by_seed(export)
    assert len(export["articles"]) == 6
    assert [a["source"]["part"] for a in grouped["000"]] == [1, 2]
    assert all(
        len(grouped[n]) == 1 and grouped[n][0]["source"]["part"] == 0 for n in ("001", "002", "003", "004")
    )


def test_headlines_dates_outlets(export: dict[str, Any]) -> None:
    grouped = _by_seed(export)
    seeds = export["_seeds"]
    for number, line in HEADLINE_LINE.items():
        assert grouped[number][0]["headline"] == _lines(seeds, number)[line].strip()
    assert grouped["000"][1]["headline"] == _lines(seeds, "000")[12].strip()
    assert [a["published"] for a in grouped["000"]] == ["2022-03-08", "2022-03-08"]
    assert grouped["004"][0]["published"] == "2021-12-01"
    assert all(a["published_basis"] == "stated" for a in grouped["000"] + grouped["004"])
    assert grouped["001"][0]["outlet"] == "The Independent"
    assert grouped["003"][0]["outlet"] == "Associated Press"


def test_boilerplate_out_and_listed_no_sentence_lost(export: dict[str, Any]) -> None:
    grouped = _by_seed(export)
    seeds = export["_seeds"]
    for number, arts in grouped.items():
        text = "\n".join(a["text"] for a in arts)
        removed = [r["text"] for a in arts for r in a["removed"]]
        for i, raw in enumerate(_lines(seeds, number)):
            line = raw.strip()
            if not line:
                continue
            if i in BOILERPLATE[number]:
                assert line not in text.split("\n"), f"seed {number} line {i} left in the text"
                assert line in removed or line in [a["headline"] for a in arts], (
                    f"seed {number} line {i} not listed"
                )
                continue
            glued = GLUED.get(number)
            if glued and line.startswith(glued):
                assert glued in removed
                line = line[len(glued) :].strip()
            assert line in text, f"seed {number} line {i} lost from the text"
    for glued in GLUED.values():
        assert not any(glued in a["text"] for a in export["articles"])


def test_export_contract_fields(export: dict[str, Any]) -> None:
    assert {"articles", "entities", "events", "stories", "duplicates"} <= set(export)
    for art in export["articles"]:
        assert {
            "id",
            "source",
            "outlet",
            "headline",
            "published",
            "published_basis",
            "language",
            "text",
            "removed",
            "entities",
            "timexes",
            "quotes",
            "claims",
        } <= set(art)
        assert set(art["source"]) >= {"path", "url", "part"}
        assert all({"text", "reason"} <= set(r) for r in art["removed"])


# Direct quotes of the seeds: (seed, part, line where the quote starts) -> speaker's surname,
# one entry per quote, checked by hand against the articles.
DIRECT_QUOTE_SPEAKERS = {
    ("000", 1): [(2, "Blinken"), (8, "Kallas"), (8, "Kallas")],
    ("001", 0): [(8, "Blinken"), (10, "Liimets"), (12, "Rinkevics"), (12, "Rinkevics"), (13, "Rinkevics"),
                 (14, "Nauseda"), (14, "Nauseda")],
    ("002", 0): [
        (6, "Blinken"), (8, "Blinken"), (8, "Blinken"), (8, "Blinken"), (10, "Truss"), (10, "Truss"),
        (10, "Truss"),
    ],
    ("003", 0): [(4, "Blinken"), (12, "Blinken"), (14, "Blinken"), (14, "Blinken"), (20, "Zelenskyy"),
                 (22, "Zelenskyy"), (22, "Zelenskyy"), (26, "Blinken"), (28, "Blinken"), (36, "Lavrov"),
                 (40, "administration"), (44, "ministry"), (48, "ministry"), (50, "Lavrov"), (60, "Putin")],
    ("004", 0): [(9, "Blinken"), (11, "Blinken"), (11, "Blinken"), (13, "Stoltenberg"), (15, "Stoltenberg"),
                 (15, "Stoltenberg"), (17, "Putin"), (19, "Putin"), (21, "Stoltenberg"), (21, "Stoltenberg"),
                 (23, "Peskov")],
}  # fmt: skip


def test_every_quotation_found_with_its_speaker(export: dict[str, Any]) -> None:
    seeds = export["_seeds"]
    for (number, part), expected in DIRECT_QUOTE_SPEAKERS.items():
        (art,) = [a for a in _by_seed(export)[number] if a["source"]["part"] == part]
        raw = _lines(seeds, number)
        found = []
        for q in art["quotes"]:
            if q["kind"] == "indirect":
                continue  # every quotation, whole (direct) or woven into a sentence (partial)
            assert art["text"][q["start"] : q["end"]] == q["text"]
            line = next(i for i, text in enumerate(raw) if q["text"][:25] in text)
            found.append((line, (q["speaker_resolved"] or "").split()[-1]))
        assert found == expected, (number, found)


def test_relative_dates_of_the_seeds(export: dict[str, Any]) -> None:
    grouped = _by_seed(export)
    tuesday = [t for t in grouped["000"][0]["timexes"] if t["text"] == "Tuesday"]
    assert tuesday and tuesday[0]["value"] == "2022-03-08"
    # 001 states no date. It reports the Tallinn meeting that 000 dates 2022-03-08 in other words
    # but with one statement of Blinken's in two wordings (quoted by one, reported by the other):
    # one event, so it takes that date, with its basis, and its weekdays resolve against it.
    art = grouped["001"][0]
    assert (art["published"], art["published_basis"]) == ("2022-03-08", "inferred")
    assert grouped["000"][0]["id"] in art["published_source"] and "event" in art["published_source"]
    values = {t["text"]: t["value"] for t in art["timexes"] if t["text"] in ("Monday", "Tuesday")}
    assert values == {"Monday": "2022-03-07", "Tuesday": "2022-03-08"}  # "later Tuesday": today
    feb24 = [t for t in grouped["000"][1]["timexes"] if "February 24" in t["text"]]
    assert feb24 and feb24[0]["value"] == "2022-02-24"


# The time expressions of the dated seeds and of the undated one reporting a dated event, in
# text order: (seed, part) -> [(expression, value)], values checked by hand against the articles.
TIME_EXPRESSIONS = {
    ("000", 1): [("Tuesday", "2022-03-08"), ("presently", "PRESENT_REF")],
    ("000", 2): [("Tuesday", "2022-03-08"), ("now", "PRESENT_REF"), ("February 24", "2022-02-24")],
    ("001", 0): [("Tuesday", "2022-03-08"), ("now", "PRESENT_REF"), ("Monday", "2022-03-07"),
                 ("now", "PRESENT_REF"), ("last month", "2022-02"), ("Tuesday", "2022-03-08")],
    ("004", 0): [("Wednesday", "2021-12-01"), ("Wednesday", "2021-12-01"), ("Wednesday", "2021-12-01"),
                 ("mid-November", "2021-11")],
}  # fmt: skip


def test_time_expressions_of_the_seeds_right(export: dict[str, Any]) -> None:
    """The issue's measure: at least 12 of these 15 found with their value (15 now that 001
    takes its event's date; 11 while it had none and its weekdays resolved to no day)."""
    right = 0
    for (number, part), expected in TIME_EXPRESSIONS.items():
        (art,) = [a for a in _by_seed(export)[number] if a["source"]["part"] == part]
        found = [(t["text"], t["value"]) for t in sorted(art["timexes"], key=lambda t: t["start"])]
        for item in expected:
            if item in found:
                found.remove(item)
                right += 1
    assert sum(map(len, TIME_EXPRESSIONS.values())) == 15
    assert right >= 12, right


def test_the_same_words_reported_by_two_outlets_are_on_the_quote_board(
    export: dict[str, Any],
) -> None:
    """000 reports Blinken's "defend every inch of NATO territory" as reported speech, 001
    quotes him; the story's quote board holds both versions, first appearance marked."""
    grouped = _by_seed(export)
    ids = {grouped["000"][0]["id"], grouped["001"][0]["id"]}
    boards = [b for s in export["stories"] for b in s["quote_board"]]
    board = next(b for b in boards if ids <= {v["article_id"] for v in b["versions"]})
    assert board["speaker"].split()[-1] == "Blinken"
    kinds = {v["article_id"]: v["kind"] for v in board["versions"]}
    assert kinds[grouped["000"][0]["id"]] == "reported speech"
    assert kinds[grouped["001"][0]["id"]] == "quotation"
    assert all("inch" in v["text"] for v in board["versions"])


def test_linking_events_story_timeline_and_people(export: dict[str, Any]) -> None:
    """Issue #4 on the seeds, with issue #27's evidence beside shared words: 000's first part
    and 001 tell the Tallinn meeting in other words but carry one statement of Blinken's in two
    wordings, so they are one event (5 of 5 same/different: 002, 003, 004 and 000's second
    part each their own); the timelines hold the four days (4 of 4): 2021-12-01 in the story
    of 003 and 004, 2022-02-24 (000's second part), 2022-03-07 (001's Monday) and 2022-03-08
    (citing 000 and 001) in the Baltic story. (Before issue #14 the five seeds made one story:
    a threshold low enough for that joins unrelated collections in bench/purity.py.)
    Misspelt and split names resolve; each person is one entity."""
    grouped = _by_seed(export)
    key = {a["id"]: f"{n}#{a['source']['part']}" for n, arts in grouped.items() for a in arts}
    events = {frozenset(key[a] for a in e["article_ids"]) for e in export["events"]}
    assert frozenset({"000#1", "001#0"}) in events
    for alone in ("000#2", "002#0", "003#0", "004#0"):
        assert frozenset({alone}) in events

    def story_of(part: str) -> dict[str, Any]:
        (story,) = [s for s in export["stories"] if part in {key[a] for a in s["article_ids"]}]
        return story

    def days(story: dict[str, Any]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for entry in story["timeline"]:
            out.setdefault(entry["date"], set()).update(key[c["article_id"]] for c in entry["citations"])
        return out

    assert story_of("000#1") is story_of("001#0")
    assert {"000#1", "001#0"} <= days(story_of("000#1"))["2022-03-08"]
    assert "001#0" in days(story_of("001#0"))["2022-03-07"]
    assert story_of("003#0") is story_of("004#0")
    assert "2021-12-01" in days(story_of("004#0"))
    assert "2022-02-24" in days(story_of("000#2"))
    people = [e for e in export["entities"] if e["label"] == "PERSON"]
    putin = [e for e in people if "Vladamir Putin" in e["aliases"]]
    lavrov = [e for e in people if "L avrov" in e["aliases"]]
    assert len(putin) == 1 and putin[0]["name"] == "Vladimir Putin"
    assert len(lavrov) == 1 and lavrov[0]["name"] == "Sergey Lavrov"
    names = [e["name"] for e in people]
    assert len(names) == len(set(names))
    for surname in ("Blinken", "Putin", "Lavrov", "Stoltenberg", "Zelenskyy"):
        assert len([e for e in people if e["name"].endswith(surname)]) == 1, surname


def test_every_quote_claim_and_mention_links_to_the_entity_it_names(export: dict[str, Any]) -> None:
    from tests.conftest import link_disagreements

    quotes = [q for a in export["articles"] for q in a["quotes"] if q.get("speaker_entity_id")]
    assert len(quotes) >= 60  # the seeds' speakers are linked, not left out to pass
    assert link_disagreements(export) == []


def test_cited_sentences_stand_alone_once_per_article_and_titles_whole(export: dict[str, Any]) -> None:
    """Issue 27 on the seeds: the Baltic day led with "He said that ..." citing one article
    twice; 002's event title was "Blinken: Direct U.S." (cut after the initialism)."""
    from storyline.sentences import stands_alone

    by_id = {a["id"]: a for a in export["articles"]}
    for story in export["stories"]:
        for entry in story["timeline"] + story["summary"]:
            cited = [c["article_id"] for c in entry["citations"]]
            assert len(cited) == len(set(cited)), entry["text"]
            for c in entry["citations"]:
                assert stands_alone(by_id[c["article_id"]]["text"][c["start"] : c["end"]])
    grouped = _by_seed(export)
    (event,) = [e for e in export["events"] if grouped["002"][0]["id"] in e["article_ids"]]
    assert event["title"] == grouped["002"][0]["headline"]


def test_the_baltic_event_compared_with_both_outlets_words_and_voices(tmp_path: Path) -> None:
    """Issue #27 on the seeds: the digest names no outlet (an analyst says which with
    ``--outlet``, here after the other four are in, so incremental linking must join it as a
    full run does); the Baltic event's comparison then holds two outlets, each with the
    people it quotes and its own words for the war's parties beside the other's words for the
    same thing — the digest's "offensive" where The Independent says "invasion"."""
    from tests.conftest import shared_path

    seeds = shared_path("seeds")
    db = tmp_path / "s.db"
    four = tmp_path / "four"
    four.mkdir()
    for path in seeds.glob("00[1-4]_*.txt"):
        (four / path.name).write_bytes(path.read_bytes())
    (digest,) = seeds.glob("000_*.txt")
    assert run("ingest", str(four), "--db", str(db), "--quiet").returncode == 0
    assert run("ingest", str(digest), "--outlet", "Digest", "--db", str(db), "--quiet").returncode == 0
    listed = json.loads(run("events", "--db", str(db), "--json").stdout)
    events = listed["events"] if isinstance(listed, dict) else listed
    (baltic,) = [e for e in events if {"Digest", "The Independent"} <= set(e["outlets"])]
    shown = run("compare", baltic["id"], "--db", str(db), "--json")
    assert shown.returncode == 0, shown.stderr
    comparison = json.loads(shown.stdout)["comparison"]
    sides = {s["outlet"]: s for s in comparison["outlets"]}
    assert set(sides) == {"Digest", "The Independent"}
    voices = {o: {v["speaker"] for v in s["voices"]} for o, s in sides.items()}
    assert "Antony Blinken" in voices["Digest"] & voices["The Independent"]
    assert voices["Digest"] - voices["The Independent"] and voices["The Independent"] - voices["Digest"]

    def words(outlet: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for t in sides[outlet]["terms"]:
            out.setdefault(t["referent"], set()).add(t["term"])
        return out

    digest_words, independent_words = words("Digest"), words("The Independent")
    same = [r for r in digest_words if r in independent_words and r in ("Russia", "Ukraine")]
    assert same
    assert any("offensive" in digest_words[r] and "invasion" in independent_words[r] for r in same)
    term = next(t for t in sides["Digest"]["terms"] if t["term"] == "offensive")
    assert term["others"]["The Independent"] and term["cites"][0]["label"].startswith("Digest ·")
