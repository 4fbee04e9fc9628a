"""A test screen that shows the citizen's data the way journey screens do (field, label)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QLineEdit

from kiosk.screens.base import Screen
from kiosk.screens.widgets import label


class ProbeScreen(Screen):
    name = "probe"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.field = QLineEdit()
        self.greeting = label("")
        self.root.addWidget(self.field)
        self.root.addWidget(self.greeting)

    def enter(self, params: Mapping[str, Any]) -> None:
        identity = self.ctx.session.identity
        self.field.setText(identity["phone"] if identity else "")
        self.greeting.setText(identity["name"] if identity else "")

    def wipe(self) -> None:
        self.field.clear()
        self.greeting.clear()
