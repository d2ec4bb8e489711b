"""Temporal expressions on TempEval-3 training data (TimeBank + AQUAINT, gold TIMEX3 + DCT).

Scores with the TempEval-3 task A definitions: strict and relaxed (any overlap) span
precision/recall/F1, and value F1 (a relaxed match whose value is also right, over all
system and all gold expressions). The held-back Platinum test set is not used here.
Usage: python bench/tempeval.py [--errors N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, need, save

from storyline.read.timex import TimexTagger

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")


def parse_tml(path: Path) -> tuple[str, date, list[tuple[int, int, str, str]]]:
    """Plain text of the TEXT element, the document date, and gold (start, end, type, value)."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    assert dct, path
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    out: list[str] = []
    gold = []
    pos = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    length = 0
    for m in _TAG.finditer(body):
        chunk = _unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1), m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(re.findall(r'(\w+)="([^"]*)"', m.group(3))))
        elif open_timex:
            start, attrs = open_timex
            gold.append((start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    out.append(_unescape(body[pos:]))
    y, mth, d = (int(x) for x in dct.group(1).split("-"))
    return "".join(out), date(y, mth, d), gold


def _unescape(s: str) -> str:
    return (
        s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", type=int, default=0, help="print this many value errors and misses")
    args = parser.parse_args()
    root = need(EVAL / "tempeval3" / "Training" / "TBAQ-cleaned", "TempEval-3 training data")
    tagger = TimexTagger()
    counts = Counter()
    errors: list[str] = []
    words = 0
    elapsed = 0.0
    for path in sorted(root.glob("*/*.tml")):
        text, dct, gold = parse_tml(path)
        words += len(text.split())
        t0 = time.perf_counter()
        found = tagger(text, dct)
        elapsed += time.perf_counter() - t0
        counts["gold"] += len(gold)
        counts["system"] += len(found)
        used: set[int] = set()
        for gs, ge, gtype, gvalue in gold:
            match = next(
                (i for i, t in enumerate(found) if i not in used and t.start < ge and gs < t.end),
                None,
            )
            if match is None:
                if len(errors) < args.errors:
                    errors.append(
                        f"MISS  {text[gs:ge]!r:30} {gvalue:12} | {text[max(0, gs - 50) : ge + 30]!r}"
                    )
                continue
            used.add(match)
            t = found[match]
            counts["relaxed"] += 1
            counts["strict"] += (t.start, t.end) == (gs, ge)
            counts["value"] += t.value == gvalue
            counts["type"] += t.type == gtype
            if t.value != gvalue and len(errors) < args.errors:
                errors.append(
                    f"VALUE {t.text!r:30} got {t.value:12} gold {gvalue:12} ({gtype}, dct {dct}) | "
                    f"{text[max(0, gs - 60) : ge + 30]!r}"
                )
        for i, t in enumerate(found):
            if i not in used and len(errors) < args.errors:
                errors.append(f"EXTRA {t.text!r:30} {t.value} | {text[max(0, t.start - 50) : t.end + 30]!r}")

    def f1(tp: int) -> dict[str, float]:
        p, r = tp / max(counts["system"], 1), tp / max(counts["gold"], 1)
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r) if p + r else 0, 4),
        }

    result = {
        "documents": len(list(root.glob("*/*.tml"))),
        "gold_timexes": counts["gold"],
        "system_timexes": counts["system"],
        "relaxed_span": f1(counts["relaxed"]),
        "strict_span": f1(counts["strict"]),
        "value": f1(counts["value"]),
        "type_accuracy_on_matches": round(counts["type"] / max(counts["relaxed"], 1), 4),
        "words_per_s": round(words / elapsed),
    }
    for line in errors:
        print(line)
    save("tempeval", result)


if __name__ == "__main__":
    main()
