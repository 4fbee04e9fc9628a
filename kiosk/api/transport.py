"""HTTP plumbing for the client: one requests.Session, explicit timeouts, TLS, GET-only urllib3 retries,
clock-skew measurement from `Date`, and the mapping of every failure to a typed error.

Why a Retry subclass: urllib3 retries *connection* errors for every method (it assumes the request was not
sent). The house rule is stricter: POST is retried only by the outbox worker, with the same idempotency key
and the outbox's own backoff. `GetOnlyRetry` refuses any retry for a method outside `allowed_methods`.

Why a client-level second try on 401 nonce_reused / clock_skew for GET: urllib3 re-sends the *same* signed
headers, and the server burns a nonce as soon as a correctly signed request reaches it, so a status retry
that reached the server comes back as nonce_reused; a freshly signed second try is then right (GET only).
"""
from __future__ import annotations

import http.client
import json
import logging
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
from urllib3 import exceptions as urllib3_errors
from urllib3.exceptions import MaxRetryError, ResponseError
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
        adapter = HTTPAdapter(max_retries=retry, pool_connections=2, pool_maxsize=8)
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
            resp = self.session.request(method, self.base_url + path, params=params, data=body, headers=hdrs,
                                        timeout=self.timeout, allow_redirects=False, stream=True)
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


def _root_is_read_timeout(exc: BaseException) -> bool:
    from urllib3.exceptions import ReadTimeoutError

    seen: set[int] = set()
    stack: list[Any] = [exc]
    while stack:
        e = stack.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, ReadTimeoutError):
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


__all__ = ["ApiError", "GetOnlyRetry", "Reply", "Transport", "canonical_json"]
