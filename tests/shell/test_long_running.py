"""A kiosk runs for weeks: what a session builds must go when the session ends (bench/soak.py found both)."""
from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from kiosk.screens.base import grab_touch_scrolling
from kiosk.session import Session
from kiosk.tasks import run_in_background


def test_a_wipe_hook_does_not_keep_its_dropped_owner_alive_and_live_ones_still_run() -> None:
    session = Session()

    class Screen:
        wiped = 0

        def wipe(self) -> None:
            Screen.wiped += 1

    kept, dropped = Screen(), Screen()
    session.on_wipe(kept.wipe)
    session.on_wipe(dropped.wipe)
    calls: list[int] = []
    session.on_wipe(lambda: calls.append(1))      # a plain function stays until the session object goes
    del dropped
    gc.collect()
    session.wipe()
    assert Screen.wiped == 1 and calls == [1]
    assert len(session._wipe_hooks) == 2          # the dropped screen's hook is gone


@pytest.mark.gui
def test_touch_scrolling_grabs_leave_no_enum_members_behind(qtbot: QtBot) -> None:
    def grab_and_drop() -> None:
        area = QScrollArea()
        grab_touch_scrolling(area.viewport())
        area.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

    grab_and_drop()
    before = len(Qt.GestureType.__dict__.get("_sbk_missing_") or {})
    for _ in range(50):
        grab_and_drop()
    assert len(Qt.GestureType.__dict__.get("_sbk_missing_") or {}) == before


@pytest.mark.gui
def test_finished_background_tasks_leave_nothing_behind(qtbot: QtBot) -> None:
    """A burst of quick tasks, as a screen starts them (lookups, outbox checks): once their answers are in,
    the work and everything it captured are freed. (A QRunnable subclass kept about one in seven alive:
    PySide6 took its reference after the pool had already run and deleted the job.)"""

    class Work:
        def __call__(self) -> int:
            return 1

    answers: list[int] = []
    alive: list[weakref.ref[Work]] = []
    for _ in range(400):
        work = Work()
        alive.append(weakref.ref(work))
        run_in_background(work, answers.append)
        del work
    qtbot.waitUntil(lambda: len(answers) == 400, timeout=10_000)

    def all_freed() -> bool:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gc.collect()
        return all(ref() is None for ref in alive)

    # the pool thread drops a job just after running it: wait for that, never for the leak
    qtbot.waitUntil(all_freed, timeout=5_000)


def test_pool_threads_emit_on_one_relay_that_outlives_every_task(qtbot: QtBot) -> None:
    """Pool threads answer through one QObject that is never deleted under them (a relay per task, deleted on
    the GUI thread as soon as its answer arrived, could go while the pool thread was still inside emit():
    a segfault in a Qt pool thread in two soak runs). Answers still reach their own callbacks, failures too."""
    from PySide6.QtCore import QObject

    from kiosk import tasks

    def relays() -> list[QObject]:
        return [o for o in QCoreApplication.instance().findChildren(QObject) if isinstance(o, tasks._Relay)]

    results: dict[int, object] = {}
    for i in range(200):
        if i % 10:
            run_in_background(lambda i=i: i * 2, lambda v, i=i: results.__setitem__(i, v))
        else:
            run_in_background(lambda: 1 / 0, lambda v: None, lambda e, i=i: results.__setitem__(i, type(e)))
    qtbot.waitUntil(lambda: len(results) == 200, timeout=10_000)
    assert all(results[i] == (ZeroDivisionError if i % 10 == 0 else i * 2) for i in range(200))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert len(relays()) == 1
    assert not tasks._pending


def test_emptying_a_layout_deletes_the_items_it_takes_out(qtbot: QtBot) -> None:
    """QLayout.takeAt hands the item to the caller and PySide6 does not own it: every refilled list leaked its
    QWidgetItems (heaptrack over 300 soak sessions: ~90 per session) until clear_layout deleted them."""
    import shiboken6
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

    from kiosk.screens.widgets import clear_layout

    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    shown = QPushButton("办事指南")
    layout.addWidget(shown)
    layout.addSpacing(12)
    nested = QHBoxLayout()
    layout.addLayout(nested)
    inner = QLabel("第 1 页")
    nested.addWidget(inner)
    items = [layout.itemAt(i) for i in range(layout.count())]
    assert not any(shiboken6.ownedByPython(item) for item in items[:2])  # why the helper must delete them
    clear_layout(layout)
    assert layout.count() == 0 and not shown.isVisible() and shown.parent() is None
    assert not shiboken6.isValid(items[0]) and not shiboken6.isValid(items[1])  # widget item, spacer: deleted
    qtbot.waitUntil(lambda: not shiboken6.isValid(shown) and not shiboken6.isValid(nested)
                    and not shiboken6.isValid(inner), timeout=2000)


def test_a_screens_scroll_viewport_is_forgotten_by_the_style_sheet_caches_when_deleted(qtbot: QtBot) -> None:
    """Qt's style-sheet style files render rules under each painted widget's address and drops them when the
    widget's `destroyed` fires, but connects that only for widgets it can style: a scroll area's viewport
    without a sheet of its own is "unstylable", so every screen's viewport left its entry behind (heaptrack,
    mallinfo over soak sessions: ~2.6 KB per case lookup). Painted here under the kiosk's own theme."""
    from PySide6.QtCore import SIGNAL
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    from kiosk.screens.theme import Theme, choose_cjk_font
    from kiosk.screens.widgets import label, scroll_area

    QApplication.instance().setStyleSheet(Theme(choose_cjk_font()).stylesheet())
    destroyed = SIGNAL("destroyed(QObject*)")

    hosts: list[QWidget] = []

    def painted(area: QScrollArea) -> QScrollArea:
        host = QWidget()
        hosts.append(host)
        qtbot.addWidget(host)
        QVBoxLayout(host).addWidget(area)
        area.setWidget(label("办事指南"))
        host.resize(400, 300)
        QWidget.render(host, QImage(400, 300, QImage.Format.Format_ARGB32_Premultiplied))
        return area

    try:
        assert painted(QScrollArea()).viewport().receivers(destroyed) == 0   # Qt 6.11: why scroll_area exists
        assert painted(scroll_area()).viewport().receivers(destroyed) >= 1   # the caches' clean-up is connected
    finally:
        QApplication.instance().setStyleSheet("")


def test_calls_later_leave_nothing_behind(qtbot: QtBot) -> None:
    """PySide6 6.11 leaks ~55 bytes per QTimer.singleShot(ms, callable) without a context object; the kiosk
    schedules several per citizen (a dropped screen's deletion, a lookup's deadline), so call_later always
    gives one (tracemalloc in a soak: ~1,450 leaked blocks over 150 sessions before)."""
    import tracemalloc

    from PySide6.QtWidgets import QWidget

    from kiosk.tasks import call_later

    ran: list[int] = []

    def schedule(n: int) -> None:
        for i in range(n):
            widget = QWidget()
            call_later(1, widget.deleteLater, widget)
            call_later(1, lambda i=i: ran.append(i))
        qtbot.waitUntil(lambda: len(ran) >= n, timeout=5000)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        ran.clear()

    schedule(100)  # warm-up: first-use allocations
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        schedule(500)
        gc.collect()
        grown = sum(stat.count_diff for stat in tracemalloc.take_snapshot().compare_to(before, "filename"))
    finally:
        tracemalloc.stop()
    assert grown < 100, f"{grown} blocks left behind by 1,000 calls"  # without a context: ~1,700
