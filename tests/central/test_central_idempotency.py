"""Idempotency-Key over real HTTP: replay, in flight, conflict, and keys scoped per terminal."""
from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from central_testkit import (  # noqa: F401 - pytest fixtures
    VILLAGE_SECRET,
    VILLAGE_TERMINAL_ID,
    Api,
    CentralServer,
    api_fixture,
    case_body,
    central_fixture,
    count_ref,
    new_key,
)

from central.context import AppContext
from central.db import schema as t
from central.db.engine import create_schema, make_engine
from central.errors import ProblemError
from central.idempotency import purge_expired, run_idempotent
from central.settings import Settings
from central.timeutil import utcnow


def test_repeat_returns_the_original_result_once(api: Api, central: CentralServer) -> None:
    key, ref = new_key(), "IDEM-" + new_key()[:8]
    first = api.post("/cases", case_body(ref), key=key)
    assert first.status_code == 201, first.text
    assert first.headers["Idempotent-Replayed"] == "false"
    again = api.post("/cases", case_body(ref), key=key)
    assert again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert count_ref(central, ref) == 1


def test_key_order_and_whitespace_do_not_make_a_different_payload(api: Api, central: CentralServer) -> None:
    key, ref = new_key(), "IDEM-" + new_key()[:8]
    body = case_body(ref)
    assert api.post("/cases", body, key=key).status_code == 201
    reordered = dict(reversed(list(body.items())))
    again = api.post("/cases", reordered, key=key)
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"


def test_different_payload_with_same_key_is_a_conflict(api: Api, central: CentralServer) -> None:
    key, ref = new_key(), "IDEM-" + new_key()[:8]
    assert api.post("/cases", case_body(ref), key=key).status_code == 201
    other = api.post("/cases", case_body(ref, delivery={"method": "express", "address": "浏阳市集里街道1号"}), key=key)
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_conflict"
    assert count_ref(central, ref) == 1


def test_in_flight_repeat_gets_409_then_the_result(api: Api, central: CentralServer) -> None:
    key, ref = new_key(), "IDEM-" + new_key()[:8]
    results: dict[str, requests.Response] = {}

    def slow() -> None:
        results["first"] = Api(central).post("/cases", case_body(ref), key=key, headers={"X-Test-Delay-Ms": "3000"})

    worker = threading.Thread(target=slow)
    worker.start()
    try:
        claimed = False
        deadline = utcnow() + timedelta(seconds=20)
        while utcnow() < deadline and not claimed:  # wait for the condition: the first request holds the key
            claimed = bool(central.query("SELECT state FROM idempotency_keys WHERE key = ?", key))
        assert claimed
        second = api.post("/cases", case_body(ref), key=key)
        assert second.status_code == 409
        assert second.json()["code"] == "idempotency_in_flight"
    finally:
        worker.join(timeout=30)
    assert results["first"].status_code == 201
    third = api.post("/cases", case_body(ref), key=key)
    assert third.status_code == 201 and third.json() == results["first"].json()
    assert count_ref(central, ref) == 1


def test_missing_or_malformed_key_is_refused(api: Api) -> None:
    r = api.post("/cases", case_body("IDEM-nokey"))
    assert r.status_code == 400 and r.json()["code"] == "idempotency_key_required"
    r = api.post("/cases", case_body("IDEM-badkey"), key="not-a-uuid")
    assert r.status_code == 400 and r.json()["code"] == "idempotency_key_required"


def test_keys_are_scoped_per_terminal(api: Api, central: CentralServer) -> None:
    key = new_key()
    ref_a, ref_b = "IDEM-A-" + key[:6], "IDEM-B-" + key[:6]
    assert api.post("/cases", case_body(ref_a), key=key).status_code == 201
    village = Api(central, VILLAGE_TERMINAL_ID, VILLAGE_SECRET)
    assert village.post("/cases", case_body(ref_b), key=key).status_code == 201
    assert count_ref(central, ref_a) == 1 and count_ref(central, ref_b) == 1


def test_a_failed_request_releases_its_key(api: Api) -> None:
    key = new_key()
    bad = case_body("IDEM-bad", form={"relation": "nobody"})
    assert api.post("/cases", bad, key=key).status_code == 422
    good = api.post("/cases", case_body("IDEM-fixed-" + key[:6]), key=key)
    assert good.status_code == 201


def test_purge_drops_keys_older_than_30_days(tmp_path: Path) -> None:
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'p.sqlite3'}")
    engine = make_engine(settings.db_url)
    create_schema(engine)
    now = utcnow()
    with engine.begin() as conn:
        for key, age in (("old", 31), ("young", 29)):
            created = now - timedelta(days=age)
            conn.execute(t.idempotency_keys.insert().values(terminal_id="T", key=key, request_hash="h", state="done",
                                                            status_code=201, response={}, created_at=created,
                                                            claimed_at=created))
    assert purge_expired(AppContext(settings, engine)) == 1
    with engine.connect() as conn:
        assert [r.key for r in conn.execute(t.idempotency_keys.select())] == ["young"]
    engine.dispose()


def test_concurrent_repeats_create_one_case(central: CentralServer) -> None:
    key, ref = new_key(), "IDEM-RACE-" + new_key()[:8]
    statuses: list[tuple[int, str]] = []
    lock = threading.Lock()

    def attempt() -> None:
        r = Api(central).post("/cases", case_body(ref), key=key)
        with lock:
            statuses.append((r.status_code, r.headers.get("Idempotent-Replayed", r.json().get("code", ""))))

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    assert len(statuses) == 8
    assert statuses.count((201, "false")) == 1
    assert all(s in ((201, "false"), (201, "true"), (409, "idempotency_in_flight")) for s in statuses)
    assert count_ref(central, ref) == 1


def _engine_ctx(tmp_path: Path) -> AppContext:
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'i.sqlite3'}", idempotency_lease_s=60)
    engine = make_engine(settings.db_url)
    create_schema(engine)
    return AppContext(settings, engine)


def _claim_row(ctx: AppContext, key: str, age_s: int) -> None:
    claimed = utcnow() - timedelta(seconds=age_s)
    with ctx.engine.begin() as conn:
        conn.execute(t.idempotency_keys.insert().values(terminal_id="T", key=key, request_hash="fp", state="in_flight",
                                                        created_at=claimed, claimed_at=claimed))


def test_abandoned_claim_is_taken_over_after_the_lease(tmp_path: Path) -> None:
    """A worker that died mid-request leaves an in-flight claim: after the lease a retry runs the operation."""
    ctx = _engine_ctx(tmp_path)
    _claim_row(ctx, "stale", age_s=120)
    _claim_row(ctx, "fresh", age_s=1)
    runs: list[str] = []

    def op(key: str) -> Any:
        def run(_conn: Any) -> tuple[int, dict[str, Any]]:
            runs.append(key)
            return 201, {"ok": key}
        return run

    result = run_idempotent(ctx, "T", "stale", "fp", op("stale"))
    assert (result.status, result.body, result.replayed) == (201, {"ok": "stale"}, False)
    replay = run_idempotent(ctx, "T", "stale", "fp", op("stale"))
    assert replay.replayed and runs == ["stale"]
    with pytest.raises(ProblemError) as info:
        run_idempotent(ctx, "T", "fresh", "fp", op("fresh"))
    assert info.value.status == 409 and info.value.code == "idempotency_in_flight" and runs == ["stale"]
    ctx.engine.dispose()
