"""The window's screen cache (issue 8): home kept across sessions, the home tiles' screens built ahead in idle
time, and still nothing of one citizen left for the next (privacy rule 5)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.app import PORTRAIT, Built, build_window
from kiosk.config import EMBEDDED_DEMO_CONFIG, load_config
from kiosk.flow import HOME
from kiosk.journeys import SCREEN_GRAPH
from kiosk.screens.registry import SCREENS
from kiosk.screens.window import PREBUILD

pytestmark = pytest.mark.gui
CITIZEN = {"name": "欧阳小菊", "phone": "13812341234"}


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


def every_text(built: Built) -> str:
    widgets = built.window.findChildren(QLabel) + built.window.findChildren(QLineEdit)
    return "\n".join(w.text() for w in widgets)


def all_ready(qtbot: QtBot, built: Built) -> None:
    window = built.window
    qtbot.waitUntil(lambda: set(window._ready) == set(PREBUILD), timeout=10_000)


def test_home_is_kept_and_a_screen_shown_in_the_session_is_destroyed(qtbot: QtBot, built: Built) -> None:
    window, ctx = built.window, built.ctx
    home = window.screen_named(HOME)
    ctx.session.identity = dict(CITIZEN)
    ctx.router.go("probe")
    probe = window.current_screen
    assert CITIZEN["name"] in every_text(built)
    QTest.mouseClick(window.bottom.home, Qt.MouseButton.LeftButton)   # the bottom bar: deleted at once
    assert not shiboken6.isValid(probe)
    assert window.screen_named(HOME) is home and list(window._screens) == [HOME]
    assert CITIZEN["name"] not in every_text(built) and CITIZEN["phone"] not in every_text(built)

    ctx.session.identity = dict(CITIZEN)
    ctx.router.go("probe")
    probe = window.current_screen
    window.end_session()   # as a screen's ctx.end_session: detached at once, deleted after home is painted
    assert probe.parent() is None and not probe.isVisible()
    assert CITIZEN["name"] not in every_text(built)
    qtbot.waitUntil(lambda: not shiboken6.isValid(probe), timeout=5_000)
    ctx.router.go("probe")
    assert window.current_screen is not probe and window.current_screen.field.text() == ""


def test_the_home_tiles_screens_are_built_ahead_and_only_a_used_one_is_replaced(qtbot: QtBot, built: Built) -> None:
    window, ctx = built.window, built.ctx
    window.end_session()
    all_ready(qtbot, built)
    ready = dict(window._ready)
    assert HOME not in ready and list(window._screens) == [HOME]

    ctx.router.go("case_lookup")
    lookup = window.current_screen
    assert lookup is ready["case_lookup"] and "case_lookup" not in window._ready
    lookup.number.setText("LY20261126000123")     # what this citizen typed
    lookup.phone4.setText("1234")
    QTest.mouseClick(window.bottom.home, Qt.MouseButton.LeftButton)
    assert not shiboken6.isValid(lookup) and "LY20261126000123" not in every_text(built)
    all_ready(qtbot, built)
    for name, screen in ready.items():            # the ones nobody opened are still the same, untouched
        if name != "case_lookup":
            assert window._ready[name] is screen
    fresh = window._ready["case_lookup"]
    assert fresh is not lookup and fresh.number.text() == "" and fresh.phone4.text() == ""


def test_nothing_is_built_ahead_while_a_citizen_is_in_a_journey(qtbot: QtBot, built: Built) -> None:
    window, ctx = built.window, built.ctx
    window.end_session()
    ctx.router.go("probe")          # before the idle work starts
    assert window.idle_work.pending == 0
    QTest.qWait(300)                # longer than the idle work's start delay: it was dropped, not postponed
    assert not window._ready
    QTest.mouseClick(window.bottom.home, Qt.MouseButton.LeftButton)
    all_ready(qtbot, built)


def test_a_new_language_drops_the_screens_built_ahead(qtbot: QtBot, built: Built) -> None:
    window = built.window
    window.end_session()
    all_ready(qtbot, built)
    before = list(window._ready.values())
    window.toggle_language()
    assert all(not shiboken6.isValid(screen) for screen in before)
    all_ready(qtbot, built)                 # built again, in English
    assert window._ready["evaluation"].heading.text() == "Rate our service"
    window.end_session()                    # the next citizen: the configured language again


def test_freed_heap_goes_back_to_the_os_after_the_session_once_the_screens_are_built(
        qtbot: QtBot, built: Built, monkeypatch: pytest.MonkeyPatch) -> None:
    """The last idle job after a session: malloc_trim (bench/soak.py: RSS crept up without it, not objects)."""
    from kiosk.screens import window as window_module

    calls: list[int] = []
    monkeypatch.setattr(window_module, "release_free_heap", lambda: calls.append(len(built.window._ready)))
    all_ready(qtbot, built)
    built.ctx.router.go("probe")
    built.window.end_session(delete_now=True)
    qtbot.waitUntil(lambda: bool(calls), timeout=10_000)
    assert calls == [len(PREBUILD)]          # once, after every home tile's screen is ready again


def test_release_free_heap_calls_glibc_malloc_trim_here() -> None:
    from kiosk.heap import release_free_heap

    assert release_free_heap() is True       # this machine is Linux with glibc
