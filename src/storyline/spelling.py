"""How two spellings of a name compare: the same consonants ("Vladamir" / "Vladimir"), given
names that agree ("J. Lee" / "James Lee"). Reading joins the names of one article by it,
linking those of many."""

from __future__ import annotations

import re

from rapidfuzz import fuzz


def skeleton(word: str) -> str:
    """A name's consonants, doubled letters once ("vladamir" and "vladimir": vldmr): names
    spelt apart in their vowels or a silent h may be one name; "Marvin" is not "Martin", nor
    "Charter" Carter (the h of ch, sh and ph is part of another sound)."""
    out = re.sub(r"[aeiouyhw\W_]", "", re.sub(r"(?<=[csp])h(?=[aeiouy])", "H", word.lower()))
    return re.sub(r"(.)\1+", r"\1", out)


def spelt_alike(x: str, y: str) -> bool:
    """One name spelt two ways: close (fuzzy ratio 80) and the same consonants."""
    return x == y or (fuzz.ratio(x, y) >= 80 and skeleton(x) == skeleton(y))


_INITIALS = re.compile(r"[b-df-hj-np-tv-xz]{2,3}")
"""Two or three letters and no vowel: a run of initials ("gw", "ghw")."""


def given_names_agree(a: str, b: str) -> bool:
    """Whether two full names of one surname can be one person: the first given names are
    equal, spelt alike ("vladamir" / "vladimir", not "marvin" / "martin"), or one an initial
    of the other; middle names, where both have them, agree the same way ("george w bush" is
    not "george h w bush", nor "gw bush" "ghw bush"; "john kennedy" may be "john f kennedy");
    a name an initial opens is called by the name after it ("m spencer green": Spencer)."""

    def same(x: str, y: str) -> bool:
        if len(x) == 1 or len(y) == 1:
            return x[0] == y[0]
        return spelt_alike(x, y)

    ga, gb = a.split()[:-1], b.split()[:-1]
    if ga and gb and _INITIALS.fullmatch(ga[0]) and _INITIALS.fullmatch(gb[0]):
        return ga[0] == gb[0]  # initials run together: "gw" is not "ghw"
    for x, y in ((ga, gb), (gb, ga)):  # "w ross ellington" is called Ross: not "wayne ellington"
        if len(x) == 2 and len(x[0]) == 1 and len(x[1]) > 1 and len(y) == 1 and len(y[0]) > 1:
            return same(x[1], y[0])
    if not ga or not gb or not same(ga[0], gb[0]):
        return False
    ma, mb = ga[1:], gb[1:]
    return not ma or not mb or (len(ma) == len(mb) and all(same(x, y) for x, y in zip(ma, mb, strict=True)))
