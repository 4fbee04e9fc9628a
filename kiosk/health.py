"""Fleet health: what this terminal tells the central service, and when.

A heartbeat every [central] heartbeat_interval_s (version, uptime, device states, paper, outbox depth, the
last error codes: never personal data), and an event the moment something breaks or recovers (reader
offline, paper out, outbox stuck), so ops see problems first. The state is collected on the GUI thread
from the parts' signals; sending runs in the background.
"""
from __future__ import annotations

import logging
import time
from collections import deque
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer

from kiosk import __version__
from kiosk.tasks import run_in_background

log = logging.getLogger(__name__)
OUTBOX_STUCK_S = 30 * 60  # the oldest record has waited this long while online: ops should look


def severity(code: str) -> str:
    """The contract's event kinds: error (a citizen is affected), warning (soon will be), info (recovered)."""
    if code.endswith((".offline", ".paper_out", ".cover_open", ".stuck", ".unknown")):
        return "error"
    if code.endswith(".paper_near_end"):
        return "warning"
    return "info"


class HealthReporter(QObject):
    def __init__(self, services: dict[str, Any], interval_s: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.started = time.monotonic()
        self.devices: dict[str, str] = {"reader": "unknown", "printer": "unknown", "central": "unknown"}
        self.paper = "unknown"
        self.last_errors: deque[str] = deque(maxlen=20)
        self.pending_events: list[dict[str, Any]] = []
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.beat)
        self._timer.start(interval_s * 1000)
        self._sending = False
        self._again = False

    # ---- what the parts report (GUI thread) -----------------------------------------------------------
    def watch(self, name: str) -> None:
        """Connect to a part's signals once it is ready (so it is in the services by then)."""
        part = self.services[name]
        if name == "reader":
            part.onlineChanged.connect(lambda up: self.device_state("reader", "online" if up else "offline"))
            part.error.connect(lambda code, _message: self.record_error(f"reader.{code}"))
            if part.online:  # it may have come online before this connection was made
                self.device_state("reader", "online")
        elif name == "printer":
            part.statusChanged.connect(lambda status: self.printer_state(status.state.value, status.event))
            if part.service.last_status is not None:
                self.printer_state(part.service.last_status.state.value, part.service.last_status.event)
        elif name == "api_signals":
            part.online_changed.connect(lambda up: self.device_state("central", "online" if up else "offline"))
            part.alert.connect(lambda code, _ref, _message: self.record_error(f"outbox.{code}"))
            part.storage_failed.connect(self.storage_failed)

    def device_state(self, device: str, state: str) -> None:
        if self.devices.get(device) != state:
            previous, self.devices[device] = self.devices.get(device), state
            if previous != "unknown" or state != "online":
                self.report_event(f"{device}.{state}")

    def printer_state(self, state: str, event: str) -> None:
        self.paper = state
        self.device_state("printer", "offline" if state in ("offline", "unknown") else "online")
        if state in ("paper_out", "paper_near_end", "cover_open"):
            self.report_event(event)

    def storage_failed(self, code: str) -> None:
        """Disk full / I/O error under the outbox: an operator alert (event), not just a heartbeat line."""
        self.record_error(f"outbox.{code}")
        self.report_event(f"outbox.{code}")

    def record_error(self, code: str) -> None:
        self.last_errors.append(code)

    def report_event(self, code: str) -> None:
        self.pending_events.append({"time": datetime.now().astimezone().isoformat(timespec="seconds"),
                                    "kind": severity(code), "code": code, "detail": ""})
        log.info("health event %s", code)
        self.beat()

    # ---- sending ---------------------------------------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        outbox = self.services.get("outbox")
        depth = outbox.depth() if outbox is not None else 0
        # The contract's vocabulary (central/models/system.py Heartbeat).
        devices = {name: {"online": "ok", "offline": "error"}.get(state, "unknown")
                   for name, state in self.devices.items()}
        paper = {"paper_ok": "ok", "online": "ok", "paper_near_end": "low", "paper_out": "out"}.get(self.paper,
                                                                                                  "unknown")
        return {"version": __version__, "uptime_s": int(time.monotonic() - self.started), "devices": devices,
                "paper": paper, "outbox_depth": depth, "last_errors": list(self.last_errors)}

    def beat(self) -> None:
        client = self.services.get("central")
        if client is None:
            return
        if self._sending:  # one at a time, so the service's "latest" is really the latest snapshot
            self._again = True
            return
        self._sending, self._again = True, False
        events, self.pending_events = self.pending_events, []
        snapshot = self.snapshot()
        oldest = self.services["outbox"].oldest() if self.services.get("outbox") is not None else None
        if oldest is not None and (datetime.now(oldest.tzinfo) - oldest).total_seconds() > OUTBOX_STUCK_S \
                and self.devices.get("central") == "online":
            events.append({"time": datetime.now().astimezone().isoformat(timespec="seconds"), "kind": "error",
                           "code": "outbox.stuck", "detail": f"depth {snapshot['outbox_depth']}"})

        def send() -> None:
            if events:
                client.report_events(events)
            client.heartbeat(**snapshot)

        def finished() -> None:
            self._sending = False
            if self._again:
                self.beat()

        def failed(exc: BaseException) -> None:
            self.pending_events = events + self.pending_events  # send them with the next beat
            log.info("heartbeat not sent: %s", type(exc).__name__)
            finished()

        run_in_background(send, lambda _: finished(), failed)
