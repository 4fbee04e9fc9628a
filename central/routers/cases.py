"""Cases: submit (idempotent), look up one with a verifier, list a citizen's cases by card."""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Connection

from central import cases as logic
from central.auth import SignedTerminal
from central.context import Ctx
from central.errors import ProblemError
from central.models.cases import (
    CaseBatch,
    CaseBatchResults,
    CaseCreate,
    CaseCreated,
    CaseList,
    CaseSearch,
    CaseView,
)
from central.models.common import problem_responses
from central.routers._common import IdempotencyKey, idempotent, idempotent_batch

VERIFIER_DOC = ("last 4 digits of the applicant's phone, or the QR token; not needed by the terminal that "
                "submitted the case")

router = APIRouter(prefix="/cases", tags=["cases"], responses=problem_responses(401))


@router.post("", status_code=201, response_model=CaseCreated, responses=problem_responses(400, 409, 422),
             summary="Submit a case (办件); Idempotency-Key required")
async def submit_case(body: CaseCreate, request: Request, terminal: SignedTerminal, ctx: Ctx,
                      idempotency_key: IdempotencyKey = None) -> JSONResponse:
    def op(conn: Connection) -> tuple[int, dict[str, Any]]:
        return logic.create_case(conn, ctx.settings.citizen_pepper, ctx.sealer, terminal, body)
    return await idempotent(request, ctx, terminal, idempotency_key, op)


@router.post("/batch", response_model=CaseBatchResults, responses=problem_responses(422),
             summary="Submit several cases in one request (the kiosk outbox); an Idempotency-Key per item")
async def submit_cases(batch: CaseBatch, request: Request, terminal: SignedTerminal, ctx: Ctx) -> JSONResponse:
    """Each item is answered as POST /cases would answer it (status, case or problem), in the order sent; a
    refused item does not stop the others. Everything created is committed durably before the answer. A
    key sent alone and then in a batch (or the reverse) is one submission: the repeat is a replay."""
    def make_op(body: CaseCreate) -> Callable[[Connection], tuple[int, dict[str, Any]]]:
        def op(conn: Connection) -> tuple[int, dict[str, Any]]:
            return logic.create_case(conn, ctx.settings.citizen_pepper, ctx.sealer, terminal, body)
        return op
    return await idempotent_batch(request, ctx, terminal, CaseCreate, batch, make_op)


@router.post("/search", response_model=CaseList, responses=problem_responses(422),
             summary="A citizen's cases, newest first, a page at a time, identified by the ID number read from the card")
def search_cases(body: CaseSearch, terminal: SignedTerminal, ctx: Ctx) -> dict[str, Any]:
    key = logic.citizen_key(ctx.settings.citizen_pepper, body.id_number)
    with ctx.engine.connect() as conn:
        cases, next_cursor = logic.search_cases(conn, key, body.limit, body.cursor)
    return {"cases": cases, "next_cursor": next_cursor}


@router.get("/{case_number}", response_model=CaseView, responses=problem_responses(404, 429),
            summary="One case with its state history; verifier = last 4 phone digits or the QR token")
def get_case(case_number: str, terminal: SignedTerminal, ctx: Ctx,
             verifier: Annotated[str | None, Query(max_length=64, description=VERIFIER_DOC)] = None) -> dict[str, Any]:
    settings = ctx.settings
    with ctx.engine.begin() as conn:
        row = logic.find_case(conn, case_number)
        allowed = row is not None and logic.check_lookup(conn, row, terminal, verifier, settings.verifier_max_failures,
                                                         settings.verifier_window_s)
        view = logic.case_view(conn, row) if allowed else None
    if view is None:  # the failed attempt is committed; same answer for unknown case and wrong verifier
        raise ProblemError(404, "not_found", "no case with this number and verifier")
    return view
