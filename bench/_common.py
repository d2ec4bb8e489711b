"""Helpers shared by the benchmark scripts: where ../shared is, peak memory, JSON results."""

from __future__ import annotations

import json
import os
import re
import resource
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared"))
EVAL = SHARED / "eval"


def need(path: Path, what: str) -> Path:
    """Exit with a clear message when evaluation data is absent (it is never in the repo)."""
    if not path.exists():
        sys.exit(
            f"{what} not found at {path}: this benchmark reads it from ../shared/eval (set STORYLINE_SHARED)."
        )
    return path


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory of this process (or of its finished children), in MiB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def save(name: str, result: dict[str, Any]) -> None:
    """Print the result and keep it under bench/results/ (ignored by git)."""
    out = REPO / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


T17_KEYWORDS = {  # the keyword lists used with Timeline17 in the literature (../shared/eval README)
    "bpoil": ["bp", "oil", "spill"],
    "EgyptianProtest": ["egypt", "egyptian"],
    "Finan": ["financial", "economic", "crisis"],
    "H1N1": ["h1n1", "swine", "flu"],
    "haiti": ["haiti", "quake", "earthquake"],
}
T17_TOPICS = tuple(T17_KEYWORDS)  # the topics present; the held-back ones are never read


def t17_folders(root: Path) -> Iterator[tuple[str, Path]]:
    """(topic, folder) of each Timeline17 folder of the five topics present, by name."""
    for folder in sorted(root.iterdir()):
        topic = folder.name.split("_")[0]
        if folder.is_dir() and topic in T17_TOPICS:
            yield topic, folder


def t17_records(folder: Path) -> Iterator[dict[str, str]]:
    """One Timeline17 folder's articles as news-please records (maintext, date_publish,
    source_domain the folder's name): from its ``articles.jsonl``, else (Finan, over the copy
    limit) from its raw ``InputDocs/<publication date>/<file>``."""
    source = folder / "articles.jsonl"
    if source.is_file():
        for line in source.read_text(encoding="utf-8").splitlines():
            if line.strip():
                art = json.loads(line)
                yield {"maintext": art["text"], "date_publish": art["time"], "source_domain": folder.name}
    else:
        for path in sorted((folder / "InputDocs").glob("*/*")):
            text = path.read_text(encoding="utf-8", errors="replace")
            yield {"maintext": text, "date_publish": path.parent.name, "source_domain": folder.name}


def tokens(text: str) -> str:
    """Lower-cased word and punctuation tokens, space-joined: the timeline benches' ROUGE input."""
    return " ".join(re.findall(r"\w+|[^\w\s]", text.lower()))
