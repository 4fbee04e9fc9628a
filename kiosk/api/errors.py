"""Typed errors of the central-service client, with plain messages for citizens (zh) and technicians (en).

The GUI shows `err.message_zh`; logs carry `err.code` only (never a server `detail`, which may echo input).
`retryable` tells the outbox worker whether the same request may succeed later.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from email.utils import parsedate_to_datetime

#: problem+json `code` -> (中文, English). Unknown codes fall back by status class.
MESSAGES: dict[str, tuple[str, str]] = {
    "offline": ("网络未连接，请稍后再试。", "The network is not connected; try again later."),
    "unreachable": ("暂时无法连接政务服务平台，请稍后再试。", "The service platform cannot be reached right now."),
    "connection_lost": ("与政务服务平台的连接中断，请稍后再试。", "The connection to the service platform broke."),
    "tls_error": ("无法安全连接政务服务平台，请联系工作人员。", "The secure connection failed (certificate); call staff."),
    "timeout": ("政务服务平台响应超时，请稍后再试。", "The service platform did not answer in time."),
    "server_error": ("政务服务平台暂时出现故障，请稍后再试。", "The service platform has a temporary fault."),
    "signature_invalid": ("本终端认证失败，请联系工作人员。", "This terminal failed authentication; call staff."),
    "unsigned": ("本终端认证失败，请联系工作人员。", "The request was not signed; call staff."),
    "nonce_reused": ("请求重复，请重试。", "The request was replayed; try again."),
    "clock_skew": ("本终端时间不准确，请联系工作人员校准。", "This terminal's clock is wrong; call staff."),
    "not_found": ("没有找到相关信息，请核对后再试。", "Nothing was found; check and try again."),
    "case_not_found": ("没有找到该办件，请核对办件编号。", "No such case; check the case number."),
    "verifier_mismatch": ("验证信息不正确，请核对手机号后四位。", "The verifier does not match; check the phone digits."),
    "validation_failed": ("填写的信息有误，请核对后再提交。", "Some entries are invalid; check and submit again."),
    "idempotency_conflict": ("该申请已提交过且内容不同，请联系工作人员。", "The same submission was sent with different content."),
    "idempotency_in_flight": ("正在提交中，请稍候。", "The submission is still being processed."),
    "slot_full": ("该时段已约满，请选择其他时段。", "That time slot is full; choose another."),
    "already_booked": ("您已预约过该时段。", "You have already booked this slot."),
    "not_cancellable": ("该预约已无法取消。", "This appointment can no longer be cancelled."),
    "rate_limited": ("当前办理人数较多，请稍后再试。", "Too many requests right now; try again shortly."),
    "forbidden": ("本终端无权办理该事项，请到窗口办理。", "This terminal may not do that; use a service counter."),
    "terminal_disabled": ("本终端已停用，请联系工作人员。", "This terminal is disabled; call staff."),
    "unavailable": ("政务服务平台正在维护，请稍后再试。", "The service platform is under maintenance."),
    "bad_response": ("政务服务平台返回了无法识别的结果。", "The service platform sent an unreadable answer."),
}

_FALLBACK_4XX = ("无法办理该请求，请联系工作人员。", "The request was refused; call staff.")


def message_for(code: str, status: int = 0) -> tuple[str, str]:
    if code in MESSAGES:
        return MESSAGES[code]
    if status >= 500:
        return MESSAGES["server_error"]
    return _FALLBACK_4XX


class ApiError(Exception):
    """Base of every client error. `code` is stable and safe to log."""

    code = "api_error"
    retryable = True

    def __init__(self, code: str | None = None, *, status: int = 0, detail: str = "") -> None:
        self.code = code or type(self).code
        self.status = status
        self.detail = detail
        self.message_zh, self.message_en = message_for(self.code, status)
        super().__init__(f"{self.code}: {self.message_en}")


class Offline(ApiError):
    """No route to the service: connection refused/reset before sending, DNS failure, network down."""

    code = "unreachable"


class Timeout(ApiError):
    """Connect or read timed out. For a POST the server may or may not have acted: retry with the same key."""

    code = "timeout"


class ServerError(ApiError):
    """5xx (or an unreadable answer): the server's fault, retry later."""

    code = "server_error"

    def __init__(self, code: str | None = None, *, status: int = 0, detail: str = "", retry_after: float | None = None) -> None:
        super().__init__(code, status=status, detail=detail)
        self.retry_after = retry_after


class Rejected(ApiError):
    """A 4xx answer with a problem+json code. Permanent unless the code says otherwise."""

    code = "rejected"
    TRANSIENT_CODES = frozenset({"idempotency_in_flight", "nonce_reused", "rate_limited", "clock_skew"})
    # Not the record's fault: the terminal itself is misconfigured; keep the record and alert the operator.
    TERMINAL_CODES = frozenset({"signature_invalid", "unsigned", "terminal_disabled", "clock_skew"})

    def __init__(self, code: str | None = None, *, status: int = 0, detail: str = "", retry_after: float | None = None) -> None:
        super().__init__(code, status=status, detail=detail)
        self.retry_after = retry_after
        self.retryable = self.code in self.TRANSIENT_CODES or self.code in self.TERMINAL_CODES or status == 429

    @property
    def terminal_problem(self) -> bool:
        return self.code in self.TERMINAL_CODES


class ClockSkew(Rejected):
    """The server refused our timestamp; `skew_s` is server minus local time as measured from Date."""

    code = "clock_skew"

    def __init__(self, skew_s: float | None, *, status: int = 401, detail: str = "") -> None:
        super().__init__("clock_skew", status=status, detail=detail)
        self.skew_s = skew_s


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None if absent/invalid."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - now)


def parse_problem(body: bytes) -> tuple[str, str]:
    """(code, detail) from a problem+json body; ("", "") when it is not one."""
    try:
        doc = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return "", ""
    if not isinstance(doc, dict):
        return "", ""
    code = doc.get("code")
    detail = doc.get("detail")
    return (code if isinstance(code, str) else ""), (detail if isinstance(detail, str) else "")


def error_from_response(
    status: int, headers: Mapping[str, str], body: bytes, now: float, skew_s: float | None = None
) -> ApiError:
    """Map a non-2xx response to a typed error (pure)."""
    code, detail = parse_problem(body)
    retry_after = parse_retry_after(headers.get("Retry-After"), now)
    if status >= 500:
        return ServerError(code or ("unavailable" if status == 503 else "server_error"), status=status,
                           detail=detail, retry_after=retry_after)
    if code == "clock_skew":
        return ClockSkew(skew_s, status=status, detail=detail)
    if not code:
        code = {401: "signature_invalid", 403: "forbidden", 404: "not_found", 409: "conflict",
                422: "validation_failed", 429: "rate_limited"}.get(status, f"http_{status}")
    return Rejected(code, status=status, detail=detail, retry_after=retry_after)
