"""Reusable: the whole kiosk for journey tests, against real parts.

    from helpers.kiosk_app import running_kiosk
    def test_x(qtbot, journey_central, tmp_path):      # journey_central: see tests/journeys/conftest.py
        with running_kiosk(qtbot, journey_central, tmp_path) as kiosk:
            kiosk.tap(kiosk.window.current_screen.tiles["apply"])
            kiosk.reader.place_simulated_card("resident-basic")
            ...
            kiosk.printed()          # ESC/POS bytes the simulated printer received

The window and Services are the ones the app builds (kiosk/app.py, kiosk/services.py); the central service is
the reference server on loopback (tests/helpers/central_server.py), the reader the simulator over a real pty,
the printer the simulator on a loopback socket. Nothing is mocked.
"""
from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.exceptions import TimeoutError as QtTimeout
from pytestqt.qtbot import QtBot

from kiosk.app import PORTRAIT, Built, build_window
from kiosk.config import EMBEDDED_DEMO_CONFIG, KioskConfig, load_config
from kiosk.devices.idcard.reader import ABSENT_POLLS_FOR_REMOVAL
from kiosk.services import Services

NEEDED = ("reader", "printer", "catalogue", "central", "outbox", "sync")


def kiosk_config(central_url: str, data_dir: Path, **sections: Any) -> KioskConfig:
    """The demo config pointed at CENTRAL_URL with private storage; SECTIONS override whole sections' keys,
    e.g. display={"elderly_mode_default": True}."""
    config = load_config(EMBEDDED_DEMO_CONFIG)
    storage = dataclasses.replace(config.storage, data_dir=str(data_dir / "data"), log_dir=str(data_dir / "logs"),
                                  key_file=str(data_dir / "keys" / "outbox.key"))
    config = dataclasses.replace(config, central=dataclasses.replace(config.central, url=central_url),
                                 storage=storage)
    for name, values in sections.items():
        config = dataclasses.replace(config, **{name: dataclasses.replace(getattr(config, name), **values)})
    return config


@dataclass
class Kiosk:
    qtbot: QtBot
    built: Built
    services: Services

    @property
    def window(self) -> Any:
        return self.built.window

    @property
    def ctx(self) -> Any:
        return self.built.ctx

    @property
    def reader(self) -> Any:
        return self.ctx.services["reader"]

    @property
    def printer(self) -> Any:
        return self.ctx.services["printer"]

    @property
    def screen(self) -> str:
        return self.ctx.router.current.screen

    def place_card(self, card: str) -> None:
        """A citizen's hand: after consent, the reader looks at the empty slot first, then the card lands.

        (A card already lying there when the reader is armed is treated as possibly someone else's and is
        read only after it is lifted and placed again: kiosk/devices/idcard/reader.py.)
        """
        reader = self.reader.reader
        self.qtbot.waitUntil(lambda: reader.armed, timeout=10_000)
        self.reader.remove_simulated_card()  # whatever lay there is lifted first
        # The reader counts a card as lifted after ABSENT_POLLS_FOR_REMOVAL "no card" answers. A poll is counted
        # when it starts: one more started poll means the ones before it were answered (under load, waiting
        # for only two started polls let the card land before the second answer: read as never lifted).
        polls = reader.stats.polls
        self.qtbot.waitUntil(lambda: reader.stats.polls > polls + ABSENT_POLLS_FOR_REMOVAL, timeout=10_000)
        self.reader.place_simulated_card(card)

    def wait_identified(self, card_id: str, next_screen: str, timeout_ms: int = 30_000) -> None:
        """After the card was placed: wait for NEXT_SCREEN. The reader does not read a card it found already
        lying there (it may be the last citizen's): like a citizen told so, lift it and place it again once the
        reader has seen the slot empty. Then the citizen takes the card back."""
        state = {"lifted_at": 0.0, "placed_at": time.monotonic()}

        def arrived() -> bool:
            if self.screen == next_screen:
                return True
            now = time.monotonic()
            if state["lifted_at"] and now - state["lifted_at"] > 1.5:
                state["lifted_at"], state["placed_at"] = 0.0, now
                self.reader.place_simulated_card(card_id)
            elif not state["lifted_at"] and "重新放置" in self.texts() and now - state["placed_at"] > 1.5:
                state["lifted_at"] = now
                self.reader.remove_simulated_card()
            return False

        try:
            self.qtbot.waitUntil(arrived, timeout=timeout_ms)
        except QtTimeout:
            raise AssertionError(f"not identified; the screen shows: {self.texts()}") from None
        self.reader.remove_simulated_card()

    def tap(self, widget: QWidget) -> None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)

    def wait_screen(self, name: str, timeout_ms: int = 10_000) -> None:
        self.qtbot.waitUntil(lambda: self.screen == name, timeout=timeout_ms)

    def texts(self) -> str:
        """Every text the window shows now (labels and fields), to assert on what a citizen can read."""
        widgets = self.window.findChildren(QLabel) + self.window.findChildren(QLineEdit)
        return "\n".join(w.text() for w in widgets if w.isVisible())

    def printed(self) -> bytes:
        """Everything the simulated printer received so far."""
        simulator = self.printer.service.simulator
        return bytes(simulator.received) if simulator is not None else b""


@contextmanager
def running_kiosk(qtbot: QtBot, central_url: str, tmp_path: Path, *, size: QSize = PORTRAIT,
                  wait_for: tuple[str, ...] = NEEDED, **sections: Any) -> Iterator[Kiosk]:
    config = kiosk_config(central_url, tmp_path, **sections)
    built = build_window(config, size=size, data_dir=Path(config.storage.data_dir))
    qtbot.addWidget(built.window)
    built.window.show()
    # Parented to the window: deleted with it on the GUI thread, never by the cycle collector elsewhere.
    services = Services(config, Path(config.storage.data_dir), built.ctx.services, built.window)
    services.onlineChanged.connect(lambda online: built.window.set_offline(not online))
    services.storageFailed.connect(built.window.show_out_of_service)
    services.start()
    kiosk = Kiosk(qtbot, built, services)
    try:
        qtbot.waitUntil(lambda: all(part in built.ctx.services for part in wait_for), timeout=30_000)
        if "catalogue" in wait_for and "central" in wait_for:
            qtbot.waitUntil(lambda: not built.ctx.services["catalogue"].is_empty(), timeout=30_000)
        yield kiosk
    finally:
        built.window.end_session()
        services.stop()
        built.ctx.admin_mode = True
        built.window._allow_close = True
