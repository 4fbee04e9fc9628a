"""The reference central service (政务服务中枢) that kiosks talk to.

What it offers:
- `central.app.create_app(settings)`: the FastAPI application serving the contract under /api/v1
  (docs/api/openapi.json is its committed OpenAPI document);
- `python -m central` (see `central.cli`): serve on 127.0.0.1:8600 with a Liuyang-like seeded database,
  export the OpenAPI document, and the back-office commands (`office advance|return|decide|mail|list`);
- storage through SQLAlchemy Core, SQLite (WAL) by default, PostgreSQL with only a different URL.
"""
from __future__ import annotations

__version__ = "0.1.0"
API_PREFIX = "/api/v1"
