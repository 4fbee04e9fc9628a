"""Fault matrix, network side: each fault between the kiosk and the central service, with submissions flowing
through the real outbox and sync worker, then counted on the server (made / stored / lost / duplicated).

Ground truth is the server's database, counted by local reference (unique per outbox prefix). Figures go to
results/fault_matrix.json. What is counted: `sends` are the sync worker's requests (one POST /cases for a single
record, one POST /cases/batch for a run of queued cases; refused connections included), `requests_by_route` what
reached the proxy, `record_attempts` the outbox's per-record attempt counters summed (a failed batch of 12 adds 12,
an acknowledgement 1 per record). Already covered one record at a time in tests/api/test_api_faults.py; here every
fault runs with a batch, the counts are reported, and the GUI half (tests below) shows the app answering taps
while the fault is active.
"""
from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from api_support import DEMO_ID, DEMO_SECRET, case_payload, unique_prefix
from helpers.central_server import CentralServer
from helpers.fault_proxy import FaultProxy
from reliability_support import record_figures, wait_until

from kiosk.api.client import CentralClient
from kiosk.api.outbox import Outbox
from kiosk.api.sync import SyncWorker

BATCH = 12


def counts(central: CentralServer, prefix: str, made: set[str]) -> dict[str, int]:
    rows = dict(central.query("SELECT local_reference, COUNT(*) FROM cases WHERE local_reference LIKE ? "
                              "GROUP BY local_reference", prefix + "-%"))
    return {"made": len(made), "stored": len(rows), "lost": len(made - set(rows)),
            "duplicated": sum(1 for n in rows.values() if n > 1), "strays": len(set(rows) - made)}


