"""Fault injection between the kiosk and the real server: nothing lost, nothing twice, typed errors.

The fault proxy (tests/helpers/fault_proxy.py) sits on loopback between the client and uvicorn.
Ground truth for "exists exactly once" is the server's own database, counted by the receipt's local ref.
"""
from __future__ import annotations

import json
import threading
import time
from typing import Any

import pytest
import requests
from api_support import DEMO_ID, DEMO_SECRET, CentralProcess, case_payload, wait_until
from helpers.fault_proxy import FaultProxy

from kiosk.api import signing
from kiosk.api.client import CentralClient
from kiosk.api.errors import Offline, Rejected, ServerError, Timeout
from kiosk.api.outbox import Outbox
from kiosk.api.sync import SyncWorker, backoff_delay


def server_count(central: CentralProcess, local_ref: str) -> int:
    return len(central.query("SELECT case_number FROM cases WHERE local_reference = ?", local_ref))


def make_worker(outbox: Outbox, client: CentralClient, **kw: Any) -> SyncWorker:
    kw.setdefault("base_delay_s", 0.05)
    kw.setdefault("max_delay_s", 0.3)
    return SyncWorker(outbox, client.send_outbox_record, **kw)


def deliver_all(worker: SyncWorker, timeout: float = 60) -> None:
    worker.start()
    try:
        assert worker.wait_idle(timeout), worker.status()
    finally:
        worker.stop()


# ---- the transport on its own ---------------------------------------------------------------------------
def test_get_retried_by_urllib3_on_503_but_post_never(proxy: FaultProxy, proxied_client: CentralClient) -> None:
    proxy.add_fault("status", status=503, method="GET", times=2)
    assert proxied_client.evaluation_tags().levels  # third try gets through
    assert proxy.requests_seen == 3
    proxy.requests_seen = 0
    proxy.add_fault("status", status=503, method="POST", times=1)
    with pytest.raises(ServerError) as exc:
        proxied_client.call_staff("help")
    assert exc.value.status == 503 and proxy.requests_seen == 1


def test_post_not_retried_by_urllib3_even_on_a_connection_reset(proxy: FaultProxy,
                                                               proxied_client: CentralClient) -> None:
    proxy.add_fault("reset", method="POST", times=5)
    with pytest.raises(Offline):
        proxied_client.call_staff("help")
    assert proxy.requests_seen == 1


def test_500_is_a_server_error_and_not_retried(proxy: FaultProxy, proxied_client: CentralClient) -> None:
    proxy.add_fault("status", status=500, method="GET", times=1)
    with pytest.raises(ServerError) as exc:
        proxied_client.evaluation_tags()
    assert exc.value.status == 500 and exc.value.retryable and "故障" in exc.value.message_zh
    assert proxy.requests_seen == 1


def test_slow_answer_is_a_timeout(proxy: FaultProxy, proxied_client: CentralClient) -> None:
    proxy.add_fault("delay", seconds=4, method="GET", times=3)
    with pytest.raises(Timeout) as exc:
        proxied_client.evaluation_tags()
    assert exc.value.code == "timeout" and "超时" in exc.value.message_zh


def test_user_facing_lookups_have_an_overall_deadline(proxy: FaultProxy, central: CentralProcess) -> None:
    c = CentralClient(proxy.url, DEMO_ID, DEMO_SECRET, connect_timeout_s=1, read_timeout_s=3, lookup_deadline_s=2,
                      get_retries=3)
    proxy.add_fault("delay", seconds=10, method="GET", times=10)
    with pytest.raises(Timeout) as exc:
        c.lookup_case("LY20260101000001", "1234")
    assert "deadline" in exc.value.detail
    c.close()


def test_server_down_is_offline(proxy: FaultProxy, proxied_client: CentralClient) -> None:
    proxy.set_down(True)
    with pytest.raises(Offline) as exc:
        proxied_client.evaluation_tags()
    assert exc.value.code == "unreachable"
    proxy.set_down(False)
    assert proxied_client.evaluation_tags().levels


def test_backoff_grows_is_capped_jittered_and_honours_retry_after() -> None:
    lo = [backoff_delay(n, 2.0, 300.0, lambda: 0.0) for n in range(1, 12)]
    hi = [backoff_delay(n, 2.0, 300.0, lambda: 1.0) for n in range(1, 12)]
    assert lo[:4] == [1.0, 2.0, 4.0, 8.0] and hi[:4] == [2.0, 4.0, 8.0, 16.0]
    assert max(hi) == 300.0 and lo[-1] == 150.0
    assert backoff_delay(1, 2.0, 300.0, lambda: 0.5, retry_after=120) == 120
    assert backoff_delay(1, 2.0, 300.0, lambda: 0.5, retry_after=10**6) == 3600


