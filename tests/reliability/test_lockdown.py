"""Lockdown beyond tests/shell/test_window.py (close/Esc/Alt+F4/Ctrl+Q refused, 5 wrong PINs lock for 15 min
with audit entries, admin idle logout audited): every escape shortcut is swallowed even when a text field has
the focus (no widget sees it), the window-system close is refused, and after the admin's idle logout the
kiosk is locked down again (close refused) with the logout in the audit log."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from reliability_support import record_figures

from kiosk.app import PORTRAIT, Built, build_window
from kiosk.config import EMBEDDED_DEMO_CONFIG, load_config
from kiosk.flow import HOME
from kiosk.idle import IdleTracker

pytestmark = pytest.mark.gui
MODIFIER_KEYS = {Qt.Key.Key_Alt, Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Meta}  # a press of its own
SHORTCUTS = ["Esc", "Alt+F4", "Ctrl+Q", "Ctrl+W", "Alt+Tab", "Alt+Shift+Tab", "Meta+D", "Ctrl+Alt+Backspace",
             "Meta+Tab", "Ctrl+Esc", "Alt+Esc", "Alt+Space"]


class KeySpy(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() not in MODIFIER_KEYS:  # type: ignore[attr-defined]
            self.seen.append(event.key())  # type: ignore[attr-defined]
        return False


@pytest.fixture
def built(qtbot: QtBot, tmp_path: Path) -> Iterator[Built]:
    result = build_window(load_config(EMBEDDED_DEMO_CONFIG), size=PORTRAIT, data_dir=tmp_path)
    qtbot.addWidget(result.window)
    result.window.show()
    yield result
    result.ctx.admin_mode = True
    result.window._allow_close = True


def _press(widget: QLineEdit, shortcut: str) -> None:
    """Through the native window, as a keyboard plugged into the terminal delivers it."""
    combo = QKeySequence(shortcut)[0]
    QTest.keyClick(widget.window().windowHandle(), combo.key(), combo.keyboardModifiers())


def test_escape_shortcuts_never_reach_a_focused_field_and_never_close(qtbot: QtBot, built: Built) -> None:
    window = built.window
    field = QLineEdit(window.current_screen)
    field.show()
    field.setFocus()
    spy = KeySpy()
    field.installEventFilter(spy)
    for shortcut in SHORTCUTS:
        _press(field, shortcut)
        assert window.isVisible(), shortcut
    assert spy.seen == [], f"a blocked shortcut reached the text field: {spy.seen}"
    reached = len(spy.seen)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_A)  # ordinary typing still works
    assert field.text() == "a"
    event = QCloseEvent()
    QApplication.sendEvent(window, event)  # what the window manager sends on its close button / Alt+F4
    assert not event.isAccepted() and window.isVisible()
    record_figures("lockdown", "shortcuts", {"shortcuts_tried": len(SHORTCUTS), "reached_a_widget": reached,
                                             "window_closed": False})


def test_admin_idle_logout_locks_down_again_and_is_audited(built: Built) -> None:
    window, ctx = built.window, built.ctx
    ctx.router.go("admin_pin")
    for digit in "246810":
        window.current_screen.press(digit)
    window.current_screen.press("ok")
    assert ctx.admin_mode
    now = [0.0]
    window.idle = IdleTracker(ctx.config.admin.idle_logout_s, 30, clock=lambda: now[0])
    window.idle.set_timeout(ctx.config.admin.idle_logout_s)
    for step in (ctx.config.admin.idle_logout_s + 1, ctx.config.admin.idle_logout_s + 32):
        now[0] = step
        window._idle_tick()
    assert not ctx.admin_mode and ctx.router.current.screen == HOME
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted() and window.isVisible()
    for shortcut in ("Esc", "Alt+F4", "Ctrl+Q"):
        combo = QKeySequence(shortcut)[0]
        QTest.keyClick(window, combo.key(), combo.keyboardModifiers())
    assert window.isVisible()
    entries = ctx.audit.recent(5)
    assert entries[0]["action"] == "admin_logout"
    assert any(e["action"] == "admin_mode_on" for e in entries)
