"""Errors as RFC 9457 application/problem+json with a stable machine `code`.

The kiosk maps `code` to a plain message; `detail` is for technicians and never carries personal data
(validation errors drop the offending input value for that reason).
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("central.errors")

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "https://kiosk.liuyang.example/problems/"

TITLES: dict[str, str] = {
    "unsigned": "Request not signed",
    "signature_invalid": "Signature invalid",
    "clock_skew": "Clock skew too large",
    "nonce_reused": "Nonce already used",
    "not_found": "Not found",
    "validation_failed": "Validation failed",
    "idempotency_key_required": "Idempotency-Key required",
    "idempotency_conflict": "Idempotency key reused with a different payload",
    "idempotency_in_flight": "Request with this idempotency key still in progress",
    "admin_token_invalid": "Admin token missing or wrong",
    "invalid_transition": "Case cannot move that way",
    "guide_not_available": "No service guide for this item",
    "slot_full": "Time slot fully booked",
    "slot_unavailable": "Time slot not offered",
    "appointment_not_active": "Appointment not active",
    "appointment_not_today": "Appointment is not for today",
    "already_booked": "Already booked",
    "method_not_allowed": "Method not allowed",
    "too_many_attempts": "Too many attempts",
    "internal_error": "Internal error",
}


class ProblemError(Exception):
    """Raise anywhere in a request to answer with a problem document."""

    def __init__(self, status: int, code: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.extra = extra


def problem_body(status: int, code: str, detail: str, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": TYPE_BASE + code,
        "title": TITLES.get(code, code.replace("_", " ").capitalize()),
        "status": status,
        "detail": detail,
        "code": code,
    }
    body.update(extra)
    return body


def problem_response(status: int, code: str, detail: str, headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    return JSONResponse(problem_body(status, code, detail, **extra), status_code=status,
                        media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def clean_validation_errors(errors: Any) -> list[dict[str, Any]]:
    """Keep where and why; drop the input value (it may be an ID number or a phone)."""
    cleaned = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ())]
        cleaned.append({"field": ".".join(loc), "message": err.get("msg", ""), "type": err.get("type", "")})
    return cleaned


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(_request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(exc.status, exc.code, exc.detail, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = clean_validation_errors(exc.errors())
        fields = ", ".join(e["field"] for e in errors)
        return problem_response(422, "validation_failed", f"invalid or missing: {fields}", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # FastAPI's "error parsing the body" (not UTF-8 / not JSON): the contract's 422
            return problem_response(422, "validation_failed", "the body is not valid UTF-8 JSON",
                                    errors=[{"field": "body", "message": str(exc.detail)}])
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, f"http_{exc.status_code}")
        return problem_response(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _internal(_request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error: %s", type(exc).__name__, exc_info=exc)
        return problem_response(500, "internal_error", "the central service failed; retry later")