def test_a_record_queued_during_a_failing_send_does_not_cut_the_backoff_short(outbox: Outbox) -> None:
    """A citizen's submission queued while the worker's request is in flight woke the worker; the request then
    failed and the wake-up, kept, made the worker try again at once instead of after its backoff (the fault
    matrix saw the first retry 2-14 ms after a 500, the backoff being 25-50 ms). The new record waits its turn;
    the admin's 立即同步 (flush_now) still cuts the backoff short."""
    calls: list[str] = []

    def sender(record: Any, payload: dict[str, Any]) -> str:
        calls.append(record.local_ref)
        if len(calls) == 1:
            outbox.enqueue("case", {"n": 2})  # queued while this request is in flight
            raise ServerError("server_error", status=500)
        return f"LY{len(calls)}"

    sleeps: list[tuple[float | None, bool]] = []  # (timeout, already woken) of every sleep of the worker

    class WakeSpy(threading.Event):
        def wait(self, timeout: float | None = None) -> bool:
            sleeps.append((timeout, self.is_set()))
            return super().wait(timeout)

    worker = SyncWorker(outbox, sender, base_delay_s=120, max_delay_s=120, rng=lambda: 0.0)
    worker._wake = WakeSpy()
    worker.start()
    try:
        outbox.enqueue("case", {"n": 1})
        assert wait_until(lambda: any(t == 60.0 for t, _ in sleeps), timeout=10), sleeps
        assert next(woken for t, woken in sleeps if t == 60.0) is False, sleeps  # sleeps its backoff: 60 s
        assert len(calls) == 1 and outbox.depth() == 2
        worker.flush_now()
        assert worker.wait_idle(10), worker.status()
        assert len(calls) == 3
    finally:
        worker.stop()


# ---- the outbox + sync worker through faults ---------------------------------------------------------------
def test_cut_after_commit_the_classic_duplicate_arrives_once(central: CentralProcess, proxy: FaultProxy,
                                                             proxied_client: CentralClient, outbox: Outbox) -> None:
    recs = [outbox.enqueue("case", case_payload(proxied_client)) for _ in range(3)]
    proxy.add_fault("cut_after_upstream", method="POST", path_prefix="/api/v1/cases", times=2)
    deliver_all(make_worker(outbox, proxied_client))
    assert sum(a.startswith("cut_after_upstream") for a in proxy.applied) == 2
    for rec in recs:
        assert server_count(central, rec.local_ref) == 1
        found = outbox.lookup(rec.local_ref)
        assert found is not None and found.synced
        assert [found.remote_ref] == [r[0] for r in central.query(
            "SELECT case_number FROM cases WHERE local_reference = ?", rec.local_ref)]


def test_reply_slower_than_read_timeout_arrives_once(central: CentralProcess, proxy: FaultProxy,
                                                     proxied_client: CentralClient, outbox: Outbox) -> None:
    rec = outbox.enqueue("case", case_payload(proxied_client))
    proxy.add_fault("delay", seconds=3, method="POST", path_prefix="/api/v1/cases", times=2)
    deliver_all(make_worker(outbox, proxied_client))
    assert server_count(central, rec.local_ref) == 1
    found = outbox.lookup(rec.local_ref)
    assert found is not None and found.attempts >= 3 and found.synced


def test_500s_then_success_arrives_once(central: CentralProcess, proxy: FaultProxy,
                                        proxied_client: CentralClient, outbox: Outbox) -> None:
    rec = outbox.enqueue("case", case_payload(proxied_client))
    proxy.add_fault("status", status=500, method="POST", path_prefix="/api/v1/cases", times=3)
    deliver_all(make_worker(outbox, proxied_client))
    assert server_count(central, rec.local_ref) == 1
    assert outbox.lookup(rec.local_ref).attempts == 4  # type: ignore[union-attr]


def test_server_down_then_back_everything_arrives_once_in_order(central: CentralProcess, proxy: FaultProxy,
                                                                proxied_client: CentralClient, outbox: Outbox) -> None:
    payload = case_payload(proxied_client)
    proxy.set_down(True)
    online: list[bool] = []
    recs = [outbox.enqueue("case", payload) for _ in range(4)]
    worker = make_worker(outbox, proxied_client, on_online=online.append, max_delay_s=0.5)
    worker.start()
    try:
        assert wait_until(lambda: online == [False] and (outbox.lookup(recs[0].local_ref).attempts or 0) >= 2)
        assert worker.depth() == 4 and worker.oldest() == recs[0].created_at
        assert worker.status().last_error == "unreachable"
        proxy.set_down(False)
        worker.flush_now()
        assert worker.wait_idle(30)
    finally:
        worker.stop()
    assert online == [False, True]
    numbers = []
    for rec in recs:
        assert server_count(central, rec.local_ref) == 1
        numbers.append(outbox.lookup(rec.local_ref).remote_ref)  # type: ignore[union-attr]
    assert numbers == sorted(numbers)  # sent in order


