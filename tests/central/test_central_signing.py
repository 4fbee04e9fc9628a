"""Terminal signing over real HTTP: accepted, and every way of being refused."""
from __future__ import annotations

import time

import requests
from central_testkit import (  # noqa: F401 - pytest fixtures
    Api,
    CentralServer,
    api_fixture,
    central_fixture,
    signed_headers,
)

PATH = "/api/v1/regions"


def _get(central: CentralServer, headers: dict[str, str], path: str = PATH) -> requests.Response:
    return requests.get(central.url + path, headers=headers, timeout=10)


def _code(r: requests.Response) -> str:
    assert r.headers["content-type"].startswith("application/problem+json"), r.headers["content-type"]
    body = r.json()
    assert {"type", "title", "status", "detail", "code"} <= set(body)
    assert body["status"] == r.status_code
    return str(body["code"])


def test_signed_request_is_accepted(central: CentralServer) -> None:
    r = _get(central, signed_headers("GET", PATH))
    assert r.status_code == 200
    assert r.json()["region"]["code"] == "430181"


def test_time_and_health_need_no_signature(central: CentralServer) -> None:
    t = requests.get(central.url + "/api/v1/time", timeout=10)
    assert t.status_code == 200 and abs(t.json()["unix"] - time.time()) < 60
    assert t.json()["server_time"].endswith("+08:00")
    h = requests.get(central.url + "/api/v1/health", timeout=10)
    assert h.json()["status"] == "ok" and h.json()["catalogue_items"] >= 1500


def test_unsigned_is_refused(central: CentralServer) -> None:
    r = _get(central, {})
    assert r.status_code == 401 and _code(r) == "unsigned"
    partial = signed_headers("GET", PATH)
    del partial["X-Nonce"]
    r = _get(central, partial)
    assert r.status_code == 401 and _code(r) == "unsigned"


def test_stale_and_future_timestamps_are_refused(central: CentralServer) -> None:
    stale = _get(central, signed_headers("GET", PATH, timestamp=int(time.time()) - 301))
    assert stale.status_code == 401 and _code(stale) == "clock_skew"
    future = _get(central, signed_headers("GET", PATH, timestamp=int(time.time()) + 400))
    assert future.status_code == 401 and _code(future) == "clock_skew"
    assert "server_time" in future.json()


def test_replayed_nonce_is_refused(central: CentralServer) -> None:
    headers = signed_headers("GET", PATH)
    assert _get(central, headers).status_code == 200
    replay = _get(central, headers)
    assert replay.status_code == 401 and _code(replay) == "nonce_reused"


def test_wrong_signature_and_unknown_terminal_are_refused(central: CentralServer) -> None:
    forged = _get(central, signed_headers("GET", PATH, secret="not-the-secret"))
    assert forged.status_code == 401 and _code(forged) == "signature_invalid"
    unknown = _get(central, signed_headers("GET", PATH, terminal_id="LY-NOBODY-9999", secret="x"))
    assert unknown.status_code == 401 and _code(unknown) == "signature_invalid"
    # A signature for another path (or query) does not carry over.
    other = _get(central, signed_headers("GET", PATH + "/430181110"), path=PATH)
    assert other.status_code == 401 and _code(other) == "signature_invalid"


def test_body_is_covered_by_the_signature(api: Api) -> None:
    body = b'{"id_number":"430181195803120037"}'
    headers = signed_headers("POST", "/api/v1/cases/search", body)
    headers["Content-Type"] = "application/json"
    tampered = body.replace(b"0037", b"0045")
    r = requests.post(api.server.url + "/api/v1/cases/search", data=tampered, headers=headers, timeout=10)
    assert r.status_code == 401 and _code(r) == "signature_invalid"


def test_a_refused_request_does_not_burn_the_nonce(central: CentralServer) -> None:
    good = signed_headers("GET", PATH)
    bad = dict(good, **{"X-Signature": "0" * 64})
    assert _get(central, bad).status_code == 401
    assert _get(central, good).status_code == 200


def test_office_needs_the_admin_token(central: CentralServer) -> None:
    r = requests.get(central.url + "/api/v1/office/cases", timeout=10)
    assert r.status_code == 401 and _code(r) == "admin_token_invalid"
    r = requests.get(central.url + "/api/v1/office/cases", headers={"Authorization": "Bearer wrong"}, timeout=10)
    assert r.status_code == 401
    r = requests.get(central.url + "/api/v1/office/cases", headers=central.admin(), timeout=10)
    assert r.status_code == 200
