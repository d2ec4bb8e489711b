"""What a number is about: the counted thing, its predicate, the words between, its subject."""

from __future__ import annotations

import pytest

from storyline.analysis.conflicts import same_frame
from storyline.model import ClaimFrame
from storyline.read.claims import ClaimFinder


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from storyline.read.nlp import load_nlp

    return load_nlp()


def frames(nlp, text: str) -> dict[str, ClaimFrame]:  # type: ignore[no-untyped-def]
    """The frame of each number of ``text``, by the number as written."""
    return {c.number: c.frame for c in ClaimFinder()(nlp(text), []) if c.frame}


def test_a_measure_is_framed_by_what_it_measures(nlp) -> None:  # type: ignore[no-untyped-def]
    plume = frames(nlp, "The slick was more than 12 miles long, 4 miles wide and some 200 feet thick.")
    long, wide = plume["more than 12 miles"], plume["4 miles"]
    assert (long.thing, long.path, long.about) == ("mile", ["long"], ["slick"])
    assert wide.path == ["wide"]
    assert not same_frame(long, wide, classed=False, measure=True)  # a length is not a width
    off = frames(nlp, "The crew drilled the well about 30 miles off the Selan coast.")["about 30 miles"]
    assert set(off.path) == {"off", "coast"} and off.predicate == "drill"


def test_a_rate_collected_is_not_a_rate_leaked(nlp) -> None:  # type: ignore[no-untyped-def]
    caught = frames(nlp, "The dome is collecting 9,000 barrels of oil a day.")["9,000 barrels"]
    leaked = frames(nlp, "The broken pipe leaks 40,000 barrels of oil a day.")["40,000 barrels"]
    assert caught.predicate == "collect" and leaked.predicate == "leak"
    assert not same_frame(caught, leaked, classed=False, measure=True)
    again = frames(nlp, "The dome was collecting 12,000 barrels of oil a day.")["12,000 barrels"]
    assert same_frame(caught, again, classed=False, measure=True)


def test_a_toll_names_its_cause_and_another_one_adds_to_it(nlp) -> None:  # type: ignore[no-untyped-def]
    killed = frames(nlp, "The collapse of the Orvik bridge killed 23 people, the mayor said.")["23"]
    toll = frames(nlp, "The death toll from the collapse of the Orvik bridge rose to 29 on Friday.")["29"]
    assert toll.predicate == "level" and "collapse" in toll.about
    assert same_frame(killed, toll, classed=True, measure=False)  # one toll in other words
    other = frames(nlp, "The explosion of the ferry near Lund killed 60 people.")["60"]
    assert not same_frame(killed, other, classed=True, measure=False)  # a different disaster
    more = frames(nlp, "Another 12 people died in the bridge collapse.")["12"]
    assert more.scope and not same_frame(killed, more, classed=True, measure=False)
    bare = frames(nlp, "In all, 31 people died.")["31"]
    assert not same_frame(killed, bare, classed=True, measure=False)  # died of what, it does not say


def test_a_list_is_no_path_and_a_pronoun_no_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    listed = frames(nlp, "The firm has sent 14 ships, two barges and six aircraft.")
    assert listed["six"].path == [] and listed["six"].thing == "aircraft"
    vague = frames(nlp, "First they said it was only 2,000 barrels.")["only 2,000 barrels"]
    assert vague.about == []  # "it": of what, the sentence does not say
    other = frames(nlp, "Then they said it was 8,000 barrels.")["8,000 barrels"]
    assert not same_frame(vague, other, classed=False, measure=True)


def test_a_deeply_nested_sentence_is_framed_without_recursing_without_end(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The cost of "
        + "the cost of " * 400
        + "the spill rose to 5 billion dollars, and "
        + "12 of 13 of " * 80
    )
    found = frames(nlp, text + "ships sank.")
    assert found and all(f.thing for f in found.values())
