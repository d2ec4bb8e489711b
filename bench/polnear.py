"""Quotes and attribution on PolNeAR dev (gold source, cue and content spans; brat format).

Content spans are matched exactly and by overlap; for each matched content the source (the
speaker span) is then checked the same two ways. Documents annotated twice are scored once
(the first annotation). The held-back test split is not used here.
Usage: python bench/polnear.py [--split dev] [--errors N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, need, peak_rss_mb, save

from storyline.read.nlp import load_nlp
from storyline.read.quotes import Attribution as Quote
from storyline.read.quotes import QuoteExtractor

if TYPE_CHECKING:
    from spacy.tokens import Doc

Span = tuple[int, int]


def parse_ann(path: Path) -> list[dict[str, list[Span]]]:
    """Attributions of one brat file: each a dict of role -> list of (start, end) fragments."""
    spans: dict[str, tuple[str, list[Span]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            role, _, where = parts[1].partition(" ")
            frags = [tuple(int(x) for x in frag.split()) for frag in where.split(";")]
            spans[parts[0]] = (role, [(a, b) for a, b in frags])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":") for arg in parts[1].split()))
    out = []
    for rel in relations:
        item = {role: spans[tid][1] for role, tid in rel.items() if tid in spans and role != "Attribution"}
        if "Content" in item:
            out.append(item)
    return out


def _range(frags: list[Span]) -> Span:
    return min(a for a, _ in frags), max(b for _, b in frags)


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _with_marks(text: str, s: int, e: int) -> Span:
    """Widen a direct quote to its quotation marks (and closing punctuation), as PolNeAR marks it."""
    if s > 0 and text[s - 1] in "\"“'‘":
        s -= 1
    while e < len(text) and text[e] in ",.?!\"”’'":
        e += 1
        if text[e - 1] in '"”':
            break
    return s, e


@dataclass
class Attribution:
    """One attribution as PolNeAR and citron see it: cue, source fragments, content fragments."""

    cue: list[Span]
    sources: list[Span]
    contents: list[Span]

    @property
    def content(self) -> Span:
        return _range(self.contents)

    @property
    def source(self) -> Span | None:
        return _range(self.sources) if self.sources else None


def gold_attributions(path: Path) -> list[Attribution]:
    return [Attribution(g.get("Cue", []), g.get("Source", []), g["Content"]) for g in parse_ann(path)]


def attributions(text: str, quotes: list[Quote]) -> list[Attribution]:
    """Our quotes as PolNeAR attributions.

    PolNeAR annotates one attribution per cue, its content possibly in fragments; so quotes
    that share a cue within a paragraph (a quote and its continuation) become one attribution
    with one fragment each, and a partial quote inside the reported clause of the same cue
    is part of that clause's fragment. Quotation marks belong to a direct quote's content,
    and an appositive source keeps its closing comma ("X, the chair, said"), as PolNeAR marks.
    """
    by_cue: dict[object, Attribution] = {}
    for q in quotes:
        span = _with_marks(text, q.start, q.end) if q.kind != "indirect" else (q.start, q.end)
        sources: list[Span] = []
        if q.speaker_start is not None and q.speaker_end is not None:
            a, b = q.speaker_start, q.speaker_end
            if "," in text[a:b] and text[b : b + 1] == ",":
                b += 1
            sources = [(a, b)]
        cue = [(q.cue_start, q.cue_end)] if q.cue_start is not None and q.cue_end else []
        key: object = q.cue_start if q.cue_start is not None else ("nocue", q.start)
        if key in by_cue:
            old = by_cue[key]
            last = max(b for _, b in old.contents)
            if "\n" in text[min(last, span[0]) : max(last, span[0])]:
                key = (key, span[0])  # another paragraph: another attribution
            else:
                inside = [f for f in old.contents if f[0] <= span[0] and span[1] <= f[1]]
                if not inside:
                    kept = [f for f in old.contents if not (span[0] <= f[0] and f[1] <= span[1])]
                    old.contents = sorted([*kept, span])
                old.sources = old.sources or sources
                continue
        by_cue[key] = Attribution(cue, sources, [span])
    return list(by_cue.values())


class Scores:
    """Two families of figures: ours (content matched by range: equal, or overlapping; then its
    source checked the same way) and citron's (``citron/metrics.py``: exact = a cue that
    overlaps and equal fragment lists; overlap = tokens shared over tokens predicted / gold)."""

    def __init__(self) -> None:
        self.n: Counter[str] = Counter()

    def add(self, doc: Doc, gold: list[Attribution], system: list[Attribution]) -> list[str]:
        n = self.n
        n["gold"] += len(gold)
        n["system"] += len(system)
        notes = []
        used: set[int] = set()
        for g in gold:
            exact = next((i for i, s in enumerate(system) if i not in used and s.content == g.content), None)
            match = exact
            if match is None:
                match = next(
                    (i for i, s in enumerate(system) if i not in used and _overlap(s.content, g.content)),
                    None,
                )
            text = doc.text
            if match is None:
                cue = " ".join(text[a:b] for a, b in g.cue)
                notes.append(f"MISS [{cue}] {text[g.content[0] : g.content[1]][:90]!r}")
                continue
            used.add(match)
            got = system[match]
            if exact is None:
                notes.append(
                    f"EDGE got {text[got.content[0] : got.content[1]][:100]!r}\n"
                    f"     gold {text[g.content[0] : g.content[1]][:100]!r}"
                )
            n["content_overlap"] += 1
            n["content_exact"] += exact is not None
            if g.source and got.source:
                n["source_overlap"] += _overlap(got.source, g.source)
                n["source_exact"] += got.source == g.source
                if got.source != g.source:
                    notes.append(f"SOURCE got {text[slice(*got.source)]!r} gold {text[slice(*g.source)]!r}")
        # citron's definitions
        for part in ("cue", "contents", "sources"):
            n[f"citron_{part}_tp"] += sum(
                any(_cue_overlap(s, g) and _same(s, g, part) for g in gold) for s in system
            )
            n[f"citron_{part}_fn"] += sum(
                not any(_cue_overlap(s, g) and _same(s, g, part) for s in system) for g in gold
            )
            n[f"citron_{part}_fp"] += sum(
                not any(_cue_overlap(s, g) and _same(s, g, part) for g in gold) for s in system
            )
            sys_tokens = [_tokens(doc, getattr(s, part)) for s in system]
            gold_tokens = [_tokens(doc, getattr(g, part)) for g in gold]
            n[f"citron_{part}_shared"] += sum(len(a & b) for a in sys_tokens for b in gold_tokens)
            n[f"citron_{part}_predicted"] += sum(len(a) for a in sys_tokens)
            n[f"citron_{part}_actual"] += sum(len(b) for b in gold_tokens)
        return notes

    def report(self) -> dict[str, dict[str, float]]:
        n = self.n
        out = {}
        for what in ("content", "source"):
            for how in ("exact", "overlap"):
                tp = n[f"{what}_{how}"]
                out[f"{what}_{how}"] = _prf(tp / max(n["system"], 1), tp / max(n["gold"], 1))
        for part in ("cue", "contents", "sources"):
            tp, fp, fn = (n[f"citron_{part}_{k}"] for k in ("tp", "fp", "fn"))
            out[f"citron_{part}_exact"] = _prf(tp / max(tp + fp, 1), tp / max(tp + fn, 1))
            shared = n[f"citron_{part}_shared"]
            out[f"citron_{part}_overlap"] = _prf(
                shared / max(n[f"citron_{part}_predicted"], 1),
                shared / max(n[f"citron_{part}_actual"], 1),
            )
        return out


def _prf(p: float, r: float) -> dict[str, float]:
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _cue_overlap(a: Attribution, b: Attribution) -> bool:
    return any(_overlap(x, y) for x in a.cue for y in b.cue)


def _same(a: Attribution, b: Attribution, part: str) -> bool:
    return bool(getattr(a, part)) and sorted(getattr(a, part)) == sorted(getattr(b, part))


def _tokens(doc: Doc, spans: list[Span]) -> set[int]:
    out: set[int] = set()
    for a, b in spans:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument(
        "--stances", action="store_true", help="also stance verbs (X endorsed Y), as PolNeAR counts"
    )
    args = parser.parse_args()
    root = need(EVAL / "polnear" / "data" / args.split, f"PolNeAR {args.split}")
    nlp = load_nlp()
    extractor = QuoteExtractor(stances=args.stances)
    scores = Scores()
    seen: set[str] = set()
    words = 0
    elapsed = 0.0
    errors: list[str] = []
    for ann in sorted((root / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:
            continue
        seen.add(name)
        text = (root / "text" / f"{name}.txt").read_text(encoding="utf-8")
        t0 = time.perf_counter()
        doc = nlp(text)
        quotes = extractor(doc)
        elapsed += time.perf_counter() - t0
        words += len(text.split())
        errors.extend(scores.add(doc, gold_attributions(ann), attributions(text, quotes)))
    for e in errors[: args.errors]:
        print(e)
    save(
        f"polnear-{args.split}" + ("-stances" if args.stances else ""),
        {
            "documents": len(seen),
            "gold_attributions": scores.n["gold"],
            "system_attributions": scores.n["system"],
            **scores.report(),
            "words_per_s": round(words / elapsed),
            "peak_rss_mb": round(peak_rss_mb(), 1),
        },
    )


if __name__ == "__main__":
    main()
