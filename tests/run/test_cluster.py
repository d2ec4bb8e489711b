"""Linking's tasks on a real LocalCluster: results in item order, and a worker killed while
tasks are in flight loses nothing (tasks whose data went with it are redone)."""

from __future__ import annotations

import os
import signal
import time
from typing import TYPE_CHECKING

from storyline.run.cluster import DaskTasks

if TYPE_CHECKING:
    from dask.distributed import LocalCluster


def _slow_square(x: int, offset: int) -> int:
    time.sleep(0.3)
    return x * x + offset


def lookup_task(items: list[int], table: dict[str, int]) -> list[int]:
    return [table[str(i)] for i in items]


def test_results_in_item_order_with_shared_values(dask_cluster: LocalCluster) -> None:
    from dask.distributed import Client

    with Client(dask_cluster) as client:
        seen: list[tuple[str, int, int]] = []
        tasks = DaskTasks(client, lambda *a: seen.append(a))
        chunks = [[1, 2], [3], [], [4, 5, 6]]
        table = {str(i): 10 * i for i in range(10)}
        assert tasks.map(lookup_task, chunks, table) == [[10, 20], [30], [], [40, 50, 60]]
        assert seen == [("linking: lookup", n, 4) for n in range(5)]  # from zero: a bar per map
        assert tasks.map(lookup_task, [], table) == []
        assert tasks.ran == 4 and tasks.redone == 0


def test_a_worker_killed_mid_map_loses_nothing(dask_cluster: LocalCluster) -> None:
    from dask.distributed import Client

    cluster = dask_cluster
    with Client(cluster) as client:
        killed: list[int] = []

        def kill_one_after_the_first_result(stage: str, done: int, total: int) -> None:
            if not killed and done == 1:  # the others are running or finished on the workers
                nanny = next(iter(cluster.workers.values()))
                pid = nanny.process.process.pid
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        tasks = DaskTasks(client, kill_one_after_the_first_result)
        items = list(range(12))
        assert tasks.map(_slow_square, items, 7) == [x * x + 7 for x in items]
        assert killed, "no worker was killed: the test proved nothing"
        # the killed worker held the inputs (scattered to one worker) or results of tasks not
        # yet gathered: those were redone on the client, each result exactly once
        assert tasks.ran == 12 and tasks.redone > 0
