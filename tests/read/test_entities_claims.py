"""Entities within an article (chains, roles, mislabels) and numeric claims with their sources."""

from __future__ import annotations

import pytest

from storyline.read.claims import ClaimFinder, parse_number
from storyline.read.entities import EntityFinder
from storyline.read.quotes import QuoteExtractor


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from storyline.read.nlp import load_nlp

    return load_nlp()


TEXT = (
    "Valdorian Foreign Minister Mireille Castanet arrived in Kirenvar on Tuesday. "
    "Castanet met Interior Minister Edda Sorel at the harbour. She said the talks were useful.\n\n"
    "The coast guard said that its crews had checked 212 vessels since January. "
    "Ostrelia said that its patrols have seized about 1,200 tonnes of fuel, worth more than $ 3 million."
)


def test_chains_and_roles(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions = EntityFinder()(nlp(TEXT))
    people = [m for m in mentions if m.label == "PERSON"]
    chains = {m.text: m.chain for m in people}
    assert chains["Mireille Castanet"] == chains["Castanet"]
    assert chains["Mireille Castanet"] != chains["Edda Sorel"]
    roles = {m.text: m.role for m in people if m.role}
    assert roles["Mireille Castanet"].endswith("Foreign Minister")
    assert roles["Edda Sorel"] == "Interior Minister"
    for m in mentions:
        assert TEXT[m.start : m.end] == m.text


def test_claims_with_qualifiers_units_and_sources(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    claims = {c.number: c for c in ClaimFinder()(doc, QuoteExtractor()(doc))}
    fuel = next(c for t, c in claims.items() if "1,200" in t)
    assert (fuel.value, fuel.qualifier) == (1200, "about") and "tonnes" in fuel.unit
    assert fuel.source == "Ostrelia"
    money = next(c for t, c in claims.items() if "3 million" in t)
    assert money.value == 3_000_000 and money.currency == "USD"


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("12,000", 12000, None),
        ("about 100,000", 100000, "about"),
        ("more than 2 million", 2_000_000, "more than"),
        ("over 500", 500, "over"),
        ("$ 200 million", 200_000_000, None),
        ("three", 3, None),
        ("$ 20bn", 20_000_000_000, None),  # a money scale written on the number
        ("£ 207m", 207_000_000, None),
        ("$ 3,5 bn", 3_500_000_000, None),  # a decimal comma, not a thousands separator
        ("5m", 5, None),  # after a number that is no money, "m" is metres
        ("1,200,000", 1_200_000, None),
        ("$ 20-billion", 20_000_000_000, None),  # the scale hyphenated to the number
        ("a 7-m wall", None, None),  # no number first: nothing read
    ],
)
def test_parse_number(text: str, value: float, qualifier: str | None) -> None:
    assert parse_number(text)[:2] == (value, qualifier)


def test_mislabels_corrected_from_context(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Foreign Minister Arvids Kalnins met the envoy in Vilnius on Monday. "
        "Kalnins said military aid to Kyiv would continue, and that Kyiv's allies agreed. "
        "The talks in Quito ended without a deal, Secretary of State Maren Holt said."
    )
    labels = {(m.text, m.label) for m in EntityFinder()(nlp(text))}
    assert ("Arvids Kalnins", "PERSON") in labels and ("Kalnins", "PERSON") in labels
    assert ("Kyiv", "GPE") in labels and ("Kyiv", "PERSON") not in labels
    assert ("Vilnius", "GPE") in labels and ("Quito", "GPE") in labels
    assert not any(t == "State" for t, _ in labels)
    assert ("Maren Holt", "PERSON") in labels


def test_levels_rates_and_quantities(nlp) -> None:  # type: ignore[no-untyped-def]
    from storyline.read.claims import quantity_of

    doc = nlp(
        "The death toll from the flood rose to 58 on Friday. "
        "The guild said the tariff would cost members more than 40 million crowns a year. "
        "At least 12 people were killed and 30 injured."
    )
    claims = {c.number: c for c in ClaimFinder()(doc, QuoteExtractor()(doc))}
    toll = next(c for t, c in claims.items() if t == "58")
    assert toll.unit == "death toll" and quantity_of(toll.unit) == "deaths"
    cost = next(c for t, c in claims.items() if "40 million" in t)
    assert cost.unit == "crowns a year" and cost.qualifier == "more than"
    killed = next(c for t, c in claims.items() if "12" in t)
    assert quantity_of(killed.unit) == "deaths" and killed.text.startswith("At least")


def test_speaker_name_in_apposition(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        '"The figures speak for themselves," said Ona Pell, an analyst at Harbour Bank. '
        "The head of the chamber, Rolf Dahl, said that small firms would pay."
    )
    quotes = QuoteExtractor()(doc)
    assert [q.resolved_from for q in quotes] == ["Ona Pell", "Rolf Dahl"]


def test_people_of_one_surname_stay_apart_unless_their_given_names_agree(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Junmyung Varga and Han Varga opened the bakery in Kirenvar last spring. "
        "Tomas Varga, who is not related to them, runs the mill across the street. "
        "Varga said the harvest was poor.\n\n"
        "Prime Minister Edvard Solheim arrived in Kirenvar on Monday. "
        "Edvrad Solheim said the talks were useful. Solheim left on Tuesday."
    )
    chains: dict[str, set[str]] = {}
    for m in EntityFinder()(nlp(text)):
        if m.label == "PERSON" and m.chain:
            chains.setdefault(m.text.removesuffix("'s"), set()).add(m.chain)
    one = {name: next(iter(c)) for name, c in chains.items()}
    people = [one[n] for n in ("Junmyung Varga", "Han Varga", "Tomas Varga") if n in one]
    assert len(people) == len(set(people)) >= 2  # three people, however many the model finds
    assert one.get("Varga") not in people  # a surname three people bear is none of theirs
    # a misspelt given name of the one person of that surname is that person
    assert one["Edvard Solheim"] == one["Edvrad Solheim"] == one["Solheim"]


def test_the_people_of_one_surname() -> None:
    from storyline.read.entities import same_people

    canonical, owner = same_people({"james lee", "junmyung lee", "j lee", "anna lind"})
    assert len({canonical["james lee"], canonical["junmyung lee"], canonical["j lee"]}) == 3
    assert "lee" not in owner and owner["lind"] == "anna lind"
