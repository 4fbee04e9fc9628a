"""Appointments and queue tickets: capacity per slot that cannot be overbooked, tickets per window group.

Capacity is enforced by one conditional UPDATE (booked = booked + 1 WHERE booked < capacity) on a counter
row per (service, day, slot): atomic on SQLite (BEGIN IMMEDIATE) and on PostgreSQL (row lock).
"""
from __future__ import annotations

import hmac
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, and_, func, select, update

from central.cases import masked_applicant, private_record
from central.db import schema as t
from central.db.engine import insert_ignore, inserted_id
from central.errors import ProblemError
from central.sealing import Sealer
from central.timeutil import CST, iso, local_today, utcnow

SESSIONS = ((time(9, 0), time(12, 0)), (time(14, 0), time(17, 30)))
HORIZON_DAYS = 365


def slot_starts(slot_minutes: int, weekday: int) -> list[tuple[str, str]]:
    """(start, end) of every slot on a weekday; Saturday and Sunday: mornings only (365天不打烊 windows)."""
    sessions = SESSIONS if weekday < 5 else SESSIONS[:1]
    out = []
    for begin, end in sessions:
        cur = datetime.combine(date(2000, 1, 1), begin)
        stop = datetime.combine(date(2000, 1, 1), end)
        while cur + timedelta(minutes=slot_minutes) <= stop:
            nxt = cur + timedelta(minutes=slot_minutes)
            out.append((cur.strftime("%H:%M"), nxt.strftime("%H:%M")))
            cur = nxt
    return out


def get_service(conn: Connection, service_id: str) -> Any:
    row = conn.execute(select(t.appointment_services).where(t.appointment_services.c.id == service_id)).first()
    if row is None:
        raise ProblemError(404, "not_found", f"no appointment service {service_id}")
    return row


def _open_slots(service: Any, day: date) -> list[tuple[str, str]]:
    if day.weekday() not in service.weekdays:
        return []
    slots = slot_starts(service.slot_minutes, day.weekday())
    if day == local_today():
        now_hm = utcnow().astimezone(CST).strftime("%H:%M")
        slots = [s for s in slots if s[0] > now_hm]
    return slots


def _booked(conn: Connection, service_id: str, days: list[str]) -> dict[tuple[str, str], int]:
    rows = conn.execute(select(t.slot_counts).where(and_(t.slot_counts.c.service_id == service_id,
                                                         t.slot_counts.c.day.in_(days)))).all()
    return {(r.day, r.start): int(r.booked) for r in rows}


def list_days(conn: Connection, service_id: str) -> list[dict[str, Any]]:
    service = get_service(conn, service_id)
    today = local_today()
    days = [today + timedelta(days=i) for i in range(HORIZON_DAYS)]
    rows = conn.execute(select(t.slot_counts.c.day, func.sum(t.slot_counts.c.booked)).where(
        t.slot_counts.c.service_id == service_id).group_by(t.slot_counts.c.day)).all()
    booked_by_day = {r[0]: int(r[1]) for r in rows}
    out = []
    for day in days:
        slots = _open_slots(service, day)
        capacity = len(slots) * service.slot_capacity
        remaining = max(0, capacity - booked_by_day.get(day.isoformat(), 0)) if capacity else 0
        out.append({"date": day.isoformat(), "open": bool(slots), "capacity": capacity, "remaining": remaining})
    return out


def _check_day(day: date) -> None:
    today = local_today()
    if day < today or day >= today + timedelta(days=HORIZON_DAYS):
        raise ProblemError(422, "slot_unavailable", f"date must be between {today} and "
                           f"{today + timedelta(days=HORIZON_DAYS - 1)}")


def list_slots(conn: Connection, service_id: str, day: date) -> list[dict[str, Any]]:
    service = get_service(conn, service_id)
    _check_day(day)
    booked = _booked(conn, service_id, [day.isoformat()])
    return [{"start": s, "end": e, "capacity": service.slot_capacity,
             "remaining": max(0, service.slot_capacity - booked.get((day.isoformat(), s), 0))}
            for s, e in _open_slots(service, day)]


def appointment_view(conn: Connection, row: Any) -> dict[str, Any]:
    service = get_service(conn, row.service_id)
    unit_name = conn.execute(select(t.appointment_units.c.name).where(t.appointment_units.c.id == row.unit_id)).scalar_one()
    return _view(row, service.name, unit_name)


def _view(row: Any, service_name: str, unit_name: str) -> dict[str, Any]:
    return {"appointment_number": row.appointment_number, "unit_id": row.unit_id, "unit_name": unit_name,
            "service_id": row.service_id, "service_name": service_name, "date": row.day, "start": row.start,
            "end": row.end, "state": row.state,
            "applicant": masked_applicant(row.applicant),
            "created_at": iso(row.created_at)}


