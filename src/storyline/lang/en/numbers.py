"""English numbers: how a number is qualified, scaled and written in words, what it counts, the
words of a level reached (``read/claims.py``, ``read/claim_frames.py``), and what tells two
reports of a number apart (``analysis/conflicts.py``)."""

from __future__ import annotations

# What a qualifier makes of its number (``lang.QUALIFIER_BOUNDS``). First match wins: the longer
# phrase before the word it starts with ("more than" before "over").
QUALIFIERS = {
    "more than": "floor", "less than": "ceiling", "fewer than": "ceiling", "at least": "floor",
    "at most": "ceiling", "up to": "ceiling", "as many as": "ceiling", "nearly": "about",
    "almost": "about", "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about", "over": "floor", "under": "ceiling", "only": "exact", "just": "exact",
    "an estimated": "about",
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12}
# Scales written after an amount of money ("$ 20bn", "£207m"); after other numbers "m" is metres.
MONEY_SCALES = {"bn": 1e9, "b": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3}
# The scales a number may carry, as one alternation: longer before shorter ("mn" before "m").
SCALE_PATTERN = r"thousand|million|billion|trillion|bn|mn|m|b|k"
WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "hundreds": 100, "thousands": 1000, "dozens": 12,
}  # fmt: skip
# What a unit measures, so that one quantity reported in other words compares ("at least 41
# people killed" and "the death toll rose to 47" are both deaths): the stems of its words.
QUANTITIES = {
    "deaths": ("death", "dead", "kill", "toll", "fatalit", "died", "die", "lives"),
    "injured": ("injur", "wound", "hurt"),
    "missing": ("missing",),
    "displaced": ("displaced", "evacuat", "homeless", "refugee"),
    "arrested": ("arrest", "detain", "detention"),
}

# Verbs of a level that changed ("the toll rose to 47"): their subject is the quantity.
CHANGES = frozenset(
    ("rise", "climb", "jump", "fall", "drop", "reach", "increase", "decrease", "grow", "stand", "hit", "top")
)  # fmt: skip
# Predicates that state a level reached, as "is", "rose to" or "stands at" do: one quantity.
LEVELS = CHANGES | {"total", "soar", "surge", "exceed", "be"}
# A number counted in addition to others ("another 15", "11 more") cannot contradict a total.
SCOPE = frozenset(
    ("another", "further", "additional", "other", "extra", "more", "new", "separate", "second")
)  # fmt: skip
# Scale words: part of the number, never what it counts.
SCALE_WORDS = frozenset(("thousand", "thousands", "million", "millions", "billion", "billions", "trillion",
                         "hundred", "hundreds", "dozen", "dozens", "bn", "m", "mn", "k"))  # fmt: skip
# Words that name no particular subject (a rate's "a day" is compared apart, as a rate).
GENERIC = frozenset(
    ("death", "toll", "total", "number", "figure", "people", "person", "one", "who", "which", "day", "week",
     "month", "year", "hour", "time")
)  # fmt: skip

# Words of a count's unit that name no particular thing counted ("people killed", "death toll").
GENERIC_UNITS = frozenset(
    ("people", "persons", "deaths", "dead", "death", "toll", "killed", "killing", "lives", "lost", "died",
     "total")
)  # fmt: skip
# Units that measure and name no thing: "50 miles" of what? A count ("11 workers killed")
# names what it counts.
MEASURES = frozenset(
    ("barrels", "barrel", "gallons", "gallon", "litres", "liters", "miles", "mile", "km", "kilometres",
     "kilometers", "feet", "foot", "ft", "metres", "meters", "m", "tons", "tonnes", "ton", "tonne", "acres",
     "acre", "hectares", "mph", "psi", "bn", "billion", "million", "percent", "points", "basis", "times",
     "page", "pages", "figure", "degrees", "inches", "inch", "pounds", "kg", "bst", "gmt", "cubic")
)  # fmt: skip
# Words left out when two claims' sentences or units are compared word by word.
CLAIM_STOP_WORDS = frozenset(
    ("the", "and", "for", "with", "from", "that", "this", "its", "their", "his", "her", "they", "she",
     "said", "says", "will", "was", "were", "are", "has", "have", "had", "been", "than", "more", "about",
     "over", "into", "after", "before", "also", "which", "who", "what", "when", "where", "while", "there")
)  # fmt: skip
# One end of a range ("35,000 to 60,000", "between 5 and 7").
RANGES = r"\d\s*(?:-|–|to|and)\s*\$?\s*\d|between\s*\$?\s*\d"
# A hypothetical figure: could, would, if, worst case, capacity.
HYPOTHETICAL = (
    r"\b(?:could|would|might|may|if|worst[- ]case|capacity|capable|designed|potential(?:ly)?|up to)\b"
)
# A rate after a number ("5,000 barrels a day", "daily"): the group that matched is its unit.
RATE = r"\b(?:a|per|each|every)\s+(day|week|month|year|hour|minute|second)\b|\b(daily)\b"
RATE_UNITS = {
    "day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour", "minute": "minute",
    "second": "second", "daily": "day",
}  # fmt: skip

# Count words of a duration ("three weeks", "a couple of days", "half an hour").
COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "twenty-four": 24, "twenty four": 24, "half a": 0.5, "a half": 0.5,
    "couple": 2, "a couple": 2, "couple of": 2, "a couple of": 2,
}  # fmt: skip
# Count words that give no number ("several days").
VAGUE_COUNTS = frozenset({"several", "a few", "few", "many", "some", "a number of", "the past few", "recent"})
