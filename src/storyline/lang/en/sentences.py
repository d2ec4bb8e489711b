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
# Words that, opening a sentence, point back to what came before it ("He said that ...",
# "However, ..."): its antecedent is elsewhere, so the sentence means nothing cited alone.
LEANING = frozenset(
    ("he", "she", "they", "it", "his", "her", "their", "its", "him", "them",
     "however", "but", "and", "also", "moreover", "furthermore", "nevertheless",
     "nonetheless", "still", "yet", "thus", "therefore", "hence", "instead", "besides", "likewise",
     "similarly", "additionally", "otherwise", "then", "so")
)  # fmt: skip
# The same, set off by commas in a sentence's first clause ("Washington's envoy, however, ...").
LEANING_INSIDE = frozenset(
    ("however", "though", "too", "therefore", "nevertheless", "nonetheless", "instead",
     "also", "moreover", "furthermore", "then", "in turn")
)  # fmt: skip
# Quotation marks or brackets, then a capital (Latin, Latin-1, Cyrillic) or a digit.
OPENING = r"[\"'“‘(\[]*[A-Z0-9À-ÞА-Я]"
# Openers that often lean on the sentence before ("This ...", "Meanwhile, ...", "There ..."): what one
# outlet alone reports is shown with no context, so it avoids them too; a summary's sentence,
# shown beside its article's others, keeps them.
LEANING_LOOSELY = frozenset(
    ("accordingly", "another", "because", "both", "consequently", "earlier", "here", "later",
     "meanwhile", "neither", "nor", "oh", "or", "others", "plus", "such", "that", "there", "these",
     "this", "those", "too", "well", "where", "which", "whose")
)  # fmt: skip
# A line that is no sentence of the report: a caption or credit, a factbox or graphics label, a
# link prompt or a related link's age ("5 hrs ago"), a comments disclaimer, a reader's comment ("At 1:19 pm
# on 10 Jun 2010, Jock wrote:", a sentence of a reader's "I").
NOT_PROSE = (
    r"^\W*(?:photo|picture|image|graphic|video|caption|file photo|click|read more|see also|related|"
    r"watch|listen|share|factbox|fact box|key facts|timeline)\b|"
    r"\b(?:wrote|writes):\s|\((?:photo|pictured|picture|image|reuters|ap|afp|getty)[^)]*\)\W*$|"
    r"\b(?:photograph|photo|picture|image)\s*:|\||"
    r"\bcomments?\b.{0,40}\b(?:do not|don't|does not) (?:represent|reflect)|\bwe welcome comments\b|"
    r"\b\d+ (?:hrs?|mins?|hours?|minutes?|days?) ago\b|^\W*I\b(?![.'])"
)
