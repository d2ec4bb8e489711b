"""The suite reaches nothing beyond loopback (tests/netguard): a connection elsewhere fails at
once, in the test process and in any Python process a test starts; loopback still works."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from tests.loopback import page, serve

ELSEWHERE = ("192.0.2.1", 80)  # TEST-NET-1: never routed


def test_a_connection_beyond_loopback_fails_in_the_test_process() -> None:
    with pytest.raises(ConnectionRefusedError, match="loopback"):
        socket.create_connection(ELSEWHERE, timeout=2)
    with serve({"/": page("here")}) as (base, _log):
        import httpx

        assert httpx.get(base + "/").text == "here"


def test_a_connection_beyond_loopback_fails_in_a_process_a_test_starts() -> None:
    code = f"import socket; socket.create_connection({ELSEWHERE!r}, timeout=2)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "tests reach only the loopback address" in done.stderr
