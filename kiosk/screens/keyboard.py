"""The on-screen keyboard: Qt Virtual Keyboard (Pinyin for Chinese, digits for numbers) in the kiosk window.

Recipe (../shared/reference/baselines.md): QT_IM_MODULE=qtvirtualkeyboard before the QApplication, and a
QQuickWidget with the QML InputPanel (assets/keyboard.qml). The panel costs about 140 MB (QtQuick, QML, the
Pinyin dictionary), so it is built the first time a text field takes focus, not at start-up. It docks between
the screen and the bottom bar: the screen shrinks and scrolls its focused field into view instead of being
covered. Fields choose the layout with input-method hints (Qt.ImhDigitsOnly for phone numbers).
KIOSK_KEYBOARD_PANEL=0 keeps the panel from loading (tests: QML loads on a loader thread whose warnings
would wait for pytest-qt's Python log handler while the GUI thread waits for the loader: a deadlock).
"""
from __future__ import annotations

import logging
import os

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from kiosk.screens.theme import assets_dir
from kiosk.tasks import call_later

log = logging.getLogger(__name__)
IM_MODULE = "qtvirtualkeyboard"


def enable_virtual_keyboard() -> None:
    """Call before the QApplication exists (Qt chooses the input method when it starts)."""
    os.environ.setdefault("QT_IM_MODULE", IM_MODULE)
    # No separate keyboard window of its own: ours is docked in the kiosk window. Without this, the first
    # focused field makes the plugin build a desktop panel window (a second top-level window, drawn black
    # without a compositor) synchronously inside the focus change.
    os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")


def available() -> bool:
    return os.environ.get("QT_IM_MODULE") == IM_MODULE


class KeyboardDock(QWidget):
    """Holds the InputPanel and shows it while the input method is visible."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.panel: QWidget | None = None
        self.hide()
        QGuiApplication.inputMethod().visibleChanged.connect(self._sync)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication), "the dock needs the (GUI) application"
        app.focusObjectChanged.connect(self._focus_changed)

    def _focus_changed(self, obj: object) -> None:
        if isinstance(obj, QLineEdit) and obj.window() is self.window():
            # A shared terminal: the Pinyin engine learns every phrase composed in a field (a citizen's name,
            # address) and offers it first to the next citizen, unless the field declares sensitive data.
            hints = obj.inputMethodHints()
            if not hints & Qt.InputMethodHint.ImhSensitiveData:
                obj.setInputMethodHints(hints | Qt.InputMethodHint.ImhSensitiveData)
        if (self.panel is None and isinstance(obj, QLineEdit) and obj.window() is self.window()
                and available() and os.environ.get("KIOSK_KEYBOARD_PANEL") != "0"):
            call_later(0, self.load, self)  # not inside the focus change: building QML there crashes Qt

    def load(self) -> bool:
        """Build the panel now (normally on the first focused text field). False when it cannot load."""
        if self.panel is not None:
            return True
        from PySide6.QtQuickWidgets import QQuickWidget  # only now: the QML stack is the expensive part

        field = QApplication.focusWidget()

        panel = QQuickWidget(self)
        panel.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys are tapped; the text field keeps the focus
        panel.setResizeMode(QQuickWidget.ResizeMode.SizeViewToRootObject)
        panel.rootContext().setContextProperty("kioskKeyboardWidth", self.window().width())
        panel.setSource(QUrl.fromLocalFile(str(assets_dir() / "keyboard.qml")))
        if panel.status() == QQuickWidget.Status.Error:
            log.error("virtual keyboard failed to load: %s", "; ".join(e.toString() for e in panel.errors()))
            panel.deleteLater()
            return False
        root = panel.rootObject()
        panel.setFixedSize(self.window().width(), int(root.height()) if root is not None else 400)
        if root is not None:  # the Pinyin candidate bar makes the panel taller while composing
            root.heightChanged.connect(lambda: self._resize_panel(int(root.height())))
        self._layout.addWidget(panel)
        self.panel = panel
        log.info("virtual keyboard loaded")
        if isinstance(field, QLineEdit):  # building the panel took the focus; the tap was for the field
            field.setFocus()
            QGuiApplication.inputMethod().show()
        return True

    def _resize_panel(self, height: int) -> None:
        if self.panel is not None:
            self.panel.setFixedHeight(height)
            self.window().update()  # the whole window re-lays out: repaint all of it, not only the panel

    def _sync(self) -> None:
        visible = QGuiApplication.inputMethod().isVisible() and self.panel is not None
        self.setVisible(visible)
        self.window().update()
        focused = QGuiApplication.focusObject()
        if visible and isinstance(focused, QWidget):
            scroll = focused.parentWidget()
            while scroll is not None and not isinstance(scroll, QScrollArea):
                scroll = scroll.parentWidget()
            if scroll is not None:
                scroll.ensureWidgetVisible(focused, 0, 60)
