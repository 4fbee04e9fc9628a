"""The API client against a hostile server on loopback: garbage JSON, wrong types, 50 MB bodies, endless
chunked streams, trickles, broken heads. The client raises its typed errors (kiosk.api.errors.ApiError)
within its timeouts, and its memory stays bounded (peak RSS of a child process that makes the one call).
"""
from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hostile_server import HostileServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import REPO, record_figures

from kiosk.api.client import CentralClient
from kiosk.api.errors import ApiError

CHILD = str(Path(__file__).with_name("client_child.py"))
STREAM_MODES = ("huge_body", "endless_chunked", "trickle", "endless_headers", "garbage_head", "lying_length",
                "close_immediately")
#: read timeout 2 s in the child: a body may take 6 read timeouts; the interactive deadline is 6 s.
TIME_BOUND_S = 15.0
RSS_GROWTH_BOUND_MB = 40.0   # the body cap is 16 MB; a 50 MB body read whole costs ~300 MB


def run_child(url: str, call: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, CHILD, url, call], cwd=REPO, capture_output=True, text=True, timeout=60,
                         check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("mode", STREAM_MODES)
@pytest.mark.parametrize("call", ["catalogue_items", "lookup_case"])
def test_hostile_stream_gives_a_typed_error_in_time_and_bounded_memory(mode: str, call: str) -> None:
    with HostileServer() as server:
        server.mode = mode
        outcome = run_child(server.url, call)
    growth = outcome["peak_rss_mb"] - outcome["base_rss_mb"]
    record_figures("api_client_hostile", f"{mode}/{call}", {
        "result": outcome["result"], "error": outcome.get("error"), "code": outcome.get("code"),
        "elapsed_s": outcome["elapsed_s"], "rss_growth_mb": round(growth, 1), "server_bytes_sent": server.bytes_sent})
    assert outcome["result"] == "typed_error", outcome
    assert outcome["elapsed_s"] < TIME_BOUND_S, outcome
    assert growth < RSS_GROWTH_BOUND_MB, outcome


# ---- arbitrary JSON and wrong types, in process -----------------------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=20)

# Objects shaped like the contract's answers with any field replaced by anything: the wrong-type cases.
CASE_KEYS = ("case_number", "service_code", "service_name", "state", "state_label", "submitted_at", "updated_at",
             "history", "local_reference", "tracking_number", "office", "verifier_hint", "items", "item",
             "materials", "form", "attributes", "delivery", "elements", "visits", "levels", "tags", "server_time",
             "unix", "as_of", "full", "code", "name", "aliases", "department")
shaped = st.dictionaries(st.sampled_from(CASE_KEYS), json_values, max_size=12)
bodies = st.one_of(
    json_values.map(lambda v: json.dumps(v).encode()),
    shaped.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=64),
    st.sampled_from([b"", b"{", b"null", b"[]", b'{"items": 5}', b'{"items": [1, 2]}', b"\xff\xfe",
                     b'{"case_number": 5, "history": "x"}', b'{"levels": {"a": 1}}', b"1e999999"]))
statuses = st.sampled_from([200, 200, 200, 201, 204, 301, 304, 400, 401, 404, 409, 422, 429, 500, 503, 599])

CALLS: dict[str, Callable[[CentralClient], Any]] = {
    "server_time": lambda c: c.server_time(),
    "catalogue_items": lambda c: c.catalogue_items(),
    "catalogue_item": lambda c: c.catalogue_item("X"),
    "guide": lambda c: c.guide("X"),
    "lookup_case": lambda c: c.lookup_case("LY20260101000001", "1234"),
    "my_cases": lambda c: c.my_cases("430181195803120037"),
    "evaluation_tags": lambda c: c.evaluation_tags(),
    "appointment_units": lambda c: c.appointment_units(),
    "intermediaries": lambda c: c.intermediaries(),
    "help_request": lambda c: c.help_request("BD1", "1234"),
    "submit_case": lambda c: c.submit_case({"service_code": "X"}, "00000000-0000-4000-8000-000000000000"),
    "report_events": lambda c: c.report_events([{"kind": "k", "code": "c"}]),
    "heartbeat": lambda c: c.heartbeat(version="t", uptime_s=1, devices={}),
    "health": lambda c: c.health(),
}


@pytest.fixture(scope="module")
def hostile() -> Iterator[tuple[HostileServer, CentralClient]]:
    with HostileServer() as server:
        client = CentralClient(server.url, "LY-DEMO-0001", b"demo-terminal-secret", connect_timeout_s=1,
                               read_timeout_s=2, lookup_deadline_s=6, get_retries=0)
        yield server, client
        client.close()


COUNT = {"inputs": 0, "typed_errors": 0, "returned": 0}


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(call=st.sampled_from(sorted(CALLS)), status=statuses, body=bodies,
       content_type=st.sampled_from(["application/json", "application/problem+json", "text/html"]))
def test_any_answer_is_a_result_or_a_typed_error(hostile: tuple[HostileServer, CentralClient], call: str,
                                                 status: int, body: bytes, content_type: str) -> None:
    server, client = hostile
    server.mode, server.status, server.body, server.content_type = "canned", status, body, content_type
    COUNT["inputs"] += 1
    try:
        CALLS[call](client)
    except ApiError as exc:
        COUNT["typed_errors"] += 1
        assert exc.code and exc.message_zh  # a plain message for the screen, a stable code for the log
    else:
        COUNT["returned"] += 1


def test_zz_record_fuzz_count() -> None:
    if COUNT["inputs"]:
        record_figures("api_client_hostile", "hypothesis_arbitrary_answers", dict(COUNT))



WRONG = [5, 5.5, True, None, [], {}, "x"]


@pytest.fixture(scope="module")
def real_case_answer(central: Any) -> dict[str, Any]:
    """A real GET /cases/{number} answer of the reference service (the baseline the fuzz bends)."""
    import requests
    from api_support import case_payload
    from helpers.central_server import signed_headers

    client = CentralClient(central.url, "LY-DEMO-0001", b"demo-terminal-secret")
    case = client.submit_case(case_payload(client), str(uuid.uuid4()))
    client.close()
    path = f"/api/v1/cases/{case.case_number}?verifier={case.qr_token}"
    r = requests.get(central.url + path, headers=signed_headers("GET", path), timeout=10)
    assert r.status_code == 200, r.text
    return dict(r.json())


@pytest.mark.parametrize("field", ["case_number", "service_code", "state", "created_at", "history", "route"])
@pytest.mark.parametrize("value", WRONG, ids=[type(v).__name__ + str(i) for i, v in enumerate(WRONG)])
def test_a_wrong_type_in_a_case_answer_is_a_bad_response(hostile: tuple[HostileServer, CentralClient],
                                                         real_case_answer: dict[str, Any], field: str,
                                                         value: Any) -> None:
    """The real answer parses; the same answer with one field of the wrong type is refused as bad_response."""
    server, client = hostile
    server.mode, server.status, server.content_type = "canned", 200, "application/json"
    server.body = json.dumps(real_case_answer).encode()
    assert client.lookup_case("LY1", "1234").case_number == real_case_answer["case_number"]
    if type(value) is type(real_case_answer[field]):  # same type is no wrong type: bend the value instead
        value = "not a time" if field == "created_at" else 5
    server.body = json.dumps(dict(real_case_answer, **{field: value})).encode()
    with pytest.raises(ApiError) as exc:
        client.lookup_case("LY1", "1234")
    assert exc.value.code == "bad_response"
