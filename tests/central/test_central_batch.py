"""POST /cases/batch: per-item Idempotency-Keys and results, a refused item does not stop the others, replays
are safe in either direction between the single and the batch endpoint, and the answer equals what a later
look-up shows."""
from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import requests
from central_testkit import (  # noqa: F401 - pytest fixtures
    Api,
    CentralServer,
    api_fixture,
    case_body,
    central_fixture,
    count_ref,
    new_key,
)

from central.timeutil import utcnow


def ref() -> str:
    return "BATCH-" + new_key()[:8]


def batch(api: Api, items: list[tuple[str, dict[str, Any]]], **kw: Any) -> requests.Response:
    return api.post("/cases/batch", {"items": [{"idempotency_key": k, "case": c} for k, c in items]}, **kw)


def test_each_item_is_created_once_and_answered_in_order(api: Api, central: CentralServer) -> None:
    items = [(new_key(), case_body(ref())) for _ in range(5)]
    r = batch(api, items)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["idempotency_key"] for x in results] == [k for k, _ in items]
    assert all(x["status"] == 201 and not x["replayed"] and x["problem"] is None for x in results)
    assert [x["case"]["local_reference"] for x in results] == [c["local_reference"] for _, c in items]
    assert len({x["case"]["case_number"] for x in results}) == 5
    assert all(count_ref(central, c["local_reference"]) == 1 for _, c in items)
    again = batch(api, items).json()["results"]  # the whole batch again (its reply was lost): replays only
    assert all(x["status"] == 201 and x["replayed"] for x in again)
    assert [x["case"] for x in again] == [x["case"] for x in results]
    assert all(count_ref(central, c["local_reference"]) == 1 for _, c in items)


def test_a_refused_item_does_not_stop_the_others(api: Api, central: CentralServer) -> None:
    good1, good2 = (new_key(), case_body(ref())), (new_key(), case_body(ref()))
    bad_form = (new_key(), case_body(ref(), form={"relation": "martian"}))
    bad_schema = (new_key(), {"service_code": "430181-LY-00001", "applicant": {"id_number": "1"}})
    bad_key = ("not-a-uuid", case_body(ref()))
    results = batch(api, [good1, bad_form, bad_schema, bad_key, good2]).json()["results"]
    assert [x["status"] for x in results] == [201, 422, 422, 400, 201]
    assert [x["problem"]["code"] for x in results[1:4]] == ["validation_failed", "validation_failed",
                                                            "idempotency_key_required"]
    assert {"form.relation", "form.household_type"} <= {e["field"] for e in results[1]["problem"]["errors"]}
    assert "case.applicant.name" in {e["field"] for e in results[2]["problem"]["errors"]}
    assert "1" not in str([e.get("input") for e in results[2]["problem"]["errors"]])  # no input echoed
    assert count_ref(central, good1[1]["local_reference"]) == 1 and count_ref(central, good2[1]["local_reference"]) == 1
    assert count_ref(central, bad_form[1]["local_reference"]) == 0
    # A refused item's key was released: the corrected submission under the same key goes through.
    fixed = batch(api, [(bad_form[0], case_body(bad_form[1]["local_reference"]))]).json()["results"][0]
    assert fixed["status"] == 201 and not fixed["replayed"]


def test_a_key_moves_between_the_single_and_the_batch_endpoint(api: Api, central: CentralServer) -> None:
    k1, b1 = new_key(), case_body(ref())
    single = api.post("/cases", b1, key=k1)
    assert single.status_code == 201
    k2, b2 = new_key(), case_body(ref())
    results = batch(api, [(k1, dict(reversed(list(b1.items())))), (k2, b2)]).json()["results"]
    assert results[0]["replayed"] and results[0]["case"] == single.json()
    assert results[1]["status"] == 201 and not results[1]["replayed"]
    alone = api.post("/cases", b2, key=k2)  # batch first, then alone
    assert alone.status_code == 201 and alone.headers["Idempotent-Replayed"] == "true"
    assert alone.json() == results[1]["case"]
    conflict = batch(api, [(k2, case_body(b2["local_reference"], delivery={"method": "express",
                                                                         "address": "浏阳市集里街道1号"}))])
    assert conflict.json()["results"][0]["problem"]["code"] == "idempotency_conflict"
    assert count_ref(central, b1["local_reference"]) == 1 and count_ref(central, b2["local_reference"]) == 1


def test_a_key_twice_in_one_batch_is_refused_for_the_second(api: Api, central: CentralServer) -> None:
    key, body = new_key(), case_body(ref())
    results = batch(api, [(key, body), (key, body)]).json()["results"]
    assert [x["status"] for x in results] == [201, 422]
    assert count_ref(central, body["local_reference"]) == 1


def test_an_item_in_flight_elsewhere_gets_409_and_the_others_go(api: Api, central: CentralServer) -> None:
    key, body = new_key(), case_body(ref())
    first: dict[str, requests.Response] = {}

    def slow() -> None:
        first["r"] = Api(central).post("/cases", body, key=key, headers={"X-Test-Delay-Ms": "3000"})

    worker = threading.Thread(target=slow)
    worker.start()
    try:
        deadline = utcnow() + timedelta(seconds=20)
        claimed = False
        while utcnow() < deadline and not claimed:  # the condition: the single POST holds the key
            claimed = bool(central.query("SELECT state FROM idempotency_keys WHERE key = ?", key))
        assert claimed
        other = (new_key(), case_body(ref()))
        results = batch(api, [(key, body), other]).json()["results"]
        assert results[0]["status"] == 409 and results[0]["problem"]["code"] == "idempotency_in_flight"
        assert results[1]["status"] == 201
    finally:
        worker.join(timeout=30)
    assert first["r"].status_code == 201
    assert batch(api, [(key, body)]).json()["results"][0]["case"] == first["r"].json()
    assert count_ref(central, body["local_reference"]) == 1


def test_the_answer_equals_what_a_look_up_shows(api: Api) -> None:
    created = api.post("/cases", case_body(ref(), delivery={"method": "express", "address": "浏阳市集里街道1号"}),
                       key=new_key()).json()
    in_batch = batch(api, [(new_key(), case_body(ref()))]).json()["results"][0]["case"]
    for answer in (created, in_batch):
        seen = api.get(f"/cases/{answer['case_number']}").json()
        assert {k: v for k, v in answer.items() if k != "qr_token"} == seen


def test_batch_limits_are_whole_request_errors(api: Api) -> None:
    assert api.post("/cases/batch", {"items": []}).status_code == 422
    too_many = [(new_key(), case_body(ref())) for _ in range(51)]
    r = batch(api, too_many)
    assert r.status_code == 422 and r.json()["code"] == "validation_failed"
    unsigned = requests.post(api.server.url + "/api/v1/cases/batch", json={"items": []}, timeout=10)
    assert unsigned.status_code == 401
