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


def test_a_headline_is_never_cut_inside_an_abbreviation() -> None:
    """Title case puts a capital after every initialism: running text's sentence end there
    ("in the U.S. The ...") is none in a headline."""
    for headline in (
        "N.A.A.C.P. Votes to Back the Harbour Workers",
        "Texas Rep. Okafor Files a Bill on Ferry Fares",
        "I.R.S. Audits Port Selan Charities, Report Says",
        "Minister: Direct U.S. Talks Would Not Help the Quay",
    ):
        assert representative_title([_art("a", headline)]) == headline
        assert representative_title([_art("a", headline), _art("b", headline)]) == headline


def test_a_caption_or_byline_glued_to_a_headline_is_left_out() -> None:
    glued = "Port Selan quay reopens after strike. A crane unloads a ship on Monday (Photo: Harbour Office)"
    assert representative_title([_art("a", glued)]) == "Port Selan quay reopens after strike."
    byline = "Port Selan quay reopens after strike By Anna Petrov, Harbour Gazette"
    assert representative_title([_art("a", byline)]) == "Port Selan quay reopens after strike"
    # "By" in a headline's words is no byline
    assert (
        representative_title([_art("a", "Quay Worker Hurt By Falling Crane")])
        == "Quay Worker Hurt By Falling Crane"
    )
