"""Timelines: entries on the date a sentence is about, kinds, citations, support."""

from __future__ import annotations

from storyline.analysis.timelines import build_timeline
from storyline.model import Article, Quote, Timex
from tests.records import article


def art(text: str, published: str, outlet: str, timexes: list[Timex], quotes=()) -> Article:  # type: ignore[no-untyped-def]
    return article("", text, published=published, outlet=outlet, timexes=timexes, quotes=list(quotes))


def tx(text: str, phrase: str, value: str) -> Timex:
    start = text.index(phrase)
    return Timex(start, start + len(phrase), phrase, "DATE", value)


A = ("The dam on the Dovrik river collapsed on Monday and flooded three villages. "
     "The two governments had agreed in late November to share the river data. "
     "The prime minister will visit the valley on Wednesday to meet the families.")  # fmt: skip
B = "The Dovrik dam collapsed on Monday, flooding three villages in the valley below."


def test_entries_on_their_own_dates_with_kinds_and_support() -> None:
    articles = {
        "a": art(A, "2023-02-20", "Wire", [tx(A, "on Monday", "2023-02-20"),
                                           tx(A, "late November", "2022-11"),
                                           tx(A, "on Wednesday", "2023-02-22")]),
        "b": art(B, "2023-02-20", "Post", [tx(B, "on Monday", "2023-02-20")]),
    }  # fmt: skip
    entries = build_timeline(["a", "b"], articles)
    by_date = {e["date"]: e for e in entries}
    assert set(by_date) == {"2022-11", "2023-02-20", "2023-02-22"}
    assert by_date["2022-11"]["kind"] == "happened"  # background fact, on its own date
    assert by_date["2023-02-22"]["kind"] == "planned"
    collapse = by_date["2023-02-20"]
    assert collapse["support"] == 2 and {c["article_id"] for c in collapse["citations"]} == {
        "a",
        "b",
    }
    days_only = build_timeline(["a", "b"], articles, months=False)
    assert "2022-11" not in {e["date"] for e in days_only}


def test_a_day_leads_with_what_happened_then_what_was_said() -> None:
    said = "\u201cWe will rebuild every house in the valley,\u201d the mayor of Maren Falls said on Monday."
    quote = Quote(0, said.index(",\u201d") + 2, said[:60], "direct")
    happened = "The Dovrik dam collapsed on Monday and flooded three villages in the valley."
    articles = {
        "a": art(said, "2023-02-20", "Wire", [tx(said, "on Monday", "2023-02-20")], [quote]),
        "b": art(said, "2023-02-20", "Post", [tx(said, "on Monday", "2023-02-20")], [quote]),
        "c": art(happened, "2023-02-20", "Courier", [tx(happened, "on Monday", "2023-02-20")]),
    }
    day = [e for e in build_timeline(["a", "b", "c"], articles, per_date=2) if e["date"] == "2023-02-20"]
    assert [e["kind"] for e in day] == ["happened", "said"]  # though the quote has more support
    assert day[1]["support"] == 2


def test_an_entry_cites_each_article_once_and_no_sentence_leaning_on_another() -> None:
    """Two sentences of one article saying the same are one citation; a sentence opening with
    a pronoun whose antecedent is the sentence before ("He said that ...") is never cited."""
    text = ("The Dovrik dam collapsed on Monday, flooding three villages in the valley. "
            "He said that the Dovrik dam collapse on Monday flooded three villages. "
            "The Dovrik dam collapse flooded three villages in the valley on Monday.")  # fmt: skip
    other = "The Dovrik dam collapsed on Monday and flooded three villages of the valley."
    articles = {
        "a": art(text, "2023-02-20", "Wire", [tx(text, "on Monday", "2023-02-20")]),
        "b": art(other, "2023-02-20", "Post", [tx(other, "on Monday", "2023-02-20")]),
    }
    for entry in build_timeline(["a", "b"], articles):
        cited = [c["article_id"] for c in entry["citations"]]
        assert len(cited) == len(set(cited)), cited
        assert not entry["text"].startswith("He ")
        for c in entry["citations"]:
            assert not articles[c["article_id"]].text[c["start"] : c["end"]].startswith("He ")
