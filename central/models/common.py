"""Shared models: the problem document and small value types."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

ID_NUMBER_PATTERN = r"^[0-9]{17}[0-9Xx]$"
PHONE_PATTERN = r"^1[3-9][0-9]{9}$"


class Problem(BaseModel):
    """application/problem+json (RFC 9457) with a stable machine `code`."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [{
        "type": "https://kiosk.liuyang.example/problems/nonce_reused", "title": "Nonce already used",
        "status": 401, "detail": "this X-Nonce was already used; sign each request with a fresh nonce",
        "code": "nonce_reused"}]})

    type: str
    title: str
    status: int
    detail: str
    code: str = Field(description="stable machine code, e.g. signature_invalid, clock_skew, nonce_reused, not_found, "
                      "idempotency_conflict, idempotency_in_flight, validation_failed, slot_full")
    errors: list[dict[str, Any]] | None = Field(default=None, description="per-field problems (validation_failed)")


class Applicant(BaseModel):
    """The citizen as read from the ID card plus a phone; personal data, never logged."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "name": "欧阳菊", "id_number": "430181195803120037", "phone": "13812341234",
        "address": "湖南省浏阳市集里街道神仙坳社区"}]})

    name: str = Field(min_length=1, max_length=50)
    id_number: str = Field(pattern=ID_NUMBER_PATTERN, description="18-character resident ID number (GB 11643)")
    phone: str = Field(pattern=PHONE_PATTERN, description="mainland mobile number, 11 digits")
    address: str | None = Field(default=None, max_length=200)


class MaskedApplicant(BaseModel):
    name: str = Field(description="masked: 欧*菊")
    phone: str = Field(description="masked: 138****1234")


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for the listed problem statuses."""
    descriptions = {400: "Bad request", 401: "Not signed / signature refused", 403: "Forbidden", 404: "Not found",
                    409: "Conflict or in flight", 422: "Validation failed or idempotency conflict",
                    429: "Too many attempts"}
    return {s: {"model": Problem, "description": descriptions.get(s, "Problem"),
                "content": {"application/problem+json": {}}} for s in statuses}
