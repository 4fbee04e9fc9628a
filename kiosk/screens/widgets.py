"""Touch widgets shared by the screens: large targets (>= 72 px), visible press feedback, styled by role."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

MIN_TOUCH_PX = 72


def button(text: str, role: str = "", parent: QWidget | None = None) -> QPushButton:
    widget = QPushButton(text, parent)
    if role:
        widget.setProperty("role", role)
    widget.setMinimumHeight(MIN_TOUCH_PX)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touch UI: no focus rectangles, no keyboard traversal
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    return widget


def label(text: str = "", role: str = "", *, wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    widget = QLabel(text, parent)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


class Tile(QPushButton):
    """A home-screen tile: a big title, a one-line explanation, and an optional badge (e.g. 建设中)."""

    def __init__(self, title: str, subtitle: str, badge: str = "", *, icon: str = "", color: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(MIN_TOUCH_PX * 2)
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 20, 20, 20)
        row.setSpacing(24)
        if icon:
            self.icon = label(icon, "tileIcon", wrap=False)
            self.icon.setStyleSheet(f"background: {color};")
            row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        text = QVBoxLayout()
        text.addStretch(1)
        self.title = label(title, "tileTitle", wrap=True)
        text.addWidget(self.title)
        self.subtitle = label(subtitle, "tileSub")
        text.addWidget(self.subtitle)
        if badge:  # under the text, so the title keeps the whole width
            self.badge = label(badge, "badge", wrap=False)
            text.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        text.addStretch(1)
        row.addLayout(text, 1)
        for child in self.findChildren(QLabel):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


class Card(QFrame):
    """A white rounded panel for dialogs and notices."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Dialog")


class ClickableLabel(QLabel):
    clicked = Signal()

    def mousePressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        self.clicked.emit()
        super().mousePressEvent(event)
