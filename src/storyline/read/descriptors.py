"""The words that name or describe each mention, and the words that name acts: what analysis
compares between outlets ("dictator" against "leader" for one person, "invasion" against
"operation" for one act; ``analysis/compare/words.py``) without parsing again, as analysis
runs after linking and never re-reads.

From the parse reading already has, per chained mention (``Descriptor.relation``):

- ``modifier``: the words of its noun phrase outside the name — adjectives, compounds and
  their own modifiers ("North Korean dictator" of "Kim Jong Un", "President" of "Trump");
- ``head``: the noun the mention itself modifies or attaches to, with that noun's other
  modifiers ("invasion" of "Russia's invasion", "military operation" of "the Russian
  military operation", "talks" of "talks with Seoul");
- ``appositive``: a noun phrase set beside the mention ("the North Korean leader" in "Kim,
  the North Korean leader,") or equated with it by a copula ("Kim is a dictator");
- ``verb``: the verb whose subject, object or agent it is (also through "and": "Kim and
  Moon met").

and per sentence, the ``act`` words: its verbs, and its nouns that name an act (a noun that
is also a verb's lemma in the model's own tables, or one of the language's endings of nouns
made from verbs, ``lang.Acts``). A description the article ties to an entity only through a
noun phrase elsewhere ("the dictator" three sentences on) is not followed: reading chains
names and pronouns, not descriptions. Stop words, punctuation and tokens without a letter
are never kept. It costs one pass over the mentions' tokens and one over the text's.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from storyline import lang
from storyline.model import Descriptor, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PHRASE = frozenset({"amod", "compound", "nmod", "nummod"})
"""Dependencies that make a word part of a noun's phrase."""
ATTACHED = frozenset({"poss", "compound", "amod", "nmod"})
"""Dependencies by which a mention modifies the noun it hangs from ("Russia's invasion")."""
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})
"""Dependencies by which a mention is a verb's argument (the agent of a passive, "by Kim",
is reached through its preposition)."""


@cache
def verb_lemmas(nlp: Any) -> frozenset[str]:
    """The verb lemmas of the pipeline's lemmatizer tables (empty when it has none): a noun
    spelt as one ("attack", "strike") names an act."""
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset(index["verb"])
    except (KeyError, AttributeError, ValueError):
        return frozenset()


def _kept(tok: Token) -> bool:
    return not tok.is_stop and not tok.is_punct and any(ch.isalpha() for ch in tok.text)


def _phrase(tok: Token, skip: range, possessive: bool = True) -> list[Token]:
    """``tok`` and the words of its phrase (``PHRASE``, and possessives when ``possessive``:
    "North Korea's" of "North Korea's leader", a description; not of "Russia's invasion of
    Ukraine", another actor), outside ``skip``."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in PHRASE or (possessive and child.dep_ == "poss"):
            out.extend(t for t in child.subtree if t.i not in skip)
    return out


class DescriptorFinder:
    """The descriptors of a parsed document's mentions and acts, in ``language`` (None: the
    fallback's tables, ``lang.get``)."""

    def __init__(self, language: lang.Language | None = None) -> None:
        self.endings = (language or lang.get(None)).acts.noun_endings

    def __call__(
        self, doc: Doc, mentions: list[Mention], verbs: frozenset[str] = frozenset()
    ) -> list[Descriptor]:
        if not doc.has_annotation("DEP"):
            return []
        found: dict[tuple[int, str | None], Descriptor] = {}

        def keep(tok: Token, relation: str, chain: str | None) -> None:
            if _kept(tok) and (tok.i, chain) not in found:
                found[(tok.i, chain)] = Descriptor(
                    tok.idx, tok.idx + len(tok), tok.lemma_.lower(), tok.pos_, relation, chain
                )

        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.chain else None
            if span is not None and len(span):
                for relation, tok in self._describing(span):
                    keep(tok, relation, m.chain)
        for tok in doc:
            if tok.pos_ == "VERB" or (
                tok.pos_ == "NOUN" and (tok.lemma_.lower() in verbs or tok.lower_.endswith(self.endings))
            ):
                keep(tok, "act", None)
        return sorted(found.values(), key=lambda d: (d.start, d.chain or ""))

    def _describing(self, span: Span) -> list[tuple[str, Token]]:
        """(relation, word) for each word that names or describes the mention ``span``."""
        inside = range(span.start, span.end)
        root = span.root
        out: list[tuple[str, Token]] = []
        for tok in span:
            for child in tok.children:
                if child.i not in inside and child.dep_ in PHRASE:
                    out.extend(("modifier", t) for t in child.subtree if t.i not in inside)
        head = root.head
        if root.dep_ in ATTACHED and head.i not in inside and head.pos_ == "NOUN":
            skip = range(root.left_edge.i, root.right_edge.i + 1)
            out.extend(("head", t) for t in _phrase(head, skip, possessive=False))
        elif root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "NOUN":
            skip = range(head.i, root.right_edge.i + 1)
            out.extend(("head", t) for t in _phrase(head.head, skip, possessive=False))
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN"):
                out.extend(("appositive", t) for t in _phrase(child, inside))
        if root.dep_ == "appos" and head.i not in inside:
            out.extend(("appositive", t) for t in _phrase(head, inside))
        base = root
        while base.dep_ == "conj" and base.head.i != base.i:
            base = base.head
        if base.dep_ in ("nsubj", "nsubjpass") and base.head.pos_ == "AUX":
            attrs = [c for c in base.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
            out.extend(("appositive", t) for a in attrs for t in _phrase(a, inside))
        verb = base.head
        if base.dep_ == "pobj" and verb.dep_ == "agent":
            verb = verb.head
        elif base.dep_ not in ARGUMENTS:
            return out
        if verb.pos_ == "VERB":
            out.append(("verb", verb))
        return out
