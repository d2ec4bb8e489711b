"""Near-duplicates and wire copies: which articles are copies or light rewrites of which.

MinHash signatures (datasketch) of word 5-shingles are cut into LSH bands whose keys are
stored, so a new article finds its candidate copies by key without rehashing the corpus;
candidate pairs are confirmed by the exact Jaccard similarity of their shingle sets. In each
group of copies the earliest published (then first ingested) article is the original; each
copy records its
similarity, the credit line it carries ("(AP)", "Associated Press writer … contributed") and
a word diff against the original, so an analyst sees exactly what the re-publisher changed.
Coverage counts count one wire story once by following ``duplicate_of``.
"""

from __future__ import annotations

import difflib
import re
import zlib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from storyline.chunks import chunks
from storyline.link.tasks import InProcess, Tasks
from storyline.link.unionfind import UnionFind
from storyline.model import Article, Duplicate

SHINGLE = 5
THRESHOLD = 0.5  # Jaccard of 5-shingles: light rewrites and re-dressed wire copy score above
NUM_PERM = 128
CHUNK = 2000  # articles (or pairs) per task


_WORD = re.compile(r"\w+")
_PRIME = np.uint64(1_099_511_628_211)  # FNV prime: mixes word hashes into a shingle hash


@lru_cache(maxsize=1 << 20)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def shingles(text: str, k: int = SHINGLE) -> set[int]:
    """The text's word ``k``-shingles, each as a 32-bit hash (compact sets, fast to compare)."""
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    h = np.fromiter(map(_word_hash, words), dtype=np.uint64, count=len(words))
    n = max(len(words) - k + 1, 1)
    acc = np.zeros(n, dtype=np.uint64)
    for j in range(min(k, len(words))):
        acc = acc * _PRIME + h[j : j + n]  # wraps modulo 2**64, as wanted
    return set((acc >> np.uint64(32)).tolist())


@lru_cache(maxsize=1)
def _permutations() -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1).permutations


def word_diff(original: str, copy: str, limit: int = 40) -> list[dict[str, str]]:
    """What the copy changed: replaced, inserted and deleted word runs (at most ``limit``)."""
    a, b = original.split(), copy.split()
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        ops.append({"op": tag, "original": " ".join(a[i1:i2]), "copy": " ".join(b[j1:j2])})
        if len(ops) >= limit:
            break
    return ops


@lru_cache(maxsize=1)
def _bands() -> tuple[int, int]:
    """LSH bands and rows per band for ``THRESHOLD`` (generous: pairs are confirmed exactly)."""
    from datasketch.lsh import _optimal_param

    bands, rows = _optimal_param(THRESHOLD * 0.8, NUM_PERM, 0.5, 0.5)
    return int(bands), int(rows)


