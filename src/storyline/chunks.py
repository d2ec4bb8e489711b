"""Cutting a sequence into runs: of at most a size (the values bound in one SQL ``IN (...)``,
the articles of one linking task), or into a number of parts (one per worker process)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """``items`` cut into consecutive runs of at most ``size`` (at least one item each)."""
    return [items[k : k + size] for k in range(0, len(items), max(size, 1))]


def parts(items: Sequence[T], n: int) -> list[Sequence[T]]:
    """``items`` cut into at most ``n`` consecutive runs of about equal size."""
    return chunks(items, -(-len(items) // max(n, 1)))