def run_case(central: CentralServer, proxy: FaultProxy, tmp_path: Path, name: str,
             inject: Callable[[FaultProxy], None], *, heal: Callable[[FaultProxy], None] | None = None,
             client_kw: dict[str, Any] | None = None, clock_offset_s: float = 0.0) -> dict[str, Any]:
    prefix = unique_prefix()
    kw = {"connect_timeout_s": 1, "read_timeout_s": 1.5, "lookup_deadline_s": 10, "get_retries": 1}
    kw.update(client_kw or {})
    client = CentralClient(proxy.url, DEMO_ID, DEMO_SECRET, **kw)
    if clock_offset_s:
        skewed = lambda: time.time() + clock_offset_s
        client.signer._clock = skewed
        client.http._clock = skewed
    payload = case_payload(CentralClient(central.url, DEMO_ID, DEMO_SECRET))
    alerts: list[str] = []
    with Outbox(tmp_path / name / "data" / "outbox.sqlite3", tmp_path / name / "key" / "outbox.key",
                ref_prefix=prefix) as ob:
        sends: Counter[str] = Counter()  # the worker's requests, by kind (its one thread writes it)

        def send_one(record: Any, body: dict[str, Any]) -> str:
            sends["single"] += 1
            return client.send_outbox_record(record, body)

        def send_batch(items: list[Any]) -> list[Any]:
            sends["batch"] += 1
            return client.send_outbox_batch(items)

        worker = SyncWorker(ob, send_one, batch_sender=send_batch, base_delay_s=0.05, max_delay_s=0.4,
                            on_alert=lambda code, ref, msg: alerts.append(code))
        inject(proxy)
        worker.start()
        made = {ob.enqueue("case", payload).local_ref for _ in range(BATCH)}
        # let the fault bite: the worker tries (requests, not records: a batch carries many) while it is active
        wait_until(lambda: sends.total() >= BATCH // 2 or ob.depth() == 0, timeout=15)
        applied = len(proxy.applied)
        sends_during_fault = sends.total()
        tried_during_fault = sum(r.attempts for r in ob.records())
        if heal is not None:
            heal(proxy)
        try:
            assert worker.wait_idle(120), worker.status()
        finally:
            worker.stop()
        records = ob.records()
        figures = counts(central, prefix, made)
        figures.update(faults_injected=max(applied, len(proxy.applied)), sends=sends.total(),
                       sends_by_kind=dict(sends), sends_during_fault=sends_during_fault,
                       requests_by_route=dict(proxy.requests_by_route), clock_offset_s=clock_offset_s,
                       record_attempts=sum(r.attempts for r in records),
                       record_attempts_during_fault=tried_during_fault, alerts=sorted(set(alerts)),
                       acknowledged=sum(r.synced for r in records))
    client.close()
    record_figures("fault_matrix", name, figures)
    assert figures["lost"] == 0 and figures["duplicated"] == 0 and figures["strays"] == 0, figures
    assert figures["stored"] == BATCH and figures["acknowledged"] == BATCH, figures
    return figures


def test_central_service_down(central: CentralServer, proxy: FaultProxy, tmp_path: Path) -> None:
    f = run_case(central, proxy, tmp_path, "central_down", lambda p: p.set_down(True),
                 heal=lambda p: p.set_down(False))
    assert f["sends_during_fault"] >= BATCH // 2  # it really tried (connection refused) while down


def test_central_answers_500(central: CentralServer, proxy: FaultProxy, tmp_path: Path) -> None:
    f = run_case(central, proxy, tmp_path, "http_500",
                 lambda p: p.add_fault("status", status=500, method="POST", path_prefix="/api/v1/cases", times=20))
    assert f["faults_injected"] == 20
    # one request per fault, then one that delivers what is left: nothing re-sent behind the worker's back
    assert f["sends"] == 21 and sum(f["requests_by_route"].values()) == 21, f


def test_central_slower_than_the_read_timeout(central: CentralServer, proxy: FaultProxy, tmp_path: Path) -> None:
    # the server commits each delayed request, the kiosk times out and sends it again with the same key
    f = run_case(central, proxy, tmp_path, "slower_than_read_timeout",
                 lambda p: p.add_fault("delay", seconds=2.5, method="POST", path_prefix="/api/v1/cases", times=6))
    assert f["faults_injected"] == 6


def test_connection_cut_after_commit_before_reply(central: CentralServer, proxy: FaultProxy, tmp_path: Path) -> None:
    f = run_case(central, proxy, tmp_path, "cut_after_commit",
                 lambda p: p.add_fault("cut_after_upstream", method="POST", path_prefix="/api/v1/cases", times=8))
    assert f["faults_injected"] == 8


def test_connection_reset_before_forwarding(central: CentralServer, proxy: FaultProxy, tmp_path: Path) -> None:
    run_case(central, proxy, tmp_path, "reset_before_forward",
             lambda p: p.add_fault("reset", method="POST", path_prefix="/api/v1/cases", times=8))


@pytest.mark.parametrize("offset", [-600, 600], ids=["behind_10_min", "ahead_10_min"])
def test_terminal_clock_skewed_10_minutes(central: CentralServer, proxy: FaultProxy, tmp_path: Path,
                                          offset: int) -> None:
    """The first signed request is refused as clock_skew; the signer corrects by the server's Date and every
    record goes through; the operator gets one clock_skew alert. Never a silent loss."""
    f = run_case(central, proxy, tmp_path, f"clock_skew_{offset:+d}s", lambda p: None, clock_offset_s=offset)
    assert f["alerts"] == ["clock_skew"]


def test_mixed_random_faults(central: CentralServer, proxy: FaultProxy, tmp_path: Path) -> None:
    rng = random.Random(9)

    def inject(p: FaultProxy) -> None:
        for _ in range(25):
            action = rng.choice(["status", "delay", "cut_after_upstream", "reset"])
            p.add_fault(action, status=rng.choice([500, 502, 503]), seconds=2.0, method="POST",
                        path_prefix="/api/v1/cases", times=1)

    run_case(central, proxy, tmp_path, "mixed_random", inject)
