"""Named entities within one article, grouped into chains, with the roles the text gives them.

spaCy's small model finds the mentions; context corrects its typical mislabels (a surname
tagged GPE, a city tagged PERSON, "State" of "Secretary of State" as ORG): a surface form
takes the label most of its mentions in the article carry, a bare surname of a known person
becomes that person, and title words are not entities. Mentions of one person ("Antony
Blinken", "Blinken", "he") share a chain id. Titles, pronouns and prepositions of place are
the language's (``lang.People``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from storyline import lang
from storyline.model import Mention
from storyline.read.labels import context_label, role_of
from storyline.read.pronouns import antecedent
from storyline.spans import SpanIndex
from storyline.spelling import given_names_agree

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}


_SPLIT_NAME = re.compile(r"\b([A-Z]) ([a-z]{3,})\b")


def _relabelled(doc: Doc, ent: Span, people: lang.People) -> Span:
    from spacy.tokens import Span

    label = context_label(doc, ent, people)
    return ent if label == ent.label_ else Span(doc, ent.start, ent.end, label=label)


def _without_title(ent: Span, people: lang.People) -> Span:
    """A person's name without title words the model swept in ("State Maren Holt")."""
    if ent.label_ != "PERSON":
        return ent
    k = ent.start
    while k < ent.end - 1 and ent.doc[k].lower_ in people.titles:
        k += 1
    if k == ent.start:
        return ent
    from spacy.tokens import Span

    return Span(ent.doc, k, ent.end, label=ent.label_)


def same_people(persons: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Within one article: each full name → the fullest name of its person, and each surname
    borne by one person only → that person's name. Names of one surname join only when their
    given names agree, and only when everything they agree with agrees with each other ("J.
    Lee" beside "James Lee" and "Junmyung Lee" is left alone); a surname two people bear
    belongs to neither."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for person in sorted(persons, key=lambda p: (-len(p.split()), -len(p), p)):
        by_surname[person.split()[-1]].append(person)
    canonical: dict[str, str] = {}
    owner: dict[str, str] = {}
    for surname, names in by_surname.items():
        people: list[list[str]] = []
        for name in names:
            fits = [n for n in names if n != name and given_names_agree(name, n)]
            group = [name, *fits]
            if all(given_names_agree(x, y) for i, x in enumerate(group) for y in group[i + 1 :]):
                home = next((g for g in people if any(n in g for n in fits)), None)
                if home is not None:
                    home.append(name)
                    continue
            people.append([name])
        for group in people:
            for name in group:
                canonical[name] = group[0]  # the fullest: names are in that order
        if len(people) == 1:
            owner[surname] = people[0][0]
    return canonical, owner


class EntityFinder:
    """Mentions with corrected labels, chains and roles, from a parsed document in ``language``
    (None: the fallback's tables, ``lang.get``)."""

    def __init__(self, language: lang.Language | None = None) -> None:
        self.people = (language or lang.get(None)).people

    def __call__(self, doc: Doc) -> list[Mention]:
        people = self.people
        ents = [e for e in doc.ents if e.label_ in KEEP and e.text.strip().lower() not in people.not_entities]
        ents = [
            _without_title(_relabelled(doc, e, people), people)
            for e in ents
            if sum(ch.isalpha() for ch in e.text) >= 2
        ]
        # 1. Context votes, then the majority label per surface form, persons' surnames
        # following their full names.
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for e in ents:
            votes[self._key(e.text)][e.label_] += 1
        persons = {
            key
            for key, vote in votes.items()
            if vote.most_common(1)[0][0] == "PERSON" and len(key.split()) >= 2
        }
        surnames = {p.split()[-1]: p for p in persons}  # labels: a person's surname is a person
        canonical, owner = same_people(persons)
        mentions: list[Mention] = []
        for e in ents:
            key = self._key(e.text)
            label = votes[key].most_common(1)[0][0]
            if key in surnames or key in persons:
                label = "PERSON"
            mentions.append(
                Mention(
                    e.start_char,
                    e.end_char,
                    e.text,
                    label,
                    "",
                    role_of(doc, e, people) if label == "PERSON" else None,
                )
            )
        # 2. Chains: a person's full name (and its spellings with agreeing given names), the
        # surname alone when one person of the article bears it, following pronouns; others
        # by surface.
        chain_of: dict[str, str] = {}
        for m in sorted(mentions, key=lambda m: -len(m.text)):
            key = self._key(m.text)
            if m.label == "PERSON":
                key = owner.get(key) or canonical.get(key, key)
            chain_of.setdefault(f"{m.label}:{key}", f"c{len(chain_of) + 1}")
            m.chain = chain_of[f"{m.label}:{key}"]
        mentions.sort(key=lambda m: m.start)
        mentions.extend(self._missed_surnames(doc, mentions, owner))
        mentions.extend(self._pronouns(doc, mentions))
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _key(self, text: str) -> str:
        """How the mentions of one name compare: no possessive, lower case, spaces folded."""
        text = text.strip()
        ending = next((p for p in self.people.possessives if text.endswith(p)), "")
        return " ".join(text[: len(text) - len(ending)].lower().split())

    def _missed_surnames(self, doc: Doc, mentions: list[Mention], surnames: dict[str, str]) -> list[Mention]:
        """A known person's surname standing alone, which the small model often misses."""
        taken = SpanIndex([(m.start, m.end) for m in mentions])
        chain = {self._key(m.text): m.chain for m in mentions if m.label == "PERSON"}
        out = []
        for tok in doc:
            key = tok.lower_
            if key in surnames and tok.is_title and not taken.overlaps(tok.idx, tok.idx + 1):
                full = surnames[key]
                out.append(
                    Mention(
                        tok.idx,
                        tok.idx + len(tok),
                        tok.text,
                        "PERSON",
                        chain.get(full, ""),
                        confidence=0.6,
                    )
                )
        # a surname split by a stray space after its first letter ("L avrov")
        for m in _SPLIT_NAME.finditer(doc.text):
            key = (m.group(1) + m.group(2)).lower()
            if key in surnames and not taken.overlaps(m.start(), m.end()):
                out.append(
                    Mention(
                        m.start(),
                        m.end(),
                        m.group(0),
                        "PERSON",
                        chain.get(surnames[key], ""),
                        confidence=0.5,
                    )
                )
        return out

    def _pronouns(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """he/she at a sentence's subject position join the chain of the person they stand
        for, as ``read.pronouns.antecedent`` resolves them (the discourse topic, gender kept),
        so a pronoun's chain and the speaker a quote names are one answer; a pronoun it
        cannot resolve joins no chain."""
        chain = {self._key(m.text): m.chain for m in mentions if m.label == "PERSON" and m.chain}
        out = []
        for tok in doc:
            if tok.lower_ in self.people.subject_pronouns and tok.dep_ in ("nsubj", "nsubjpass"):
                person = antecedent(doc, tok, self.people)
                found = chain.get(self._key(person)) if person else None
                if found:
                    out.append(
                        Mention(tok.idx, tok.idx + len(tok), tok.text, "PERSON", found, confidence=0.5)
                    )
        return out
