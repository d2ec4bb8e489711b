"""The guard before the app: Host names, control characters, body caps and write checks that
come before a body is read (on a real server on loopback, chunked uploads), error pages,
security headers on every answer, and a server that stops on SIGTERM."""

from __future__ import annotations

import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from storyline.store import Store
from storyline.web import create_app
from storyline.web.local import free_port, local_server

LOCAL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def client(demo_db: Path) -> TestClient:
    return TestClient(create_app(demo_db), base_url=LOCAL, raise_server_exceptions=False)


def test_control_characters_in_an_address_are_refused_with_a_page_or_json(client: TestClient) -> None:
    api = client.get("/api/search", params={"q": "\x00"})
    assert api.status_code == 400 and api.json()["detail"] == "control characters in the address"
    page = client.get("/search", params={"q": "harbour\x02"})
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert "control characters" in page.text and "<h1>Bad Request</h1>" in page.text
    for response in (api, page):
        assert "default-src 'none'" in response.headers["content-security-policy"]
    assert client.get("/api/articles/%00").status_code == 400
    assert client.get("/search", params={"q": "tab\tand newline\n"}).status_code == 200
    for path in ("/api/articles/a%0d%0ab", "/stories/S1%09", "/api/stories/S1%0a"):  # in a path: none
        assert client.get(path).status_code == 400, path


def test_html_routes_answer_errors_as_pages(client: TestClient) -> None:
    missing = client.get("/stories/S999")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "no story" in missing.text and "<h1>Not Found</h1>" in missing.text
    assert client.get("/api/stories/S999").json() == {"detail": "no story S999"}
    invalid = client.get("/stories", params={"limit": "many"})
    assert invalid.status_code == 422 and invalid.headers["content-type"].startswith("text/html")
    assert client.get("/api/stories", params={"limit": "many"}).json()["detail"][0]["loc"] == [
        "query",
        "limit",
    ]


def test_only_the_served_names_are_answered(demo_db: Path) -> None:
    app = create_app(demo_db)
    for name in ("127.0.0.1:8000", "localhost", "[::1]:8000"):
        assert TestClient(app, base_url=f"http://{name}").get("/api/overview").status_code == 200, name
    rebound = TestClient(app, base_url="http://attacker.example").get("/api/overview")
    assert rebound.status_code == 400 and "Host" in rebound.json()["detail"]
    for hostile in ("[::1]evil.com", "[::1]:80evil", "127.0.0.1:80:80", "localhost:http", "[::1"):
        got = TestClient(app, base_url=LOCAL).get("/api/overview", headers={"Host": hostile})
        assert got.status_code == 400, hostile
    wider = create_app(demo_db, bind="0.0.0.0", allowed_hosts=("corpus.lan",))
    assert TestClient(wider, base_url="http://corpus.lan:8000").get("/api/overview").status_code == 200
    assert TestClient(wider, base_url="http://0.0.0.0").get("/api/overview").status_code == 400


def _chunked_post(base: str, headers: dict[str, str], total: int) -> tuple[int, int]:
    """POST ``total`` bytes to /api/ingest in chunks until the server answers: (status, bytes
    sent before the answer came)."""
    url = urlsplit(base)
    sock = socket.create_connection((url.hostname, url.port), timeout=20)
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    sock.sendall(
        f"POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
        f"Content-Type: application/json\r\n{head}\r\n".encode()
    )
    piece, sent = b"[" + b" " * 65_534 + b"]", 0
    with sock:
        while sent < total and not select.select([sock], [], [], 0)[0]:
            try:
                sock.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            except OSError:  # the server closed its side: its answer is waiting
                break
            sent += len(piece)
        answer = sock.recv(4096).decode("latin-1")
    return int(answer.split()[1]), sent


def test_writes_are_refused_before_their_body_is_read(demo_db: Path, tmp_path: Path) -> None:
    with local_server(demo_db) as base:  # read-only: 403 at once, not after 100 MB
        status, sent = _chunked_post(base, {}, 100_000_000)
    assert status == 403 and sent < 20_000_000
    db = tmp_path / "w.db"
    Store(db).close()
    with local_server(db, args=["--allow-ingest", "--token", "s3cret"]) as base:
        status, sent = _chunked_post(base, {"Authorization": "Bearer nope"}, 100_000_000)
        assert status == 401 and sent < 20_000_000
        for wrong in ("s3cret", "Basic s3cret", "Bearer s3cret2", "Bearer s3crét"):
            assert _chunked_post(base, {"Authorization": wrong}, 70_000)[0] == 401, wrong
        # the scheme's name in any case (RFC 9110): past the token check, to the body cap
        status, sent = _chunked_post(base, {"Authorization": "bearer s3cret"}, 100_000_000)
        assert status == 413, status
        status, sent = _chunked_post(base, {"Authorization": "Bearer s3cret"}, 100_000_000)
        assert status == 413 and 5_000_000 <= sent < 30_000_000  # cut once past the 5 MB cap


def test_sigterm_stops_the_server(demo_db: Path) -> None:
    port = free_port()
    cmd = [sys.executable, "-m", "storyline", "serve", "--db", str(demo_db), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
                time.sleep(0.1)
        idle = socket.create_connection(("127.0.0.1", port))  # a client that holds a connection
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=15)  # uvicorn shuts down, then re-raises the signal it caught
        idle.close()
        assert code in (0, -signal.SIGTERM)
        assert "Traceback" not in proc.stderr.read().decode()  # type: ignore[union-attr]
    finally:
        if proc.poll() is None:
            proc.kill()
