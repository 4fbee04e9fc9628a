"""HTTP plumbing for the client: one requests.Session, explicit timeouts, TLS, GET-only urllib3 retries,
clock-skew measurement from `Date`, and the mapping of every failure to a typed error.

Why a Retry subclass: urllib3 retries *connection* errors for every method (it assumes the request was not
sent). The house rule is stricter: POST is retried only by the outbox worker, with the same idempotency key
and the outbox's own backoff. `GetOnlyRetry` refuses any retry for a method outside `allowed_methods`.

Why a client-level second try on 401 nonce_reused / clock_skew for GET: urllib3 re-sends the *same* signed
headers, and the server burns a nonce as soon as a correctly signed request reaches it, so a status retry
that reached the server comes back as nonce_reused; a freshly signed second try is then right (GET only).

Kept-alive connections: the central service closes a connection idle for its keep-alive timeout (uvicorn: 5 s).
urllib3 drops a pooled connection whose close has already arrived (`is_connection_dropped`: the socket polls
readable), but not one whose close is still on the wire or hidden by a relay, NAT or load balancer on the
way: the request then goes into a connection the server has closed, and comes back as RemoteDisconnected or
ConnectionResetError before any byte of an answer (measured: tests/api/test_api_keepalive.py). Two defences:
- a pooled connection idle longer than `max_idle_s` (config `[central] keepalive_idle_s`, below the server's
  keep-alive by more than a round trip) is closed and a new one opened (`_IdleLimitedPool`; urllib3 and
  requests have no idle-timeout knob);
- when a *reused* connection breaks that way anyway (`StaleConnection`), the request is sent once more, freshly
  signed, on a new connection, but only a GET/HEAD or a POST carrying an Idempotency-Key (the server answers a
  repeated key with the first result, so a request it did read is never done twice). A POST without a key
  is not re-sent: the house rule stands, the caller sees Offline.
"""
from __future__ import annotations

import http.client
import json
import logging
import queue
import re
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3 import HTTPConnectionPool, HTTPSConnectionPool
from urllib3 import exceptions as urllib3_errors
from urllib3.exceptions import MaxRetryError, ProtocolError, ResponseError
from urllib3.util.retry import Retry

from kiosk.api.errors import (
    ApiError,
    ClockSkew,
    Offline,
    Rejected,
    ServerError,
    Timeout,
    error_from_response,
)
from kiosk.api.signing import HmacAuth, Signer

log = logging.getLogger("kiosk.api.http")

#: |skew| below this is noise (Date has 1 s resolution, plus network time): not corrected, not reported.
SKEW_NOISE_S = 3.0
#: No answer of the contract comes near this (the full catalogue is about 0.6 MB); a bigger one is refused
#: while it streams in, so a broken or hostile server cannot fill the kiosk's memory.
MAX_BODY_BYTES = 16 * 1024 * 1024
#: The read timeout bounds each socket read only; a body that trickles or never ends is cut after this many
#: read timeouts in total.
BODY_BUDGET_READ_TIMEOUTS = 6
#: A kept-alive connection idle longer than this is not reused. The reference service (uvicorn) closes idle
#: connections after 5 s, timed from its last byte sent; the kiosk times from its last byte received, so the
#: margin must cover a round trip on a slow link.
DEFAULT_MAX_IDLE_S = 3.0
#: Methods re-sent after a StaleConnection without further ado (a POST needs an Idempotency-Key).
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD"})


_QUERY = re.compile(r"\?[^\s'\"]*")


