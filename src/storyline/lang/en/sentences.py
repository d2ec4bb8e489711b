"""English sentences: the abbreviations whose point ends no sentence, and how a sentence opens
(``sentences.py``)."""

from __future__ import annotations

# Never end a sentence: titles, months, "vs." (single initials neither).
NEVER_END = frozenset(
    ("mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr",
     "adm", "maj", "st", "rev", "hon", "pres", "supt", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
     "sep", "sept", "oct", "nov", "dec", "nos", "vs", "fig", "approx")
)  # fmt: skip
# End a sentence only before a capital: "in the U.S. The ...", "at 9 a.m. Police ...".
END_BEFORE_CAPITAL = frozenset(
    ("u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "etc", "inc", "corp", "co", "ltd", "jr", "sr", "bros", "dept")
)  # fmt: skip
# Quotation marks or brackets, then a capital (Latin, Latin-1, Cyrillic) or a digit.
OPENING = r"[\"'“‘(\[]*[A-Z0-9À-ÞА-Я]"
