"""English people and places: the titles written before names, the pronouns that stand for a
person, the prepositions of place (``read/entities.py``, ``read/pronouns.py``)."""

from __future__ import annotations

# Words of a title written before a name ("Estonian Foreign Minister", "Sen.", "U.S."),
# lower case; "of" and "the" join them ("Secretary of State").
TITLES = {
    "president", "prime", "minister", "secretary", "foreign", "defence", "defense", "interior", "justice",
    "finance", "transport", "health", "chancellor", "governor", "mayor", "director", "chief", "executive",
    "spokesman", "spokeswoman", "spokesperson", "leader", "general", "secretary-general", "ambassador",
    "envoy", "senator", "sen.", "rep.", "representative", "king", "queen", "pm", "gov.", "state",
    "deputy", "head", "chairman", "chairwoman", "chair", "ceo", "commissioner", "judge", "captain", "mr.",
    "mrs.", "ms.", "dr.", "opposition", "regional", "union", "agency", "coordinator", "economist", "u.s.",
    "us", "of", "the",
}  # fmt: skip
# Words inside a title that make no title on their own.
TITLE_GLUE = frozenset({"of", "the", "u.s.", "us"})
# The possessive as the tokenizer splits it off ("Ukraine 's foreign minister").
POSSESSIVES = ("'s", "’s")
# What a title before a name never ends with ("the", "of", a possessive).
ROLE_ENDS = ("of", "the", "'s", "’s")
# Mentions the small model takes for entities: bare title words, and page chrome.
NOT_ENTITIES = frozenset({"state", "minister", "secretary", "president", "pm", "icon", "leave a reply"})
# People are met, not stood in: a one-word "person" after one of these is a place ("in Kyiv").
PLACE_PREPOSITIONS = frozenset(
    {"in", "from", "near", "outside", "into", "across", "around", "toward", "towards", "inside"}
)
GENDERS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# Pronouns that, as a sentence's subject, join the chain of the person they stand for.
SUBJECT_PRONOUNS = ("he", "she")
