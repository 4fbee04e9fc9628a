"""Fault matrix, devices, in the running app (real window and Services, reference central service, the
reader simulator over a pty, the printer simulator on loopback):

- printer out of paper / cover open / silent / vanishing mid-receipt: the receipt panel shows the on-screen
  QR (decoded back to the case's link with zxing) and the number in large type; the submission made at the
  same time reaches the central service exactly once;
- reader unplugged and replugged mid-read / sending garbage / silent: a clear error or offline state, then a
  card is read again after recovery without restarting anything;
- in every case the window answers a tap while the fault is active (a home tile opens its screen).

Device-level coverage of the same faults: tests/idcard/test_idcard_reader.py, tests/printer/test_printer_status.py.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from api_support import case_payload
from helpers.central_server import CentralServer
from helpers.kiosk_app import Kiosk, running_kiosk
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from pytestqt.qtbot import QtBot
from reliability_support import record_figures

from kiosk.devices.printer.receipts import case_receipt
from kiosk.devices.printer.samples import sample_case
from kiosk.devices.printer.settings import PrinterSettings
from kiosk.flow import HOME
from kiosk.screens.receipt import ReceiptPanel

pytestmark = pytest.mark.gui


def taps_still_answered(kiosk: Kiosk) -> bool:
    """A citizen's tap while the fault is active: the 办事指南 tile opens its screen; home brings them back."""
    kiosk.window.end_session()
    kiosk.tap(kiosk.window.current_screen.tiles["guide_browse"])
    kiosk.wait_screen("guide_browse", 5_000)
    kiosk.tap(kiosk.window.bottom.home)
    kiosk.wait_screen(HOME, 5_000)
    return True


def qr_payload(panel: ReceiptPanel) -> str:
    pixmap = panel.qr.pixmap()
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.toImage().save(buf, "PNG")
    import io

    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(bytes(buf.data()))))
    return found[0].text if found else ""


PRINTER_FAULTS: dict[str, tuple[Callable[[Any], None], Callable[[Any], None]]] = {
    "paper_out": (lambda s: s.set_paper("out"), lambda s: s.set_paper("ok")),
    "cover_open": (lambda s: s.set_cover_open(True), lambda s: s.set_cover_open(False)),
    "silent": (lambda s: s.set_silent(True), lambda s: s.set_silent(False)),
    "vanishes_mid_receipt": (lambda s: s.vanish_after(300), lambda s: None),
}


@pytest.mark.parametrize("fault", sorted(PRINTER_FAULTS))
def test_printer_fault_gives_the_on_screen_qr_and_the_submission_is_unaffected(
        qtbot: QtBot, central: CentralServer, tmp_path: Path, fault: str) -> None:
    inject, heal = PRINTER_FAULTS[fault]
    with running_kiosk(qtbot, central.url, tmp_path, voice={"enabled": False}) as kiosk:
        sim = kiosk.printer.service.simulator
        inject(sim)
        # the citizen's submission goes through the outbox as the apply screen does (off the GUI thread)
        outbox, client = kiosk.ctx.service("outbox"), kiosk.ctx.service("central")
        done: dict[str, Any] = {}
        t = threading.Thread(target=lambda: done.update(rec=outbox.enqueue("case", case_payload(client))))
        t.start()
        qtbot.waitUntil(lambda: not t.is_alive(), timeout=15_000)
        ref = done["rec"].local_ref
        qtbot.waitUntil(lambda: (r := outbox.lookup(ref)) is not None and r.synced, timeout=30_000)
        # the receipt cannot be printed: the QR and the number on screen instead
        panel = ReceiptPanel(kiosk.ctx)
        qtbot.addWidget(panel)
        panel.show()
        doc = case_receipt(sample_case(PrinterSettings()))
        with qtbot.waitSignal(panel.finished, timeout=20_000) as blocker:
            panel.print_document(doc)
        printed_ok = blocker.args == [True]
        assert not printed_ok, f"{fault}: the printer claimed success"
        assert panel.qr.isVisible() and panel.headline.text() == doc.headline
        assert qr_payload(panel) == doc.fallback_qr
        answered = taps_still_answered(kiosk)
        # by the outbox's case number and idempotency key (local references restart with a fresh data dir,
        # so an earlier test's kiosk with the same terminal id has the same ones)
        rec = outbox.lookup(ref)
        stored = central.query("SELECT COUNT(*) FROM cases WHERE case_number = ? AND local_reference = ?",
                               rec.remote_ref, ref)[0][0]
        keys = central.query("SELECT COUNT(*) FROM idempotency_keys WHERE key = ?", rec.idempotency_key)[0][0]
        assert keys == 1
        heal(sim)
        panel.close()
    record_figures("fault_matrix", f"printer_{fault}", {
        "made": 1, "stored": stored, "lost": 1 - stored if stored <= 1 else 0, "duplicated": max(0, stored - 1),
        "receipt": "on-screen QR", "qr_decoded": True, "taps_answered": answered})
    assert stored == 1


READER_FAULTS = ("unplug_replug", "garbage", "silent")


@pytest.mark.parametrize("fault", READER_FAULTS)
def test_reader_fault_is_reported_taps_answered_and_it_recovers(qtbot: QtBot, central: CentralServer,
                                                                tmp_path: Path, fault: str) -> None:
    with running_kiosk(qtbot, central.url, tmp_path, voice={"enabled": False}) as kiosk:
        adapter = kiosk.reader
        qtbot.waitUntil(lambda: adapter.online, timeout=10_000)
        sim = adapter.simulator
        errors: list[str] = []
        online: list[bool] = []
        cards: list[Any] = []
        adapter.error.connect(lambda code, _m: errors.append(code))
        adapter.onlineChanged.connect(online.append)
        adapter.cardRead.connect(cards.append)
        adapter.arm()
        if fault == "unplug_replug":
            sim.slow_read_s = 0.3  # the cable goes while a card lies there and is being read
            sim.place_card("resident-basic")
            sim.unplug()
            qtbot.waitUntil(lambda: False in online, timeout=15_000)
        elif fault == "garbage":  # line noise before every reply: the receiver resynchronises, the card is read
            sim.garbage = b"\x00\xff\xaa\x55garbage\x96\x69"
            kiosk.place_card("resident-basic")
            qtbot.waitUntil(lambda: bool(cards), timeout=20_000)
        else:  # the port stays open but nothing answers
            sim.silent = True
            qtbot.waitUntil(lambda: bool(errors) or False in online, timeout=30_000)
        answered = taps_still_answered(kiosk)
        during = {"errors": sorted(set(errors)), "went_offline": False in online, "cards_read": len(cards)}
        sim.slow_read_s, sim.garbage, sim.silent = 0.0, b"", False
        if fault == "unplug_replug":
            sim.replug()
        qtbot.waitUntil(lambda: adapter.online and (fault == "garbage" or online[-1:] == [True]), timeout=30_000)
    record_figures("fault_matrix", f"reader_{fault}", {**during, "taps_answered": answered,
                                                       "back_online_without_restart": True})
    assert during["errors"] or during["went_offline"] or during["cards_read"], "the fault went unnoticed"
