"""What the timex tests share: the anchor they resolve against, one tagger, and a way to run a
single rule from the rule table on its own (no other rule, no overlaps settled)."""

from __future__ import annotations

from datetime import date
from types import ModuleType

from storyline.read.timex import TimexTagger
from storyline.read.timex.base import Rule, Timex, _Context
from storyline.read.timex.rules import BY_NAME

TUESDAY = date(2022, 3, 8)  # a Tuesday
tag = TimexTagger()


def resolve(name: str, text: str, anchor: date | None, ctx: _Context | None = None) -> Timex | None:
    """What rule ``name`` of the table makes of its first match in ``text``, alone."""
    rule = BY_NAME[name]
    m = rule.pattern.search(text)
    assert m, f"rule {name} does not match {text!r}"
    return rule.apply(m, text, ctx if ctx is not None else _Context(anchor))


def shown(tx: Timex | None) -> tuple[str, str, str | None] | None:
    """(type, value, mod) of a resolved expression, None when the rule declined it."""
    return None if tx is None else (tx.type, tx.value, tx.mod)


def rule_names(module: ModuleType) -> set[str]:
    """The names of the rules a family module defines."""
    return {v.name for v in vars(module).values() if isinstance(v, Rule)}
