"""No log record emitted while reading cards contains personal data (privacy rule 2), masked or not."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from kiosk.devices.idcard.reader import IdCardReader
from kiosk.devices.idcard.simulator import SimulatedReader


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += logging.Formatter().formatException(record.exc_info)
        self.lines.append(text)


@pytest.fixture
def captured() -> Iterator[_Capture]:
    handler = _Capture()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)


def _secrets(sim: SimulatedReader) -> set[str]:
    out: set[str] = set()
    for card in sim.cards:
        f = card.fields
        for key in ("name", "address", "id_number", "english_name", "permit_number", "birth"):
            if f.get(key):
                out.add(f[key])
        number = f["id_number"]
        out.update({number[6:14], number[-4:] + "", number[:6] + "*" * 8 + number[-4:]})  # masked form too
        if card.appended_address:
            out.add(card.appended_address)
    out.discard("")
    return {s for s in out if len(s) >= 4}


def test_no_personal_data_in_logs_while_reading(sim: SimulatedReader, make_reader: Callable[..., Any],
                                                 captured: _Capture) -> None:
    reader: IdCardReader
    reader, events = make_reader(sim.path)
    reader.start()
    reader.arm()
    sim.corrupt_reads = 1
    for i, card in enumerate(sim.cards):
        if i == 5:
            sim.fail_reads = 3
        sim.place_card(card.id)
        assert events.wait_for(lambda n=i + 1: len(events.of("card")) + len(events.of("error")) >= n, 10), card.id
        sim.remove_card()
        finds = sim.requests["2001"]
        assert events.wait_for(lambda f=finds: sim.requests["2001"] >= f + 3, 5)
    sim.unplug()
    assert events.wait_for(lambda: not reader.online, 5)
    sim.replug()
    assert events.wait_for(lambda: reader.online, 5)
    reader.stop()
    assert len(captured.lines) > 10  # the reader did log its events
    assert any("check_digit" in line for line in captured.lines)
    secrets = _secrets(sim)
    leaks = [(s, line) for line in captured.lines for s in secrets if s in line]
    assert leaks == []