def book(conn: Connection, service_id: str, day: date, start: str, applicant: dict[str, Any], key: str,
         terminal_id: str, sealer: Sealer) -> tuple[int, dict[str, Any]]:
    service = get_service(conn, service_id)
    _check_day(day)
    slots = dict(_open_slots(service, day))
    if start not in slots:
        raise ProblemError(422, "slot_unavailable", f"{day} {start} is not an open slot of {service.name}")
    dup = conn.execute(select(t.appointments.c.id).where(and_(
        t.appointments.c.citizen_key == key, t.appointments.c.service_id == service_id,
        t.appointments.c.day == day.isoformat(), t.appointments.c.state == "booked"))).first()
    if dup is not None:
        raise ProblemError(409, "already_booked", "this citizen already has an appointment for this service that day")
    conn.execute(insert_ignore(conn, t.slot_counts).values(service_id=service_id, day=day.isoformat(), start=start,
                                                          booked=0))
    taken = conn.execute(update(t.slot_counts).where(and_(
        t.slot_counts.c.service_id == service_id, t.slot_counts.c.day == day.isoformat(),
        t.slot_counts.c.start == start, t.slot_counts.c.booked < service.slot_capacity)).values(
        booked=t.slot_counts.c.booked + 1))
    if taken.rowcount != 1:
        raise ProblemError(409, "slot_full", f"{day} {start} is fully booked; choose another slot")
    now = utcnow()
    result = conn.execute(t.appointments.insert().values(
        unit_id=service.unit_id, service_id=service_id, day=day.isoformat(), start=start, end=slots[start],
        citizen_key=key, applicant=private_record(None, "", applicant), state="booked", terminal_id=terminal_id, created_at=now, updated_at=now))
    appt_id = inserted_id(result)
    number = f"YY{now.astimezone(CST):%Y%m%d}{appt_id:06d}"
    conn.execute(update(t.appointments).where(t.appointments.c.id == appt_id).values(
        appointment_number=number, applicant=private_record(sealer, f"appointment:{appt_id}", applicant)))
    row = conn.execute(select(t.appointments).where(t.appointments.c.id == appt_id)).one()
    return 201, appointment_view(conn, row)


def _load_for_citizen(conn: Connection, number: str, verifier: str, citizen_key: str) -> Any:
    row = conn.execute(select(t.appointments).where(t.appointments.c.appointment_number == number)).first()
    if row is None:
        raise ProblemError(404, "not_found", f"no appointment {number} with this verifier")
    v = verifier.strip()
    phone_last4 = masked_applicant(row.applicant)["phone"][-4:]
    ok = hmac.compare_digest(v, phone_last4) if len(v) == 4 else hmac.compare_digest(citizen_key, row.citizen_key)
    if not ok:
        raise ProblemError(404, "not_found", f"no appointment {number} with this verifier")
    return row


def cancel(conn: Connection, number: str, verifier: str, citizen_key: str) -> dict[str, Any]:
    row = _load_for_citizen(conn, number, verifier, citizen_key)
    if row.state != "booked":
        raise ProblemError(409, "appointment_not_active", f"appointment {number} is {row.state}")
    conn.execute(update(t.appointments).where(t.appointments.c.id == row.id).values(state="cancelled", updated_at=utcnow()))
    conn.execute(update(t.slot_counts).where(and_(
        t.slot_counts.c.service_id == row.service_id, t.slot_counts.c.day == row.day,
        t.slot_counts.c.start == row.start, t.slot_counts.c.booked > 0)).values(booked=t.slot_counts.c.booked - 1))
    return appointment_view(conn, conn.execute(select(t.appointments).where(t.appointments.c.id == row.id)).one())


def search(conn: Connection, citizen_key: str) -> list[dict[str, Any]]:
    """A citizen's appointments, newest day first, in one query (the names joined in, not fetched per row)."""
    a, services, units = t.appointments, t.appointment_services, t.appointment_units
    rows = conn.execute(
        select(a, services.c.name.label("service_name"), units.c.name.label("unit_name"))
        .join(services, services.c.id == a.c.service_id).join(units, units.c.id == a.c.unit_id)
        .where(a.c.citizen_key == citizen_key).order_by(a.c.day.desc(), a.c.start)).all()
    return [_view(r, r.service_name, r.unit_name) for r in rows]


def _waiting(conn: Connection, unit_id: str, group: str, day: str) -> int:
    return int(conn.execute(select(func.count()).select_from(t.queue_tickets).where(and_(
        t.queue_tickets.c.unit_id == unit_id, t.queue_tickets.c.window_group == group,
        t.queue_tickets.c.day == day, t.queue_tickets.c.state == "waiting"))).scalar_one())


