"""The span index that keeps a long text's lookups n log n answers as a full scan would."""

from __future__ import annotations

import random

from storyline.spans import SpanIndex


def test_overlaps_and_starts_agree_with_a_full_scan() -> None:
    rng = random.Random(7)
    spans = [(a, a + rng.randint(1, 30)) for a in rng.sample(range(2000), 150)]  # some nest
    index = SpanIndex(spans)
    ordered = sorted(spans)
    for _ in range(2000):
        start = rng.randint(0, 2050)
        end = start + rng.randint(1, 20)
        assert index.overlaps(start, end) == any(a < end and start < b for a, b in spans)
        assert [ordered[i] for i in index.starting_in(start, end)] == [
            s for s in ordered if start <= s[0] < end
        ]
    assert not SpanIndex([]).overlaps(0, 10) and SpanIndex([]).starting_in(0, 10) == []
