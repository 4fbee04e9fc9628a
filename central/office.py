"""Back-office operations shared by the admin endpoints and the `python -m central office` command."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select, update

from central import workflow
from central.cases import case_view, find_case
from central.db import schema as t
from central.errors import ProblemError
from central.sealing import Sealer
from central.timeutil import iso, utcnow


def list_cases(conn: Connection, state: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    query = select(t.cases).order_by(t.cases.c.id.desc()).limit(limit)
    if state:
        query = query.where(t.cases.c.state == state)
    return [{"case_number": r.case_number, "service_name": r.service_name, "state": r.state, "route": r.route,
             "office": r.offices["accept"], "updated_at": iso(r.updated_at)}
            for r in conn.execute(query)]


def view(conn: Connection, number: str) -> dict[str, Any]:
    row = find_case(conn, number)
    if row is None:
        raise ProblemError(404, "not_found", f"no case {number}")
    return case_view(conn, row)


def private_details(conn: Connection, sealer: Sealer, number: str) -> dict[str, Any]:
    """The applicant, form answers and postal address in clear, for the office that processes the case."""
    row = find_case(conn, number)
    if row is None:
        raise ProblemError(404, "not_found", f"no case {number}")
    aad = f"case:{row.id}"
    stored = row.applicant
    applicant = sealer.open(stored["sealed"], aad) if "sealed" in stored else stored
    form = sealer.open(row.form["sealed"], aad) if "sealed" in row.form else row.form
    address = row.delivery.get("address")
    if isinstance(address, dict):
        address = sealer.open(address, aad)
    return {"applicant": applicant, "form": form, "delivery_address": address}


def apply(conn: Connection, action: str, number: str, **kw: Any) -> dict[str, Any]:
    """advance | return | decide | mail, then the case as it is now."""
    if action == "advance":
        workflow.advance(conn, number, kw.get("note", ""))
    elif action == "return":
        workflow.return_for_correction(conn, number, kw["missing"], kw.get("note", ""))
    elif action == "decide":
        workflow.decide(conn, number, kw["approve"], kw.get("reason", ""))
    elif action == "mail":
        workflow.mail(conn, number, kw["tracking_number"], kw.get("carrier", "EMS"), kw.get("note", ""))
    else:
        raise ValueError(action)
    return view(conn, number)


def patch_item(conn: Connection, code: str, changes: dict[str, Any]) -> None:
    """Edit a catalogue item; bumping updated_at makes it show up in incremental syncs."""
    values = {k: v for k, v in changes.items() if v is not None}
    result = conn.execute(update(t.items).where(t.items.c.code == code).values(updated_at=utcnow(), **values))
    if result.rowcount != 1:
        raise ProblemError(404, "not_found", f"no catalogue item {code}")


def follow_ups(conn: Connection) -> list[dict[str, Any]]:
    query = select(t.follow_ups, t.evaluations).join(t.evaluations, t.evaluations.c.id == t.follow_ups.c.evaluation_id)
    out = []
    for r in conn.execute(query.order_by(t.follow_ups.c.id.desc())).mappings():
        out.append({"follow_up_number": r["follow_up_number"], "evaluation_number": r["evaluation_number"],
                    "level": r["level"], "tags": r["tags"], "case_number": r["case_number"],
                    "service_code": r["service_code"], "state": r["state"],
                    "callback_due": iso(r["callback_due"]), "fix_due": iso(r["fix_due"])})
    return out


FOLLOW_UP_NEXT = {"open": "called_back", "called_back": "fixed"}


def advance_follow_up(conn: Connection, number: str) -> dict[str, Any]:
    """差评整改: open -> called_back (回访) -> fixed (整改完成)."""
    row = conn.execute(select(t.follow_ups).where(t.follow_ups.c.follow_up_number == number)).first()
    if row is None:
        raise ProblemError(404, "not_found", f"no follow-up {number}")
    nxt = FOLLOW_UP_NEXT.get(row.state)
    if nxt is None:
        raise ProblemError(409, "invalid_transition", f"follow-up {number} is already {row.state}", state=row.state)
    conn.execute(update(t.follow_ups).where(t.follow_ups.c.id == row.id).values(state=nxt))
    return next(f for f in follow_ups(conn) if f["follow_up_number"] == number)
