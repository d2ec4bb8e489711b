"""Quotes: tolerant pairing of quotation marks, cues, speakers, continuations, indirect speech."""

from __future__ import annotations

import pytest

from storyline.read.quotes import QuoteExtractor, quote_spans


def spans(text: str) -> list[tuple[str, bool]]:
    return [(text[a:b], closed) for a, b, closed in quote_spans(text)]


def test_pairing_tolerates_curly_straight_mismatched_and_unbalanced_marks() -> None:
    assert spans('He said “yes” and "no".') == [("“yes”", True), ('"no"', True)]
    assert spans('They wanted a “permanent and fair" deal.') == [('“permanent and fair"', True)]
    assert spans("She said: “We will stay until the end\nNext paragraph.") == [
        ("“We will stay until the end", False)
    ]
    assert spans("No quotes here, only an apostrophe's use.") == []


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from storyline.read.nlp import load_nlp

    return load_nlp()


TEXT = (
    "Valdorian Foreign Minister Mireille Castanet left the talks in Kirenvar early on Tuesday.\n\n"
    "“We came here to find a way through the strait, and we found a wall,” Castanet told reporters. "
    "“Our door is still open to an honest offer.”\n\n"
    "Her counterpart, Tomas Brandt, said that Valdoria had refused to discuss a joint patrol.\n\n"
    "The Ostrelian foreign ministry said the talks would resume in the spring.\n\n"
    'She urged the council to adopt a “permanent and fair" settlement of the dispute.\n\n'
    "Castanet later spoke to the press. She said: “We will not sign away our coast."
)


def test_direct_indirect_partial_and_continued_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = QuoteExtractor()(nlp(TEXT))
    by_text = {q.text: q for q in quotes}
    first = by_text["We came here to find a way through the strait, and we found a wall"]
    assert first.kind == "direct" and first.speaker == "Castanet" and first.cue == "told"
    cont = by_text["Our door is still open to an honest offer."]
    assert cont.speaker == "Castanet" and cont.continues is not None
    indirect = next(q for q in quotes if q.kind == "indirect" and "joint patrol" in q.text)
    assert "Brandt" in (indirect.speaker or "") and indirect.text.startswith("that Valdoria")
    org = next(q for q in quotes if q.kind == "indirect" and "resume" in q.text)
    assert org.speaker == "The Ostrelian foreign ministry"
    partial = by_text["permanent and fair"]
    assert partial.kind == "partial" and partial.resolved_from == "Mireille Castanet"
    unbalanced = next(q for q in quotes if q.text.startswith("We will not sign"))
    assert not unbalanced.closed and unbalanced.resolved_from == "Mireille Castanet"
    for q in quotes:  # offsets point into the text
        assert TEXT[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert TEXT[q.speaker_start : q.speaker_end] == q.speaker


def test_one_odd_mark_never_costs_the_document(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'He said “yes” and then " alone. “Broken ” pairs ” everywhere “ here. Brandt said the plan “is dead,” aides added.'
    quotes = QuoteExtractor()(nlp(text))
    assert isinstance(quotes, list)
