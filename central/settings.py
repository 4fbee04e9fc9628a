"""Runtime settings of the central service, from the command line and environment variables."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB_PATH = Path("var") / "central.sqlite3"
DEMO_ADMIN_TOKEN = "demo-admin-token"
DEMO_PEPPER = "demo-citizen-pepper-change-me"


def default_db_url() -> str:
    """CENTRAL_DB_URL, else the SQLite file ./var/central.sqlite3 (created on first start)."""
    url = os.environ.get("CENTRAL_DB_URL", "").strip()
    if url:
        return url
    return sqlite_url(DEFAULT_DB_PATH)


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def normalize_db_arg(value: str) -> str:
    """--db takes either a SQLAlchemy URL or a plain file path (then it is SQLite)."""
    if "://" in value:
        return value
    return sqlite_url(value)


@dataclass(frozen=True)
class Settings:
    """Everything the app factory needs; built once by the CLI or the tests."""

    db_url: str = field(default_factory=default_db_url)
    # Bearer token for /api/v1/office/... (back office). Demo default is public: set CENTRAL_ADMIN_TOKEN.
    admin_token: str = field(default_factory=lambda: os.environ.get("CENTRAL_ADMIN_TOKEN", DEMO_ADMIN_TOKEN))
    # Server-side pepper of the keyed hash that identifies a citizen (HMAC-SHA256 of the ID number).
    citizen_pepper: str = field(default_factory=lambda: os.environ.get("CENTRAL_CITIZEN_PEPPER", DEMO_PEPPER))
    clock_skew_s: int = 300
    nonce_ttl_s: int = 600
    idempotency_ttl_days: int = 30
    # An in-flight idempotency claim older than this is considered abandoned (worker crashed).
    idempotency_lease_s: int = 60
    # Wrong verifiers per case before look-ups of that case are refused for the window (4 digits are guessable).
    verifier_max_failures: int = 5
    verifier_window_s: int = 900
    seed_on_start: bool = True
    # Test hooks (X-Test-Delay-Ms) are off unless CENTRAL_TEST_HOOKS=1: they exist for the test-suite only.
    test_hooks: bool = field(default_factory=lambda: os.environ.get("CENTRAL_TEST_HOOKS", "") == "1")
    sqlite_synchronous: str = field(default_factory=lambda: os.environ.get("CENTRAL_SQLITE_SYNCHRONOUS", "FULL"))