def issue_ticket(conn: Connection, service_id: str, terminal_id: str, appointment_number: str | None = None) -> dict[str, Any]:
    service = get_service(conn, service_id)
    unit = conn.execute(select(t.appointment_units).where(t.appointment_units.c.id == service.unit_id)).one()
    if not unit.hall:
        raise ProblemError(422, "validation_failed", f"{unit.name} does not issue queue tickets")
    day = local_today().isoformat()
    group = service.window_group
    ahead = _waiting(conn, unit.id, group, day)
    priority = appointment_number is not None
    if priority:  # checked-in appointments go ahead of walk-ins: only other priority tickets are ahead
        ahead = int(conn.execute(select(func.count()).select_from(t.queue_tickets).where(and_(
            t.queue_tickets.c.unit_id == unit.id, t.queue_tickets.c.window_group == group,
            t.queue_tickets.c.day == day, t.queue_tickets.c.state == "waiting",
            t.queue_tickets.c.priority.is_(True)))).scalar_one())
    seq = int(conn.execute(select(func.coalesce(func.max(t.queue_tickets.c.seq), 0)).where(and_(
        t.queue_tickets.c.unit_id == unit.id, t.queue_tickets.c.window_group == group,
        t.queue_tickets.c.day == day))).scalar_one()) + 1
    number = f"{'Y' if priority else ''}{group}{seq:03d}"
    now = utcnow()
    conn.execute(t.queue_tickets.insert().values(
        unit_id=unit.id, window_group=group, service_id=service_id, day=day, seq=seq, ticket_number=number,
        priority=priority, appointment_number=appointment_number, state="waiting", terminal_id=terminal_id,
        created_at=now))
    return {"ticket_number": number, "unit_name": unit.name, "service_name": service.name, "window_group": group,
            "window_name": service.window_name, "waiting": ahead, "priority": priority,
            "appointment_number": appointment_number, "issued_at": iso(now)}


def check_in(conn: Connection, number: str, verifier: str, citizen_key: str, terminal_id: str) -> dict[str, Any]:
    """A priority ticket for today's appointment; checking in again returns the same ticket (safe to retry)."""
    row = _load_for_citizen(conn, number, verifier, citizen_key)
    if row.state == "checked_in":
        issued = conn.execute(select(t.queue_tickets).where(t.queue_tickets.c.appointment_number == number)).first()
        if issued is not None:
            return _ticket_view(conn, issued)
    if row.state != "booked":
        raise ProblemError(409, "appointment_not_active", f"appointment {number} is {row.state}")
    if row.day != local_today().isoformat():
        raise ProblemError(409, "appointment_not_today", f"appointment {number} is for {row.day}")
    ticket = issue_ticket(conn, row.service_id, terminal_id, appointment_number=number)
    conn.execute(update(t.appointments).where(t.appointments.c.id == row.id).values(state="checked_in", updated_at=utcnow()))
    return ticket


def _ticket_view(conn: Connection, ticket: Any) -> dict[str, Any]:
    service = get_service(conn, ticket.service_id)
    unit = conn.execute(select(t.appointment_units).where(t.appointment_units.c.id == ticket.unit_id)).one()
    ahead = int(conn.execute(select(func.count()).select_from(t.queue_tickets).where(and_(
        t.queue_tickets.c.unit_id == ticket.unit_id, t.queue_tickets.c.window_group == ticket.window_group,
        t.queue_tickets.c.day == ticket.day, t.queue_tickets.c.state == "waiting",
        t.queue_tickets.c.priority.is_(True), t.queue_tickets.c.seq < ticket.seq))).scalar_one())
    return {"ticket_number": ticket.ticket_number, "unit_name": unit.name, "service_name": service.name,
            "window_group": ticket.window_group, "window_name": service.window_name, "waiting": ahead,
            "priority": ticket.priority, "appointment_number": ticket.appointment_number,
            "issued_at": iso(ticket.created_at)}


def call_next(conn: Connection, unit_id: str, group: str) -> dict[str, Any] | None:
    """The window calls the next ticket: checked-in appointments first, then walk-ins, in order."""
    day = local_today().isoformat()
    ticket = conn.execute(select(t.queue_tickets).where(and_(
        t.queue_tickets.c.unit_id == unit_id, t.queue_tickets.c.window_group == group, t.queue_tickets.c.day == day,
        t.queue_tickets.c.state == "waiting")).order_by(t.queue_tickets.c.priority.desc(), t.queue_tickets.c.seq)
        .limit(1)).first()
    if ticket is None:
        return None
    conn.execute(update(t.queue_tickets).where(t.queue_tickets.c.id == ticket.id).values(state="called"))
    return {"ticket_number": ticket.ticket_number, "window_group": group, "priority": ticket.priority}


def queue_status(conn: Connection, unit_id: str) -> list[dict[str, Any]]:
    services = conn.execute(select(t.appointment_services).where(t.appointment_services.c.unit_id == unit_id)
                            .order_by(t.appointment_services.c.sort_order)).all()
    if not services:
        raise ProblemError(404, "not_found", f"no unit {unit_id}")
    day = local_today().isoformat()
    seen: dict[str, dict[str, Any]] = {}
    for s in services:
        if s.window_group not in seen:
            seen[s.window_group] = {"window_group": s.window_group, "window_name": s.window_name,
                                    "waiting": _waiting(conn, unit_id, s.window_group, day)}
    return list(seen.values())
