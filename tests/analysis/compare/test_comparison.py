"""One event's outlets side by side, on hand-built articles: sides per known outlet (the
unknown outlet apart), headline and first time of the earliest article, voices by entity,
whom each leaves out, who reported first, what one alone reports, what several share, and
the numbers they disagree on."""

from __future__ import annotations

from storyline.analysis.compare.comparison import compare_event
from storyline.model import Article, Claim, Event, Quote
from tests.records import article

OPENING = "The ferry Marta ran aground off Port Selan on Sunday with two hundred passengers aboard."
QUOTE = '"Everyone is safe and dry," harbour master Ilse Varga said.'


def quote(text: str, words: str, speaker: str, entity: str | None = None, kind: str = "direct") -> Quote:
    start = text.index(words)
    return Quote(start=start, end=start + len(words), text=words, kind=kind,
                 speaker=speaker, speaker_resolved=speaker, speaker_entity_id=entity)  # fmt: skip


def claim(text: str, sentence: str, value: int) -> Claim:
    start = text.index(sentence)
    number = str(value)
    return Claim(start=start, end=start + len(sentence), text=sentence, number=number,
                 number_start=start, number_end=start + len(number), value=value,
                 unit="people hurt", quantity="injured")  # fmt: skip


def corpus() -> dict[str, Article]:
    wire = (
        f"{OPENING} {QUOTE} Divers inspected the hull through the night. "
        "12 people were hurt in the grounding."
    )
    courier = (
        f"{OPENING} {QUOTE} The mayor, Tomas Brandt, said the channel would be closed for a week. "
        "Gulls circled the stranded vessel while tugboats waited for the tide. "
        "15 people were hurt in the grounding."
    )
    post = f"{OPENING} Insurers began counting the cost of the salvage operation."
    unknown = f"{OPENING} A blog reposted the news."
    return {
        "w": article("w", wire, outlet="Wire", headline="Ferry aground", published="2023-03-05T09:00:00",
                     quotes=[quote(wire, "Everyone is safe and dry", "Ilse Varga", "E1"),
                             quote(wire, "Everyone is safe", "she")],
                     claims=[claim(wire, "12 people were hurt in the grounding.", 12)]),
        "c": article("c", courier, outlet="Courier", headline="Marta stuck off Port Selan",
                     published="2023-03-05T11:00:00",
                     quotes=[quote(courier, "Everyone is safe and dry", "Varga", "E1"),
                             quote(courier, "the channel would be closed for a week", "Tomas Brandt",
                                   kind="indirect")],
                     claims=[claim(courier, "15 people were hurt in the grounding.", 15)]),
        "c2": article("c2", "Later: the Marta was refloated.", outlet="Courier", headline="Refloated",
                      published="2023-03-06"),
        "p": article("p", post, outlet="Post", headline="Salvage bill looms", published="2023-03-06"),
        "u": article("u", unknown, headline="Repost", published="2023-03-04"),
    }  # fmt: skip


def event(*ids: str) -> Event:
    return Event(id="V1", title="Ferry aground", date="2023-03-05", article_ids=list(ids), outlets=[])


def test_fewer_than_two_known_outlets_is_no_comparison() -> None:
    arts = corpus()
    assert compare_event(event("c", "c2", "u"), arts, set()) is None  # one outlet and an unknown one
    assert compare_event(event("u"), arts, set()) is None


def test_the_outlets_side_by_side_the_unknown_outlet_apart() -> None:
    found = compare_event(event("u", "w", "c", "c2", "p"), corpus(), set())
    assert found is not None
    sides = {s["outlet"]: s for s in found["outlets"]}
    assert list(sides) == ["Wire", "Courier", "Post"]  # by first seen; no unknown outlet among them
    assert found["unknown"] == {"article_ids": ["u"]}
    courier = sides["Courier"]
    assert courier["article_ids"] == ["c", "c2"]
    assert (
        courier["headline"] == "Marta stuck off Port Selan" and courier["first_seen"] == "2023-03-05T11:00:00"
    )
    assert [s.get("first") for s in found["outlets"]] == [True, False, False]  # the unknown one is no outlet
    assert all(s["terms"] == [] for s in found["outlets"])


def test_voices_by_entity_and_whom_each_leaves_out() -> None:
    found = compare_event(event("w", "c", "c2", "p"), corpus(), set())
    assert found is not None
    sides = {s["outlet"]: s for s in found["outlets"]}
    (varga,) = sides["Wire"]["voices"]  # the pronoun "she" with no name resolved is nobody
    assert varga["speaker"] == "Ilse Varga" and varga["entity_id"] == "E1" and varga["quotes"] == 1
    text = corpus()["w"].text
    assert text[varga["citations"][0]["start"] : varga["citations"][0]["end"]] == "Everyone is safe and dry"
    courier = {v["speaker"]: v for v in sides["Courier"]["voices"]}
    assert set(courier) == {"Varga", "Tomas Brandt"} and courier["Varga"]["entity_id"] == "E1"
    assert sides["Courier"]["left_out"] == []
    assert [x["speaker"] for x in sides["Wire"]["left_out"]] == ["Tomas Brandt"]
    left = {x["speaker"]: x for x in sides["Post"]["left_out"]}
    assert left["Ilse Varga"]["quoted_by"] == ["Courier", "Wire"] and left["Ilse Varga"]["entity_id"] == "E1"


def test_only_here_shared_and_disagreements_cited() -> None:
    arts = corpus()
    found = compare_event(event("w", "c", "p", "u"), arts, set())
    assert found is not None
    sides = {s["outlet"]: s for s in found["outlets"]}
    only = {x["text"]: x["kind"] for s in found["outlets"] for x in s["only_here"]}
    assert (
        only["Insurers began counting the cost of the salvage operation."] == "context"
    )  # no name, number or quote the others lack
    assert only.get("15 people were hurt in the grounding.", "number") == "number"
    assert "A blog reposted the news." not in only  # the unknown outlet is no side
    for s in sides.values():
        for x in s["only_here"]:
            c = x["citations"][0]
            assert arts[c["article_id"]].outlet == s["outlet"]
            assert arts[c["article_id"]].text[c["start"] : c["end"]] == x["text"]
    (opening,) = [s for s in found["shared"] if s["text"] == OPENING]
    assert opening["outlets"] == ["Courier", "Post", "Wire"]  # known outlets only
    (hurt,) = found["conflicts"]
    assert hurt["quantity"] == "injured"
    assert [(v["value"], v["outlet"], v["text"]) for v in hurt["values"]] == [
        (12, "Wire", "12"),
        (15, "Courier", "15"),
    ]
    copies = compare_event(event("w", "c", "p"), arts, {"c"})  # a wire copy: no sentence of its own
    assert copies is not None
    assert {s["outlet"]: s["only_here"] for s in copies["outlets"]}["Courier"] == []


def test_who_reported_first_on_dates_and_times() -> None:
    arts = corpus()
    arts["p"].published = "2023-03-05"  # a date alone on the first day: cannot be put after a time
    found = compare_event(event("w", "c", "p"), arts, set())
    assert found is not None
    assert {s["outlet"]: s.get("first") for s in found["outlets"]} == {
        "Wire": True,
        "Courier": False,
        "Post": True,
    }
