"""One round of following sources (``storyline watch``): poll each due source, fetch the
pages of its new items into the round's WARC (the raw input kept, so a rerun never needs
the network; several hosts at once, one request at a time to each), ingest them through
the whole pipeline with incremental linking, and record every item's state. A round killed
at any moment loses nothing stored: a WARC whose items were fetched but not ingested is
ingested first by the next round, and an item stored is never fetched again.

A round has deadlines: each source's listing and pages get ``source_seconds`` from the moment
its listing is asked for, and the round's fetching ``round_seconds`` in all, so a host that
drips its pages holds one worker that long at most. A page not fetched by then (never asked
for, or cut short) is not lost nor failed: its item is ``waiting``, its source due again at
once, and the next round fetches it before anything new of that source. New items beyond what
one round takes of a source (``MAX_NEW_PER_SOURCE``) wait the same way, on the source's own
schedule."""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any

from storyline.clock import now_text
from storyline.follow.fetch import CUT, Fetched, Fetcher, host_of, web_address
from storyline.follow.listings import Item, Listing, read_listing
from storyline.model import Reject, Source
from storyline.model.follow import Alert, FollowedSource, ItemState
from storyline.store import Store

MAX_NEW_PER_SOURCE = 200  # new items fetched from one source in one round, at most
MAX_CHILD_SITEMAPS = 20
SOURCE_SECONDS = 120.0  # a source's listing and pages in one round, at most (from its listing's start)
ROUND_SECONDS = 600.0  # a round's fetching, at most


@dataclass
class RoundReport:
    """What one round did, for the status line and scripts; ``phase`` says what it is doing
    while it runs (polling, ingesting, alerts, done)."""

    due: int = 0  # sources due this round
    sources: int = 0  # of them, polled
    new_items: int = 0
    retried: int = 0  # items of earlier rounds fetched again (their failure may have passed)
    had: int = 0  # new items whose page an earlier item brought and stored: not fetched again
    fetched: int = 0  # pages kept in this round's WARC
    stored: int = 0
    failed: int = 0
    waiting: int = 0  # items a deadline left unfetched or beyond a round's cap: for the next rounds
    carried: int = 0  # items an earlier round's deadline left, fetched first this round
    errors: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)  # listings read despite damage: what was wrong
    resumed: int = 0
    seconds: float = 0.0
    article_ids: list[str] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    relink_due: str | None = None  # why `storyline link` should recluster the corpus in full
    phase: str = "starting"


Progress = Callable[[RoundReport], None]
"""Told of a round's report as it changes (each source polled, each page settled, each phase)."""


class RoundWarc:
    """The WARC of one round, opened on its first record."""

    def __init__(self, folder: Path) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        self.path = folder / f"round-{stamp}-{os.getpid()}-{time.monotonic_ns() % 10**6}.warc.gz"
        self._fh: Any = None
        self._writer: Any = None
        self.records = 0

    def add(self, page: Fetched) -> None:
        """Keep one fetched page as a WARC response record (flushed: a kill keeps it)."""
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        if self._writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self.path.open("ab")
            self._writer = WARCWriter(self._fh, gzip=True)
        headers = [
            (k, v) for k, v in page.headers.items() if k not in ("content-encoding", "transfer-encoding")
        ]
        http = StatusAndHeaders(f"{page.status} OK", headers, protocol="HTTP/1.1")
        record = self._writer.create_warc_record(
            page.url, "response", payload=BytesIO(page.body), http_headers=http
        )
        self._writer.write_record(record)
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self.records += 1

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


@dataclass
class _Job:
    """A request of a round: what a worker runs (given its deadline), what takes its result
    (in the main thread), and its deadline, asked as it is about to start."""

    work: Callable[[float], Any]
    done: Callable[[Any], None]
    until: Callable[[], float]


@dataclass(frozen=True)
class Outcome:
    """What became of one URL this round: kept in a WARC, or failed (``transient``: in a
    way that may pass, so the item is tried again by later rounds); ``state`` ``stored``
    where an earlier round's item had brought and stored the page already."""

    error: str | None = None
    warc: str | None = None
    transient: bool = False
    state: str = "fetched"


@dataclass
class _Read:
    """A source's listing as a worker read it (``whole``: no child listing cut by a stop;
    ``damage``: what was wrong with it or a child listing, read all the same)."""

    page: Fetched
    listing: Listing | None = None
    items: list[Item] = field(default_factory=list)
    whole: bool = True
    damage: str | None = None
    until: float = 0.0  # the source's deadline this round


