"""The top bar (site, clock, language, elderly mode) and the bottom bar (home, back, call staff)."""
from __future__ import annotations

from PySide6.QtCore import QDateTime, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.screens.theme import NORMAL
from kiosk.screens.widgets import button, label


class TopBar(QFrame):
    languageClicked = Signal()
    elderlyClicked = Signal()
    demoClicked = Signal()

    def __init__(self, site_name: str, *, demo: bool, language: str, elderly: bool, portrait: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopBar")
        # Portrait: the site's name on its own line, so it is never squeezed by the switches.
        outer = QVBoxLayout(self) if portrait else QHBoxLayout(self)
        outer.setContentsMargins(32, 12, 32, 12)
        outer.setSpacing(8 if portrait else 20)
        title = QHBoxLayout()
        self.site = label(site_name, wrap=True)
        self.site.setObjectName("SiteName")
        title.addWidget(self.site, 1)
        self.demo: QPushButton | None = None
        if demo:  # the demo's simulator controls (kiosk/screens/demo_panel.py); absent outside demo mode
            self.demo = button(self.tr("演示工具"), "bar")
            self.demo.setObjectName("Demo")
            self.demo.setStyleSheet(f"background: {NORMAL['WARN_BG']}; color: {NORMAL['WARN_TEXT']}; border: none;")
            self.demo.clicked.connect(self.demoClicked)
            title.addWidget(self.demo)
        outer.addLayout(title, 1)
        row = QHBoxLayout()
        row.setSpacing(20)
        outer.addLayout(row)
        if portrait:
            row.addStretch(1)
        self.clock = label("", wrap=False)
        self.clock.setObjectName("Clock")
        row.addWidget(self.clock)
        # Each switch is labelled with what it switches TO, in that language, so anyone can find it.
        self.language = button("English" if language == "zh_CN" else "中文", "bar")
        self.language.clicked.connect(self.languageClicked)
        row.addWidget(self.language)
        self.elderly = button(self.tr("标准模式") if elderly else self.tr("长辈模式"), "bar")
        self.elderly.clicked.connect(self.elderlyClicked)
        row.addWidget(self.elderly)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(1000)
        self._tick()

    def _tick(self) -> None:
        self.clock.setText(QDateTime.currentDateTime().toString("MM-dd HH:mm"))


class BottomBar(QFrame):
    homeClicked = Signal()
    backClicked = Signal()
    callClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BottomBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(32, 16, 32, 16)
        row.setSpacing(24)
        self.home = button(self.tr("首页"), "nav")
        self.back = button(self.tr("返回"), "nav")
        self.call = button(self.tr("呼叫工作人员"), "call")
        self.home.clicked.connect(self.homeClicked)
        self.back.clicked.connect(self.backClicked)
        self.call.clicked.connect(self.callClicked)
        row.addWidget(self.home)
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.call)

    def update_for(self, *, at_home: bool, can_go_back: bool) -> None:
        self.home.setVisible(not at_home)
        self.back.setVisible(can_go_back)
