"""Line- and sentence-level boilerplate removal for plain text (and for HTML extractor output).

Signals, combined per line:
  1. phrase families (``phrases.py``): whole-line chrome, and appeal sentences anywhere;
  2. shape: icon rows, media timers, lone labels — lines that are not prose;
  3. repetition: lines that recur across many articles of the corpus or of one outlet;
  4. position: chrome clusters before the story starts and after it ends, and an appeal
     block swallows the lines it encloses.
Every removed span is returned with its reason; nothing is deleted silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from storyline import lang
from storyline.clean.phrases import line_reason, sentence_reason
from storyline.model import Removed
from storyline.sentences import spans as sentence_spans

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Closing quotes and brackets that may follow a sentence's end, also as tokenised text
# writes them ("said . ''", "-RRB-").
_CLOSERS = re.compile(r"(?:\s*(?:[\"'”’)\]»]|''|-RRB-))+\s*$")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’")
_DIGITS = str.maketrans("123456789", "000000000")
_FOLD_ZEROS = re.compile(r"0+")
_ICON = re.compile(r"icon", re.IGNORECASE)

KeyCount = Callable[[str], int]


@cache
def _voice(code: str) -> re.Pattern[str]:
    """The words of an outlet speaking to its readers ("we", "your"), in one language."""
    words = "|".join(lang.get(code).boilerplate.voice)
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


@dataclass(frozen=True)
class CleanOptions:
    """Knobs of the text cleaner; defaults suit news from many outlets."""

    min_repeats: int = 5  # a line in this many other articles is a repetition suspect
    min_prose_words: int = 8
    join_wrapped_lines: bool = True


def line_key(line: str) -> str:
    """Normalised form used to count a line across articles (case, space, digits folded)."""
    folded = " ".join(line.casefold().split()).translate(_DIGITS)
    return _FOLD_ZEROS.sub("0", folded) if "0" in folded else folded


def ends_sentence(line: str, marks: str = ".!?…") -> bool:
    """Whether ``line`` ends with one of ``marks``, closing quotes and brackets aside."""
    stripped = line.rstrip()
    if stripped and stripped[-1] in "\"'”’)]»-":
        stripped = _CLOSERS.sub("", stripped)
    return bool(stripped) and stripped[-1] in marks


PROSE_WORDS = 8
"""Words a line of running text has at least (with a sentence ending): a boilerplate phrase
inside such a line is a sentence of the article, not chrome."""
ICON_ROW = (5, 3, 4)
"""A line is a row of icons when it has at least 5 tokens of which at least 3, and a quarter,
are icon glyphs or icon names."""
WRAPPED = 40
"""Characters of a line that a wrapped continuation (starting in lower case) is joined to:
a shorter one is a label or a list item, not a sentence cut by a line break."""
LONG_LINE = 400
"""A line this long is a paragraph: a boilerplate sentence in it is taken out alone (its
sentence), never the whole line."""


def is_prose(line: str, min_words: int = PROSE_WORDS) -> bool:
    """A line that reads as running text: enough words and a sentence ending."""
    return ends_sentence(line) and len(line.split()) >= min_words


def shape_reason(line: str) -> str | None:
    """Reason for a line whose shape alone says it is not prose (icon rows, bare symbols)."""
    tokens = line.split()
    least, icons, share = ICON_ROW
    if len(tokens) >= least and len(_ICON.findall(line)) >= max(icons, len(tokens) // share):
        return "icon row"
    if not _WORD.search(line) and not any(ch.isdigit() for ch in line):
        return "non-prose symbols"
    return None


def unwrap_lines(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: a line with no sentence end followed by a lowercase start."""
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if (
            out
            and stripped
            and out[-1].strip()
            and stripped[0].islower()
            and not ends_sentence(out[-1])
            and len(out[-1]) > WRAPPED
        ):
            out[-1] = out[-1].rstrip() + " " + stripped
        else:
            out.append(line)
    return out


