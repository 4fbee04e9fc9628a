"""Terminal health: heartbeat (version, uptime, devices, paper, outbox depth, last errors) and events."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import func, select, update

from central.auth import SignedTerminal
from central.context import Ctx
from central.db import schema as t
from central.models.common import problem_responses
from central.models.system import (
    EventsAccepted,
    Heartbeat,
    HeartbeatAck,
    TerminalEvents,
)
from central.timeutil import as_utc, to_local, utcnow

router = APIRouter(prefix="/terminals", tags=["terminals"], responses=problem_responses(401, 422))


@router.post("/heartbeat", response_model=HeartbeatAck, summary="Report the terminal's health (every heartbeat_interval_s)")
def heartbeat(body: Heartbeat, terminal: SignedTerminal, ctx: Ctx) -> dict[str, Any]:
    now = utcnow()
    with ctx.engine.begin() as conn:
        conn.execute(update(t.terminals).where(t.terminals.c.id == terminal.id).values(
            last_heartbeat_at=now, last_heartbeat=body.model_dump(mode="json")))
        latest = conn.execute(select(func.max(t.items.c.updated_at))).scalar()
    return {"server_time": to_local(now), "catalogue_as_of": to_local(as_utc(latest) if latest else now)}


@router.post("/events", status_code=202, response_model=EventsAccepted, summary="Operational events (codes, no personal data)")
def events(body: TerminalEvents, terminal: SignedTerminal, ctx: Ctx) -> dict[str, Any]:
    now = utcnow()
    with ctx.engine.begin() as conn:
        conn.execute(t.terminal_events.insert(), [
            {"terminal_id": terminal.id, "time": e.time, "kind": e.kind, "code": e.code, "detail": e.detail,
             "received_at": now} for e in body.events])
    return {"accepted": len(body.events)}
