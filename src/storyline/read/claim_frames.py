"""What a number is about, read from the parse: the thing it counts, the predicate that
governs it, the words between them, and who or what the predicate is about.

"The crew drilled the well 40 miles off the coast" gives thing "mile", predicate "drill",
path ["off", "coast"]; "The blast killed 15 workers" gives thing "worker", predicate "kill",
about ["blast"]; "The death toll from the collapse of the dam rose to 47" gives thing
"toll", predicate "level" (a level reached: rise, reach, hit, stand), about ["collapse",
"dam"]. Conflict detection compares these frames, so that a leak rate and a collection rate,
or a plume's length and width, are never one quantity. ``scope`` marks a number counted in
addition to another ("another 15", "11 more"), which cannot contradict a total. The words of
levels, scales and scope are the language's (``lang.Numbers``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline import lang
from storyline.model import ClaimFrame

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_PRUNE = frozenset(("relcl", "acl", "advcl", "conj", "cc", "punct", "appos", "ccomp", "parataxis"))
_CONTENT_POS = frozenset(("NOUN", "PROPN", "ADJ"))
_PATH_POS = frozenset(("ADP", "ADJ", "ADV", "NOUN", "PROPN"))
_UNIT_DEPS = frozenset(("nummod", "quantmod", "compound", "npadvmod", "nmod"))


def frame_of(ent: Span, numbers: lang.Numbers | None = None) -> ClaimFrame:
    """The frame of a number entity: ``thing``, ``predicate``, ``path``, ``about``, ``names``
    (the proper nouns among ``about``) and ``scope``; ``numbers``: the language's words (None:
    the fallback's, ``lang.get``)."""
    numbers = numbers or lang.get(None).numbers
    thing = _counted(ent, numbers)
    verb, path = _governor(thing, numbers)
    subject = _subject(verb) if verb is not None else None
    if verb is not None and (thing.dep_ in ("nsubj", "nsubjpass") or _lemma(verb) in numbers.levels):
        # the counted thing is what the predicate is about ("11 people died at the refinery")
        about = _words(thing, numbers, skip=thing) | _objects(verb, numbers, skip=thing)
        if subject is not None and subject.i != thing.i:
            about |= _words(subject, numbers)
    else:
        about = _words(subject, numbers)
    inside = {t.i for t in ent}
    words = {w for w, i in about if i not in inside and w.lower() not in path} - {_lemma(thing)}
    names = {w for w in words if w[:1].isupper()}
    return ClaimFrame(
        thing=_lemma(thing),
        predicate=_predicate(verb, numbers),
        path=sorted(path),
        about=sorted(w.lower() for w in words),
        names=sorted(w.lower() for w in names),
        scope=_scoped(ent, thing, numbers),
    )


def _lemma(tok: Token) -> str:
    return (tok.text if tok.pos_ == "PROPN" else tok.lemma_.lower()).strip()


def _counted(ent: Span, numbers: lang.Numbers) -> Token:
    """The noun the number counts ("barrels" of "11,000 barrels", "thousands of barrels"), the
    subject of a level ("toll" of "the toll rose to 47"), else the number itself."""
    nouns = [t for t in ent if t.pos_ in ("NOUN", "PROPN") and t.is_alpha and not t.like_num]
    nouns = [t for t in nouns if t.lower_ not in numbers.scale_words]
    if nouns:
        return nouns[-1]
    figures = [t for t in ent if t.like_num or t.lower_ in numbers.scale_words]
    root = figures[-1] if figures else ent.root
    while root.dep_ in ("compound", "quantmod") and root.head.i != root.i and root.head.like_num:
        root = root.head  # "9.5" of "9.5 billion": the scale carries the phrase
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:  # "thousands of barrels"
        obj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return obj
    head = root.head
    if root.dep_ in _UNIT_DEPS and head.i != root.i and head.pos_ in ("NOUN", "PROPN") and head.is_alpha:
        return head
    verb = head.head if root.dep_ == "pobj" and head.pos_ == "ADP" else head
    if (
        root.dep_ in ("dobj", "pobj", "attr")
        and verb.pos_ in ("VERB", "AUX")
        and _lemma(verb) in numbers.levels
    ):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            return subj
    return root


