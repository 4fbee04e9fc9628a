"""Case submission and look-up (the workflow itself is in workflow.py)."""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, or_, select, update

from central.auth import Terminal
from central.db import schema as t
from central.db.engine import inserted_id
from central.errors import ProblemError
from central.masking import mask_name, mask_phone
from central.models.cases import CaseCreate
from central.sealing import Sealer
from central.signing import keyed_hash
from central.timeutil import CST, add_working_days, iso, utcnow
from central.workflow import append_event, route_case


def citizen_key(pepper: str, id_number: str) -> str:
    return keyed_hash(pepper, id_number.strip().upper())


def _check_value(attr: dict[str, Any], value: Any) -> str | None:
    """Why `value` does not fit the attribute, or None."""
    datatype = attr["datatype"]
    keys = {v["key"] for v in attr.get("values", [])}
    if datatype in ("string", "text"):
        if not isinstance(value, str):
            return "must be text"
        if attr.get("pattern") and not re.fullmatch(attr["pattern"], value):
            return f"does not match the required format ({attr.get('hint') or attr['pattern']})"
        if len(value) > (2000 if datatype == "text" else 200):
            return "too long"
    elif datatype == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return "must be a number"
    elif datatype == "datetime":
        try:
            datetime.fromisoformat(str(value))
        except ValueError:
            return "must be an ISO-8601 date or date-time"
    elif datatype == "singlevaluelist" and value not in keys:
        return f"must be one of {sorted(keys)}"
    elif datatype == "multivaluelist" and (not isinstance(value, list) or not value or any(v not in keys for v in value)):
        return f"must be a non-empty list of {sorted(keys)}"
    return None


def validate_form(attributes: list[dict[str, Any]], form: dict[str, Any]) -> list[dict[str, str]]:
    errors: list[dict[str, str]] = []
    known = {a["code"] for a in attributes}
    for attr in attributes:
        value = form.get(attr["code"])
        if value is None or value == "" or value == []:
            if attr["required"]:
                errors.append({"field": f"form.{attr['code']}", "message": f"required: {attr['description']}"})
            continue
        why = _check_value(attr, value)
        if why:
            errors.append({"field": f"form.{attr['code']}", "message": f"{attr['description']}: {why}"})
    for code in sorted(set(form) - known):
        errors.append({"field": f"form.{code}", "message": "not a field of this service's form"})
    return errors


def private_record(sealer: Sealer | None, aad: str, applicant: dict[str, Any]) -> dict[str, Any]:
    """What the database keeps of a person: masked name and phone in clear, everything else sealed.
    Without a sealer only the masked part (the row is inserted first, then sealed under its own id)."""
    masked = {"name": mask_name(applicant["name"]), "phone": mask_phone(applicant["phone"])}
    if sealer is None:
        return {"masked": masked}
    return {"masked": masked, "sealed": sealer.seal(applicant, aad)}


def masked_applicant(stored: dict[str, Any]) -> dict[str, str]:
    if "masked" in stored:
        return dict(stored["masked"])
    return {"name": mask_name(stored["name"]), "phone": mask_phone(stored["phone"])}  # rows written before sealing


def create_case(conn: Connection, pepper: str, sealer: Sealer, terminal: Terminal,
                body: CaseCreate) -> tuple[int, dict[str, Any]]:
    item = conn.execute(select(t.items).where(t.items.c.code == body.service_code)).first()
    if item is None or item.deleted:
        raise ProblemError(422, "validation_failed", f"unknown service_code {body.service_code}",
                           errors=[{"field": "service_code", "message": "not in the catalogue"}])
    guide = item.guide or {}
    errors = validate_form(guide.get("form", {}).get("attributes", []), body.form)
    if body.delivery.method == "express" and not body.delivery.address:
        errors.append({"field": "delivery.address", "message": "express delivery needs a postal address"})
    if errors:
        raise ProblemError(422, "validation_failed", "the application does not fit the service's form", errors=errors)
    region_code = body.region_code or terminal.region_code
    routing = route_case(conn, region_code, list(item.levels), item.department)
    now = utcnow()
    promised_days = guide.get("time_limit", {}).get("promised_days")
    promised_by = add_working_days(now, promised_days) if promised_days else None
    token = secrets.token_urlsafe(12)
    applicant = body.applicant.model_dump()
    delivery: dict[str, Any] = {"method": body.delivery.method, "pickup_site": body.delivery.pickup_site,
                                "address": None}
    if delivery["method"] == "pickup" and not delivery.get("pickup_site"):
        delivery["pickup_site"] = routing.offices["handover"]
    result = conn.execute(t.cases.insert().values(
        service_code=item.code, service_name=item.name, citizen_key=citizen_key(pepper, body.applicant.id_number),
        applicant=private_record(None, "", applicant), phone_last4=body.applicant.phone[-4:],
        qr_token_hash=hashlib.sha256(token.encode()).hexdigest(), terminal_id=terminal.id,
        region_code=region_code, route=routing.route, offices=routing.offices, state="已提交",
        form={}, materials=[m.model_dump() for m in body.materials], missing_materials=[],
        delivery=delivery, local_reference=body.local_reference, promised_by=promised_by,
        created_at=now, updated_at=now))
    case_id = inserted_id(result)
    number = f"LY{now.astimezone(CST):%Y%m%d}{case_id:06d}"
    aad = f"case:{case_id}"  # sealed values are bound to their row
    if body.delivery.address:
        delivery["address"] = sealer.seal(body.delivery.address, aad)
    stored_applicant = private_record(sealer, aad, applicant)
    conn.execute(update(t.cases).where(t.cases.c.id == case_id).values(
        case_number=number, applicant=stored_applicant, form={"sealed": sealer.seal(body.form, aad)},
        delivery=delivery))
    office, note = f"自助终端 {terminal.id}（{terminal.site_name}）", "自助终端提交申请"
    append_event(conn, case_id, "已提交", office, note, first=True, at=now)
    # The answer is built from what was just written (the same shape case_view reads back; a test keeps
    # them equal): two SELECTs fewer per submission.
    view: dict[str, Any] = {
        "case_number": number, "service_code": item.code, "service_name": item.name,
        "applicant": masked_applicant(stored_applicant), "state": "已提交", "outcome": None, "outcome_reason": None,
        "route": routing.route, "offices": dict(routing.offices),
        "history": [{"state": "已提交", "time": iso(now), "office": office, "note": note}],
        "missing_materials": [],
        "delivery": {"method": delivery["method"], "pickup_site": delivery.get("pickup_site"),
                     "tracking_number": None, "carrier": None},
        "promised_by": iso(promised_by) if promised_by else None,
        "local_reference": body.local_reference,
        "created_at": iso(now), "updated_at": iso(now),
        "qr_token": token,
    }
    return 201, view


