"""Run by test_keyboard.py in its own process: a fresh Qt state, as on a kiosk (the keyboard plugin keeps
per-process state that earlier tests' windows would disturb)."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("KIOSK_KEYBOARD_PANEL", None)
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from kiosk.app import PORTRAIT, build_window, qt_app
from kiosk.config import EMBEDDED_DEMO_CONFIG, load_config


def main() -> int:
    app = qt_app()
    built = build_window(load_config(EMBEDDED_DEMO_CONFIG), size=PORTRAIT, data_dir=Path(tempfile.mkdtemp()))
    window = built.window
    field, other = QLineEdit(window.current_screen), QLineEdit(window.current_screen)
    window.current_screen.root.addWidget(field)
    window.current_screen.root.addWidget(other)
    window.show()
    window.activateWindow()
    loaded_at_start = window.keyboard.panel is not None
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)  # one tap on a field without the focus
    result: dict[str, object] = {}

    def check() -> None:
        result.update(loaded=window.keyboard.panel is not None, docked=window.keyboard.isVisible(),
                      im=QGuiApplication.inputMethod().isVisible(),
                      height=window.keyboard.panel.height() if window.keyboard.panel else 0,
                      size=(window.width(), window.height()))
        app.exit(0)  # not quit(): Qt 6 asks windows first, and the kiosk window refuses to close

    def tap_the_other_field() -> None:  # the panel is loaded: a single tap on another field opens it again
        QGuiApplication.inputMethod().hide()
        result.update(hidden=not QGuiApplication.inputMethod().isVisible())
        QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         other.mapTo(window, other.rect().center()))  # as the touchscreen delivers it

    QTimer.singleShot(3000, tap_the_other_field)
    QTimer.singleShot(4000, check)
    app.exec()
    print(f"loaded_at_start={loaded_at_start} " + " ".join(f"{k}={v}" for k, v in result.items()))
    built.ctx.admin_mode = True
    window._allow_close = True
    QApplication.closeAllWindows()
    return 0


if __name__ == "__main__":
    sys.exit(main())
