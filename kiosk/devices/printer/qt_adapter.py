"""Qt face of the printer service (QtCore only): results and status changes as signals on the GUI thread.

Screens call ``print_document(doc)`` and get ``printFinished(PrintResult)`` later; nothing blocks. When
``result.ok`` is False the screen shows ``result.message_zh``, a QR of ``result.fallback_qr`` and
``result.headline`` in large type. ``statusChanged(PrinterStatus)`` fires when the printer's state changes
(from prints, refreshes or polling), for the admin screen and the fleet-health heartbeat.
"""
from __future__ import annotations

import logging
from concurrent.futures import Future

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.devices.printer.document import Document
from kiosk.devices.printer.service import PrinterService, PrintResult
from kiosk.devices.printer.status import PrinterState, PrinterStatus

log = logging.getLogger(__name__)


class PrinterAdapter(QObject):
    printFinished = Signal(object)      # PrintResult
    statusChanged = Signal(object)      # PrinterStatus, only when the state differs from the last one
    statusChecked = Signal(object)      # PrinterStatus, after every check
    _deliver = Signal(str, object)      # printer thread -> GUI thread (queued across threads)

    def __init__(self, service: PrinterService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._last_state: PrinterState | None = None
        self._checking = False
        self._deliver.connect(self._on_deliver)
        self._listener = lambda status: self._emit("status", status)
        service.add_status_listener(self._listener)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self.refresh_status)

    # ---- called from the GUI thread ---------------------------------------------------------------------
    def print_document(self, doc: Document) -> None:
        future = self.service.print_document(doc)
        future.add_done_callback(lambda f: self._emit("print", self._result(f, doc)))

    @Slot()
    def refresh_status(self) -> None:
        """Ask for the status now (skipped while a check is still running)."""
        if self._checking:
            return
        self._checking = True
        self.service.status().add_done_callback(lambda f: self._emit("checked", None))

    def start_polling(self, interval_ms: int = 60_000) -> None:
        self._poll.start(interval_ms)
        self.refresh_status()

    def stop_polling(self) -> None:
        self._poll.stop()

    @property
    def last_state(self) -> PrinterState | None:
        return self._last_state

    def close(self) -> None:
        self.stop_polling()
        self.service.remove_status_listener(self._listener)

    # ---- plumbing -------------------------------------------------------------------------------------
    def _result(self, future: Future[PrintResult], doc: Document) -> PrintResult:
        try:
            return future.result()
        except Exception:
            log.exception("print job for %s failed", doc.kind)
            return self.service.failure(doc)

    def _emit(self, what: str, payload: object) -> None:
        try:
            self._deliver.emit(what, payload)
        except RuntimeError:            # the adapter was deleted while the printer thread worked
            pass

    @Slot(str, object)
    def _on_deliver(self, what: str, payload: object) -> None:
        if what == "print":
            self.printFinished.emit(payload)
        elif what == "checked":
            self._checking = False
        elif what == "status":
            assert isinstance(payload, PrinterStatus)
            self.statusChecked.emit(payload)
            if payload.state is not self._last_state:
                self._last_state = payload.state
                self.statusChanged.emit(payload)
