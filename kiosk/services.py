"""The app's long-lived parts besides the window: devices, the central-service client, the outbox and its
sync worker, the catalogue cache, and (in the demo) the embedded central service.

Everything slow starts off the GUI thread after the first frame, so start-up stays close to a bare window;
each part appears in `ctx.services` on the GUI thread when it is ready, and screens that need a part that
is not there (yet, or at all) say so. A part that fails to start is logged and left out, never fatal.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from kiosk import tasks
from kiosk.config import KioskConfig

log = logging.getLogger(__name__)


class EmbeddedSwitch(QObject):
    """Demo: stop and start the embedded central service off the GUI thread, to show the kiosk offline.

    Published as ctx.services["embedded"] when the demo runs the embedded service (the 演示工具 panel
    uses it). `running` is what the last start/stop left; `busy` while one is in progress.
    """

    changed = Signal(bool)   # running, on the GUI thread

    def __init__(self, embedded: Any, on_change: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._embedded = embedded
        self._on_change = on_change
        self.running = True
        self.busy = False

    def set_running(self, running: bool, done: Callable[[bool], None] | None = None) -> None:
        if self.busy or running == self.running:
            return
        self.busy = True
        embedded = self._embedded

        def work() -> bool:
            embedded.start() if running else embedded.stop()
            return bool(embedded.running)

        def finished(now_running: bool) -> None:
            self.busy, self.running = False, now_running
            log.info("embedded central service %s (demo control)", "started" if now_running else "stopped")
            self._on_change()
            self.changed.emit(now_running)
            if done is not None:
                done(now_running)

        def failed(exc: BaseException) -> None:
            self.busy = False
            log.error("embedded central service %s failed: %s", "start" if running else "stop", type(exc).__name__)
            if done is not None:
                done(self.running)

        tasks.run_in_background(work, finished, failed)


class Services(QObject):
    """Starts and stops the parts; `ready(name)` fires on the GUI thread as each one becomes available."""

    ready = Signal(str)
    failed = Signal(str, str)            # (part, message for the technician)
    onlineChanged = Signal(bool)         # the central service answers (True) or not (False)
    storageFailed = Signal(str)          # the outbox's disk is full or failing: out of service (rule 14)

    def __init__(self, config: KioskConfig, data_dir: Path, registry: dict[str, Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.data_dir = data_dir
        self.parts = registry            # the same dict as ctx.services
        self.embedded: Any = None
        self._stopping = threading.Event()
        self._catalogue_timer = QTimer(self)
        self._catalogue_timer.timeout.connect(self.sync_catalogue)
        from kiosk.health import HealthReporter

        self.health = HealthReporter(registry, config.central.heartbeat_interval_s, self)
        registry["health"] = self.health  # the admin screen shows its device states and recent errors
        self.ready.connect(self._watch)

    def _watch(self, name: str) -> None:
        if name in ("reader", "printer", "api_signals"):
            self.health.watch(name)
        elif name == "central":
            self.health.beat()

    # ---- start ---------------------------------------------------------------------------------------
    def start(self) -> None:
        """Start every configured part; returns at once."""
        self._start_reader()
        self._start_printer()
        self._run("catalogue", self._open_catalogue, self._catalogue_ready)
        self._run("central", self._open_central, self._central_ready)

    def _run(self, part: str, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        def succeeded(result: Any) -> None:
            if isValid(self):  # not stopped and deleted while the work ran
                done(result)

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            log.error("%s did not start: %s: %s", part, type(exc).__name__, exc)
            self.failed.emit(part, str(exc))
            from kiosk.api.errors_storage import KeyFileError, StorageError

            if isinstance(exc, StorageError) and not isinstance(exc, KeyFileError):
                self.storageFailed.emit(exc.code)  # the outbox cannot even open: nothing can be accepted

        tasks.run_in_background(work, succeeded, failed)

    def _add(self, name: str, value: Any) -> None:
        self.parts[name] = value
        self.ready.emit(name)

    def _start_reader(self) -> None:
        from kiosk.devices.idcard.qt_adapter import IdCardReaderAdapter

        try:
            reader = IdCardReaderAdapter.from_config(self.config.devices.idcard, self)
        except (ValueError, OSError) as exc:
            log.error("ID-card reader not started: %s", exc)
            self.failed.emit("reader", str(exc))
            return
        reader.start()  # the reader's own thread opens the port (or the simulator) and polls only when armed
        self._add("reader", reader)

    def _start_printer(self) -> None:
        if self.config.devices.printer.uri == "none":
            return
        from kiosk.devices.printer.qt_adapter import PrinterAdapter
        from kiosk.devices.printer.service import PrinterService
        from kiosk.devices.printer.settings import PrinterSettings

        try:
            service = PrinterService(PrinterSettings.from_config(self.config))
        except ValueError as exc:
            log.error("printer not started: %s", exc)
            self.failed.emit("printer", str(exc))
            return
        service.start()
        adapter = PrinterAdapter(service, self)
        adapter.start_polling()
        self._add("printer", adapter)

    # ---- catalogue -----------------------------------------------------------------------------------
    def _open_catalogue(self) -> Any:
        from kiosk.catalogue.model import Site
        from kiosk.catalogue.store import CatalogueStore

        terminal = self.config.terminal
        return CatalogueStore(self.data_dir / "catalogue.sqlite3", Site(terminal.region_code, terminal.level))

    def _catalogue_ready(self, store: Any) -> None:
        self._add("catalogue", store)
        if "central" in self.parts:
            self.sync_catalogue()

    def sync_catalogue(self) -> None:
        client, store = self.parts.get("central"), self.parts.get("catalogue")
        if client is None or store is None:
            return
        from kiosk.api.catalogue_sync import sync_catalogue

        def done(result: Any) -> None:
            log.info("catalogue sync: %s", result)
            self.ready.emit("catalogue")

        self._run("catalogue sync", lambda: sync_catalogue(client, store), done)

    # ---- central service, outbox, sync -----------------------------------------------------------------
    def _open_central(self) -> dict[str, Any]:
        from kiosk.api.client import CentralClient
        from kiosk.api.outbox import Outbox

        base_url = None
        if self.config.central.url == "embedded":
            from kiosk.embedded_central import EmbeddedCentral

            self.embedded = EmbeddedCentral(self.data_dir)
            try:
                self.embedded.start()
            except Exception as exc:  # noqa: BLE001 - the kiosk runs offline; the outbox keeps submissions
                log.error("embedded central service not started: %s", exc)
            base_url = self.embedded.url
        client = CentralClient.from_config(self.config, base_url=base_url)
        outbox = Outbox.from_config(self.config)
        return {"central": client, "outbox": outbox}

    def _central_ready(self, parts: dict[str, Any]) -> None:
        from kiosk.api.qt_adapter import ApiSignals
        from kiosk.api.sync import SyncWorker

        client, outbox = parts["central"], parts["outbox"]
        signals = ApiSignals(self)
        signals.online_changed.connect(self.onlineChanged)
        signals.storage_failed.connect(self.storageFailed)
        signals.watch_outbox(outbox)
        worker = SyncWorker(outbox, client.send_outbox_record, **signals.worker_callbacks())
        worker.start()
        self._add("api_signals", signals)
        self._add("outbox", outbox)
        self._add("sync", worker)
        self._add("central", client)
        if self.embedded is not None:
            self._add("embedded", EmbeddedSwitch(self.embedded, worker.flush_now, self))
        self.sync_catalogue()
        self._catalogue_timer.start(self.config.central.catalogue_sync_interval_s * 1000)

    # ---- stop ----------------------------------------------------------------------------------------
    def stop(self) -> None:
        """Stop every part (app exit). Blocking, but only at exit."""
        self._catalogue_timer.stop()
        for name, method in (("reader", "stop"), ("sync", "stop"), ("outbox", "close"), ("central", "close"),
                             ("catalogue", "close")):
            part = self.parts.pop(name, None)
            if part is not None:
                try:
                    getattr(part, method)()
                except Exception:  # keep stopping the others
                    log.exception("stopping %s failed", name)
        printer = self.parts.pop("printer", None)
        if printer is not None:
            printer.stop_polling()
            printer.service.close()
        if self.embedded is not None:
            self.embedded.stop()
