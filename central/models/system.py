"""Terminals (heartbeat, events), server time and health, back-office bodies."""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class ServerTime(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "server_time": "2026-11-26T10:00:00+08:00", "unix": 1795658400}]})

    server_time: datetime
    unix: int


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    database: Literal["ok", "error"]
    version: str
    catalogue_items: int


class Heartbeat(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "version": "0.1.0", "uptime_s": 86400, "devices": {"idcard": "ok", "printer": "ok"},
        "paper": "low", "outbox_depth": 0, "last_errors": ["printer_cover_open"],
        "clock_skew_s": -2.5, "catalogue_as_of": "2026-11-26T09:00:00+08:00"}]})

    version: str = Field(max_length=32)
    uptime_s: int = Field(ge=0)
    devices: dict[str, Literal["ok", "error", "absent", "unknown"]]
    paper: Literal["ok", "low", "out", "unknown"]
    outbox_depth: int = Field(ge=0)
    last_errors: list[str] = Field(default_factory=list, max_length=20, description="error codes, no personal data")
    clock_skew_s: float | None = None
    catalogue_as_of: datetime | None = None


class HeartbeatAck(BaseModel):
    server_time: datetime
    catalogue_as_of: datetime = Field(description="refresh the catalogue when newer than yours")


class TerminalEvent(BaseModel):
    time: datetime
    kind: Literal["info", "warning", "error", "audit"]
    code: str = Field(max_length=64)
    detail: str = Field(default="", max_length=500, description="no personal data")


class TerminalEvents(BaseModel):
    events: list[TerminalEvent] = Field(min_length=1, max_length=200)


class EventsAccepted(BaseModel):
    accepted: int


class TerminalStatus(BaseModel):
    id: str
    site_name: str
    region_code: str
    last_heartbeat_at: datetime | None
    last_heartbeat: Heartbeat | None


class OfficeNote(BaseModel):
    note: str = Field(default="", max_length=300)


class OfficeReturn(BaseModel):
    missing: list[str] = Field(min_length=1, description="materials to supplement (一次性告知)")
    note: str = Field(default="", max_length=300)


class OfficeDecide(BaseModel):
    approve: bool
    reason: str = Field(default="", max_length=300, description="required when refusing")


class OfficeMail(BaseModel):
    tracking_number: str = Field(pattern=r"^[A-Za-z0-9]{6,32}$")
    carrier: str = Field(default="EMS", max_length=32)
    note: str = Field(default="", max_length=300)


class ItemPatch(BaseModel):
    name: str | None = Field(default=None, max_length=200)
    aliases: list[str] | None = None
    deleted: bool | None = None


class FollowUpView(BaseModel):
    follow_up_number: str
    evaluation_number: str
    level: str
    tags: list[str]
    case_number: str | None
    service_code: str | None
    state: str
    callback_due: datetime
    fix_due: datetime


class FollowUpList(BaseModel):
    follow_ups: list[FollowUpView]


class PurgeResult(BaseModel):
    idempotency_keys: int
    nonces: int
