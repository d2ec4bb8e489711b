"""Outlet profiles: the bundled table holds every outlet the evaluation corpora and seeds
name, each row with its source and only known kinds; the user's table extends or replaces it,
and a malformed row is an error naming its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline import profiles
from storyline.profiles import ProfileError, merged, read_table
from storyline.sites import outlet_from_domain

HEADER = "name,aliases,country,languages,kinds,sites,source\n"


@pytest.fixture
def user_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Write the user's table; the profiles are read again with it, and again without it after."""
    path = tmp_path / "outlets.csv"

    def write(text: str) -> Path:
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv(profiles.ENV, str(path))
        profiles.profiles.cache_clear()
        return path

    yield write
    monkeypatch.delenv(profiles.ENV, raising=False)
    profiles.profiles.cache_clear()


def test_every_bundled_row_has_a_source_and_known_kinds() -> None:
    rows = profiles.bundled()
    assert len(rows) >= 40
    assert all(r["source"] and r["source"].startswith("https://") for r in rows)
    assert all(r["kinds"] and set(r["kinds"]) <= set(profiles.KINDS) for r in rows)
    sites = [s for r in rows for s in r["sites"]]
    assert len(sites) == len(set(sites))  # a site is one outlet's


def test_the_outlets_of_the_seeds_and_the_evaluation_corpora_have_profiles() -> None:
    seeds = ["Associated Press", "RT", "Republic World", "Asharq Al-Awsat", "The Independent"]
    newswcl50 = ["HuffPost", "HuffPost UK", "The New York Times", "USA Today", "Fox News", "Breitbart"]
    timeline17 = ["CNN", "The Washington Post", "BBC", "The Guardian", "Reuters"]
    wires = ["Agence France-Presse", "dpa", "United Press International", "Press Trust of India", "TASS"]
    for name in seeds + newswcl50 + timeline17 + wires:
        found = profiles.profile(name)
        assert found is not None and found["name"] == name, name
    assert profiles.profile("ap") == profiles.profile("Associated Press")  # an alias, any case
    assert profiles.profile("RT")["kinds"] == ["broadcaster", "state media"]  # type: ignore[index]
    assert profiles.profile("The Harbor Post") is None and profiles.profile(None) is None


def test_the_known_domains_are_the_profiles_sites() -> None:
    assert outlet_from_domain("https://www.breitbart.com/politics/x") == "Breitbart"
    assert outlet_from_domain("insider.foxnews.com") == "Fox News"  # a subdomain is the site


def test_a_user_table_adds_an_outlet_and_replaces_a_bundled_row(user_table) -> None:  # type: ignore[no-untyped-def]
    user_table(
        HEADER + "# our own sources\n"
        "The Harbor Post,Harbor Post,NZ,en,newspaper,harborpost.example,our notes\n"
        'Reuters,,GB,en,"wire;digital",,\n'
    )
    harbor = profiles.profile("harbor post")
    assert harbor is not None and harbor["country"] == "NZ" and harbor["table"] == "user"
    assert outlet_from_domain("https://news.harborpost.example/a") == "The Harbor Post"
    reuters = profiles.profile("Reuters")
    assert reuters is not None and reuters["kinds"] == ["wire", "digital"] and reuters["source"] is None
    assert outlet_from_domain("reuters.com") == "reuters.com"  # the row replaced, its sites with it
    assert profiles.profile("Associated Press") is not None  # the rest of the bundled table stays


@pytest.mark.parametrize(
    ("row", "says"),
    [
        ("The Harbor Post,,New Zealand,en,newspaper,,", "mine.csv:2: country 'New Zealand'"),
        ("The Harbor Post,,NZ,English,newspaper,,", "mine.csv:2: language 'English'"),
        ("The Harbor Post,,NZ,en,tabloid,,", "mine.csv:2: kind 'tabloid' is not one of wire"),
        ("The Harbor Post,,NZ,en,newspaper,https://harborpost.example/,", "mine.csv:2: site"),
        ("The Harbor Post,,NZ,en,newspaper,,notes, with a comma", "mine.csv:2: more cells than"),
        (",,NZ,en,newspaper,,", "mine.csv:2: no name"),
        ("The Harbor Post,,,,,,\nthe harbor post,,,,,,", "mine.csv:3: 'the harbor post' is in this"),
    ],
)
def test_a_malformed_row_is_an_error_naming_its_line(row: str, says: str) -> None:
    with pytest.raises(ProfileError, match=says):
        read_table(HEADER + row + "\n", "mine.csv")


def test_a_header_without_the_columns_is_an_error() -> None:
    with pytest.raises(ProfileError, match=r"mine\.csv:1: .*unknown: nation"):
        read_table("name,nation\nThe Harbor Post,NZ\n", "mine.csv")
    assert read_table("name\nThe Harbor Post\n", "mine.csv")[0]["kinds"] == []  # only a name: fine


def test_a_later_table_wins_a_site_and_a_name_wins_over_an_alias() -> None:
    first = read_table(HEADER + "Agence Nord,AN,,,wire,nord.example,\n", "a", "bundled")
    second = read_table(HEADER + "AN,,,,newspaper,nord.example,\n", "b")
    table = merged(first, second)
    assert table.by_site["nord.example"] == "AN"
    assert table.find("an") is not None and table.find("an")["kinds"] == ["newspaper"]  # type: ignore[index]
