"""The identify screen: a notice first (what is read, why, how long, who), then the ID card on the reader.

Privacy rule 3 (PIPL Art. 17): the reader is armed only after the citizen taps "同意，开始读卡", and disarmed
whenever the screen is left or wiped. The card goes into `ctx.session.identity` only; the screen shows it
masked (rule 1) and logs only card types and error codes (rule 2). When the reader is offline and the
caller allows it (`allow_manual`), the citizen may type name and ID number instead: that gives a
`ManualIdentity`, which has the same `name` / `id_number` attributes as an IdCard and card_type "manual".

Params: purpose (translated text: what the citizen is doing), next (screen name), next_params (dict),
allow_manual (bool).
"""
from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.devices.idcard.card import gb11643_valid
from kiosk.privacy import mask_id_number, mask_name
from kiosk.screens.base import Screen
from kiosk.screens.pixmap_view import PixmapView
from kiosk.screens.theme import Theme
from kiosk.screens.widgets import button, label

if TYPE_CHECKING:
    from kiosk.screens.screenshots import Step

log = logging.getLogger(__name__)

SUCCESS_HOLD_MS = 1500       # the masked identity stays this long before the next screen
ONLINE_GRACE_MS = 3000       # a reader still connecting gets this long before "暂时无法使用"
WAIT_TICK_MS = 500           # the waiting text's animation step

# Reader error codes (kiosk/devices/idcard/reader.py MESSAGES, codec.Sw3 names, card.CardDecodeError codes).
OFFLINE_CODES = frozenset({"offline", "no_reader", "port_error", "port_busy", "not_a_reader", "sam_fault",
                           "sam_self_test_failed", "sam_not_authorised"})
UNRECOGNISED_CODES = frozenset({
    "check_digit", "text_undecodable", "bad_text_length", "empty_name", "birth_mismatch", "implausible_dates",
    "bad_birth_date", "bad_valid_from", "bad_valid_until", "bad_gender", "bad_permit_number", "bad_card_number",
    "bad_nationality", "wrong_card_type",
})  # every other code is a failed read: "place it again"


def failure_kind(code: str) -> str:
    """"offline" (call staff), "unrecognised" (refuse the card), "left" (a card lay there before this
    session: maybe someone else's) or "retry" (place it again)."""
    if code == "card_left":
        return "left"
    if code in OFFLINE_CODES:
        return "offline"
    if code in UNRECOGNISED_CODES:
        return "unrecognised"
    return "retry"


@dataclass(frozen=True)
class ManualIdentity:
    """An identity typed in by the citizen (reader offline, service allows it): not read from a chip.

    Journeys use it like an IdCard: `name`, `id_number`, `card_type` ("manual"), `expired` (False),
    `birth_date` and `gender` (from the ID number), `address` / `current_address` (None: not known).
    """

    name: str
    id_number: str
    card_type: str = "manual"
    expired: bool = False
    address: str | None = None
    photo: bytes = b""

    @property
    def current_address(self) -> str | None:
        return self.address

    @property
    def birth_date(self) -> _dt.date | None:
        try:
            return _dt.date(int(self.id_number[6:10]), int(self.id_number[10:12]), int(self.id_number[12:14]))
        except ValueError:
            return None

    @property
    def gender(self) -> str:
        return "男" if int(self.id_number[16]) % 2 else "女"

    def __repr__(self) -> str:  # never personal data (tracebacks, logs)
        return "ManualIdentity(card_type='manual')"

    __str__ = __repr__


def check_manual_entry(name: str, id_number: str) -> tuple[ManualIdentity | None, str]:
    """Validate typed name and ID number. (identity, "") or (None, error key: name / format / check_digit / date)."""
    name = " ".join(name.split())
    number = id_number.strip().upper()
    if not name:
        return None, "name"
    if len(number) != 18 or not number[:17].isdigit() or not number[:17].isascii() or number[17] not in "0123456789X":
        return None, "format"
    if not gb11643_valid(number):
        return None, "check_digit"
    identity = ManualIdentity(name, number)
    birth = identity.birth_date
    if birth is None or birth > _dt.date.today() or birth.year < 1900:
        return None, "date"
    return identity, ""


