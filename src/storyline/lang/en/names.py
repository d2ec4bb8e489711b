"""English names made comparable across articles: the words a name's normal form leaves out,
and the short forms that stand for one name (``link/entities.py``)."""

from __future__ import annotations

# Words a name's start drops ("the Kremlin") and its acronym leaves out.
STOP = frozenset({"the", "of", "and", "'s", "’s"})
# The possessive ending: "Putin's" is Putin.
POSSESSIVE = r"['’]s"
# Generational suffixes: "Martin Luther King Jr" is a King.
GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})
# A company's legal form: "Ford Motor Co." is Ford Motor.
LEGAL_FORMS = frozenset(
    {"inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "ag", "sa", "nv", "gmbh", "lp"}
)
# Short forms news uses for these countries (other two-letter codes stay what they say).
STANDARD_PLACES = {
    "us": "United States",
    "usa": "United States",
    "uk": "United Kingdom",
    "uae": "United Arab Emirates",
}
# Two-letter acronyms standard for one body; other acronyms join only with three letters.
STANDARD_ACRONYMS = {"un": "united nations", "eu": "european union"}
# Pronouns in a chain of mentions of a person: the chain's, never one of its names.
PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
