"""The read stage over whole articles: a long text is parsed in pieces, with the same
annotations at the same offsets as when parsed at once."""

from __future__ import annotations

import pytest

from storyline.model import Article, Source
from storyline.read import Reader, ReadOptions, pieces_of

PARAGRAPHS = [
    "Valdorian Foreign Minister Mireille Castanet arrived in Kirenvar on Tuesday, March 7, 2023.",
    '"We will keep every berth of this port open," Castanet told reporters at the harbour.',
    "The coast guard said that its crews had checked 212 vessels since January.",
    "Interior Minister Edda Sorel said the talks in Kirenvar would resume on Friday.",
    "Ostrelia said its patrols have seized about 1,200 tonnes of fuel, worth $3 million.",
]


@pytest.mark.parametrize(
    "text",
    ["", "short", "one two three. four five six. seven\n\neight nine\nten " * 40, "x" * 1000],
)
def test_pieces_join_back_to_the_text_and_keep_the_limit(text: str) -> None:
    pieces = pieces_of(text, 100)
    assert "".join(pieces) == text
    assert all(len(p) <= 100 for p in pieces)
    assert len(pieces) == 1 or all(p[-1] in "\n " or len(p) == 100 for p in pieces[:-1])


def _read(text: str, max_chars: int) -> Article:
    article = Article(id="a", content_hash="a", source=Source(path="t.txt"), raw=text,
                      format="text", text=text, published="2023-03-07", language="en")  # fmt: skip
    (done,) = Reader(ReadOptions(max_chars=max_chars)).pipe([article])
    return done


def test_a_long_text_read_in_pieces_equals_it_read_at_once() -> None:
    text = "\n\n".join(PARAGRAPHS * 6)
    one = _read(text, len(text))
    assert one.entities and one.quotes and one.timexes and one.claims
    cut = _read(text, 1000)
    assert len(pieces_of(text, 1000)) >= 3
    for field in ("entities", "quotes", "timexes", "claims"):
        assert getattr(cut, field) == getattr(one, field), field
    # a piece per paragraph: the model sees no context across a cut, so an entity at a
    # piece's start may be labelled differently; everything else is the same
    small = _read(text, 300)
    assert small.timexes == one.timexes

    def said(a: Article) -> list[tuple[object, ...]]:
        return [(q.text, q.start, q.kind, q.speaker) for q in a.quotes] + [
            (c.text, c.start, c.value, c.unit) for c in a.claims
        ]

    assert said(small) == said(one)

    def spans(a: Article) -> set[tuple[str, str, int]]:
        return {(m.text, m.label, m.start) for m in a.entities}

    assert len(spans(small) & spans(one)) >= 0.9 * len(spans(small) | spans(one))
    for m in small.entities:
        assert text[m.start : m.end] == m.text


def test_batches_hold_a_bounded_number_of_characters() -> None:
    from storyline.read import _batches

    texts = ["a" * 10, "b" * 60, "c" * 50, "d" * 200, "e", "f", "g"]
    groups = list(_batches(texts, ReadOptions(batch_size=2, batch_chars=100)))
    assert [t for g in groups for t in g] == texts  # every text once, in order
    assert [len(g) for g in groups] == [2, 1, 1, 2, 1]  # the 200 alone: one text at least


def test_a_language_is_read_as_far_as_lang_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """The readers come from ``storyline.lang``: a language that reads names only gets its
    entities and nothing else; one that reads nothing, or has no tables, is passed by."""
    from storyline import lang

    monkeypatch.setitem(lang.REGISTRY, "zy", "tests.lang.names_only")
    monkeypatch.setitem(lang.REGISTRY, "zw", "tests.lang.reads_nothing")
    text = "\n\n".join(PARAGRAPHS)
    articles = [
        Article(id=code, content_hash=code, source=Source(path="t.txt"), raw=text, format="text", text=text,
                published="2023-03-07", language=code)
        for code in ("zy", "zw", "de")
    ]  # fmt: skip
    names, nothing, german = Reader().pipe(articles)
    assert names.entities and names.timexes == names.quotes == names.claims == []
    assert not names.skipped
    assert nothing.skipped == {"read": "no reader for zw"} and german.skipped == {"read": "no reader for de"}
    assert nothing.entities == german.entities == []
