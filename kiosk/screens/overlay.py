"""Modal overlays drawn over the screens: the idle prompt and short messages."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.screens.widgets import Card, button, label


class Overlay(QWidget):
    """Covers its parent, dims it, and centres a card; swallows taps outside the card."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 60, 60, 60)
        outer.addStretch(1)
        self.card = Card(self)
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(48, 48, 48, 48)
        self.body.setSpacing(28)
        outer.addWidget(self.card)
        outer.addStretch(1)
        self.hide()

    def show_over(self) -> None:
        parent = self.parentWidget()
        assert parent is not None, "an overlay is made with the widget it covers"
        self.setGeometry(parent.rect())
        self.raise_()
        self.show()


class IdlePrompt(Overlay):
    """"需要更多时间吗？" with a visible countdown; one tap on "继续办理" extends the session."""

    extendRequested = Signal()
    endRequested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.question = label(self.tr("需要更多时间吗？"), "big")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = label("", wrap=False)
        self.countdown.setObjectName("Countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explain = label(self.tr("倒计时结束后，本次办理的信息将被清除，返回首页。"))
        self.explain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        self.more = button(self.tr("继续办理"), "primary")
        self.end = button(self.tr("结束办理"))
        self.more.clicked.connect(self.extendRequested)
        self.end.clicked.connect(self.endRequested)
        row.addWidget(self.end)
        row.addWidget(self.more, 2)
        for widget in (self.question, self.countdown, self.explain):
            self.body.addWidget(widget)
        self.body.addLayout(row)

    def set_seconds(self, seconds: int) -> None:
        self.countdown.setText(self.tr("%n 秒", "", seconds))


class Message(Overlay):
    """A short message with one OK button; closes itself after a while."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.text = label("", "big")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ok = button(self.tr("知道了"), "primary")
        self.ok.clicked.connect(self.hide)
        self.body.addWidget(self.text)
        self.body.addWidget(self.ok)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def show_text(self, text: str, seconds: int = 8) -> None:
        self.text.setText(text)
        self.show_over()
        self._timer.start(seconds * 1000)
