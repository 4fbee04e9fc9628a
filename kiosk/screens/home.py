"""The home screen: one tile per journey, large and few enough to read at a glance."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout

from kiosk.journeys import JOURNEYS, Journey
from kiosk.screens.base import Screen
from kiosk.screens.widgets import Tile, label


def tr_journey(text: str) -> str:
    return QCoreApplication.translate("Journeys", text)


class HomeScreen(Screen):
    name = "home"
    idle_prompt = False
    shows_back = False
    keeps_across_sessions = True   # tiles only: kept from one citizen to the next (wipe() resets it)

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("您好，请选择要办理的事项"))
        self.subtitle = label(self.tr("只进一扇门，最多跑一次"), "hint")
        self.root.addWidget(self.subtitle)
        grid = QGridLayout()
        grid.setSpacing(28)
        # Elderly mode: larger type and only the tile titles (one thing to read per tile).
        columns = 2 if self.portrait else 4
        self.tiles: dict[str, Tile] = {}
        for index, journey in enumerate(JOURNEYS):
            tile = Tile(tr_journey(journey.title), tr_journey(journey.subtitle),
                        "" if journey.built else self.tr("建设中"), icon=journey.icon, color=journey.color)
            tile.subtitle.setVisible(not self.elderly)
            tile.clicked.connect(lambda _=False, j=journey: self._open(j))
            grid.addWidget(tile, index // columns, index % columns)
            self.tiles[journey.key] = tile
        self.root.addLayout(grid, 1)

    def _open(self, journey: Journey) -> None:
        if journey.built:
            self.ctx.router.go(journey.key)
        else:
            self.ctx.router.go("coming_soon", journey=journey.key)

    def enter(self, params: Mapping[str, Any]) -> None:
        pass

    def wipe(self) -> None:
        """What a citizen may have left on home: a half-pressed tile, the scroll position."""
        for tile in self.tiles.values():
            tile.setDown(False)
        self.scroll_area.verticalScrollBar().setValue(0)
