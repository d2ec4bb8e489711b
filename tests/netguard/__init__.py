"""Nothing in the test suite reaches beyond the loopback address: a TCP connection (or a UDP
datagram) to any other address fails at once with the reason. Installed for the test process
by conftest.py and, through ``sitecustomize`` on PYTHONPATH, for every Python process a test
starts (the CLI, Dask workers); Chromium gets host-resolver rules of its own."""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

_installed = False


def loopback(address: Any) -> bool:
    """Whether a socket address is on this machine's loopback (or not an IP address at all:
    a Unix socket path)."""
    if not isinstance(address, tuple):
        return True
    host = str(address[0]).split("%")[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: a test names only 127.0.0.1 or localhost


def _refuse(address: Any) -> None:
    raise ConnectionRefusedError(f"tests reach only the loopback address, not {address!r} (tests/netguard)")


def install() -> None:
    """Guard ``socket.socket`` of this process (once)."""
    global _installed
    if _installed:
        return
    _installed = True
    base = socket.socket
    connect, connect_ex, sendto = base.connect, base.connect_ex, base.sendto

    def guarded_connect(self: socket.socket, address: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not loopback(address):
            if self.type == socket.SOCK_DGRAM:  # connecting UDP sends nothing (Dask asks its route)
                return connect(self, address)
            _refuse(address)
        return connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        inet = self.family in (socket.AF_INET, socket.AF_INET6)
        if inet and self.type != socket.SOCK_DGRAM and not loopback(address):
            _refuse(address)
        return connect_ex(self, address)

    def guarded_sendto(self: socket.socket, data: Any, *args: Any) -> int:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not loopback(args[-1]):
            _refuse(args[-1])
        return sendto(self, data, *args)  # type: ignore[arg-type]

    base.connect = guarded_connect  # type: ignore[method-assign]
    base.connect_ex = guarded_connect_ex  # type: ignore[method-assign]
    base.sendto = guarded_sendto  # type: ignore[method-assign]
