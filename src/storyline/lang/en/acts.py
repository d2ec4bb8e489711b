"""English nouns that name acts: the endings of nouns made from verbs. A noun that is also a
verb's lemma ("attack", "raid", "strike") is an act by the model's own lemma tables; these
endings catch the rest ("invasion", "operation", "agreement", "assistance", "seizure")."""

from __future__ import annotations

NOUN_ENDINGS = ("tion", "sion", "ment", "ance", "ure")
