"""Typed results of the central-service client (frozen dataclasses), built from the contract's JSON.

`from_json(cls, data)` converts by the dataclass annotations: ISO datetimes/dates, nested dataclasses,
lists and optionals. Unknown keys are ignored (the server may add fields without breaking old kiosks);
a missing required key raises BadResponse, which the client reports as a ServerError("bad_response").
Masked applicant fields are what the server sends: the client never receives unmasked data back.
"""
from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar, Union

T = TypeVar("T")


class BadResponse(ValueError):
    """The server's JSON does not have the shape of the contract."""


def _convert(tp: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return _convert(args[0], value, where) if len(args) == 1 else value
    if value is None:
        raise BadResponse(f"{where} is null")
    if origin is list:
        (inner,) = typing.get_args(tp) or (Any,)
        if not isinstance(value, list):
            raise BadResponse(f"{where} should be a list")
        return [_convert(inner, v, f"{where}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise BadResponse(f"{where} should be an object")
        return dict(value)
    if tp is datetime:
        try:
            return datetime.fromisoformat(str(value))
        except ValueError as exc:
            raise BadResponse(f"{where} is not an ISO datetime") from exc
    if tp is date:
        try:
            return date.fromisoformat(str(value))
        except ValueError as exc:
            raise BadResponse(f"{where} is not an ISO date") from exc
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return from_json(tp, value, where)
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if tp in (str, int, float, bool) and (not isinstance(value, tp) or tp is int and isinstance(value, bool)):
        # A wrong type would only fail later, far from the answer that carried it (e.g. a number for a case
        # number on a receipt): refuse it here, as a bad answer.
        raise BadResponse(f"{where} should be {tp.__name__}, not {type(value).__name__}")
    return value


@functools.cache
def _hints(cls: type[Any]) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_json(cls: type[T], data: Any, where: str = "") -> T:
    """Build dataclass `cls` from a JSON object (pure)."""
    where = where or cls.__name__
    if not isinstance(data, dict):
        raise BadResponse(f"{where} should be an object")
    hints = _hints(cls)  # type: ignore[arg-type]  # classes are hashable
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name == "raw":
            kwargs["raw"] = data
            continue
        if f.name not in data:
            if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING:
                continue
            raise BadResponse(f"{where}.{f.name} is missing")
        kwargs[f.name] = _convert(hints[f.name], data[f.name], f"{where}.{f.name}")
    return cls(**kwargs)


# ---- catalogue ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CatalogueItem:
    code: str
    name: str
    aliases: list[str]
    department: str
    kind: str
    theme: str
    life_events: list[str]
    levels: list[str]
    region_codes: list[str]
    max_one_trip: bool
    online_depth: str
    has_guide: bool
    updated_at: datetime
    deleted: bool = False


@dataclass(frozen=True)
class CataloguePage:
    """Result of an incremental fetch. `not_modified` when the server answered 304 to our ETag."""

    items: list[dict[str, Any]]
    etag: str | None
    as_of: datetime | None
    full: bool
    not_modified: bool = False


@dataclass(frozen=True)
class Material:
    name: str
    form: str
    count: int
    source: str
    electronic: bool
    required: bool = True
    note: str = ""


@dataclass(frozen=True)
class AttributeValue:
    key: str
    name: str


@dataclass(frozen=True)
class FormAttribute:
    code: str
    datatype: str
    required: bool
    order: int
    description: str
    variable: bool = True
    hint: str = ""
    values: list[AttributeValue] = field(default_factory=list)
    pattern: str | None = None


@dataclass(frozen=True)
class GuideElement:
    no: int
    key: str
    title: str
    text: str


@dataclass(frozen=True)
class DeliveryOptions:
    pickup_sites: list[str]
    express_free: bool
    result_name: str


@dataclass(frozen=True)
class Guide:
    """办事指南. Structured parts the GUI acts on, the 13 elements as display text; all JSON kept in `raw`."""

    item: CatalogueItem
    materials: list[Material]
    attributes: list[FormAttribute]
    delivery: DeliveryOptions
    elements: list[GuideElement]
    visits: int
    raw: dict[str, Any] = field(repr=False, default_factory=dict)


@dataclass(frozen=True)
class RegionNode:
    code: str
    name: str
    full_name: str
    level: str
    parent_code: str | None
    children_count: int


@dataclass(frozen=True)
class RegionList:
    region: RegionNode
    children: list[RegionNode]


# ---- cases -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MaskedApplicant:
    name: str
    phone: str


@dataclass(frozen=True)
class CaseEvent:
    state: str
    time: datetime
    office: str
    note: str


@dataclass(frozen=True)
class Offices:
    accept: str
    review: str
    handover: str


@dataclass(frozen=True)
class CaseDelivery:
    method: str
    pickup_site: str | None = None
    tracking_number: str | None = None
    carrier: str | None = None


@dataclass(frozen=True)
class Case:
    case_number: str
    service_code: str
    service_name: str
    applicant: MaskedApplicant
    state: str
    outcome: str | None
    outcome_reason: str | None
    route: str
    offices: Offices
    history: list[CaseEvent]
    missing_materials: list[str]
    delivery: CaseDelivery
    promised_by: datetime | None
    local_reference: str | None
    created_at: datetime
    updated_at: datetime
    qr_token: str | None = field(default=None, repr=False)  # only in the 201 answer; a verifier, print as QR


@dataclass(frozen=True)
class CaseSummary:
    case_number: str
    service_code: str
    service_name: str
    state: str
    outcome: str | None
    local_reference: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class CasePage:
    """One page of POST /cases/search, newest first; next_cursor fetches the older ones (None: no more)."""
    cases: list[CaseSummary]
    next_cursor: str | None


# ---- appointments, queue -----------------------------------------------------------------------------
@dataclass(frozen=True)
class UnitService:
    id: str
    name: str
    item_code: str | None
    window_group: str
    window_name: str
    slot_minutes: int
    slot_capacity: int


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    region_code: str
    address: str
    phone: str
    hall: bool
    services: list[UnitService]


@dataclass(frozen=True)
class Day:
    date: date
    open: bool
    capacity: int
    remaining: int


@dataclass(frozen=True)
class Slot:
    start: str
    end: str
    capacity: int
    remaining: int


@dataclass(frozen=True)
class Appointment:
    appointment_number: str
    unit_id: str
    unit_name: str
    service_id: str
    service_name: str
    date: date
    start: str
    end: str
    state: str
    applicant: MaskedApplicant
    created_at: datetime


@dataclass(frozen=True)
class Ticket:
    ticket_number: str
    unit_name: str
    service_name: str
    window_group: str
    window_name: str
    waiting: int
    priority: bool
    appointment_number: str | None
    issued_at: datetime


# ---- help, intermediaries, evaluations, staff ---------------------------------------------------------
@dataclass(frozen=True)
class HelpRequest:
    request_number: str
    kind: str
    service_code: str | None
    state: str
    assigned_office: str
    contact_within_hours: int
    created_at: datetime


@dataclass(frozen=True)
class IntermediarySummary:
    id: str
    name: str
    category: str
    rating: float | None
    rating_count: int
    fee_summary: str
    time_limit_days: int


@dataclass(frozen=True)
class ProviderService:
    name: str
    fee: str
    time_limit_days: int
    conditions: str
    process: list[str]


@dataclass(frozen=True)
class Intermediary:
    id: str
    name: str
    category: str
    rating: float | None
    rating_count: int
    fee_summary: str
    time_limit_days: int
    qualification: str
    address: str
    phone: str
    services: list[ProviderService]


@dataclass(frozen=True)
class IntermediaryList:
    categories: list[str]
    providers: list[IntermediarySummary]


@dataclass(frozen=True)
class Rating:
    intermediary_id: str
    score: int
    rating: float
    rating_count: int


@dataclass(frozen=True)
class FollowUp:
    follow_up_number: str
    state: str
    callback_due: datetime
    fix_due: datetime


@dataclass(frozen=True)
class Evaluation:
    evaluation_number: str
    level: str
    tags: list[str]
    case_number: str | None
    service_code: str | None
    created_at: datetime
    follow_up: FollowUp | None = None


@dataclass(frozen=True)
class EvaluationTags:
    levels: list[str]
    tags: dict[str, list[str]]


@dataclass(frozen=True)
class StaffCall:
    call_number: str
    state: str
    message: str
    created_at: datetime


# ---- terminal ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ServerTime:
    server_time: datetime
    unix: int


@dataclass(frozen=True)
class HeartbeatAck:
    server_time: datetime
    catalogue_as_of: datetime


@dataclass(frozen=True)
class Delivered:
    """What the outbox records once a queued submission is acknowledged: the server's reference."""

    kind: str
    reference: str