class _StripQueries(logging.Filter):
    """urllib3 logs retried URLs with their query; ours can carry a verifier (QR token, phone digits)."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if "?" in text:
            record.msg, record.args = _QUERY.sub("?<redacted>", text), None
        return True


def _install_log_filter() -> None:
    for name in ("urllib3.connectionpool", "urllib3.util.retry", "urllib3.connection"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _StripQueries) for f in logger.filters):
            logger.addFilter(_StripQueries())


class GetOnlyRetry(Retry):
    """urllib3 Retry that never retries a method outside `allowed_methods`, not even on connect errors."""

    def increment(  # type: ignore[override]
        self, method: str | None = None, url: str | None = None, *args: Any, **kwargs: Any
    ) -> Retry:
        if method is not None and self.allowed_methods is not None and method.upper() not in self.allowed_methods:
            reason = kwargs.get("error") or ResponseError("not retried: non-idempotent method")
            # wrapped like an exhausted Retry, so requests maps it to its usual exception types
            raise MaxRetryError(kwargs.get("_pool"), url or "", reason)  # type: ignore[arg-type]
        return super().increment(method, url, *args, **kwargs)


class StaleConnection(ProtocolError):
    """A reused kept-alive connection was closed by the peer (or a box on the way) before any answer."""


class _IdleLimitedPool:
    """Mixin for urllib3's connection pools: never reuse a connection idle longer than `max_idle_s`, and
    report a reused connection that breaks before any answer as StaleConnection.

    The pool stamps a connection when it comes back (the answer was read to the end); `_get_conn` closes one
    whose stamp is too old, and urllib3 then opens a new socket for it. `max_idle_s` is set per adapter
    (`_KeepAliveAdapter` makes the subclasses)."""

    max_idle_s: float = DEFAULT_MAX_IDLE_S
    pool: Any

    def _get_conn(self, timeout: float | None = None) -> Any:
        conn = super()._get_conn(timeout)  # type: ignore[misc]
        idle_since = getattr(conn, "_kiosk_idle_since", None)
        if idle_since is not None and not conn.is_closed and time.monotonic() - idle_since > self.max_idle_s:
            log.debug("not reusing a connection idle for %.1f s", time.monotonic() - idle_since)
            conn.close()
        return conn

    def _put_conn(self, conn: Any) -> None:
        if conn is not None:
            conn._kiosk_idle_since = time.monotonic()
        super()._put_conn(conn)  # type: ignore[misc]

    def _make_request(self, conn: Any, *args: Any, **kwargs: Any) -> Any:
        reused = not conn.is_closed  # a new or re-opened connection connects inside this call
        try:
            return super()._make_request(conn, *args, **kwargs)  # type: ignore[misc]
        except (ConnectionResetError, ConnectionAbortedError, BrokenPipeError) as exc:
            # RemoteDisconnected (http.client: no status line at all) is a ConnectionResetError. Only the head is
            # read here (the body streams later), so no answer was received.
            if not reused:
                raise
            self._close_idle()  # its idle siblings likely share its fate (NAT forgot them, server restarted)
            raise StaleConnection("Connection aborted.", exc) from exc

    def _close_idle(self) -> None:
        pool = self.pool
        if pool is None:
            return
        taken = []
        try:
            while True:
                taken.append(pool.get(block=False))
        except queue.Empty:
            pass
        for conn in taken:
            if conn is not None:
                conn.close()  # reconnects on its next use
            pool.put(conn, block=False)


class _IdleLimitedHTTPPool(_IdleLimitedPool, HTTPConnectionPool):
    pass


class _IdleLimitedHTTPSPool(_IdleLimitedPool, HTTPSConnectionPool):
    pass


class _KeepAliveAdapter(HTTPAdapter):
    """requests adapter whose pools never reuse a connection idle longer than `max_idle_s`."""

    def __init__(self, *, max_idle_s: float, **kwargs: Any) -> None:
        self.max_idle_s = max_idle_s  # before super().__init__, which builds the pool manager
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        limit = {"max_idle_s": self.max_idle_s}
        self.poolmanager.pool_classes_by_scheme = {  # a new dict: urllib3 shares its module-level default
            "http": type("IdleLimitedHTTPConnectionPool", (_IdleLimitedHTTPPool,), limit),
            "https": type("IdleLimitedHTTPSConnectionPool", (_IdleLimitedHTTPSPool,), limit),
        }


@dataclass(frozen=True)
class Reply:
    status: int
    headers: Mapping[str, str]
    data: Any
    raw: bytes


def canonical_json(payload: Any) -> bytes:
    """Deterministic JSON bytes: the outbox re-sends byte-identical bodies, which the server's idempotency
    fingerprint (method, path, body hash) requires."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


