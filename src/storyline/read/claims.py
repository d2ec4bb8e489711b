"""Numeric claims: a number, what it counts, how it is qualified, and who asserts it.

"Ukraine said that its troops have killed 12,000 Russian forces" gives value 12000, unit
"Russian forces killed", source Ukraine. Money ("$ 200 million"), approximations and bounds
("about 100,000", "more than 2 million", "over 500") keep their qualifier.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.model import Claim
from storyline.read.claim_frames import CHANGE, frame_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storyline.read.quotes import Attribution

NUMERIC = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
QUALIFIERS = [
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as", "nearly",
    "almost", "about", "around", "some", "roughly", "approximately", "over", "under", "only", "just",
    "an estimated",
]  # fmt: skip
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12}
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "hundreds": 100,
    "thousands": 1000,
    "dozens": 12,
}
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_MONEY_SCALE = {"bn": 1e9, "b": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3}
"""Scales written after an amount of money ("$ 20bn", "£207m"); after other numbers "m" is metres."""
_DECIMAL_COMMA = re.compile(r"(?<![\d,])(\d{1,3}),(\d{1,2})(?![\d,])")
"""A decimal comma ("3,5 bn"): one to three digits, a comma, one or two digits, nothing more."""


def parse_number(text: str) -> tuple[float | None, str | None, str | None]:
    """(value, qualifier, currency) of a number phrase such as "about $ 200 million"."""
    low = text.lower().strip()
    qualifier = next((q for q in QUALIFIERS if low.startswith(q + " ")), None)
    if qualifier:
        low = low[len(qualifier) :].strip()
    currency = next((c for sym, c in _CURRENCY.items() if sym in low), None)
    low = _DECIMAL_COMMA.sub(r"\1.\2", re.sub(r"[$€£¥]", "", low)).replace(",", "").strip()
    m = re.match(r"(\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|mn|m|b|k)?\b", low)
    if m:
        scale = m.group(2) or ""
        factor = _SCALE.get(scale) or (_MONEY_SCALE.get(scale) if currency else None) or 1
        value = float(m.group(1)) * factor
        return value, qualifier, currency
    words = low.split()
    if words and words[0] in _WORDS:
        value = float(_WORDS[words[0]])
        if len(words) > 1 and words[1] in _SCALE:
            value *= _SCALE[words[1]]
        return value, qualifier, currency
    return None, qualifier, currency


def _unit(doc: Doc, ent: Span) -> str:
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
        nums = [t.i for t in ent if t.like_num or t.lower_ in _SCALE]
        unit = doc[nums[-1] + 1 : ent.end].text if nums else ""
        if ent.end < len(doc) and doc[ent.end].lower_ == "of":
            obj = next((c for c in doc[ent.end].children if c.dep_ == "pobj"), None)
            if obj is not None:
                unit = f"{unit} {doc[ent.end : obj.i + 1].text}".strip()
        if unit:
            return unit
    root = ent.root
    level = _level_of(root)
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


def _level_of(root: Token) -> str | None:
    """For "the death toll rose to 47" / "reached 47": the quantity is the verb's subject."""
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ in ("to", "at") and verb.dep_ == "prep":
        verb = verb.head
    elif root.dep_ != "dobj":
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in CHANGE:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN":
        return None
    mods = [t.text for t in subj.lefts if t.dep_ in ("amod", "compound")]
    return " ".join([*mods, subj.text])


# What a unit measures, so that one quantity reported in other words compares ("at least 41
# people killed" and "the death toll rose to 47" are both deaths).
_QUANTITY_WORDS = {
    "deaths": ("death", "dead", "kill", "toll", "fatalit", "died", "die", "lives"),
    "injured": ("injur", "wound", "hurt"),
    "missing": ("missing",),
    "displaced": ("displaced", "evacuat", "homeless", "refugee"),
    "arrested": ("arrest", "detain", "detention"),
}


CLASSES = frozenset(_QUANTITY_WORDS)
"""Quantities named by what happened to the counted, whatever the verb ("killed", "died", "toll")."""


def quantity_of(unit: str) -> str:
    """The measured quantity a unit names ("people killed" → "deaths"), else the unit itself."""
    words = unit.lower().split()
    for quantity, stems in _QUANTITY_WORDS.items():
        if any(w.startswith(stems) for w in words):
            return quantity
    return unit.lower()


def _number_text(ent: Span) -> str:
    """The number as written, with a currency sign or money scale the tagger left outside it
    ("$" before "207", "m" after it)."""
    doc, text = ent.doc, ent.text
    if ent.start > 0 and doc[ent.start - 1].text in _CURRENCY and not any(c in text for c in _CURRENCY):
        text = f"{doc[ent.start - 1].text} {text}"
    if ent.end < len(doc) and doc[ent.end].lower_ in _MONEY_SCALE and any(c in text for c in _CURRENCY):
        text = f"{text}{doc[ent.end].text}"
    return text


def _sentence(ent: Span) -> tuple[int, int, str]:
    sent = ent.sent
    text = sent.text.rstrip()
    return sent.start_char, sent.start_char + len(text), text


class ClaimFinder:
    """Numeric claims of a parsed document; sources come from the quotes they sit in."""

    def __call__(self, doc: Doc, quotes: list[Attribution]) -> list[Claim]:
        out = []
        for ent in doc.ents:
            if ent.label_ not in NUMERIC:
                continue
            value, qualifier, currency = parse_number(_number_text(ent))
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
            unit = _unit(doc, ent)
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
                    quantity=quantity_of(unit),
                    qualifier=qualifier,
                    source=source,
                    currency=currency,
                    frame=frame_of(ent),
                )
            )
        return out

    @staticmethod
    def _reporting_subject(ent: Span) -> str | None:
        """The subject of a "said"-type verb that governs the number's clause, if any."""
        tok = ent.root
        for _ in range(6):
            if tok.head.i == tok.i:
                break
            tok = tok.head
            if tok.lemma_ in ("say", "report", "announce", "claim", "estimate", "tell"):
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    return " ".join(t.text for t in subj.subtree)
        return None
