"""The Qt adapter delivers print results and status changes on the GUI thread, without blocking it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QThread

from kiosk.devices.printer.document import QR, Cut, Document, Text
from kiosk.devices.printer.qt_adapter import PrinterAdapter
from kiosk.devices.printer.service import PrinterService
from kiosk.devices.printer.settings import PrinterSettings
from kiosk.devices.printer.status import PrinterState

pytestmark = pytest.mark.gui

DOC = Document("case", (Text("办件回执"), QR("https://zw.example/c/1"), Cut()), fallback_qr="https://zw.example/c/1",
               headline="LY1")


@pytest.fixture
def adapter(qtbot, simulator):  # type: ignore[no-untyped-def]
    service = PrinterService(PrinterSettings(uri=simulator.uri, status_timeout_ms=200))
    adapter = PrinterAdapter(service)
    yield adapter
    adapter.close()
    service.close()


def test_print_result_arrives_on_the_gui_thread(qtbot, adapter, simulator) -> None:  # type: ignore[no-untyped-def]
    threads = []
    adapter.printFinished.connect(lambda r: threads.append(QThread.currentThread()))
    with qtbot.waitSignal(adapter.printFinished, timeout=5000) as blocker:
        adapter.print_document(DOC)
    result = blocker.args[0]
    assert result.ok and result.reason == "printed" and result.document is DOC
    assert threads == [QCoreApplication.instance().thread()]
    assert b"\x1dV\x01" in simulator.received


def test_failure_carries_the_fallback_qr_and_status_change_is_signalled(qtbot, adapter, simulator) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(adapter.statusChanged, timeout=5000) as first:
        adapter.refresh_status()
    assert first.args[0].state is PrinterState.PAPER_OK
    simulator.set_paper("out")
    changes = []
    adapter.statusChanged.connect(lambda st: changes.append(st.state))
    with qtbot.waitSignal(adapter.printFinished, timeout=5000) as blocker:
        adapter.print_document(DOC)
    result = blocker.args[0]
    assert not result.ok and result.show_qr_instead and result.reason == "paper_out"
    assert result.fallback_qr == "https://zw.example/c/1" and result.headline == "LY1"
    qtbot.waitUntil(lambda: changes == [PrinterState.PAPER_OUT], timeout=5000)
    assert adapter.last_state is PrinterState.PAPER_OUT


def test_silent_printer_does_not_block_the_gui(qtbot, adapter, simulator) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    simulator.set_silent(True)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    with qtbot.waitSignal(adapter.printFinished, timeout=5000) as blocker:
        adapter.print_document(DOC)
        assert not ticks            # print_document returned before the event loop ran at all
    timer.stop()
    assert blocker.args[0].reason == "unknown"
    assert ticks, "the GUI event loop kept running while the printer thread waited for the silent printer"