def case_view(conn: Connection, row: Any) -> dict[str, Any]:
    events = conn.execute(select(t.case_events).where(t.case_events.c.case_id == row.id)
                          .order_by(t.case_events.c.seq)).all()
    delivery = row.delivery
    return {
        "case_number": row.case_number, "service_code": row.service_code, "service_name": row.service_name,
        "applicant": masked_applicant(row.applicant),
        "state": row.state, "outcome": row.outcome, "outcome_reason": row.outcome_reason, "route": row.route,
        "offices": row.offices,
        "history": [{"state": e.state, "time": iso(e.time), "office": e.office, "note": e.note}
                    for e in events],
        "missing_materials": list(row.missing_materials),
        "delivery": {"method": delivery["method"], "pickup_site": delivery.get("pickup_site"),
                     "tracking_number": row.tracking_number, "carrier": row.carrier},
        "promised_by": iso(row.promised_by) if row.promised_by else None,
        "local_reference": row.local_reference,
        "created_at": iso(row.created_at), "updated_at": iso(row.updated_at),
    }


def find_case(conn: Connection, number: str) -> Any:
    """By case number or by the kiosk's local (offline receipt) reference.

    A local reference carries the terminal id and a random tag of the kiosk's outbox database, so a reinstalled
    terminal (numbering the day again from 0001) normally prints new references; references printed before the
    tag existed, a tag drawn twice or two kiosks configured with one id can still repeat one. Two cases with the
    same reference are never guessed between (that would show one citizen another's case): not found, look up
    by card instead."""
    rows = conn.execute(select(t.cases).where(or_(t.cases.c.case_number == number,
                                                  t.cases.c.local_reference == number))
                        .order_by(t.cases.c.id).limit(3)).all()
    by_number = [r for r in rows if r.case_number == number]
    if by_number:
        return by_number[0]
    return rows[0] if len(rows) == 1 else None


def verifier_ok(row: Any, terminal: Terminal, verifier: str | None) -> bool:
    """The submitting terminal may read its own case; others need the phone's last 4 digits or the QR token."""
    if verifier:
        verifier = verifier.strip()
        if re.fullmatch(r"[0-9]{4}", verifier):
            return hmac.compare_digest(verifier, row.phone_last4)
        return hmac.compare_digest(hashlib.sha256(verifier.encode()).hexdigest(), row.qr_token_hash)
    return bool(row.terminal_id == terminal.id)


def check_lookup(conn: Connection, row: Any, terminal: Terminal, verifier: str | None, max_failures: int,
                 window_s: int) -> bool:
    """Whether this terminal may read the case; a wrong verifier is counted, and after `max_failures` within
    the window every look-up of the case is refused with 429 (a 4-digit verifier is guessable)."""
    since = utcnow() - timedelta(seconds=window_s)
    failures = conn.execute(select(func.count()).select_from(t.lookup_failures).where(
        t.lookup_failures.c.case_id == row.id, t.lookup_failures.c.at > since)).scalar_one()
    if failures >= max_failures:
        raise ProblemError(429, "too_many_attempts", "too many wrong verifiers for this case; try again later",
                           retry_after_s=window_s)
    if verifier_ok(row, terminal, verifier):
        return True
    if verifier:
        conn.execute(t.lookup_failures.insert().values(case_id=row.id, terminal_id=terminal.id, at=utcnow()))
    return False


def search_cases(conn: Connection, key: str, limit: int, cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
    """The citizen's cases, newest first, `limit` at a time. The cursor is the case number of the previous page's
    last case (keyset paging: a page stays right while new cases arrive). An unknown cursor, or another
    citizen's case number, is refused like a malformed one, so it says nothing about whose case it is."""
    query = select(t.cases).where(t.cases.c.citizen_key == key)
    if cursor is not None:
        after = conn.execute(select(t.cases.c.id).where(t.cases.c.case_number == cursor,
                                                        t.cases.c.citizen_key == key)).scalar()
        if after is None:
            raise ProblemError(422, "validation_failed", "cursor is not a next_cursor of this search",
                               errors=[{"field": "cursor", "message": "use next_cursor from the previous page"}])
        query = query.where(t.cases.c.id < after)
    rows = conn.execute(query.order_by(t.cases.c.id.desc()).limit(limit + 1)).all()
    page = [{"case_number": r.case_number, "service_code": r.service_code, "service_name": r.service_name,
             "state": r.state, "outcome": r.outcome, "local_reference": r.local_reference,
             "created_at": iso(r.created_at), "updated_at": iso(r.updated_at)}
            for r in rows[:limit]]
    return page, (page[-1]["case_number"] if len(rows) > limit else None)
