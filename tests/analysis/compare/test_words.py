"""Their words: each outlet's words for an actor or act that the other outlets name otherwise,
weighed by the informative-prior log-odds; cited at their own spans with the others' words
beside them; copies and articles of unknown outlet never count as an outlet; a story's terms
over its events."""

from __future__ import annotations

import math

from storyline.analysis.compare.words import log_odds_z, outlet_terms, story_terms
from storyline.model import Article, Descriptor, Mention
from tests.records import article

KIM = "E1"


def _report(
    aid: str, outlet: str | None, words: list[tuple[str, str]], acts: tuple[str, ...] = ()
) -> Article:
    """An article naming one person (chain c1, entity E1) with ``words`` (lemma, relation) that
    describe him, and ``acts`` nouns, written out so every descriptor has its own span."""
    text, descriptors = "Arno Pell", []
    for lemma, relation in words:
        start = len(text) + 1
        text += f" {lemma}"
        descriptors.append(Descriptor(start, start + len(lemma), lemma, "NOUN", relation, "c1"))
    for lemma in acts:
        start = len(text) + 1
        text += f" {lemma}"
        descriptors.append(Descriptor(start, start + len(lemma), lemma, "NOUN", "act"))
    mention = Mention(0, 9, "Arno Pell", "PERSON", "c1", entity_id=KIM)
    return article(aid, text, outlet=outlet, entities=[mention], descriptors=descriptors)


def _arts() -> dict[str, Article]:
    leader = [("leader", "appositive"), ("leader", "appositive"), ("governor", "modifier")]
    return {
        "a": _report(
            "a", "Post", [("strongman", "modifier")] * 3 + [("leader", "appositive")], ("purge",) * 2
        ),
        "b": _report("b", "Times", leader, ("reform",) * 2),
        "c": _report("c", "Wire", leader, ("reform",)),
        "d": _report("d", "Wire", [("strongman", "modifier")] * 4),  # Wire's copy of Post
        "e": _report("e", None, [("tyrant", "modifier")] * 5),  # no known outlet
    }


def test_an_outlets_own_word_for_an_actor_is_cited_with_the_others_words() -> None:
    arts = _arts()
    terms = outlet_terms(list(arts), arts, copies={"d"})
    post = {t["term"]: t for t in terms["Post"]}
    assert "strongman" in post and "leader" not in post
    t = post["strongman"]
    assert t["refers_to"] == KIM and t["score"] > 0
    assert [arts["a"].text[c["start"] : c["end"]] for c in t["citations"]] == ["strongman"] * 3
    assert {c["article_id"] for c in t["citations"]} == {"a"}
    assert t["others"] == {"Times": ["leader", "governor"], "Wire": ["leader", "governor"]}


def test_acts_are_compared_apart_from_names() -> None:
    arts = _arts()
    purge = next(t for t in outlet_terms(list(arts), arts, set())["Post"] if t["term"] == "purge")
    assert purge["refers_to"] is None and purge["others"] == {"Times": ["reform"], "Wire": ["reform"]}


def test_copies_and_articles_of_no_outlet_never_count_as_an_outlet() -> None:
    arts = _arts()
    terms = outlet_terms(list(arts), arts, copies={"d"})
    assert set(terms) <= {"Post", "Times", "Wire"}
    assert all(
        "tyrant" not in t.get("others", {}).get(o, [])
        for ts in terms.values()
        for t in ts
        for o in t.get("others", {})
    )
    wire = [c for t in terms.get("Wire", []) for c in t["citations"]]
    assert all(c["article_id"] != "d" for c in wire)


def test_one_outlet_alone_or_the_same_words_everywhere_give_no_terms() -> None:
    arts = _arts()
    assert outlet_terms(["a"], arts, set()) == {}
    same = {k: _report(k, o, [("leader", "appositive")] * 2) for k, o in (("x", "Post"), ("y", "Times"))}
    assert outlet_terms(list(same), same, set()) == {}


def test_a_higher_bound_keeps_fewer_and_terms_are_ranked() -> None:
    arts = _arts()
    loose = outlet_terms(list(arts), arts, {"d"}, bound=0.0)
    strict = outlet_terms(list(arts), arts, {"d"}, bound=5.0)
    assert sum(map(len, strict.values())) < sum(map(len, loose.values()))
    scores = [t["score"] for t in loose["Post"]]
    assert scores == sorted(scores, reverse=True)


def test_log_odds_grows_with_use_and_one_rare_use_is_not_distinctive_alone() -> None:
    assert log_odds_z(3, 10, 0, 40, 0.1, 100) > log_odds_z(1, 10, 0, 40, 0.1, 100) > 0
    assert log_odds_z(1, 10, 0, 40, 0.01, 100) < 1.0
    assert log_odds_z(0, 10, 3, 40, 0.1, 100) < 0
    assert math.isclose(log_odds_z(2, 20, 2, 20, 0.5, 100), 0.0, abs_tol=1e-9)


def test_a_story_compares_names_over_its_events_and_acts_per_event() -> None:
    arts = _arts()
    terms = story_terms({"V1": ["a", "b"], "V2": ["c"]}, arts, set())
    post = {t["term"]: t for t in terms["Post"]}
    assert post["strongman"]["others"] == {"Times": ["leader", "governor"], "Wire": ["leader", "governor"]}
    assert post["purge"]["event_id"] == "V1" and post["purge"]["others"] == {"Times": ["reform"]}
