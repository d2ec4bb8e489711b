"""The date lines a page shows under its headline: lines, not sentences, never a change date."""

from __future__ import annotations

from trafilatura.utils import load_html

from storyline.clean.header_dates import header_dates


def _shown(body: str) -> list[str]:
    return header_dates(load_html(f"<html><body>{body}</body></html>"))


def test_the_byline_and_date_under_the_headline_in_page_order() -> None:
    body = (
        "<nav><span>12.12.2012</span></nav><h1>Council <em>votes</em> 03.03.2003</h1>"
        "<div class='meta'><span>Von A. Schreiber</span> <time>29.04.2020, 12:01 Uhr</time></div>"
        "<p>Le 19 février 2020</p>"
    )
    # before the headline and inside it are not its date line
    assert _shown(body) == ["29.04.2020", "19 février 2020"]


def test_sentences_and_change_dates_are_not_date_lines() -> None:
    body = (
        "<h1>Fair opens</h1><p>Updated May 6, 2019</p><p>Aktualisiert am 21.01.2022</p>"
        "<p>The fair, which opened on 18 October 2021 at the mountain, drew crowds all week.</p>"
        "<p>Posted March 3rd, 2021</p>"
    )
    assert _shown(body) == ["March 3rd, 2021"]


def test_only_the_header_window_and_visible_text_count() -> None:
    prose = "<p>" + "A long paragraph of the article's own text goes on here. " * 8 + "</p>"
    body = "<h1>Headline</h1><script>var d = '2020-01-01';</script>" + prose + "<p>2021-02-02</p>"
    assert _shown(body) == []
    assert _shown("<p>2021-02-02</p>") == []  # no headline: no header to read
    assert _shown("<h1>Headline</h1><script>x()</script>Stand: 28.04.2020") == ["28.04.2020"]


def test_the_headline_is_the_h1_holding_the_title_not_the_sites_logo() -> None:
    page = (
        "<html><head><title>Council votes on the budget - Example Times</title></head><body>"
        "<h1>Example Times</h1><nav>Today 26.02.2020</nav>"
        "<article><h1>Council votes on the budget</h1><p>By A. Writer</p><p>01.05.2017</p></article>"
        "</body></html>"
    )
    assert header_dates(load_html(page)) == ["01.05.2017"]
