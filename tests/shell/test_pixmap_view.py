"""A pixmap shown for one citizen is let go when it is cleared (privacy rule 5, and the soak's memory).

A QLabel does not let go: Qt keeps what it has drawn in its application-wide pixmap cache. The first test pins that
behaviour of Qt, so that an upgrade which changes it shows here, and PixmapView can be reconsidered then.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QPixmap, QPixmapCache
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.heap import release_free_heap
from kiosk.screens.pixmap_view import PixmapView
from kiosk.screens.qr import QrView

# 6.4 MB: above malloc's mmap threshold, so its free shows in RSS at once, and below QPixmapCache's 10 MB limit,
# so the cache would take it.
PICTURE = QSize(1600, 1000)
PICTURE_BYTES = PICTURE.width() * PICTURE.height() * 4


def rss_bytes() -> int:
    release_free_heap()
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def held_after_clearing(qtbot: QtBot, make: Callable[[], QWidget], show: Callable[[QWidget, QPixmap], None],
                        clear: Callable[[QWidget], None]) -> int:
    """Bytes of RSS still held after a widget has drawn a big pixmap and been cleared."""
    QPixmapCache.clear()
    widget = make()
    qtbot.addWidget(widget)
    widget.resize(PICTURE.width() + 40, PICTURE.height() + 40)
    before = rss_bytes()
    pixmap = QPixmap(PICTURE)
    pixmap.fill(QColor("#c0392b"))
    show(widget, pixmap)
    widget.grab()   # paints it, as the screen would
    clear(widget)
    del pixmap
    return rss_bytes() - before


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads RSS from /proc")
def test_qlabel_keeps_a_drawn_pixmap_after_it_is_cleared(qtbot: QtBot) -> None:
    held = held_after_clearing(qtbot, QLabel, lambda w, p: w.setPixmap(p), lambda w: w.clear())
    assert held > PICTURE_BYTES / 2, f"Qt no longer caches a QLabel's pixmap ({held} bytes held)"


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads RSS from /proc")
def test_pixmap_view_lets_a_drawn_pixmap_go_when_cleared(qtbot: QtBot) -> None:
    held = held_after_clearing(qtbot, PixmapView, lambda w, p: w.set_pixmap(p), lambda w: w.clear())
    assert held < PICTURE_BYTES / 2, f"{held} bytes still held"


def test_pixmap_view_draws_its_pixmap_centred_at_its_own_size(qtbot: QtBot) -> None:
    view = PixmapView()
    qtbot.addWidget(view)
    pixmap = QPixmap(100, 60)
    pixmap.fill(QColor("#c0392b"))
    view.set_pixmap(pixmap)
    assert view.sizeHint() == QSize(100, 60)
    view.resize(300, 200)
    image = view.grab().toImage()
    assert image.pixelColor(150, 100) == QColor("#c0392b")           # the centre
    assert image.pixelColor(101, 71) == QColor("#c0392b")             # just inside its top-left corner
    assert image.pixelColor(99, 69) != QColor("#c0392b")             # just outside
    view.clear()
    assert view.pixmap().isNull() and view.sizeHint() == QSize(0, 0)


def test_qr_view_clears_its_code(qtbot: QtBot) -> None:
    qr = QrView(200)
    qtbot.addWidget(qr)
    qr.set_payload("https://gov.example/case/LY20261126000123")
    assert not qr.pixmap().isNull() and qr.minimumSize() == QSize(200, 200)
    qr.clear()
    assert qr.pixmap().isNull()
