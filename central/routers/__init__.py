"""One router per resource; `all_routers()` is what the app factory mounts under /api/v1."""
from __future__ import annotations

from fastapi import APIRouter


def all_routers() -> list[APIRouter]:
    from central.routers import (
        appointments,
        cases,
        catalogue,
        evaluations,
        help_requests,
        intermediaries,
        office,
        open311,
        staff_calls,
        system,
        terminals,
    )
    return [system.router, catalogue.router, cases.router, appointments.router, appointments.queue_router,
            help_requests.router, intermediaries.router, evaluations.router, terminals.router,
            staff_calls.router, open311.router, office.router]
