"""The quote board: versions of one quotation across outlets, grouped as the pairwise rule says."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from storyline.analysis.quote_board import _Quoted, quote_board
from storyline.model import Quote, Story
from tests.records import article


def quote(text: str, kind: str = "direct", speaker: str = "E1") -> Quote:
    return Quote(0, len(text), text, kind, speaker_resolved="Mira Lund", speaker_entity_id=speaker)


def story_of(ids: list[str]) -> Story:
    return Story(
        id="S1", title="", event_ids=[], article_ids=ids, first_date=None, last_date=None, outlets=[]
    )


ARTICLES = {
    "a": article("a", outlet="Wire", published="2023-03-01", quotes=[
        quote("We will keep every berth of this port open to every ship")]),
    "b": article("b", outlet="Post", published="2023-03-02", quotes=[
        quote("We will keep every berth of this port open to every ship.")]),
    "c": article("c", outlet="Courier", published="2023-03-02", quotes=[
        quote("We will keep every single berth open, whatever happens")]),
    "d": article("d", outlet="Gazette", published="2023-03-03", quotes=[
        quote("that the port would keep every single berth open", kind="indirect")]),
    "e": article("e", outlet="Herald", published="2023-03-03", quotes=[
        quote("The weather will be fine for the regatta tomorrow", speaker="E9")]),
}  # fmt: skip


def test_quote_board_groups_versions_across_outlets() -> None:
    story = story_of(list(ARTICLES))
    (group,) = quote_board(story, ARTICLES, copies=set())
    kinds = {v["article_id"]: v["kind"] for v in group["versions"]}
    assert kinds == {
        "a": "quotation",
        "b": "verbatim",
        "c": "paraphrase presented as a quote",
        "d": "reported speech",
    }
    assert group["first_article_id"] == "a" and group["outlets"] == 4


def test_copies_do_not_count_as_another_outlet() -> None:
    assert quote_board(story_of(["a", "b"]), ARTICLES, copies={"b"}) == []


def test_reported_speech_alone_makes_no_board() -> None:
    reported = {
        k: replace(a, quotes=[replace(q, kind="indirect") for q in a.quotes]) for k, a in ARTICLES.items()
    }
    assert quote_board(story_of(list(reported)), reported, copies=set()) == []


def _pairwise_board(quotes: list[dict[str, Any]]) -> list[list[int]]:
    """The grouping rule spelled out pair by pair (slow, obviously right): a quotation joins
    the first group holding a version of it (printed within 14 days, unless undated, and
    token-set ≥ 80 or the same speaker sharing a run of four words)."""
    from rapidfuzz import fuzz

    def run(a: str, b: str) -> int:  # longest run of words the two share
        x, y = a.split(), b.split()
        best = 0
        for i in range(len(x)):
            for j in range(len(y)):
                k = 0
                while i + k < len(x) and j + k < len(y) and x[i + k] == y[j + k]:
                    k += 1
                best = max(best, k)
        return best

    def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
        if a["aid"] == b["aid"]:
            return False
        if a["day"] is not None and b["day"] is not None and abs(a["day"] - b["day"]) > 14:
            return False
        if fuzz.token_set_ratio(a["norm"], b["norm"]) >= 80:
            return True
        return bool(a["who"]) and a["who"] == b["who"] and run(a["norm"], b["norm"]) >= 4

    groups: list[list[int]] = []
    for i, q in enumerate(quotes):
        for group in groups:
            if any(same(q, quotes[j]) for j in group):
                group.append(i)
                break
        else:
            groups.append([i])
    return groups


def test_quote_groups_equal_the_pairwise_rule() -> None:
    """The indexed grouping (cdist + 4-gram index) gives the groups of the pair-by-pair rule
    on a few hundred made-up quotations with shared runs, reorderings and other speakers."""
    import random

    from storyline.analysis.quote_board import _group

    rng = random.Random(5)
    words = [f"w{k}" for k in range(60)]
    seeds = [rng.sample(words, rng.randint(5, 12)) for _ in range(25)]
    quotes = []
    for n in range(300):
        base = list(rng.choice(seeds))
        if rng.random() < 0.4:
            rng.shuffle(base)
        if rng.random() < 0.5:
            base = base[: rng.randint(4, len(base))] + rng.sample(words, rng.randint(0, 6))
        quotes.append({"aid": f"a{n // 3}", "article_id": f"a{n // 3}", "norm": " ".join(base),
                       "who": rng.choice(["E1", "E2", None]), "speaker_entity_id": None})  # fmt: skip
        quotes[-1]["speaker_entity_id"] = quotes[-1]["who"]
        day = None if rng.random() < 0.1 else rng.randrange(90)  # some undated
        quotes[-1]["day"] = day
        when = None if day is None else date(2023, 1, 1) + timedelta(days=day)
        quotes[-1]["published"] = when.isoformat() if when else None
    expected = _pairwise_board(quotes)
    quoted = [
        _Quoted(
            q["article_id"],
            None,
            q["published"],
            q["norm"],
            0,
            0,
            None,
            q["speaker_entity_id"],
            q["norm"],
            True,
        )
        for q in quotes
    ]
    groups = _group(quoted, rows=37)
    assert groups == expected
    assert 5 < len(groups) < 250