def band_keys(text: str, shingled: set[int] | None = None) -> list[int]:
    """The LSH band keys of a text's MinHash (datasketch) over its word 5-shingles: two texts
    that share a key are candidate copies. Keys are stable across runs, so they are stored."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, hashfunc=int, permutations=_permutations(), scheme="affine32")
    m.update_batch(list(shingles(text) if shingled is None else shingled))
    bands, rows = _bands()
    values = m.hashvalues[: bands * rows].reshape(bands, rows).astype(np.uint64)
    acc = np.arange(1, bands + 1, dtype=np.uint64)  # the band number, so bands never collide
    for r in range(rows):
        acc = acc * _PRIME + values[:, r]
    return [int(x) for x in acc.view(np.int64)]


def find_duplicates(
    articles: Iterable[Article],
    known: dict[str, str | None] | None = None,
    keys: dict[str, list[int]] | None = None,
    tasks: Tasks | None = None,
    chunk: int = CHUNK,
) -> list[Duplicate]:
    """Copies in a corpus: one record per copy, pointing at its original.

    ``known``: articles linked before, each with the original it was found to copy (None
    for an original); their records stand, and a new copy of one of them points at its
    original, unless the new article is the better original (the outlet the copies credit,
    or published earlier): then every copy in the group gets a record pointing at it.
    ``keys``: band keys already computed (article id → keys); the rest are computed and put
    there, so the caller can store them.

    The work is tasks for ``tasks`` (in this process by default): band keys by chunks of
    articles; candidate pairs by buckets of keys (a key's bucket is its value modulo the
    bucket count: the shuffle); exact similarities and word diffs by chunks of pairs."""
    known = known or {}
    keys = {} if keys is None else keys
    tasks = tasks or InProcess()
    arts = [a for a in articles if a.text]
    by_id = {a.id: a for a in arts}
    sims = _similarities(tasks, _candidates(arts, keys, known, tasks, chunk), by_id, chunk)
    order = {a.id: (a.published or "9999", i) for i, a in enumerate(arts)}
    sets: UnionFind[str] = UnionFind(by_id)

    def base(x: str) -> str:  # a stored copy joins through its stored original
        root = known.get(x)
        return root if root is not None and root in sets else x

    def first(r: str) -> tuple[bool, tuple[str, int]]:  # a group's root: linked before, then oldest
        return (r not in known, order.get(r, ("", -1)))

    for (x, y), sim in sims.items():
        if sim >= THRESHOLD:
            sets.union(base(x), base(y), key=first)
    groups: dict[str, list[str]] = {}
    for aid in by_id:
        groups.setdefault(sets.find(base(aid)), []).append(aid)
    pairs = [p for root, members in groups.items() for p in _copies(root, members, by_id, known, order)]
    unknown = sorted({_pair(*p) for p in pairs} - set(sims))
    sims.update(_similarities(tasks, unknown, by_id, chunk))
    texts = [(by_id[o].text, by_id[m].text) for m, o in pairs]
    diffs = [d for part in tasks.map(diff_task, chunks(texts, chunk)) for d in part]
    out = [
        _record(by_id[m], by_id[original], sims[_pair(m, original)], diff)
        for (m, original), diff in zip(pairs, diffs, strict=True)
    ]
    return sorted(out, key=lambda d: (d.duplicate_of, d.article_id))


def _candidates(
    arts: list[Article],
    keys: dict[str, list[int]],
    known: dict[str, str | None],
    tasks: Tasks,
    chunk: int,
) -> list[tuple[str, str]]:
    """Pairs of articles sharing an LSH band key (not both linked before): band keys of the
    articles that lack them (put into ``keys``), then the keys shuffled into buckets."""
    missing = [(a.id, a.text) for a in arts if a.id not in keys]
    for part in tasks.map(keys_task, chunks(missing, chunk)):
        keys.update(part)
    count = max(1, len(arts) // chunk)
    buckets: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    for i, a in enumerate(arts):
        for key in keys[a.id]:
            buckets[key % count].append((key, i))
    found: set[tuple[int, int]] = set()
    for pairs_found in tasks.map(bucket_pairs, buckets):
        found.update(pairs_found)
    return sorted(
        {_pair(arts[i].id, arts[j].id) for i, j in found if not (arts[i].id in known and arts[j].id in known)}
    )


def _copies(
    root: str,
    members: list[str],
    by_id: dict[str, Article],
    known: dict[str, str | None],
    order: dict[str, tuple[str, int]],
) -> list[tuple[str, str]]:
    """(copy, original) for a group of copies whose root is ``root``. The original: the one
    linked before; else the article of the outlet the copies credit ("(MW)", "Meridian Wire
    contributed"), else the earliest published, else the first ingested. A stored copy keeps
    its record unless a new article outranks the stored original (then all repoint)."""
    if len(members) < 2 or all(m in known for m in members):
        return []
    credited = {c.lower() for m in members for c in by_id[m].credits}

    def rank(m: str) -> tuple[bool, tuple[str, int]]:
        outlet = (by_id[m].outlet or "").lower()
        return (not (outlet and outlet in credited), order[m])

    original = min(members, key=rank)
    moved = original != root
    return [
        (m, original) for m in sorted(members, key=rank) if m != original and not (m in known and not moved)
    ]


def _record(copy: Article, original: Article, sim: float, diff: list[dict[str, str]]) -> Duplicate:
    """The record of one copy: its original, similarity, kind, credits and word diff."""
    kind = "exact copy" if sim >= 0.98 else "wire copy" if copy.credits else "near duplicate"
    return Duplicate(
        article_id=copy.id,
        duplicate_of=original.id,
        similarity=round(sim, 4),
        kind=kind,
        credits=list(copy.credits),
        outlet=copy.outlet,
        original_outlet=original.outlet,
        diff=diff,
    )


def _pair(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x <= y else (y, x)


def _similarities(
    tasks: Tasks, pairs: list[tuple[str, str]], by_id: dict[str, Article], chunk: int
) -> dict[tuple[str, str], float]:
    items = []
    for some in chunks(pairs, chunk):
        texts = {aid: by_id[aid].text for pair in some for aid in pair}
        items.append((list(some), texts))
    out: dict[tuple[str, str], float] = {}
    for (asked, _), got in zip(items, tasks.map(similarity_task, items), strict=True):
        out.update(zip(asked, got, strict=True))
    return out


def keys_task(items: Sequence[tuple[str, str]]) -> dict[str, list[int]]:
    """Band keys of a chunk of (id, text)."""
    return {aid: band_keys(text) for aid, text in items}


def bucket_pairs(bucket: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """One bucket of (key, article) after the shuffle: the pairs of articles sharing a key."""
    by_key: dict[int, list[int]] = {}
    for key, i in bucket:
        by_key.setdefault(key, []).append(i)
    out = set()
    for members in by_key.values():
        for k, i in enumerate(members):
            for j in members[k + 1 :]:
                if i != j:
                    out.add((min(i, j), max(i, j)))
    return out


def similarity_task(item: tuple[list[tuple[str, str]], dict[str, str]]) -> list[float]:
    """Exact Jaccard similarity of the 5-shingle sets of each pair."""
    pairs, texts = item
    sets = {aid: shingles(text) for aid, text in texts.items()}
    return [len(sets[x] & sets[y]) / max(len(sets[x] | sets[y]), 1) for x, y in pairs]


def diff_task(items: Sequence[tuple[str, str]]) -> list[list[dict[str, str]]]:
    """Word diffs of a chunk of (original text, copy text)."""
    return [word_diff(o, c) for o, c in items]
