"""The intermediary-service supermarket (中介服务超市): providers, published fees and time limits, ratings."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Connection, select, update

from central.auth import SignedTerminal
from central.context import Ctx
from central.db import schema as t
from central.errors import ProblemError
from central.models.common import problem_responses
from central.models.services import Intermediary, IntermediaryList, Rating, RatingCreate
from central.routers._common import IdempotencyKey, idempotent
from central.timeutil import utcnow

router = APIRouter(prefix="/intermediaries", tags=["intermediaries"], responses=problem_responses(401))


def _rating(row: Any) -> float | None:
    return round(row.rating_sum / row.rating_count, 2) if row.rating_count else None


def _summary(row: Any) -> dict[str, Any]:
    d = row.detail
    return {"id": row.id, "name": row.name, "category": row.category, "rating": _rating(row),
            "rating_count": row.rating_count, "fee_summary": d["fee_summary"], "time_limit_days": d["time_limit_days"]}


@router.get("", response_model=IntermediaryList, summary="Providers, optionally of one category (测绘, 评估 ...)")
def list_providers(terminal: SignedTerminal, ctx: Ctx,
                   category: Annotated[str | None, Query()] = None) -> dict[str, Any]:
    with ctx.engine.connect() as conn:
        rows = conn.execute(select(t.intermediaries).order_by(t.intermediaries.c.sort_order)).all()
    categories = list(dict.fromkeys(r.category for r in rows))
    return {"categories": categories, "providers": [_summary(r) for r in rows if category in (None, r.category)]}


@router.get("/{provider_id}", response_model=Intermediary, responses=problem_responses(404),
            summary="A provider with qualification, contact, services, fees, time limits")
def get_provider(provider_id: str, terminal: SignedTerminal, ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.connect() as conn:
        row = conn.execute(select(t.intermediaries).where(t.intermediaries.c.id == provider_id)).first()
    if row is None:
        raise ProblemError(404, "not_found", f"no intermediary {provider_id}")
    d = row.detail
    return {**_summary(row), "qualification": d["qualification"], "address": d["address"], "phone": d["phone"],
            "services": d["services"]}


@router.post("/{provider_id}/ratings", status_code=201, response_model=Rating, responses=problem_responses(400, 404, 409, 422),
             summary="Rate a provider 1-5 (Idempotency-Key required)")
async def rate(provider_id: str, body: RatingCreate, request: Request, terminal: SignedTerminal, ctx: Ctx,
               idempotency_key: IdempotencyKey = None) -> JSONResponse:
    def op(conn: Connection) -> tuple[int, dict[str, Any]]:
        row = conn.execute(select(t.intermediaries).where(t.intermediaries.c.id == provider_id)).first()
        if row is None:
            raise ProblemError(404, "not_found", f"no intermediary {provider_id}")
        conn.execute(t.intermediary_ratings.insert().values(intermediary_id=provider_id, score=body.score,
                                                            comment=body.comment, terminal_id=terminal.id,
                                                            created_at=utcnow()))
        conn.execute(update(t.intermediaries).where(t.intermediaries.c.id == provider_id).values(
            rating_sum=t.intermediaries.c.rating_sum + body.score, rating_count=t.intermediaries.c.rating_count + 1))
        row = conn.execute(select(t.intermediaries).where(t.intermediaries.c.id == provider_id)).one()
        return 201, {"intermediary_id": provider_id, "score": body.score, "rating": _rating(row),
                     "rating_count": row.rating_count}
    return await idempotent(request, ctx, terminal, idempotency_key, op)
