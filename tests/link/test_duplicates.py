"""Wire copies and near-duplicates."""

from __future__ import annotations

from storyline.link.duplicates import find_duplicates, word_diff
from tests.records import article

WIRE = (
    "The harbour authority of Port Selan said on Monday that the northern quay would reopen "
    "in April after repairs to the storm wall, which was breached in January. Ships have "
    "been unloading at the southern berths since then, and queues of trucks have formed "
    "along the coast road every morning. The authority expects traffic to return to normal "
    "within two weeks of the reopening, its director told reporters at the quay."
)
COPY = WIRE.replace("every morning", "most mornings") + " Additional reporting by staff."
OTHER = (
    "Valdoria's central bank left its main rate unchanged on Thursday, saying inflation had "
    "slowed for a third month and that the crown had steadied against the euro since March."
)


def test_copy_points_at_the_credited_original_with_its_edits() -> None:
    arts = [
        article("copy", COPY, published="2023-03-01", outlet="Harbor Post", credits=["Meridian Wire"]),
        article("wire", WIRE, published="2023-03-01", outlet="Meridian Wire", credits=[]),
        article("other", OTHER, published="2023-03-01", outlet="Harbor Post", credits=[]),
    ]
    (dup,) = find_duplicates(arts)
    assert (dup.article_id, dup.duplicate_of, dup.kind) == ("copy", "wire", "wire copy")
    assert 0.5 <= dup.similarity < 1.0
    assert {"op": "replace", "original": "every morning.", "copy": "most mornings."} in dup.diff


def test_no_duplicates_among_different_articles() -> None:
    arts = [article("a", WIRE), article("b", OTHER)]
    assert find_duplicates(arts) == []


def test_word_diff() -> None:
    assert word_diff("a b c", "a x c") == [{"op": "replace", "original": "b", "copy": "x"}]
