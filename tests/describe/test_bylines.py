"""Bylines that are names, and outlets that are names: no URLs, handles, placeholders, labels,
copyright lines, dates, companies or taglines."""

from __future__ import annotations

import pytest

from storyline.describe.bylines import clean_byline
from storyline.describe.outlets import site_name


@pytest.mark.parametrize(
    ("value", "byline"),
    [
        ("By Anna Petrov and John Smith", "Anna Petrov, John Smith"),
        ("Ilse Varga, Tomas Brandt", "Ilse Varga, Tomas Brandt"),
        ("https://www.facebook.com/some.profile", None),
        ("Autor john", None),
        ("No Author", None),
        ("@HarborPost", None),
        ("Harbor Post Media GmbH", None),
        ("Copyright 2020 The Harbor Post", None),
        ("Anna Petrov Updated: January 16, 2020", "Anna Petrov"),
        ("Anna Petrov (www.harborpost.example)", "Anna Petrov"),
        ("View all posts by Anna Petrov", "Anna Petrov"),
        ("Anna Petrov, Staff Writer", "Anna Petrov"),
        ("Anna Petrov Correspondent", "Anna Petrov"),
        ("Roving Reporter", "Roving Reporter"),
        ("Ilse Varga im Gespräch mit Tomas Brandt", "Ilse Varga, Tomas Brandt"),
        # a personal blog's author is often the site's name: kept, it is the author
        ("Anna Petrov", "Anna Petrov"),
    ],
)
def test_only_names_are_kept(value: str, byline: str | None) -> None:
    assert clean_byline(value) == byline


@pytest.mark.parametrize(
    ("value", "url", "name"),
    [
        ("The Harbor Post", "https://harborpost.example/a", "The Harbor Post"),
        ("@harborpost", "https://harborpost.example/a", None),
        ("News about ports, ferries and the sea | HARBORPOST", "https://harborpost.example/a", "HARBORPOST"),
        ("A blog about ferries, far countries and the third age of life", None, None),
        ("★★★★☆ - Harbor Post", None, None),
    ],
)
def test_a_site_name_is_a_name(value: str, url: str | None, name: str | None) -> None:
    assert site_name(value, url) == name
