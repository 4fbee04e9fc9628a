"""Qt signals for the GUI: online/offline banner, outbox depth, sync progress, operator alerts (QtCore only).

The worker threads call the plain callbacks below; emitting a signal from a worker thread is safe and
reaches slots on the GUI thread through a queued connection, so nothing here ever blocks the GUI thread.

    signals = ApiSignals()
    worker = SyncWorker(outbox, sender, **signals.worker_callbacks())
    signals.watch_outbox(outbox)              # depth also changes on enqueue, not only on send
    signals.online_changed.connect(banner.set_online)
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.api.errors_storage import StorageError
from kiosk.api.outbox import Outbox, OutboxRecord


class ApiSignals(QObject):
    online_changed = Signal(bool)          # True: central service reachable and answering
    outbox_depth_changed = Signal(int)     # records waiting to be sent
    sync_progress = Signal(int, int)       # (sent so far by this worker, still waiting)
    alert = Signal(str, str, str)          # (error code, local reference or "", operator message) - no personal data
    clock_skew = Signal(float)             # server minus local seconds, when significant
    storage_failed = Signal(str)           # outbox disk full / I/O error code: show out-of-service

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._online: bool | None = None

    @property
    def online(self) -> bool | None:
        return self._online

    # ---- callbacks for the worker threads (thread-safe: they only emit) ------------------------------
    def report_online(self, online: bool) -> None:
        self._online = online
        self.online_changed.emit(online)

    def report_depth(self, depth: int) -> None:
        self.outbox_depth_changed.emit(depth)

    def report_progress(self, sent: int, remaining: int) -> None:
        self.sync_progress.emit(sent, remaining)

    def report_alert(self, code: str, local_ref: str | None, message: str) -> None:
        self.alert.emit(code, local_ref or "", message)

    def report_clock_skew(self, skew_s: float) -> None:
        self.clock_skew.emit(float(skew_s))

    def report_storage_error(self, err: StorageError) -> None:
        self.storage_failed.emit(err.code)

    def worker_callbacks(self) -> dict[str, Any]:
        """Keyword arguments for SyncWorker(...)."""
        return {"on_alert": self.report_alert, "on_progress": self.report_progress,
                "on_online": self.report_online, "on_depth": self.report_depth}

    def watch_outbox(self, outbox: Outbox) -> Callable[[OutboxRecord], None]:
        """Emit the depth after each enqueue (runs on the enqueuing worker thread) and `storage_failed` on
        any outbox disk-full / I/O error. Returns the enqueue listener, for outbox.remove_listener()."""

        def _enqueued(_record: OutboxRecord) -> None:
            try:
                self.outbox_depth_changed.emit(outbox.depth())
            except StorageError as err:
                self.report_storage_error(err)

        outbox.add_listener(_enqueued)
        outbox.add_storage_error_handler(self.report_storage_error)
        self.report_depth(outbox.depth())
        return _enqueued
