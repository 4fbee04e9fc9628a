"""Reusable: the REAL reference central service on loopback for any test suite.

    from helpers.central_server import CentralServer, signed_headers
    with CentralServer(tmp_path) as central:          # random free port, temp SQLite file, seeded
        r = requests.get(central.url + "/api/v1/catalogue/items",
                         headers=signed_headers("GET", "/api/v1/catalogue/items"))

`CentralServer(workdir, db_url=None, test_hooks=True)`: `python -m central serve` in a subprocess;
`url`, `port`, `db_url`, `admin_token`; `start()` / `stop()` (same port again, for outage tests);
`query(sql, *args)` reads the server's database directly (SQLite or PostgreSQL) for "exists exactly once".
With `db_url` (e.g. PostgreSQL) the schema is dropped and recreated first: give it a throw-away database.
Test hooks (CENTRAL_TEST_HOOKS=1) let a request carry `X-Test-Delay-Ms` to widen the idempotency in-flight window.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import requests

REPO = Path(__file__).resolve().parents[2]
DEMO_TERMINAL_ID = "LY-DEMO-0001"
DEMO_SECRET = "demo-terminal-secret"
VILLAGE_TERMINAL_ID = "LY-DEMO-0002"
VILLAGE_SECRET = "demo-terminal-secret-2"
ADMIN_TOKEN = "test-admin-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def signed_headers(method: str, path_with_query: str, body: bytes = b"", *, terminal_id: str = DEMO_TERMINAL_ID,
                   secret: str = DEMO_SECRET, timestamp: int | None = None, nonce: str | None = None) -> dict[str, str]:
    """The four signing headers of the contract (docs/TEAM-CONVENTIONS.md), computed independently of central/."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    nonce = nonce or secrets.token_hex(16)
    canonical = "\n".join([method.upper(), path_with_query, hashlib.sha256(body).hexdigest(), ts, nonce])
    sig = hmac.new(secret.encode(), canonical.encode("utf-8"), hashlib.sha256).hexdigest()
    return {"X-Terminal-Id": terminal_id, "X-Timestamp": ts, "X-Nonce": nonce, "X-Signature": sig}


class CentralServer:
    """The reference service as a child process on 127.0.0.1:<free port>."""

    def __init__(self, workdir: Path, db_url: str | None = None, test_hooks: bool = True,
                 extra_env: dict[str, str] | None = None, serve_args: list[str] | None = None,
                 scheme: str = "http", requests_kwargs: dict[str, Any] | None = None,
                 log_level: str = "warning") -> None:
        """`serve_args` go to `python -m central serve` (e.g. --ssl-certfile ...); with TLS pass scheme="https"
        and the `verify`/`cert` that the readiness probe must use in `requests_kwargs`."""
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.db_path = self.workdir / "central.sqlite3"
        self.db_url = db_url or f"sqlite:///{self.db_path}"
        self.port = free_port()
        self.admin_token = ADMIN_TOKEN
        self.log_path = self.workdir / "central.log"
        self.test_hooks = test_hooks
        self.extra_env = extra_env or {}
        self.serve_args = serve_args or []
        self.log_level = log_level
        self.scheme = scheme
        self.requests_kwargs = requests_kwargs or {}
        self.proc: subprocess.Popen[bytes] | None = None
        self._engine: Any = None
        if db_url:
            self._reset_database()

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def _reset_database(self) -> None:
        sys.path.insert(0, str(REPO))
        from central.db.engine import make_engine, reset_schema
        engine = make_engine(self.db_url)
        reset_schema(engine)
        engine.dispose()

    def start(self, timeout: float = 60.0) -> None:
        # CENTRAL_PARENT_PID: the server stops itself if this test process dies (no orphans after a crash).
        env = dict(os.environ, CENTRAL_DB_URL=self.db_url, CENTRAL_ADMIN_TOKEN=self.admin_token,
                   CENTRAL_PARENT_PID=str(os.getpid()),
                   CENTRAL_TEST_HOOKS="1" if self.test_hooks else "0", **self.extra_env)
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "central", "serve", "--db", self.db_url, "--host", "127.0.0.1",
                 "--port", str(self.port), "--log-level", self.log_level,
                 "--timeout-graceful-shutdown", "2", *self.serve_args],
                cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"central service exited: {self.log_path.read_text(errors='replace')[-3000:]}")
            try:
                if requests.get(self.url + "/api/v1/health", timeout=1, **self.requests_kwargs).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.05)  # condition poll (server accepting) bounded by the deadline
        self.stop()
        raise RuntimeError(f"central service did not answer within {timeout} s")

    def stop(self) -> None:
        if self._engine is not None:  # the query engine; recreated on the next query()
            self._engine.dispose()
            self._engine = None
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
            self.proc = None

    def query(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        """Run a read-only SQL statement with `?` placeholders against the server's database."""
        from sqlalchemy import create_engine, text
        if self._engine is None:
            self._engine = create_engine(self.db_url)
        names = {f"p{i}": a for i, a in enumerate(args)}
        parts = sql.split("?")
        stmt = parts[0] + "".join(f":p{i}{p}" for i, p in enumerate(parts[1:]))
        with self._engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(stmt), names)]

    def admin(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.admin_token}"}

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
