"""What the timex tests share: the anchor they resolve against and one tagger."""

from __future__ import annotations

from datetime import date

from storyline.read.timex import TimexTagger

TUESDAY = date(2022, 3, 8)  # a Tuesday
tag = TimexTagger()
