"""帮代办 help requests, including 上门代办 (at home) for people with limited mobility."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Connection, select, update

from central.auth import SignedTerminal
from central.cases import private_record
from central.context import Ctx
from central.db import schema as t
from central.db.engine import inserted_id
from central.errors import ProblemError
from central.models.common import problem_responses
from central.models.services import HelpRequest, HelpRequestCreate
from central.routers._common import IdempotencyKey, idempotent
from central.timeutil import CST, iso, utcnow
from central.workflow import township_office

router = APIRouter(prefix="/help-requests", tags=["help"], responses=problem_responses(401))
HELP_CENTRE = "浏阳市政务服务中心帮代办服务专区"


def _view(row: Any) -> dict[str, Any]:
    return {"request_number": row.request_number, "kind": row.kind, "service_code": row.service_code,
            "state": row.state, "assigned_office": row.note or HELP_CENTRE,
            "contact_within_hours": 24 if row.kind == "上门代办" else 4,
            "created_at": iso(row.created_at)}


@router.post("", status_code=201, response_model=HelpRequest, responses=problem_responses(400, 409, 422),
             summary="Ask for 帮办/代办/上门代办 (Idempotency-Key required); staff call back")
async def create(body: HelpRequestCreate, request: Request, terminal: SignedTerminal, ctx: Ctx,
                 idempotency_key: IdempotencyKey = None) -> JSONResponse:
    if body.kind == "上门代办" and not body.address:
        raise ProblemError(422, "validation_failed", "上门代办 needs the address where staff should come",
                           errors=[{"field": "address", "message": "required for 上门代办"}])

    def op(conn: Connection) -> tuple[int, dict[str, Any]]:
        region = body.region_code or terminal.region_code
        office = township_office(conn, region[:9]) + "帮代办员" if len(region) >= 9 else HELP_CENTRE
        person = {**body.applicant.model_dump(), "address": body.address, "preferred_time": body.preferred_time,
                  "reason": body.reason, "note": body.note}
        now = utcnow()
        result = conn.execute(t.help_requests.insert().values(
            kind=body.kind, service_code=body.service_code,
            applicant=private_record(None, "", person),
            phone_last4=body.applicant.phone[-4:], region_code=region, state="已登记", note=office,
            terminal_id=terminal.id, created_at=now))
        rid = inserted_id(result)
        number = f"BD{now.astimezone(CST):%Y%m%d}{rid:06d}"
        conn.execute(update(t.help_requests).where(t.help_requests.c.id == rid).values(
            request_number=number, applicant=private_record(ctx.sealer, f"help:{rid}", person)))
        return 201, _view(conn.execute(select(t.help_requests).where(t.help_requests.c.id == rid)).one())
    return await idempotent(request, ctx, terminal, idempotency_key, op)


@router.get("/{request_number}", response_model=HelpRequest, responses=problem_responses(404),
            summary="A help request; verifier = last 4 phone digits (not needed by the submitting terminal)")
def get(request_number: str, terminal: SignedTerminal, ctx: Ctx,
        verifier: Annotated[str | None, Query(max_length=4)] = None) -> dict[str, Any]:
    with ctx.engine.connect() as conn:
        row = conn.execute(select(t.help_requests).where(t.help_requests.c.request_number == request_number)).first()
    if row is None or not (row.phone_last4 == verifier or (verifier is None and row.terminal_id == terminal.id)):
        raise ProblemError(404, "not_found", "no help request with this number and verifier")
    return _view(row)
