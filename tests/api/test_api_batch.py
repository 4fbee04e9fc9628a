"""The outbox sends runs of queued cases in POST /cases/batch: each record settled by its own answer, nothing lost
or duplicated when the batch's reply is lost, a server without the endpoint served one by one, order kept
around records of other kinds. Ground truth: the server's database, counted by local reference."""
from __future__ import annotations

from typing import Any

from api_support import CentralProcess, case_payload
from helpers.fault_proxy import FaultProxy

from kiosk.api.client import CentralClient
from kiosk.api.errors import Rejected
from kiosk.api.outbox import Outbox
from kiosk.api.sync import SyncWorker

BATCH_PATH = "/api/v1/cases/batch"


def server_count(central: CentralProcess, local_ref: str) -> int:
    return len(central.query("SELECT case_number FROM cases WHERE local_reference = ?", local_ref))


def flush(outbox: Outbox, client: CentralClient, **kw: Any) -> SyncWorker:
    kw.setdefault("base_delay_s", 0.05)
    kw.setdefault("max_delay_s", 0.3)
    worker = SyncWorker(outbox, client.send_outbox_record, **kw)
    worker.start()
    try:
        assert worker.wait_idle(60), worker.status()
    finally:
        worker.stop()
    return worker


def assert_once_each(central: CentralProcess, outbox: Outbox, refs: list[str]) -> None:
    assert [server_count(central, r) for r in refs] == [1] * len(refs)
    for ref in refs:
        rec = outbox.lookup(ref)
        assert rec is not None and rec.synced and rec.remote_ref
        on_server = central.query("SELECT case_number FROM cases WHERE local_reference = ?", ref)[0][0]
        assert rec.remote_ref == on_server


def test_a_queue_goes_in_batches_each_record_acknowledged(central: CentralProcess, proxy: FaultProxy,
                                                          proxied_client: CentralClient, outbox: Outbox) -> None:
    payload = case_payload(proxied_client)
    refs = [outbox.enqueue("case", payload).local_ref for _ in range(45)]
    proxy.requests_seen = 0  # (case_payload may have read the catalogue through the proxy)
    worker = flush(outbox, proxied_client, batch_size=20)
    assert proxy.requests_seen == 3  # 20 + 20 + 5
    assert worker.status().sent_total == 45 and outbox.depth() == 0
    assert_once_each(central, outbox, refs)


def test_a_refused_record_fails_alone_and_the_others_are_delivered(central: CentralProcess, client: CentralClient,
                                                                   outbox: Outbox) -> None:
    good = case_payload(client)
    bad = dict(good, form={"no_such_field": "x"})
    recs = [outbox.enqueue("case", p) for p in (good, bad, good, good)]
    alerts: list[tuple[str, str | None]] = []
    worker = flush(outbox, client, on_alert=lambda code, ref, _msg: alerts.append((code, ref)))
    assert worker.status().failed_total == 1 and worker.status().sent_total == 3
    assert alerts == [("validation_failed", recs[1].local_ref)]
    failed = outbox.lookup(recs[1].local_ref)
    assert failed is not None and failed.state == "failed" and failed.last_error == "validation_failed"
    assert server_count(central, recs[1].local_ref) == 0
    assert_once_each(central, outbox, [recs[i].local_ref for i in (0, 2, 3)])


def test_a_lost_batch_reply_is_sent_again_and_replayed_not_duplicated(
        central: CentralProcess, proxy: FaultProxy, proxied_client: CentralClient, outbox: Outbox) -> None:
    payload = case_payload(proxied_client)
    refs = [outbox.enqueue("case", payload).local_ref for _ in range(12)]
    proxy.add_fault("cut_after_upstream", method="POST", path_prefix=BATCH_PATH, times=1)  # committed, reply lost
    proxy.add_fault("status", status=500, method="POST", path_prefix=BATCH_PATH, times=1)  # then a 500
    flush(outbox, proxied_client, batch_size=5)
    assert [a.split()[0] for a in proxy.applied] == ["cut_after_upstream", "status"]
    assert_once_each(central, outbox, refs)


def test_a_server_without_the_batch_endpoint_gets_the_records_one_by_one(
        central: CentralProcess, proxy: FaultProxy, proxied_client: CentralClient, outbox: Outbox) -> None:
    not_found = b'{"type":"about:blank","title":"Not found","status":404,"detail":"Not Found","code":"not_found"}'
    proxy.add_fault("status", status=404, method="POST", path_prefix=BATCH_PATH, times=100, body=not_found)
    payload = case_payload(proxied_client)
    refs = [outbox.enqueue("case", payload).local_ref for _ in range(6)]
    proxy.requests_seen = 0
    worker = flush(outbox, proxied_client)
    assert proxy.applied == [f"status POST {BATCH_PATH}"]  # asked once, then POST /cases per record
    assert proxy.requests_seen == 1 + 6
    assert worker.status().failed_total == 0
    assert_once_each(central, outbox, refs)


def test_order_is_kept_around_an_evaluation_of_a_queued_case(central: CentralProcess, client: CentralClient,
                                                             outbox: Outbox) -> None:
    payload = case_payload(client)
    first = [outbox.enqueue("case", payload) for _ in range(3)]
    evaluation = outbox.enqueue("evaluation", {"level": "非常满意", "tags": [], "comment": "",
                                               "case_local_ref": first[-1].local_ref})
    after = [outbox.enqueue("case", payload) for _ in range(3)]
    flush(outbox, client)
    assert_once_each(central, outbox, [r.local_ref for r in first + after])
    ev = outbox.lookup(evaluation.local_ref)
    assert ev is not None and ev.synced
    case_number = outbox.lookup(first[-1].local_ref).remote_ref  # type: ignore[union-attr]
    rows = central.query("SELECT case_number FROM evaluations WHERE evaluation_number = ?", ev.remote_ref)
    assert rows == [(case_number,)]
    # the evaluation's case was acknowledged before the evaluation was sent; the later cases after it
    seqs = {r.local_ref: outbox.lookup(r.local_ref).seq for r in first + after}  # type: ignore[union-attr]
    assert max(seqs[r.local_ref] for r in first) < ev.seq < min(seqs[r.local_ref] for r in after)


def test_submit_cases_returns_a_typed_answer_per_item(client: CentralClient) -> None:
    payload = case_payload(client)
    k1, k2 = "6f0a8a9e-3c55-4bb4-9a43-2c1f8b7d7a01", "6f0a8a9e-3c55-4bb4-9a43-2c1f8b7d7a02"
    answers = client.submit_cases([(k1, dict(payload, local_reference="SC-1")),
                                   (k2, dict(payload, service_code="NO-SUCH-ITEM"))])
    assert answers[0].case_number.startswith("LY")  # type: ignore[union-attr]
    assert isinstance(answers[1], Rejected) and answers[1].code == "validation_failed" and not answers[1].retryable
    again = client.submit_cases([(k1, dict(payload, local_reference="SC-1"))])
    assert again[0].case_number == answers[0].case_number  # type: ignore[union-attr]
    assert client.submit_cases([]) == []
