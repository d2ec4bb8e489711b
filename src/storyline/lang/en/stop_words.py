"""English stop words: scikit-learn's list (``ENGLISH_STOP_WORDS``), which every bag of words
of the project left out before languages were data: the same list keeps the same results."""

from __future__ import annotations


def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words, imported on the first call (the import is slow)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return ENGLISH_STOP_WORDS
