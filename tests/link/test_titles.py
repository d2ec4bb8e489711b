"""An event's title: the headline its articles' headlines share most words with, or a first
sentence cut at a word, never mid-word."""

from __future__ import annotations

from storyline.link.titles import cut_title, lede, representative_title
from storyline.model import Article
from tests.records import article


def _art(aid: str, headline: str | None, text: str = "", published: str = "2023-01-01") -> Article:
    return article(aid, text, headline=headline, published=published)


def test_the_most_central_headline_not_the_earliest() -> None:
    arts = [
        _art("a", "Live: all the latest", published="2023-01-01"),
        _art("b", "Quay at Port Selan reopens after strike", published="2023-01-02"),
        _art("c", "Port Selan quay reopens as strike ends", published="2023-01-03"),
        _art("d", "Strike over: Port Selan quay reopens", published="2023-01-04"),
    ]
    assert "Port Selan" in representative_title(arts) and "quay" in representative_title(arts).lower()


def test_without_headlines_the_first_sentence_cut_at_a_word() -> None:
    text = "The harbour authority of Port Selan said on Tuesday that the eastern quay would reopen " * 3
    title = representative_title([_art("a", None, text + ". Second sentence.")])
    assert title.endswith("…") and len(title) <= 112 and not title[:-1].endswith(" ")
    assert text.startswith(title[:-1])  # a prefix of whole words
    assert cut_title("Short one. And another.") == "Short one."
    assert lede([_art("a", "H", "First sentence here. Then more.")]) == "First sentence here."
