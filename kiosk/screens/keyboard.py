"""The on-screen keyboard: Qt Virtual Keyboard (Pinyin for Chinese, digits for numbers) in the kiosk window.

Recipe (../shared/reference/baselines.md): QT_IM_MODULE=qtvirtualkeyboard before the QApplication, and a
QQuickWidget with the QML InputPanel (assets/keyboard.qml). The panel costs about 140 MB (QtQuick, QML, the
Pinyin dictionary), so it is built the first time a text field takes focus, not at start-up. It docks between
the screen and the bottom bar: the screen shrinks and scrolls its focused field into view instead of being
covered. Fields choose the layout with input-method hints (Qt.ImhDigitsOnly for phone numbers).
"""
from __future__ import annotations

import logging
import os

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QScrollArea, QVBoxLayout, QWidget

from kiosk.screens.theme import assets_dir

log = logging.getLogger(__name__)
IM_MODULE = "qtvirtualkeyboard"


def enable_virtual_keyboard() -> None:
    """Call before the QApplication exists (Qt chooses the input method when it starts)."""
    os.environ.setdefault("QT_IM_MODULE", IM_MODULE)


def available() -> bool:
    return os.environ.get("QT_IM_MODULE") == IM_MODULE


class KeyboardDock(QWidget):
    """Holds the InputPanel and shows it while the input method is visible."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.panel: QWidget | None = None
        self.hide()
        QGuiApplication.inputMethod().visibleChanged.connect(self._sync)
        QGuiApplication.instance().focusObjectChanged.connect(self._focus_changed)

    def _focus_changed(self, obj: object) -> None:
        if (self.panel is None and isinstance(obj, QLineEdit) and obj.window() is self.window()
                and available()):
            self.load()

    def load(self) -> bool:
        """Build the panel now (normally on the first focused text field). False when it cannot load."""
        if self.panel is not None:
            return True
        from PySide6.QtQuickWidgets import QQuickWidget  # only now: the QML stack is the expensive part

        panel = QQuickWidget(self)
        panel.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
        panel.setSource(QUrl.fromLocalFile(str(assets_dir() / "keyboard.qml")))
        if panel.status() == QQuickWidget.Status.Error:
            log.error("virtual keyboard failed to load: %s", "; ".join(e.toString() for e in panel.errors()))
            panel.deleteLater()
            return False
        window = self.window()
        panel.setFixedHeight(int(min(window.width() * 0.36, window.height() * 0.42)))
        self._layout.addWidget(panel)
        self.panel = panel
        log.info("virtual keyboard loaded")
        return True

    def _sync(self) -> None:
        visible = QGuiApplication.inputMethod().isVisible() and self.panel is not None
        self.setVisible(visible)
        focused = QGuiApplication.focusObject()
        if visible and isinstance(focused, QWidget):
            scroll = focused.parentWidget()
            while scroll is not None and not isinstance(scroll, QScrollArea):
                scroll = scroll.parentWidget()
            if scroll is not None:
                scroll.ensureWidgetVisible(focused, 0, 60)
