"""Shared by the central-service tests: one real server per session (SQLite, or PostgreSQL when
CENTRAL_TEST_PG_URL is set), a small signed HTTP client and payload builders.

Deliberately NOT a conftest.py: another folder's tests do `from conftest import ...`, and pytest keeps only
one module named `conftest` in sys.modules, so a second conftest.py here would shadow theirs when the whole
suite runs. Test modules import the fixtures from here (`from central_testkit import api_fixture, central_fixture`).
"""
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

from helpers.central_server import (  # re-exported for the test modules
    DEMO_SECRET,
    DEMO_TERMINAL_ID,
    VILLAGE_SECRET,
    VILLAGE_TERMINAL_ID,
    CentralServer,
    signed_headers,
)

__all__ = ["DEMO_SECRET", "DEMO_TERMINAL_ID", "VILLAGE_SECRET", "VILLAGE_TERMINAL_ID", "Api", "CentralServer",
           "api_fixture", "case_body", "central_fixture", "count_ref", "new_key", "signed_headers", "submit"]


_shared: list[CentralServer] = []


@pytest.fixture(scope="session", name="central")
def central_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    """The server, started once per session although each importing module registers this fixture."""
    if _shared:
        yield _shared[0]
        return
    pg_url = os.environ.get("CENTRAL_TEST_PG_URL") or None
    # info: the access log is written too, so test_central_zz_logs can check it holds no personal data.
    server = CentralServer(tmp_path_factory.mktemp("central"), db_url=pg_url, log_level="info")
    server.start()
    _shared.append(server)
    try:
        yield server
    finally:
        _shared.clear()
        server.stop()


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


@pytest.fixture(name="api")
def api_fixture(central: CentralServer) -> Iterator[Api]:
    a = Api(central)
    yield a
    a.session.close()


def new_key() -> str:
    return str(uuid.uuid4())


def case_body(ref: str, **over: Any) -> dict[str, Any]:
    """A valid POST /cases body for 老年人优待证办理 from 沙市镇赤马村 (a village route)."""
    body: dict[str, Any] = {
        "service_code": "430181-LY-00001",
        "applicant": {"name": "欧阳菊", "id_number": "430181195803120037", "phone": "13812341234"},
        "region_code": "430181110201",
        "form": {"relation": "self", "household_type": "rural", "contact_address": "沙市镇赤马村", "card_type": "new"},
        "delivery": {"method": "pickup"}, "local_reference": ref}
    body.update(over)
    return body


def submit(api: Api, **over: Any) -> dict[str, Any]:
    r = api.post("/cases", case_body("CASE-" + new_key()[:8], **over), key=new_key())
    assert r.status_code == 201, r.text
    return dict(r.json())


def count_ref(central: CentralServer, ref: str) -> int:
    return int(central.query("SELECT COUNT(*) FROM cases WHERE local_reference = ?", ref)[0][0])
