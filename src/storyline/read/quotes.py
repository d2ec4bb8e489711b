"""Quotes and attributed statements: who said what, with the cue and the speaker's span.

Direct quotes are paired from quotation marks tolerantly: curly and straight marks, mismatched
pairs (“…"), an opening mark never closed (the quote then runs to the paragraph's end), quotes
continued across paragraphs. Indirect statements come from the parse: a speech or cognition
verb with a clausal complement ("X said that ..."), "according to X". One odd mark never costs
the document: every step works on what it can pair and leaves the rest. The verbs and the
words around a quotation are the language's (``lang.Speech``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline import lang
from storyline.read.pronouns import antecedent
from storyline.read.quote_marks import CLOSE, OPEN, STRAIGHT, doc_text, quote_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


CUE_SENTENCE_TOKENS = 12
"""The sentence right after a quote is read for its cue when it is this short ("…," he said.)."""
CONTINUED_WITHIN = 80
"""Characters between two quotes of one paragraph, past the first's cue, within which the
second continues the first ("“…,” he told Zelenskyy. “I think …”")."""
SAME_SPEAKER_WITHIN = 400
"""Characters within which a quote with no cue of its own continues the quote before it."""


@dataclass
class Attribution:
    """One attributed statement: content span, cue, speaker span, kind and confidence."""

    start: int
    end: int
    text: str
    kind: str  # direct | partial | indirect
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    confidence: float = 0.5
    closed: bool = True
    continues: int | None = None  # index of the quote this one continues
    resolved_from: str | None = None  # for pronoun speakers: the mention they stand for
    document: bool = False  # the speaker is a document ("the statement"): its issuer or no one
    spans: list[tuple[int, int]] = field(default_factory=list)


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without its quotation marks and surrounding space or trailing comma."""
    s, e = start, end
    while s < e and (text[s] in OPEN or text[s] in CLOSE or text[s] in " " + STRAIGHT):
        s += 1
    while e > s and (text[e - 1] in OPEN or text[e - 1] in CLOSE or text[e - 1] in " ," + STRAIGHT):
        e -= 1
    return s, e


def _np_span(tok: Token, speech: lang.Speech) -> tuple[int, int]:
    """Character span of a noun phrase headed by ``tok`` (its subtree, trimmed of clauses)."""
    skip: set[int] = set()
    for child in tok.children:
        if child.dep_ in ("relcl", "acl", "advcl") and child.i > tok.i:
            first = child.left_edge
            who = first.lower_ in speech.person_relatives and first.i > 0 and tok.doc[first.i - 1].text == ","
            if not (child.dep_ == "relcl" and who):  # "X, who chairs the panel," describes X
                skip.update(t.i for t in child.subtree)
    kept = [t for t in tok.subtree if t.i not in skip]
    while kept and (
        (kept[-1].is_punct and kept[-1].text not in ")%") or kept[-1].dep_ in ("cc", "advmod", "preconj")
    ):
        kept.pop()
    while kept and kept[0].is_punct:
        kept.pop(0)
    if not kept:
        return tok.idx, tok.idx + len(tok)
    return kept[0].idx, kept[-1].idx + len(kept[-1])


def _name_in_apposition(subj: Token) -> str | None:
    """The name in "Mira Lund, an economist at X" or "the head of X, Rolf Dahl"."""
    for tok in (subj, *(c for c in subj.children if c.dep_ == "appos")):
        if tok.pos_ == "PROPN":
            names = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            first = names[0].i if names else tok.i
            return subj.doc[first : tok.i + 1].text
    return None


def _embedded(text: str, start: int, end: int, speech: lang.Speech) -> bool:
    """Is the quotation woven into the writer's sentence ("called it “a border on the water”",
    "walked out “before the coffee was cold”") rather than standing as the speaker's words
    ("“We came …,” she said", "She said: “…”", "he stated, “…”")?"""
    before = text[max(0, start - 40) : start].rstrip(" \u00a0")
    if not before or before[-1] in '\n.!?:,;—–-("“”':
        return False
    words = before.split()
    if words and words[-1].lower().strip(",") in speech.introducers:
        return False
    after = text[end : end + 3]
    return not (after[:1] == "\n" or not after) or before[-1].isalpha()


def _lemma(t: Token, speech: lang.Speech) -> str:
    lemma = t.lemma_.lower()
    fixed = speech.lemma_fixes.get(lemma)
    return fixed if fixed is not None and t.lower_.startswith(fixed) else lemma


_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]+(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([^)]*\)\s*)?(?:--|—|–|-|$)\s*"
)


