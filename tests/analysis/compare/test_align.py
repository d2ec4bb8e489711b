"""Sentences of an event's reports aligned across outlets; what one outlet alone reports; what
several share. Small articles written by hand, with the annotations reading would give."""

from __future__ import annotations

from storyline.analysis.compare.align import (
    Alignment,
    align,
    event_alignment,
    only_here,
    only_in,
    shared,
    standalone,
    units_of,
)
from storyline.model import Article
from storyline.model.annotations import Mention, Quote, Timex
from tests.records import article

PLACES = {"Dovrik": "E1", "Maren Falls": "E2", "Ilse Vandor": "E3", "Torva": "E4", "Kessel Works": "E5"}


def annotated(aid: str, outlet: str | None, text: str, quotes: tuple[str, ...] = ()) -> Article:
    """An article whose names (``PLACES``), days ("Monday": 2031-05-12) and quoted words are
    annotated as reading and linking would annotate them."""
    entities = []
    for name, eid in PLACES.items():
        at = text.find(name)
        while at >= 0:
            entities.append(Mention(at, at + len(name), name, "GPE", entity_id=eid))
            at = text.find(name, at + 1)
    timexes = []
    at = text.find("Monday")
    if at >= 0:
        timexes.append(Timex(at, at + 6, "Monday", "DATE", "2031-05-12"))
    found = []
    for q in quotes:
        at = text.find(q)
        found.append(Quote(at, at + len(q), q, "direct"))
    return article(aid, text, outlet=outlet, language="en", entities=entities, timexes=timexes, quotes=found)


WIRE = annotated(
    "a",
    "Wire",
    "The Dovrik dam gave way on Monday and water swept through Maren Falls, killing 14 people. "
    "Engineers at the Kessel Works had reported cracks in its wall two years before the failure.",
)
POST = annotated(
    "b",
    "Post",
    "A torrent from the ruptured Dovrik reservoir hit Maren Falls on Monday; 14 residents died. "
    'Ilse Vandor, the mayor, said the town would rebuild "every house the river took" by winter. '
    "She thanked volunteers who came from Torva overnight.",
    quotes=("every house the river took",),
)
ARTS = {"a": WIRE, "b": POST}


def _alignment() -> Alignment:
    return event_alignment(["a", "b"], ARTS, copies=set())


def test_a_rewording_with_the_same_place_day_and_number_is_aligned() -> None:
    al = _alignment()
    first = next(k for k, u in enumerate(al.units) if u.article_id == "a")
    assert [al.units[j].text[:20] for j, _ in al.partners[first]] == ["A torrent from the r"]
    assert al.outlets(first) == ["Post", "Wire"]
    cites = al.citations(first)
    assert [c["article_id"] for c in cites] == ["a", "b"]
    assert WIRE.text[cites[0]["start"] : cites[0]["end"]] == al.units[first].text


def test_different_developments_stay_apart() -> None:
    al = _alignment()
    engineers = next(k for k, u in enumerate(al.units) if u.text.startswith("Engineers"))
    mayor = next(k for k, u in enumerate(al.units) if u.text.startswith("Ilse Vandor"))
    assert al.partners[engineers] == [] and al.partners[mayor] == []


def test_only_here_lists_what_one_outlet_adds_cited_and_never_a_rewording() -> None:
    found = only_here(_alignment(), ARTS)
    assert set(found) == {"Post", "Wire"}
    wire = found["Wire"]
    assert [i["text"][:9] for i in wire] == ["Engineers"]
    assert wire[0]["kind"] == "fact"  # the Kessel Works: a name the Post never gives
    cite = wire[0]["citations"][0]
    assert WIRE.text[cite["start"] : cite["end"]] == wire[0]["text"]
    post = [i["text"] for i in found["Post"]]
    assert post[0].startswith("Ilse Vandor") and found["Post"][0]["kind"] == "quote"
    # "She thanked ..." leans on the mayor's sentence: cited with it, never alone
    assert not any(t.startswith("She") for t in post)
    assert any(t.startswith("Ilse Vandor") and t.endswith("overnight.") for t in post)
    for items in found.values():  # the shared opening is no outlet's alone
        assert not any("14" in i["text"] and "Monday" in i["text"] for i in items)


def test_an_article_of_unknown_outlet_is_no_outlet() -> None:
    loose = annotated("c", None, "Engineers at the Kessel Works had reported cracks in the wall years ago.")
    arts = {**ARTS, "c": loose}
    found = only_here(event_alignment(["a", "b", "c"], arts, copies=set()), arts)
    assert set(found) == {"Post", "Wire"}
    assert found["Wire"] == []  # the engineers' warning is in the unknown outlet's report too
    one_known = {"a": WIRE, "c": loose}
    assert only_here(event_alignment(["a", "c"], one_known, copies=set()), one_known) == {}


def test_shared_names_the_outlets_that_report_it_in_their_own_words() -> None:
    items = shared(_alignment(), ARTS)
    assert len(items) == 1
    assert items[0]["outlets"] == ["Post", "Wire"]
    assert {c["article_id"] for c in items[0]["citations"]} == {"a", "b"}


def test_captions_and_leaning_openers_do_not_stand_alone() -> None:
    assert standalone("The dam gave way on Monday morning after heavy rain.", "en")
    assert not standalone("However, the dam gave way on Monday morning after rain.", "en")
    assert not standalone("He said the dam gave way on Monday morning after rain.", "en")
    assert not standalone("Photo: rescuers search the flooded streets of the town", "en")
    assert not standalone("At 1:19 pm on 10 Jun 2031, Jock wrote: No, it never was.", "en")


def test_units_leave_wire_copies_out() -> None:
    assert {u.article_id for u in units_of(["a", "b"], ARTS, copies={"b"})} == {"a"}
    assert align([], ARTS).units == []


def test_only_in_gives_the_event_page_its_sentence_records() -> None:
    found = only_in(["a", "b"], ARTS, copies=set())
    assert {f["outlet"] for f in found} == {"Post", "Wire"}
    assert all(f["support"] == 1 and f["of_outlets"] == 2 and f["outlets"] == [f["outlet"]] for f in found)


def test_reports_of_one_outlet_only_have_nothing_to_align() -> None:
    one = {
        "a": WIRE,
        "b": annotated("b", "Wire", "The Dovrik dam gave way on Monday, the Wire reported again."),
    }
    al = event_alignment(["a", "b"], one, copies=set())
    assert all(p == [] for p in al.partners) and only_here(al, one) == {} and shared(al, one) == []


def test_questions_comment_notices_and_fragments_are_never_only_here() -> None:
    wire = annotated(
        "a",
        "Wire",
        WIRE.text + " Why did nobody listen to the engineers of the Kessel Works in Torva?"
        " Views expressed in the comments do not represent those of the Wire."
        " The Kessel Works filed a complaint about the contract with the U.S."
        " Department of Energy and the Torva water board last spring.",
    )
    arts = {"a": wire, "b": POST}
    texts = [i["text"] for i in only_here(event_alignment(["a", "b"], arts, copies=set()), arts)["Wire"]]
    # the question, the comments notice, the sentence cut at "U.S." and its tail are left out
    assert texts == [
        "Engineers at the Kessel Works had reported cracks in its wall two years before the failure."
    ]
