"""Cross-document entity coreference on ECB+ topics 1–35: are our corpus entities its instances?

Data: ../shared/eval/ecbplus/ECB+ (CC BY 3.0). Gold: the entity markables (HUMAN_PART_PER,
HUMAN_PART_ORG, LOC_*) that a CROSS_DOC_COREF relation gives an instance id, keeping the
names (every word capitalised, small linking words aside; one word only where it does not
open its sentence; pronouns never) — the people, organisations and places a reader would
look up. The documents go through the product path (``storyline ingest`` into a temporary
store: cleaning, reading, linking), each as the text ``bench/ecbplus.py`` builds (title,
then body, tokens joined by spaces), so gold token spans map to character offsets exactly.
A gold mention is found when a linked mention of ours overlaps it (the one covering most of
it counts); BCubed precision, recall
and F1 are computed over the found mentions (our entity against the gold instance), with
how many gold mentions were found. The held-back topics 36–45 are not read.
Usage: python bench/entities.py [--workers 2]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, need, save
from ecbplus import bcubed

from storyline.model import Article

_TOKEN = re.compile(r'<token t_id="(\d+)" sentence="(\d+)" number="(\d+)">([^<]*)</token>')
_MARKABLE = re.compile(r'<(HUMAN_PART_PER|HUMAN_PART_ORG|LOC_\w+) m_id="(\d+)"\s*>(.*?)</\1>', re.S)
_ANCHOR = re.compile(r'<token_anchor t_id="(\d+)"/>')
_RELATION = re.compile(r'<CROSS_DOC_COREF r_id="\d+" note="([^"]+)"\s*>(.*?)</CROSS_DOC_COREF>', re.S)
_SOURCE = re.compile(r'<source m_id="(\d+)"')
_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its", "we", "us", "i"}


def load_doc(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """The document's text as bench/ecbplus.py builds it, and its named gold mentions with
    character spans and instance ids."""
    raw = path.read_text(encoding="utf-8")
    tokens = [(int(t), int(s), int(n), w) for t, s, n, w in _TOKEN.findall(raw)]
    by_sentence: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for t, s, n, w in tokens:
        by_sentence[s].append((t, n, w))
    offsets: dict[int, tuple[int, int]] = {}
    parts: list[str] = []
    pos = 0
    ordered = sorted(by_sentence.items())
    for k, (_, words) in enumerate(ordered):
        if k == 1:
            parts.append("\n\n")
            pos += 2
        elif k > 1:
            parts.append(" ")
            pos += 1
        for j, (t, _, w) in enumerate(words):
            if j:
                parts.append(" ")
                pos += 1
            offsets[t] = (pos, pos + len(w))
            parts.append(w)
            pos += len(w)
    text = "".join(parts)
    number = {t: n for t, _, n, _ in tokens}
    word = {t: w for t, _, _, w in tokens}
    markables = {m: [int(a) for a in _ANCHOR.findall(body)] for _, m, body in _MARKABLE.findall(raw)}
    gold = []
    for instance, body in _RELATION.findall(raw):
        if not instance.startswith(("HUM", "LOC")):
            continue
        for m in _SOURCE.findall(body):
            anchors = [a for a in markables.get(m, []) if a in offsets]
            if anchors and _named([word[a] for a in anchors], [number[a] for a in anchors]):
                gold.append(
                    {"start": offsets[anchors[0]][0], "end": offsets[anchors[-1]][1], "instance": instance}
                )
    return text, gold


_SMALL = {"of", "the", "and", "de", "la", "le", "del", "van", "von", "for", "on", "in", "at", "&"}


def _named(words: list[str], numbers: list[int]) -> bool:
    """A name, not a description: every word is capitalised (small linking words aside), and
    a one-word mention does not merely open its sentence ("a bank in Athens" is no name of
    the bank; "Athens" is)."""
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return False
    content = [w for w in words if w.lower() not in _SMALL and any(ch.isalpha() for ch in w)]
    if not content or not all(w[:1].isupper() for w in content):
        return False
    return len(content) >= 2 or numbers[words.index(content[0])] > 0


def through_ingest(docs: dict[str, str], workers: int) -> dict[str, Article]:
    """Each document as linking stored it (clean text, mentions with entity ids), via a
    temporary store."""
    from storyline.pipeline import PipelineOptions
    from storyline.run.embedded import Ingest
    from storyline.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for doc_id, text in docs.items():
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        with Store(Path(tmp) / "ecb.db") as store:
            Ingest(store, PipelineOptions(workers=workers)).run([str(folder)])
            names = {a.id: Path(a.source.path or "").stem for a in store.articles.each()}
            return {names[a.id]: a for a in store.links.inputs(full=True)}


def _aligned(ours: str, stored: str, start: int, end: int) -> int | None:
    """Where a gold span of our text lies in the stored clean text: the same offset when
    cleaning left it there, else the nearest occurrence of the same words (cleaning removed
    or moved something before it), else None."""
    words = ours[start:end]
    if stored[start:end] == words:
        return start
    spots = [m.start() for m in re.finditer(re.escape(words), stored)]
    return min(spots, key=lambda p: abs(p - start)) if spots else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    root = need(EVAL / "ecbplus" / "ECB+", "ECB+")
    texts: dict[str, str] = {}
    gold: dict[str, list[dict[str, Any]]] = {}
    for folder in sorted(root.iterdir(), key=lambda p: int(p.name) if p.name.isdigit() else 0):
        if not folder.name.isdigit() or not 1 <= int(folder.name) <= 35:
            continue  # topics 36-45 are held back
        for path in sorted(folder.glob("*.xml")):
            texts[path.stem], gold[path.stem] = load_doc(path)
    t0 = time.perf_counter()
    ours = through_ingest(texts, args.workers)
    seconds = time.perf_counter() - t0
    system: dict[str, str] = {}
    truth: dict[str, str] = {}
    total = 0
    moved = 0
    for doc_id, mentions in gold.items():
        art = ours.get(doc_id)
        stored = art.text if art else ""
        linked = sorted((m.start, m.end, m.entity_id) for m in (art.entities if art else []) if m.entity_id)
        for k, g in enumerate(mentions):
            total += 1
            start = _aligned(texts[doc_id], stored, g["start"], g["end"])
            if start is None:
                continue
            moved += start != g["start"]
            end = start + g["end"] - g["start"]
            overlaps = [(min(t, end) - max(s, start), e) for s, t, e in linked if s < end and start < t]
            hit = max(overlaps)[1] if overlaps else None  # the mention covering most of it
            if hit is not None:
                key = f"{doc_id}#{k}"
                system[key], truth[key] = hit, g["instance"]
    scores = bcubed(system, truth) if truth else {}
    save(
        "entities",
        {
            "documents": len(texts),
            "gold_named_mentions": total,
            "found": len(truth),
            "found_at_a_moved_offset": moved,
            "gold_instances_found": len(set(truth.values())),
            "our_entities_on_them": len(set(system.values())),
            "bcubed": scores,
            "seconds": round(seconds, 1),
        },
    )


if __name__ == "__main__":
    main()
