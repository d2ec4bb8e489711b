"""Character spans of one text, indexed for the questions stages ask of them over and over
("does this range overlap a mention?", "which dates fall in this sentence?"), by bisection,
so a long text with many annotations costs n log n rather than n squared."""

from __future__ import annotations

from bisect import bisect_left


class SpanIndex:
    """(start, end) spans, in any order and possibly nested, asked about ranges."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        furthest = -1
        for _, b in self.spans:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span overlaps [start, end)."""
        i = bisect_left(self.starts, end)  # the spans before ``i`` start before ``end``
        return i > 0 and self.reach[i - 1] > start

    def starting_in(self, start: int, end: int) -> list[int]:
        """Positions, in this index's order, of the spans that start inside [start, end)."""
        return list(range(bisect_left(self.starts, start), bisect_left(self.starts, end)))
