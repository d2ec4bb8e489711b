"""A server that degrades and never locks out (issue #28): idle and slow connections closed by
their time-outs, a burst answered whole, the excess over a small queue told to come back, and
the queue served in arrival order. On a real server on loopback (``storyline serve`` in a
child process), and the middleware alone on asyncio for the order."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from storyline.store import Store
from storyline.web.limits import Admission, Capacity
from storyline.web.local import local_server

HEAD = b"GET /api/overview HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


def _connect(base: str) -> socket.socket:
    url = urlsplit(base)
    sock = socket.create_connection((url.hostname, url.port), timeout=15)
    return sock


def _response(sock: socket.socket) -> bytes:
    """One whole response (head and a body of Content-Length bytes); the connection stays open."""
    got = b""
    while b"\r\n\r\n" not in got:
        got += sock.recv(65536)
    head, _, body = got.partition(b"\r\n\r\n")
    size = next(
        int(v)
        for k, _, v in (h.partition(b":") for h in head.split(b"\r\n"))
        if k.lower() == b"content-length"
    )
    while len(body) < size:
        body += sock.recv(65536)
    return head


def _read_all(sock: socket.socket) -> bytes:
    """What the server sends until it closes the connection."""
    got = b""
    while chunk := sock.recv(65536):
        got += chunk
    return got


def test_idle_connections_shut_no_one_out_and_are_closed(demo_db: Path) -> None:
    with local_server(demo_db, args=["--header-timeout", "2"]) as base:
        idle = [_connect(base) for _ in range(80)]  # connected, sending nothing
        partial = _connect(base)
        partial.sendall(b"GET /api/overview HTTP/1.1\r\nHost: 127.")  # a head never finished
        kept = _connect(base)
        kept.sendall(HEAD)
        assert _response(kept).startswith(b"HTTP/1.1 200")
        kept.sendall(b"GET /api/overview HT")  # kept alive, then part of a head
        assert httpx.get(base + "/api/overview", timeout=15).status_code == 200  # not a 503
        for sock in idle:  # closed by the header time-out, not left open
            assert _read_all(sock) == b""
        assert _read_all(partial).startswith(b"HTTP/1.1 408")
        assert _read_all(kept).startswith(b"HTTP/1.1 408")
        for sock in [*idle, partial, kept]:
            sock.close()
        assert httpx.get(base + "/api/overview", timeout=15).status_code == 200


async def _burst(base: str, paths: list[str]) -> list[httpx.Response]:
    limits = httpx.Limits(max_connections=len(paths), max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        return await asyncio.gather(*(client.get(p) for p in paths))


def test_a_burst_is_answered_whole(demo_db: Path) -> None:
    with local_server(demo_db, args=["--max-wait", "100"]) as base:
        stories = httpx.get(base + "/api/stories?limit=5").json()["items"]
        entities = httpx.get(base + "/api/entities?limit=5").json()["items"]
        pages = [f"/stories/{s['id']}" for s in stories] + [f"/entities/{e['id']}" for e in entities]
        pages += ["/search?q=minister", "/api/search?q=harbour", "/"]
        answers = asyncio.run(_burst(base, [pages[n % len(pages)] for n in range(150)]))
    assert [r.status_code for r in answers] == [200] * 150


def test_the_excess_over_the_queue_is_told_to_come_back(tmp_path: Path) -> None:
    """One request runs (its body sent slowly), one waits, the next gets a 503 with Retry-After
    at once; the slow body is cut after the body time-out, and the waiting one is answered."""
    db = tmp_path / "w.db"
    Store(db).close()
    args = ["--allow-ingest", "--token", "s3cret", "--max-running", "1", "--max-queued", "1"]
    args += ["--max-wait", "60", "--body-timeout", "2"]
    with local_server(db, args=args) as base:
        slow = _connect(base)
        slow.sendall(
            b"POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer s3cret\r\n"
            b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n[{"
        )
        time.sleep(0.5)  # the server reads it first: it takes the one turn
        waiting = _connect(base)
        waiting.sendall(HEAD)
        time.sleep(0.5)  # ... and this one the one place in the queue
        excess = httpx.get(base + "/api/overview", timeout=15)  # the queue holds one: full
        assert excess.status_code == 503 and int(excess.headers["retry-after"]) >= 1
        assert "busy" in excess.json()["detail"]
        assert _read_all(slow).startswith(b"HTTP/1.1 408")
        assert _response(waiting).startswith(b"HTTP/1.1 200")
        slow.close()
        waiting.close()


def test_the_queue_is_served_in_arrival_order_and_waits_are_bounded() -> None:
    async def scenario() -> tuple[list[int], list[int]]:
        release = asyncio.Event()
        order: list[int] = []

        async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
            order.append(int(scope["path"].strip("/")))
            await release.wait()
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b""})

        gate = Admission(app, Capacity(running=2, queued=5, wait=30))
        statuses: dict[int, int] = {}

        async def request(n: int) -> None:
            async def receive() -> dict[str, Any]:
                return {"type": "http.request", "body": b"", "more_body": False}

            async def send(message: dict[str, Any]) -> None:
                if message["type"] == "http.response.start":
                    statuses[n] = message["status"]

            await gate({"type": "http", "path": f"/{n}", "headers": []}, receive, send)

        tasks = []
        for n in range(10):  # 2 run, 5 wait, 3 are told to come back
            tasks.append(asyncio.create_task(request(n)))
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)
        release.set()
        await asyncio.gather(*tasks)
        return order, [statuses[n] for n in range(10)]

    order, statuses = asyncio.run(scenario())
    assert order == list(range(7))
    assert statuses == [200] * 7 + [503] * 3


def test_a_wait_too_long_is_told_to_come_back() -> None:
    async def scenario() -> list[tuple[int, dict[bytes, bytes], Any]]:
        hold = asyncio.Event()

        async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
            await hold.wait()

        gate = Admission(app, Capacity(running=1, queued=5, wait=0.2))
        answers: list[tuple[int, dict[bytes, bytes], Any]] = []

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                answers.append((message["status"], dict(message["headers"]), None))
            else:
                answers[-1] = (*answers[-1][:2], json.loads(message["body"]))

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        running = asyncio.create_task(gate({"type": "http", "path": "/api/a"}, receive, send))
        await asyncio.sleep(0.01)
        await gate({"type": "http", "path": "/api/b"}, receive, send)  # waits 0.2 s, then a 503
        hold.set()
        await running
        return answers

    ((status, headers, body),) = asyncio.run(scenario())[:1]
    assert status == 503 and headers[b"retry-after"] == b"1" and "busy" in body["detail"]