def _speaker_span(subj: Token, cue: Token, speech: lang.Speech) -> tuple[int, int] | None:
    """The speaker's noun phrase, without a dateline before it or anything from the cue on."""
    a, b = _np_span(subj, speech)
    text = doc_text(subj.doc)
    if a < cue.idx < b:
        b = cue.idx
        while b > a and text[b - 1] in " ,":
            b -= 1
    m = _DATELINE.match(text[a:b])
    if m and m.end() < b - a:
        a += m.end()
    elif m and text[a:b].isupper() and (a == 0 or text[a - 1] == "\n"):
        return None  # the dateline itself ("WASHINGTON —") parsed as the subject
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _cue_tokens(
    sent: Span, inside: list[tuple[int, int]], speech: lang.Speech, lemmas: frozenset[str] | None = None
) -> list[Token]:
    """The cue verbs of a sentence outside quotations: ``lemmas``, else the language's cues."""
    cues = speech.cues if lemmas is None else lemmas

    def outside(t: Token) -> bool:
        return not any(a <= t.idx < b for a, b in inside)

    return [t for t in sent if _lemma(t, speech) in cues and t.pos_ in ("VERB", "AUX") and outside(t)]


def _best_cue(cues: list[Token], start: int, end: int, text: str, speech: lang.Speech) -> Token:
    """The cue that introduces or closes this quote.

    News attaches a quote to the verb right before it ("he stated, “…”") or right after it
    ("“…,” Blinken said"); a participle further on ("…, noting that ...") is another statement.
    """

    def gap(t: Token) -> int:
        if t.idx >= end:
            between = text[end : t.idx]
        elif t.idx + len(t) <= start:
            between = text[t.idx + len(t) : start]
        else:
            return 10_000
        words = len(between.split())
        penalty = 0 if t.tag_ in ("VBD", "VBZ", "VBP") else 3  # finite verbs over participles
        if _lemma(t, speech) in speech.beliefs:
            penalty += 8  # "said Latvia would like X to be “more efficient”": the speaker said it
        return words * 2 + penalty + (0 if t.idx >= end else 1)

    return min(cues, key=gap)


def _agent_like(tok: Token, speech: lang.Speech) -> bool:
    """Can this subject speak? A named person or body, a pronoun, or a speaking role noun."""
    if tok.lower_ in speech.pronouns:
        return True
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return tok.lower_ in speech.agents or tok.lemma_.lower() in speech.agents


_DASHES = {"—", "–", "--", "-"}


def _dateline(tok: Token) -> bool:
    """Whether a token heads a dateline: it opens its sentence and its phrase ends at a dash
    ("KYIV, Ukraine (AP) —", "WASHINGTON —")."""
    sub = list(tok.subtree)
    after = tok.doc[sub[-1].i + 1] if sub[-1].i + 1 < len(tok.doc) else None
    ends_at_dash = sub[-1].text in _DASHES or (after is not None and after.text in _DASHES)
    return sub[0].i == tok.sent.start and ends_at_dash


