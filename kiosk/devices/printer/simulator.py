"""A virtual network printer on 127.0.0.1: stores what it receives and answers DLE EOT 1/2/4 like a real
one. Tests and the demo use it; it can run out of paper, near its end, open its cover, go silent or vanish.
"""
from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass
class SimState:
    paper: str = "ok"          # ok | near_end | out
    cover_open: bool = False
    silent: bool = False       # receives, never answers
    vanish_after: int | None = None  # close the socket and stop listening after this many more bytes


class PrinterSimulator:
    """Listen on 127.0.0.1:PORT (0 = any free port); one client at a time, like a 9100 printer."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        self.host = host
        self._want_port = port
        self.port = 0
        self.state = SimState()
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self._received = bytearray()
        self._jobs_done = 0
        self._server: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._client: socket.socket | None = None
        self.vanished = False

    # ---- control ---------------------------------------------------------------------------------------
    def start(self) -> PrinterSimulator:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((self.host, self._want_port))
        server.listen(1)
        server.settimeout(0.2)
        self._server = server
        self.port = server.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, name="printer-simulator", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._close_client()
        if self._server is not None:
            self._server.close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    @property
    def uri(self) -> str:
        return f"tcp://{self.host}:{self.port}"

    def set_paper(self, paper: str) -> None:
        if paper not in ("ok", "near_end", "out"):
            raise ValueError('paper must be "ok", "near_end" or "out"')
        with self._lock:
            self.state.paper = paper

    def set_cover_open(self, is_open: bool) -> None:
        with self._lock:
            self.state.cover_open = is_open

    def set_silent(self, silent: bool) -> None:
        with self._lock:
            self.state.silent = silent

    def vanish_after(self, nbytes: int) -> None:
        """Like pulling the plug mid-receipt: after NBYTES more bytes the connection drops and the port closes."""
        with self._lock:
            self.state.vanish_after = nbytes

    # ---- what was received -----------------------------------------------------------------------------
    @property
    def received(self) -> bytes:
        with self._lock:
            return bytes(self._received)

    def clear(self) -> None:
        with self._lock:
            self._received.clear()

    def wait_for(self, predicate: Callable[[bytes], bool], timeout: float = 5.0) -> bool:
        """Wait until predicate(received bytes) is true (no sleeps in tests: a condition with a deadline)."""
        with self._cond:
            return bool(self._cond.wait_for(lambda: predicate(bytes(self._received)), timeout))

    # ---- printer behaviour -----------------------------------------------------------------------------
    def status_byte(self, n: int) -> int:
        """The reply to DLE EOT n for the current state (fixed bits 0xx1xx10 = 0x12)."""
        s = self.state
        offline = s.cover_open or s.paper == "out"
        if n == 1:
            return 0x12 | (0x08 if offline else 0)
        if n == 2:
            return 0x12 | (0x04 if s.cover_open else 0) | (0x20 if s.paper == "out" else 0)
        if n == 3:
            return 0x12
        if n == 4:
            return 0x12 | {"ok": 0, "near_end": 0x0C, "out": 0x6C}[s.paper]
        return 0x12

    def _serve(self) -> None:
        assert self._server is not None
        while not self._stopping.is_set() and not self.vanished:
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(0.2)
            self._client = client
            try:
                self._talk(client)
            finally:
                self._close_client()

    def _consume(self, chunk: bytes, tail: bytes) -> tuple[bytes, bytes, bool]:
        """Store CHUNK; return (status replies, new tail, vanish now). Shared by the TCP and pty printers."""
        replies = bytearray()
        with self._cond:
            budget = self.state.vanish_after
            if budget is not None:
                chunk = chunk[:budget]
                self.state.vanish_after = budget - len(chunk)
            self._received.extend(chunk)
            # real-time commands are acted on as they arrive, even inside a job (as real printers do)
            data = tail + chunk
            i = data.find(b"\x10\x04", 0)
            while i != -1 and i + 2 < len(data):
                if not self.state.silent and i + 2 >= len(tail):
                    replies.append(self.status_byte(data[i + 2]))
                i = data.find(b"\x10\x04", i + 3)
            self._cond.notify_all()
            return bytes(replies), data[-2:], self.state.vanish_after == 0

    def _talk(self, client: socket.socket) -> None:
        tail = b""
        while not self._stopping.is_set():
            try:
                chunk = client.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            replies, tail, vanish = self._consume(chunk, tail)
            if vanish:
                log.info("printer simulator vanishes")
                self.vanished = True
                try:
                    client.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                client.close()
                if self._server is not None:
                    self._server.close()
                return
            if replies:
                try:
                    client.sendall(replies)
                except OSError:
                    return

    def _close_client(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            try:
                client.close()
            except OSError:
                pass


class SerialPrinterSimulator(PrinterSimulator):
    """The same printer behind a pseudo-terminal (POSIX): ``serial://`` + ``.port_path`` reaches it through
    pyserial like a real RS-232 printer. ``vanish_after`` is not supported here (a pty cannot be unplugged)."""

    def __init__(self) -> None:
        super().__init__()
        self._master = -1
        self._slave = -1
        self.port_path = ""

    def start(self) -> SerialPrinterSimulator:
        import os
        import tty

        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.port_path = os.ttyname(self._slave)
        self._thread = threading.Thread(target=self._serve_pty, name="printer-simulator-pty", daemon=True)
        self._thread.start()
        return self

    @property
    def uri(self) -> str:
        return f"serial://{self.port_path}?baud=9600"

    def _serve_pty(self) -> None:
        import os
        import select

        tail = b""
        while not self._stopping.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.1)
            if not ready:
                continue
            try:
                chunk = os.read(self._master, 65536)
            except OSError:
                return
            if not chunk:
                return
            replies, tail, _ = self._consume(chunk, tail)
            if replies:
                os.write(self._master, replies)

    def stop(self) -> None:
        import os

        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        for fd in (self._master, self._slave):
            if fd >= 0:
                os.close(fd)
        self._master = self._slave = -1