@dataclass
class _Polling:
    """A source listed this round whose new items are not all settled (``left`` of them)."""

    source: FollowedSource
    page: Fetched
    problem: str | None
    left: int
    until: float = 0.0  # its deadline (``time.monotonic()``)
    dropped: bool = False  # a fetch was dropped by a stop: the listing's validators not kept
    waited: bool = False  # an item was left waiting by a deadline: the source is due again at once


@dataclass
class _Run:
    """The bookkeeping of one round's fetching (kept by the main thread only)."""

    queues: dict[str, deque[_Job]] = field(default_factory=dict)  # host → requests not started
    busy: dict[str, tuple[Future[Any], Callable[[Any], None]]] = field(default_factory=dict)
    waiting: dict[str, list[tuple[_Polling, Item]]] = field(default_factory=dict)  # URL → its items
    outcomes: dict[str, Outcome] = field(default_factory=dict)  # URL → what became of it this round
    rejected: set[str] = field(default_factory=set)  # URLs whose final failure is recorded
    until: float = float("inf")  # the round's deadline (``time.monotonic()``)


def _safely(job: Callable[[], Any]) -> Any:
    """``job`` run in a worker: what it raises becomes a failed fetch, not a lost round."""
    try:
        return job()
    except Exception as exc:
        return Fetched("", error=f"could not fetch ({type(exc).__name__}: {exc})"[:300])


