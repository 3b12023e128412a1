"""Loaded at start-up by any Python whose PYTHONPATH includes this folder (the test kernels).

Blocks every network connection that leaves the machine: a connection to anything other
than the loopback address raises, and the attempt is written to the file named by
EDITION_NETLOG, so the offline test can say what was tried.
"""

import os
import socket

_LOOPBACK = ("127.", "::1", "localhost", "0:0:0:0:0:0:0:1")
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_getaddrinfo = socket.getaddrinfo


def _record(host):
    log = os.environ.get("EDITION_NETLOG")
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{host}\n")


def _is_remote(sock, address):
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return False  # Unix sockets and the like stay on the machine
    host = address[0] if isinstance(address, tuple) else address
    return not str(host).startswith(_LOOPBACK)


def _guarded_connect(self, address):
    if _is_remote(self, address):
        _record(address[0] if isinstance(address, tuple) else address)
        raise OSError(f"network access blocked by the offline test: {address!r}")
    return _connect(self, address)


def _guarded_connect_ex(self, address):
    if _is_remote(self, address):
        _record(address[0] if isinstance(address, tuple) else address)
        raise OSError(f"network access blocked by the offline test: {address!r}")
    return _connect_ex(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    if host is not None and not str(host).startswith(_LOOPBACK) and str(host) not in ("", "0.0.0.0"):
        _record(host)
        raise socket.gaierror(f"name lookup blocked by the offline test: {host!r}")
    return _getaddrinfo(host, *args, **kwargs)


if os.environ.get("EDITION_BLOCK_NETWORK") == "1":
    socket.socket.connect = _guarded_connect
    socket.socket.connect_ex = _guarded_connect_ex
    socket.getaddrinfo = _guarded_getaddrinfo
