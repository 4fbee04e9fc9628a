"""The app factory: settings -> engine -> FastAPI app with every router under /api/v1."""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware

from central import API_PREFIX, __version__
from central.context import AppContext
from central.db.engine import create_schema, make_engine
from central.errors import install_handlers
from central.openapi_doc import customise_openapi
from central.routers import all_routers
from central.settings import Settings

DESCRIPTION = """\
Reference central service of the 政务服务自助一体机 (government self-service kiosk), modelled on 浏阳市 (430181).
Shaped after Open311 GeoReport v2 (catalogue = services, guide form = service definition attributes,
cases = requests) and extended for Chinese county/township/village government services.

**Signing.** Every request under /api/v1 except `GET /time`, `GET /health` and `GET /openapi.json` carries
`X-Terminal-Id`, `X-Timestamp` (unix seconds), `X-Nonce` (32 lowercase hex) and `X-Signature` =
lowercase hex HMAC-SHA256(terminal secret, canonical), canonical = UTF-8 of
`METHOD\\npath?query as sent\\nsha256_hex(body)\\nX-Timestamp\\nX-Nonce`. Refusals (401): `unsigned`,
`signature_invalid` (also unknown terminal), `clock_skew` (over 300 s), `nonce_reused` (within 10 min).
The back office (`/office/...`) uses `Authorization: Bearer <admin token>` instead.

**Idempotency.** POSTs that create cases, appointments, help requests, evaluations and ratings need an
`Idempotency-Key` (UUID): a repeat returns the original status and body (`Idempotent-Replayed: true`),
409 `idempotency_in_flight` while the first runs, 422 `idempotency_conflict` for a different payload.
Keys are kept 30 days.

**Errors** are `application/problem+json` with a stable `code`. Times are ISO-8601 with zone (+08:00).
"""


class _StripQuery(logging.Filter):
    """Access-log lines keep the path but drop the query string (verifiers, tokens)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
            record.args = (*args[:2], args[2].split("?", 1)[0] + "?…", *args[3:])
        return True


def create_app(settings: Settings | None = None, *, seed: bool | None = None) -> FastAPI:
    settings = settings or Settings()
    engine = make_engine(settings.db_url, sqlite_synchronous=settings.sqlite_synchronous)
    ctx = AppContext(settings=settings, engine=engine)
    do_seed = settings.seed_on_start if seed is None else seed

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if do_seed:
            from central.seed import ensure_seeded
            create_schema(engine)
            ensure_seeded(engine)
        yield
        engine.dispose()

    app = FastAPI(title="Kiosk central service API (政务服务自助终端中枢接口)", version=__version__,
                  description=DESCRIPTION, lifespan=lifespan, openapi_url=f"{API_PREFIX}/openapi.json",
                  docs_url=f"{API_PREFIX}/docs", redoc_url=None)
    app.state.ctx = ctx
    install_handlers(app)
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    for router in all_routers():
        app.include_router(router, prefix="" if router.prefix.startswith("/open311") else API_PREFIX)
    from central.routers.ops_page import router as ops_router

    app.include_router(ops_router)  # HTML for ops, outside the terminal API and its OpenAPI document
    customise_openapi(app)
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, _StripQuery) for f in access.filters):
        access.addFilter(_StripQuery())
    return app


def create_app_from_env() -> FastAPI:
    """uvicorn factory (`central.app:create_app_from_env`): settings from CENTRAL_* environment variables."""
    return create_app(Settings())


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document without touching any database (used by `export-openapi`)."""
    app = create_app(Settings(db_url="sqlite://", seed_on_start=False))
    return app.openapi()
