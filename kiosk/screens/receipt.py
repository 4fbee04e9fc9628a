"""Print a receipt, or, when the printer cannot, show the same content as a QR code and the number in
large type (the citizen loses nothing; printer trouble never blocks a submission)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.screens.fit_label import FitLabel
from kiosk.screens.qr import QrView
from kiosk.screens.widgets import label


class ReceiptPanel(QWidget):
    """print_document(doc) -> "正在打印…" -> "请取走回执" or the fallback QR with the reason."""

    finished = Signal(bool)   # True: printed

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = label("", "notice")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline = FitLabel("", "big")  # the number to keep: on one line
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QrView(320)
        layout.addWidget(self.status)
        layout.addWidget(self.headline)
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignCenter)
        self.headline.hide()
        self.qr.hide()
        self._doc: Any = None
        self._printer: Any = None

    def print_document(self, doc: Any) -> None:
        self._doc = doc
        printer = self.ctx.service("printer")
        if printer is None:
            self._show_fallback(self.tr("本机没有可用的打印机。请用手机扫描二维码保存。"))
            return
        if self._printer is not printer:
            printer.printFinished.connect(self._on_printed)
            self._printer = printer
        self.status.setText(self.tr("正在打印，请稍候…"))
        printer.print_document(doc)

    def _on_printed(self, result: Any) -> None:
        if self._doc is None or result.kind != self._doc.kind:
            return
        if result.ok:
            self.status.setText(self.tr("打印完成，请取走您的回执。"))
            self.ctx.say("take_receipt")
            self.finished.emit(True)
        else:
            self._show_fallback(result.message_zh if self.ctx.session.language == "zh_CN" else result.message_en)

    def _show_fallback(self, message: str) -> None:
        self.status.setText(message)
        self.headline.setText(getattr(self._doc, "headline", "") or "")
        self.headline.setVisible(bool(self.headline.text()))
        self.qr.set_payload(getattr(self._doc, "fallback_qr", "") or "")
        self.qr.setVisible(bool(getattr(self._doc, "fallback_qr", "")))
        self.finished.emit(False)

    def clear(self) -> None:
        self._doc = None
        for widget in (self.status, self.headline):
            widget.clear()
        self.qr.clear()
        self.headline.hide()
        self.qr.hide()


def beside_receipt(left: Sequence[QWidget], receipt: ReceiptPanel, spacing: int = -1) -> QHBoxLayout:
    """Landscape: what happened on the left (SPACING apart; -1: the style's), the receipt (or its QR) on the right.
    One column would put the QR below the fold of a 1080-pixel-high screen in elderly mode."""
    row = QHBoxLayout()
    row.setSpacing(40)
    column = QVBoxLayout()
    column.setSpacing(spacing)
    for widget in left:
        column.addWidget(widget)
    column.addStretch(1)
    row.addLayout(column, 3)
    row.addWidget(receipt, 2, Qt.AlignmentFlag.AlignTop)
    return row
