"""A real HTTP server on 127.0.0.1 for the tests of fetching and watching: routes of
hand-written pages and feeds, with the faults a real site has (500s and 429s, a redirect
loop, a page too big, a slow answer, robots.txt rules, conditional requests). It records
every request, so a test can say what was fetched and how often."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

Route = Callable[["Handler"], tuple[int, dict[str, str], bytes]]


class Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Route]] = {}
    log: ClassVar[list[tuple[str, dict[str, str]]]] = []

    def do_GET(self) -> None:
        self.log.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        route = self.routes.get(self.path.split("?")[0])
        status, headers, body = route(self) if route else (404, {"Content-Type": "text/plain"}, b"not here")
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        return


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[tuple[str, list[tuple[str, dict[str, str]]]]]:
    """(base URL, request log) of a server answering ``routes`` until the block ends."""
    handler = type("Routes", (Handler,), {"routes": routes, "log": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler.log
    finally:
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


def rss(base: str, links: list[str]) -> str:
    items = "".join(
        f"<item><title>Item {i}</title><link>{base}{link}</link><guid>{base}{link}</guid></item>"
        for i, link in enumerate(links)
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Test</title>{items}</channel></rss>"


def flaky(fails: int, then: Route, status: int = 500) -> Route:
    """A route that answers ``status`` ``fails`` times, then as ``then``."""
    left = [fails]

    def route(h: Handler) -> tuple[int, dict[str, str], bytes]:
        if left[0] > 0:
            left[0] -= 1
            return status, {"Content-Type": "text/plain", "Retry-After": "0"}, b"try later"
        return then(h)

    return route


def slow(seconds: float, then: Route) -> Route:
    def route(h: Handler) -> tuple[int, dict[str, str], bytes]:
        time.sleep(seconds)
        return then(h)

    return route
