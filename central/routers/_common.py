"""Helpers shared by routers: idempotent POST execution and JSON answers."""
from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from central.auth import Terminal
from central.context import AppContext
from central.idempotency import (
    Operation,
    request_fingerprint,
    run_idempotent,
    validate_key,
)

IDEMPOTENCY_DESCRIPTION = ("UUID chosen by the client when the submission is created and reused on every retry: "
                           "a repeat returns the original status and body (header Idempotent-Replayed: true), "
                           "409 idempotency_in_flight while the first is running, 422 idempotency_conflict if "
                           "the payload differs. Kept 30 days.")
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", description=IDEMPOTENCY_DESCRIPTION)]


async def canonical_body(request: Request) -> bytes:
    """The parsed JSON re-serialised canonically: whitespace and key order do not make a payload 'different'."""
    raw = await request.body()
    try:
        return json.dumps(json.loads(raw or b"null"), sort_keys=True, ensure_ascii=False,
                          separators=(",", ":")).encode()
    except ValueError:
        return raw


def _delay(ctx: AppContext, request: Request) -> float:
    if not ctx.settings.test_hooks:
        return 0.0
    try:
        return min(30.0, max(0.0, int(request.headers.get("x-test-delay-ms", "0")) / 1000))
    except ValueError:
        return 0.0


async def idempotent(request: Request, ctx: AppContext, terminal: Terminal, key: str | None, op: Operation,
                     *, required: bool = True) -> JSONResponse:
    """Run `op(conn) -> (status, body)` once per Idempotency-Key (or plainly when the key is optional and absent)."""
    if not key and not required:
        def plain() -> tuple[int, dict[str, Any]]:
            with ctx.engine.begin() as conn:
                return op(conn)
        status, body = await run_in_threadpool(plain)
        return JSONResponse(body, status_code=status)
    key = validate_key(key)
    fingerprint = request_fingerprint(request.method, request.url.path, await canonical_body(request))
    result = await run_in_threadpool(run_idempotent, ctx, terminal.id, key, fingerprint, op, _delay(ctx, request))
    return JSONResponse(result.body, status_code=result.status,
                        headers={"Idempotent-Replayed": "true" if result.replayed else "false"})