def _governor(thing: Token, numbers: lang.Numbers) -> tuple[Token | None, set[str]]:
    """The first verb above the counted thing, and the content words on the way to it (with
    the objects of its prepositions: "off" and "coast" of "40 miles off the coast")."""
    path: set[str] = set()
    tok = thing
    for _ in range(8):
        if tok.head.i == tok.i:
            return (tok if tok.pos_ in ("VERB", "AUX") else None), path
        listed = tok.dep_ in ("conj", "appos")  # "32 ships, five airplanes": a list, not a path
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok, path
        if (
            tok.pos_ in _PATH_POS
            and not tok.like_num
            and not listed
            and tok.lower_ not in numbers.scale_words
        ):
            path.add(_lemma(tok).lower())
            if tok.pos_ == "ADP":
                path.update(_lemma(c).lower() for c in tok.children if c.dep_ == "pobj" and c.i != thing.i)
    return None, path


def _predicate(verb: Token | None, numbers: lang.Numbers) -> str:
    if verb is None:
        return ""
    lemma = _lemma(verb)
    return "level" if lemma in numbers.levels else lemma


def _subject(verb: Token) -> Token | None:
    """The verb's subject, inherited from the verb it continues ("sank the rig, killing 11":
    the subject of "sank"); a relative clause's subject is the noun it describes."""
    tok = verb
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        # the nearest: a dateline ("MAREN FALLS, Valdoria —") can parse as a second subject
        subj = min(subjects, key=lambda c: abs(c.i - tok.i)) if subjects else None
        if subj is not None and subj.pos_ != "PRON":
            return subj
        if subj is not None and subj.tag_ == "WDT" and tok.dep_ == "relcl":
            return tok.head  # "the explosion which killed 11": the explosion
        if subj is not None:
            return None  # a pronoun: who it is, the frame does not know
        if tok.dep_ in ("advcl", "conj", "xcomp", "acl", "relcl") and tok.head.i != tok.i:
            if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
                return tok.head
            tok = tok.head
            continue
        return None
    return None


def _words(
    tok: Token | None, numbers: lang.Numbers, skip: Token | None = None, depth: int = 5
) -> set[tuple[str, int]]:
    """Content words of a noun phrase (with their positions): the noun, its modifiers and its
    prepositions' objects, ``depth`` words deep ("toll from the collapse of the dam")."""
    if tok is None or depth == 0:
        return set()
    out = set()
    if tok.pos_ in _CONTENT_POS and not tok.like_num and (skip is None or tok.i != skip.i):
        lemma = _lemma(tok)
        if lemma.lower() not in numbers.generic:
            out.add((lemma, tok.i))
    for c in tok.children:
        if c.dep_ not in _PRUNE:
            out |= _words(c, numbers, skip, depth - 1)
    return out


def _objects(verb: Token, numbers: lang.Numbers, skip: Token) -> set[tuple[str, int]]:
    """Words of the verb's prepositional and direct objects ("died at the refinery explosion")."""
    out: set[tuple[str, int]] = set()
    for c in verb.children:
        if c.dep_ == "prep":
            for o in c.children:
                if o.dep_ == "pobj" and o.i != skip.i and o.ent_type_ not in ("DATE", "TIME"):
                    out |= _words(o, numbers)
        elif c.dep_ == "dobj" and c.i != skip.i:
            out |= _words(c, numbers)
    return out


def _scoped(ent: Span, thing: Token, numbers: lang.Numbers) -> bool:
    """Whether the number counts some in addition to others ("another 15", "11 more")."""
    near = [*ent, *(c for c in thing.children if c.dep_ in ("det", "amod", "quantmod", "advmod"))]
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None:
        near.append(before)
    return any(t.lower_ in numbers.scope for t in near if not (t.lower_ == "more" and t.i < ent.end - 1))
