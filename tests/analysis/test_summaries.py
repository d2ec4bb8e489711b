"""Extractive summaries: source sentences only, each cited, with support counts."""

from __future__ import annotations

from storyline.analysis.summaries import sentences, summarise
from tests.records import articles

ARTICLES = articles({
    "a": {"outlet": "Wire", "text": "The Dovrik dam collapsed early on Monday, flooding three "
          "villages in the valley. Rescuers worked through the night in Maren Falls. "
          "The regional governor asked for national help."},
    "b": {"outlet": "Post", "text": "The Dovrik dam collapsed early on Monday and flooded three "
          "villages in the valley. Shops in Maren Falls stayed closed on Tuesday morning."},
    "c": {"outlet": "Post", "text": "The Dovrik dam collapsed early on Monday, flooding three "
          "villages in the valley. Rescuers worked through the night in Maren Falls."},
})  # fmt: skip


def test_every_sentence_is_a_cited_source_sentence_with_support() -> None:
    summary = summarise(["a", "b", "c"], ARTICLES, copies={"c"}, size=3)
    assert summary and summary[0]["text"].startswith("The Dovrik dam collapsed")
    top = summary[0]
    assert top["support"] == 2 and top["of_outlets"] == 2 and top["outlets"] == ["Post", "Wire"]
    for item in summary:
        for cite in item["citations"]:
            assert cite["article_id"] != "c"  # a wire copy is not a second source
            source = ARTICLES[cite["article_id"]].text[cite["start"] : cite["end"]]
            assert source.split()[:3] == item["text"].split()[:3] or cite != item["citations"][0]
        first = item["citations"][0]
        assert ARTICLES[first["article_id"]].text[first["start"] : first["end"]] == item["text"]
    texts = [s["text"] for s in summary]
    assert len(texts) == len(set(texts))  # no sentence twice


def test_sentences_split_on_punctuation_and_paragraphs() -> None:
    text = (
        "Short one. This sentence has more than six words in it.\n\nAnother paragraph here with enough words"
    )
    spans = [text[a:b] for a, b in sentences(text)]
    assert spans == [
        "This sentence has more than six words in it.",
        "Another paragraph here with enough words",
    ]


def test_sentences_of_stop_words_only_do_not_break_a_summary() -> None:
    arts = articles({
        "a": {"outlet": "Wire", "text": "And then it was all of them that did it for us there. "
              "The Dovrik dam collapsed early on Monday, flooding three villages."},
    })  # fmt: skip
    summary = summarise(["a"], arts, copies=set(), size=3)
    texts = [item["text"] for item in summary]
    assert "The Dovrik dam collapsed early on Monday, flooding three villages." in texts
    for item in summary:  # one article: each sentence is its own, supported by its one outlet
        cite = item["citations"][0]
        assert arts["a"].text[cite["start"] : cite["end"]] == item["text"]
        assert (item["support"], item["of_outlets"], item["outlets"]) == (1, 1, ["Wire"])


def test_only_in_lists_what_one_outlet_alone_reports() -> None:
    from storyline.analysis.summaries import only_in

    arts = articles({
        "a": {"outlet": "Wire", "text": "The Dovrik dam collapsed early on Monday, flooding three "
              "villages in the valley. Engineers had warned of cracks in the wall last spring."},
        "b": {"outlet": "Post", "text": "The Dovrik dam collapsed early on Monday and flooded "
              "three villages in the valley."},
    })  # fmt: skip
    found = only_in(["a", "b"], arts, copies=set())
    assert [(f["outlet"], f["text"]) for f in found] == [
        ("Wire", "Engineers had warned of cracks in the wall last spring.")
    ]
    assert only_in(["a"], arts, copies=set()) == []  # one outlet: nothing to compare


def test_a_text_repeating_a_few_words_keeps_few_neighbours_per_sentence() -> None:
    """Every sentence like every other must not make the kept pairs grow with the square:
    each keeps its ``most`` likest, itself among them."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from storyline.analysis.summaries import _same

    texts = [f"Dam flood valley report {'north' if i % 2 else 'south'} {i}" for i in range(40)]
    matrix = TfidfVectorizer().fit_transform(texts)
    everything = _same(matrix, rows=7, most=1000)
    assert min(len(row) for row in everything) > 5  # many alike (cosine >= 0.5)
    capped = _same(matrix, rows=7, most=5)
    for i, row in enumerate(capped):
        assert len(row) == 5 and i in row and list(row) == sorted(row)
        likeness = (matrix[i] @ matrix.T).toarray().ravel()
        assert min(likeness[row]) >= max(likeness[j] for j in range(40) if j not in row) - 1e-12


def test_a_long_article_gives_summaries_its_first_sentences_only() -> None:
    from storyline.analysis.summaries import PER_ARTICLE, SentenceTable

    text = " ".join(f"The harbour board met on day number {i} of the long strike." for i in range(900))
    table = SentenceTable(["a"], articles({"a": {"outlet": "Wire", "text": text}}), copies=set())
    assert len(table.items) == PER_ARTICLE
    assert table.items[0][2] == 0 and "day number 0 " in table.items[0][4]


def test_a_summary_sentence_cites_each_article_once() -> None:
    arts = articles({
        "a": {"outlet": "Wire", "text": "The Dovrik dam collapsed early on Monday, flooding three villages. "
              "Early on Monday the Dovrik dam collapsed, flooding three villages."},
        "b": {"outlet": "Post", "text": "The Dovrik dam collapsed on Monday and flooded three villages."},
    })  # fmt: skip
    for item in summarise(["a", "b"], arts, copies=set(), size=3):
        cited = [c["article_id"] for c in item["citations"]]
        assert len(cited) == len(set(cited)), cited
