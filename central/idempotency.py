"""Idempotent POSTs: a repeated Idempotency-Key returns the original result, exactly once.

Protocol (keys are scoped per terminal):
1. claim: insert (terminal, key, request hash, in_flight). If the row exists: a different request hash ->
   422 idempotency_conflict; still in flight -> 409 idempotency_in_flight (Retry-After); done -> replay the
   stored status and body. An in-flight claim older than the lease is taken over (its worker died).
2. the operation runs in ONE durable transaction together with storing its response, so a crash can never
   leave a committed case without its stored reply (or the reverse). The claim itself commits without
   waiting for the disk (db.engine.relaxed_transaction): the durable commit that follows flushes it too.
3. on any error the claim is released so that a retry recomputes (nothing was committed).
POST /cases/batch runs the same protocol per item (run_idempotent_batch): all claims in one relaxed
transaction, all claimed operations in ONE durable transaction with a SAVEPOINT per item (a failing item
rolls back alone and releases its key), so N submissions cost one fsync and one request.
Keys are kept `idempotency_ttl_days` (30) and purged by `purge_expired` (CLI `python -m central purge`
and hourly from the running service).
"""
from __future__ import annotations

import hashlib
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, delete, select, update

from central.context import AppContext
from central.db import schema as t
from central.db.engine import insert_ignore, relaxed_transaction
from central.errors import ProblemError
from central.timeutil import as_utc, utcnow

Operation = Callable[[Connection], tuple[int, dict[str, Any]]]

log = logging.getLogger("central.idempotency")

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


def _insert_claim(conn: Connection, terminal_id: str, key: str, fingerprint: str, now: datetime) -> bool:
    """INSERT the in-flight claim unless the key exists; True if this call made the claim."""
    # RETURNING, not rowcount: psycopg reports rowcount -1 for INSERT ... ON CONFLICT DO NOTHING.
    result = conn.execute(insert_ignore(conn, t.idempotency_keys).values(
        terminal_id=terminal_id, key=key, request_hash=fingerprint, state="in_flight", created_at=now, claimed_at=now)
        .returning(t.idempotency_keys.c.key))
    return result.first() is not None


def _claim_in(conn: Connection, ctx: AppContext, terminal_id: str, key: str, fingerprint: str,
              now: datetime) -> IdempotentResult | None:
    """Claim `key` inside the caller's transaction: None = ours to run; a result = replay; ProblemError otherwise."""
    if _insert_claim(conn, terminal_id, key, fingerprint, now):
        return None
    row = conn.execute(select(t.idempotency_keys).where(and_(
        t.idempotency_keys.c.terminal_id == terminal_id, t.idempotency_keys.c.key == key))).first()
    if row is None:  # released between our insert and select: try again once
        if _insert_claim(conn, terminal_id, key, fingerprint, now):
            return None
        raise ProblemError(409, "idempotency_in_flight", "another request with this key started; retry shortly",
                           retry_after_s=1)
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


def _claim(ctx: AppContext, terminal_id: str, key: str, fingerprint: str) -> IdempotentResult | None:
    with relaxed_transaction(ctx.engine) as conn:
        return _claim_in(conn, ctx, terminal_id, key, fingerprint, utcnow())


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


@dataclass(frozen=True)
class BatchEntry:
    """One item of a batch: its key and request fingerprint, and either the operation or why it was refused
    before running (a malformed item is answered without touching its key)."""

    key: str
    fingerprint: str
    op: Operation | None
    refused: ProblemError | None = None


@dataclass(frozen=True)
class BatchOutcome:
    result: IdempotentResult | None
    problem: ProblemError | None


def run_idempotent_batch(ctx: AppContext, terminal_id: str, entries: list[BatchEntry],
                         delay_s: float = 0.0) -> list[BatchOutcome]:
    """Run several idempotent operations with ONE durable commit; each item keeps the single-POST semantics.

    1. all claims in one relaxed transaction (a replay, conflict or in-flight key answers only that item);
    2. every claimed operation in one durable transaction, each inside a SAVEPOINT together with storing its
       reply: an item that fails is rolled back alone and its claim released, the others commit;
    3. nothing is answered before that commit (durable once acknowledged); if the commit itself fails, every
       claim of this batch is released and the whole request fails (nothing was acknowledged).
    """
    _maybe_purge(ctx)
    outcomes: list[BatchOutcome | None] = [None] * len(entries)
    claimed: list[int] = []
    now = utcnow()
    with relaxed_transaction(ctx.engine) as conn:
        for i, entry in enumerate(entries):
            if entry.op is None:
                outcomes[i] = BatchOutcome(None, entry.refused)
                continue
            try:  # no SAVEPOINT needed: a refusal is raised before any row was changed
                replay = _claim_in(conn, ctx, terminal_id, entry.key, entry.fingerprint, now)
            except ProblemError as exc:
                outcomes[i] = BatchOutcome(None, exc)
                continue
            if replay is not None:
                outcomes[i] = BatchOutcome(replay, None)
            else:
                claimed.append(i)
    if not claimed:
        return [o for o in outcomes if o is not None]
    failed: list[str] = []
    try:
        if delay_s > 0:
            time.sleep(delay_s)  # test hook only (CENTRAL_TEST_HOOKS=1): widens the in-flight window
        with ctx.engine.begin() as conn:
            for i in claimed:
                entry = entries[i]
                op = entry.op
                assert op is not None
                try:
                    with conn.begin_nested():
                        status, body = op(conn)
                        conn.execute(update(t.idempotency_keys).where(and_(
                            t.idempotency_keys.c.terminal_id == terminal_id,
                            t.idempotency_keys.c.key == entry.key)).values(
                            state="done", status_code=status, response=body))
                except ProblemError as exc:
                    outcomes[i] = BatchOutcome(None, exc)
                    failed.append(entry.key)
                    continue
                except Exception as exc:  # noqa: BLE001 - this item only; a broken transaction fails the commit
                    log.error("batch item failed: %s", type(exc).__name__)
                    outcomes[i] = BatchOutcome(None, ProblemError(500, "internal_error",
                                                                  "the central service failed on this item; retry later"))
                    failed.append(entry.key)
                    continue
                outcomes[i] = BatchOutcome(IdempotentResult(status, body, False), None)
    except BaseException:
        _release_many(ctx, terminal_id, [entries[i].key for i in claimed])
        raise
    if failed:
        _release_many(ctx, terminal_id, failed)
    return [o for o in outcomes if o is not None]


def _release_many(ctx: AppContext, terminal_id: str, keys: list[str]) -> None:
    with relaxed_transaction(ctx.engine) as conn:
        conn.execute(delete(t.idempotency_keys).where(and_(
            t.idempotency_keys.c.terminal_id == terminal_id, t.idempotency_keys.c.key.in_(keys),
            t.idempotency_keys.c.state == "in_flight")))


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
