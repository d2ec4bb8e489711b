"""English speech: the verbs that report what someone said or thought, and the words around a
quotation that say whose it is (``read/quotes.py``, the source of a number in ``read/claims.py``).
Verbs are lemmas as spaCy's English models lemmatise them."""

from __future__ import annotations

CUES = {
    "say", "tell", "add", "stress", "urge", "vow", "warn", "insist", "note", "remark", "announce",
    "declare", "explain", "claim", "write", "tweet", "predict", "argue", "continue", "reply", "respond",
    "confirm", "affirm", "state", "opine", "accuse", "emphasize", "emphasise", "assert", "acknowledge",
    "admit", "ask", "report", "suggest", "believe", "think", "contend", "maintain", "allege", "caution",
    "promise", "pledge", "deny", "complain", "describe", "call", "recall", "concede", "observe",
    "reiterate", "indicate", "point", "mention", "comment", "counter", "testify", "estimate", "agree",
    "assure", "blast", "slam", "dismiss", "hope", "fear", "worry", "expect", "know", "recount", "quip",
    "joke", "shout", "scream", "lament", "demand",
}  # fmt: skip
CUES |= {
    "reveal", "find", "feel", "consider", "conclude", "propose", "question", "wonder", "recommend",
    "signal", "hint", "imply", "insist", "boast", "brag", "concede", "disclose", "forecast", "guess",
    "figure", "want", "seek", "plan", "refuse", "intend", "decide", "threaten", "offer", "request",
    "order", "advise", "encourage", "invite", "challenge", "pressure", "push", "press", "implore",
    "beg", "instruct", "remind", "inform", "notify", "warn", "charge", "reckon", "doubt", "suspect",
    "assume", "anticipate", "imagine", "understand", "learn", "realize", "realise", "recognize",
    "recognise", "prefer", "like", "love", "hate",
}  # fmt: skip
# Belief, perception and intention rather than speech: attributed, with less confidence.
BELIEFS = {
    "think", "believe", "hope", "fear", "worry", "expect", "know", "feel", "consider", "wonder", "want",
    "seek", "plan", "intend", "decide", "reckon", "doubt", "suspect", "assume", "anticipate", "imagine",
    "understand", "learn", "realize", "realise", "recognize", "recognise", "prefer", "like", "love",
    "hate", "figure", "guess",
}  # fmt: skip
# Stance verbs: PolNeAR-style attributions whose content is an object ("X endorsed Y"). Off by
# default: a stance is not a statement a user looks for in a quote list.
STANCES = {
    "support", "endorse", "oppose", "criticize", "criticise", "praise", "condemn", "defend", "attack",
    "tout", "question", "cite", "dismiss", "reject", "welcome", "applaud", "back", "blame", "denounce",
    "decry", "champion", "favor", "favour", "mock", "ridicule", "slam", "blast", "call", "label", "brand",
    "announce",
}  # fmt: skip
# Pronouns a speaker may be, resolved to the person or body they stand for.
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "him", "her", "them"})
# A subject "who" stands for the phrase its relative clause hangs on.
RELATIVES = frozenset({"who", "that", "which", "whom"})
# "X, who chairs the panel, said": the clause describes X, who is the speaker.
PERSON_RELATIVES = ("who", "whose")
# Roles and bodies that can speak.
AGENTS = {
    "official", "officials", "ministry", "spokesman", "spokeswoman", "spokesperson", "minister",
    "president", "government", "source", "sources", "police", "analyst", "analysts", "expert", "experts",
    "statement", "report", "agency", "department", "office", "leader", "leaders", "union", "company",
    "court", "judge",
}  # fmt: skip
# Documents: a source PolNeAR counts, credited to whoever issued it, never a person itself.
DOCUMENTS = {
    "statement", "letter", "indictment", "resolution", "memo", "memorandum", "complaint", "lawsuit",
    "filing", "release", "document", "affidavit", "ruling", "report", "email", "tweet", "post",
    "petition", "motion", "brief", "order", "verdict", "decree", "communique", "communiqué",
}  # fmt: skip
# "a statement from X", "a letter by X": the document's issuer.
ISSUED_BY = ("from", "by")
# A quotation right after one of these ("he said “...”") is the speaker's own words.
INTRODUCERS = ("said", "says", "added", "told", "asked", "wrote")
# A quote "said" introduces is the speaker's, even inside someone else's reported statement.
PLAIN_SAID = ("said", "says")
ACCORDING = ("according", "to")
# Verbs whose subject is the source of a number in the clause they govern.
REPORTING = ("say", "report", "announce", "claim", "estimate", "tell")
# spaCy's small model lemmatises "hoped" as "hop".
LEMMA_FIXES = {"hop": "hope"}
# Modal verbs: "X said Y would ..." reports an opinion, warning or intention, not what happened.
MODALS = r"\b(will|would|should|must|could|might|may|can|cannot|won't|wouldn't)\b"
