"""Whole sentences for summaries and timelines: never cut at decimals, abbreviations or
initials, never a fragment."""

from __future__ import annotations

from storyline.sentences import first_sentence, sentences, spans


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def test_decimals_amounts_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = (
        "The response has cost the company $ 3.5 billion so far, it said. "
        "The quake measured 7.0-magnitude near the coast of the island. "
        "When the mayor entered the race on Nov. 7 his rivals were already campaigning. "
        "Gov. Ana Ruiz and J. R. Lindqvist met the families in the town hall on Friday."
    )
    assert _split(text) == [
        "The response has cost the company $ 3.5 billion so far, it said.",
        "The quake measured 7.0-magnitude near the coast of the island.",
        "When the mayor entered the race on Nov. 7 his rivals were already campaigning.",
        "Gov. Ana Ruiz and J. R. Lindqvist met the families in the town hall on Friday.",
    ]


def test_an_acronym_ends_a_sentence_only_before_a_capital() -> None:
    text = (
        "Troops arrived from the U.S. on Monday to help with the relief work. "
        "The ship docked at 9 a.m. Workers then unloaded the tents and the water."
    )
    assert _split(text) == [
        "Troops arrived from the U.S. on Monday to help with the relief work.",
        "The ship docked at 9 a.m.",
        "Workers then unloaded the tents and the water.",
    ]


def test_fragments_and_paragraph_breaks() -> None:
    text = (
        "Engineers had warned of cracks in the wall of the dam\n"
        "of the BP oil spill in the gulf last year .\n\n"
        "\u201cWe will rebuild every house in the valley,\u201d the mayor said on Tuesday."
    )
    assert _split(text) == [
        "Engineers had warned of cracks in the wall of the dam",
        "\u201cWe will rebuild every house in the valley,\u201d the mayor said on Tuesday.",
    ]  # the piece starting in lower case is a fragment of a broken line, never a sentence


def test_every_sentence_is_split_also_where_a_scraper_glued_two_together() -> None:
    line = "It was over.Then it began. Gov. Lee spoke at 9 a.m. on Monday.\nA new paragraph"
    assert [line[a:b] for a, b in spans(line)] == [
        "It was over.",
        "Then it began.",
        "Gov. Lee spoke at 9 a.m. on Monday.",
        "A new paragraph",
    ]
    assert first_sentence("The N.A.A.C.P. met in Texas. It voted.") == "The N.A.A.C.P. met in Texas."


def test_a_sentence_leaning_on_what_came_before_is_not_cited() -> None:
    """A pronoun or connective opening a sentence points to an antecedent elsewhere: the
    sentence means nothing alone, so neither a summary nor a timeline may cite it."""
    from storyline.sentences import stands_alone

    text = (
        "The harbour minister visited the flooded quay at Port Selan on Monday. "
        "He said that the wall would be rebuilt before the autumn storms arrive. "
        "However, the dockworkers doubted the plan would be paid for this year. "
        "The union's leader, however, welcomed the minister's visit to the quay. "
        "“We will rebuild every metre of it,” the minister told the crowd at the quay."
    )
    assert _split(text) == [
        "The harbour minister visited the flooded quay at Port Selan on Monday.",
        "“We will rebuild every metre of it,” the minister told the crowd at the quay.",
    ]
    assert not stands_alone("She also opined that the ferries must stop at once.")
    assert stands_alone("Shetland ferries stopped running at noon on Tuesday.")  # a word, not "She"
