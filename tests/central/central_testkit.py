"""Fixtures for the central-service tests: one real server per session (SQLite, or PostgreSQL when
CENTRAL_TEST_PG_URL is set) and a small signed HTTP client."""
from __future__ import annotations

import json
import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers.central_server import (
    DEMO_SECRET,
    DEMO_TERMINAL_ID,
    CentralServer,
    signed_headers,
)


@pytest.fixture(scope="session")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    pg_url = os.environ.get("CENTRAL_TEST_PG_URL") or None
    # info: the access log is written too, so test_zz_logs can check it holds no personal data.
    with CentralServer(tmp_path_factory.mktemp("central"), db_url=pg_url, log_level="info") as server:
        yield server


class Api:
    """requests + the contract's signing, as one terminal."""

    def __init__(self, server: CentralServer, terminal_id: str = DEMO_TERMINAL_ID, secret: str = DEMO_SECRET) -> None:
        self.server = server
        self.terminal_id = terminal_id
        self.secret = secret
        self.session = requests.Session()

    def request(self, method: str, path: str, body: Any = None, *, headers: dict[str, str] | None = None,
                **sign: Any) -> requests.Response:
        raw = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        url = self.server.url + "/api/v1" + path
        # Sign the path exactly as it goes on the wire (percent-encoded by requests).
        path_url = str(requests.Request(method, url).prepare().path_url)
        h = signed_headers(method, path_url, raw, terminal_id=self.terminal_id, secret=self.secret, **sign)
        if body is not None:
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        return self.session.request(method, url, data=raw or None, headers=h, timeout=30)

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, body: Any, *, key: str | None = None, **kw: Any) -> requests.Response:
        headers = dict(kw.pop("headers", None) or {})
        if key:
            headers["Idempotency-Key"] = key
        return self.request("POST", path, body, headers=headers, **kw)


@pytest.fixture()
def api(central: CentralServer) -> Iterator[Api]:
    a = Api(central)
    yield a
    a.session.close()


def new_key() -> str:
    return str(uuid.uuid4())
