"""呼叫工作人员: the citizen asks for a person; the hall's staff see it on the back office."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Connection, update

from central.auth import Terminal, signed_terminal
from central.context import AppContext, get_ctx
from central.db import schema as t
from central.models.common import problem_responses
from central.models.services import StaffCall, StaffCallCreate
from central.routers._common import idempotent
from central.timeutil import CST, to_local, utcnow

router = APIRouter(prefix="/staff-calls", tags=["staff"], responses=problem_responses(401, 422))


@router.post("", status_code=201, response_model=StaffCall, summary="Call a member of staff to this terminal")
async def call_staff(body: StaffCallCreate, request: Request,
                     idempotency_key: str | None = Header(default=None, alias="Idempotency-Key"),
                     terminal: Terminal = Depends(signed_terminal), ctx: AppContext = Depends(get_ctx)) -> JSONResponse:
    def op(conn: Connection) -> tuple[int, dict[str, Any]]:
        now = utcnow()
        res = conn.execute(t.staff_calls.insert().values(terminal_id=terminal.id, reason=body.reason,
                                                         screen=body.screen, state="open", created_at=now))
        cid = int(res.inserted_primary_key[0])
        number = f"HJ{now.astimezone(CST):%Y%m%d}{cid:06d}"
        conn.execute(update(t.staff_calls).where(t.staff_calls.c.id == cid).values(call_number=number))
        return 201, {"call_number": number, "state": "open",
                     "message": f"已通知{terminal.site_name}工作人员，请稍候", "created_at": to_local(now).isoformat()}
    return await idempotent(request, ctx, terminal, idempotency_key, op, required=False)
