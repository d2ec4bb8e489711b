"""What one linking run works with and gives back: its settings (``LinkOptions``, every one
with the measurement that set it at its definition), the parts that do the work
(``Linking``: where it reads and writes, the entity resolver, the event and story
clusterers, where heavy tasks run, how an inferred date is derived), and what it reports
(``LinkReport``, timed part by part with ``Laps``). The full and the incremental run take
these, not the linker, so no module of ``link/`` imports another in a circle."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from storyline.link.dates import Redate
from storyline.link.entities import FUZZY, EntityResolver
from storyline.link.events import DECAY_DAYS, REOPEN, EventClusterer
from storyline.link.io import LinkStore
from storyline.link.stories import THRESHOLD as STORY_THRESHOLD
from storyline.link.stories import StoryBuilder
from storyline.link.tasks import InProcess, Tasks


@dataclass(frozen=True)
class LinkOptions:
    """Linking's settings. ``chunk``: articles per heavy task (None: each part's default);
    ``entity_fuzzy``: the rapidfuzz ratio two full names' spellings reach to be one person's;
    ``event_threshold``: the same-event probability average linkage joins at (None: the
    shipped model's); ``decay_days``: how fast similarity fades with the days between two
    articles; ``reopen``: older articles an incremental run clusters again, at most;
    ``story_threshold``: the cosine of two events' centroids that joins them in a story."""

    chunk: int | None = None
    entity_fuzzy: float = FUZZY
    event_threshold: float | None = None
    decay_days: float = DECAY_DAYS
    reopen: int = REOPEN
    story_threshold: float = STORY_THRESHOLD


@dataclass
class Linking:
    """The parts one linking run works with."""

    links: LinkStore
    redate: Redate
    tasks: Tasks
    chunk: int | None
    resolver: EntityResolver
    events: EventClusterer
    stories: StoryBuilder

    @classmethod
    def made(cls, links: LinkStore, redate: Redate, tasks: Tasks | None, options: LinkOptions) -> Linking:
        """The parts, made with ``options``."""
        tasks = tasks or InProcess()
        return cls(
            links=links,
            redate=redate,
            tasks=tasks,
            chunk=options.chunk,
            resolver=EntityResolver(fuzzy=options.entity_fuzzy, tasks=tasks),
            events=EventClusterer(options.event_threshold, options.decay_days, reopen=options.reopen),
            stories=StoryBuilder(options.story_threshold),
        )


@dataclass
class LinkReport:
    """What one linking run found, and how long each part took."""

    articles: int = 0
    entities: int = 0
    duplicates: int = 0
    events: int = 0
    stories: int = 0
    inferred: int = 0  # articles whose date was inferred (or withdrawn) this run
    renamed: int = 0  # articles whose outlet took their site's name or a common spelling
    log: list[tuple[str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    relink_due: str | None = None  # why a full run is due, when this run was not allowed one
    analysed: int = 0  # stories and events whose analyses the run computed after linking


class Laps:
    """Times the parts of a run into ``report.seconds``: ``lap(name)`` ends a part."""

    def __init__(self, report: LinkReport) -> None:
        self.report, self.clock = report, time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.report.seconds[name] = round(now - self.clock, 3)
        self.clock = now
