"""Disjoint sets (union-find): the one implementation entity resolution, copy groups and
the event graph's components share."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    """Sets of items joined by ``union``; ``find`` names a set by its root. A union keeps
    the smaller root (by ``key``; the items' own order by default), so the roots do not
    depend on the order the unions came in."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self.parent: dict[T, T] = {x: x for x in items}

    def __contains__(self, item: object) -> bool:
        return item in self.parent

    def find(self, x: T) -> T:
        """The root of ``x``'s set (path halving keeps later finds short)."""
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: T, b: T, key: Callable[[T], Any] | None = None) -> T:
        """Join the sets of ``a`` and ``b``; returns the root kept."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        first = (key(ra) <= key(rb)) if key else (ra <= rb)  # type: ignore[operator]
        keep, gone = (ra, rb) if first else (rb, ra)
        self.parent[gone] = keep
        return keep

    def groups(self) -> dict[T, list[T]]:
        """Root → members, members in the order the items were given."""
        out: dict[T, list[T]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return out
