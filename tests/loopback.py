"""A real HTTP server on 127.0.0.1 for the tests of fetching and watching: routes of
hand-written pages and feeds, with the faults a real site has (500s and 429s, a redirect
loop, a page too big, a slow answer, an answer that never comes, a body or headers that
drip a byte at a time, robots.txt rules, conditional requests). It records every request,
and when each began and ended, so a test can say what was fetched, how often, and whether
two requests overlapped."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from xml.sax.saxutils import escape

Answer = tuple[int, dict[str, str], bytes | Iterable[bytes]]
Route = Callable[["Handler"], Answer | None]  # None: the route wrote its answer itself
STAMP_SLACK = 0.05
"""How late a span's end may be stamped: the server's thread stamps it after the answer has
left, and on a busy machine the client may have read it (and paced from then) first."""


class RequestLog(list[tuple[str, dict[str, str]]]):
    """Every request as (path, headers), in the order they came, and ``spans``: (path, start,
    end) on ``time.monotonic()``, from the request read to the last byte of the answer sent."""

    def __init__(self) -> None:
        super().__init__()
        self.spans: list[tuple[str, float, float]] = []

    def paths(self, prefix: str = "/") -> list[str]:
        return [path for path, _ in self if path.startswith(prefix)]


class Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Route]] = {}
    log: ClassVar[RequestLog] = RequestLog()
    closing: ClassVar[threading.Event] = threading.Event()  # set when the server shuts down

    def do_GET(self) -> None:
        start = time.monotonic()
        self.log.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        try:
            self._answer()
        finally:
            self.log.spans.append((self.path, start, time.monotonic()))

    def _answer(self) -> None:
        route = self.routes.get(self.path.split("?")[0])
        answer = route(self) if route else (404, {"Content-Type": "text/plain"}, b"not here")
        if answer is None:
            return
        status, headers, body = answer
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if isinstance(body, bytes) and "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for chunk in [body] if isinstance(body, bytes) else body:
            self.wfile.write(chunk)

    def log_message(self, *args: Any) -> None:
        return


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the client gave up on a slow answer: what the fault tests want
        super().handle_error(request, client_address)


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[tuple[str, RequestLog]]:
    """(base URL, request log) of a server answering ``routes`` until the block ends."""
    handler = type(
        "Routes", (Handler,), {"routes": routes, "log": RequestLog(), "closing": threading.Event()}
    )
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler.log
    finally:
        handler.closing.set()  # routes still waiting give up
        server.shutdown()
        server.server_close()


def page(
    body: bytes | str, status: int = 200, kind: str = "text/html; charset=utf-8", **headers: str
) -> Route:
    data = body.encode() if isinstance(body, str) else body
    return lambda _h: (status, {"Content-Type": kind, **headers}, data)


def article(title: str, paragraphs: list[str], published: str = "2024-05-02") -> str:
    """A hand-written news page with its title, date and body."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title><meta property='article:published_time' content='{published}'>"
        f"</head><body><header><a href='/'>Home</a></header><article><h1>{title}</h1>{body}</article>"
        "<footer>Contact us</footer></body></html>"
    )


def rss(base: str, links: list[str], guids: list[str] | None = None) -> str:
    """An RSS feed of ``links`` (made absolute on ``base`` unless they have a scheme), each
    item's guid its link unless ``guids`` are given."""
    absolute = [link if ":" in link.split("/")[0] else base + link for link in links]
    items = "".join(
        f"<item><title>Item {i}</title><link>{escape(link)}</link><guid>{escape(guid)}</guid></item>"
        for i, (link, guid) in enumerate(zip(absolute, guids or absolute, strict=True))
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Test</title>{items}</channel></rss>"


def flaky(fails: int, then: Route, status: int = 500) -> Route:
    """A route that answers ``status`` ``fails`` times, then as ``then``."""
    left = [fails]

    def route(h: Handler) -> Answer | None:
        if left[0] > 0:
            left[0] -= 1
            return status, {"Content-Type": "text/plain", "Retry-After": "0"}, b"try later"
        return then(h)

    return route


def slow(seconds: float | list[float], then: Route) -> Route:
    """A route that answers as ``then`` after ``seconds`` (a one-item list: changeable)."""

    def route(h: Handler) -> Answer | None:
        h.closing.wait(seconds[0] if isinstance(seconds, list) else seconds)
        return then(h)

    return route


def hang() -> Route:
    """A route that reads the request and never answers (until the server shuts down)."""

    def route(h: Handler) -> None:
        h.closing.wait()

    return route


def drip(body: bytes, every: float, kind: str = "text/html; charset=utf-8") -> Route:
    """A route that announces all of ``body`` and sends it one byte each ``every`` seconds."""

    def trickle(h: Handler) -> Iterator[bytes]:
        for byte in body:
            if h.closing.wait(every):
                return
            yield bytes([byte])

    return lambda h: (200, {"Content-Type": kind, "Content-Length": str(len(body))}, trickle(h))


def drip_head(every: float, size: int = 2000) -> Route:
    """A route whose status line and headers (``size`` bytes of them) come one byte each
    ``every`` seconds: a request that is never over unless the client gives up."""

    def route(h: Handler) -> None:
        head = b"HTTP/1.0 200 OK\r\nX-Padding: " + b"x" * size + b"\r\n\r\nlate"
        for byte in head:
            if h.closing.wait(every):
                return
            h.wfile.write(bytes([byte]))

    return route
