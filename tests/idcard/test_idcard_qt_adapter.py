"""The Qt adapter: signals arrive on the GUI thread; arm/disarm/start/stop; demo card placement."""
from __future__ import annotations

import threading
from typing import Any

import pytest

from kiosk.devices.idcard.qt_adapter import IdCardReaderAdapter
from kiosk.devices.idcard.reader import ReaderSettings

pytestmark = pytest.mark.gui


def test_signals_are_delivered_on_the_gui_thread(qtbot: Any) -> None:
    adapter = IdCardReaderAdapter(ReaderSettings(port="sim", poll_interval_s=0.05))
    seen: list[tuple[str, Any, bool]] = []
    gui = threading.current_thread()
    adapter.onlineChanged.connect(lambda online: seen.append(("online", online, threading.current_thread() is gui)))
    adapter.cardRead.connect(lambda card: seen.append(("card", card, threading.current_thread() is gui)))
    adapter.error.connect(lambda code, msg: seen.append(("error", code, threading.current_thread() is gui)))
    try:
        with qtbot.waitSignal(adapter.onlineChanged, timeout=5000):
            adapter.start()
        assert adapter.online and not adapter.armed
        adapter.arm(accept_placed_card=True)
        with qtbot.waitSignal(adapter.cardRead, timeout=5000) as blocker:
            assert adapter.place_simulated_card("resident-nation-98-gender-9")
        card = blocker.args[0]
        assert card.gender == "未说明" and card.nation == "外国血统中国籍人士"
        adapter.remove_simulated_card()
        finds = adapter.simulator.requests["2001"]
        qtbot.waitUntil(lambda: adapter.simulator.requests["2001"] >= finds + 3, timeout=5000)  # removal seen
        with qtbot.waitSignal(adapter.error, timeout=5000) as blocker:
            adapter.place_simulated_card("resident-bad-check-digit")
        assert blocker.args[0] == "check_digit"
        adapter.disarm()
        assert not adapter.armed
    finally:
        adapter.stop()
    assert [s[0] for s in seen][:3] == ["online", "card", "error"]
    assert all(on_gui for _, _, on_gui in seen)


def test_no_simulator_when_a_real_port_is_configured() -> None:
    adapter = IdCardReaderAdapter(ReaderSettings(port="/dev/ttyUSB9"))
    assert adapter.simulator is None and adapter.place_simulated_card(0) is False
    assert adapter.simulated_cards() == []


def test_demo_lists_the_sample_cards() -> None:
    adapter = IdCardReaderAdapter(ReaderSettings(port="sim"))
    cards = adapter.simulated_cards()
    assert cards[0][0] == "resident-basic" and len(cards) == 13
    assert {"permit-hk", "permit-taiwan", "foreign-2017", "foreign-2023"} <= {c for c, _ in cards}
    adapter.stop()
