"""Near-duplicates and wire copies: which articles are copies or light rewrites of which.

MinHash signatures of word 5-shingles go into an LSH index (datasketch); candidate pairs are
confirmed by the exact Jaccard similarity of their shingle sets. In each group of copies the
earliest published (then first ingested) article is the original; each copy records its
similarity, the credit line it carries ("(AP)", "Associated Press writer … contributed") and
a word diff against the original, so an analyst sees exactly what the re-publisher changed.
Coverage counts count one wire story once by following ``duplicate_of``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

SHINGLE = 5
THRESHOLD = 0.5  # Jaccard of 5-shingles: light rewrites and re-dressed wire copy score above
NUM_PERM = 128


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


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


def find_duplicates(articles: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies in a corpus: one record per copy, pointing at its original."""
    from datasketch import MinHash, MinHashLSH

    arts = [a for a in articles if a.get("text")]
    sets = {a["id"]: shingles(a["text"]) for a in arts}
    lsh = MinHashLSH(threshold=THRESHOLD * 0.8, num_perm=NUM_PERM)  # generous; confirmed exactly
    for a in arts:
        m = MinHash(num_perm=NUM_PERM, seed=1)
        m.update_batch([s.encode("utf-8") for s in sets[a["id"]]])
        lsh.insert(a["id"], m)
        a["_minhash"] = m
    order = {a["id"]: (a.get("published") or "9999", i) for i, a in enumerate(arts)}
    parent = {a["id"]: a["id"] for a in arts}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    sims: dict[tuple[str, str], float] = {}
    for a in arts:
        for other in lsh.query(a.pop("_minhash")):
            if other == a["id"]:
                continue
            x, y = sorted((a["id"], other))
            if (x, y) in sims:
                continue
            sx, sy = sets[x], sets[y]
            sim = len(sx & sy) / max(len(sx | sy), 1)
            sims[(x, y)] = sim
            if sim >= THRESHOLD:
                rx, ry = find(x), find(y)
                if rx != ry:
                    first, second = sorted((rx, ry), key=lambda r: order[r])
                    parent[second] = first
    by_id = {a["id"]: a for a in arts}
    groups: dict[str, list[str]] = {}
    for aid in by_id:
        groups.setdefault(find(aid), []).append(aid)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        # The original: the article of the outlet the copies credit ("(MW)", "Meridian Wire
        # contributed"), else the earliest published, else the first ingested.
        credited = {c.lower() for m in members for c in by_id[m].get("credits", [])}

        def rank(m: str, credited: set[str] = credited) -> tuple[bool, tuple[str, int]]:
            outlet = (by_id[m].get("outlet") or "").lower()
            return (not (outlet and outlet in credited), order[m])

        original = min(members, key=rank)
        for m in sorted(members, key=rank):
            if m == original:
                continue
            x, y = sorted((m, original))
            known = sims.get((x, y))
            if known is None:
                sx, sy = sets[x], sets[y]
                known = len(sx & sy) / max(len(sx | sy), 1)
            sim = known
            copy = by_id[m]
            out.append({
                "article_id": m, "duplicate_of": original, "similarity": round(sim, 4),
                "kind": "exact copy" if sim >= 0.98 else "wire copy" if copy.get("credits") else "near duplicate",
                "credits": copy.get("credits", []), "outlet": copy.get("outlet"),
                "original_outlet": by_id[original].get("outlet"),
                "diff": word_diff(by_id[original]["text"], copy["text"]),
            })  # fmt: skip
    return sorted(out, key=lambda d: (d["duplicate_of"], d["article_id"]))
