"""A language for the tests: it has tables (English's) and nothing is read in it, registered
under a code no real language has."""

from __future__ import annotations

from dataclasses import replace

from storyline import lang

LANGUAGE = replace(lang.english(), code="zw", name="Read nothing", reads=())
