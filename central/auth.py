"""Terminal authentication (signed requests) and the back-office admin token, as FastAPI dependencies.

Order of checks: headers present and well-formed -> terminal known -> signature -> clock skew -> nonce.
The nonce is recorded only for a correctly signed request, so nobody without the key can burn nonces.
Nonces live in the database so several workers (or hosts) agree on what was seen.
"""
from __future__ import annotations

import hmac
import re
import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from central.context import AppContext, Ctx
from central.db import schema as t
from central.db.engine import relaxed_transaction
from central.errors import ProblemError
from central.signing import NONCE_RE, SIGNATURE_RE, signature_matches
from central.timeutil import utcnow

TIMESTAMP_RE = re.compile(r"^[0-9]{1,12}$")
SIGNED_HEADERS = ("X-Terminal-Id", "X-Timestamp", "X-Nonce", "X-Signature")


@dataclass(frozen=True)
class Terminal:
    id: str
    site_name: str
    site_type: str
    region_code: str


_purge_lock = threading.Lock()
_last_purge = 0.0


def _path_as_sent(request: Request) -> str:
    raw = request.scope.get("raw_path") or request.url.path.encode("utf-8")
    path = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    query = request.scope.get("query_string", b"")
    return f"{path}?{query.decode('utf-8', 'replace')}" if query else path


def _unauthorized(code: str, detail: str) -> ProblemError:
    return ProblemError(401, code, detail)


def _verify(ctx: AppContext, method: str, path: str, body: bytes, headers: dict[str, str]) -> Terminal:
    missing = [h for h in SIGNED_HEADERS if not headers.get(h.lower())]
    if missing:
        raise _unauthorized("unsigned", f"missing headers: {', '.join(missing)}")
    terminal_id = headers["x-terminal-id"]
    ts_text = headers["x-timestamp"]
    nonce = headers["x-nonce"]
    signature = headers["x-signature"]
    if not TIMESTAMP_RE.match(ts_text):
        raise _unauthorized("unsigned", "X-Timestamp must be integer unix seconds")
    if not NONCE_RE.match(nonce):
        raise _unauthorized("unsigned", "X-Nonce must be 32 lowercase hex characters")
    if not SIGNATURE_RE.match(signature):
        raise _unauthorized("signature_invalid", "X-Signature must be 64 lowercase hex characters")
    _purge_nonces(ctx)
    now = utcnow()
    try:
        # One transaction: read the terminal, check, record the nonce (rolled back on any refusal).
        with relaxed_transaction(ctx.engine) as conn:
            row = conn.execute(select(t.terminals).where(t.terminals.c.id == terminal_id)).first()
            if row is None or not row.active or not signature_matches(row.secret, signature, method, path, body,
                                                                        ts_text, nonce):
                raise _unauthorized("signature_invalid", "unknown or disabled terminal, or wrong signature")
            skew = int(ts_text) - int(now.timestamp())
            if abs(skew) > ctx.settings.clock_skew_s:
                raise ProblemError(401, "clock_skew", f"X-Timestamp differs from server time by {skew} s "
                                   f"(allowed ±{ctx.settings.clock_skew_s} s)", server_time=now.isoformat(),
                                   skew_s=skew)
            conn.execute(t.nonces.insert().values(terminal_id=terminal_id, nonce=nonce, seen_at=now))
    except IntegrityError:
        raise _unauthorized("nonce_reused", "this X-Nonce was already used; sign each request with a fresh nonce") from None
    return Terminal(row.id, row.site_name, row.site_type, row.region_code)


def _purge_nonces(ctx: AppContext) -> None:
    """Drop nonces older than the TTL, at most once a minute per process (they cannot pass the skew check)."""
    global _last_purge
    now_mono = time.monotonic()
    with _purge_lock:
        if now_mono - _last_purge < 60:
            return
        _last_purge = now_mono
    cutoff = utcnow() - timedelta(seconds=ctx.settings.nonce_ttl_s)
    with relaxed_transaction(ctx.engine) as conn:
        conn.execute(delete(t.nonces).where(t.nonces.c.seen_at < cutoff))


async def signed_terminal(request: Request, ctx: Ctx) -> Terminal:
    """Dependency: the terminal that signed this request, or a 401 problem."""
    body = await request.body()
    headers = {k.lower(): v for k, v in request.headers.items()}
    terminal = await run_in_threadpool(_verify, ctx, request.method, _path_as_sent(request), body, headers)
    request.state.terminal = terminal
    return terminal


def admin_token(request: Request, ctx: Ctx) -> str:
    """Dependency for /office: `Authorization: Bearer <admin token>` (back-office staff, not terminals)."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), ctx.settings.admin_token.encode()):
        raise ProblemError(401, "admin_token_invalid", "send Authorization: Bearer <admin token> (CENTRAL_ADMIN_TOKEN)")
    return "office"


SignedTerminal = Annotated[Terminal, Depends(signed_terminal)]
