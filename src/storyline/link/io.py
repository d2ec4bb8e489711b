"""What linking reads and writes, as a small protocol: the articles with their annotations,
the previous run's assignments (so ids stay stable), stored band keys, aliases and document
frequencies, and one call that saves a run's ``LinkResult``. ``store.links`` (the SQLite
file) is the implementation today; another backend (columnar partitions on a cluster) is
another class with these methods, and the linker does not change."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from storyline.model import Article, Entity, Event, LinkResult, Renamed, Saved


class LinkStore(Protocol):
    """Where linking reads its inputs and writes its results."""

    # -- the articles ------------------------------------------------------------------
    def inputs(
        self, ids: Iterable[str] | None = None, full: bool = False, kinds: tuple[str, ...] = ("entities",)
    ) -> Iterator[Article]:
        """The articles (all, or ``ids``) without their raw input, with their annotations of
        ``kinds`` (``full``: every kind, with corpus entity ids)."""
        ...

    def unlinked_ids(self) -> list[str]:
        """Articles no linking run has seen yet."""
        ...

    def ids_between(self, first: str, last: str) -> list[str]:
        """Articles published from ``first`` to ``last`` (ISO dates, inclusive)."""
        ...

    def latest_ids(self, limit: int) -> list[str]:
        """The ``limit`` most recently published articles."""
        ...

    def undated_ids(self, limit: int) -> list[str]:
        """The ``limit`` undated articles stored last."""
        ...

    def outlet_rows(self) -> list[tuple[str, str | None, str | None, str | None]]:
        """(id, url, outlet, outlet basis) of every article."""
        ...

    def set_outlets(self, renamed: Iterable[Renamed]) -> list[str]:
        """Store the outlets the corpus names; the ids of renamed articles a run had linked."""
        ...

    # -- what earlier runs found -------------------------------------------------------
    def any(self) -> bool:
        """Whether a linking run has stored its results."""
        ...

    def saved(self, chains: bool = True) -> Saved:
        """The previous run's assignments (chains only when ``chains``)."""
        ...

    def clustered_counts(self) -> tuple[int, int]:
        """(articles counted, articles counted when events were last clustered in full)."""
        ...

    def term_frequencies(self, block: str, terms: list[str]) -> dict[str, int]:
        """Stored document frequencies of ``terms`` in the event model's ``block``."""
        ...

    def event_ids_issued(self) -> int:
        """The highest event number the corpus ever used."""
        ...

    def band_candidates(self, keys: Iterable[int]) -> dict[int, list[str]]:
        """LSH band key → stored articles with that key."""
        ...

    def copies_of(self, ids: Iterable[str]) -> list[str]:
        """Stored copies of these originals."""
        ...

    def entity_aliases(self) -> list[tuple[str, str, list[str]]]:
        """(id, label, aliases) of every corpus entity."""
        ...

    def entity_stories(self, entity_id: str) -> list[str]:
        """The stories of the articles an entity is named in."""
        ...

    def entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        """Stored entity records, by id."""
        ...

    def events(self, ids: Iterable[str]) -> dict[str, Event]:
        """Stored event records, by id."""
        ...

    def story_events(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        """The events of these stories, by story, in id order."""
        ...

    # -- what this run found -----------------------------------------------------------
    def save(self, links: LinkResult, run_id: int | None = None) -> None:
        """Write a run's findings in one transaction."""
        ...
