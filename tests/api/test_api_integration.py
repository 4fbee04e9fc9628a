"""The pieces as the app wires them: KioskConfig -> client + outbox, the Qt adapter's signals, the CLI,
and what the raw SQLite files hold before and after a real acknowledgement."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from api_support import REPO, CentralProcess, case_payload
from helpers.fault_proxy import FaultProxy

from kiosk.api.client import CentralClient
from kiosk.api.outbox import Outbox
from kiosk.api.sync import SyncWorker
from kiosk.config import load_config

ID_NUMBER, PHONE, NAME = "430181196505050022", "13700007777", "司马光明"


def write_config(tmp_path: Path, url: str, *, key_mode: int = 0o600) -> Path:
    secret = tmp_path / "terminal.secret"
    secret.write_text("demo-terminal-secret\n")
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(f"""
[terminal]
id = "LY-DEMO-0001"
site_name = "集里街道便民服务中心"
region_code = "430181001"
level = "township"

[central]
url = "{url}"
terminal_secret_file = "{secret}"
connect_timeout_s = 1.0
read_timeout_s = 5.0

[storage]
data_dir = "{tmp_path / 'data'}"
key_file = "{tmp_path / 'secrets' / 'outbox.key'}"
""", encoding="utf-8")
    return cfg


def test_client_and_outbox_from_kiosk_config(central: CentralProcess, tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, central.url))
    client = CentralClient.from_config(config)
    assert client.terminal_id == "LY-DEMO-0001" and client.http.timeout == (1.0, 5.0)
    assert client.evaluation_tags().levels
    with Outbox.from_config(config) as ob:
        assert ob.db_path == tmp_path / "data" / "outbox.sqlite3"
        rec = ob.enqueue("case", case_payload(client))
        assert rec.local_ref.startswith("LY-")
        assert (tmp_path / "secrets" / "outbox.key").stat().st_mode & 0o777 == 0o600
    client.close()


def test_demo_secret_refused_for_a_real_service(tmp_path: Path) -> None:
    cfg = write_config(tmp_path, "https://zwfw.example.gov.cn")
    text = cfg.read_text().replace(f'terminal_secret_file = "{tmp_path / "terminal.secret"}"', 'terminal_secret_file = ""')
    cfg.write_text(text)
    with pytest.raises(ValueError, match="terminal_secret_file"):
        CentralClient.from_config(load_config(cfg))


def raw_files(db: Path) -> bytes:
    return b"".join(p.read_bytes() for p in db.parent.iterdir() if p.name.startswith(db.name))


def test_raw_sqlite_files_hold_no_personal_data_queued_or_acknowledged(central: CentralProcess,
                                                                        client: CentralClient,
                                                                        outbox: Outbox) -> None:
    payload = case_payload(client, name=NAME, id_number=ID_NUMBER, phone=PHONE)
    recs = [outbox.enqueue("case", payload, owner_id=ID_NUMBER) for _ in range(5)]
    recs.append(outbox.enqueue("help_request", {"kind": "代办", "applicant": {"name": NAME, "phone": PHONE}}))
    needles = [v.encode(enc) for v in (ID_NUMBER, PHONE, NAME, PHONE[-4:] + "\x00") for enc in ("utf-8", "utf-16-le")]
    needles = [n for n in needles if n != (PHONE[-4:] + "\x00").encode("utf-8")]
    queued = raw_files(outbox.db_path)
    assert Path(str(outbox.db_path) + "-wal").exists()
    for n in needles:
        assert n not in queued
    assert [r.local_ref for r in outbox.pending_for_owner(ID_NUMBER)] == [r.local_ref for r in recs[:5]]
    worker = SyncWorker(outbox, client.send_outbox_record, base_delay_s=0.05)
    worker.start()
    assert worker.wait_idle(30)
    worker.stop()
    acked = raw_files(outbox.db_path)
    for n in needles:
        assert n not in acked
    assert outbox.pending_for_owner(ID_NUMBER) == []
    assert Path(str(outbox.db_path) + "-wal").stat().st_size == 0  # checkpointed and truncated
    # the server got the personal data, once each; the kiosk kept only the mapping
    for rec in recs[:5]:
        (number,) = [r[0] for r in central.query("SELECT case_number FROM cases WHERE local_reference = ?",
                                                 rec.local_ref)]
        assert outbox.lookup(rec.local_ref).remote_ref == number  # type: ignore[union-attr]


@pytest.mark.gui
def test_qt_adapter_signals_reach_the_gui_thread(qtbot: Any, proxy: FaultProxy, proxied_client: CentralClient,
                                                 outbox: Outbox) -> None:
    from PySide6.QtCore import QThread

    from kiosk.api.qt_adapter import ApiSignals

    signals = ApiSignals()
    seen: list[tuple[str, Any, bool]] = []
    gui = QThread.currentThread()

    def record(name: str) -> Any:
        return lambda *args: seen.append((name, args, QThread.currentThread() is gui))

    signals.online_changed.connect(record("online"))
    signals.outbox_depth_changed.connect(record("depth"))
    signals.sync_progress.connect(record("progress"))
    listener = signals.watch_outbox(outbox)
    worker = SyncWorker(outbox, proxied_client.send_outbox_record, base_delay_s=0.05, max_delay_s=0.2,
                        **signals.worker_callbacks())
    payload = case_payload(proxied_client)
    proxy.set_down(True)
    worker.start()
    try:
        outbox.enqueue("case", payload)
        qtbot.waitUntil(lambda: ("online", (False,), True) in seen, timeout=20000)
        proxy.set_down(False)
        worker.flush_now()
        qtbot.waitUntil(lambda: ("online", (True,), True) in seen, timeout=20000)
        qtbot.waitUntil(lambda: ("depth", (0,), True) in seen, timeout=20000)
    finally:
        worker.stop()
        outbox.remove_listener(listener)
    assert ("depth", (0,), True) == seen[0] or ("depth", (0,), True) in seen  # initial depth reported
    assert ("depth", (1,), True) in seen
    assert all(on_gui for _, _, on_gui in seen), "a slot ran off the GUI thread"
    assert [args for name, args, _ in seen if name == "online"] == [(False,), (True,)]
    assert signals.online is True
    # Delete the QObject here, on the GUI thread: left to the cyclic GC it could be collected on a worker
    # thread during a later test (Qt warns "Timers cannot be stopped from another thread").
    signals.deleteLater()
    del signals
    import gc

    gc.collect()


def test_technician_commands(central: CentralProcess, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, central.url)
    env = dict(os.environ, KIOSK_CONFIG=str(cfg))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=REPO, env=env, capture_output=True,
                              text=True, timeout=120, check=False)

    check = run("central-check")
    assert check.returncode == 0, check.stderr
    assert "signed request accepted" in check.stdout and "clock skew" in check.stdout
    client = CentralClient.from_config(load_config(cfg))
    with Outbox.from_config(load_config(cfg)) as ob:
        ok = ob.enqueue("case", case_payload(client))
        bad = ob.enqueue("case", dict(case_payload(client), service_code="NO-SUCH-ITEM"))
    status = run("outbox-status")
    assert "waiting: 2" in status.stdout
    flush = run("outbox-flush", "--timeout", "30")
    assert flush.returncode == 0, flush.stdout + flush.stderr
    assert f"{bad.local_ref} validation_failed" in flush.stdout
    status = run("outbox-status")
    assert "waiting: 0" in status.stdout and bad.local_ref in status.stdout
    assert len(central.query("SELECT 1 FROM cases WHERE local_reference = ?", ok.local_ref)) == 1
    requeue = run("outbox-requeue", bad.local_ref.lower())
    assert requeue.returncode == 0 and "queued again" in requeue.stdout
    assert run("outbox-requeue", "LY-19990101-0001").returncode == 1
    for out in (check.stdout, status.stdout, flush.stdout):
        assert "430181195803120037" not in out and "13812341234" not in out
    client.close()
