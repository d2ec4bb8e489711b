"""Stable ids for clusters that are recomputed on every run (entities, stories)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


class StableIds:
    """Hands each new cluster the id most of its members had last run, else a fresh one.

    ``StableIds("E", previous_ids)``; then ``take(ids_the_members_had)`` per cluster, in a
    fixed order. An id is never given twice in a run, and fresh ids never reuse old numbers.
    """

    def __init__(self, prefix: str, previous: Iterable[str]) -> None:
        self.prefix = prefix
        numbers = [int(v[len(prefix) :]) for v in previous if v[len(prefix) :].isdigit()]
        self.counter = max(numbers, default=0)
        self.used: set[str] = set()

    def take(self, had: Iterable[str]) -> tuple[str, bool]:
        """(id, fresh): the commonest old id not yet given (ties: the smaller), or a new one."""
        votes = Counter(had)
        for old, _ in sorted(votes.items(), key=lambda x: (-x[1], x[0])):
            if old not in self.used:
                self.used.add(old)
                return old, False
        self.counter += 1
        new = f"{self.prefix}{self.counter}"
        self.used.add(new)
        return new, True
