"""Fetching pages politely and safely, for ``storyline watch``: robots.txt honoured, one
request at a time per host at least ``per_host_seconds`` apart, conditional requests,
retries with backoff on 429, 5xx and time-outs (``Retry-After`` heeded up to a cap),
redirects followed within a limit, a size cap per page, and a user agent that names
Storyline and the contact the user sets. Every failure comes back with its reason."""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from storyline import __version__

RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass
class FetchOptions:
    """How the fetcher behaves; ``contact`` (an e-mail or URL) goes into the user agent."""

    contact: str | None = None
    per_host_seconds: float = 1.0
    timeout: float = 15.0
    retries: int = 3
    backoff: float = 0.5
    max_retry_after: float = 30.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5

    @property
    def user_agent(self) -> str:
        contact = f"; {self.contact}" if self.contact else ""
        return f"Storyline/{__version__} (news monitoring; +https://pypi.org/project/storyline{contact})"


@dataclass
class Fetched:
    """One fetch: the final URL, status, headers and body, or the reason it failed."""

    url: str
    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None
    attempts: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304


class Fetcher:
    """A polite HTTP client over ``httpx`` (one per watch; close it when done)."""

    def __init__(
        self, options: FetchOptions | None = None, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.options = options or FetchOptions()
        self.client = httpx.Client(
            headers={"User-Agent": self.options.user_agent},
            timeout=self.options.timeout,
            follow_redirects=True,
            max_redirects=self.options.max_redirects,
            transport=transport,
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._last: dict[str, float] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- politeness ---------------------------------------------------------------------
    def _wait_turn(self, host: str) -> None:
        gap = self.options.per_host_seconds - (time.monotonic() - self._last.get(host, -1e9))
        if gap > 0:
            time.sleep(gap)
        self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets Storyline fetch ``url`` (RFC 9309: a missing
        file allows everything, a server error forbids everything for now)."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            got = self._get(site + "/robots.txt", {})
            if got.ok:
                parser = urllib.robotparser.RobotFileParser()
                parser.parse(got.body.decode("utf-8", "replace").splitlines())
                self._robots[site] = parser
            elif 400 <= got.status < 500 and got.status != 429:
                self._robots[site] = None  # no robots.txt: everything allowed
            else:
                return False  # unreachable or a server error: forbidden, asked again next time
        rules = self._robots[site]
        return rules is None or rules.can_fetch(self.options.user_agent, url)

    # -- fetching -----------------------------------------------------------------------
    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """``url`` fetched with the validators of a previous fetch, or the reason it was not."""
        if urlsplit(url).scheme not in ("http", "https"):
            return Fetched(url, error=f"not a web address: {url[:200]}")
        if not self.allowed(url):
            return Fetched(url, error="forbidden by the site's robots.txt (or it could not be read)")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers)

    def _get(self, url: str, headers: dict[str, str]) -> Fetched:
        opts = self.options
        host = urlsplit(url).netloc
        result = Fetched(url)
        for attempt in range(opts.retries + 1):
            self._wait_turn(host)
            result = self._once(url, headers)
            result.attempts = attempt + 1
            retry = result.error is not None and result.error.startswith(("timed out", "could not connect"))
            retry = retry or (result.error is None and result.status in RETRY_STATUSES)
            if not retry or attempt == opts.retries:
                break
            pause = opts.backoff * 2**attempt
            after = result.headers.get("retry-after", "")
            if after.isdigit():
                pause = max(pause, min(float(after), opts.max_retry_after))
            time.sleep(pause)
        if result.error is None and result.status in RETRY_STATUSES:
            result.error = f"HTTP {result.status} after {result.attempts} attempts"
        elif result.error is None and result.status >= 400:
            result.error = f"HTTP {result.status}"
        return result

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        cap = self.options.max_bytes
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                got = Fetched(
                    str(response.url),
                    response.status_code,
                    {k.lower(): v for k, v in response.headers.items()},
                )
                size = response.headers.get("content-length", "")
                if size.isdigit() and int(size) > cap:
                    got.error = f"page over {cap:,} bytes ({int(size):,} announced)"
                    return got
                chunks, total = [], 0
                for chunk in response.iter_bytes():
                    total += len(chunk)
                    if total > cap:
                        got.error = f"page over {cap:,} bytes"
                        return got
                    chunks.append(chunk)
                got.body = b"".join(chunks)
                return got
        except httpx.TooManyRedirects:
            return Fetched(url, error=f"more than {self.options.max_redirects} redirects")
        except httpx.TimeoutException:
            return Fetched(url, error=f"timed out after {self.options.timeout:g} s")
        except httpx.TransportError as exc:
            return Fetched(url, error=f"could not connect: {exc}"[:300])
        except httpx.HTTPError as exc:
            return Fetched(url, error=f"HTTP error: {exc}"[:300])
