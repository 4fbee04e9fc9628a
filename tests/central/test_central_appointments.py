"""Appointments: days and slots with capacity, no overbooking (also under concurrency), cancel, look-up;
queue tickets and check-in."""
from __future__ import annotations

import threading
from typing import Any

import pytest
import requests
from central_testkit import Api, CentralServer, api_fixture, central_fixture, new_key  # noqa: F401 - pytest fixtures
from sqlalchemy import event, select

from central import booking
from central.db import schema as t
from central.db.engine import make_engine
from central.timeutil import local_today  # the service's day (Asia/Shanghai), not this machine's

SERVICE = "S-DWS-ZH"  # 大围山镇便民服务中心 综合受理: 2 per slot, weekdays


def applicant(n: int) -> dict[str, str]:
    return {"name": f"测试{n}", "id_number": f"4301811990{n:04d}0011"[:17] + "1", "phone": f"1390000{n:04d}"}


def free_slot(api: Api, service: str = SERVICE, skip_today: bool = True) -> tuple[str, str, int]:
    days = api.get(f"/appointments/services/{service}/days").json()["days"]
    assert len(days) == 365
    for d in days:
        if not d["open"] or (skip_today and d["date"] == local_today().isoformat()):
            continue
        for s in api.get(f"/appointments/services/{service}/slots?date={d['date']}").json()["slots"]:
            if s["remaining"] == s["capacity"]:
                return d["date"], s["start"], int(s["capacity"])
    raise AssertionError("no free slot in 365 days")


def book(api: Api, day: str, start: str, n: int, service: str = SERVICE) -> Any:
    return api.post("/appointments", {"service_id": service, "date": day, "start": start, "applicant": applicant(n)},
                    key=new_key())


def test_units_list_services(api: Api) -> None:
    units = api.get("/appointments/units").json()["units"]
    assert len(units) >= 3 and any(u["hall"] for u in units)
    assert all(u["services"] for u in units)


def test_capacity_cannot_be_overbooked(api: Api) -> None:
    day, start, capacity = free_slot(api)
    for n in range(capacity):
        r = book(api, day, start, n + 1)
        assert r.status_code == 201, r.text
    full = book(api, day, start, 99)
    assert full.status_code == 409 and full.json()["code"] == "slot_full"
    slot = next(s for s in api.get(f"/appointments/services/{SERVICE}/slots?date={day}").json()["slots"]
                if s["start"] == start)
    assert slot["remaining"] == 0


def test_concurrent_bookings_never_exceed_capacity(central: CentralServer, api: Api) -> None:
    day, start, capacity = free_slot(api)
    statuses: list[int] = []
    lock = threading.Lock()

    def attempt(n: int) -> None:
        r = book(Api(central), day, start, 200 + n)
        with lock:
            statuses.append(r.status_code)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    assert statuses.count(201) == capacity and statuses.count(409) == 8 - capacity
    booked = central.query("SELECT COUNT(*) FROM appointments WHERE day = ? AND start = ? AND service_id = ? "
                           "AND state = 'booked'", day, start, SERVICE)[0][0]
    assert booked == capacity


def test_cancel_frees_the_slot_and_lookup_by_card(api: Api) -> None:
    day, start, capacity = free_slot(api)
    created = book(api, day, start, 31).json()
    number = created["appointment_number"]
    assert created["applicant"]["phone"] == "139****0031"
    mine = api.post("/appointments/search", {"id_number": applicant(31)["id_number"]}).json()["appointments"]
    assert number in [a["appointment_number"] for a in mine]
    assert api.post(f"/appointments/{number}/cancel", {"verifier": "9999"}).status_code == 404
    r = api.post(f"/appointments/{number}/cancel", {"verifier": "0031"})
    assert r.status_code == 200 and r.json()["state"] == "cancelled"
    again = api.post(f"/appointments/{number}/cancel", {"verifier": "0031"})
    assert again.status_code == 409
    slot = next(s for s in api.get(f"/appointments/services/{SERVICE}/slots?date={day}").json()["slots"]
                if s["start"] == start)
    assert slot["remaining"] == capacity


