"""Pages that are not articles: front pages, error and maintenance pages, login walls; when in
doubt, an article."""

from __future__ import annotations

import pytest

from storyline.clean.not_articles import not_an_article

STORY = "The harbour authority of Port Selan said on Tuesday that the eastern quay would reopen. " * 3


@pytest.mark.parametrize(
    ("text", "title", "url", "why"),
    [
        (STORY, "Harbor Post", "https://harborpost.example/", "front page"),
        (STORY, None, "https://www.harborpost.example/index.html", "front page"),
        (STORY, None, "https://harborpost.example/en/", "front page"),
        ("Sorry, this page does not exist. Go back home.", "Page not found", None, "error"),
        ("Error 404 - the page was not found.", None, None, "error"),
        ("Modification de page en cours, revenez plus tard.", None, None, "maintenance"),
        ("Subscribe to continue reading this story and all our coverage.", "Quay", None, "wall"),
    ],
)
def test_what_is_not_an_article_and_why(text: str, title: str | None, url: str | None, why: str) -> None:
    reason = not_an_article(text, title, url)
    assert reason is not None and why in reason


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (STORY, "https://harborpost.example/2023/02/14/quay-to-reopen"),
        (STORY, "https://harborpost.example/?p=5031"),  # an article under the root, by its query
        ("The 404 error that took down the harbour's booking site was fixed, officials said. " * 20, None),
        (STORY + " Readers can subscribe to continue reading our coverage of the strike. " * 12, None),
    ],
)
def test_an_article_stays_an_article(text: str, url: str | None) -> None:
    assert not_an_article(text, "Quay to reopen", url) is None
