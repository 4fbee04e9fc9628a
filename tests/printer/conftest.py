"""Fixtures of the printer tests: the decoder module on the path, a simulator per test."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest

sys.path.insert(0, os.path.dirname(__file__))


@pytest.fixture
def simulator() -> Iterator[object]:
    from kiosk.devices.printer.simulator import PrinterSimulator

    sim = PrinterSimulator()
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()
