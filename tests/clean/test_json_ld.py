"""JSON-LD read with a JSON parser: escaped quotes, graphs and lists, control characters in
strings; a document the parser refuses is searched with patterns, and never raises."""

from __future__ import annotations

from trafilatura.utils import load_html

from storyline.clean.html import page_metadata
from storyline.clean.json_ld import documents, publisher_names
from storyline.clean.markup_dates import markup_dates
from tests.conftest import agency_page


def _page(*scripts: str) -> str:
    tags = "".join(f'<script type="application/ld+json">{s}</script>' for s in scripts)
    return f"<html><head>{tags}</head><body><p>Some words of a page.</p></body></html>"


def test_an_escaped_quote_in_the_publisher_name_is_read_by_the_parser() -> None:
    tree = load_html(agency_page())
    assert publisher_names(tree) == ['Агентство "Полтава-Інфо"']
    assert page_metadata(tree)["outlet"] == 'Агентство "Полтава-Інфо"'


def test_publishers_in_a_graph_a_list_and_with_raw_control_characters() -> None:
    graph = '{"@graph": [{"@type": "WebSite"}, {"@type": "NewsArticle", "publisher": {"name": "Bay Times"}}]}'
    listed = '[{"publisher": [{"@type": "Organization", "name": "Coast\tRadio"}]}]'  # a raw tab
    assert publisher_names(load_html(_page(graph, listed))) == ["Bay Times", "Coast\tRadio"]


def test_a_document_the_parser_refuses_is_searched_with_patterns() -> None:
    broken = '{"publisher": {"name": "Агентство \\"Полтава-Інфо\\""}, "datePublished": "2024-05-12",'
    tree = load_html(_page(broken))
    assert [data for data, _ in documents(tree)] == [None]
    assert publisher_names(tree) == ['Агентство "Полтава-Інфо"']
    assert markup_dates(tree)[0] == ("json-ld datePublished", "2024-05-12")


def test_a_broken_escape_or_deep_nesting_yields_nothing_and_raises_nothing() -> None:
    bad_escape = '{"publisher": {"name": "Harbor \\u12 Post"}, "datePublished": "\\x"'
    deep = "[" * 100_000 + "]" * 100_000
    tree = load_html(_page(bad_escape, deep))
    assert publisher_names(tree) == [] and markup_dates(tree) == []
    assert "outlet" not in page_metadata(tree)
