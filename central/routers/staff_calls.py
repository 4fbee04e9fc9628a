"""呼叫工作人员: the citizen asks for a person; the hall's staff see it on the back office."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Connection, update

from central.auth import SignedTerminal
from central.context import Ctx
from central.db import schema as t
from central.db.engine import inserted_id
from central.models.common import problem_responses
from central.models.services import StaffCall, StaffCallCreate
from central.routers._common import IdempotencyKey, idempotent
from central.timeutil import CST, iso, utcnow

router = APIRouter(prefix="/staff-calls", tags=["staff"], responses=problem_responses(400, 401, 422))


@router.post("", status_code=201, response_model=StaffCall, summary="Call a member of staff to this terminal")
async def call_staff(body: StaffCallCreate, request: Request, terminal: SignedTerminal, ctx: Ctx,
                     idempotency_key: IdempotencyKey = None) -> JSONResponse:
    def op(conn: Connection) -> tuple[int, dict[str, Any]]:
        now = utcnow()
        res = conn.execute(t.staff_calls.insert().values(terminal_id=terminal.id, reason=body.reason,
                                                         screen=body.screen, state="open", created_at=now))
        cid = inserted_id(res)
        number = f"HJ{now.astimezone(CST):%Y%m%d}{cid:06d}"
        conn.execute(update(t.staff_calls).where(t.staff_calls.c.id == cid).values(call_number=number))
        return 201, {"call_number": number, "state": "open",
                     "message": f"已通知{terminal.site_name}工作人员，请稍候", "created_at": iso(now)}
    return await idempotent(request, ctx, terminal, idempotency_key, op, required=False)