def placement_pixmap(width: int, theme: Theme, caption: str, *, ratio: float = 1.0) -> QPixmap:
    """Where to put the card: the kiosk's reader area (with its caption), a card above it and an arrow down.

    Drawn, not a bitmap asset, so it stays sharp at every size and follows the (elderly) palette.
    """
    height = round(width * 0.66)
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    w, h = float(width), float(height)
    line = max(3.0, w / 140)
    primary, text, border = QColor(theme.color("PRIMARY")), QColor(theme.color("TEXT")), QColor(theme.color("BORDER"))
    accent = QColor(theme.color("ACCENT"))

    # The kiosk's desk panel, seen from the front, with the reader area in its lower half.
    panel = QRectF(w * 0.04, h * 0.42, w * 0.92, h * 0.55)
    p.setPen(QPen(border, line))
    p.setBrush(QColor("#dfe5ec"))
    p.drawRoundedRect(panel, w * 0.03, w * 0.03)
    reader = QRectF(w * 0.22, h * 0.55, w * 0.56, h * 0.34)
    p.setPen(QPen(primary, line * 1.4, Qt.PenStyle.DashLine))
    p.setBrush(QColor(primary.red(), primary.green(), primary.blue(), 40))
    p.drawRoundedRect(reader, w * 0.02, w * 0.02)
    # Contactless waves and the caption inside the reader area.
    p.setPen(QPen(primary, line))
    p.setBrush(Qt.BrushStyle.NoBrush)
    centre = QPointF(reader.left() + reader.width() * 0.16, reader.center().y())
    for i in range(3):
        r = reader.height() * (0.12 + 0.1 * i)
        p.drawArc(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r), -50 * 16, 100 * 16)
    font = QFont(theme.font_family)
    font.setPixelSize(max(14, round(reader.height() * 0.26)))
    font.setBold(True)
    p.setFont(font)
    p.setPen(primary)
    p.drawText(QRectF(reader.left() + reader.width() * 0.3, reader.top(), reader.width() * 0.68, reader.height()),
               Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, caption)

    # The card, held above the reader (ID-1 size: 85.6 x 54 mm), photo on the right as on the real card.
    card_w = w * 0.42
    card = QRectF((w - card_w) / 2, h * 0.03, card_w, card_w * 54 / 85.6)
    p.setPen(QPen(text, line * 0.8))
    p.setBrush(QColor("#eaf2fb"))
    p.drawRoundedRect(card, card_w * 0.05, card_w * 0.05)
    photo = QRectF(card.right() - card.width() * 0.3, card.top() + card.height() * 0.18,
                   card.width() * 0.22, card.height() * 0.56)
    p.setPen(QPen(border, line * 0.6))
    p.setBrush(QColor("#c9d3df"))
    p.drawRect(photo)
    p.setPen(QPen(QColor(theme.color("MUTED")), line * 0.9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for i, share in enumerate((0.5, 0.42, 0.55, 0.35)):
        y = card.top() + card.height() * (0.25 + 0.16 * i)
        x0 = card.left() + card.width() * 0.1
        p.drawLine(QPointF(x0, y), QPointF(x0 + card.width() * share, y))

    # A thick arrow from the card down into the reader area.
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(accent)
    cx, top, tip = w * 0.5, card.bottom() + h * 0.02, reader.top() + reader.height() * 0.3
    shaft, head = w * 0.035, w * 0.075
    arrow = QPolygonF([QPointF(cx - shaft / 2, top), QPointF(cx + shaft / 2, top),
                       QPointF(cx + shaft / 2, tip - head), QPointF(cx + head / 2 + shaft, tip - head),
                       QPointF(cx, tip), QPointF(cx - head / 2 - shaft, tip - head),
                       QPointF(cx - shaft / 2, tip - head)])
    path = QPainterPath()
    path.addPolygon(arrow)
    p.drawPath(path)
    p.end()
    return pixmap


class IdentifyScreen(Screen):
    name = "identify"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self._params: Mapping[str, Any] = {}
        self._state = "notice"
        self._reader: Any = None
        self._dots = 0
        self._wait_timer = QTimer(self)
        self._wait_timer.timeout.connect(self._tick)
        self._grace_timer = QTimer(self)
        self._grace_timer.setSingleShot(True)
        self._grace_timer.timeout.connect(self._grace_over)
        self._done_timer = QTimer(self)
        self._done_timer.setSingleShot(True)
        self._done_timer.timeout.connect(self._proceed)

        self.purpose = label("", "hint")
        self.root.addWidget(self.purpose)

        # --- page 1: the notice
        self.notice_page = QWidget()
        # Portrait: the answers one under another, the buttons below. Landscape: the answers in two columns
        # and the buttons in a column on the right, at the top, so they are visible without scrolling.
        direction = QBoxLayout.Direction.TopToBottom if self.portrait else QBoxLayout.Direction.LeftToRight
        notice = QBoxLayout(direction, self.notice_page)
        notice.setContentsMargins(0, 0, 0, 0)
        notice.setSpacing(20 if self.portrait else 28)
        grid = QGridLayout()
        grid.setSpacing(20)
        columns = 1 if self.portrait else 2
        self.notice_items: list[QLabel] = []
        for index in range(4):
            item = label("", "notice")
            item.setTextFormat(Qt.TextFormat.RichText)
            item.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(item, index // columns, index % columns)
            self.notice_items.append(item)
        notice.addLayout(grid, 3)
        self.decline = button(self.tr("不同意"))
        self.consent = button(self.tr("同意，开始读卡"), "primary")
        self.decline.clicked.connect(self._leave_back)
        self.consent.clicked.connect(self._on_consent)
        if self.portrait:
            row = QHBoxLayout()
            row.setSpacing(24)
            row.addWidget(self.decline, 1)
            row.addWidget(self.consent, 2)
            notice.addLayout(row)
        else:
            column = QVBoxLayout()
            column.setSpacing(24)
            column.addWidget(self.consent)
            column.addWidget(self.decline)
            column.addStretch(1)
            notice.addLayout(column, 1)
        self.root.addWidget(self.notice_page)

        # --- page 2: place the card (illustration beside the texts in landscape, above them in portrait)
        self.read_page = QWidget()
        direction = QBoxLayout.Direction.TopToBottom if self.portrait else QBoxLayout.Direction.LeftToRight
        read = QBoxLayout(direction, self.read_page)
        read.setContentsMargins(0, 0, 0, 0)
        read.setSpacing(32)
        self.picture = PixmapView()
        read.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        side_box = QWidget()
        side_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        side = QVBoxLayout(side_box)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(20)
        theme = ctx.theme
        self.problem = label("", "error")   # what went wrong, in plain words, above what to do now
        self.problem.setStyleSheet(f"font-size: {theme.px('L')}px; font-weight: bold;")
        self.status = label("", "big")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter if self.portrait else Qt.AlignmentFlag.AlignLeft)
        self.hint = label("")
        self.identity = label("", "notice")
        self.identity.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.identity.setStyleSheet(f"font-size: {theme.px('XL')}px; font-weight: bold;")
        for widget in (self.problem, self.status, self.hint, self.identity):
            side.addWidget(widget)
            widget.hide()
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        self.cancel = button(self.tr("取消"))
        self.cancel.clicked.connect(self._leave_back)
        self.manual_button = button(self.tr("手动输入身份证号"), "primary")
        self.manual_button.clicked.connect(self._show_manual)
        buttons.addWidget(self.cancel, 1)
        buttons.addWidget(self.manual_button, 2)
        side.addLayout(buttons)
        side.addStretch(1)
        read.addWidget(side_box, 1)
        self.root.addWidget(self.read_page)

        # --- page 3: typed identity (reader offline, allowed by the journey)
        self.manual_page = QWidget()
        # Landscape: the buttons in a column on the right, so "确认" stays in view above the keyboard.
        direction = QBoxLayout.Direction.TopToBottom if self.portrait else QBoxLayout.Direction.LeftToRight
        manual_outer = QBoxLayout(direction, self.manual_page)
        manual_outer.setContentsMargins(0, 0, 0, 0)
        manual_outer.setSpacing(28)
        manual = QVBoxLayout()
        manual_outer.addLayout(manual, 2)
        manual.setSpacing(16)
        manual.addWidget(label(self.tr("请输入您的姓名和18位公民身份号码（与身份证上一致）。"), "hint"))
        manual.addWidget(label(self.tr("姓名")))
        self.name_field = QLineEdit()
        self.name_field.setMaxLength(30)
        manual.addWidget(self.name_field)
        manual.addWidget(label(self.tr("公民身份号码")))
        self.number_field = QLineEdit()
        self.number_field.setMaxLength(18)
        self.number_field.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers
                                              | Qt.InputMethodHint.ImhPreferUppercase
                                              | Qt.InputMethodHint.ImhNoPredictiveText
                                              | Qt.InputMethodHint.ImhSensitiveData)
        manual.addWidget(self.number_field)
        self.manual_error = label("", "error")
        manual.addWidget(self.manual_error)
        buttons_row: QBoxLayout = QHBoxLayout() if self.portrait else QVBoxLayout()
        buttons_row.setSpacing(24)
        self.manual_back = button(self.tr("返回读卡"))
        self.manual_back.clicked.connect(self._back_to_reading)
        self.manual_ok = button(self.tr("确认"), "primary")
        self.manual_ok.clicked.connect(self._submit_manual)
        if self.portrait:
            buttons_row.addWidget(self.manual_back, 1)
            buttons_row.addWidget(self.manual_ok, 2)
            manual.addLayout(buttons_row)
        else:
            buttons_row.addWidget(self.manual_ok)
            buttons_row.addWidget(self.manual_back)
            buttons_row.addStretch(1)
            manual_outer.addLayout(buttons_row, 1)
        self.root.addWidget(self.manual_page)
        self.root.addStretch(1)
        self._show_page("notice")

    # ---- entering and leaving ------------------------------------------------------------------------
    def enter(self, params: Mapping[str, Any]) -> None:
        self._params = dict(params)
        purpose = str(params.get("purpose", ""))
        self.purpose.setText(self.tr("您正在办理：%1").replace("%1", purpose) if purpose else "")
        self.purpose.setVisible(bool(purpose))
        what = purpose or self.tr("本次办理")
        self.notice_items[0].setText(self.tr(
            "<b>读取哪些信息</b><br>姓名、性别、民族、出生日期、住址、公民身份号码、签发机关、有效期限。"
            "证件照片只在本机屏幕上显示，不保存、不上传。"))
        self.notice_items[1].setText(self.tr("<b>为什么读取</b><br>核实您的身份，并为“%1”自动填写表格，"
                                             "减少您手工输入。").replace("%1", _escape(what)))
        self.notice_items[2].setText(self.tr("<b>保存多久</b><br>只在本次办理中使用；办理结束、离开或长时间无操作时，"
                                             "本机立即清除。"))
        self.notice_items[3].setText(self.tr("<b>由谁处理</b><br>%1。只把办理所需的信息加密发送给该中心，"
                                             "不用于其他用途。").replace("%1", self.tr("浏阳市政务服务中心")))
        self._show_notice()

    def leave(self) -> None:
        self._stop_reading()
        self._done_timer.stop()
        self.identity.clear()       # the masked identity was shown; the cached screen keeps nothing of it

    def wipe(self) -> None:
        self._stop_reading()
        self._done_timer.stop()
        self._params = {}
        for widget in (self.identity, self.problem, self.manual_error):
            widget.clear()
        self.name_field.clear()
        self.number_field.clear()
        self._show_notice()

    # ---- notice ----------------------------------------------------------------------------------------
    def _show_notice(self) -> None:
        self._state = "notice"
        self.set_title(self.tr("读取身份证前，请您知悉"))
        self._show_page("notice")

    def _show_page(self, page: str) -> None:
        self.notice_page.setVisible(page == "notice")
        self.read_page.setVisible(page == "read")
        self.manual_page.setVisible(page == "manual")
        self.scroll_area.verticalScrollBar().setValue(0)

    def _leave_back(self) -> None:
        """不同意 / 取消: stop reading and go back (home when there is nothing to go back to)."""
        self._stop_reading()
        if self.ctx.router.can_go_back():
            self.ctx.router.back()
        else:
            self.ctx.router.home()

    def _on_consent(self) -> None:
        """Only now is the reader armed for this session (privacy rule 3)."""
        self.set_title(self.tr("请将身份证放在感应区"))
        self._render_picture()
        self._show_page("read")
        reader = self.ctx.service("reader")
        if reader is None:
            log.warning("identify: no ID-card reader service")
            self._show_offline()
            return
        self._connect(reader)
        reader.arm()
        log.info("identify: reader armed after consent")
        self._show_waiting()
        self.ctx.say("place_card")
        if not reader.online:
            self._grace_timer.start(ONLINE_GRACE_MS)

    def _render_picture(self) -> None:
        theme = self.ctx.theme
        width = (860 if self.elderly else 720) if self.portrait else (680 if self.elderly else 640)
        self.picture.set_pixmap(placement_pixmap(width, theme, self.tr("感应区"), ratio=self.devicePixelRatioF()))

    # ---- the reader ------------------------------------------------------------------------------------
    def _connect(self, reader: Any) -> None:
        if self._reader is reader:
            return
        self._disconnect()
        reader.cardRead.connect(self._on_card)
        reader.error.connect(self._on_error)
        reader.onlineChanged.connect(self._on_online)
        self._reader = reader

    def _disconnect(self) -> None:
        reader, self._reader = self._reader, None
        if reader is None:
            return
        for signal, slot in ((reader.cardRead, self._on_card), (reader.error, self._on_error),
                             (reader.onlineChanged, self._on_online)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass

    def _stop_reading(self) -> None:
        if self._reader is not None:
            self._reader.disarm()
            log.info("identify: reader disarmed")
        self._disconnect()
        self._wait_timer.stop()
        self._grace_timer.stop()

    def _listening(self) -> bool:
        return self._state in ("waiting", "failed") and self._reader is not None

    def _on_card(self, card: Any) -> None:
        if not self._listening():
            return
        if getattr(card, "expired", False):
            log.info("identify: card refused: expired (type %s)", getattr(card, "card_type", "?"))
            self._refuse_expired()
            return
        self._identified(card)

    def _refuse_expired(self) -> None:
        self._show_failure(self.tr("您的证件已过期，请到窗口办理"),
                           self.tr("过期证件不能在自助机上办理。请取走证件；如有其他有效证件，可放在感应区。"),
                           keep_waiting=False)

    def _on_error(self, code: str, _message: str) -> None:
        if not self._listening() and self._state != "offline":
            return
        kind = failure_kind(code)
        log.info("identify: reader reported %s (%s)", code, kind)
        if kind == "offline":
            self._show_offline()
        elif self._state == "offline":
            return
        elif kind == "unrecognised":
            self._show_failure(self.tr("无法识别此证件，请重新放置或到窗口办理"),
                               self.tr("请取走证件，再平放到感应区。"))
        elif kind == "left":
            self._show_failure(self.tr("感应区上已有一张证件"),
                               self.tr("如果是您的证件，请拿起后重新放置；如果不是您的，请交给工作人员。"))
        else:
            self._show_failure(self.tr("读卡失败，请重新放置证件"),
                               self.tr("请把证件平放在感应区，读卡完成前不要移动。"))

    def _on_online(self, online: bool) -> None:
        if self._reader is None:
            return
        if not online and self._state in ("waiting", "failed"):
            self._show_offline()
        elif online and self._state == "offline":
            self._grace_timer.stop()
            self._show_waiting()

    def _grace_over(self) -> None:
        if self._reader is not None and not self._reader.online and self._state in ("waiting", "failed"):
            self._show_offline()

    # ---- states of the reading page --------------------------------------------------------------------
    def _show_waiting(self) -> None:
        self._state = "waiting"
        self.set_title(self.tr("请将身份证放在感应区"))
        self.hint.setText(self.tr("请把证件平放在感应区，看到结果前不要移动。"))
        self.hint.show()
        self.status.show()
        self.problem.clear()
        self.problem.hide()
        self.identity.clear()
        self.identity.hide()
        self.picture.show()
        self.cancel.show()
        self.manual_button.hide()
        self._dots = 0
        self._tick()
        self._wait_timer.start(WAIT_TICK_MS)

    def _tick(self) -> None:
        """The waiting text moves, so the citizen sees the kiosk is working (dots padded: nothing jumps)."""
        self._dots = (self._dots % 3) + 1
        self.status.setText(self.tr("正在等待读卡") + "." * self._dots + "\u2007" * (3 - self._dots))

    def _show_failure(self, message: str, hint: str, *, keep_waiting: bool = True) -> None:
        """A refused or failed card. The reader stays armed: the citizen can place a card again."""
        self._state = "failed"
        self.problem.setText(message)
        self.problem.show()
        self.hint.setText(hint)
        self.hint.show()
        self.status.setVisible(keep_waiting)
        if keep_waiting:
            self._tick()
            if not self._wait_timer.isActive():
                self._wait_timer.start(WAIT_TICK_MS)
        else:
            self._wait_timer.stop()

    def _show_offline(self) -> None:
        self._state = "offline"
        self._wait_timer.stop()
        self._grace_timer.stop()
        self.set_title(self.tr("读卡器暂时无法使用"))
        self.status.hide()
        self.identity.hide()
        manual = bool(self._params.get("allow_manual", False))
        self.problem.setText(self.tr("请点击右下角“呼叫工作人员”，或到窗口办理。"))
        self.problem.show()
        self.hint.setText(self.tr("您也可以手动输入姓名和身份证号继续办理。") if manual else "")
        self.hint.setVisible(manual)
        self.picture.hide()
        self.manual_button.setVisible(manual)

    # ---- success ---------------------------------------------------------------------------------------
    def _identified(self, identity: Any) -> None:
        """Into the session only; shown masked; the next screen follows after a short look."""
        self._stop_reading()
        self.ctx.session.identity = identity
        log.info("identify: identified (card type %s)", getattr(identity, "card_type", "?"))
        self._state = "done"
        self._show_page("read")
        self.set_title(self.tr("身份核验成功"))
        self.status.setText(self.tr("身份核验成功"))
        self.status.show()
        self.hint.setText(self.tr("请取走您的证件，马上为您继续办理。") if getattr(identity, "card_type", "") != "manual"
                          else self.tr("马上为您继续办理。"))
        self.hint.show()
        self.problem.hide()
        self.picture.hide()
        self.cancel.hide()
        self.manual_button.hide()
        self.identity.setText(f"{mask_name(identity.name)}\n{mask_id_number(identity.id_number)}")
        self.identity.show()
        self._done_timer.start(SUCCESS_HOLD_MS)

    def _proceed(self) -> None:
        target = self._params.get("next")
        if self._state != "done" or not self.ctx.session.identified:
            return
        if not target:              # a caller without a next screen: back to it, now identified
            self.ctx.router.back()
            return
        next_params = dict(self._params.get("next_params") or {})
        self.ctx.router.go(str(target), replace=True, **next_params)

    # ---- typed identity --------------------------------------------------------------------------------
    def _show_manual(self) -> None:
        if not self._params.get("allow_manual", False):
            return
        self._state = "manual"
        self.set_title(self.tr("手动输入身份证号"))
        self.manual_error.clear()
        self.manual_error.hide()
        self._show_page("manual")

    def _back_to_reading(self) -> None:
        self.name_field.clear()
        self.number_field.clear()
        self.manual_error.clear()
        self._show_page("read")
        reader = self._reader
        if reader is not None and reader.online:
            self._show_waiting()
        else:
            self._show_offline()

    def _submit_manual(self) -> None:
        identity, problem = check_manual_entry(self.name_field.text(), self.number_field.text())
        if identity is None:
            log.info("identify: typed identity refused (%s)", problem)
            messages = {
                "name": self.tr("请输入姓名。"),
                "format": self.tr("身份证号码应为18位：前17位是数字，最后一位是数字或X。"),
                "check_digit": self.tr("身份证号码有误（校验位不符），请对照证件逐位核对后重新输入。"),
                "date": self.tr("身份证号码中的出生日期无效，请核对后重新输入。"),
            }
            self.manual_error.setText(messages[problem])
            self.manual_error.show()
            self.reveal(self.manual_error)
            return
        self.manual_error.clear()
        self.manual_error.hide()
        self.name_field.clear()
        self.number_field.clear()
        self._identified(identity)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---- screenshots -----------------------------------------------------------------------------------------
def _open(built: Any) -> IdentifyScreen:
    """Open identify as the 帮代办 journey would. The home screen cannot open it yet (its journeys are not
    built), so the step moves the router there directly, as the calling screen's tap would."""
    from kiosk.flow import Route

    purpose = QCoreApplication.translate("Journeys", "帮代办")
    built.ctx.router._move(Route("identify", {"purpose": purpose, "next": "help_request",
                                              "next_params": {}, "allow_manual": True}))
    screen = built.window.current_screen
    assert isinstance(screen, IdentifyScreen)
    return screen


def _sample_card(card_id: str) -> Any:
    from kiosk.devices.idcard.card import decode_read_reply
    from kiosk.devices.idcard.samples import load_cards, read_reply_data

    sample = next(c for c in load_cards() if c.id == card_id)
    return decode_read_reply(read_reply_data(sample, with_fingerprint=False), today=_dt.date.today())


def _waiting(built: Any) -> IdentifyScreen:
    screen = _open(built)
    screen.consent.click()          # no reader in the screenshot run (offline); show what a reader would give
    screen._show_waiting()
    screen._wait_timer.stop()
    return screen


def _expired(built: Any) -> None:
    screen = _waiting(built)
    screen._refuse_expired()
    screen._wait_timer.stop()


def _success(built: Any) -> None:
    screen = _waiting(built)
    screen._identified(_sample_card("resident-basic"))
    screen._done_timer.stop()


def _notice(built: Any) -> None:
    _open(built)


def _waiting_step(built: Any) -> None:
    _waiting(built)


def _offline(built: Any) -> None:
    _open(built).consent.click()    # no reader service: the offline state with the typed-entry path


def _manual(built: Any) -> None:
    screen = _open(built)
    screen.consent.click()
    screen.manual_button.click()
    screen.name_field.setText("张伟")
    screen.number_field.setText("430181198503120031")
    screen.manual_ok.click()        # wrong check digit: the message under the fields


def screenshot_plan() -> dict[str, Step]:
    from kiosk.screens.demo_panel import open_for_screenshot

    return {
        "identify_notice": _notice,
        "identify_waiting": _waiting_step,
        "identify_expired": _expired,
        "identify_success": _success,
        "identify_offline": _offline,
        "identify_manual": _manual,
        "demo_panel": open_for_screenshot,
    }
