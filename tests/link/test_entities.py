"""Corpus entity resolution over hand-built article chains."""

from __future__ import annotations

from typing import Any

from storyline.link.entities import EntityResolver, normalise


def article(rowid: int, *mentions: tuple[str, str, str]) -> dict[str, Any]:
    """An article as linking reads it: mentions as (text, label, chain)."""
    return {
        "rowid": rowid,
        "id": f"a{rowid}",
        "entities": [{"text": t, "label": lab, "chain": c} for t, lab, c in mentions],
    }


ARTICLES = [
    article(1, ("Vladimir Putin", "PERSON", "c1"), ("Putin", "PERSON", "c1"), ("Kyiv", "GPE", "c2"),
            ("NATO", "ORG", "c3"), ("Anna Smith", "PERSON", "c4")),
    article(2, ("Vladamir Putin", "PERSON", "c1"), ("Kiev", "GPE", "c2"),
            ("North Atlantic Treaty Organization", "ORG", "c3"), ("John Smith", "PERSON", "c4")),
    article(3, ("Putin", "PERSON", "c1"), ("Smith", "PERSON", "c2"), ("L avrov", "PERSON", "c3")),
    article(4, ("Sergey Lavrov", "PERSON", "c1"), ("Volodymyr Zelenskyy", "PERSON", "c2")),
    article(5, ("Zelensky", "PERSON", "c1"), ("U.S.", "GPE", "c2"), ("US", "GPE", "c3")),
]  # fmt: skip


def resolve(articles: list[dict[str, Any]], previous: dict[tuple[int, str], str] | None = None):  # type: ignore[no-untyped-def]
    resolver = EntityResolver()
    return resolver.resolve(resolver.chains(articles), previous)


def test_spellings_variants_acronyms_and_split_tokens_join() -> None:
    entities, chains = resolve(ARTICLES)
    by_name = {e["name"]: e for e in entities}
    putin = by_name["Vladimir Putin"]
    assert set(putin["aliases"]) == {"Vladimir Putin", "Vladamir Putin", "Putin"}
    assert putin["articles"] == 3
    assert chains[(1, "c1")] == chains[(2, "c1")] == chains[(3, "c1")]
    assert chains[(1, "c2")] == chains[(2, "c2")]  # Kyiv / Kiev (GeoNames variant)
    assert by_name["Kyiv"]["label"] == "GPE"
    assert chains[(1, "c3")] == chains[(2, "c3")]  # NATO = North Atlantic Treaty Organization
    assert chains[(3, "c3")] == chains[(4, "c1")]  # "L avrov" = Sergey Lavrov
    assert chains[(4, "c2")] == chains[(5, "c1")]  # Zelenskyy / Zelensky
    assert chains[(5, "c2")] == chains[(5, "c3")]  # U.S. / US
    for e in entities:  # every alias has its evidence
        assert {ev["alias"] for ev in e["evidence"]} == set(e["aliases"])


def test_people_who_share_a_surname_stay_apart() -> None:
    _, chains = resolve(ARTICLES)
    anna, john, bare = chains[(1, "c4")], chains[(2, "c4")], chains[(3, "c2")]
    assert len({anna, john, bare}) == 3  # a bare "Smith" is not guessed


def test_ids_are_stable_across_runs_and_new_articles() -> None:
    _entities, chains = resolve(ARTICLES)
    _again, chains_again = resolve(ARTICLES, chains)
    assert chains_again == chains
    more = [*ARTICLES, article(6, ("Vladimir Putin", "PERSON", "c1"), ("Ada Lind", "PERSON", "c2"))]
    _, grown = resolve(more, chains)
    assert all(grown[k] == v for k, v in chains.items())
    assert grown[(6, "c1")] == chains[(1, "c1")]
    assert grown[(6, "c2")] not in set(chains.values())


def test_normalise() -> None:
    assert normalise("President Vladimir Putin's") == "vladimir putin"
    assert normalise("U.S.") == "us"
    assert normalise("the Kremlin") == "kremlin"


def test_misspelt_places_join_but_similar_countries_do_not() -> None:
    arts = [
        article(1, ("Kirenvar", "GPE", "c1"), ("Austria", "GPE", "c2"), ("Iran", "GPE", "c3")),
        article(2, ("Kyrenvar", "GPE", "c1"), ("Australia", "GPE", "c2"), ("Iraq", "GPE", "c3")),
    ]
    _, chains = resolve(arts)
    assert chains[(1, "c1")] == chains[(2, "c1")]
    assert chains[(1, "c2")] != chains[(2, "c2")] and chains[(1, "c3")] != chains[(2, "c3")]
