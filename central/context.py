"""The per-application context (settings + engine) that routers reach through the request."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine

from central.sealing import Sealer
from central.settings import Settings


@dataclass
class AppContext:
    settings: Settings
    engine: Engine
    sealer: Sealer = field(default_factory=Sealer.from_env)


def get_ctx(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


Ctx = Annotated[AppContext, Depends(get_ctx)]
