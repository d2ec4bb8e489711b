"""Fetching pages politely and safely, for ``storyline watch``: robots.txt honoured, one
request at a time per host at least ``per_host_seconds`` apart (however many threads share
the fetcher; a site's robots.txt is read and the page asked for follows it at once),
conditional requests, retries with backoff on 429, 5xx and time-outs
(``Retry-After`` heeded up to a cap), redirects followed within a limit (each hop a request
of its own: the robots.txt and the turn of the host it goes to), a size cap (on the page as
decompressed, each content coding undone a bounded step at a time) and a total time limit per
page, and a user agent that names Storyline and the contact the user sets. Every
failure comes back with its reason, and whether it may pass (``transient``: a time-out, a
server error, a robots.txt that could not be read), so a later round tries again."""

from __future__ import annotations

import socket
import ssl
import threading
import time
import urllib.robotparser
import weakref
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from storyline import __version__

RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
STOPPED = "stopped before it was fetched"
CUT = "its caller's deadline came first"
ROBOTS_KEPT_SECONDS = 86_400.0  # a robots.txt read is used for a day at most (RFC 9309 2.4)
ROBOTS_UNREACHABLE_SECONDS = 600.0  # one that could not be read forbids the site this long
ACCEPT_ENCODING = "gzip, deflate"  # the content codings ``_decoded`` undoes, and no other
STEP = 64 * 1024  # decompressed bytes made at a time: the page cap is checked between two

Stop = Callable[[], bool]


def _never() -> bool:
    return False


@dataclass
class FetchOptions:
    """How the fetcher behaves; ``contact`` (an e-mail or URL) goes into the user agent.

    ``timeout`` bounds each wait on the network (connecting, one read); ``deadline`` bounds one
    request as a whole, from connecting to the last byte of the body, so a server that drips
    its page cannot hold a round. ``workers``: how many fetches a round runs at once (on
    different hosts: one host gets one request at a time)."""

    contact: str | None = None
    per_host_seconds: float = 1.0
    timeout: float = 15.0
    retries: int = 3
    backoff: float = 0.5
    max_retry_after: float = 30.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    deadline: float = 60.0
    workers: int = 4

    @property
    def user_agent(self) -> str:
        contact = f"; {self.contact}" if self.contact else ""
        return f"Storyline/{__version__} (news monitoring; +https://pypi.org/project/storyline{contact})"


@dataclass
class Fetched:
    """One fetch: the final URL, status, headers and body, or the reason it failed
    (``stopped``: the watch was stopped before the request was made, or the caller's deadline
    came before it or cut it short; nothing is known;
    ``transient``: the failure may pass — a time-out, a refused connection, a server error or
    429 after the retries, a robots.txt that could not be read — so it is worth another try
    later, where a 404, a page too big or a robots.txt that forbids it is not)."""

    url: str
    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None
    attempts: int = 0
    stopped: bool = False
    transient: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304


