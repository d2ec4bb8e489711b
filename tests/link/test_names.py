"""Names as written, made comparable: debris out, a headline's words cut off, digits kept."""

from __future__ import annotations

from storyline.link.names import clean_name, digits, headline_trimmed


def test_debris_is_taken_out_of_a_name_and_dots_of_abbreviations_kept() -> None:
    assert clean_name("JFK -RRB-") == "JFK" and clean_name("Tex .") == "Tex"
    assert clean_name("John  C. |") == "John C." and clean_name("U.S.") == "U.S."


def test_a_headline_is_cut_off_a_name_the_article_writes_alone() -> None:
    known = {"Ada Lind", "Bo Rask"}
    assert headline_trimmed("Ada Lind Checks Into Clinic", known) == "Ada Lind"
    assert headline_trimmed("Hire Bo Rask", known) == "Bo Rask"
    assert headline_trimmed("Ada Lind said", known) == "Ada Lind said"  # not a headline's word
    assert headline_trimmed("John Quincy Adams", known) == "John Quincy Adams"
    assert digits("Interstate 75") != digits("Interstate 5")