def test_lookup_by_card_lists_each_appointment_with_its_names_in_one_query(api: Api, central: CentralServer) -> None:
    """The look-up joins the service's and unit's names in (it fetched both per appointment): every entry is what
    the booking answered, newest day first, from one statement however many appointments there are."""
    other = next(s["id"] for u in api.get("/appointments/units").json()["units"] for s in u["services"]
                 if SERVICE not in [s["id"] for s in u["services"]])
    booked = [book(api, *free_slot(api, service)[:2], 42, service=service).json() for service in (SERVICE, other)]
    assert len({b["unit_name"] for b in booked}) == 2
    mine = api.post("/appointments/search", {"id_number": applicant(42)["id_number"]}).json()["appointments"]
    assert sorted(mine, key=lambda a: a["appointment_number"]) == sorted(booked, key=lambda a: a["appointment_number"])
    assert [a["date"] for a in mine] == sorted((a["date"] for a in mine), reverse=True)

    engine = make_engine(central.db_url)
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    try:
        with engine.connect() as conn:
            key = conn.execute(select(t.appointments.c.citizen_key).where(
                t.appointments.c.appointment_number == booked[0]["appointment_number"])).scalar_one()
            statements.clear()
            assert [a["appointment_number"] for a in booking.search(conn, key)] == [a["appointment_number"] for a in mine]
    finally:
        engine.dispose()
    assert len(statements) == 1


def test_cancel_retried_with_its_key_gets_its_own_answer_again(api: Api) -> None:
    """The kiosk's first cancel went through but its answer was lost: the retry with the same Idempotency-Key
    is answered 200 'cancelled' (replayed), not 409 for its own success; a different key is a new request."""
    day, start, _ = free_slot(api)
    number = book(api, day, start, 32).json()["appointment_number"]
    key = new_key()
    first = api.post(f"/appointments/{number}/cancel", {"verifier": "0032"}, key=key)
    retry = api.post(f"/appointments/{number}/cancel", {"verifier": "0032"}, key=key)
    assert first.status_code == retry.status_code == 200
    assert retry.json() == first.json() and retry.json()["state"] == "cancelled"
    assert first.headers["Idempotent-Replayed"] == "false" and retry.headers["Idempotent-Replayed"] == "true"
    assert api.post(f"/appointments/{number}/cancel", {"verifier": "0032"}, key=new_key()).status_code == 409


def test_booking_outside_the_offer_is_refused(api: Api) -> None:
    days = api.get(f"/appointments/services/{SERVICE}/days").json()["days"]
    closed = next(d["date"] for d in days if not d["open"])
    r = api.post("/appointments", {"service_id": SERVICE, "date": closed, "start": "09:00", "applicant": applicant(5)},
                 key=new_key())
    assert r.status_code == 422 and r.json()["code"] == "slot_unavailable"
    r = api.post("/appointments", {"service_id": SERVICE, "date": "2000-01-01", "start": "09:00",
                                   "applicant": applicant(5)}, key=new_key())
    assert r.status_code == 422
    assert api.get("/appointments/services/NOPE/days").status_code == 404


def test_queue_ticket_counts_waiting(api: Api) -> None:
    first = api.post("/queue/tickets", {"service_id": "S-SMZJ-GJJ"})
    second = api.post("/queue/tickets", {"service_id": "S-SMZJ-GJJ"})
    assert first.status_code == 201 and second.status_code == 201
    a, b = first.json(), second.json()
    assert a["ticket_number"].startswith("E") and b["waiting"] == a["waiting"] + 1
    status = api.get("/queue/units/U-SMZJ").json()["groups"]
    assert next(g for g in status if g["window_group"] == "E")["waiting"] >= 2
    not_hall = api.post("/queue/tickets", {"service_id": "S-DWS-ZH"})
    assert not_hall.status_code == 422


def test_window_calls_tickets_in_order(api: Api, central: CentralServer) -> None:
    issued = [api.post("/queue/tickets", {"service_id": "S-JLJD-MZ"}).json()["ticket_number"] for _ in range(2)]
    url = f"{central.url}/api/v1/office/queue/U-JLJD/A/call-next"
    called = []
    while True:
        r = requests.post(url, headers=central.admin(), timeout=10)
        if r.status_code == 404:
            break
        called.append(r.json()["ticket_number"])
    assert called[-2:] == issued
    assert next(g for g in api.get("/queue/units/U-JLJD").json()["groups"] if g["window_group"] == "A")["waiting"] == 0


def test_check_in_today_gives_a_priority_ticket(api: Api) -> None:
    service = "S-SMZJ-BDB"  # every day, 60-minute slots
    today = local_today().isoformat()
    slots = [s for s in api.get(f"/appointments/services/{service}/slots?date={today}").json()["slots"] if s["remaining"]]
    if not slots:
        pytest.skip("no slot left today (late in the day): check-in needs a same-day appointment")
    created = book(api, today, slots[0]["start"], 41, service=service).json()
    ticket = api.post(f"/appointments/{created['appointment_number']}/check-in", {"verifier": "0041"})
    assert ticket.status_code == 200, ticket.text
    assert ticket.json()["priority"] is True and ticket.json()["ticket_number"].startswith("YF")
    again = api.post(f"/appointments/{created['appointment_number']}/check-in", {"verifier": "0041"})
    assert again.status_code == 200 and again.json()["ticket_number"] == ticket.json()["ticket_number"]
