"""PySide6 6.12.0 dropped a reference to Python's True on every Signal.emit(): a kiosk running for days
aborts ("bool_dealloc"). This keeps a Qt version with that bug out of the pins."""
from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui


class Emitter(QObject):
    text = Signal(str)
    flag = Signal(bool)


def test_emitting_signals_keeps_reference_counts(qtbot: QtBot) -> None:
    emitter = Emitter()
    received: list[object] = []
    emitter.text.connect(received.append)
    emitter.flag.connect(received.append, Qt.ConnectionType.QueuedConnection)
    before_true, before_false = sys.getrefcount(True), sys.getrefcount(False)

    def from_a_worker() -> None:
        for i in range(500):
            emitter.text.emit("x")
            emitter.flag.emit(i % 2 == 0)

    worker = threading.Thread(target=from_a_worker)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(received) == 1000, timeout=5000)
    received.clear()
    # Other threads may hold a few references at any moment; a leak per emit would show hundreds.
    assert abs(sys.getrefcount(True) - before_true) < 20
    assert abs(sys.getrefcount(False) - before_false) < 20
