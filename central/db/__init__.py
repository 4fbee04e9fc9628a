"""Storage: SQLAlchemy Core tables (schema.py) and the engine factory (engine.py).

Only portable Core constructs are used so that SQLite and PostgreSQL run the same code; the one
dialect-specific thing (ON CONFLICT DO NOTHING) is wrapped in `engine.insert_ignore`.
"""
from __future__ import annotations

from central.db.engine import insert_ignore, make_engine, reset_schema
from central.db.schema import metadata

__all__ = ["insert_ignore", "make_engine", "metadata", "reset_schema"]