def test_retry_after_is_honoured(central: CentralProcess, proxy: FaultProxy,
                                 proxied_client: CentralClient, outbox: Outbox) -> None:
    rec = outbox.enqueue("case", case_payload(proxied_client))
    proxy.add_fault("status", status=503, method="POST", path_prefix="/api/v1/cases", times=1,
                    headers={"Retry-After": "3"})
    worker = make_worker(outbox, proxied_client)
    worker.start()
    try:
        assert wait_until(lambda: (outbox.lookup(rec.local_ref).attempts or 0) >= 1)  # type: ignore[union-attr]
        assert wait_until(lambda: worker.status().next_attempt_in_s is not None)
        scheduled = worker.status().next_attempt_in_s
        assert scheduled is not None and scheduled > 2.0  # base delay is 0.05 s: only Retry-After explains it
        assert worker.wait_idle(30)
    finally:
        worker.stop()
    assert server_count(central, rec.local_ref) == 1


def test_rate_limited_429_is_transient(central: CentralProcess, proxy: FaultProxy,
                                      proxied_client: CentralClient, outbox: Outbox) -> None:
    rec = outbox.enqueue("case", case_payload(proxied_client))
    proxy.add_fault("status", status=429, method="POST", times=2, headers={"Retry-After": "0"},
                    body=b'{"type":"x","title":"t","status":429,"detail":"d","code":"rate_limited"}')
    deliver_all(make_worker(outbox, proxied_client))
    assert server_count(central, rec.local_ref) == 1


def test_in_flight_409_is_retried_later_and_gets_the_original(central: CentralProcess, client: CentralClient,
                                                             outbox: Outbox) -> None:
    rec = outbox.enqueue("case", case_payload(client))
    item = outbox.next_pending()
    assert item is not None
    body = dict(item.payload, local_reference=rec.local_ref, client_created_at=rec.created_at.isoformat())
    raw = json.dumps(body, ensure_ascii=False).encode()
    path = "/api/v1/cases"
    first: dict[str, Any] = {}

    def slow_first() -> None:
        headers = signing.sign_headers(DEMO_ID, DEMO_SECRET, "POST", path, raw, int(time.time()))
        headers.update({"Idempotency-Key": rec.idempotency_key, "X-Test-Delay-Ms": "2500",
                        "Content-Type": "application/json"})
        r = requests.post(central.url + path, data=raw, headers=headers, timeout=30)
        first["status"], first["body"] = r.status_code, r.json()

    t = threading.Thread(target=slow_first)
    t.start()
    assert wait_until(lambda: central.query("SELECT state FROM idempotency_keys WHERE key = ?",
                                            rec.idempotency_key) == [("in_flight",)])
    codes: list[str] = []
    worker = make_worker(outbox, client, base_delay_s=0.2)
    worker.start()
    try:
        assert wait_until(lambda: (outbox.lookup(rec.local_ref).last_error or "") == "idempotency_in_flight"
                          or outbox.lookup(rec.local_ref).synced)  # type: ignore[union-attr]
        codes.append(outbox.lookup(rec.local_ref).last_error or "")  # type: ignore[union-attr]
        assert worker.wait_idle(30)
    finally:
        worker.stop()
        t.join()
    assert first["status"] == 201
    assert codes == ["idempotency_in_flight"]
    assert outbox.lookup(rec.local_ref).remote_ref == first["body"]["case_number"]  # type: ignore[union-attr]
    assert server_count(central, rec.local_ref) == 1


def test_permanent_4xx_marks_failed_alerts_and_moves_on(central: CentralProcess, client: CentralClient,
                                                        outbox: Outbox) -> None:
    bad = dict(case_payload(client), service_code="NO-SUCH-ITEM")
    r_bad = outbox.enqueue("case", bad)
    r_good = outbox.enqueue("case", case_payload(client))
    alerts: list[tuple[str, str | None, str]] = []
    deliver_all(make_worker(outbox, client, on_alert=lambda *a: alerts.append(a)))
    assert [(code, ref) for code, ref, _ in alerts] == [("validation_failed", r_bad.local_ref)]
    failed = outbox.lookup(r_bad.local_ref)
    assert failed is not None and failed.state == "failed" and failed.last_error == "validation_failed"
    assert server_count(central, r_bad.local_ref) == 0
    assert server_count(central, r_good.local_ref) == 1
    assert outbox.failed_count() == 1 and outbox.depth() == 0
    assert outbox.requeue(r_bad.local_ref) and outbox.depth() == 1  # admin may requeue after a fix


