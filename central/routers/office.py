"""Back office (admin token, not terminal signatures): move cases, edit the catalogue, watch terminals."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select

from central import booking
from central import office as logic
from central.auth import admin_token
from central.context import Ctx
from central.db import schema as t
from central.errors import ProblemError
from central.maintenance import purge_all
from central.models.cases import CaseView
from central.models.common import problem_responses
from central.models.system import (
    FollowUpList,
    FollowUpView,
    ItemPatch,
    OfficeDecide,
    OfficeMail,
    OfficeNote,
    OfficeReturn,
    PurgeResult,
    TerminalStatus,
)
from central.timeutil import to_local

router = APIRouter(prefix="/office", tags=["office"], dependencies=[Depends(admin_token)],
                   responses=problem_responses(401, 404, 409, 422))


@router.get("/cases", summary="Latest cases, optionally in one state")
def list_cases(ctx: Ctx, state: Annotated[str | None, Query()] = None,
               limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
    with ctx.engine.connect() as conn:
        return {"cases": logic.list_cases(conn, state, limit)}


@router.get("/cases/{case_number}", response_model=CaseView, summary="One case (no verifier needed)")
def get_case(case_number: str, ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.connect() as conn:
        return logic.view(conn, case_number)


@router.post("/cases/{case_number}/advance", response_model=CaseView, summary="Next ordinary step")
def advance(case_number: str, body: OfficeNote, ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.begin() as conn:
        return logic.apply(conn, "advance", case_number, note=body.note)


@router.post("/cases/{case_number}/return", response_model=CaseView, summary="Return for correction (一次性告知)")
def return_case(case_number: str, body: OfficeReturn, ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.begin() as conn:
        return logic.apply(conn, "return", case_number, missing=body.missing, note=body.note)


@router.post("/cases/{case_number}/decide", response_model=CaseView, summary="Approve or refuse (with reason)")
def decide(case_number: str, body: OfficeDecide, ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.begin() as conn:
        return logic.apply(conn, "decide", case_number, approve=body.approve, reason=body.reason)


@router.post("/cases/{case_number}/mail", response_model=CaseView, summary="Mail the result with a tracking number")
def mail(case_number: str, body: OfficeMail, ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.begin() as conn:
        return logic.apply(conn, "mail", case_number, tracking_number=body.tracking_number, carrier=body.carrier,
                           note=body.note)


@router.patch("/catalogue/items/{code}", status_code=204, summary="Edit or delete a catalogue item")
def patch_item(code: str, body: ItemPatch, ctx: Ctx) -> None:
    with ctx.engine.begin() as conn:
        logic.patch_item(conn, code, body.model_dump())


@router.post("/queue/{unit_id}/{window_group}/call-next", summary="A window calls the next ticket (叫号)")
def call_next(unit_id: str, window_group: str, ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.begin() as conn:
        called = booking.call_next(conn, unit_id, window_group)
    if called is None:
        raise ProblemError(404, "not_found", f"nobody waiting at {unit_id} {window_group}")
    return called


@router.get("/follow-ups", response_model=FollowUpList, summary="Follow-ups opened by poor evaluations")
def follow_ups(ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.connect() as conn:
        return {"follow_ups": logic.follow_ups(conn)}


@router.post("/follow-ups/{follow_up_number}/advance", response_model=FollowUpView,
             summary="Record the callback (open -> called_back) or the fix (called_back -> fixed)")
def advance_follow_up(follow_up_number: str, ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.begin() as conn:
        return logic.advance_follow_up(conn, follow_up_number)


@router.get("/terminals", response_model=list[TerminalStatus], summary="Terminals and their last heartbeat")
def terminals(ctx: Ctx) -> list[dict[str, Any]]:
    with ctx.engine.connect() as conn:
        rows = conn.execute(select(t.terminals).order_by(t.terminals.c.id)).all()
    return [{"id": r.id, "site_name": r.site_name, "region_code": r.region_code,
             "last_heartbeat_at": to_local(r.last_heartbeat_at), "last_heartbeat": r.last_heartbeat} for r in rows]


@router.post("/purge", response_model=PurgeResult, summary="Drop idempotency keys older than 30 days and old nonces")
def purge(ctx: Ctx) -> dict[str, int]:
    return purge_all(ctx)
