"""What every request passes before the app sees it, and what every response carries.

An ASGI middleware (not Starlette's ``BaseHTTPMiddleware``, which reads nothing of the body
stream itself): the Host header must name this server (a hostile page cannot reach a
loopback corpus by DNS rebinding); a path or query with control characters is refused; a
body over the cap is refused from its ``Content-Length`` or, chunked, as soon as its bytes
pass the cap; a write to a read-only server, or without the token, is refused before one
byte of its body is read. Every response, errors included, carries the security headers.
"""

from __future__ import annotations

import contextlib
import hmac
import re
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import unquote

from storyline.web.errors import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
LOOPBACK = ("127.0.0.1", "localhost", "::1")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # in a path: tab, CR and LF too
_CONTROL_QUERY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # a pasted search keeps its tabs, lines
WRITES = {"/api/ingest"}  # the paths that take a body


class TooLarge(Exception):
    """A streamed body passed the cap."""


def host_names(bind: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names a server bound to ``bind`` answers to: loopback names, the bound
    address unless it is a wildcard, and ``extra`` (``--allowed-host``)."""
    names = set(LOOPBACK)
    if bind not in ("0.0.0.0", "::", ""):
        names.add(bind.strip("[]").lower())
    names.update(n.strip().lower() for n in extra if n.strip())
    return frozenset(names)


def _host(value: str) -> str:
    """The name of a Host header, without its port ("[::1]:8000" → "::1"); a header that is
    no name and port ("[::1]evil.com", "host:port:x") is returned whole, served by no server."""
    value = value.strip().lower()
    m = re.fullmatch(r"\[([0-9a-f:.]+)\](?::\d{1,5})?|([^\[\]:]+)(?::\d{1,5})?", value)
    if m is None:
        return value
    return m.group(1) or m.group(2)


class Guard:
    """The middleware; ``token`` is None on a read-only server."""

    def __init__(
        self, app: ASGIApp, hosts: frozenset[str], max_body: int, writable: bool, token: str | None
    ) -> None:
        self.app, self.hosts, self.max_body = app, hosts, max_body
        self.writable, self.token = writable, token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = refused = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if refused:  # the 413 went out: what the app answers to its cut-off body is dropped
                return
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in HEADERS if h[0] not in names)]
            await send(message)

        refusal = self._refusal(scope)
        if refusal is not None:
            await self._answer(scope, send_with_headers, *refusal)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body and not refused:
                    if not started:
                        await self._answer(scope, send_with_headers, 413, "request body too large")
                    refused = True
                    raise TooLarge
            return message

        with contextlib.suppress(TooLarge):  # answered in counted()
            await self.app(scope, counted, send_with_headers)

    def _refusal(self, scope: Scope) -> tuple[int, str] | None:
        """(status, reason) when the request is refused before the app sees it."""
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if _host(headers.get("host", "")) not in self.hosts:
            return 400, "unknown Host header (start the server with --allowed-host NAME to serve that name)"
        query = unquote(scope.get("query_string", b"").decode("latin-1"))
        if _CONTROL.search(scope.get("path", "")) or _CONTROL_QUERY.search(query):
            return 400, "control characters in the address"
        size = headers.get("content-length")
        if size is not None and (not size.isdigit() or int(size) > self.max_body):
            return 413, "request body too large"
        if scope.get("method") == "POST" and scope.get("path") in WRITES:
            if not self.writable or self.token is None:
                return 403, "this server is read-only (start it with --allow-ingest)"
            scheme, _, given = headers.get("authorization", "").strip().partition(" ")
            # the scheme's name is case-insensitive (RFC 9110 11.1), the token is not; compared
            # as bytes (a header is latin-1: compare_digest refuses a str that is not ASCII)
            if scheme.lower() != "bearer" or not hmac.compare_digest(
                given.strip().encode("latin-1"), self.token.encode()
            ):
                return 401, "wrong or missing token"
        return None

    async def _answer(self, scope: Scope, send: Send, status: int, detail: str) -> None:
        """A refusal, as JSON under /api and as an HTML page elsewhere."""
        body, kind = error_body(scope.get("path", ""), status, detail)
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-type", kind.encode()), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})
