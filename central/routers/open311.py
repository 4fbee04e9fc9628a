"""Open311 GeoReport v2 adapter (read side) at /open311/v2, in Open311's own URL shape (`.json`):
the catalogue as `services`, a guide's form as a service definition, a case as a `request`.

It is a separate API for Open311 tooling, so it is not part of the kiosk contract (docs/api/openapi.json)
and does not use terminal signing: services are public catalogue data, and a request needs its verifier
(last 4 phone digits or the QR token) with the same guessing lock as /cases. Open311's status is only
open/closed; the full state history stays on /api/v1/cases."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import select

from central import cases as case_logic
from central.auth import Terminal
from central.context import Ctx
from central.db import schema as t
from central.errors import ProblemError
from central.models.open311 import Open311Definition, Open311Request, Open311Service

router = APIRouter(prefix="/open311/v2", tags=["open311"], include_in_schema=False)
OPEN311_CLIENT = Terminal(id="open311", site_name="Open311", site_type="adapter", region_code="430181")
CLOSED_STATES = ("已办结", "待领取", "已寄出", "已送达")


@router.get("/services.json", response_model=list[Open311Service], summary="Open311 GET services")
def services(ctx: Ctx) -> list[dict[str, Any]]:
    with ctx.engine.connect() as conn:
        rows = conn.execute(select(t.items.c.code, t.items.c.name, t.items.c.kind, t.items.c.department,
                                   t.items.c.aliases, t.items.c.has_guide).where(t.items.c.deleted.is_(False))
                            .order_by(t.items.c.sort_order)).all()
    return [{"service_code": r.code, "service_name": r.name, "description": f"{r.kind}（{r.department}）",
             "metadata": bool(r.has_guide), "type": "batch", "keywords": ",".join(r.aliases), "group": r.department}
            for r in rows]


@router.get("/services/{service_code}.json", response_model=Open311Definition, summary="Open311 service definition")
def definition(service_code: str, ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.connect() as conn:
        row = conn.execute(select(t.items.c.guide).where(t.items.c.code == service_code)).first()
    if row is None or not row.guide:
        raise ProblemError(404, "not_found", f"no service definition for {service_code}")
    attrs = []
    for a in row.guide["form"]["attributes"]:
        attrs.append({"variable": a["variable"], "code": a["code"], "datatype": a["datatype"], "required": a["required"],
                      "datatype_description": a.get("hint") or a.get("pattern"), "order": a["order"],
                      "description": a["description"], "values": a["values"] or None})
    return {"service_code": service_code, "attributes": attrs}


@router.get("/requests/{service_request_id}.json", response_model=Open311Request, summary="Open311 GET service request")
def request(service_request_id: str, ctx: Ctx, verifier: Annotated[str, Query(max_length=64)]) -> dict[str, Any]:
    settings = ctx.settings
    with ctx.engine.begin() as conn:
        row = case_logic.find_case(conn, service_request_id)
        allowed = row is not None and case_logic.check_lookup(conn, row, OPEN311_CLIENT, verifier,
                                                              settings.verifier_max_failures, settings.verifier_window_s)
        view = case_logic.case_view(conn, row) if allowed else None
    if view is None:
        raise ProblemError(404, "not_found", "no request with this id and verifier")
    last = view["history"][-1]
    return {"service_request_id": view["case_number"], "status": "closed" if view["state"] in CLOSED_STATES else "open",
            "status_notes": f"{view['state']}：{last['note']}", "service_name": view["service_name"],
            "service_code": view["service_code"], "agency_responsible": last["office"],
            "requested_datetime": view["created_at"], "updated_datetime": view["updated_at"],
            "expected_datetime": view["promised_by"]}
