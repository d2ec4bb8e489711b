"""Start ``storyline serve`` in a child process on a free loopback port and wait until it
answers: for the browser tests, the screenshot script and the latency benchmark."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def local_server(db: str | Path, timeout: float = 20.0, args: Sequence[str] = ()) -> Iterator[str]:
    """The base URL of a server over ``db`` (``args`` added to ``storyline serve``), stopped
    on exit."""
    port = free_port()
    cmd = [sys.executable, "-m", "storyline", "serve", "--db", str(db), "--port", str(port), *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"storyline serve did not start on port {port}") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