def _strip_appeal_sentences(line: str, language: lang.Language) -> tuple[str, list[Removed]]:
    """Drop appeal sentences (and outlet-voice sentences next to them) from one line."""
    spans = sentence_spans(line, language.code)
    marks: list[str | None] = [sentence_reason(line[a:b], language) for a, b in spans]
    if not any(marks):
        return line, []
    # A sentence in the outlet's voice ("we", "our", "your") beside an appeal is the appeal.
    changed = True
    while changed:
        changed = False
        for i, (a, b) in enumerate(spans):
            if marks[i]:
                continue
            near = [marks[j] for j in (i - 1, i + 1) if 0 <= j < len(marks) and marks[j]]
            unquoted = _QUOTED.sub("", line[a:b])
            if near and _voice(language.code).search(unquoted):
                marks[i] = near[0]
                changed = True
    removed: list[Removed] = []
    kept_parts: list[str] = []
    for (a, b), reason in zip(spans, marks, strict=True):
        piece = line[a:b].strip()
        if reason:
            removed.append(Removed(piece, reason))
        elif piece:
            kept_parts.append(piece)
    return " ".join(kept_parts), removed


def clean_text(
    text: str,
    options: CleanOptions | None = None,
    repeats: KeyCount | None = None,
    language: lang.Language | None = None,
) -> tuple[str, list[Removed]]:
    """Remove boilerplate from plain text; return the clean text and what was removed.

    Paragraphs of the result are separated by one blank line. ``repeats(line_key)`` tells
    in how many *other* articles a line occurs (corpus statistics kept by the store).
    ``language``: whose phrases are boilerplate (None: the fallback's, ``lang.get``).
    """
    opts = options or CleanOptions()
    language = language or lang.get(None)
    raw_lines = text.splitlines()
    lines = unwrap_lines(raw_lines) if opts.join_wrapped_lines else raw_lines
    lines = [ln.strip() for ln in lines if ln.strip()]
    n = len(lines)
    reasons: list[str | None] = [None] * n
    kept_text: list[str] = list(lines)
    partial: list[list[Removed]] = [[] for _ in range(n)]

    for i, line in enumerate(lines):
        reason = line_reason(line, language) or shape_reason(line)
        hit = sentence_reason(line, language)
        if reason is None and hit and len(line) < LONG_LINE and not is_prose(line):
            reason = hit
        if reason:
            reasons[i] = reason
            continue
        if not hit:
            continue
        new, stripped = _strip_appeal_sentences(line, language)
        if stripped:
            partial[i] = stripped
            if new.strip():
                kept_text[i] = new
            else:
                reasons[i] = stripped[0].reason
                partial[i] = []

    # An appeal block swallows the lines it encloses (a sandwiched paragraph of the pitch).
    for i in range(1, n - 1):
        if reasons[i] is None and not partial[i]:
            before = reasons[i - 1] or (partial[i - 1][0].reason if partial[i - 1] else None)
            after = reasons[i + 1] or (partial[i + 1][0].reason if partial[i + 1] else None)
            if (
                before == "donation appeal"
                and after == "donation appeal"
                and _in_appeal_voice(lines[i], language)
            ):
                reasons[i] = "donation appeal"

    prose = [i for i in range(n) if reasons[i] is None and is_prose(kept_text[i])]
    first_prose = prose[0] if prose else n
    last_prose = prose[-1] if prose else -1

    if repeats is not None:
        for i in range(n):
            if reasons[i] is not None:
                continue
            count = repeats(line_key(lines[i]))
            at_edge = i < first_prose or i > last_prose
            if count >= opts.min_repeats and (at_edge or not is_prose(lines[i])):
                reasons[i] = f"repeated in {count} other articles"

    removed: list[Removed] = []
    kept: list[str] = []
    for i in range(n):
        if reasons[i] is not None:
            removed.append(Removed(lines[i], reasons[i] or "", position=len(kept)))
        else:
            for span in partial[i]:
                span.position = len(kept)
                removed.append(span)
            kept.append(kept_text[i])
    return "\n\n".join(kept), removed


def _in_appeal_voice(line: str, language: lang.Language) -> bool:
    """A paragraph written in the outlet's voice, as pitches are ("we", "our", "your")."""
    return bool(_voice(language.code).search(_QUOTED.sub("", line)))
