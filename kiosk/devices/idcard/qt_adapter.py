"""Qt edge of the ID-card reader: signals delivered on the GUI thread (QtCore only, no widgets).

The reader calls back on its owner thread; this adapter re-emits through queued connections to
itself, so every slot connected to cardRead / error / onlineChanged runs on the thread the adapter
lives in (the GUI thread), whatever kind of callable the slot is.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from kiosk.devices.idcard.card import IdCard
from kiosk.devices.idcard.reader import (
    IdCardReader,
    PortLister,
    ReaderSettings,
    list_serial_ports,
)


class IdCardReaderAdapter(QObject):
    """cardRead(IdCard), error(code, message_zh), onlineChanged(bool); arm()/disarm()/start()/stop()."""

    cardRead = Signal(object)
    error = Signal(str, str)
    onlineChanged = Signal(bool)

    # Private hops from the owner thread to the adapter's thread.
    _cardFromReader = Signal(object)
    _errorFromReader = Signal(str, str)
    _onlineFromReader = Signal(bool)

    def __init__(self, settings: ReaderSettings, parent: QObject | None = None, *,
                 port_lister: PortLister = list_serial_ports, reader: IdCardReader | None = None) -> None:
        super().__init__(parent)
        queued = Qt.ConnectionType.QueuedConnection
        self._cardFromReader.connect(self._deliver_card, queued)
        self._errorFromReader.connect(self._deliver_error, queued)
        self._onlineFromReader.connect(self._deliver_online, queued)
        self._reader = reader or IdCardReader(settings, port_lister=port_lister)
        self._reader.on_card = self._cardFromReader.emit
        self._reader.on_error = self._errorFromReader.emit
        self._reader.on_online = self._onlineFromReader.emit

    @classmethod
    def from_config(cls, idcard_config: Any, parent: QObject | None = None) -> IdCardReaderAdapter:
        """From KioskConfig.devices.idcard."""
        return cls(ReaderSettings.from_config(idcard_config), parent)

    @property
    def reader(self) -> IdCardReader:
        return self._reader

    @property
    def simulator(self) -> Any:
        """The in-process SimulatedReader when port = "sim" (the demo's 模拟刷卡 control uses it), else None."""
        return self._reader.simulator

    @property
    def online(self) -> bool:
        return self._reader.online

    @property
    def armed(self) -> bool:
        return self._reader.armed

    def start(self) -> None:
        self._reader.start()

    def stop(self) -> None:
        self._reader.stop()

    def arm(self, *, accept_placed_card: bool = False) -> None:
        self._reader.arm(accept_placed_card=accept_placed_card)

    def disarm(self) -> None:
        self._reader.disarm()

    def place_simulated_card(self, which: int | str) -> bool:
        """Demo only: put sample card `which` (index or id) on the simulated reader. False when not simulating."""
        sim = self._reader.simulator
        if sim is None:
            return False
        sim.place_card(which)
        return True

    def simulated_cards(self) -> list[tuple[str, str]]:
        """Demo only: (id, description) of every sample card, in index order; empty when not simulating."""
        sim = self._reader.simulator
        return [] if sim is None else [(card.id, card.description) for card in sim.cards]

    def remove_simulated_card(self) -> None:
        sim = self._reader.simulator
        if sim is not None:
            sim.remove_card()

    @Slot(object)
    def _deliver_card(self, card: IdCard) -> None:
        self.cardRead.emit(card)

    @Slot(str, str)
    def _deliver_error(self, code: str, message: str) -> None:
        self.error.emit(code, message)

    @Slot(bool)
    def _deliver_online(self, online: bool) -> None:
        self.onlineChanged.emit(online)
