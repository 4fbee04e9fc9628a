"""Helpers shared by routers: idempotent POST execution and JSON answers."""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any, Protocol, TypeVar

from fastapi import Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError

from central.auth import Terminal
from central.context import AppContext
from central.errors import ProblemError, clean_validation_errors, problem_body
from central.idempotency import (
    BatchEntry,
    Operation,
    request_fingerprint,
    run_idempotent,
    run_idempotent_batch,
    validate_key,
)

IDEMPOTENCY_DESCRIPTION = ("UUID chosen by the client when the submission is created and reused on every retry: "
                           "a repeat returns the original status and body (header Idempotent-Replayed: true), "
                           "409 idempotency_in_flight while the first is running, 422 idempotency_conflict if "
                           "the payload differs. Kept 30 days.")
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", description=IDEMPOTENCY_DESCRIPTION)]


M = TypeVar("M", bound=BaseModel)


class BatchItem(Protocol):
    idempotency_key: str
    case: dict[str, Any]


class Batch(Protocol):
    @property
    def items(self) -> list[Any]: ...


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


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


def _batch_entry(item: BatchItem, model: type[M], single_path: str, seen: set[str],
                 make_op: Callable[[M], Operation]) -> BatchEntry:
    """Validate one item as its single POST would be (key, then body); a refusal answers this item only."""
    raw_key = item.idempotency_key
    fingerprint = request_fingerprint("POST", single_path, canonical_json(item.case))
    try:
        key = validate_key(raw_key)
    except ProblemError as exc:
        return BatchEntry(raw_key, fingerprint, None, exc)
    if key in seen:
        return BatchEntry(key, fingerprint, None, ProblemError(
            422, "validation_failed", "this Idempotency-Key appears twice in the batch",
            errors=[{"field": "idempotency_key", "message": "repeated within the batch"}]))
    seen.add(key)
    try:
        body = model.model_validate(item.case)
    except ValidationError as exc:
        errors = clean_validation_errors(exc.errors())
        for e in errors:
            e["field"] = "case." + e["field"] if e["field"] else "case"
        fields = ", ".join(e["field"] for e in errors)
        return BatchEntry(key, fingerprint, None, ProblemError(422, "validation_failed", f"invalid or missing: {fields}",
                                                               errors=errors))
    return BatchEntry(key, fingerprint, make_op(body))


async def idempotent_batch(request: Request, ctx: AppContext, terminal: Terminal,
                           model: type[M], batch: Batch, make_op: Callable[[M], Operation]) -> JSONResponse:
    """Run a batch of idempotent creations (see central.idempotency.run_idempotent_batch); 200 with one
    result per item, in order. Each item's fingerprint is that of the same body POSTed alone (the path
    without /batch), so a key may move between the single and the batch endpoint across retries."""
    path = request.url.path.removesuffix("/batch")
    seen: set[str] = set()
    entries = [_batch_entry(item, model, path, seen, make_op) for item in batch.items]
    outcomes = await run_in_threadpool(run_idempotent_batch, ctx, terminal.id, entries, _delay(ctx, request))
    results: list[dict[str, Any]] = []
    for entry, outcome in zip(entries, outcomes, strict=True):
        if outcome.result is not None:
            results.append({"idempotency_key": entry.key, "status": outcome.result.status,
                            "replayed": outcome.result.replayed, "case": outcome.result.body, "problem": None})
        else:
            exc = outcome.problem
            assert exc is not None
            results.append({"idempotency_key": entry.key, "status": exc.status, "replayed": False, "case": None,
                            "problem": problem_body(exc.status, exc.code, exc.detail, **exc.extra)})
    return JSONResponse({"results": results}, status_code=200)