class Transport:
    def __init__(
        self,
        base_url: str,
        signer: Signer,
        *,
        connect_timeout_s: float = 3.0,
        read_timeout_s: float = 10.0,
        verify: bool | str = True,
        cert: str | tuple[str, str] | None = None,
        get_retries: int = 2,
        backoff_factor: float = 0.3,
        user_agent: str = "kiosk/0.1",
        clock: Callable[[], float] = time.time,
        on_clock_skew: Callable[[float], None] | None = None,
        max_body_bytes: int = MAX_BODY_BYTES,
        max_idle_s: float = DEFAULT_MAX_IDLE_S,
    ) -> None:
        _install_log_filter()
        self.base_url = base_url.rstrip("/")
        self.signer = signer
        self.timeout = (connect_timeout_s, read_timeout_s)
        self.max_body_bytes = max_body_bytes
        self.body_budget_s = BODY_BUDGET_READ_TIMEOUTS * read_timeout_s
        self._clock = clock
        self._on_clock_skew = on_clock_skew
        self._skew: float | None = None
        self._skew_lock = threading.Lock()
        self.session = requests.Session()
        self.session.verify = verify  # never False: verify is True or a CA bundle path
        self.session.cert = cert
        self.session.auth = HmacAuth(signer)
        self.session.trust_env = False  # no surprise proxies from the environment on a kiosk
        self.session.headers.update({"User-Agent": user_agent, "Accept": "application/json"})
        retry = GetOnlyRetry(
            total=get_retries, connect=get_retries, read=0, status=get_retries, other=0,
            allowed_methods=frozenset({"GET", "HEAD"}), status_forcelist=(502, 503, 504),
            backoff_factor=backoff_factor, backoff_jitter=backoff_factor / 2, backoff_max=5.0,
            respect_retry_after_header=False, raise_on_status=False,
        )
        adapter = _KeepAliveAdapter(max_idle_s=max_idle_s, max_retries=retry, pool_connections=2, pool_maxsize=8)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self._deadline_pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()

    # ---- clock ---------------------------------------------------------------------------------------
    @property
    def clock_skew_s(self) -> float | None:
        """Server minus local time as last measured from `Date` (None before the first answer)."""
        with self._skew_lock:
            return self._skew

    def _measure_skew(self, date_header: str | None, sent: float, received: float) -> None:
        if not date_header:
            return
        try:
            server = parsedate_to_datetime(date_header).timestamp()
        except (TypeError, ValueError):
            return
        # Date is truncated to the second: on average it is 0.5 s behind the instant it describes.
        skew = server + 0.5 - (sent + received) / 2
        self.record_skew(skew)

    def record_skew(self, skew: float) -> None:
        with self._skew_lock:
            previous = self._skew
            self._skew = skew
        significant = abs(skew) >= SKEW_NOISE_S
        self.signer.set_clock_offset(skew if significant else 0.0)
        if significant and (previous is None or abs(previous - skew) >= SKEW_NOISE_S):
            log.warning("terminal clock differs from the central service by %.0f s", skew)
            if self._on_clock_skew is not None:
                self._on_clock_skew(skew)

    # ---- requests ------------------------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json_body: Any = None,
        headers: Mapping[str, str] | None = None,
        deadline_s: float | None = None,
        ok: tuple[int, ...] = (200, 201),
    ) -> Reply:
        """One call; raises a typed ApiError for anything but the `ok` statuses. Optional overall deadline."""
        if deadline_s is None:
            return self._request_with_second_try(method, path, params, json_body, headers, ok)
        with self._pool_lock:
            if self._deadline_pool is None:
                self._deadline_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="api-deadline")
            pool = self._deadline_pool
        fut = pool.submit(self._request_with_second_try, method, path, params, json_body, headers, ok)
        try:
            return fut.result(timeout=deadline_s)
        except FutureTimeout:
            raise Timeout("timeout", detail=f"no answer within the {deadline_s:.0f} s deadline") from None

    def _request_with_second_try(self, method: str, path: str, params: Mapping[str, Any] | None,
                                 json_body: Any, headers: Mapping[str, str] | None, ok: tuple[int, ...]) -> Reply:
        try:
            return self._once(method, path, params, json_body, headers, ok)
        except Rejected as exc:
            if method.upper() == "GET" and exc.code in ("nonce_reused", "clock_skew"):
                return self._once(method, path, params, json_body, headers, ok)  # fresh nonce / corrected clock
            raise

    def _once(self, method: str, path: str, params: Mapping[str, Any] | None, json_body: Any,
              headers: Mapping[str, str] | None, ok: tuple[int, ...]) -> Reply:
        body = None if json_body is None else canonical_json(json_body)
        hdrs = dict(headers or {})
        if body is not None:
            hdrs["Content-Type"] = "application/json; charset=utf-8"
        sent = self._clock()
        try:
            resp = self._send(method, path, params, body, hdrs)
        except requests.exceptions.SSLError as exc:
            raise Offline("tls_error", detail=type(exc).__name__) from None
        except requests.exceptions.ConnectTimeout:
            raise Offline("unreachable", detail="connect timeout") from None
        except requests.exceptions.ReadTimeout:
            raise Timeout("timeout", detail="read timeout") from None
        except requests.exceptions.ConnectionError as exc:
            if _root_is_read_timeout(exc):  # requests wraps an exhausted read retry as ConnectionError
                raise Timeout("timeout", detail="read timeout") from None
            raise Offline(_connection_code(exc), detail=type(exc).__name__) from None
        except (requests.exceptions.RequestException, urllib3_errors.HTTPError) as exc:
            raise Offline("unreachable", detail=type(exc).__name__) from None
        try:
            raw = self._read_body(resp)
        finally:
            resp.close()
        received = self._clock()
        self._measure_skew(resp.headers.get("Date"), sent, received)
        if resp.status_code in ok or resp.status_code == 304 and 304 in ok:
            data: Any = None
            if raw and resp.status_code != 304:
                try:
                    data = json.loads(raw.decode("utf-8"))
                except (UnicodeDecodeError, ValueError):
                    raise ServerError("bad_response", status=resp.status_code, detail="body is not JSON") from None
            return Reply(resp.status_code, resp.headers, data, raw)
        err = error_from_response(resp.status_code, resp.headers, raw, received, self.clock_skew_s)
        if isinstance(err, ClockSkew):
            extra = _problem_field(raw, "skew_s")
            if isinstance(extra, (int, float)) and self.clock_skew_s is None:
                self.record_skew(-float(extra))
            err.skew_s = self.clock_skew_s
        log.info("central %s %s -> %d %s", method, path.split("?")[0], resp.status_code, err.code)
        raise err

    def _send(self, method: str, path: str, params: Mapping[str, Any] | None, body: bytes | None,
              hdrs: dict[str, str]) -> requests.Response:
        """session.request, sent once more on a new connection after a StaleConnection when that is safe."""
        def send() -> requests.Response:  # signed afresh each time (HmacAuth): a new nonce and timestamp
            return self.session.request(method, self.base_url + path, params=params, data=body, headers=hdrs,
                                        timeout=self.timeout, allow_redirects=False, stream=True)
        try:
            return send()
        except requests.exceptions.ConnectionError as exc:
            if not (_caused_by(exc, StaleConnection) and _may_resend(method, hdrs)):
                raise
        log.info("central %s %s: kept-alive connection closed before an answer; sent again on a new connection",
                 method, path.split("?")[0])
        return send()

    def _read_body(self, resp: requests.Response) -> bytes:
        """The body, bounded in size and in total time (a trickling or endless answer is cut, not awaited)."""
        declared = resp.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            raise ServerError("bad_response", status=resp.status_code,
                              detail=f"answer of {declared} bytes is over the {self.max_body_bytes} byte limit")
        deadline = time.monotonic() + self.body_budget_s
        parts: list[bytes] = []
        size = 0
        try:
            while True:
                piece = resp.raw.read1(65536, decode_content=True)
                if not piece:
                    break
                size += len(piece)
                parts.append(piece)
                if size > self.max_body_bytes:
                    raise ServerError("bad_response", status=resp.status_code,
                                      detail=f"answer over the {self.max_body_bytes} byte limit")
                if time.monotonic() > deadline:
                    raise Timeout("timeout", detail=f"answer not complete within {self.body_budget_s:.0f} s")
        except (urllib3_errors.ReadTimeoutError, TimeoutError):
            raise Timeout("timeout", detail="read timeout") from None
        except (urllib3_errors.HTTPError, OSError, http.client.HTTPException) as exc:
            raise Offline("connection_lost", detail=type(exc).__name__) from None
        return b"".join(parts)

    def close(self) -> None:
        self.session.close()
        if self._deadline_pool is not None:
            self._deadline_pool.shutdown(wait=False, cancel_futures=True)


