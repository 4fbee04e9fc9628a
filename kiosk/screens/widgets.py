"""Touch widgets shared by the screens: large targets (>= 72 px), visible press feedback, styled by role."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

MIN_TOUCH_PX = 72


def clear_layout(layout: QLayout) -> None:
    """Empty LAYOUT: its widgets hidden and taken out at once and deleted when the event loop runs, nested
    layouts emptied and deleted too. QLayout.takeAt hands each item to the caller and PySide6 does not take
    it (the Python wrapper does not own it), so the item is deleted here: without that, every refilled list
    leaked its QWidgetItems (heaptrack over a soak: ~90 items, ~8 KB per citizen session)."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget, nested = item.widget(), item.layout()
        if widget is not None:
            widget.hide()
            widget.setParent(None)  # gone from the window's children now, not at the next event-loop turn
            widget.deleteLater()
        if nested is not None:  # the item is the nested layout itself: a QObject, deleted when the loop runs
            clear_layout(nested)
            nested.deleteLater()
        else:
            shiboken6.delete(item)


def layout_of(widget: QWidget) -> QLayout:
    """WIDGET's layout, for a widget that makes one in its constructor (PySide6 types layout() Optional)."""
    layout = widget.layout()
    assert layout is not None, f"{type(widget).__name__} has no layout"
    return layout


def scroll_area(parent: QWidget | None = None) -> QScrollArea:
    """A vertical QScrollArea whose widget follows its width.

    Its viewport gets a style sheet of its own (a comment: no rule, no look of its own). Qt's style-sheet style
    counts a scroll area's viewport as "unstylable" when it has none: painting it still files an empty
    render-rule entry under the viewport's address, but no clean-up on destruction is connected for an
    unstylable widget, so every viewport ever painted left ~300 bytes behind. Screens are rebuilt for every
    citizen: heaptrack over a soak named it the largest growth left (QWidgetPrivate::paintBackground, ~2.6 KB
    per case-lookup session); with the sheet the viewport is a styled widget whose entries go when it does."""
    area = QScrollArea(parent)
    area.viewport().setStyleSheet("/* styled, so Qt forgets its render rules when it is deleted */")
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def button(text: str, role: str = "", parent: QWidget | None = None) -> QPushButton:
    widget = QPushButton(text, parent)
    if role:
        widget.setProperty("role", role)
    widget.setMinimumHeight(MIN_TOUCH_PX)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touch UI: no focus rectangles, no keyboard traversal
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    return widget


def label(text: str = "", role: str = "", *, wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    widget = QLabel(text, parent)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


class Tile(QPushButton):
    """A home-screen tile: a big title, a one-line explanation, and an optional badge (e.g. 建设中)."""

    def __init__(self, title: str, subtitle: str, badge: str = "", *, icon: str = "", color: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(MIN_TOUCH_PX * 2)
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 20, 20, 20)
        row.setSpacing(24)
        if icon:
            self.icon_label = label(icon, "tileIcon", wrap=False)
            self.icon_label.setStyleSheet(f"background: {color};")
            row.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignVCenter)
        text = QVBoxLayout()
        text.addStretch(1)
        self.title = label(title, "tileTitle", wrap=True)
        text.addWidget(self.title)
        self.subtitle = label(subtitle, "tileSub")
        text.addWidget(self.subtitle)
        if badge:  # under the text, so the title keeps the whole width
            self.badge = label(badge, "badge", wrap=False)
            text.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        text.addStretch(1)
        row.addLayout(text, 1)
        for child in self.findChildren(QLabel):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


class Card(QFrame):
    """A white rounded panel for dialogs and notices."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Dialog")


class ClickableLabel(QLabel):
    clicked = Signal()

    def mousePressEvent(self, event) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)


class Pager(QWidget):
    """上一页 · 第 n / m 页 · 下一页, hidden when everything fits on one page (lists page instead of scrolling;
    elderly mode shows fewer rows per page)."""

    changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, wrap: bool = True) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.prev = button(self.tr("上一页"), "nav")
        self.next = button(self.tr("下一页"), "nav")
        self.where = label("", wrap=wrap)
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.prev)
        row.addWidget(self.where, 1)
        row.addWidget(self.next)
        self.prev.clicked.connect(lambda: self.set_page(self.page - 1, emit=True))
        self.next.clicked.connect(lambda: self.set_page(self.page + 1, emit=True))
        self.page: int = 0
        self.count: int = 1
        self.suffix = ""   # e.g. "共 50 项" where the screen has no room for its own line

    def set_count(self, count: int) -> None:
        self.count = max(1, count)
        self.set_page(min(self.page, self.count - 1))
        self.setVisible(self.count > 1)

    def set_page(self, page: int, *, emit: bool = False) -> None:
        page = max(0, min(page, self.count - 1))
        changed = page != self.page
        self.page = page
        self.where.setText(self.tr("第 %1 / %2 页").replace("%1", str(page + 1)).replace("%2", str(self.count))
                           + self.suffix)
        self.prev.setEnabled(page > 0)
        self.next.setEnabled(page < self.count - 1)
        if emit and changed:
            self.changed.emit(page)


class SearchBox(QLineEdit):
    """The search field. Emits `queryChanged` on every keystroke, including the Pinyin keyboard's
    composition (preedit): typing "bdc" on the Chinese layout answers before a candidate is chosen."""

    queryChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preedit = ""
        # Chinese (Pinyin layout) and Latin both allowed: pinyin, initials and hanzi all search.
        self.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase | Qt.InputMethodHint.ImhPreferLowercase)
        self.setMinimumHeight(MIN_TOUCH_PX)
        self.textChanged.connect(lambda _text: self.queryChanged.emit(self.query()))

    def query(self) -> str:
        return (self.text() + self._preedit).strip()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        super().inputMethodEvent(event)
        preedit = event.preeditString()
        if preedit != self._preedit:
            self._preedit = preedit
            self.queryChanged.emit(self.query())

    def reset(self) -> None:
        self._preedit = ""
        self.clear()