class Watcher:
    """Rounds over the sources of one store; pages kept under ``raw`` (a folder). ``workers``
    (the fetcher's ``options.workers`` when not given): requests made at once, on as many
    hosts. ``progress`` is told of each round's report as it changes (a live status).
    ``source_seconds`` and ``round_seconds``: the deadlines of a source and of a round's
    fetching (what they leave is fetched first by the next round)."""

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        raw: Path,
        ingest: Callable[[list[str]], Any] | None = None,
        stop: Callable[[], bool] = lambda: False,
        workers: int | None = None,
        progress: Progress | None = None,
        source_seconds: float = SOURCE_SECONDS,
        round_seconds: float = ROUND_SECONDS,
    ) -> None:
        self.store, self.fetcher, self.raw, self.stop = store, fetcher, raw, stop
        self.workers = workers or fetcher.options.workers
        self.source_seconds, self.round_seconds = source_seconds, round_seconds
        self.progress: Progress = progress or (lambda _report: None)
        self.given: dict[str, str] = {}  # page address or file path -> the outlet its source gave
        self.redirected: dict[str, str] = {}  # the same for a page's address after redirects
        if ingest is None:
            from storyline.describe import DescribeOptions
            from storyline.pipeline import PipelineOptions
            from storyline.run.embedded import Ingest

            def ingest(names: list[str]) -> Any:  # linking stays incremental: rounds stay bounded
                describe = DescribeOptions(given=dict(self.given))
                return Ingest(store, PipelineOptions(relink=False, describe=describe)).run(names)

        self.ingest = ingest

    def round(self, everything: bool = False) -> RoundReport:
        """Poll the due sources (every source with ``everything``), once."""
        started = time.monotonic()
        report = RoundReport()
        sources = self.store.sources
        for pending in sources.pending_warcs():  # a round killed after fetching, before storing
            if Path(pending).exists():
                self._phase(report, "ingesting what the last round fetched")
                self._store_warc(pending, report)
                report.resumed += 1
        warc = RoundWarc(self.raw)
        folders: list[tuple[int, list[ItemState], list[str]]] = []
        web: list[FollowedSource] = []
        due = sources.due(float("inf") if everything else None)
        report.due = len(due)
        self._phase(report, "polling")
        for source in due:
            if self.stop():
                break
            if source["kind"] == "folder":
                report.sources += 1
                folders.append(self._poll_folder(source, report))
            else:
                web.append(source)  # counted once polled
        self._poll_urls(web, warc, report)
        warc.close()
        if warc.records:
            self._phase(report, f"ingesting {warc.records} pages (reading, linking)")
            self._store_warc(str(warc.path), report)
        outlets = {s["id"]: s.get("outlet") for s in due}
        for source_id, items, paths in folders:
            if paths:
                self._phase(report, f"ingesting {len(paths)} files (reading, linking)")
                outlet = outlets.get(source_id)
                self.given = {p: outlet for p in paths} if outlet else {}
                self._ingested(self.ingest(paths), report)
            sources.mark(source_id, items, now_text())
            report.stored += len(items)
        if report.article_ids:
            from storyline.follow.alerts import find_alerts

            self._phase(report, "alerts")
            report.alerts = self.store.alerts.add(find_alerts(self.store, report.article_ids), now_text())
        report.seconds = round(time.monotonic() - started, 2)
        self._phase(report, "done")
        return report

    def _phase(self, report: RoundReport, phase: str) -> None:
        report.phase = phase
        self.progress(report)

    def _store_warc(self, warc: str, report: RoundReport) -> None:
        self.given = self.store.sources.given_outlets(warc) | self.redirected
        run = self.ingest([warc])
        self._ingested(run, report)
        rejected = {r.source.url: r.reason for r in getattr(run, "rejects", []) if r.source.url}
        report.stored += self.store.sources.stored_from(warc, rejected)

    @staticmethod
    def _ingested(run: Any, report: RoundReport) -> None:
        for aid, _ in getattr(run, "stored", []):
            report.article_ids.append(aid)
        report.relink_due = getattr(getattr(run, "link", None), "relink_due", None) or report.relink_due

    # -- folders ------------------------------------------------------------------------
    def _poll_folder(
        self, source: FollowedSource, report: RoundReport
    ) -> tuple[int, list[ItemState], list[str]]:
        """New files of a folder source (a file changed since is new again)."""
        root = Path(source["location"])
        if not root.is_dir():
            self._polled(source, f"folder not found: {root}", report)
            return source["id"], [], []
        files = sorted(
            p
            for p in root.rglob("*")
            if p.is_file() and not any(x.startswith(".") for x in p.relative_to(root).parts)
        )
        keys = {f"{p.relative_to(root)}|{p.stat().st_size}|{p.stat().st_mtime_ns}": p for p in files}
        known = self.store.sources.known(source["id"], list(keys))
        new = [(k, p) for k, p in keys.items() if k not in known][:MAX_NEW_PER_SOURCE]
        report.new_items += len(new)
        self._polled(source, None, report)
        return (
            source["id"],
            [{"key": k, "url": str(p), "state": "stored"} for k, p in new],
            [str(p) for _, p in new],
        )

    # -- feeds, sitemaps, sites ---------------------------------------------------------
    def _poll_urls(self, sources: list[FollowedSource], warc: RoundWarc, report: RoundReport) -> None:
        """Poll web sources and fetch their new pages, ``workers`` requests at a time and one
        at a time per host: each host's requests (listings, then pages as listings name them)
        wait in a queue of their own, so a slow host holds one worker, not all. Workers only
        make requests; this thread puts every page in the WARC (flushed) before marking its
        item fetched, and writes every row. Once ``stop`` says so, requests not started are
        dropped (their items stay new, their sources unpolled or polled without validators, so
        the next round lists and fetches them again); requests under way finish and are kept.
        A request whose deadline (its source's, the round's) has come is not started, and one
        under way is cut at it: its items wait for the next round (a listing: its source stays
        due)."""
        if not sources:
            return
        run = _Run(until=time.monotonic() + self.round_seconds)
        pool = ThreadPoolExecutor(max_workers=max(1, self.workers), thread_name_prefix="storyline-fetch")

        def queue(url: str, job: _Job) -> None:
            run.queues.setdefault(host_of(url), deque()).append(job)

        def fetch_page(url: str) -> None:
            queue(
                url,
                _Job(
                    lambda until: self.fetcher.get(url, stop=self.stop, until=until),
                    lambda page: self._fetched(run, url, page, warc, report),
                    lambda: max((p.until for p, _ in run.waiting.get(url, [])), default=0.0),
                ),
            )

        def list_source(source: FollowedSource) -> None:
            queue(
                source["location"],
                _Job(
                    lambda until: self._read_source(source, until),
                    lambda got: self._listed(run, source, got, report, fetch_page),
                    lambda: min(time.monotonic() + self.source_seconds, run.until),
                ),
            )

        for source in sources:
            list_source(source)
        try:
            while True:
                if self.stop():
                    for waiting in run.queues.values():  # not started: dropped
                        while waiting:
                            waiting.popleft().done(None)
                    for future, _ in run.busy.values():
                        future.cancel()  # under way: finished and kept
                for host, waiting in list(run.queues.items()):
                    while waiting and host not in run.busy:
                        job = waiting.popleft()
                        until = job.until()
                        if time.monotonic() >= until:  # its deadline came first: not started
                            job.done(Fetched("", error=CUT, stopped=True))
                            continue
                        run.busy[host] = pool.submit(_safely, partial(job.work, until)), job.done
                if not run.busy:
                    break
                wait([future for future, _ in run.busy.values()], timeout=0.2, return_when=FIRST_COMPLETED)
                for host, (future, done) in list(run.busy.items()):
                    if future.done():
                        del run.busy[host]
                        done(None if future.cancelled() else future.result())
                        self.progress(report)
        except BaseException:  # a second Ctrl-C, or this thread failed: nothing more is kept
            self.fetcher.abort()
            raise
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def _read_source(self, source: FollowedSource, until: float) -> _Read:
        """A source's listing fetched (conditionally) and read, with the child sitemaps and
        feeds it names, by the source's deadline ``until`` (in a worker: nothing stored here)."""
        page = self.fetcher.get(
            source["location"], source.get("etag"), source.get("last_modified"), stop=self.stop, until=until
        )
        if not page.ok:
            return _Read(page, until=until)
        listing = read_listing(page.body, page.url, page.headers.get("content-type", ""))
        read = _Read(page, listing, list(listing.items), damage=listing.damage, until=until)
        for child in (listing.sitemaps + listing.feeds)[:MAX_CHILD_SITEMAPS]:
            got = self.fetcher.get(child, stop=self.stop, until=until)
            if got.stopped:
                read.whole = False
                break
            if got.ok:
                inner = read_listing(got.body, got.url, got.headers.get("content-type", ""))
                read.items += inner.items
                read.damage = read.damage or (inner.damage and f"{child}: {inner.damage}")
        return read

    def _listed(
        self,
        run: _Run,
        source: FollowedSource,
        got: _Read | Fetched | None,
        report: RoundReport,
        fetch_page: Callable[[str], None],
    ) -> None:
        """A source's listing back: the pages of its new items queued, each URL once a round
        (an item whose URL another item of the round has is settled with that one's fetch)."""
        if isinstance(got, Fetched):  # the worker failed, or the deadline came before it started
            got = _Read(got)
        if got is None or got.page.stopped or not got.whole or self.stop():
            if got is not None and not self.stop():
                report.errors.append(f"{source['location']}: not listed by its deadline; listed next round")
            return  # not polled: due still, listed again next round
        report.sources += 1
        page, listing = got.page, got.listing
        if listing is None and not page.not_modified:
            self._polled(source, page.error or f"HTTP {page.status}", report)
            return
        items: list[Item] = []
        if listing is not None:
            if listing.kind != source["kind"]:
                self.store.sources.set_kind(source["id"], listing.kind)
            self.store.sources.damaged(source["id"], got.damage)  # None: it read clean
            if got.damage:
                report.damaged.append(f"{source['location']}: {got.damage}")
            items = list({i.key: i for i in got.items}.values())
        known = self.store.sources.known(source["id"], [i.key for i in items])
        # first what earlier rounds' deadlines left, then what is new (the two within the cap)
        carried = [Item(k, u) for k, u in self.store.sources.waiting(source["id"])][:MAX_NEW_PER_SOURCE]
        unknown = [i for i in items if i.key not in known]
        room = MAX_NEW_PER_SOURCE - len(carried)
        new, beyond = unknown[:room], unknown[room:]
        if beyond:  # more than a round takes: waiting, shown in `sources list`, fetched first later
            waits = [ItemState(key=i.key, url=i.url, state="waiting") for i in beyond]
            self.store.sources.mark(source["id"], waits, now_text())
            report.waiting += len(beyond)
        report.new_items += len(new)
        report.carried += len(carried)
        listed = {i.key for i in new}
        again = [Item(k, u) for k, u in self.store.sources.retrying(source["id"]) if k not in listed]
        new = carried + new + again[:MAX_NEW_PER_SOURCE]  # and failures of earlier rounds that may pass
        report.retried += len(again[:MAX_NEW_PER_SOURCE])
        problem = listing.problem if listing is not None and not items else None
        polling = _Polling(source, page, problem, len(new), until=got.until)
        if not new:
            self._polled(source, polling.problem, report, page)
        had = self.store.sources.stored_urls([i.url for i in new if i.url not in run.outcomes])
        for item in new:
            if item.url in run.waiting:
                run.waiting[item.url].append((polling, item))
            elif item.url in run.outcomes:
                self._settle(run, [(polling, item)], run.outcomes[item.url], report)
            elif item.url in had:  # stored by an earlier round: another source's, an old guid's
                report.had += 1
                self._settle(run, [(polling, item)], Outcome(warc=had[item.url], state="stored"), report)
            elif problem := web_address(item.url):  # javascript:, mailto:, data: ... never fetched
                outcome = self._outcome(run, item.url, Fetched(item.url, error=problem), None, report)
                self._settle(run, [(polling, item)], outcome, report)
            else:
                run.waiting[item.url] = [(polling, item)]
                fetch_page(item.url)

    def _fetched(
        self, run: _Run, url: str, page: Fetched | None, warc: RoundWarc, report: RoundReport
    ) -> None:
        """The page at ``url`` back from a worker: in the WARC first, then its items marked.
        A fetch dropped by a stop (None, or ``stopped``) leaves its items new; one a deadline
        came before (or cut short) leaves them waiting for the next round."""
        waiting = run.waiting.pop(url, [])
        if page is not None and page.stopped and not self.stop():
            self._carry(waiting, report)
            return
        if page is None or page.stopped:
            for polling, _ in waiting:
                polling.dropped = True
                self._one_less(polling, 1, report)
            return
        if page.ok:
            warc.add(page)
            report.fetched += 1
            gave = [o for polling, _ in waiting if (o := polling.source.get("outlet"))]
            if gave and page.url != url:  # the page's own address, as ingest will read it
                self.redirected[page.url] = gave[0]
        outcome = self._outcome(run, url, page, str(warc.path) if page.ok else None, report)
        self._settle(run, waiting, outcome, report)

    def _outcome(
        self, run: _Run, url: str, page: Fetched, stored: str | None, report: RoundReport
    ) -> Outcome:
        """What became of ``url`` this round, its failure told once."""
        if page.error is not None or stored is None:
            error = page.error or f"HTTP {page.status}"
            report.errors.append(f"{url}: {error}")
            run.outcomes[url] = Outcome(error, None, page.transient)
        else:
            run.outcomes[url] = Outcome(None, stored)
        return run.outcomes[url]

    def _settle(
        self, run: _Run, waiting: list[tuple[_Polling, Item]], outcome: Outcome, report: RoundReport
    ) -> None:
        """Items marked fetched (into the WARC), ``retry`` (a failure that may pass) or failed
        (with the reason), source by source; a final failure is recorded as a reject, once."""
        by_source: dict[int, tuple[_Polling, list[ItemState]]] = {}
        for polling, item in waiting:
            state = ItemState(key=item.key, url=item.url, state=outcome.state, warc=outcome.warc)
            if outcome.error:
                state |= {"state": "retry" if outcome.transient else "failed", "error": outcome.error}
            by_source.setdefault(id(polling), (polling, []))[1].append(state)
        for polling, states in by_source.values():
            final = set(self.store.sources.mark(polling.source["id"], states, now_text()))
            if outcome.error:
                report.failed += len(states)
                for state in states:
                    if state["key"] in final and state["url"] not in run.rejected:
                        run.rejected.add(state["url"])
                        reject = Reject(
                            Source(url=state["url"]), f"not fetched: {outcome.error}", stage="watch"
                        )
                        self.store.articles.add_rejects([reject], None)
            self._one_less(polling, len(states), report)

    def _carry(self, waiting: list[tuple[_Polling, Item]], report: RoundReport) -> None:
        """Items a deadline left unfetched marked ``waiting`` (no try counted), source by
        source: the next round fetches them first, and their sources are due again at once."""
        by_source: dict[int, tuple[_Polling, list[ItemState]]] = {}
        for polling, item in waiting:
            state = ItemState(key=item.key, url=item.url, state="waiting")
            by_source.setdefault(id(polling), (polling, []))[1].append(state)
        for polling, states in by_source.values():
            self.store.sources.mark(polling.source["id"], states, now_text())
            report.waiting += len(states)
            polling.waited = True
            self._one_less(polling, len(states), report)

    def _one_less(self, polling: _Polling, settled: int, report: RoundReport) -> None:
        """``settled`` more of a source's new items are settled; the poll is recorded after its
        last (without the listing's validators if any fetch was dropped: listed again next time;
        due again at once if any item was left waiting)."""
        polling.left -= settled
        if polling.left == 0:
            page = None if polling.dropped else polling.page
            self._polled(polling.source, polling.problem, report, page, again=polling.waited)

    def _polled(
        self,
        source: FollowedSource,
        error: str | None,
        report: RoundReport,
        page: Fetched | None = None,
        again: bool = False,
    ) -> None:
        if error:
            report.errors.append(f"{source['location']}: {error}")
        headers = page.headers if page is not None else {}
        self.store.sources.polled(
            source["id"],
            now_text(),
            time.time() + (0 if again else source["every_seconds"]),
            error,
            headers.get("etag"),
            headers.get("last-modified"),
        )
