"""The real server process stopped, and SIGKILLed in the middle of a flush, then restarted on the same port:
every queued submission still exists exactly once."""
from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_support import DEMO_ID, DEMO_SECRET, case_payload, wait_until
from helpers.central_server import CentralServer

from kiosk.api.client import CentralClient
from kiosk.api.outbox import Outbox
from kiosk.api.sync import SyncWorker


@pytest.fixture()
def own_server(tmp_path: Path) -> Iterator[CentralServer]:
    with CentralServer(tmp_path / "central") as server:
        yield server


def counts(server: CentralServer, prefix: str) -> dict[str, int]:
    rows = server.query("SELECT local_reference, COUNT(*) FROM cases WHERE local_reference LIKE ? "
                        "GROUP BY local_reference", prefix + "-%")
    return {ref: int(n) for ref, n in rows}


def test_server_stopped_then_killed_mid_flush_every_case_once(own_server: CentralServer, tmp_path: Path) -> None:
    client = CentralClient(own_server.url, DEMO_ID, DEMO_SECRET, connect_timeout_s=1, read_timeout_s=5)
    payload = case_payload(client)
    with Outbox(tmp_path / "d" / "outbox.sqlite3", tmp_path / "k" / "outbox.key", ref_prefix="RST") as ob:
        own_server.stop()  # the service is down: submissions queue up
        refs = [ob.enqueue("case", payload).local_ref for _ in range(200)]
        online: list[bool] = []
        # small batches (POST /cases/batch): the kill lands between or inside batches, not after the last one
        worker = SyncWorker(ob, client.send_outbox_record, base_delay_s=0.05, max_delay_s=0.3,
                            on_online=online.append, batch_size=5)
        worker.start()
        try:
            assert wait_until(lambda: online[-1:] == [False])
            own_server.start()
            worker.flush_now()
            # kill the server hard while the queue is draining, then bring it back
            assert wait_until(lambda: ob.depth() <= 185, timeout=60, interval=0.005)
            assert own_server.proc is not None
            own_server.proc.send_signal(signal.SIGKILL)
            own_server.proc.wait(timeout=10)
            own_server.proc = None
            left = ob.depth()
            assert left > 0
            own_server.start()
            worker.flush_now()
            assert worker.wait_idle(120)
        finally:
            worker.stop()
        on_server = counts(own_server, "RST")
        assert sorted(on_server) == sorted(refs)
        assert set(on_server.values()) == {1}
        for ref in refs:
            rec = ob.lookup(ref)
            assert rec is not None and rec.synced and rec.remote_ref
    client.close()
