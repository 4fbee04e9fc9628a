"""A small HTTP/1.1-aware TCP proxy on loopback that injects network faults between the kiosk and the server.

It understands just enough HTTP (request/response framing by Content-Length or chunked) to apply a fault to
one request on a kept-alive connection. Faults are rules matched in order (method, path prefix) and used up
after `times` hits:

    proxy.add_fault("status", status=500)                       # answer 500 without forwarding
    proxy.add_fault("status", status=503, headers={"Retry-After": "2"})
    proxy.add_fault("delay", seconds=3)                          # forward, answer later than the read timeout
    proxy.add_fault("cut_after_upstream", method="POST")         # server committed, reply lost (the duplicate)
    proxy.add_fault("reset")                                     # connection reset before forwarding
    proxy.set_down(True)                                         # nobody listening: connection refused

`requests_seen` counts the requests that reached the proxy, `requests_by_route` the same by "METHOD /path" (no
query); a connection refused while down never reaches it.
"""
from __future__ import annotations

import socket
import struct
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Self


@dataclass
class Fault:
    action: str
    method: str | None = None
    path_prefix: str | None = None
    times: int = 1
    status: int = 500
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b'{"type":"about:blank","title":"injected","status":500,"detail":"injected fault","code":"server_error"}'
    seconds: float = 0.0
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and (
            self.path_prefix is None or path.startswith(self.path_prefix))


ACTIONS = ("status", "delay", "cut_after_upstream", "reset")
REASONS = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 429: "Too Many Requests"}


class _Closed(Exception):
    pass


def _read_until(sock: socket.socket, buf: bytearray, marker: bytes) -> bytes:
    while True:
        i = buf.find(marker)
        if i >= 0:
            out = bytes(buf[: i + len(marker)])
            del buf[: i + len(marker)]
            return out
        chunk = sock.recv(65536)
        if not chunk:
            raise _Closed()
        buf += chunk


def _read_exact(sock: socket.socket, buf: bytearray, n: int) -> bytes:
    while len(buf) < n:
        chunk = sock.recv(65536)
        if not chunk:
            raise _Closed()
        buf += chunk
    out = bytes(buf[:n])
    del buf[:n]
    return out


def _read_message(sock: socket.socket, buf: bytearray, is_response_to_head: bool = False) -> bytes:
    """One full HTTP/1.1 message (head + body) as raw bytes."""
    head = _read_until(sock, buf, b"\r\n\r\n")
    headers = {}
    for line in head.split(b"\r\n")[1:]:
        if b":" in line:
            k, v = line.split(b":", 1)
            headers[k.strip().lower()] = v.strip()
    if is_response_to_head:
        return head
    if headers.get(b"transfer-encoding", b"").lower() == b"chunked":
        body = b""
        while True:
            size_line = _read_until(sock, buf, b"\r\n")
            size = int(size_line.split(b";")[0].strip(), 16)
            body += size_line + _read_exact(sock, buf, size + 2)
            if size == 0:
                break
        return head + body
    length = int(headers.get(b"content-length", b"0") or 0)
    return head + _read_exact(sock, buf, length)


def _rst(sock: socket.socket) -> None:
    """Close with a TCP RST (what a dropped NAT mapping or a pulled cable eventually looks like)."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.shutdown(socket.SHUT_RD)  # wakes a thread blocked in recv() on it; sends nothing
    except OSError:
        pass
    sock.close()


class FaultProxy:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._stop = threading.Event()
        self._listener: socket.socket | None = None
        self._conns: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self.port = 0
        self.requests_seen = 0
        self.requests_by_route: Counter[str] = Counter()
        self.applied: list[str] = []
        self._listen()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # ---- control -----------------------------------------------------------------------------------
    def add_fault(self, action: str, *, method: str | None = None, path_prefix: str | None = None,
                  times: int = 1, status: int = 500, headers: dict[str, str] | None = None,
                  body: bytes | None = None, seconds: float = 0.0) -> Fault:
        if action not in ACTIONS:
            raise ValueError(f"fault action {action!r} is not one of {ACTIONS}")
        fault = Fault(action, method, path_prefix, times, status, dict(headers or {}), seconds=seconds)
        if body is not None:
            fault.body = body
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def set_down(self, down: bool) -> None:
        """Down: stop listening (connection refused) and cut every open connection."""
        if down:
            listener, self._listener = self._listener, None
            if listener is not None:
                try:
                    listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept(); close() alone does not
                except OSError:
                    pass
                listener.close()
            with self._lock:
                conns = list(self._conns)
            for c in conns:
                _rst(c)
        elif self._listener is None:
            self._listen(self.port)

    def close(self) -> None:
        self._stop.set()
        self.set_down(True)
        for t in self._threads:
            t.join(timeout=5)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- internals ---------------------------------------------------------------------------------
    def _listen(self, port: int = 0) -> None:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", port))
        s.listen(64)
        self.port = s.getsockname()[1]
        self._listener = s
        t = threading.Thread(target=self._accept_loop, args=(s,), name="fault-proxy-accept", daemon=True)
        t.start()
        self._threads.append(t)

    def _accept_loop(self, listener: socket.socket) -> None:
        while not self._stop.is_set():
            try:
                client, _ = listener.accept()
            except OSError:
                return
            with self._lock:
                self._conns.add(client)
            t = threading.Thread(target=self._serve, args=(client,), name="fault-proxy-conn", daemon=True)
            t.start()
            self._threads = [x for x in self._threads if x.is_alive()] + [t]

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self._lock:
            self.requests_seen += 1
            self.requests_by_route[f"{method} {path.split('?', 1)[0]}"] += 1
            for f in self._faults:
                if f.hits < f.times and f.matches(method, path):
                    f.hits += 1
                    self.applied.append(f"{f.action} {method} {path}")
                    return f
        return None

    def _serve(self, client: socket.socket) -> None:
        upstream: socket.socket | None = None
        cbuf, ubuf = bytearray(), bytearray()
        try:
            while not self._stop.is_set():
                request = _read_message(client, cbuf)
                line = request.split(b"\r\n", 1)[0].decode("latin-1")
                method, path = (line.split(" ") + ["", ""])[:2]
                fault = self._take_fault(method, path)
                if fault is not None and fault.action == "reset":
                    _rst(client)
                    return
                if fault is not None and fault.action == "status":
                    extra = "".join(f"{k}: {v}\r\n" for k, v in fault.headers.items())
                    reason = REASONS.get(fault.status, "Injected")
                    client.sendall(
                        f"HTTP/1.1 {fault.status} {reason}\r\ncontent-type: application/problem+json\r\n"
                        f"content-length: {len(fault.body)}\r\n{extra}\r\n".encode("latin-1") + fault.body)
                    continue
                if upstream is None:
                    upstream = socket.create_connection(self.upstream, timeout=60)
                upstream.sendall(request)
                response = _read_message(upstream, ubuf, is_response_to_head=(method == "HEAD"))
                if fault is not None and fault.action == "cut_after_upstream":
                    _rst(client)
                    return
                if fault is not None and fault.action == "delay" and self._stop.wait(fault.seconds):
                    return
                client.sendall(response)
        except (_Closed, OSError):
            pass
        finally:
            with self._lock:
                self._conns.discard(client)
            try:
                client.close()
            except OSError:
                pass
            if upstream is not None:
                upstream.close()
