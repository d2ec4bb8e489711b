"""A language for the tests: it reads names only and has no tables of its own (English's stand
in), registered under a code no real language has."""

from __future__ import annotations

from dataclasses import replace

from storyline import lang

LANGUAGE = replace(lang.english(), code="zy", name="Names only", reads=("entities",))
