"""The words that describe each mention and name acts: a description in the name's phrase, the
noun a name modifies, an appositive, a copula's noun, the verb of a subject or agent, and acts;
never stop words or punctuation; the read stage keeps them on the article."""

from __future__ import annotations

import pytest

from storyline.model import Article, Descriptor, Source
from storyline.read import Reader
from storyline.read.descriptors import DescriptorFinder, verb_lemmas
from storyline.read.entities import EntityFinder

TEXT = (
    "The fiery senator Ilse Varga denounced the blockade on Tuesday. "
    "Ilse Varga, the veteran harbour chief, praised the ferry crews. "
    "Ostrelia's seizure of the tanker angered Valdoria. "
    "Varga is a stubborn negotiator. The port was closed by Ilse Varga."
)


@pytest.fixture(scope="module")
def read() -> tuple[list[Descriptor], dict[str, str]]:
    from storyline.read.nlp import load_nlp

    nlp = load_nlp()
    doc = nlp(TEXT)
    mentions = EntityFinder()(doc)
    names = {m.chain or "": m.text for m in mentions if m.text in ("Ilse Varga", "Ostrelia", "Valdoria")}
    return DescriptorFinder()(doc, mentions, verb_lemmas(nlp)), names


def _words(found: list[Descriptor], names: dict[str, str], name: str, relation: str) -> set[str]:
    return {d.lemma for d in found if names.get(d.chain or "") == name and d.relation == relation}


def test_words_of_the_names_phrase_and_the_appositive(read) -> None:  # type: ignore[no-untyped-def]
    found, names = read
    assert {"fiery", "senator"} <= _words(found, names, "Ilse Varga", "modifier")
    described = _words(found, names, "Ilse Varga", "appositive")
    assert {"harbour", "chief", "veteran", "stubborn", "negotiator"} <= described
    assert "the" not in described and "," not in described


def test_the_noun_a_name_modifies_and_the_verbs_it_is_subject_or_agent_of(read) -> None:  # type: ignore[no-untyped-def]
    found, names = read
    assert "seizure" in _words(found, names, "Ostrelia", "head")
    assert "tanker" not in _words(found, names, "Ostrelia", "head")  # another thing, not a description
    assert {"denounce", "praise", "close"} <= _words(found, names, "Ilse Varga", "verb")
    assert "anger" in _words(found, names, "Valdoria", "verb")


def test_acts_are_verbs_and_nouns_of_acts_with_no_chain(read) -> None:  # type: ignore[no-untyped-def]
    found, _ = read
    acts = {d.lemma for d in found if d.relation == "act"}
    assert {"denounce", "blockade", "seizure", "praise", "close"} <= acts
    assert all(d.chain is None for d in found if d.relation == "act")
    assert "tuesday" not in acts and "negotiator" not in acts
    for d in found:
        assert TEXT[d.start : d.end].lower().startswith(d.lemma[:3])


def test_the_read_stage_keeps_them_on_the_article() -> None:
    art = Article(id="a", source=Source(), raw=TEXT, text=TEXT, language="en", published="2023-03-07")
    got = Reader()(art).descriptors
    assert any(d.lemma == "denounce" and d.relation == "verb" for d in got)
    chains = {m.chain for m in art.entities}
    assert all(d.chain in chains for d in got if d.chain is not None)
