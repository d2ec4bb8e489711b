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
    text = (
        'He said “yes” and then " alone. “Broken ” pairs ” everywhere “ here. '
        "Brandt said the plan “is dead,” aides added."
    )
    quotes = QuoteExtractor()(nlp(text))
    first = quotes[0]  # the quote before the odd marks is read whole, its speaker found
    assert (first.text, first.speaker, first.cue, first.closed) == ("yes", "He", "said", True)
    assert len(quotes) >= 2  # reading goes on past the odd marks
    for q in quotes:  # and no offset is thrown off by them
        assert text[q.start : q.end] == q.text
        assert q.speaker_start is None or text[q.speaker_start : q.speaker_end] == q.speaker


PHENOMENA = (
    "The blockade, Minister Anselm Roy said, would end before the harvest.\n\n"
    "Roy urged the port authority to reopen the northern berths.\n\n"
    "The council said the treaty was “dead on arrival” and would not be ratified.\n\n"
    "KIRENVAR (Reuters) - Port officials said that the berths had been closed since May.\n\n"
    "Critics rallied outside the hall, saying that the deal gave away too much.\n\n"
    "Roy, who chairs the committee, said that a vote would follow."
)


def test_parenthetical_object_infinitive_partial_inside_and_participle(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = QuoteExtractor()(nlp(PHENOMENA))
    texts = {q.text: q for q in quotes}
    # "X, he said, Y": the clause around the cue is the statement
    paren = next(q for q in quotes if q.text.startswith("The blockade"))
    assert paren.text.endswith("harvest") and paren.speaker == "Minister Anselm Roy"
    assert "said" not in paren.text.split()[-1]
    # "urged X to Y": object and infinitive
    assert "the port authority to reopen the northern berths" in texts
    # a partial quote inside reported speech: both the quoted words and the whole statement
    assert texts["dead on arrival"].kind == "partial"
    statement = next(q for q in quotes if q.kind == "indirect" and "ratified" in q.text)
    assert "“dead on arrival”" in statement.text and statement.speaker == "The council"
    # a dateline before the subject is not part of the speaker
    officials = next(q for q in quotes if "closed since May" in q.text)
    assert officials.speaker == "Port officials"
    # a participle cue borrows the subject of the verb it hangs on
    critics = next(q for q in quotes if "gave away" in q.text)
    assert critics.speaker == "Critics"
    # a describing relative clause stays in the speaker span; the name is what it resolves to
    vote = next(q for q in quotes if "vote would follow" in q.text)
    assert vote.speaker == "Roy, who chairs the committee" and vote.resolved_from == "Roy"


def test_stance_verbs_only_when_asked(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The union endorsed the harbour plan on Monday.")
    assert QuoteExtractor()(doc) == []
    stance = QuoteExtractor(stances=True)(doc)
    assert [(q.text, q.speaker, q.cue) for q in stance] == [("the harbour plan", "The union", "endorsed")]


def test_woven_quotations_and_their_owners(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Minister Anselm Roy said that Ostrelia would like the patrols to be “more regular.” "
        "He called the treaty “a roof with no walls over it.”\n\n"
        "In March, Roy said the navy had seen “unusual movements” near the strait. "
        "According to him, the fleet “has been ready to sail for weeks” already."
    )
    quotes = QuoteExtractor()(nlp(text))
    by_text = {q.text: q for q in quotes}
    # a quotation cued by a belief verb inside someone's statement is theirs
    assert by_text["more regular."].resolved_from or by_text["more regular."].speaker
    assert "Roy" in (by_text["more regular."].speaker or "")
    # woven into the writer's sentence: partial, however long
    assert by_text["a roof with no walls over it."].kind == "partial"
    # "according to him": the pronoun resolved, the quotation inside owned by the same speaker
    ready = by_text["has been ready to sail for weeks"]
    assert ready.kind == "partial" and ready.resolved_from == "Anselm Roy"


def test_a_tie_between_labels_keeps_a_person_whatever_the_order() -> None:
    from storyline.read.pronouns import _mostly_person

    assert _mostly_person(["PERSON", "GPE"]) and _mostly_person(["GPE", "PERSON"])
    assert not _mostly_person(["GPE", "PERSON", "GPE"])


def test_a_dateline_is_never_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "KIRENVAR, Valdoria (AP) \u2014 Valdoria's president urged Western nations on Sunday to "
        "remain united against the blockade, and asked the council to send more ships."
    )
    speakers = {q.speaker for q in QuoteExtractor()(nlp(text))}
    assert speakers and all("KIRENVAR" not in (s or "") for s in speakers)
    assert "Valdoria's president" in speakers


DOCUMENTS = (
    "The harbour board said in a statement that the berths were safe. "
    "The statement added that the cranes would be replaced by June.\n\n"
    "Prosecutors unsealed an indictment on Monday. "
    "The indictment alleges that Ivo Marsh moved the fees through three shell firms.\n\n"
    "A letter from Mayor Ines Kell warned that the fund would run dry by autumn.\n\n"
    "The pilots' union's petition said the night shifts were too long.\n\n"
    "The resolution says the council regrets the delay.\n\n"
    "Kell said the fund had been empty since March."
)


def test_a_document_is_a_source_credited_to_its_issuer_or_to_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = [q for q in QuoteExtractor()(nlp(DOCUMENTS)) if q.kind == "indirect"]
    issuers = {(q.speaker, q.resolved_from) for q in quotes if q.document}
    # the span stays the source as written; the issuer is who the text says issued it
    assert ("The statement", "The harbour board") in issuers  # "X said in a statement"
    assert ("The indictment", "Prosecutors") in issuers  # "X unsealed an indictment"
    assert ("A letter from Mayor Ines Kell", "Mayor Ines Kell") in issuers  # "a letter from X"
    assert ("The pilots' union's petition", "The pilots' union") in issuers  # "X's petition"
    assert ("The resolution", None) in issuers  # nobody said who passed it: no one
    kell = next(q for q in quotes if q.speaker == "Kell")
    assert not kell.document  # a person is no document


def test_a_document_with_no_issuer_gets_no_chain() -> None:
    from storyline.model import Article, Source
    from storyline.read import Reader

    text = (
        "Mayor Ines Kell spoke to the council on Monday.\n\n"
        "The resolution says the council regrets the delay to the harbour works."
    )
    article = Article(id="a", content_hash="a", source=Source(path="t.txt"), raw=text,
                      format="text", text=text, published="2023-03-07", language="en")  # fmt: skip
    (done,) = Reader().pipe([article])
    (quote,) = [q for q in done.quotes if q.speaker == "The resolution"]
    assert quote.speaker_resolved is None and quote.speaker_chain is None


def test_a_name_inside_the_quoted_words_is_never_their_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“Former Governor Alma Vidal, who is railing against the port plan, has said nothing,” "
        "she added, “and she knows it.”"
    )
    quotes = QuoteExtractor()(nlp(text))
    assert quotes and all(q.resolved_from != "Alma Vidal" for q in quotes)
    for q in quotes:  # no speaker span inside the quote's own words
        assert q.speaker_start is None or not (q.start <= q.speaker_start < q.end)
