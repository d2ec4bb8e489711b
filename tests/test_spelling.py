"""How two spellings of a name compare: given names that agree, the same consonants."""

from __future__ import annotations

from storyline.spelling import given_names_agree, skeleton


def test_given_names_agree() -> None:
    assert given_names_agree("vladimir putin", "vladamir putin")
    assert given_names_agree("j lee", "james lee")
    assert given_names_agree("john kennedy", "john f kennedy")
    assert not given_names_agree("george w bush", "george h w bush")
    assert not given_names_agree("hillary clinton", "bill clinton")
    assert not given_names_agree("marvin hallam", "martin hallam")  # another consonant
    assert given_names_agree("christiane lund", "christine lund")  # a vowel dropped
    assert not given_names_agree("gw bush", "ghw bush")  # initials run together
    assert not given_names_agree("st francis", "sharon francis")  # no initial of Sharon
    assert not given_names_agree("w ross ellis", "wayne ellis")  # called Ross
    assert given_names_agree("j edgar hoover", "edgar hoover")
    assert given_names_agree("w ross ellis", "william ross ellis")


def test_the_skeleton_of_a_name_is_its_consonants() -> None:
    assert skeleton("Vladamir") == skeleton("vladimir") == "vldmr"
    assert skeleton("marvin") != skeleton("martin") and skeleton("charter") != skeleton("carter")
