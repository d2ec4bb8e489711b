"""Linking's tasks on a dask.distributed cluster: the task runner `storyline batch` gives the
linker, so the same tasks the embedded path runs in one process (see
``storyline.link.tasks``) run on the cluster's workers."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

R = TypeVar("R")
_LOST = (OSError, TimeoutError)
"""What sending data to a worker that has just died raises (dask's ``CommClosedError`` is an ``OSError``)."""


class DaskTasks:
    """Runs each task on the cluster behind ``client``: items are scattered to the workers
    (not sent through the task graph), large shared arguments broadcast once, lost tasks
    retried, and a task whose data was lost with its worker redone on the client;
    ``progress(stage, done, total)`` is told as tasks finish."""

    def __init__(
        self,
        client: Any,
        progress: Callable[[str, int, int], None] | None = None,
        retries: int = 2,
    ) -> None:
        self.client = client
        self.progress = progress
        self.retries = retries
        self.ran = 0  # how many tasks ran on the cluster, for the report
        self.redone = 0  # tasks whose worker was lost, redone on the client

    def map(self, fn: Callable[..., R], items: Iterable[Any], *shared: Any) -> list[R]:
        # Items and shared values travel as one pickled blob each: dask would serialise a
        # list or dict element by element (seconds for a bucket of 60,000 pairs).
        try:
            refs = [
                s
                if isinstance(s, int | float | str)
                else self.client.scatter(_Packed(s), broadcast=True, hash=False)
                for s in shared
            ]
        except _LOST:  # a worker died as the values were sent: every task runs here
            return self._here(fn, items, shared)
        jobs: list[Any] = []
        packed, held = [], []
        for item in items:  # one at a time: the client holds each task's data only as bytes
            box = _Packed(item)
            packed.append(box)
            try:
                [ref] = self.client.scatter([box], hash=False)
            except _LOST:  # sent to a worker that died before the scheduler knew: run it here
                jobs.append(None)
                continue
            held.append(ref)  # kept until gathered, so the scheduler keeps the data too
            jobs.append(self.client.submit(_unpacked, fn, ref, *refs, pure=False, retries=self.retries))
        if not jobs:
            return []
        name = getattr(fn, "__name__", "task")
        stage = f"linking: {name.removesuffix('_task').replace('_', ' ')}"
        if self.progress:  # a new map starts its bar at zero (a long task then shows as one)
            self.progress(stage, 0, len(jobs))
        results: list[R] = []
        for n, job in enumerate(jobs, start=1):
            try:
                if job is None:
                    raise LookupError("never sent")
                results.append(job.result())
            except Exception:  # a lost worker took the task's data (or it failed): redo it here
                self.redone += 1
                results.append(_unpacked(fn, packed[n - 1], *shared))
            if self.progress:
                self.progress(stage, n, len(jobs))
        self.ran += len(jobs)
        del jobs, held, refs
        return results

    def _here(self, fn: Callable[..., R], items: Iterable[Any], shared: tuple[Any, ...]) -> list[R]:
        """Every task of a map on the client, counted as redone (the cluster could not take them)."""
        results = [fn(item, *shared) for item in items]
        self.redone += len(results)
        return results


class _Packed:
    """A value pickled once, shipped as bytes."""

    def __init__(self, value: Any) -> None:
        self.blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    def get(self) -> Any:
        return pickle.loads(self.blob)


def _unpacked(fn: Callable[..., R], item: _Packed, *shared: Any) -> R:
    """Run ``fn`` on the unpacked item and shared values (on a worker)."""
    return fn(item.get(), *[s.get() if isinstance(s, _Packed) else s for s in shared])
