"""Linking as a run does it: the corpus linked (``storyline.link``), then the analyses its new
links left missing computed (``storyline.analysis``), so that every page a reader opens is
ready and no read ever writes."""

from __future__ import annotations

import time
from collections.abc import Callable

from storyline.analysis.refresh import refresh
from storyline.link import Linker, LinkOptions, LinkReport
from storyline.link.tasks import Tasks
from storyline.read.dated import redate
from storyline.store import Store


def link_and_analyse(
    store: Store,
    run_id: int | None = None,
    full: bool | None = None,
    relink: bool = True,
    tasks: Tasks | None = None,
    options: LinkOptions | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> LinkReport:
    """Link the store (see ``Linker.run`` for ``full`` and ``relink``; ``options``: linking's
    settings), then analyse every
    story and event left without its analyses; the report says how many and how long."""
    report = Linker(store.links, redate, tasks, options).run(run_id, full=full, relink=relink)
    clock = time.perf_counter()
    report.analysed = refresh(store, tasks, progress)
    report.seconds["analysis"] = round(time.perf_counter() - clock, 3)
    return report
