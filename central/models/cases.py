"""Cases (办件): submission, look-up and the state history."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from central.models.common import ID_NUMBER_PATTERN, Applicant, MaskedApplicant, Problem

CaseState = Literal["已提交", "预审中", "待补正", "已受理", "审核中", "已办结", "待领取", "已寄出", "已送达"]
Route = Literal["county", "township", "village"]


class MaterialProvided(BaseModel):
    name: str
    provided_as: Literal["electronic", "scanned", "paper_later"] = Field(
        description="electronic: fetched from 电子证照; scanned: scanned at the kiosk; paper_later: brought to the office")


class DeliveryChoice(BaseModel):
    method: Literal["pickup", "express"]
    pickup_site: str | None = Field(default=None, description="one of the guide's pickup_sites (pickup)")
    address: str | None = Field(default=None, max_length=200, description="postal address (express); personal data")


class CaseCreate(BaseModel):
    """POST /cases body. `form` maps attribute codes of the guide's form to values."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "service_code": "430181-LY-00001",
        "applicant": {"name": "欧阳菊", "id_number": "430181195803120037", "phone": "13812341234",
                      "address": "湖南省浏阳市沙市镇赤马村"},
        "region_code": "430181108201",
        "form": {"relation": "self", "household_type": "rural"},
        "materials": [{"name": "居民身份证", "provided_as": "electronic"},
                      {"name": "近期一寸免冠彩色照片", "provided_as": "scanned"}],
        "delivery": {"method": "pickup", "pickup_site": "沙市镇赤马村便民服务站"},
        "local_reference": "LY-DEMO-0001-20261126-0007",
        "client_created_at": "2026-11-26T10:15:00+08:00"}]})

    service_code: str
    applicant: Applicant
    region_code: str | None = Field(default=None, pattern=r"^430181([0-9]{3}([0-9]{3})?)?$",
                                    description="applicant's region (county/township/village code); default: the terminal's")
    form: dict[str, Any] = Field(default_factory=dict)
    materials: list[MaterialProvided] = Field(default_factory=list)
    delivery: DeliveryChoice
    local_reference: str | None = Field(default=None, max_length=64, description="the kiosk's offline receipt reference")
    client_created_at: datetime | None = None


class CaseEvent(BaseModel):
    state: CaseState
    time: datetime
    office: str
    note: str


class Offices(BaseModel):
    accept: str = Field(description="受理 (the village office on a village route: 村受理)")
    review: str = Field(description="审核 (the township on a village route: 镇审核)")
    handover: str = Field(description="出件 (the village office on a village route: 村出件)")


class CaseDelivery(BaseModel):
    method: Literal["pickup", "express"]
    pickup_site: str | None = None
    tracking_number: str | None = None
    carrier: str | None = None


class CaseView(BaseModel):
    """A case as a terminal may show it: masked applicant, states with time, office and note."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "case_number": "LY20261126000007", "service_code": "430181-LY-00001", "service_name": "老年人优待证办理",
        "applicant": {"name": "欧*菊", "phone": "138****1234"}, "state": "审核中", "outcome": None,
        "outcome_reason": None, "route": "village",
        "offices": {"accept": "沙市镇赤马村便民服务站", "review": "沙市镇便民服务中心", "handover": "沙市镇赤马村便民服务站"},
        "history": [{"state": "已提交", "time": "2026-11-26T10:15:02+08:00", "office": "自助终端 LY-DEMO-0001", "note": ""}],
        "missing_materials": [], "delivery": {"method": "pickup", "pickup_site": "沙市镇赤马村便民服务站"},
        "promised_by": "2026-12-03T10:15:02+08:00", "local_reference": "LY-DEMO-0001-20261126-0007",
        "created_at": "2026-11-26T10:15:02+08:00", "updated_at": "2026-11-26T15:00:00+08:00"}]})

    case_number: str
    service_code: str
    service_name: str
    applicant: MaskedApplicant
    state: CaseState
    outcome: Literal["approved", "refused"] | None
    outcome_reason: str | None
    route: Route
    offices: Offices
    history: list[CaseEvent]
    missing_materials: list[str] = Field(description="一次性告知: what to bring or upload (state 待补正)")
    delivery: CaseDelivery
    promised_by: datetime | None
    local_reference: str | None
    created_at: datetime
    updated_at: datetime


class CaseCreated(CaseView):
    """201 answer to POST /cases: the case plus its QR token (print it; it is a verifier for look-ups)."""

    qr_token: str = Field(description="secret verifier for GET /cases/{case_number}?verifier=; shown as a QR code")


# One page is what a kiosk can show and a citizen can read; unpaged, a citizen with thousands of cases (an agent,
# a company) cost 370 ms and a 4.6 MB allocation peak per look-up at 2,870 cases (bench/soak.py, measured).
SEARCH_PAGE_DEFAULT = 50
SEARCH_PAGE_MAX = 100


class CaseSearch(BaseModel):
    """POST /cases/search: the ID number travels only inside the signed, TLS-protected body."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"id_number": "430181195803120037"}]})

    id_number: str = Field(pattern=ID_NUMBER_PATTERN)
    limit: int = Field(default=SEARCH_PAGE_DEFAULT, ge=1, le=SEARCH_PAGE_MAX,
                       description="cases per page, newest first")
    cursor: str | None = Field(default=None, max_length=32,
                               description="next_cursor of the previous page; absent for the first page")


class CaseSummary(BaseModel):
    case_number: str
    service_code: str
    service_name: str
    state: CaseState
    outcome: Literal["approved", "refused"] | None
    local_reference: str | None
    created_at: datetime
    updated_at: datetime


class CaseList(BaseModel):
    cases: list[CaseSummary]
    next_cursor: str | None = Field(description="send as cursor for the next (older) page; null on the last page")


MAX_BATCH_ITEMS = 50


class CaseBatchItem(BaseModel):
    """One submission of a batch: exactly what POST /cases takes, with its Idempotency-Key beside it."""

    idempotency_key: str = Field(description="UUID, as the Idempotency-Key header of POST /cases; the same key sent "
                                 "alone or in a batch is the same submission (a repeat replays the original)")
    # Documented as a CaseCreate (central.openapi_doc); parsed per item so that one invalid item is answered
    # alone instead of refusing the whole batch.
    case: dict[str, Any] = Field(description="a CaseCreate body, validated per item (an invalid item is answered alone)")


class CaseBatch(BaseModel):
    """POST /cases/batch: several queued submissions in one signed request and one durable commit."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [{
        "idempotency_key": "0f8e4b1c-5d7a-4a57-9a43-8a7f3c2b1e60",
        "case": {"service_code": "430181-LY-00001",
                 "applicant": {"name": "欧阳菊", "id_number": "430181195803120037", "phone": "13812341234"},
                 "form": {"relation": "self", "household_type": "rural"}, "delivery": {"method": "pickup"},
                 "local_reference": "LY-DEMO-0001-KXPM-20261126-0007"}}]}]})

    items: list[CaseBatchItem] = Field(min_length=1, max_length=MAX_BATCH_ITEMS)


class CaseBatchResult(BaseModel):
    """The answer for one item, in the order sent: `status` is what POST /cases would have answered."""

    idempotency_key: str
    status: int = Field(description="201 created (or replayed), else the problem's status: 400, 409 "
                        "idempotency_in_flight (retry), 422 validation_failed / idempotency_conflict, 500 (retry)")
    replayed: bool = Field(description="true when this key had already been processed: the original answer")
    case: CaseCreated | None = None
    problem: Problem | None = None


class CaseBatchResults(BaseModel):
    results: list[CaseBatchResult]
