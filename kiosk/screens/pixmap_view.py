"""A widget that shows one pixmap, centred, and lets it go when cleared.

Not a QLabel: QLabel (Qt 6) draws its pixmap through QIcon, whose engine inserts every pixmap it has drawn into
Qt's application-wide QPixmapCache (QPixmapIconEngine::scaledPixmap). A pixmap made for one citizen, such as a QR
code that carries a case token, then stays in memory after the session's wipe until the cache evicts it, and the
identify screen's picture (1.4 MB, drawn anew each session) kept seven copies there: the cache's whole 10 MB.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget


class PixmapView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()

    def set_pixmap(self, pixmap: QPixmap) -> None:
        self._pixmap = pixmap
        self.updateGeometry()
        self.update()

    def pixmap(self) -> QPixmap:
        return self._pixmap

    def clear(self) -> None:
        self.set_pixmap(QPixmap())

    def sizeHint(self) -> QSize:
        if self._pixmap.isNull():
            return QSize(0, 0)
        return self._pixmap.deviceIndependentSize().toSize()

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._pixmap.isNull():
            return
        size = self._pixmap.deviceIndependentSize()
        corner = QPointF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2)
        painter = QPainter(self)
        painter.drawPixmap(corner, self._pixmap)
