"""暂停服务: shown instead of the kiosk when it cannot serve (bad config, no font, disk full).

The citizen reads that the terminal is out of service and where to go; the technician reads a reference
that matches the log line holding the details. The window stays up: no crash loop under the supervisor.
"""
from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.screens.widgets import label


def reference_for(kind: str, details: str) -> str:
    """A short, stable reference: the same problem gives the same code in the log and on the screen."""
    return f"{kind}-{hashlib.sha256(details.encode()).hexdigest()[:6].upper()}"


class OutOfServiceScreen(QWidget):
    def __init__(self, reference: str, technician_lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OutOfService")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 120, 80, 80)
        layout.setSpacing(36)
        # Written in both languages at once: the translations may be what is broken.
        title = label("暂停服务\nOut of service", "big")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = label("本终端暂时无法使用，请到服务大厅窗口办理，给您带来不便，敬请谅解。\n"
                     "This terminal is temporarily unavailable. Please go to a service-hall window.")
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        ref = label(f"故障参考号 / Reference: {reference}", "big")
        ref.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        for widget in (title, body, ref):
            layout.addWidget(widget)
        layout.addStretch(1)
        details = label("For the technician (details in the log under the same reference):\n"
                        + "\n".join(technician_lines[:8]), "hint")
        layout.addWidget(details)
        self.reference = reference
