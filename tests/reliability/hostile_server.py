"""A tiny loopback HTTP server that answers every request with something hostile (for the client fuzz).

`HostileServer().start()`; set `.mode` (see MODES) or `.body`/`.status` for a canned JSON answer. Raw sockets,
so it can send what no framework would: a 50 MB body, an endless chunked stream, a trickle, a broken head.
"""
from __future__ import annotations

import socket
import threading
import time
from typing import Self

MODES = ("canned", "huge_body", "endless_chunked", "trickle", "endless_headers", "garbage_head", "lying_length",
         "close_immediately")
HUGE = 50 * 1024 * 1024


class HostileServer:
    def __init__(self) -> None:
        self.mode = "canned"
        self.status = 200
        self.body = b"{}"
        self.content_type = "application/json"
        self._stop = threading.Event()
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(32)
        self.port = self._sock.getsockname()[1]
        self.bytes_sent = 0
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Self:
        t = threading.Thread(target=self._accept, name="hostile-accept", daemon=True)
        t.start()
        self._threads.append(t)
        return self

    def close(self) -> None:
        self._stop.set()
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._sock.close()
        for t in self._threads:
            t.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            t = threading.Thread(target=self._serve, args=(conn,), name="hostile-conn", daemon=True)
            t.start()
            self._threads = [x for x in self._threads if x.is_alive()] + [t]

    def _send(self, conn: socket.socket, data: bytes) -> None:
        conn.sendall(data)
        self.bytes_sent += len(data)

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(30)
        try:
            buf = b""
            while b"\r\n\r\n" not in buf:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                buf += chunk
            head, rest = buf.split(b"\r\n\r\n", 1)
            length = 0
            for line in head.split(b"\r\n")[1:]:
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            while len(rest) < length:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                rest += chunk
            self._answer(conn)
        except OSError:
            pass
        finally:
            conn.close()

    def _answer(self, conn: socket.socket) -> None:
        date = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime())
        mode = self.mode
        if mode == "canned":
            self._send(conn, f"HTTP/1.1 {self.status} X\r\nContent-Type: {self.content_type}\r\nDate: {date}\r\n"
                             f"Content-Length: {len(self.body)}\r\nConnection: close\r\n\r\n".encode() + self.body)
        elif mode == "huge_body":
            self._send(conn, f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {HUGE}\r\n"
                             "Connection: close\r\n\r\n".encode())
            block = b"[" + b"1," * (512 * 1024 - 1)
            sent = 0
            while sent < HUGE and not self._stop.is_set():
                piece = block[: HUGE - sent]
                self._send(conn, piece)
                sent += len(piece)
        elif mode == "endless_chunked":
            self._send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
            chunk = b"[" + b"0," * 32767
            frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
            while not self._stop.is_set():
                self._send(conn, frame)
        elif mode == "trickle":  # one byte per 0.2 s: every read is within the read timeout, the answer never ends
            self._send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n[")
            while not self._stop.wait(0.2):
                self._send(conn, b" ")
        elif mode == "endless_headers":
            self._send(conn, b"HTTP/1.1 200 OK\r\n")
            while not self._stop.wait(0.05):
                self._send(conn, b"X-Pad: " + b"a" * 1000 + b"\r\n")
        elif mode == "garbage_head":
            self._send(conn, b"\x00\xff garbage \x16\x03\x01 not http\r\n\r\n")
        elif mode == "lying_length":
            self._send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"a\":1}")
        elif mode == "close_immediately":
            return
