"""Linking across articles: one outlet per site, corpus entities, wire copies, events,
stories, inferred dates.

Unlike the per-article stages, linking reads the whole corpus; it reads and writes through
the small protocol of ``link.io`` (``LinkStore``: ``store.links`` today), and it never reads an
article itself: what an inferred date changes is derived by the ``redate`` function the run
gives it (reading's own).
It runs at the end of every ``storyline ingest`` and can be rerun alone (``storyline link``);
it starts from the previous run's assignments, so entity and event ids stay stable across
runs and re-ingests, and the same input always gives the same result. ``full`` links every
article (``link.full``); otherwise only the articles no run has seen (``link.incremental``).
Either way the run's findings come back as one ``LinkResult`` that the store saves in one
transaction. The analyses of what changed are computed after, by the run
(``storyline.run.linking``, ``storyline.analysis``).
"""

from __future__ import annotations

from storyline.link.dates import Redate
from storyline.link.full import link_all
from storyline.link.incremental import link_new
from storyline.link.io import LinkStore
from storyline.link.outlets import site_outlets
from storyline.link.parts import Laps, Linking, LinkOptions, LinkReport
from storyline.link.tasks import Tasks

__all__ = ["LinkOptions", "LinkReport", "Linker"]


class Linker:
    """Runs entity resolution, duplicate detection, event clustering, date inference and
    story building over what ``links`` holds; the heavy tasks go to ``tasks`` (``chunk``
    articles per task; None: each part's default); an article whose date is inferred is
    dated again by ``redate``."""

    def __init__(
        self, links: LinkStore, redate: Redate, tasks: Tasks | None = None, options: LinkOptions | None = None
    ) -> None:
        self.links = links
        self.parts = Linking.made(links, redate, tasks, options or LinkOptions())

    def run(self, run_id: int | None = None, full: bool | None = None, relink: bool = True) -> LinkReport:
        """Link the corpus. By default only the articles no run has seen are linked, against
        what is stored (ids and assignments of older articles stand); ``full`` relinks every
        article (still starting from the stored ids); a store with no links is linked in full.
        A run relinks in
        full on its own when the corpus has doubled since events were last clustered in full
        or linked articles' outlets were renamed; with ``relink`` False (a watch, whose rounds
        stay bounded) it does not, and ``relink_due`` says why one is due."""
        report = LinkReport()
        grown = False
        if full is None:
            grown = self.links.any() and self._grown()
            full = (grown and relink) or not self.links.any()
            if grown and not relink:
                report.relink_due = "the corpus has doubled since events were last clustered in full"
        lap = Laps(report)
        renamed = site_outlets(self.links.outlet_rows())
        if self.links.set_outlets(renamed):
            if relink:
                full = True  # linked articles renamed: their events and views are relinked with it
            else:
                report.relink_due = report.relink_due or "linked articles' outlets were renamed"
        report.renamed = len(renamed)
        lap("outlets")
        result = link_all(self.parts, report, lap) if full else link_new(self.parts, report, lap)
        if result is not None:
            if grown and full:
                result.log.insert(
                    0, ("relinked in full", "the corpus has doubled since events were last clustered in full")
                )
            self.links.save(result, run_id)
            lap("save")
            report.log = result.log
            report.entities, report.duplicates = len(result.entities), len(result.duplicates)
            report.events, report.stories = len(result.events), len(result.stories)
            report.inferred = len(result.redated)
        return report

    def _grown(self) -> bool:
        """True once the corpus has doubled since events were last clustered in full: terms
        are weighed by how many articles hold them, and those weights drift as the corpus
        grows, so the events formed early are clustered again with today's weights (ids kept
        by majority). Doubling keeps the cost of these runs to a constant per article."""
        counted, at_full = self.links.clustered_counts()
        if not at_full:
            return False
        return counted + len(self.links.unlinked_ids()) >= 2 * at_full
