"""The window: lockdown, idle prompt and wipe, the admin gesture and PIN lockout, language and mode."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.app import LANDSCAPE, PORTRAIT, Built, build_window
from kiosk.config import EMBEDDED_DEMO_CONFIG, load_config
from kiosk.flow import HOME
from kiosk.idle import IdleTracker
from kiosk.journeys import SCREEN_GRAPH
from kiosk.screens.registry import SCREENS

pytestmark = pytest.mark.gui
CITIZEN = {"name": "欧阳小菊", "phone": "13812341234"}


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def built(qtbot: QtBot, tmp_path: Path) -> Iterator[Built]:
    graph = {**SCREEN_GRAPH, HOME: SCREEN_GRAPH[HOME] | {"probe"}, "probe": set()}
    registry = {**SCREENS, "probe": "tests.shell.probe_screen:ProbeScreen"}
    result = build_window(load_config(EMBEDDED_DEMO_CONFIG), size=PORTRAIT, data_dir=tmp_path,
                          registry=registry, graph=graph)
    qtbot.addWidget(result.window)
    result.window.show()
    yield result
    result.ctx.admin_mode = True
    result.window._allow_close = True


def texts(built: Built) -> str:
    widgets = built.window.findChildren(QLabel) + built.window.findChildren(QLineEdit)
    return "\n".join(w.text() for w in widgets)


def test_close_escape_alt_f4_ctrl_q_do_not_close_outside_admin_mode(built: Built) -> None:
    window = built.window
    assert not window.close()
    for key, modifier in ((Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                          (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)):
        QTest.keyClick(window, key, modifier)
    assert window.isVisible()
    built.ctx.admin_mode = True
    built.window._allow_close = True  # what AdminScreen's exit does through ctx.quit_app
    assert window.close()


def test_idle_prompt_counts_down_extends_and_then_wipes_everything(built: Built) -> None:
    window, ctx = built.window, built.ctx
    clock = Clock()
    window.idle = IdleTracker(90, 30, clock=clock)
    ctx.session.identity = dict(CITIZEN)
    ctx.session.draft["phone"] = CITIZEN["phone"]
    QGuiApplication.clipboard().setText(CITIZEN["phone"])
    ctx.router.go("probe")
    assert CITIZEN["name"] in texts(built)

    # Entering the probe screen set the configured 90 s timeout on the fake-clocked tracker.
    clock.now = 91
    window._idle_tick()
    assert window.idle_prompt.isVisible()
    clock.now = 101
    window._idle_tick()
    assert "20" in window.idle_prompt.countdown.text()
    QTest.mouseClick(window.idle_prompt.more, Qt.MouseButton.LeftButton)
    assert not window.idle_prompt.isVisible() and ctx.router.current.screen == "probe"

    clock.now = 200
    window._idle_tick()
    clock.now = 231
    window._idle_tick()
    clock.now = 262
    window._idle_tick()
    assert ctx.router.current.screen == HOME and not ctx.router.can_go_back()
    assert ctx.session.identity is None and not ctx.session.draft
    assert CITIZEN["name"] not in texts(built) and CITIZEN["phone"] not in texts(built)
    assert QGuiApplication.clipboard().text() == ""
    # The probe screen was dropped: opening it again builds a fresh one with nothing of citizen A.
    ctx.router.go("probe")
    assert window.screen_named("probe").field.text() == ""


def test_home_button_ends_the_session(built: Built) -> None:
    ctx = built.ctx
    ctx.session.identity = dict(CITIZEN)
    ctx.router.go("probe")
    QTest.mouseClick(built.window.bottom.home, Qt.MouseButton.LeftButton)
    assert ctx.session.identity is None and CITIZEN["name"] not in texts(built)


def test_five_corner_taps_open_the_pin_pad_and_five_wrong_pins_lock(built: Built) -> None:
    window, ctx = built.window, built.ctx
    for _ in range(5):  # through the native window, as the touchscreen delivers them
        QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(10, 10))
    assert ctx.router.current.screen == "admin_pin"
    pad = window.current_screen
    for _ in range(5):
        for digit in "111111":
            pad.press(digit)
        pad.press("ok")
    assert ctx.pin_guard.locked_for() > 14 * 60
    for digit in "246810":  # the right PIN, refused while locked
        pad.press(digit)
    pad.press("ok")
    assert ctx.router.current.screen == "admin_pin" and not ctx.admin_mode
    actions = [entry["result"] for entry in ctx.audit.recent(10)]
    assert actions[:2] == ["locked", "locked_now"] and actions.count("wrong_pin") == 4


def test_right_pin_opens_admin_and_idle_logs_out(built: Built) -> None:
    window, ctx = built.window, built.ctx
    ctx.router.go("admin_pin")
    for digit in "246810":
        window.current_screen.press(digit)
    window.current_screen.press("ok")
    assert ctx.admin_mode and ctx.router.current.screen == "admin"
    assert "LY-DEMO-0001" in texts(built)
    clock = Clock()
    window.idle = IdleTracker(120, 30, clock=clock)
    window.idle.set_timeout(120)
    clock.now = 121
    window._idle_tick()
    clock.now = 152
    window._idle_tick()
    assert not ctx.admin_mode and ctx.router.current.screen == HOME
    assert ctx.audit.recent(1)[0]["action"] == "admin_logout"


def test_language_and_elderly_switches_rebuild_the_screen(built: Built) -> None:
    window, ctx = built.window, built.ctx
    assert "办事指南" in texts(built)
    QTest.mouseClick(window.top.language, Qt.MouseButton.LeftButton)
    assert ctx.session.language == "en" and "Guides" in texts(built) and "办事指南" not in texts(built)
    normal_size = window.current_screen.heading.font().pixelSize()
    QTest.mouseClick(window.top.elderly, Qt.MouseButton.LeftButton)
    assert ctx.session.elderly_mode
    assert window.current_screen.heading.font().pixelSize() >= 1.4 * normal_size - 1
    built.window.end_session()  # the next citizen starts in the configured language and mode
    assert ctx.session.language == "zh_CN" and not ctx.session.elderly_mode and "办事指南" in texts(built)


def test_a_journey_not_offered_here_says_so(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    import kiosk.screens.home as home_module

    journeys = tuple(dataclasses.replace(j, built=False) if j.key == "intermediary" else j
                     for j in home_module.JOURNEYS)
    monkeypatch.setattr(home_module, "JOURNEYS", journeys)
    built = build_window(load_config(EMBEDDED_DEMO_CONFIG), size=PORTRAIT, data_dir=tmp_path)
    qtbot.addWidget(built.window)
    built.window.show()
    home = built.window.current_screen
    assert home.tiles["intermediary"].badge.text() == "建设中"
    QTest.mouseClick(home.tiles["intermediary"], Qt.MouseButton.LeftButton)
    assert built.ctx.router.current.screen == "coming_soon"
    assert "暂未开通" in texts(built) and "中介超市" in texts(built)
    built.ctx.admin_mode = True
    built.window._allow_close = True


@pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE])
def test_touch_targets_are_at_least_72_px(qtbot: QtBot, tmp_path: Path, size) -> None:
    from PySide6.QtWidgets import QPushButton

    for elderly in (False, True):
        result = build_window(load_config(EMBEDDED_DEMO_CONFIG), size=size, elderly=elderly, data_dir=tmp_path)
        qtbot.addWidget(result.window)
        result.window.show()
        result.ctx.router.go("admin_pin")
        qtbot.waitExposed(result.window)
        small = [b.text() for b in result.window.findChildren(QPushButton) if b.isVisible() and b.height() < 72]
        assert not small
        assert result.window.size() == size  # nothing pushed the window past the screen
        result.ctx.admin_mode = True
        result.window._allow_close = True
