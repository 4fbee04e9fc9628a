"""A label for a code that a citizen copies down (a case number, a local reference, a ticket number): one line,
its font shrunk as far as MIN_SCALE to fit the width. A reference broken at a hyphen reads as two codes, and the
second line pushed the receipt's QR below the fold in landscape. Text that needs less than MIN_SCALE (a long
guide name) wraps like any label."""
from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

MIN_SCALE = 0.55  # the big type (64 px, 90 px in elderly mode) stays at least 36 px (50 px)


class FitLabel(QLabel):
    def __init__(self, text: str = "", role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        if role:
            self.setProperty("role", role)
        self.setWordWrap(True)

    def fitted_font(self, width: int) -> QFont | None:
        """The font that puts the text on one line in WIDTH pixels: the label's own if it fits as it is, a
        smaller one down to MIN_SCALE of it, or None (the text wraps)."""
        base = self.font()
        if not self.text() or QFontMetricsF(base).horizontalAdvance(self.text()) <= width:
            return base
        pixels = base.pixelSize() if base.pixelSize() > 0 else round(QFontMetricsF(base).height())
        font = QFont(base)
        # Glyph advances do not scale exactly with the size (hinting), so step down until the text fits.
        for size in range(pixels - 1, math.ceil(pixels * MIN_SCALE) - 1, -1):
            font.setPixelSize(size)
            if QFontMetricsF(font).horizontalAdvance(self.text()) <= width:
                return font
        return None

    def _inner_width(self, width: int) -> int:
        margins = self.contentsMargins()
        return width - margins.left() - margins.right() - 2 * self.margin()

    def heightForWidth(self, width: int) -> int:
        font = self.fitted_font(self._inner_width(width))
        if font is None or font == self.font():
            return super().heightForWidth(width)
        margins = self.contentsMargins()
        return math.ceil(QFontMetricsF(font).height()) + margins.top() + margins.bottom() + 2 * self.margin()

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), -self.margin())
        font = self.fitted_font(rect.width())
        if font is None or font == self.font():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setFont(font)
        self.style().drawItemText(painter, rect, int(self.alignment() | Qt.TextFlag.TextSingleLine), self.palette(),
                                  self.isEnabled(), self.text(), self.foregroundRole())