def test_evaluations_and_help_requests_go_through_the_outbox(central: CentralProcess, client: CentralClient,
                                                             outbox: Outbox) -> None:
    item_code = client.catalogue_items().items[0]["code"]
    ev = outbox.enqueue("evaluation", {"level": "满意", "tags": [], "comment": "", "service_code": item_code})
    hr = outbox.enqueue("help_request", {"kind": "帮办", "applicant": {"name": "欧阳菊花", "phone": "13812341234"}})
    deliver_all(make_worker(outbox, client))
    ev_ref = outbox.lookup(ev.local_ref).remote_ref  # type: ignore[union-attr]
    hr_ref = outbox.lookup(hr.local_ref).remote_ref  # type: ignore[union-attr]
    assert ev_ref and len(central.query("SELECT 1 FROM evaluations WHERE evaluation_number = ?", ev_ref)) == 1
    assert hr_ref and hr_ref.startswith("BD")
    assert client.help_request(hr_ref, "1234").kind == "帮办"


def test_terminal_level_refusal_keeps_records_and_alerts_once(central: CentralProcess, outbox: Outbox) -> None:
    wrong = CentralClient(central.url, DEMO_ID, b"revoked-key")
    right = CentralClient(central.url, DEMO_ID, DEMO_SECRET)
    rec = outbox.enqueue("case", case_payload(right))
    alerts: list[str] = []
    worker = make_worker(outbox, wrong, on_alert=lambda code, ref, msg: alerts.append(code))
    worker.start()
    try:
        assert wait_until(lambda: (outbox.lookup(rec.local_ref).attempts or 0) >= 3)  # type: ignore[union-attr]
    finally:
        worker.stop()
    assert alerts == ["signature_invalid"]
    assert outbox.lookup(rec.local_ref).state == "pending"  # type: ignore[union-attr]
    deliver_all(make_worker(outbox, right))
    assert server_count(central, rec.local_ref) == 1
    wrong.close()
    right.close()


def test_retried_urls_are_logged_without_their_query(proxy: FaultProxy, proxied_client: CentralClient,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    proxy.add_fault("status", status=503, method="GET", times=1)
    with caplog.at_level("DEBUG"), pytest.raises(Rejected):
        proxied_client.lookup_case("LY20260101000001", verifier="secret-qr-token")
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "Retry" in text or "retry" in text
    assert "secret-qr-token" not in text


def test_evaluation_of_an_offline_case_gets_the_real_case_number(central: CentralProcess, proxy: FaultProxy,
                                                                 proxied_client: CentralClient,
                                                                 outbox: Outbox) -> None:
    payload = case_payload(proxied_client)
    proxy.set_down(True)
    case = outbox.enqueue("case", payload)
    ev = outbox.enqueue("evaluation", {"level": "满意", "tags": [], "comment": "",
                                       "service_code": payload["service_code"], "case_local_ref": case.local_ref})
    proxy.set_down(False)
    deliver_all(make_worker(outbox, proxied_client))
    number = outbox.lookup(case.local_ref).remote_ref  # type: ignore[union-attr]
    ev_number = outbox.lookup(ev.local_ref).remote_ref  # type: ignore[union-attr]
    assert central.query("SELECT case_number FROM evaluations WHERE evaluation_number = ?", ev_number) == [(number,)]


def test_clock_skew_on_a_queued_post_is_corrected_then_delivered(central: CentralProcess, outbox: Outbox) -> None:
    slow = CentralClient(central.url, DEMO_ID, DEMO_SECRET)
    slow.signer._clock = lambda: time.time() - 900  # the RTC lost 15 minutes; first request refused
    slow.http._clock = slow.signer._clock
    rec = outbox.enqueue("case", case_payload(slow))
    alerts: list[str] = []
    deliver_all(make_worker(outbox, slow, on_alert=lambda code, ref, msg: alerts.append(code)))
    assert server_count(central, rec.local_ref) == 1
    assert alerts == ["clock_skew"]  # the operator hears about the clock, the citizen's case still goes
    assert slow.clock_skew_s is not None and 890 < slow.clock_skew_s < 910
    slow.close()
