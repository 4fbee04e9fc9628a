"""systemd notifications: READY=1 after the first frame, WATCHDOG=1 from a GUI-thread timer.

The pings come from the GUI thread on purpose: if the event loop freezes, the pings stop and systemd
restarts the kiosk (Type=notify, WatchdogSec= in deploy/kiosk.service). Without NOTIFY_SOCKET (not under
systemd, Windows) this does nothing.
"""
from __future__ import annotations

import logging
import os
import socket

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


def notify(message: str) -> bool:
    address = os.environ.get("NOTIFY_SOCKET")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.sendto(message.encode(), address)
    except OSError as exc:
        log.warning("systemd notify failed: %s", exc.strerror)
        return False
    return True


class Watchdog(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.timeout.connect(lambda: notify("WATCHDOG=1"))
        usec = int(os.environ.get("WATCHDOG_USEC", "0") or 0)
        if usec and os.environ.get("NOTIFY_SOCKET"):
            self._timer.start(max(1000, usec // 2000))  # ping at half the watchdog period

    def ready(self) -> None:
        notify("READY=1")
