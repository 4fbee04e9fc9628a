# ruff: noqa: B023  (the lambdas are waited on inside the same loop iteration)
"""Privacy audit: several synthetic citizens identify themselves with their cards and submit (one while the
central service is unreachable), receipts are printed, sessions end; then everything the kiosk wrote is
scanned for their full ID numbers, phone numbers, names and addresses in the clear:

log files (the app's own file handler), the data and config dirs (SQLite files with their -wal and -shm, the
catalogue, the audit log, the key dir), every temp file created during the run (TMPDIR is private to it),
the printed receipts decoded back to text, every widget's text after the session reset (visible or not), and
the clipboard. Expected: nothing, and the outbox (which still holds the offline submission) is ciphertext:
its raw bytes hold none of the needles while the record decrypts back to the payload with the key.

Journey-level wipe checks (each journey's own screens) live in tests/journeys.
"""
from __future__ import annotations

import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest
from api_support import case_payload
from helpers.central_server import CentralServer
from helpers.fault_proxy import FaultProxy
from helpers.kiosk_app import running_kiosk
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)
from pytestqt.qtbot import QtBot
from reliability_support import REPO, record_figures

from kiosk.devices.idcard.samples import load_cards
from kiosk.devices.printer.receipts import (
    CaseReceiptData,
    CaseRoute,
    Footer,
    case_receipt,
)
from kiosk.logs import setup_logging
from kiosk.screens.receipt import ReceiptPanel

sys_path = str(REPO / "tests" / "printer")
import sys

if sys_path not in sys.path:
    sys.path.insert(0, sys_path)
from escpos_decode import decode

pytestmark = pytest.mark.gui
PHONES = ["13812341234", "15907315566", "18673129988", "13307310001"]


def needles_for(fields: dict[str, str], phone: str) -> dict[str, str]:
    out = {"id_number": fields["id_number"], "phone": phone, "name": fields["name"]}
    if len(fields.get("address", "")) >= 8:
        out["address"] = fields["address"]
        out["address_tail"] = fields["address"][-8:]  # the part masking cuts off
    return out


def scan_bytes(blob: bytes, needles: dict[str, str]) -> list[str]:
    hits = []
    for what, value in needles.items():
        for enc in ("utf-8", "utf-16-le", "gb18030"):
            try:
                if value.encode(enc) in blob:
                    hits.append(f"{what}/{enc}")
            except UnicodeEncodeError:
                pass
    return hits


def snapshot(tmp_path: Path, run_tmp: Path) -> dict[str, bytes]:
    """Every file the kiosk wrote: data dir, logs, key dir, and the run's private temp dir."""
    out: dict[str, bytes] = {}
    for root in (tmp_path / "data", tmp_path / "logs", tmp_path / "keys", run_tmp):
        for path in root.rglob("*"):
            if path.is_file():
                out[str(path.relative_to(tmp_path))] = path.read_bytes()
    return out


