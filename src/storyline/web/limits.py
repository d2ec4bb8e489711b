"""How the server stays open to everyone under load: time-outs that close idle and slow
connections, and a bound on the requests that run at once with a short queue behind it.

uvicorn can limit only open connections (``limit_concurrency``), and it closes a connection
that sends nothing only after a response (keep-alive): 64 clients that connect and send no
byte shut every other client out. Here instead:

- ``timed_protocol``: uvicorn's h11 protocol with a head time-out: a connection that has not
  sent a whole request head within ``head_seconds`` of connecting, or of its last answer, is
  closed (with a 408 when it sent part of one); a request being answered is never cut.
- ``Admission``: an ASGI middleware that lets ``running`` requests run at once and queues the
  next ``queued`` in arrival order, each for at most ``wait`` seconds; only a request that
  finds the queue full or waits longer is answered 503 with ``Retry-After``. A request body
  must arrive whole within ``body_seconds`` of the app's first read (else 408).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the server's packages load only when it starts (the CLI reads the defaults)
    from uvicorn.protocols.http.h11_impl import H11Protocol

    from storyline.web.guard import ASGIApp, Message, Receive, Scope, Send

HEAD_SECONDS = 10.0  # to send a whole request head, from connecting or from the last answer
UNQUEUED = ("/static/",)  # files: cheap, and a page waits for them
TIMEOUT_408 = b"HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


def timed_protocol(head_seconds: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol, closing a connection whose request head is not whole within
    ``head_seconds`` (pass the class as ``uvicorn.run(http=...)``)."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class HeadTimedH11(H11Protocol):
        head_timer: asyncio.TimerHandle | None = None
        heard = False  # bytes came since the timer was armed

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing() and self._awaiting_head():
                self._arm()

        def data_received(self, data: bytes) -> None:
            self.heard = True
            super().data_received(data)

        def _arm(self) -> None:
            self._disarm()
            self.heard = False
            self.head_timer = self.loop.call_later(head_seconds, self._head_timeout, self.cycle)

        def _disarm(self) -> None:
            if self.head_timer is not None:
                self.head_timer.cancel()
                self.head_timer = None

        def _awaiting_head(self) -> bool:
            """No request is being received or answered on this connection."""
            return self.cycle is None or self.cycle.response_complete

        def _head_timeout(self, armed_cycle: Any) -> None:
            self.head_timer = None
            if self.transport.is_closing() or self.cycle is not armed_cycle or not self._awaiting_head():
                return  # a head came in time: its answer arms the timer again
            if self.heard:  # part of a head came: say why before closing
                self.transport.write(TIMEOUT_408)
            self.transport.close()

    return HeadTimedH11


@dataclass(frozen=True)
class Capacity:
    """What the server takes on at once (``storyline serve`` options of the same names)."""

    running: int = 8  # requests running at once: a few per core keeps the cores busy (below
    # the 40 threads of anyio's pool, so a running request never waits for a thread)
    queued: int = 400  # requests waiting their turn; one more is told to come back
    wait: float = 20.0  # the longest a queued request waits before it is told to come back
    body_seconds: float = 30.0  # to send a whole request body, from the app's first read


class Admission:
    """The middleware: at most ``running`` requests at once, the next ``queued`` waiting in
    arrival order for at most ``wait`` seconds, the rest answered 503 with ``Retry-After``."""

    def __init__(self, app: ASGIApp, capacity: Capacity) -> None:
        self.app, self.queue, self.wait = app, capacity.queued, capacity.wait
        self.body_seconds = capacity.body_seconds
        self.free = capacity.running
        self.waiting: deque[asyncio.Future[None]] = deque()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path", "").startswith(UNQUEUED):
            await self.app(scope, receive, send)
            return
        if not await self._enter():
            retry = max(1, math.ceil(self.wait))
            detail = f"the server is busy: try again in {retry} s"
            await _answer(scope, send, 503, detail, [(b"retry-after", str(retry).encode())])
            return
        try:
            await self._run(scope, receive, send)
        finally:
            self._leave()

    async def _enter(self) -> bool:
        """Wait for a turn: True when this request may run, False when it may not (the
        queue is full or the wait too long)."""
        if self.free and not self.waiting:
            self.free -= 1
            return True
        if len(self.waiting) >= self.queue:
            return False
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.waiting.append(turn)
        try:
            await asyncio.wait_for(turn, self.wait)
        except TimeoutError:
            self._give_up(turn)
            return False
        except asyncio.CancelledError:  # the server is stopping
            self._give_up(turn)
            raise
        return True

    def _give_up(self, turn: asyncio.Future[None]) -> None:
        """Leave the queue; a turn handed over just as this request gave up is passed on."""
        if turn.done() and not turn.cancelled():
            self._leave()
        with contextlib.suppress(ValueError):
            self.waiting.remove(turn)

    def _leave(self) -> None:
        """Hand this request's turn to the oldest waiting one, or free it."""
        while self.waiting:
            turn = self.waiting.popleft()
            if not turn.done():
                turn.set_result(None)
                return
        self.free += 1

    async def _run(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The app, its request body cut off ``body_seconds`` after the app first reads it:
        a 408 goes out then, and what the app answers to its cut-off body is dropped."""
        started = cut = body_done = False
        deadline: float | None = None

        async def sent(message: Message) -> None:
            nonlocal started
            if cut:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        async def timed() -> Message:
            nonlocal deadline, body_done, cut
            if body_done:
                return await receive()
            deadline = deadline or time.monotonic() + self.body_seconds
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                if not started:
                    detail = f"request body not received within {self.body_seconds:g} s"
                    await _answer(scope, send, 408, detail, [(b"connection", b"close")])
                cut = True
                raise SlowBody from None
            body_done = message["type"] != "http.request" or not message.get("more_body", False)
            return message

        with contextlib.suppress(SlowBody):  # answered in timed()
            await self.app(scope, timed, sent)


class SlowBody(Exception):
    """A request body did not arrive in time."""


async def _answer(
    scope: Scope, send: Send, status: int, detail: str, headers: list[tuple[bytes, bytes]]
) -> None:
    """An error answer from the middleware (JSON under /api, a page elsewhere)."""
    from storyline.web.errors import error_body

    body, kind = error_body(scope.get("path", ""), status, detail)
    head = [(b"content-type", kind.encode()), (b"content-length", str(len(body)).encode()), *headers]
    await send({"type": "http.response.start", "status": status, "headers": head})
    await send({"type": "http.response.body", "body": body})
