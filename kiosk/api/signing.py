"""Terminal request signing (TEAM-CONVENTIONS, "Central-service contract essentials").

canonical = "\n".join([METHOD, path?query exactly as sent, hex digest of the raw body, X-Timestamp, X-Nonce])
X-Signature = hex MAC(secret, canonical). The primitives live in crypto.py (国密-ready); this module is the
pure protocol plus a `requests` auth hook so that every request is signed at the moment it is prepared,
with the exact bytes and path that go on the wire.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

import requests

from kiosk.api import crypto

UNSIGNED_PATHS = frozenset({"/api/v1/time", "/api/v1/health"})
"""GET paths the server accepts unsigned (signing them anyway does no harm, but we keep them clean)."""


def canonical_request(method: str, path_with_query: str, body: bytes, timestamp: int, nonce: str) -> bytes:
    """The exact bytes the signature covers."""
    return "\n".join(
        [method.upper(), path_with_query, crypto.digest_hex(body), str(int(timestamp)), nonce]
    ).encode("utf-8")


def signature(secret: bytes, method: str, path_with_query: str, body: bytes, timestamp: int, nonce: str) -> str:
    return crypto.mac_hex(secret, canonical_request(method, path_with_query, body, timestamp, nonce))


def path_of(url: str) -> str:
    """Path plus ?query of a URL exactly as requests sends it on the request line."""
    parts = urlsplit(url)
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path


def sign_headers(
    terminal_id: str,
    secret: bytes,
    method: str,
    path_with_query: str,
    body: bytes,
    timestamp: int,
    nonce: str | None = None,
) -> dict[str, str]:
    """The four signing headers for one request (pure apart from the random nonce)."""
    nonce = nonce or crypto.random_hex(16)
    return {
        "X-Terminal-Id": terminal_id,
        "X-Timestamp": str(int(timestamp)),
        "X-Nonce": nonce,
        "X-Signature": signature(secret, method, path_with_query, body, timestamp, nonce),
    }


class Signer:
    """Signs requests for one terminal, optionally correcting the local clock by a measured offset.

    `clock_offset_s` is server time minus local time; the client updates it from the server's Date header
    when `correct_clock` is on, so a terminal whose RTC drifted keeps working while the skew is reported.
    """

    def __init__(
        self,
        terminal_id: str,
        secret: bytes,
        *,
        clock: Callable[[], float] = time.time,
        correct_clock: bool = True,
    ) -> None:
        if not terminal_id:
            raise ValueError("terminal id is empty: set [terminal] id in the kiosk config")
        if not secret:
            raise ValueError("terminal secret is empty: set [central] terminal_secret_file in the kiosk config")
        self.terminal_id = terminal_id
        self._secret = secret
        self._clock = clock
        self.correct_clock = correct_clock
        self._offset = 0.0
        self._lock = threading.Lock()

    @property
    def clock_offset_s(self) -> float:
        with self._lock:
            return self._offset

    def set_clock_offset(self, offset_s: float) -> None:
        """Record server-minus-local time; used for signing only when `correct_clock` is on."""
        with self._lock:
            self._offset = float(offset_s)

    def now(self) -> int:
        offset = self.clock_offset_s if self.correct_clock else 0.0
        return int(self._clock() + offset)

    def headers_for(self, method: str, url: str, body: bytes | None) -> dict[str, str]:
        return sign_headers(self.terminal_id, self._secret, method, path_of(url), body or b"", self.now())


class HmacAuth(requests.auth.AuthBase):
    """requests auth hook: signs the prepared request (final URL and body bytes)."""

    def __init__(self, signer: Signer) -> None:
        self.signer = signer

    def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
        body = r.body
        if isinstance(body, str):
            body = body.encode("utf-8")
        if body is not None and not isinstance(body, bytes):
            raise TypeError("signed requests need a bytes body (streams/files cannot be hashed up front)")
        method = (r.method or "GET").upper()
        url = r.url or ""
        if method == "GET" and urlsplit(url).path in UNSIGNED_PATHS:
            return r
        r.headers.update(self.signer.headers_for(method, url, body))
        return r


def verify(
    secrets_by_terminal: Mapping[str, bytes],
    method: str,
    path_with_query: str,
    body: bytes,
    headers: Mapping[str, str],
    now: float,
    window_s: int = 300,
) -> str | None:
    """Check a signature the way the server does; returns an error code or None. Used by tests/tools."""
    try:
        tid, ts, nonce, sig = (headers[h] for h in ("X-Terminal-Id", "X-Timestamp", "X-Nonce", "X-Signature"))
    except KeyError:
        return "unsigned"
    secret = secrets_by_terminal.get(tid)
    if secret is None:
        return "signature_invalid"
    if abs(now - int(ts)) > window_s:
        return "clock_skew"
    expected = signature(secret, method, path_with_query, body, int(ts), nonce)
    return None if crypto.equal(expected, sig) else "signature_invalid"
