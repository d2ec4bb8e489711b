"""Pronouns resolved to the person (or body) they stand for, from the discourse topic: what
a quote whose speaker is "he" or "it" is attributed to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline import lang
from storyline.read.labels import context_label
from storyline.read.quote_marks import doc_text, quote_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def antecedent(doc: Doc, pronoun: Token, people: lang.People | None = None) -> str | None:
    """The person (or organisation) a pronoun stands for, from the discourse topic.

    News writes "X did this. He said ...": the pronoun follows the latest *subject* (a named
    subject, or a subject pronoun already resolved), not the latest name ("X met Y, and he said"
    is X). Bare surnames count once the full name has been seen. ``people``: the language's
    pronouns and titles (None: the fallback's, ``lang.get``).
    """
    people = people or lang.get(None).people
    topics = doc.user_data.get("storyline_topics")
    if topics is None:
        topics = _topics(doc, people)
        doc.user_data["storyline_topics"] = topics
    if pronoun.lower_ in people.genders:
        return topics.get(pronoun.i)
    bodies = doc.user_data.get("storyline_bodies")
    if bodies is None:  # doc.ents is rebuilt on every access
        bodies = [e for e in doc.ents if e.label_ in ("ORG", "GPE", "NORP")]
        doc.user_data["storyline_bodies"] = bodies
    before = [e for e in bodies if e.end_char <= pronoun.idx]
    return before[-1].text if before else None


def _mostly_person(labels: list[str]) -> bool:
    """Whether the model calls a surface form a person at least as often as anything else
    (a tie keeps it a person: the same answer whatever order the labels come in)."""
    return labels.count("PERSON") >= max(labels.count(x) for x in labels)


def _topics(doc: Doc, people: lang.People) -> dict[int, str]:
    """For each he/she/him/her token, the person it most likely refers to.

    Candidates are the current topic (the latest main-clause subject) and then the people named
    most recently; a person already referred to by a pronoun of the same gender is preferred.
    """
    votes: dict[str, list[str]] = {}
    for e in doc.ents:
        votes.setdefault(e.text, []).append(e.label_)
    # A surface form the model mostly calls a place ("Kyiv") is not a person here either.
    label = {e.start: context_label(doc, e, people) for e in doc.ents}
    persons = [
        e
        for e in doc.ents
        if label[e.start] == "PERSON" and (e.label_ != "PERSON" or _mostly_person(votes[e.text]))
    ]
    persons = [e for e in persons if len(e.text.split()) >= 2 or e.text[:1].isupper()]
    full = {e.text.split()[-1]: e.text for e in persons if len(e.text.split()) >= 2}
    person_at = {}
    for e in persons:
        person_at[e.root.i] = full.get(e.text.split()[-1], e.text)
    for tok in doc:  # bare surnames the model missed
        if tok.text in full and tok.i not in person_at:
            person_at[tok.i] = full[tok.text]
    quoted = [(a, b) for a, b, _ in quote_spans(doc_text(doc))]

    def in_quote(t: Token) -> bool:
        return any(a <= t.idx < b for a, b in quoted)

    topic: str | None = None
    recent: list[str] = []
    gender: dict[str, str] = {}
    out: dict[int, str] = {}
    for tok in doc:
        if tok.i in person_at:
            name = person_at[tok.i]
            recent = [name, *(r for r in recent if r != name)]
            subj = tok if tok.dep_ != "appos" else tok.head
            if subj.dep_ in ("nsubj", "nsubjpass") and subj.head.dep_ == "ROOT" and not in_quote(subj.head):
                topic = name  # main-clause subjects set the topic; embedded and quoted ones do not
            continue
        g = people.genders.get(tok.lower_)
        if g is None:
            non_person_subject = (
                tok.dep_ in ("nsubj", "nsubjpass")
                and tok.head.dep_ == "ROOT"
                and tok.pos_ in ("NOUN", "PROPN")
                and not any(c.i in person_at for c in tok.children)
            )
            if non_person_subject:
                topic = None  # "The ministry said ...": the topic is no longer a person
            continue
        if topic is not None and gender.get(topic, g) == g:
            guess: str | None = topic
        else:
            same = [r for r in recent[:3] if gender.get(r) == g]
            unknown = [r for r in recent if r not in gender]
            guess = (same or unknown or [None])[0]  # type: ignore[list-item]
        if guess is None:
            continue
        out[tok.i] = guess
        gender.setdefault(guess, g)
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
            topic = guess
    return out
