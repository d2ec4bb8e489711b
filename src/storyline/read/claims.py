"""Numeric claims: a number, what it counts, how it is qualified, and who asserts it.

"Ukraine said that its troops have killed 12,000 Russian forces" gives value 12000, unit
"Russian forces killed", source Ukraine. Money ("$ 200 million"), approximations and bounds
("about 100,000", "more than 2 million", "over 500") keep their qualifier. The words are the
language's (``lang.Numbers``; the source's verbs ``lang.Speech.reporting``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline import lang
from storyline.model import Claim
from storyline.read.claim_frames import frame_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storyline.read.quotes import Attribution

NUMERIC = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_DECIMAL_COMMA = re.compile(r"(?<![\d,])(\d{1,3}),(\d{1,2})(?![\d,])")
"""A decimal comma ("3,5 bn"): one to three digits, a comma, one or two digits, nothing more."""


def parse_number(
    text: str, numbers: lang.Numbers | None = None
) -> tuple[float | None, str | None, str | None]:
    """(value, qualifier, currency) of a number phrase such as "about $ 200 million", in the
    words of ``numbers`` (None: the fallback language's, ``lang.get``)."""
    numbers = numbers or lang.get(None).numbers
    low = text.lower().strip()
    qualifier = next((q for q in numbers.qualifiers if low.startswith(q + " ")), None)
    if qualifier:
        low = low[len(qualifier) :].strip()
    currency = next((c for sym, c in _CURRENCY.items() if sym in low), None)
    low = _DECIMAL_COMMA.sub(r"\1.\2", re.sub(r"[$€£¥]", "", low)).replace(",", "").strip()
    m = re.match(rf"(\d+(?:\.\d+)?)[\s-]*({numbers.scale_pattern})?\b", low)  # "20-billion" too
    if m:
        scale = m.group(2) or ""
        factor = numbers.scales.get(scale) or (numbers.money_scales.get(scale) if currency else None) or 1
        value = float(m.group(1)) * factor
        return value, qualifier, currency
    words = low.split()
    if words and words[0] in numbers.words:
        value = float(numbers.words[words[0]])
        if len(words) > 1 and words[1] in numbers.scales:
            value *= numbers.scales[words[1]]
        return value, qualifier, currency
    return None, qualifier, currency


def _unit(doc: Doc, ent: Span, numbers: lang.Numbers) -> str:
    """What the number counts: the noun it modifies (with its modifiers), and the verb acting on it."""
    if ent.label_ == "PERCENT":
        end = ent.end
        if end < len(doc) and doc[end].lower_ == "of":
            obj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
            if obj is not None:
                span = doc[doc[end].i : obj.i + 1]
                return f"percent {span.text}"
        return "percent"
    if ent.label_ == "QUANTITY":  # "1,200 tonnes": the unit is inside the entity
        nums = [t.i for t in ent if t.like_num or t.lower_ in numbers.scales]
        unit = doc[nums[-1] + 1 : ent.end].text if nums else ""
        if ent.end < len(doc) and doc[ent.end].lower_ == "of":
            obj = next((c for c in doc[ent.end].children if c.dep_ == "pobj"), None)
            if obj is not None:
                unit = f"{unit} {doc[ent.end : obj.i + 1].text}".strip()
        if unit:
            return unit
    root = ent.root
    level = _level_of(root, numbers)
    if level:
        return level
    head = root.head if root.dep_ in ("nummod", "quantmod", "compound") else None
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        nxt = doc[ent.end] if ent.end < len(doc) else None
        head = nxt if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") else None
    if head is None:
        return "currency" if ent.label_ == "MONEY" else ""
    mods = [t for t in head.lefts if t.dep_ in ("amod", "compound") and t.i >= ent.end]
    phrase = " ".join([*(t.text for t in mods), head.text])
    rate = next((c for c in head.rights if c.dep_ == "npadvmod"), None)
    if rate is not None:  # "crowns a year"
        phrase += " " + doc[rate.left_edge.i : rate.i + 1].text
    elif head.dep_ in ("dobj", "nsubj", "nsubjpass") and head.head.pos_ == "VERB":
        phrase += f" {head.head.text}"
    return phrase


def _level_of(root: Token, numbers: lang.Numbers) -> str | None:
    """For "the death toll rose to 47" / "reached 47": the quantity is the verb's subject."""
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ in ("to", "at") and verb.dep_ == "prep":
        verb = verb.head
    elif root.dep_ != "dobj":
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in numbers.changes:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN":
        return None
    mods = [t.text for t in subj.lefts if t.dep_ in ("amod", "compound")]
    return " ".join([*mods, subj.text])


def quantity_of(unit: str, numbers: lang.Numbers | None = None) -> str:
    """The measured quantity a unit names ("people killed" → "deaths"), else the unit itself;
    ``numbers``: the unit's language's words (None: the fallback's, ``lang.get``)."""
    words = unit.lower().split()
    for quantity, stems in (numbers or lang.get(None).numbers).quantities.items():
        if any(w.startswith(stems) for w in words):
            return quantity
    return unit.lower()


def _number_text(ent: Span, numbers: lang.Numbers) -> str:
    """The number as written, with a currency sign or money scale the tagger left outside it
    ("$" before "207", "m" after it)."""
    doc, text = ent.doc, ent.text
    if ent.start > 0 and doc[ent.start - 1].text in _CURRENCY and not any(c in text for c in _CURRENCY):
        text = f"{doc[ent.start - 1].text} {text}"
    if (
        ent.end < len(doc)
        and doc[ent.end].lower_ in numbers.money_scales
        and any(c in text for c in _CURRENCY)
    ):
        text = f"{text}{doc[ent.end].text}"
    return text


def _sentence(ent: Span) -> tuple[int, int, str]:
    sent = ent.sent
    text = sent.text.rstrip()
    return sent.start_char, sent.start_char + len(text), text


class ClaimFinder:
    """Numeric claims of a parsed document in ``language`` (None: the fallback's tables,
    ``lang.get``); sources come from the quotes they sit in."""

    def __init__(self, language: lang.Language | None = None) -> None:
        language = language or lang.get(None)
        self.numbers, self.reporting = language.numbers, language.speech.reporting

    def __call__(self, doc: Doc, quotes: list[Attribution]) -> list[Claim]:
        out = []
        for ent in doc.ents:
            if ent.label_ not in NUMERIC:
                continue
            value, qualifier, currency = parse_number(_number_text(ent, self.numbers), self.numbers)
            if value is None:
                continue
            source = None
            for q in quotes:
                if q.start <= ent.start_char < q.end or (
                    q.kind == "indirect"
                    and q.speaker_start is not None
                    and q.start <= ent.start_char <= q.end
                ):
                    source = q.resolved_from or q.speaker
                    break
            if source is None:
                source = self._reporting_subject(ent)
            unit = _unit(doc, ent, self.numbers)
            s_start, s_end, s_text = _sentence(ent)
            out.append(
                Claim(
                    start=s_start,
                    end=s_end,
                    text=s_text,
                    number=ent.text,
                    number_start=ent.start_char,
                    number_end=ent.end_char,
                    value=int(value) if value == int(value) else value,
                    unit=unit,
                    quantity=quantity_of(unit, self.numbers),
                    qualifier=qualifier,
                    source=source,
                    currency=currency,
                    frame=frame_of(ent, self.numbers),
                )
            )
        return out

    def _reporting_subject(self, ent: Span) -> str | None:
        """The subject of a "said"-type verb that governs the number's clause, if any."""
        tok = ent.root
        for _ in range(6):
            if tok.head.i == tok.i:
                break
            tok = tok.head
            if tok.lemma_ in self.reporting:
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    return " ".join(t.text for t in subj.subtree)
        return None