def web_address(url: str) -> str | None:
    """Why ``url`` is not an http(s) address with a host to fetch (None when it is one)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port that is no number raises here)
    except ValueError:
        return f"not a valid web address: {url[:200]}"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return f"not a web address: {url[:200]}"
    return None


def host_of(url: str) -> str:
    """The host a request to ``url`` goes to, port included: what politeness counts by."""
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return ""


# -- the total time limit ----------------------------------------------------------------
# httpx's time-outs bound each network operation; the deadline bounds the whole request.
# Every socket operation of a request is given at most the time left before the deadline of
# the thread making it, so headers sent one byte at a time, a redirect's dripping body or a
# slow TLS handshake end at the deadline too (the body is also checked chunk by chunk). A
# caller's own deadline (``get``'s ``until``: a watch round's, a source's) cuts it the same way.
_clock = threading.local()


def _left(timeout: float | None, expired: type[Exception]) -> float | None:
    """``timeout`` cut to the time left before this thread's request deadline, or its
    caller's if sooner (``expired`` raised when none is left)."""
    at, until = getattr(_clock, "at", None), getattr(_clock, "until", None)
    if until is not None and (at is None or until < at):
        at = until
    if at is None:
        return timeout
    left = at - time.monotonic()
    _clock.cut = timeout is None or left < timeout
    if left <= 0:
        raise expired("the request's deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the deadline of the request using it."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def cut(self) -> None:
        """Shut the socket, from any thread: a read or write blocked on it fails at once."""
        sock = self._stream.get_extra_info("socket")
        try:
            if sock is not None:
                sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # closed already

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(tls)  # the same socket underneath: cut by cutting this one

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's network backend, its connections bound by the requests' deadlines (and
    all of them cut at once by :meth:`cut_all`)."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend
        self._open: weakref.WeakSet[_DeadlineStream] = weakref.WeakSet()
        self._guard = threading.Lock()

    def _opened(self, stream: httpcore.NetworkStream) -> _DeadlineStream:
        wrapped = _DeadlineStream(stream)
        with self._guard:
            self._open.add(wrapped)
        return wrapped

    def cut_all(self) -> None:
        """Every connection open now shut: the requests on them fail at once."""
        with self._guard:
            streams = list(self._open)
        for stream in streams:
            stream.cut()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        wait = _left(timeout, httpcore.ConnectTimeout)
        return self._opened(self._backend.connect_tcp(host, port, wait, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        wait = _left(timeout, httpcore.ConnectTimeout)
        return self._opened(self._backend.connect_unix_socket(path, wait, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def _deadline_transport() -> tuple[httpx.HTTPTransport, _DeadlineBackend | None]:
    """httpx's transport with the deadline on every socket operation, and its backend. httpx
    takes no network backend, so it is set on the transport's pool (tested: a server dripping
    its headers is cut off at the deadline); should a later httpx lay its pool out otherwise,
    the deadline is still checked between the body's chunks."""
    transport = httpx.HTTPTransport()
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(pool, httpcore.ConnectionPool) and isinstance(backend, httpcore.NetworkBackend):
        pool._network_backend = ours = _DeadlineBackend(backend)
        return transport, ours
    return transport, None


# -- content codings -----------------------------------------------------------------------
# httpx would undo a page's Content-Encoding a whole network read at a time, through every
# layer, before the size cap could be checked: 64 KiB of gzip of gzip of zeros is gigabytes.
# The raw bytes are read instead and each coding undone here, at most STEP bytes out at once.
class _BadEncoding(Exception):
    """A body whose content coding cannot be undone: one not read, or damaged data."""


def _inflate(chunks: Iterable[bytes], coding: str) -> Iterator[bytes]:
    """``chunks`` with one gzip or deflate coding undone, at most ``STEP`` bytes at a time
    (``decompress`` given a ``max_length``, then its ``unconsumed_tail`` fed again, and
    called again while it fills a step: zlib may still hold output with no input left), so
    however far a chunk inflates, a step of it is all that is held. A gzip body may hold
    several members; a deflate body may be zlib-wrapped (RFC 9110) or raw (as many servers
    send it: told by the zlib header's check bits). Bytes after the end are ignored."""
    decomp: Any = None
    data = b""
    for chunk in chunks:
        data += chunk
        if decomp is None:
            if coding == "deflate" and len(data) < 2:
                continue
            wrapped = coding == "gzip" or (data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0)
            decomp = zlib.decompressobj(
                (16 if coding == "gzip" else 0) + zlib.MAX_WBITS * (1 if wrapped else -1)
            )
        while True:
            if decomp.eof:
                if coding == "gzip" and data.startswith(b"\x1f\x8b"):
                    decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)  # another member follows
                else:
                    data = b"" if data != b"\x1f" else data  # a next member's first byte is kept
                    break
            try:
                out = decomp.decompress(data, STEP)
            except zlib.error as exc:
                raise _BadEncoding(f"the page's {coding} data is damaged ({exc})") from exc
            data = decomp.unused_data if decomp.eof else decomp.unconsumed_tail
            if out:
                yield out
            if not data and len(out) < STEP:
                break


def _decoded(raw: Iterable[bytes], header: str) -> Iterator[bytes]:
    """The body ``raw`` with the codings of its ``Content-Encoding`` ``header`` undone, last
    applied first (``_BadEncoding`` for one not read), in steps of at most ``STEP`` bytes."""
    codings = [c.strip().lower() for c in header.split(",")]
    codings = ["gzip" if c == "x-gzip" else c for c in codings if c not in ("", "identity")]
    unknown = [c for c in codings if c not in ("gzip", "deflate")]
    if unknown:
        raise _BadEncoding(
            f"page in a content coding Storyline does not read (Content-Encoding: {header[:100]})"
        )
    for coding in reversed(codings):
        raw = _inflate(raw, coding)
    yield from raw


def _past_until() -> bool:
    """Whether this thread's caller's deadline (``get``'s ``until``) has passed."""
    until = getattr(_clock, "until", None)
    return until is not None and time.monotonic() >= until


def _pause(seconds: float, stop: Stop) -> bool:
    """Sleep ``seconds`` unless ``stop`` says to stop first (then False, at once)."""
    end = time.monotonic() + seconds
    while not stop():
        left = end - time.monotonic()
        if left <= 0:
            return True
        time.sleep(min(left, 0.1))
    return False


class Fetcher:
    """A polite HTTP client over ``httpx`` (one per watch; close it when done). Threads may
    share it: each host gets one request at a time, and each site's robots.txt is read once.

    Time per URL: each attempt ends within ``deadline``; a retry is not started (nor waited
    for) once ``deadline`` has passed since the first attempt began. So one ``get`` spends at
    most 2 × deadline on its own requests, plus ``per_host_seconds`` before each of at most
    ``retries + 1`` attempts, plus as much again the first time a site's robots.txt is read
    (defaults: 2 × 60 + 4 × 1 s, twice). Waiting for the host's turn behind other requests
    to it comes on top: each of those is bounded the same way; a caller's ``until`` bounds it all."""

    def __init__(
        self, options: FetchOptions | None = None, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.options = options or FetchOptions()
        self._backend: _DeadlineBackend | None = None
        if transport is None:
            transport, self._backend = _deadline_transport()
        self.client = httpx.Client(
            headers={"User-Agent": self.options.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
            timeout=self.options.timeout,
            follow_redirects=False,  # each hop is a request of its own (``get``)
            transport=transport,
        )
        self._lock = threading.Lock()  # guards the two dictionaries of locks below
        self._hosts: dict[str, threading.Lock] = {}  # one request at a time per host
        self._sites: dict[str, threading.Lock] = {}  # one read of robots.txt per site
        # site → (its rules, None when it has none; whether it could be read; until when)
        # per site: its rules, why it could not be read ("" when it was), until when this holds
        self._robots: dict[str, tuple[urllib.robotparser.RobotFileParser | None, str, float]] = {}
        self._last: dict[str, float] = {}  # host → when its last request ended

    def close(self) -> None:
        self.client.close()

    def abort(self) -> None:
        """Cut the requests under way now (they fail, and are retried only if the caller's
        ``stop`` allows): for a stop that cannot wait for them, such as a second Ctrl-C."""
        if self._backend is not None:
            self._backend.cut_all()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- politeness ---------------------------------------------------------------------
    def _lock_of(self, table: dict[str, threading.Lock], key: str) -> threading.Lock:
        with self._lock:
            return table.setdefault(key, threading.Lock())

    def _take_turn(self, host: str, stop: Stop, paced: bool = True) -> threading.Lock | None:
        """``host``'s lock, taken ``per_host_seconds`` after its last request ended (None, the
        lock not held, when ``stop`` says to stop while waiting); not ``paced``: at once."""
        lock = self._lock_of(self._hosts, host)
        while not lock.acquire(timeout=0.1):
            if stop():
                return None
        gap = self.options.per_host_seconds - (time.monotonic() - self._last.get(host, -1e9))
        if paced and not _pause(gap, stop):
            lock.release()
            return None
        return lock

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets Storyline fetch ``url`` (RFC 9309: a missing
        file allows everything, a server error forbids everything for now)."""
        return self._allowed(url, _never) is True

    def _allowed(self, url: str, stop: Stop) -> bool | str | None:
        """True when the site's robots.txt allows ``url``; False when it forbids it; why, when
        it could not be read (forbidding everything for ``ROBOTS_UNREACHABLE_SECONDS``): the
        site not reached at all (a refused port, no such host) said as such; None
        when ``stop`` cut its reading short. A robots.txt read is kept a day, then read again.
        Its redirects are followed, five at most (RFC 9309 2.3.1.2: more, and it is taken as
        unavailable, like a 404: everything allowed)."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        with self._lock_of(self._sites, site):
            rules, unread, until = self._robots.get(site, (None, "", 0.0))
            if time.monotonic() >= until:
                got, began, target = Fetched(site), time.monotonic(), site + "/robots.txt"
                for _ in range(6):
                    got = self._get(target, {}, stop, began, paced=False)
                    location = got.headers.get("location") if got.status in REDIRECT_STATUSES else None
                    if got.error is not None or not location or web_address(urljoin(target, location)):
                        break
                    target = urljoin(target, location.strip())
                if got.stopped or (got.error is not None and _past_until()):
                    return None  # not read: a robots.txt cut by the caller's deadline forbids nothing
                rules, unread, until = None, "", time.monotonic() + ROBOTS_KEPT_SECONDS
                if got.ok:
                    rules = urllib.robotparser.RobotFileParser()
                    rules.parse(got.body.decode("utf-8", "replace").splitlines())
                elif got.status in REDIRECT_STATUSES:
                    pass  # redirected too often: unavailable, everything allowed
                elif not (400 <= got.status < 500 and got.status != 429):  # 4xx: none, all allowed
                    until = time.monotonic() + ROBOTS_UNREACHABLE_SECONDS
                    unread = (
                        f"the site could not be reached ({got.error}): tried again in a later round"
                        if got.status == 0 and got.error
                        else f"the site's robots.txt could not be read ({got.error or f'HTTP {got.status}'})"
                        ": taken as forbidding everything for now"
                    )
                self._robots[site] = (rules, unread, until)
        if unread:
            return unread
        return rules is None or rules.can_fetch(self.options.user_agent, url)

    # -- fetching -----------------------------------------------------------------------
    def get(
        self,
        url: str,
        etag: str | None = None,
        last_modified: str | None = None,
        stop: Stop = _never,
        until: float | None = None,
    ) -> Fetched:
        """``url`` fetched as :meth:`_follow` does, within the caller's deadline ``until`` (a
        ``time.monotonic()`` value) when given: no request starts after it, one under way is
        cut at it, and a fetch it cut short (a time-out or a cut connection once it passed)
        comes back ``stopped`` with the reason ``CUT`` — nothing is known, so try it later."""
        if until is None:
            return self._follow(url, etag, last_modified, stop)

        def late() -> bool:
            return stop() or time.monotonic() >= until

        _clock.until = until
        try:
            got = self._follow(url, etag, last_modified, late)
        finally:
            _clock.until = None
        if (got.stopped or got.transient) and time.monotonic() >= until - 0.05:  # (a time-out may end early)
            return Fetched(url, error=CUT if not stop() else STOPPED, stopped=True)
        return got

    def _follow(self, url: str, etag: str | None, last_modified: str | None, stop: Stop) -> Fetched:
        """``url`` fetched with the validators of a previous fetch, or the reason it was not.
        ``stop`` is asked before each attempt and while waiting: once it says so, no request
        is started and the result is ``stopped`` (a request under way is finished). A
        redirect is followed as a request of its own, at most ``max_redirects`` of them: the
        robots.txt and the turn of the host it leads to; no hop nor retry starts once
        ``deadline`` has passed since the first."""
        began, first = time.monotonic(), url
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for hop in range(self.options.max_redirects + 1):
            problem = web_address(url)
            if problem:
                return Fetched(first, error=problem if hop == 0 else f"redirected to {problem}")
            if hop and time.monotonic() - began >= self.options.deadline:
                late = f"redirects took longer than {self.options.deadline:g} s"
                return Fetched(first, error=late, transient=True)
            allowed = self._allowed(url, stop)
            if allowed is None:
                return Fetched(first, error=STOPPED, stopped=True)
            if isinstance(allowed, str):  # why the site's robots.txt could not be read
                return Fetched(url, error=allowed, transient=True)
            if not allowed:
                return Fetched(url, error="forbidden by the site's robots.txt")
            got = self._get(url, headers if hop == 0 else {}, stop, began)
            location = got.headers.get("location") if got.status in REDIRECT_STATUSES else None
            if got.error is not None or not location:
                return got
            url = urljoin(url, location.strip())
        return Fetched(first, error=f"more than {self.options.max_redirects} redirects")

    def _get(
        self, url: str, headers: dict[str, str], stop: Stop, began: float, paced: bool = True
    ) -> Fetched:
        """One request with its retries; none is started once ``deadline`` has passed since
        ``began``. Not ``paced`` (a robots.txt): the host's turn without its pause, and no
        pause counted from it, so the page asked for follows it at once, as crawlers do (a
        worker would otherwise sleep a pause per site, holding up every other host)."""
        opts = self.options
        host = host_of(url)
        result = Fetched(url)
        for attempt in range(opts.retries + 1):
            turn = self._take_turn(host, stop, paced or attempt > 0)
            if turn is None:
                return Fetched(url, error=STOPPED, stopped=True)
            try:
                result = self._once(url, headers)
            finally:
                if paced or attempt > 0:
                    self._last[host] = time.monotonic()
                turn.release()
            result.attempts = attempt + 1
            retry = result.error is not None and result.error.startswith(("timed out", "could not connect"))
            retry = retry or (result.error is None and result.status in RETRY_STATUSES)
            if not retry or attempt == opts.retries:
                break
            pause = opts.backoff * 2**attempt
            after = result.headers.get("retry-after", "")
            if after.isdigit():
                pause = max(pause, min(float(after), opts.max_retry_after))
            if time.monotonic() + pause - began >= opts.deadline:
                break  # no time left for another attempt: the last one's outcome stands
            if not _pause(pause, stop):
                return Fetched(url, error=STOPPED, stopped=True)
        if result.error is None and result.status in RETRY_STATUSES:
            result.error = f"HTTP {result.status} after {result.attempts} attempts"
            result.transient = True
        elif result.error is None and result.status >= 400:
            result.error = f"HTTP {result.status}"
        elif result.error is not None and result.error.startswith(("timed out", "could not connect")):
            result.transient = True
        return result

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        cap, deadline = self.options.max_bytes, self.options.deadline
        late = f"took longer than {deadline:g} s (the whole request, connecting to the last byte)"
        _clock.at, _clock.cut = time.monotonic() + deadline, False
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
                return self._read_body(response, got, late)
        except httpx.TimeoutException:
            if _clock.cut:
                return Fetched(url, error=late, transient=True)
            return Fetched(url, error=f"timed out after {self.options.timeout:g} s")
        except httpx.TransportError as exc:
            return Fetched(url, error=f"could not connect: {exc}"[:300])
        except httpx.InvalidURL as exc:  # also a redirect's Location httpx cannot read
            return Fetched(url, error=f"not a valid web address (or redirected to one): {exc}"[:300])
        except httpx.HTTPError as exc:
            return Fetched(url, error=f"HTTP error: {exc}"[:300])
        finally:
            _clock.at = None

    def _read_body(self, response: httpx.Response, got: Fetched, late: str) -> Fetched:
        """``got`` given the body of ``response``, its content codings undone by ``_decoded``
        (httpx's raw bytes: its own decoding is never used), or the reason it was not: over
        the size cap (counted as decompressed, step by step), past the deadline, a coding not
        read or damaged."""
        cap = self.options.max_bytes
        coded = response.headers.get("content-encoding", "").strip()
        chunks, total = [], 0
        try:
            for chunk in _decoded(response.iter_raw(), coded):
                total += len(chunk)
                if total > cap:
                    how = f" once decompressed (Content-Encoding: {coded[:100]})" if coded else ""
                    got.error = f"page over {cap:,} bytes{how}"
                    return got
                if time.monotonic() > _clock.at:
                    got.error, got.transient = f"{late}; {total:,} bytes read", True
                    return got
                chunks.append(chunk)
        except _BadEncoding as exc:
            got.error = str(exc)
            return got
        got.body = b"".join(chunks)
        return got
