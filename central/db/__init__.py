"""Storage: SQLAlchemy Core tables (schema.py) and the engine factory (engine.py).

Only portable Core constructs are used so that SQLite and PostgreSQL run the same code; the one
dialect-specific thing (ON CONFLICT DO NOTHING) is wrapped in `engine.insert_ignore`.
"""
from __future__ import annotations

from central.db.engine import make_engine, insert_ignore, reset_schema
from central.db.schema import metadata

__all__ = ["make_engine", "insert_ignore", "reset_schema", "metadata"]