def _subject(verb: Token, speech: lang.Speech, depth: int = 0) -> Token | None:
    """The speaker of a cue verb; participles ("…, adding") borrow the subject of the verb they
    hang on. A dateline the parser took for a subject ("KYIV, Ukraine (AP) — ...") is none:
    the subject nearest the verb is."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not _dateline(c)]
    if subjects:
        child = subjects[-1]
        if depth and not _agent_like(child, speech) and verb.head.i != verb.i:
            return _subject(verb.head, speech, depth + 1) if depth < 4 else None
        return child
    if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp") and verb.head.i != verb.i and depth < 4:
        return _subject(verb.head, speech, depth + 1)
    for child in verb.children:  # passive "was told by X"
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _complement(cue: Token, objects: bool = False) -> tuple[int, int] | None:
    """Character span of what a cue verb reports: its clausal complement ("said [that ...]"),
    or object plus infinitive ("urged [supporters to vote]"), or with ``objects`` a plain
    object and its predicate ("called [Y a liar]"); None when it has none of these."""
    comp = next(
        (c for c in cue.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")),
        None,
    )
    if comp is None and cue.dep_ == "parataxis" and cue.head.pos_ in ("VERB", "AUX"):
        # "The plan, he said, is dead": the clause around the parenthetical cue is the content.
        own = {t.i for t in cue.subtree}
        tokens = [t for t in cue.head.subtree if t.i not in own]
    elif comp is None and objects:
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if obj is None:
            return None
        tokens = list(obj.subtree)
        for c in cue.children:
            if c.i > obj.i and (c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ == "for")):
                tokens.extend(c.subtree)  # "called [Y a liar]", "praised [Y for its courage]"
    elif comp is None:
        return None
    else:
        tokens = list(comp.subtree)
    if comp is not None and comp.dep_ == "xcomp":
        obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i < comp.i), None)
        if obj is not None:
            tokens = [*obj.subtree, *tokens]
    tokens.sort(key=lambda t: t.i)
    while tokens and (tokens[-1].is_space or (tokens[-1].is_punct and tokens[-1].text not in '"”’)')):
        tokens.pop()
    while tokens and (tokens[0].is_space or (tokens[0].is_punct and tokens[0].text not in '"“‘(')):
        tokens.pop(0)
    if not tokens:
        return None
    left = min(t.idx for t in tokens)
    right = max(t.idx + len(t) for t in tokens)
    text = doc_text(cue.doc)
    inner = text[left:right]
    if inner.count("“") > inner.count("”") or inner.count('"') % 2:
        # a quotation opened inside the complement closes after it: take the closing mark too
        m = re.match(r'[^\n“”"]{0,3}[”"]', text[right:])
        if m:
            right += m.end()
    return (left, right) if right - left >= (3 if objects else 12) else None


def _covers(a: int, b: int, left: int, right: int, text: str) -> bool:
    """Does the quotation (a, b) make up the complement (left, right)? It does when the
    complement has at most one word outside it (a "that" before a quote is still the quote)."""
    if not (a < right and left < b):
        return False
    outside = text[left : max(left, a)] + " " + text[min(right, b) : right]
    return len(outside.split()) <= 1


def _according_to(sent: Span, speech: lang.Speech) -> tuple[Token, Token] | None:
    """The two words of "according to X" and X, in a sentence."""
    first, second = speech.according
    for t in sent:
        if t.lower_ == first and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == second:
            for child in t.doc[t.i + 1].children:
                if child.dep_ == "pobj":
                    return t, child
    return None


def _not_from_inside(quote: Attribution, start: int, end: int, text: str) -> None:
    """Never a name inside the quoted words (start, end) as their speaker: a speaker span
    there is dropped, and so is a name a pronoun was resolved to that the text names only
    there ("“Vidal, who is railing …, knows it,” she said": "she" is not Vidal)."""
    if quote.speaker_start is not None and start <= quote.speaker_start < end:
        quote.speaker = quote.speaker_start = quote.speaker_end = quote.resolved_from = None
    name = quote.resolved_from
    if name and quote.cue_end is not None and name in text[start:end]:
        outside = text[:start] + " " + text[end : quote.cue_end]
        if name not in outside and name.split()[-1] not in outside.split():
            quote.resolved_from = None


class QuoteExtractor:
    """Finds direct, partial and indirect quotes in a parsed document."""

    def __init__(
        self, min_direct_words: int = 4, stances: bool = False, language: lang.Language | None = None
    ) -> None:
        self.min_direct_words = min_direct_words
        self.stances = stances  # also "X endorsed Y" (content: the object), as PolNeAR counts
        language = language or lang.get(None)  # None: the fallback's tables (lang.get)
        self.speech, self.people = language.speech, language.people
        # "Roy, who chairs the committee, said": a description after the name
        self._described = re.compile(rf", (?:{'|'.join(self.speech.person_relatives)}) ")

    def __call__(self, doc: Doc) -> list[Attribution]:
        text = doc_text(doc)
        marks = quote_spans(text)
        inside = [(a, b) for a, b, _ in marks]
        quotes: list[Attribution] = []
        used_cues: set[int] = set()
        for start, end, closed in marks:
            s, e = _inner(text, start, end)
            if e <= s:
                continue
            words = len(text[s:e].split())
            first = doc.char_span(start, start + 1, alignment_mode="expand")
            last = doc.char_span(max(start, end - 1), end, alignment_mode="expand")
            if first is None or last is None:
                continue
            # The sentences the quote touches, and the one right after it ("…," he said.).
            lo, hi = first[0].sent.start, last[-1].sent.end
            if hi < len(doc) and doc[hi].sent.start == hi and len(doc[hi].sent) <= CUE_SENTENCE_TOKENS:
                hi = doc[hi].sent.end
            cues = _cue_tokens(doc[lo:hi], inside, self.speech)
            embedded = _embedded(text, start, end, self.speech)
            kind = "direct" if words >= self.min_direct_words and not embedded else "partial"
            quote = Attribution(s, e, text[s:e], kind, closed=closed, spans=[(s, e)])
            prev = quotes[-1] if quotes else None
            if (
                prev is not None
                and prev.speaker
                and prev.cue_start is not None
                and prev.end <= prev.cue_start < start
                and start - prev.end < CONTINUED_WITHIN
                and "\n" not in text[prev.end : start]
            ):
                # "“…,” he told Zelenskyy. “I think …”": the second part continues the first.
                quote.speaker, quote.speaker_start, quote.speaker_end = (
                    prev.speaker,
                    prev.speaker_start,
                    prev.speaker_end,
                )
                quote.cue, quote.cue_start, quote.cue_end = prev.cue, prev.cue_start, prev.cue_end
                quote.resolved_from, quote.continues, quote.confidence = (
                    prev.resolved_from,
                    len(quotes) - 1,
                    0.85,
                )
                quotes.append(quote)
                continue
            if cues:
                cue = _best_cue(cues, start, end, text, self.speech)
                self._attach(quote, cue, doc)
                _not_from_inside(quote, start, end, text)
                used_cues.add(cue.i)
                quote.confidence = 0.9 if quote.speaker else 0.6
            elif kind == "direct" or words >= self.min_direct_words:
                quote.confidence = 0.4
            else:
                continue  # scare quotes: a short quoted word with nobody saying it
            quotes.append(quote)
        self._inherit_speakers(quotes, text)
        statements = self._indirect(doc, inside, used_cues)
        for q in quotes:
            outer = [st for st in statements if st.start <= q.start and q.end <= st.end and st.speaker]
            if q.cue is not None and q.continues is None:
                # a quote cued by a belief verb inside someone's reported statement is theirs:
                # "Rinkevics said that Latvia would like it to be “more efficient”"
                at, to = q.cue_start, q.cue_end
                if at is None or to is None or q.cue.lower() in self.speech.plain_said:
                    continue
                inner = [st for st in outer if st.start <= at < st.end]
                cue_span = doc.char_span(at, to) if inner else None
                if cue_span is None or _lemma(cue_span[0], self.speech) not in self.speech.beliefs:
                    continue
                outer = inner
            if outer:  # 'According to him, Moscow “has been willing …”': the statement's speaker
                st = min(outer, key=lambda st: st.end - st.start)
                q.speaker, q.speaker_start, q.speaker_end = (
                    st.speaker,
                    st.speaker_start,
                    st.speaker_end,
                )
                q.cue, q.cue_start, q.cue_end = st.cue, st.cue_start, st.cue_end
                q.resolved_from, q.continues, q.confidence = st.resolved_from, None, 0.7
        quotes.extend(statements)
        quotes.sort(key=lambda q: q.start)
        return quotes

    def _attach(self, quote: Attribution, cue: Token, doc: Doc) -> None:
        quote.cue, quote.cue_start, quote.cue_end = cue.text, cue.idx, cue.idx + len(cue)
        subj = _subject(cue, self.speech)
        where = _speaker_span(subj, cue, self.speech) if subj is not None else None
        if subj is not None and where is not None:
            a, b = where
            quote.speaker, quote.speaker_start, quote.speaker_end = doc_text(doc)[a:b], a, b
            if subj.pos_ == "NOUN" and _lemma(subj, self.speech) in self.speech.documents:
                # "the statement said": a source, credited to its issuer or to no one
                quote.document, quote.resolved_from = True, self._issuer(subj)
            elif subj.lower_ in self.speech.pronouns:
                quote.resolved_from = antecedent(doc, subj, self.people)
            elif self._described.search(quote.speaker):
                # "Roy, who chairs the committee, said": the span as written, the name resolved
                quote.resolved_from = self._described.split(quote.speaker)[0]
            elif subj.lower_ in self.speech.relatives and subj.head.dep_ == "relcl":
                # "X, who said ...": the relative pronoun stands for the phrase it hangs on
                a, b = _np_span(subj.head.head, self.speech)
                quote.resolved_from = doc_text(doc)[a:b]
            elif any(c.dep_ == "appos" for c in subj.children):
                quote.resolved_from = _name_in_apposition(subj)

    def _issuer(self, noun: Token, earlier: bool = True) -> str | None:
        """Who issued the document ``noun``, as the text says: "the board's statement", "a
        statement from the board", "a letter signed by X"; or, with ``earlier``, what the same
        document's latest earlier mention says ("X said in a statement. ... The statement
        added", "X released a letter. The letter said"). None when the text does not say."""
        text = doc_text(noun.doc)
        for child in noun.children:
            if child.dep_ == "poss":
                if child.lower_ in self.people.genders or child.lower_ in self.speech.pronouns:
                    return antecedent(noun.doc, child, self.people)
                a, b = _np_span(child, self.speech)
                return re.sub(r"\s*['’]s?$", "", text[a:b]) or None
            if child.dep_ == "prep" and child.lower_ in self.speech.issued_by:
                preps = [child]
            elif child.dep_ == "acl":  # "a letter signed by X"
                preps = [c for c in child.children if c.dep_ == "agent"]
            else:
                continue
            for prep in preps:
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    a, b = _np_span(obj, self.speech)
                    return text[a:b]
        if not earlier:
            return None
        lemma = _lemma(noun, self.speech)
        before = [t for t in noun.doc[: noun.i] if t.pos_ == "NOUN" and _lemma(t, self.speech) == lemma]
        if not before:
            return None
        last = before[-1]
        own = self._issuer(last, earlier=False)
        if own is not None:
            return own
        verb = last.head.head if last.dep_ == "pobj" else last.head if last.dep_ == "dobj" else None
        subj = _subject(verb, self.speech) if verb is not None and verb.pos_ in ("VERB", "AUX") else None
        if subj is None or _lemma(subj, self.speech) in self.speech.documents:
            return None
        if subj.lower_ in self.speech.pronouns:
            return antecedent(noun.doc, subj, self.people)
        where = _speaker_span(subj, verb, self.speech)  # type: ignore[arg-type]
        return text[where[0] : where[1]] if where else None

    def _inherit_speakers(self, quotes: list[Attribution], text: str) -> None:
        """A quote with no cue of its own continues the quote just before it (same speaker)."""
        for i, q in enumerate(quotes):
            if q.speaker is not None or i == 0:
                continue
            prev = quotes[i - 1]
            gap = text[prev.end : q.start]
            if prev.speaker and (not prev.closed or len(gap) < SAME_SPEAKER_WITHIN):
                q.speaker, q.speaker_start, q.speaker_end = (
                    prev.speaker,
                    prev.speaker_start,
                    prev.speaker_end,
                )
                q.resolved_from = prev.resolved_from
                q.cue, q.cue_start, q.cue_end = prev.cue, prev.cue_start, prev.cue_end
                q.continues = i - 1
                q.confidence = 0.7

    def _indirect(self, doc: Doc, inside: list[tuple[int, int]], used: set[int]) -> list[Attribution]:
        """Reported speech: the clausal complement of a cue verb, with its speaker.

        A complement that holds a partial quote ("said the plan was “dead on arrival”") is the
        statement and the quoted words are evidence inside it, so both are kept; a complement
        that is essentially one direct quote was attributed already.
        """
        out: list[Attribution] = []
        for sent in doc.sents:
            lemmas = self.speech.cues | self.speech.stances if self.stances else self.speech.cues
            for cue in _cue_tokens(sent, inside, self.speech, lemmas):
                span = _complement(
                    cue, objects=self.stances and _lemma(cue, self.speech) in self.speech.stances
                )
                if span is None:
                    continue
                left, right = span
                if any(_covers(a, b, left, right, doc_text(doc)) for a, b in inside):
                    continue  # the complement is itself a direct quote, already attributed
                content = doc_text(doc)[left:right]
                q = Attribution(left, right, content, "indirect", spans=[(left, right)], confidence=0.6)
                self._attach(q, cue, doc)
                if q.speaker is None and cue.tag_ not in ("VBG", "VBN"):
                    continue  # a finite cue with no subject is usually a misparse
                q.confidence = 0.7 if _lemma(cue, self.speech) not in self.speech.beliefs else 0.5
                if q.speaker is None:
                    q.confidence = 0.4  # "..., saying that ...": a statement whose source is unclear
                out.append(q)
            acc = _according_to(sent, self.speech)
            if acc is not None:
                according, source = acc
                a, b = _np_span(source, self.speech)
                rest = [
                    t
                    for t in sent
                    if not (according.i <= t.i <= source.right_edge.i) and not t.is_punct and not t.is_space
                ]
                if rest:
                    left = min(t.idx for t in rest)
                    right = max(t.idx + len(t) for t in rest)
                    q = Attribution(
                        left,
                        right,
                        doc_text(doc)[left:right],
                        "indirect",
                        spans=[(left, right)],
                        confidence=0.6,
                    )
                    phrase = " ".join(self.speech.according)
                    q.cue, q.cue_start, q.cue_end = phrase, according.idx, according.idx + len(phrase)
                    q.speaker, q.speaker_start, q.speaker_end = doc_text(doc)[a:b], a, b
                    if source.lower_ in self.speech.pronouns:
                        q.resolved_from = antecedent(doc, source, self.people)
                    out.append(q)
        return out
