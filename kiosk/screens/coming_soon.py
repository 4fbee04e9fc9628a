"""Says plainly that a journey is not available on this terminal yet, and what to do instead."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt

from kiosk.journeys import JOURNEYS
from kiosk.screens.base import Screen
from kiosk.screens.home import tr_journey
from kiosk.screens.widgets import button, label


class ComingSoonScreen(Screen):
    name = "coming_soon"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.notice = label("", "notice")
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.root.addStretch(1)
        self.root.addWidget(self.notice)
        home = button(self.tr("返回首页"), "primary")
        home.clicked.connect(ctx.router.home)
        self.root.addWidget(home)
        self.root.addStretch(2)

    def enter(self, params: Mapping[str, Any]) -> None:
        journey = next((j for j in JOURNEYS if j.key == params.get("journey")), None)
        title = tr_journey(journey.title) if journey else ""
        self.set_title(title)
        self.notice.setText(self.tr("本终端暂未开通“%1”。\n请到服务大厅窗口办理，或点击右下角“呼叫工作人员”。")
                            .replace("%1", title))
