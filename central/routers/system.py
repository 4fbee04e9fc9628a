"""Unsigned endpoints: server time (for clock-skew estimation) and health."""
from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import func, select

from central import __version__
from central.context import Ctx
from central.db import schema as t
from central.models.system import Health, ServerTime
from central.timeutil import to_local, utcnow

router = APIRouter(tags=["system"])


@router.get("/time", response_model=ServerTime, summary="Server time (unsigned)")
def server_time() -> dict[str, object]:
    now = utcnow()
    return {"server_time": to_local(now), "unix": int(now.timestamp())}


@router.get("/health", response_model=Health, summary="Liveness and database check (unsigned)")
def health(ctx: Ctx) -> dict[str, object]:
    try:
        with ctx.engine.connect() as conn:
            count = int(conn.execute(select(func.count()).select_from(t.items)).scalar_one())
        return {"status": "ok", "database": "ok", "version": __version__, "catalogue_items": count}
    except Exception:  # noqa: BLE001 - health must answer, whatever the database does
        return {"status": "degraded", "database": "error", "version": __version__, "catalogue_items": 0}
