"""Idempotent POSTs: a repeated Idempotency-Key returns the original result, exactly once.

Protocol (keys are scoped per terminal):
1. claim: insert (terminal, key, request hash, in_flight). If the row exists: a different request hash ->
   422 idempotency_conflict; still in flight -> 409 idempotency_in_flight (Retry-After); done -> replay the
   stored status and body. An in-flight claim older than the lease is taken over (its worker died).
2. the operation runs in ONE durable transaction together with storing its response, so a crash can never
   leave a committed case without its stored reply (or the reverse). The claim itself commits without
   waiting for the disk (db.engine.relaxed_transaction): the durable commit that follows flushes it too.
3. on any error the claim is released so that a retry recomputes (nothing was committed).
Keys are kept `idempotency_ttl_days` (30) and purged by `purge_expired` (CLI `python -m central purge`
and hourly from the running service).
"""
from __future__ import annotations

import hashlib
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, and_, delete, select, update
from sqlalchemy.exc import IntegrityError

from central.context import AppContext
from central.db import schema as t
from central.db.engine import relaxed_transaction
from central.errors import ProblemError
from central.timeutil import as_utc, utcnow

Operation = Callable[[Connection], tuple[int, dict[str, Any]]]

_purge_lock = threading.Lock()
_last_purge = 0.0


@dataclass(frozen=True)
class IdempotentResult:
    status: int
    body: dict[str, Any]
    replayed: bool


def validate_key(key: str | None) -> str:
    if not key:
        raise ProblemError(400, "idempotency_key_required", "send an Idempotency-Key header (a UUID) with this POST")
    try:
        parsed = uuid.UUID(key.strip())
    except ValueError:
        raise ProblemError(400, "idempotency_key_required", "Idempotency-Key must be a UUID") from None
    return str(parsed)


def request_fingerprint(method: str, path: str, body: bytes) -> str:
    return hashlib.sha256(method.upper().encode() + b"\n" + path.encode() + b"\n" + body).hexdigest()


def _claim(ctx: AppContext, terminal_id: str, key: str, fingerprint: str) -> IdempotentResult | None:
    now = utcnow()
    try:
        with relaxed_transaction(ctx.engine) as conn:
            conn.execute(t.idempotency_keys.insert().values(
                terminal_id=terminal_id, key=key, request_hash=fingerprint, state="in_flight",
                created_at=now, claimed_at=now))
        return None
    except IntegrityError:
        pass
    with relaxed_transaction(ctx.engine) as conn:
        row = conn.execute(select(t.idempotency_keys).where(and_(
            t.idempotency_keys.c.terminal_id == terminal_id, t.idempotency_keys.c.key == key))).first()
        if row is None:  # released between our insert and select: try again once
            conn.execute(t.idempotency_keys.insert().values(
                terminal_id=terminal_id, key=key, request_hash=fingerprint, state="in_flight",
                created_at=now, claimed_at=now))
            return None
        if row.request_hash != fingerprint:
            raise ProblemError(422, "idempotency_conflict",
                               "this Idempotency-Key was used for a different request; use a new key per submission")
        if row.state == "done":
            return IdempotentResult(int(row.status_code), dict(row.response), True)
        lease = timedelta(seconds=ctx.settings.idempotency_lease_s)
        if as_utc(row.claimed_at) > now - lease:
            raise ProblemError(409, "idempotency_in_flight",
                               "the first request with this key is still being processed; retry shortly", retry_after_s=1)
        taken = conn.execute(update(t.idempotency_keys).where(and_(
            t.idempotency_keys.c.terminal_id == terminal_id, t.idempotency_keys.c.key == key,
            t.idempotency_keys.c.claimed_at == row.claimed_at)).values(claimed_at=now))
        if taken.rowcount != 1:
            raise ProblemError(409, "idempotency_in_flight", "another worker took over this request; retry shortly",
                               retry_after_s=1)
        return None


def _release(ctx: AppContext, terminal_id: str, key: str) -> None:
    with relaxed_transaction(ctx.engine) as conn:
        conn.execute(delete(t.idempotency_keys).where(and_(
            t.idempotency_keys.c.terminal_id == terminal_id, t.idempotency_keys.c.key == key,
            t.idempotency_keys.c.state == "in_flight")))


def run_idempotent(ctx: AppContext, terminal_id: str, key: str, fingerprint: str, op: Operation,
                   delay_s: float = 0.0) -> IdempotentResult:
    """Run `op` at most once per (terminal, key); see the module docstring."""
    _maybe_purge(ctx)
    replay = _claim(ctx, terminal_id, key, fingerprint)
    if replay is not None:
        return replay
    try:
        if delay_s > 0:
            time.sleep(delay_s)  # test hook only (CENTRAL_TEST_HOOKS=1): widens the in-flight window
        with ctx.engine.begin() as conn:
            status, body = op(conn)
            conn.execute(update(t.idempotency_keys).where(and_(
                t.idempotency_keys.c.terminal_id == terminal_id, t.idempotency_keys.c.key == key)).values(
                state="done", status_code=status, response=body))
    except BaseException:
        _release(ctx, terminal_id, key)
        raise
    return IdempotentResult(status, body, False)


def purge_expired(ctx: AppContext) -> int:
    """Delete keys older than the retention period; returns how many."""
    cutoff = utcnow() - timedelta(days=ctx.settings.idempotency_ttl_days)
    with ctx.engine.begin() as conn:
        result = conn.execute(delete(t.idempotency_keys).where(t.idempotency_keys.c.created_at < cutoff))
    return int(result.rowcount or 0)


def _maybe_purge(ctx: AppContext) -> None:
    global _last_purge
    now_mono = time.monotonic()
    with _purge_lock:
        if _last_purge and now_mono - _last_purge < 3600:
            return
        _last_purge = now_mono
    purge_expired(ctx)
