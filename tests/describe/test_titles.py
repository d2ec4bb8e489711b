"""Headlines without the site's parts: its name, its domain, a date segment."""

from __future__ import annotations

import pytest

from storyline.describe.titles import strip_site


@pytest.mark.parametrize(
    ("title", "url", "names", "headline"),
    [
        ("Quay to reopen | The Harbor Post", "https://harborpost.example/a", ["The Harbor Post"],
         "Quay to reopen"),
        ("Quay to reopen - Harbor Post", "https://www.harborpost.example/a", [], "Quay to reopen"),
        ("HARBORPOST | Quay to reopen", "https://harborpost.example/a", [], "Quay to reopen"),
        ("Quay to reopen | HP | 19.01.2020", "https://hp.example/a", [], "Quay to reopen"),
        ("Quay to reopen • harborpost.example", None, [], "Quay to reopen"),
        ("Quay to reopen -- Harbor Post Online", None, ["Harbor Post"], "Quay to reopen"),
        # a segment that names nothing known stays: better a long headline than a cut one
        ("Strike ends - ships sail again", "https://harborpost.example/a", ["The Harbor Post"],
         "Strike ends - ships sail again"),
        ("The Harbor Post", "https://harborpost.example/", ["The Harbor Post"], "The Harbor Post"),
    ],
)  # fmt: skip
def test_site_parts_and_dates_are_cut(title: str, url: str | None, names: list[str], headline: str) -> None:
    assert strip_site(title, url, names) == headline


def test_the_address_a_page_states_for_itself_names_its_site_too() -> None:
    """Fetched from elsewhere (a proxy, a mirror, a test server), a page's own og:url still
    says which site a title segment names."""
    title = "Quay to reopen | HP"
    assert strip_site(title, "http://127.0.0.1:8080/p/1.html", []) == title
    assert (
        strip_site(title, "http://127.0.0.1:8080/p/1.html", [], "https://www.hp.example/a")
        == "Quay to reopen"
    )


def test_a_relative_address_names_no_site() -> None:
    """An og:url may be a bare path; its words are the article's, not a site's name."""
    title = "Harbour Blend - Dark Roast, 250 g"
    page_url = "/content/shop-en/coffee/ground/harbour-blend-250-g"
    assert strip_site(title, "https://shop.example/harbour-blend", [], page_url) == title
    assert strip_site("Harbour Blend | shop.example", None, [], "shop.example") == "Harbour Blend"