def _problem_field(raw: bytes, name: str) -> Any:
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return doc.get(name) if isinstance(doc, dict) else None


def _may_resend(method: str, headers: Mapping[str, str]) -> bool:
    return method.upper() in IDEMPOTENT_METHODS or any(k.lower() == "idempotency-key" for k in headers)


def _root_is_read_timeout(exc: BaseException) -> bool:
    return _caused_by(exc, urllib3_errors.ReadTimeoutError)


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """Whether `kind` is anywhere in the chain requests and urllib3 wrap around a failure."""
    seen: set[int] = set()
    stack: list[Any] = [exc]
    while stack:
        e = stack.pop()
        if not isinstance(e, BaseException) or id(e) in seen:  # ssl.SSLError.reason is a str
            continue
        seen.add(id(e))
        if isinstance(e, kind):
            return True
        stack.extend([getattr(e, "reason", None), e.__cause__, e.__context__,
                      *[a for a in getattr(e, "args", ()) if isinstance(a, BaseException)]])
    return False


def _connection_code(exc: requests.exceptions.ConnectionError) -> str:
    """'unreachable' when nothing was sent (refused, DNS), 'connection_lost' when it broke mid-exchange."""
    text = repr(exc)
    if "NewConnectionError" in text or "NameResolutionError" in text or "Connection refused" in text:
        return "unreachable"
    return "connection_lost"


__all__ = ["DEFAULT_MAX_IDLE_S", "ApiError", "GetOnlyRetry", "Reply", "StaleConnection", "Transport", "canonical_json"]
