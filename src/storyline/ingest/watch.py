"""One round of following sources (``storyline watch``): poll each due source, fetch the
pages of its new items into the round's WARC (the raw input kept, so a rerun never needs
the network), ingest them through the whole pipeline with incremental linking, and record
every item's state. A round killed at any moment loses nothing stored: a WARC whose items
were fetched but not ingested is ingested first by the next round, and an item stored is
never fetched again."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from storyline.ingest.fetch import Fetched, Fetcher
from storyline.ingest.listings import Item, read_listing
from storyline.model import Reject, Source
from storyline.store import Store

MAX_NEW_PER_SOURCE = 200  # new items fetched from one source in one round, at most
MAX_CHILD_SITEMAPS = 20


def now_text() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class RoundReport:
    """What one round did, for the status line and scripts."""

    sources: int = 0
    new_items: int = 0
    stored: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    resumed: int = 0
    seconds: float = 0.0
    article_ids: list[str] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)


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


class Watcher:
    """Rounds over the sources of one store; pages kept under ``raw`` (a folder)."""

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        raw: Path,
        ingest: Callable[[list[str]], Any] | None = None,
        stop: Callable[[], bool] = lambda: False,
    ) -> None:
        self.store, self.fetcher, self.raw, self.stop = store, fetcher, raw, stop
        if ingest is None:
            from storyline.ingest.run import Ingest

            def ingest(names: list[str]) -> Any:
                return Ingest(store).run(names)

        self.ingest = ingest

    def round(self, everything: bool = False) -> RoundReport:
        """Poll the due sources (every source with ``everything``), once."""
        started = time.monotonic()
        report = RoundReport()
        sources = self.store.sources
        for pending in sources.pending_warcs():  # a round killed after fetching, before storing
            if Path(pending).exists():
                self._store_warc(pending, report)
                report.resumed += 1
        warc = RoundWarc(self.raw)
        folders: list[tuple[int, list[dict[str, Any]], list[str]]] = []
        for source in sources.due(float("inf") if everything else None):
            if self.stop():
                break
            report.sources += 1
            if source["kind"] == "folder":
                folders.append(self._poll_folder(source, report))
            else:
                self._poll_url(source, warc, report)
        warc.close()
        if warc.records:
            self._store_warc(str(warc.path), report)
        for source_id, items, paths in folders:
            if paths:
                self._ingested(self.ingest(paths), report)
            sources.mark(source_id, items, now_text())
            report.stored += len(items)
        if report.article_ids:
            from storyline.ingest.alerts import find_alerts

            report.alerts = self.store.alerts.add(find_alerts(self.store, report.article_ids), now_text())
        report.seconds = round(time.monotonic() - started, 2)
        return report

    def _store_warc(self, warc: str, report: RoundReport) -> None:
        self._ingested(self.ingest([warc]), report)
        report.stored += self.store.sources.stored_from(warc)

    @staticmethod
    def _ingested(run: Any, report: RoundReport) -> None:
        for aid, _ in getattr(run, "stored", []):
            report.article_ids.append(aid)

    # -- folders ------------------------------------------------------------------------
    def _poll_folder(
        self, source: dict[str, Any], report: RoundReport
    ) -> tuple[int, list[dict[str, Any]], list[str]]:
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
    def _poll_url(self, source: dict[str, Any], warc: RoundWarc, report: RoundReport) -> None:
        listing_page = self.fetcher.get(source["location"], source.get("etag"), source.get("last_modified"))
        if listing_page.not_modified:
            self._polled(source, None, report)
            return
        if not listing_page.ok:
            self._polled(source, listing_page.error, report)
            return
        listing = read_listing(
            listing_page.body, listing_page.url, listing_page.headers.get("content-type", "")
        )
        items = list(listing.items)
        for child in (listing.sitemaps + listing.feeds)[:MAX_CHILD_SITEMAPS]:
            if self.stop():
                break
            got = self.fetcher.get(child)
            if got.ok:
                items += read_listing(got.body, got.url, got.headers.get("content-type", "")).items
        if listing.kind != source["kind"]:
            self.store.sources.set_kind(source["id"], listing.kind)
        items = list({i.key: i for i in items}.values())
        known = self.store.sources.known(source["id"], [i.key for i in items])
        new = [i for i in items if i.key not in known][:MAX_NEW_PER_SOURCE]
        report.new_items += len(new)
        for item in new:
            if self.stop():
                break
            self._fetch_item(source["id"], item, warc, report)
        problem = listing.problem if not items else None
        self._polled(source, problem, report, listing_page)

    def _fetch_item(self, source_id: int, item: Item, warc: RoundWarc, report: RoundReport) -> None:
        page = self.fetcher.get(item.url)
        state: dict[str, Any]
        if page.ok:
            warc.add(page)
            state = {"key": item.key, "url": item.url, "state": "fetched", "warc": str(warc.path)}
        else:
            state = {"key": item.key, "url": item.url, "state": "failed", "error": page.error}
            report.failed += 1
            report.errors.append(f"{item.url}: {page.error}")
            reject = Reject(Source(url=item.url), f"not fetched: {page.error}", stage="watch")
            self.store.articles.add_rejects([reject], None)
        self.store.sources.mark(source_id, [state], now_text())

    def _polled(
        self, source: dict[str, Any], error: str | None, report: RoundReport, page: Fetched | None = None
    ) -> None:
        if error:
            report.errors.append(f"{source['location']}: {error}")
        headers = page.headers if page is not None else {}
        self.store.sources.polled(
            source["id"],
            now_text(),
            time.time() + source["every_seconds"],
            error,
            headers.get("etag"),
            headers.get("last-modified"),
        )
