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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, need, peak_rss_mb, save

from storyline.read.nlp import load_nlp
from storyline.read.quotes import Quote, QuoteExtractor

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
        item = {
            role: spans[tid][1]
            for role, tid in rel.items()
            if tid in spans and role != "Attribution"
        }
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


def attributions(text: str, quotes: list[Quote]) -> list[tuple[Span, Span | None]]:
    """Our quotes as PolNeAR attributions: (content span, source span).

    PolNeAR annotates one attribution per cue, its content possibly in fragments; so quotes
    that share a cue (a quote and its continuation, a partial quote inside the reported
    clause) become one attribution spanning them, as the gold's fragments are scored.
    """
    by_cue: dict[object, tuple[Span, Span | None]] = {}
    for q in quotes:
        span = _with_marks(text, q.start, q.end) if q.kind != "indirect" else (q.start, q.end)
        src = None
        if q.speaker_start is not None and q.speaker_end is not None:
            a, b = q.speaker_start, q.speaker_end
            if "," in text[a:b] and text[b : b + 1] == ",":
                b += 1  # PolNeAR closes an appositive source with its comma: "X, the chair, said"
            src = (a, b)
        key = q.cue_start if q.cue_start is not None else ("nocue", q.start)
        if key in by_cue:
            (a, b), old = by_cue[key]
            if "\n" in text[min(b, span[0]) : max(b, span[0])]:
                key = (key, span[0])  # another paragraph: another attribution
            else:
                span = (min(a, span[0]), max(b, span[1]))
                src = old or src
        by_cue[key] = (span, src)
    return list(by_cue.values())


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
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    words = 0
    elapsed = 0.0
    errors = []
    for ann in sorted((root / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:
            continue
        seen.add(name)
        text = (root / "text" / f"{name}.txt").read_text(encoding="utf-8")
        gold = parse_ann(ann)
        t0 = time.perf_counter()
        quotes = extractor(nlp(text))
        elapsed += time.perf_counter() - t0
        words += len(text.split())
        system = attributions(text, quotes)
        counts["gold"] += len(gold)
        counts["system"] += len(system)
        used: set[int] = set()
        for g in gold:
            gspan = _range(g["Content"])
            gsrc = _range(g["Source"]) if "Source" in g else None
            exact = next(
                (i for i, (s, _) in enumerate(system) if i not in used and s == gspan), None
            )
            match = (
                exact
                if exact is not None
                else next(
                    (i for i, (s, _) in enumerate(system) if i not in used and _overlap(s, gspan)),
                    None,
                )
            )
            if match is None:
                if len(errors) < args.errors:
                    cue = " ".join(text[a:b] for a, b in g.get("Cue", []))
                    errors.append(f"MISS [{cue}] {text[gspan[0] : gspan[1]][:90]!r}")
                continue
            used.add(match)
            if exact is None and len(errors) < args.errors:
                got = system[match][0]
                errors.append(
                    f"EDGE got {text[got[0] : got[1]][:100]!r}\n     gold {text[gspan[0] : gspan[1]][:100]!r}"
                )
            counts["content_overlap"] += 1
            counts["content_exact"] += exact is not None
            src = system[match][1]
            if gsrc and src:
                counts["source_overlap"] += _overlap(src, gsrc)
                counts["source_exact"] += src == gsrc
                if src != gsrc and len(errors) < args.errors:
                    errors.append(
                        f"SOURCE got {text[src[0] : src[1]]!r} gold {text[gsrc[0] : gsrc[1]]!r}"
                    )

    def prf(tp: int) -> dict[str, float]:
        p, r = tp / max(counts["system"], 1), tp / max(counts["gold"], 1)
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r) if p + r else 0, 4),
        }

    for e in errors:
        print(e)
    save(
        f"polnear-{args.split}" + ("-stances" if args.stances else ""),
        {
            "documents": len(seen),
            "gold_attributions": counts["gold"],
            "system_quotes": counts["system"],
            "content_exact": prf(counts["content_exact"]),
            "content_overlap": prf(counts["content_overlap"]),
            "source_exact": prf(counts["source_exact"]),
            "source_overlap": prf(counts["source_overlap"]),
            "words_per_s": round(words / elapsed),
            "peak_rss_mb": round(peak_rss_mb(), 1),
        },
    )


if __name__ == "__main__":
    main()
