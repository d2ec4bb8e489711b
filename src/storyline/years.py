"""A year as news writes it in digits: the one year pattern of Storyline (reading's time
expressions compose it, linking's event vectors and inferred dates find it)."""

from __future__ import annotations

import re

YEAR_DIGITS = r"(?:1[89]\d\d|20\d\d)"
"""Four digits of a year from 1800 to 2099, to compose into a larger pattern."""

YEAR = re.compile(rf"\b{YEAR_DIGITS}\b")
"""A year standing as a word of its own ("2021", "in 1999," — not "20211" nor "2020s")."""
