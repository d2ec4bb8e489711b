"""Publication dates a page states in its markup, most trusted first, never a modification."""

from __future__ import annotations

from trafilatura.utils import load_html

from storyline.clean.markup_dates import markup_dates


def _dates(head: str, body: str = "") -> list[tuple[str, str]]:
    tree = load_html(f"<html><head>{head}</head><body>{body}<p>Text of the article.</p></body></html>")
    return markup_dates(tree)


def test_json_ld_of_the_article_first_even_nested_in_a_graph() -> None:
    ld = (
        '<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "dateCreated": "2001-01-01"},'
        ' {"@type": "NewsArticle", "datePublished": "2022-03-08T09:00:00+02:00",'
        ' "dateModified": "2022-03-09"}]}</script>'
    )
    found = _dates(ld + '<meta property="article:published_time" content="2022-03-07">')
    assert found[0] == ("json-ld datePublished", "2022-03-08T09:00:00+02:00")
    assert ("meta article.published_time", "2022-03-07") in found
    assert all("2022-03-09" not in value for _, value in found)  # the modification is never taken


def test_meta_keys_in_order_of_trust_modified_and_expiry_ignored() -> None:
    head = (
        '<meta name="date" content="2020-01-05"><meta property="article:modified_time" content="2021-01-01">'
        '<meta name="DC.date.issued" content="2020-01-04">'
        '<meta name="article:expiration_time" content="2030-01-01">'
        '<meta property="og:article:published_time" content="2020-01-03">'
    )
    assert [w for w, _ in _dates(head)] == [
        "meta og.article.published_time",
        "meta dc.date.issued",
        "meta date",
    ]


def test_marked_elements_then_a_time_in_the_post_meta_then_the_first_time() -> None:
    body = (
        '<aside><time datetime="2019-01-01">related</time></aside>'
        '<div class="entry-meta"><time datetime="2020-05-05T10:00">5 May</time></div>'
        '<span itemprop="datePublished" content="2020-05-04">4 May 2020</span>'
    )
    assert _dates("", body) == [
        ("itemprop datePublished", "2020-05-04"),
        ("time in the post's meta line", "2020-05-05T10:00"),
        ("first time element", "2019-01-01"),
    ]
