"""Housekeeping: expired idempotency keys (30 days) and nonces (10 minutes)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete

from central.context import AppContext
from central.db import schema as t
from central.idempotency import purge_expired
from central.timeutil import utcnow


def purge_all(ctx: AppContext) -> dict[str, int]:
    keys = purge_expired(ctx)
    cutoff = utcnow() - timedelta(seconds=ctx.settings.nonce_ttl_s)
    with ctx.engine.begin() as conn:
        nonces = conn.execute(delete(t.nonces).where(t.nonces.c.seen_at < cutoff)).rowcount or 0
    return {"idempotency_keys": keys, "nonces": int(nonces)}
