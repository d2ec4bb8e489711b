"""Linking's tasks on a dask.distributed cluster: the runner `storyline batch` gives the
linker, so the same tasks the embedded path runs in one process (see
``storyline.link.runner``) run on the cluster's workers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

R = TypeVar("R")


class DaskRunner:
    """Runs each task on the cluster behind ``client``: items are scattered to the workers
    (not sent through the task graph), large shared arguments broadcast once, lost tasks
    retried; ``progress(stage, done, total)`` is told as tasks finish."""

    def __init__(
        self,
        client: Any,
        progress: Callable[[str, int, int], None] | None = None,
        retries: int = 2,
    ) -> None:
        self.client = client
        self.progress = progress
        self.retries = retries
        self.tasks = 0  # how many tasks ran on the cluster, for the report

    def map(self, fn: Callable[..., R], items: Iterable[Any], *shared: Any) -> list[R]:
        from dask.distributed import as_completed

        refs = [
            s if isinstance(s, int | float | str) else self.client.scatter(s, broadcast=True)
            for s in shared
        ]
        jobs = []
        for item in items:  # one at a time: the client never holds every task's data
            [ref] = self.client.scatter([item])
            jobs.append(self.client.submit(fn, ref, *refs, pure=False, retries=self.retries))
        if not jobs:
            return []
        stage = f"linking: {fn.__name__.removesuffix('_task').replace('_', ' ')}"
        for n, _ in enumerate(as_completed(jobs), start=1):
            if self.progress:
                self.progress(stage, n, len(jobs))
        self.tasks += len(jobs)
        results: list[R] = self.client.gather(jobs)
        del jobs, refs
        return results
