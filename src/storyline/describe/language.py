"""Language of an article's text (py3langid: fast, offline, no model download)."""

from __future__ import annotations

import py3langid


def detect_language(text: str, min_chars: int = 40, sample_chars: int = 600) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell.

    A few hundred characters settle the language of a news article; py3langid's cost grows
    with the sample, so only the start is read.
    """
    sample = text[:sample_chars]
    if len(sample.strip()) < min_chars:
        return None
    code, _score = py3langid.classify(sample)
    return str(code)
