"""Where linking's heavy work runs: the linker splits it into independent tasks (blocks of
names to compare, time windows of articles, clusters of the similarity graph, buckets of
LSH band keys) and hands them to a task runner (``Tasks``). The embedded path runs them in this process;
`storyline batch` runs the same tasks on a dask.distributed cluster
(``storyline.run.cluster.DaskTasks``), so both paths compute the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Tasks(Protocol):
    """Runs ``fn(item, *shared)`` for every item; results in the items' order."""

    def map(self, fn: Callable[..., R], items: Iterable[Any], *shared: Any) -> list[R]: ...


class InProcess:
    """The embedded task runner: every task in this process, one after another (items made one
    at a time when given as a generator)."""

    def map(self, fn: Callable[..., R], items: Iterable[Any], *shared: Any) -> list[R]:
        return [fn(item, *shared) for item in items]
