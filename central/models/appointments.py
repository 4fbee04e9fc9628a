"""Appointments (365预约), queue tickets (取号) and appointment check-in."""
from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from central.models.common import ID_NUMBER_PATTERN, Applicant, MaskedApplicant


class UnitService(BaseModel):
    id: str
    name: str
    item_code: str | None
    window_group: str
    window_name: str
    slot_minutes: int
    slot_capacity: int


class Unit(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": "U-SMZJ", "name": "浏阳市市民之家", "region_code": "430181", "address": "浏阳市集里街道金沙北路",
        "phone": "0731-83612345", "hall": True, "services": []}]})

    id: str
    name: str
    region_code: str
    address: str
    phone: str
    hall: bool = Field(description="a service hall: issues queue tickets and checks appointments in")
    services: list[UnitService]


class UnitList(BaseModel):
    units: list[Unit]


class Day(BaseModel):
    date: date
    open: bool
    capacity: int
    remaining: int


class DayList(BaseModel):
    service_id: str
    days: list[Day] = Field(description="today and the next 365 days")


class Slot(BaseModel):
    start: str = Field(description="HH:MM local time")
    end: str
    capacity: int
    remaining: int


class SlotList(BaseModel):
    service_id: str
    date: date
    slots: list[Slot]


class AppointmentCreate(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "service_id": "S-SMZJ-SB", "date": "2026-11-27", "start": "09:00",
        "applicant": {"name": "欧阳菊", "id_number": "430181195803120037", "phone": "13812341234"}}]})

    service_id: str
    date: date
    start: str = Field(pattern=r"^[0-2][0-9]:[0-5][0-9]$")
    applicant: Applicant


class Appointment(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "appointment_number": "YY20261126000004", "unit_id": "U-SMZJ", "unit_name": "浏阳市市民之家（政务服务中心）",
        "service_id": "S-SMZJ-SB", "service_name": "社保医保业务", "date": "2026-11-27", "start": "09:00",
        "end": "09:30", "state": "booked", "applicant": {"name": "欧*菊", "phone": "138****1234"},
        "created_at": "2026-11-26T10:40:00+08:00"}]})

    appointment_number: str
    unit_id: str
    unit_name: str
    service_id: str
    service_name: str
    date: date
    start: str
    end: str
    state: Literal["booked", "cancelled", "checked_in"]
    applicant: MaskedApplicant
    created_at: datetime


class AppointmentList(BaseModel):
    appointments: list[Appointment]


class AppointmentSearch(BaseModel):
    """POST /appointments/search: look up by the citizen's card (ID number only in the signed body)."""

    id_number: str = Field(pattern=ID_NUMBER_PATTERN)


class AppointmentCancel(BaseModel):
    verifier: str = Field(description="last 4 digits of the phone used to book, or the ID number read from the card")


class TicketCreate(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"service_id": "S-SMZJ-SB"}]})

    service_id: str


class Ticket(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "ticket_number": "A012", "unit_name": "浏阳市市民之家", "service_name": "社保医保业务",
        "window_group": "A", "window_name": "社保医保窗口（3-6号）", "waiting": 4, "priority": False,
        "appointment_number": None, "issued_at": "2026-11-26T10:20:00+08:00"}]})

    ticket_number: str
    unit_name: str
    service_name: str
    window_group: str
    window_name: str
    waiting: int = Field(description="tickets ahead of this one in the same window group")
    priority: bool = Field(description="true for a checked-in appointment (jumps the queue)")
    appointment_number: str | None
    issued_at: datetime


class CheckIn(BaseModel):
    verifier: str = Field(description="last 4 digits of the phone, or the ID number read from the card")


class QueueGroup(BaseModel):
    window_group: str
    window_name: str
    waiting: int


class QueueStatus(BaseModel):
    unit_id: str
    groups: list[QueueGroup]
