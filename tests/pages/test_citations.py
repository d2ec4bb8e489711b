"""Citations name their article (outlet · day · headline), collapse repeats, and count known
outlets and articles of unknown outlet apart."""

from __future__ import annotations

from storyline.pages.citations import cites, short, source_label, support_counts

ARTICLES = {
    "a": {"outlet": "The Harbor Post", "published": "2023-02-14T08:00:00", "headline": "Quay to reopen"},
    "b": {
        "outlet": None,
        "published": None,
        "headline": None,
        "lede": "The harbour master said on Monday that",
    },
    "c": {"outlet": "The Harbor Post", "published": "2023-02-15", "headline": "x " * 60},
}


def test_labels_never_show_an_id() -> None:
    assert source_label(ARTICLES["a"]) == "The Harbor Post · 2023-02-14 · Quay to reopen"
    assert source_label(ARTICLES["b"]).startswith("unknown outlet · undated · The harbour master")
    assert source_label(ARTICLES["c"]).endswith("…") and len(source_label(ARTICLES["c"])) < 110
    assert source_label(None) == "unknown outlet · undated · untitled article"


def test_repeats_collapse_and_sources_count_apart() -> None:
    got = cites([{"article_id": i, "start": 0, "end": 1} for i in "abab"], ARTICLES)
    assert [(c["article_id"], c["spans"]) for c in got] == [("a", 2), ("b", 2)]
    assert support_counts(["a", "b", "c"], ARTICLES) == {"known_outlets": 1, "unknown_articles": 1}


def test_a_long_text_is_cut_at_a_word_with_an_ellipsis() -> None:
    """One cut for every page and the CLI's quotes and diffs: never mid-word, never silent."""
    text = "Officials said the talks were close to Russia's position on the corridor and its ports"
    assert short(text, 40) == "Officials said the talks were close to…"
    assert short(text, 200) == text and short("a  b\n c", 10) == "a b c"
    assert short("x" * 50, 10) == "x" * 10 + "…"  # one word longer than the limit: cut, said