def test_nothing_of_any_citizen_is_left_in_the_clear(qtbot: QtBot, central: CentralServer, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    run_tmp = tmp_path / "tmp"
    run_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(run_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(run_tmp))
    cards = {c.id: c for c in load_cards()}
    chosen = [c.id for c in load_cards() if c.fields.get("id_number") and c.fields.get("name")][:4]
    needles: dict[str, str] = {}
    for i, cid in enumerate(chosen):
        for k, v in needles_for(dict(cards[cid].fields), PHONES[i % len(PHONES)]).items():
            needles[f"{cid}.{k}"] = v
    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    setup_logging(log_dir, level="DEBUG", console=False)
    printed = b""
    offline_ref = ""
    try:
        with FaultProxy("127.0.0.1", central.port) as proxy, \
                running_kiosk(qtbot, proxy.url, tmp_path, voice={"enabled": False}) as kiosk:
            outbox, client = kiosk.ctx.service("outbox"), kiosk.ctx.service("central")
            for i, cid in enumerate(chosen):
                fields = cards[cid].fields
                phone = PHONES[i % len(PHONES)]
                # the card is read by the real reader over the pty, into the session, as identify does
                got: list[Any] = []
                kiosk.reader.cardRead.connect(got.append)
                kiosk.reader.arm()
                kiosk.place_card(cid)
                qtbot.waitUntil(lambda: bool(got), timeout=20_000)
                kiosk.reader.disarm()
                kiosk.reader.cardRead.disconnect()
                kiosk.ctx.session.identity = got[0]
                kiosk.ctx.session.draft.update(phone=phone)
                QGuiApplication.clipboard().setText(phone)
                offline = i == len(chosen) - 1
                if offline:
                    proxy.set_down(True)
                body = case_payload(client, name=fields["name"], id_number=fields["id_number"], phone=phone)
                body["applicant"]["address"] = fields["address"]
                rec: dict[str, Any] = {}
                t = threading.Thread(target=lambda: rec.update(r=outbox.enqueue("case", body,
                                                                                owner_id=fields["id_number"])))
                t.start()
                qtbot.waitUntil(lambda: not t.is_alive(), timeout=15_000)
                ref = rec["r"].local_ref
                if offline:
                    offline_ref = ref
                else:
                    qtbot.waitUntil(lambda: (r := outbox.lookup(ref)) is not None and r.synced, timeout=30_000)
                # the receipt, as the apply screen prints it (masked by the layout)
                panel = ReceiptPanel(kiosk.ctx)
                qtbot.addWidget(panel)
                from datetime import date, datetime
                doc = case_receipt(CaseReceiptData(
                    case_number="" if offline else (outbox.lookup(ref).remote_ref or ""), offline_ref=ref,
                    item_name="测试事项", applicant_name=fields["name"], submitted_at=datetime.now(),
                    promised_date=date.today(), materials=("居民身份证",), delivery="express",
                    route=CaseRoute("a", "b", "c"), follow_url="https://zw.liuyang.example/c/" + ref,
                    footer=Footer("集里街道便民服务中心", "LY-DEMO-0001", datetime.now()),
                    applicant_id_number=fields["id_number"], applicant_phone=phone,
                    express_address=fields["address"]))
                with qtbot.waitSignal(panel.finished, timeout=20_000):
                    panel.print_document(doc)
                panel.close()
                panel.deleteLater()
                kiosk.window.end_session()
            printed = kiosk.printed()
            # after the last reset: every widget's text, visible or not, and the clipboard
            widgets = kiosk.window.findChildren(QLabel) + kiosk.window.findChildren(QLineEdit) + \
                kiosk.window.findChildren(QAbstractButton)
            screen_text = "\n".join(w.text() for w in widgets)
            screen_text += "\n".join(w.toPlainText() for w in kiosk.window.findChildren(QTextEdit)
                                     + kiosk.window.findChildren(QPlainTextEdit))
            clipboard = QGuiApplication.clipboard().text()
            # the outbox still holds the offline submission: prove it is there, decryptable, and ciphertext
            live = snapshot(tmp_path, run_tmp)  # while running: the -wal and -shm files exist now
            pending = outbox.next_pending()
            assert pending is not None and pending.record.local_ref == offline_ref
            assert pending.payload["applicant"]["id_number"] == cards[chosen[-1]].fields["id_number"]
            proxy.set_down(False)
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "_kiosk", False):
                logging.getLogger().removeHandler(handler)
                handler.close()

    findings: dict[str, list[str]] = {}
    after = snapshot(tmp_path, run_tmp)
    for name, blob in [*live.items(), *after.items()]:
        hits = scan_bytes(blob, needles)
        if hits:
            findings[name] = hits
    scanned = len(set(live) | set(after))
    receipt_text = "\n".join(decode(printed, "gb18030").lines)
    for where, blob in (("receipts", receipt_text), ("widgets_after_reset", screen_text), ("clipboard", clipboard)):
        hits = [k for k, v in needles.items() if v in blob]
        if hits:
            findings[where] = hits
    outbox_files = sorted(n for n in live if "outbox.sqlite3" in n)
    record_figures("privacy_audit", "in_app_run", {
        "citizens": len(chosen), "needles": len(needles), "files_scanned": scanned, "outbox_files": outbox_files,
        "receipts_bytes": len(printed), "findings": findings, "offline_record_in_outbox_encrypted": True})
    assert len(printed) > 0 and "证件号码" in receipt_text
    assert not findings, findings
    assert os.listdir(run_tmp) == [] or all(not scan_bytes(p.read_bytes(), needles)
                                            for p in run_tmp.rglob("*") if p.is_file())
