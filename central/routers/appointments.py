"""Appointments (units -> services -> days -> slots; book, cancel, look up) and hall queue tickets."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Connection, select

from central import booking
from central.auth import SignedTerminal
from central.cases import citizen_key
from central.context import AppContext, Ctx
from central.db import schema as t
from central.models.appointments import (
    Appointment,
    AppointmentCancel,
    AppointmentCreate,
    AppointmentList,
    AppointmentSearch,
    CheckIn,
    DayList,
    QueueStatus,
    SlotList,
    Ticket,
    TicketCreate,
    UnitList,
)
from central.models.common import problem_responses
from central.routers._common import IdempotencyKey, idempotent

router = APIRouter(prefix="/appointments", tags=["appointments"], responses=problem_responses(401))
queue_router = APIRouter(prefix="/queue", tags=["queue"], responses=problem_responses(401))


def _key_for(ctx: AppContext, verifier: str) -> str:
    """A verifier longer than 4 characters is the ID number read from the card: compare keyed hashes."""
    v = verifier.strip()
    return citizen_key(ctx.settings.citizen_pepper, v) if len(v) > 4 else ""


@router.get("/units", response_model=UnitList, summary="Units that take appointments, with their services")
def list_units(terminal: SignedTerminal, ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.connect() as conn:
        units = conn.execute(select(t.appointment_units).order_by(t.appointment_units.c.sort_order)).all()
        services = conn.execute(select(t.appointment_services).order_by(t.appointment_services.c.sort_order)).all()
    out = []
    for u in units:
        out.append({"id": u.id, "name": u.name, "region_code": u.region_code, "address": u.address, "phone": u.phone,
                    "hall": u.hall, "services": [
                        {"id": s.id, "name": s.name, "item_code": s.item_code, "window_group": s.window_group,
                         "window_name": s.window_name, "slot_minutes": s.slot_minutes, "slot_capacity": s.slot_capacity}
                        for s in services if s.unit_id == u.id]})
    return {"units": out}


@router.get("/services/{service_id}/days", response_model=DayList, responses=problem_responses(404),
            summary="Today and the next 364 days with remaining capacity")
def list_days(service_id: str, terminal: SignedTerminal, ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.connect() as conn:
        return {"service_id": service_id, "days": booking.list_days(conn, service_id)}


@router.get("/services/{service_id}/slots", response_model=SlotList, responses=problem_responses(404, 422),
            summary="Time slots of one day with remaining capacity")
def list_slots(service_id: str, date: Annotated[date, Query(description="YYYY-MM-DD")], terminal: SignedTerminal,
               ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.connect() as conn:
        return {"service_id": service_id, "date": date, "slots": booking.list_slots(conn, service_id, date)}


@router.post("", status_code=201, response_model=Appointment, responses=problem_responses(400, 404, 409, 422),
             summary="Book a slot (Idempotency-Key required); 409 slot_full when no capacity remains")
async def book(body: AppointmentCreate, request: Request, terminal: SignedTerminal, ctx: Ctx,
               idempotency_key: IdempotencyKey = None) -> JSONResponse:
    key = citizen_key(ctx.settings.citizen_pepper, body.applicant.id_number)

    def op(conn: Connection) -> tuple[int, dict[str, Any]]:
        return booking.book(conn, body.service_id, body.date, body.start, body.applicant.model_dump(), key, terminal.id,
                            ctx.sealer)
    return await idempotent(request, ctx, terminal, idempotency_key, op)


@router.post("/search", response_model=AppointmentList, summary="A citizen's appointments, by the card's ID number")
def search(body: AppointmentSearch, terminal: SignedTerminal, ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.connect() as conn:
        return {"appointments": booking.search(conn, citizen_key(ctx.settings.citizen_pepper, body.id_number))}


# Cancel and check-in take an optional Idempotency-Key: a retry whose first answer was lost (a dropped connection)
# gets that answer again instead of 409 appointment_not_active for its own successful first attempt.
@router.post("/{appointment_number}/cancel", response_model=Appointment, responses=problem_responses(400, 404, 409),
             summary="Cancel (frees the slot); verifier = last 4 phone digits or the card's ID number; "
                     "Idempotency-Key optional")
async def cancel(appointment_number: str, body: AppointmentCancel, request: Request, terminal: SignedTerminal,
                 ctx: Ctx, idempotency_key: IdempotencyKey = None) -> JSONResponse:
    def op(conn: Connection) -> tuple[int, dict[str, Any]]:
        return 200, booking.cancel(conn, appointment_number, body.verifier, _key_for(ctx, body.verifier))
    return await idempotent(request, ctx, terminal, idempotency_key, op, required=False)


@router.post("/{appointment_number}/check-in", response_model=Ticket, responses=problem_responses(400, 404, 409, 422),
             summary="Check in today's appointment at a hall: a priority queue ticket; Idempotency-Key optional")
async def check_in(appointment_number: str, body: CheckIn, request: Request, terminal: SignedTerminal, ctx: Ctx,
                   idempotency_key: IdempotencyKey = None) -> JSONResponse:
    def op(conn: Connection) -> tuple[int, dict[str, Any]]:
        return 200, booking.check_in(conn, appointment_number, body.verifier, _key_for(ctx, body.verifier),
                                     terminal.id)
    return await idempotent(request, ctx, terminal, idempotency_key, op, required=False)


@queue_router.post("/tickets", status_code=201, response_model=Ticket, responses=problem_responses(400, 404, 422),
                   summary="Take a queue ticket (取号) for a hall service; Idempotency-Key optional")
async def take_ticket(body: TicketCreate, request: Request, terminal: SignedTerminal, ctx: Ctx,
                      idempotency_key: IdempotencyKey = None) -> JSONResponse:
    def op(conn: Connection) -> tuple[int, dict[str, Any]]:
        return 201, booking.issue_ticket(conn, body.service_id, terminal.id)
    return await idempotent(request, ctx, terminal, idempotency_key, op, required=False)


@queue_router.get("/units/{unit_id}", response_model=QueueStatus, responses=problem_responses(404),
                  summary="How many are waiting per window group today")
def queue_status(unit_id: str, terminal: SignedTerminal, ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.connect() as conn:
        return {"unit_id": unit_id, "groups": booking.queue_status(conn, unit_id)}
