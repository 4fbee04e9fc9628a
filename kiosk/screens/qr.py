"""QR codes on screen: a view that draws a payload crisply at a given size (error correction M)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from kiosk.screens.pixmap_view import PixmapView


def qr_pixmap(payload: str, size_px: int) -> QPixmap:
    import qrcode  # small, and only needed when a QR is shown
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=2)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    cells = len(matrix)
    scale = max(1, size_px // cells)
    image = QImage(cells * scale, cells * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(x * scale, y * scale, scale, scale)
    painter.end()
    return QPixmap.fromImage(image)


class QrView(PixmapView):
    """clear() lets the QR go at once (it may carry a case token): why a QLabel would keep it is in PixmapView."""

    def __init__(self, size_px: int = 360, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.size_px = size_px
        self.setMinimumSize(size_px, size_px)

    def set_payload(self, payload: str) -> None:
        self.set_pixmap(qr_pixmap(payload, self.size_px) if payload else QPixmap())
