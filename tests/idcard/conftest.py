"""Fixtures of the ID-card tests: a simulator on a real pty, readers that record their events."""
from __future__ import annotations

import datetime as _dt
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from kiosk.devices.idcard.reader import IdCardReader, ReaderSettings
from kiosk.devices.idcard.simulator import SimulatedReader

TODAY = _dt.date(2026, 11, 26)


class Events:
    """Thread-safe record of a reader's callbacks, with waits on a condition and a deadline (no sleeps)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, Any]] = []
        self._cond = threading.Condition()

    def put(self, kind: str, value: Any) -> None:
        with self._cond:
            self.items.append((kind, value))
            self._cond.notify_all()

    def of(self, kind: str) -> list[Any]:
        with self._cond:
            return [v for k, v in self.items if k == kind]

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(min(left, 0.05))
        return True

    def wait_count(self, kind: str, n: int, timeout: float = 5.0) -> bool:
        return self.wait_for(lambda: len([1 for k, _ in self.items if k == kind]) >= n, timeout)


@pytest.fixture
def sim() -> Iterator[SimulatedReader]:
    simulator = SimulatedReader()
    simulator.start()
    try:
        yield simulator
    finally:
        simulator.stop()


@pytest.fixture
def make_reader() -> Iterator[Callable[..., tuple[IdCardReader, Events]]]:
    readers: list[IdCardReader] = []

    def factory(port: str, **kwargs: Any) -> tuple[IdCardReader, Events]:
        events = Events()
        lister = kwargs.pop("port_lister", None)
        settings = ReaderSettings(port=port, **{"poll_interval_s": 0.05, **kwargs})
        extra = {"port_lister": lister} if lister is not None else {}
        reader = IdCardReader(
            settings,
            on_card=lambda card: events.put("card", card),
            on_error=lambda code, message: events.put("error", (code, message)),
            on_online=lambda online: events.put("online", online),
            today=lambda: TODAY,
            **extra,
        )
        readers.append(reader)
        return reader, events

    yield factory
    for reader in readers:
        reader.stop()
