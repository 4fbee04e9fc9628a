"""演示工具: simulator controls for demos and training (only with [display] demo_controls = true).

The window opens it from the top bar's "演示工具" button, which exists only in demo mode; nothing else
builds it. It drives the real simulators behind the real services: the ID-card simulator's pty (place and
remove sample cards, unplug), the printer simulator's paper, and the embedded central service.
Each action closes the panel, so the presenter sees the kiosk react.
"""
from __future__ import annotations

import datetime as _dt
import logging
import re
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.privacy import mask_name
from kiosk.screens.overlay import Overlay
from kiosk.screens.widgets import button, label, scroll_area

log = logging.getLogger(__name__)

CARD_SWITCH_MS = 1200  # a card swapped for another: the reader must first see the old one gone (debounce)


class DemoPanel(Overlay):
    def __init__(self, ctx: Any, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._pending: str | None = None
        self._switch = QTimer(self)
        self._switch.setSingleShot(True)
        self._switch.timeout.connect(self._place_pending)
        title = label(self.tr("演示工具"), "big")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(title)
        self.body.addWidget(label(self.tr("仅用于演示和培训：模拟设备和网络的各种情况。正式运行时不显示。"), "hint"))

        # Everything but the title and "关闭" scrolls, so nothing overlaps at any size; landscape puts the
        # device controls beside the cards.
        scroll = scroll_area(self.card)
        content = QWidget()
        scroll.setWidget(content)
        scroll.setMinimumHeight(max(280, parent.height() - (800 if ctx.session.elderly_mode else 640)))
        self.body.addWidget(scroll, 1)
        grid = QGridLayout()
        grid.setSpacing(12)
        # Elderly mode's larger type needs wider buttons: fewer columns (button texts never wrap).
        columns = 1 if ctx.session.elderly_mode or ctx.portrait else 2
        self.card_buttons: dict[str, QPushButton] = {}
        for index, (card_id, text) in enumerate(self._card_labels()):
            widget = button(text)
            widget.clicked.connect(lambda _=False, c=card_id: self.place_card(c))
            grid.addWidget(widget, index // columns, index % columns)
            self.card_buttons[card_id] = widget
        cards = QVBoxLayout()
        cards.setSpacing(12)
        cards.addWidget(label(self.tr("模拟刷卡（合成的示例证件）"), "hint"))
        cards.addLayout(grid)
        cards.addStretch(1)

        self.remove_card = button(self.tr("取走卡片"))
        self.remove_card.clicked.connect(self.take_card)
        self.reader_toggle = button("")
        self.reader_toggle.clicked.connect(self.toggle_reader)
        self.paper_toggle = button("")
        self.paper_toggle.clicked.connect(self.toggle_paper)
        self.central_toggle = button("")
        self.central_toggle.clicked.connect(self.toggle_central)
        self.status = label("", "hint")
        devices = QGridLayout()
        devices.setSpacing(12)
        per_row = 1 if ctx.session.elderly_mode or not ctx.portrait else 2
        for index, widget in enumerate((self.remove_card, self.reader_toggle, self.paper_toggle, self.central_toggle)):
            devices.addWidget(widget, index // per_row, index % per_row)
        side = QVBoxLayout()
        side.setSpacing(12)
        side.addWidget(label(self.tr("设备和网络"), "hint"))
        side.addLayout(devices)
        side.addWidget(self.status)
        side.addStretch(1)
        direction = QBoxLayout.Direction.TopToBottom if ctx.portrait else QBoxLayout.Direction.LeftToRight
        inner = QBoxLayout(direction, content)
        inner.setContentsMargins(0, 0, 12, 0)
        inner.setSpacing(24 if ctx.portrait else 28)
        inner.addLayout(cards, 2)
        inner.addLayout(side, 1)

        row = QHBoxLayout()
        self.close_button = button(self.tr("关闭"), "primary")
        self.close_button.clicked.connect(self.hide)
        row.addStretch(1)
        row.addWidget(self.close_button, 1)
        self.body.addLayout(row)

    def _card_labels(self) -> list[tuple[str, str]]:
        """(card id, "居民身份证 张*" [+ what is special]) for each card of the simulator's data file."""
        sim = self._reader_sim()
        if sim is not None:
            cards = list(sim.cards)
        else:
            from kiosk.devices.idcard.samples import load_cards

            try:
                cards = load_cards(self.ctx.config.devices.idcard.sim_cards or None)
            except ValueError as exc:
                log.warning("demo: sample cards not loaded: %s", exc)
                return []
        kinds = {"resident": self.tr("居民身份证"), "permit": self.tr("港澳台居住证"),
                 "foreign": self.tr("外国人永居证")}
        today = _dt.date.today().strftime("%Y%m%d")
        out = []
        for card in cards:
            name = card.fields.get("name") or card.fields.get("english_name", "")
            # Masked as everywhere; runs of * shortened, so long names keep the buttons narrow (and hide length).
            text = f"{kinds[_CARD_TYPES.get(card.variant, 'resident')]} {re.sub(r'[*]{4,}', '***', mask_name(name))}"
            until = card.fields.get("valid_until", "")
            if card.expect_error:
                text += self.tr("（无法识别）")
            elif until.isdigit() and until < today:
                text += self.tr("（已过期）")
            out.append((card.id, text))
        return out

    # ---- parts (any may be missing: not started, not simulated) ------------------------------------
    def _reader(self) -> Any:
        return self.ctx.service("reader")

    def _reader_sim(self) -> Any:
        reader = self._reader()
        return getattr(reader, "simulator", None) if reader is not None else None

    def _printer_sim(self) -> Any:
        printer = self.ctx.service("printer")
        service = getattr(printer, "service", None)
        return getattr(service, "simulator", None) if service is not None else None

    def refresh(self) -> None:
        """Labels say what each toggle will do now; controls for missing simulators are disabled."""
        sim = self._reader_sim()
        # "模拟读卡器断开/恢复" only where the simulator has that knob (a simulator without it: no button).
        self.reader_toggle.setVisible(sim is None or hasattr(sim, "unplug"))
        plugged = bool(getattr(sim, "plugged", True))
        self.reader_toggle.setText(self.tr("模拟读卡器断开") if plugged else self.tr("恢复读卡器连接"))
        printer = self._printer_sim()
        out = printer is not None and printer.state.paper == "out"
        self.paper_toggle.setText(self.tr("恢复打印纸") if out else self.tr("模拟打印机缺纸"))
        switch = self.ctx.service("embedded")
        if switch is not None and switch.busy:
            self.central_toggle.setText(self.tr("中心服务切换中…"))
        else:
            running = switch is None or switch.running
            self.central_toggle.setText(self.tr("停止中心服务") if running else self.tr("启动中心服务"))
        missing = [name for name, part in ((self.tr("读卡器模拟器"), sim), (self.tr("打印机模拟器"), printer),
                                           (self.tr("内置中心服务"), switch)) if part is None]
        self.status.setText(self.tr("未运行：%1").replace("%1", "、".join(missing)) if missing else "")
        self.status.setVisible(bool(missing))

    def show_over(self) -> None:
        self.refresh()
        super().show_over()

    # ---- actions ------------------------------------------------------------------------------------
    def _missing(self, what: str) -> None:
        self.hide()
        self.ctx.notify(self.tr("%1未运行，无法模拟。").replace("%1", what))

    def place_card(self, card_id: str) -> None:
        sim = self._reader_sim()
        if sim is None:
            self._missing(self.tr("读卡器模拟器"))
            return
        self.hide()
        log.info("demo: place sample card %s", card_id)
        # Like a hand: whatever lies there is lifted, and the card lands a moment later, so the reader sees
        # the slot empty first (a card it has not seen arrive counts as possibly someone else's).
        sim.remove_card()
        self._pending = card_id
        self._switch.start(CARD_SWITCH_MS)

    def _place_pending(self) -> None:
        reader, card_id, self._pending = self._reader(), self._pending, None
        if reader is not None and card_id is not None:
            reader.place_simulated_card(card_id)

    def take_card(self) -> None:
        self._switch.stop()
        self._pending = None
        reader = self._reader()
        if reader is not None:
            reader.remove_simulated_card()
            log.info("demo: card removed")
        self.hide()

    def toggle_reader(self) -> None:
        sim = self._reader_sim()
        if sim is None or not hasattr(sim, "unplug"):
            self._missing(self.tr("读卡器模拟器"))
            return
        if sim.plugged:
            sim.unplug()
            log.info("demo: reader unplugged")
        else:
            sim.replug()
            log.info("demo: reader replugged")
        self.hide()

    def toggle_paper(self) -> None:
        printer = self._printer_sim()
        if printer is None:
            self._missing(self.tr("打印机模拟器"))
            return
        printer.set_paper("ok" if printer.state.paper == "out" else "out")
        log.info("demo: printer paper %s", printer.state.paper)
        self.hide()

    def toggle_central(self) -> None:
        switch = self.ctx.service("embedded")
        if switch is None:
            self._missing(self.tr("内置中心服务"))
            return
        if switch.busy:
            return
        starting = not switch.running
        switch.set_running(starting, lambda now: self.ctx.notify(
            self.tr("中心服务已启动") if now else self.tr("中心服务已停止：现在可以演示离线办理")))
        self.ctx.notify(self.tr("正在启动中心服务…") if starting else self.tr("正在停止中心服务…"))
        self.hide()


_CARD_TYPES = {"resident": "resident", "J": "permit", "I": "foreign", "Y": "foreign"}


def open_for_screenshot(built: Any) -> None:
    built.window.show_demo_panel()
