"""Seed data for a Liuyang-like county: catalogue, regions, guides, units, intermediaries, demo terminal."""
from __future__ import annotations

from sqlalchemy import Engine


def ensure_seeded(engine: Engine) -> bool:
    """Seed an empty database (returns True when it did); a seeded one is left alone."""
    from central.seed.loader import ensure_seeded as _ensure
    return _ensure(engine)
