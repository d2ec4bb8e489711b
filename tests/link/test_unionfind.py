"""The one union-find: roots by key, independent of the order of unions."""

from __future__ import annotations

import itertools

from storyline.link.unionfind import UnionFind


def test_roots_are_the_smallest_member_whatever_the_order_of_unions() -> None:
    pairs = [(5, 3), (3, 9), (1, 7), (7, 5), (2, 4)]
    seen = set()
    for order in itertools.permutations(pairs):
        sets = UnionFind(range(10))
        for a, b in order:
            sets.union(a, b)
        seen.add(tuple(sorted((root, tuple(m)) for root, m in sets.groups().items())))
    assert seen == {((0, (0,)), (1, (1, 3, 5, 7, 9)), (2, (2, 4)), (6, (6,)), (8, (8,)))}


def test_a_key_chooses_the_root() -> None:
    rank = {"copy": 2, "wire": 0, "rewrite": 1}
    sets = UnionFind(rank)
    sets.union("copy", "rewrite", key=rank.__getitem__)
    assert sets.union("rewrite", "wire", key=rank.__getitem__) == "wire"
    assert {sets.find(x) for x in rank} == {"wire"} and "copy" in sets and "other" not in sets
