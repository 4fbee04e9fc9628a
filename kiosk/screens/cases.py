"""办件查询: by ID card (my cases, including those still waiting in the outbox) or by case number + the last
4 digits of the phone; a timeline of states, what to do next, a printed progress slip, an invitation to rate.

Look-ups need the network and go through ctx.run with the lookup deadline; the outbox's local records (cases
saved on this kiosk while offline, "待上传") are read locally and shown even when the network is down. The
case lives in ctx.session.data only ("case", "case_verifier"), so the session wipe forgets it. Wrong
verifiers are refused by the central service (404, counted; 429 after 5 within 15 minutes): the screen says
so plainly and never tells which part was wrong.
"""
from __future__ import annotations

import html
import importlib.util
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.api import models as m
from kiosk.api.errors import ApiError, Offline, Rejected, Timeout
from kiosk.i18n import QT_TRANSLATE_NOOP
from kiosk.journeys import IDENTIFY
from kiosk.privacy import mask_id_number
from kiosk.screens.base import Screen
from kiosk.screens.receipt import ReceiptPanel
from kiosk.screens.widgets import MIN_TOUCH_PX, Card, Pager, button, clear_layout, label, layout_of

log = logging.getLogger(__name__)

FOLLOW_BASE = "https://zw.liuyang.example/c/"   # the same short URL the case receipt prints (apply.py)
CST = timezone(timedelta(hours=8))              # times are shown as the citizen's clock reads them
NUMBER_RE = re.compile(r"[A-Z0-9][A-Z0-9-]{5,63}")
VERIFIER_RE = re.compile(r"[0-9]{4}")
OFFLINE_CODES = frozenset({"offline", "unreachable", "connection_lost", "timeout"})
CASES_PER_FETCH = 40   # newest first; "查看更早的办件" fetches the next 40 (5 pages, 10 in elderly mode)

# States as the central service names them (central/workflow.py STATES); shown through the "CaseState" context.
STATES = (QT_TRANSLATE_NOOP("CaseState", "已提交"), QT_TRANSLATE_NOOP("CaseState", "预审中"),
          QT_TRANSLATE_NOOP("CaseState", "待补正"), QT_TRANSLATE_NOOP("CaseState", "已受理"),
          QT_TRANSLATE_NOOP("CaseState", "审核中"), QT_TRANSLATE_NOOP("CaseState", "已办结"),
          QT_TRANSLATE_NOOP("CaseState", "待领取"), QT_TRANSLATE_NOOP("CaseState", "已寄出"),
          QT_TRANSLATE_NOOP("CaseState", "已送达"), QT_TRANSLATE_NOOP("CaseState", "待上传"))
# How far along the three stages (accept, review, hand over) a state is: stages done, stage in progress.
STAGE_OF = {"已提交": (0, 0), "预审中": (0, 0), "待补正": (0, 0), "已受理": (1, 1), "审核中": (1, 1),
            "已办结": (2, 2), "待领取": (2, 2), "已寄出": (2, 2), "已送达": (3, -1)}


def state_text(state: str) -> str:
    return QCoreApplication.translate("CaseState", state)


def screen_available(name: str) -> bool:
    """Whether another engineer's screen module exists yet (the move is in the graph either way)."""
    from kiosk.screens.registry import SCREENS

    target = SCREENS.get(name, "")
    return bool(target) and importlib.util.find_spec(target.partition(":")[0]) is not None


def is_offline(exc: BaseException) -> bool:
    return isinstance(exc, (Offline, Timeout, TimeoutError)) or getattr(exc, "code", "") in OFFLINE_CODES


def local_time(value: datetime) -> str:
    return value.astimezone(CST).strftime("%Y-%m-%d %H:%M") if value.tzinfo else value.strftime("%Y-%m-%d %H:%M")




def digits_edit(max_length: int, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setMinimumHeight(80)
    edit.setMaxLength(max_length)
    edit.setPlaceholderText(placeholder)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhNoPredictiveText)
    return edit


def lookup_error_text(screen: Screen, exc: BaseException) -> str:
    """What a citizen reads when a look-up failed: plain, and never which part of the input was wrong."""
    if is_offline(exc):
        return QCoreApplication.translate("Cases", "网络不通，暂时无法查询办件进度。请稍后再试，或到窗口查询。")
    if isinstance(exc, Rejected) and (exc.status == 429 or exc.code in ("too_many_attempts", "rate_limited")):
        return QCoreApplication.translate("Cases", "该办件的验证错误次数过多，为保护您的信息，请 15 分钟后再试，或到窗口查询。")
    if isinstance(exc, Rejected) and exc.code == "not_found":
        return QCoreApplication.translate("Cases", "没有查到这个办件：办件编号或手机号后 4 位不对。请核对回执上的编号后再试。")
    if isinstance(exc, ApiError):
        return exc.message_zh if screen.ctx.session.language == "zh_CN" else exc.message_en
    return QCoreApplication.translate("Cases", "暂时无法查询，请稍后再试，或到窗口查询。")


# ---- the case itself (pure: what to show, what to do next) -------------------------------------------------

def next_step(screen: QWidget, case: m.Case) -> str:
    """What the citizen should do now, in one or two plain sentences."""
    offices, state = case.offices, case.state
    if state in ("已提交", "预审中"):
        return QCoreApplication.translate("Cases", "工作人员正在预审您的材料，请耐心等待。如需补充材料，会一次性告知您。")
    if state == "待补正":
        missing = "、".join(case.missing_materials) or QCoreApplication.translate("Cases", "（请咨询窗口）")
        return (QCoreApplication.translate("Cases", "请带齐以下材料，到 %1 补正：").replace("%1", offices.accept) + missing
                + QCoreApplication.translate("Cases", "。补正后无需重新排队。"))
    if state == "已受理":
        return QCoreApplication.translate("Cases", "已受理，接下来由 %1 审核。").replace("%1", offices.review)
    if state == "审核中":
        text = QCoreApplication.translate("Cases", "%1 正在审核。").replace("%1", offices.review)
        if case.promised_by:
            text += QCoreApplication.translate("Cases", "承诺 %1 前办结。").replace("%1", case.promised_by.astimezone(CST).strftime("%Y-%m-%d"))
        return text
    if state == "已办结":
        if case.outcome == "refused":
            return (QCoreApplication.translate("Cases", "不予办理。原因：%1").replace("%1", case.outcome_reason or "")
                    + QCoreApplication.translate("Cases", "。如有疑问，请到 %1 咨询。").replace("%1", offices.accept))
        if case.delivery.method == "express":
            return QCoreApplication.translate("Cases", "已办结，结果将免费邮寄给您，请留意快递电话。")
        return QCoreApplication.translate("Cases", "已办结，结果送到 %1 后会通知您领取。").replace("%1", case.delivery.pickup_site or offices.handover)
    if state == "待领取":
        return QCoreApplication.translate("Cases", "请带上本人身份证，到 %1 领取办理结果。").replace("%1", case.delivery.pickup_site or offices.handover)
    if state == "已寄出":
        return (QCoreApplication.translate("Cases", "已免费寄出：%1 快递单号 %2。请留意快递电话。")
                .replace("%1", case.delivery.carrier or "").replace("%2", case.delivery.tracking_number or ""))
    if state == "已送达":
        return QCoreApplication.translate("Cases", "已办结并送达。欢迎对本次服务进行评价。")
    return ""


def stage_names(screen: QWidget, route: str) -> tuple[str, str, str]:
    if route == "village":
        return QCoreApplication.translate("Cases", "村受理"), QCoreApplication.translate("Cases", "镇审核"), QCoreApplication.translate("Cases", "村出件")
    return QCoreApplication.translate("Cases", "受理"), QCoreApplication.translate("Cases", "审核"), QCoreApplication.translate("Cases", "出件")


class StageFlow(QWidget):
    """村受理 → 镇审核 → 村出件, with the office under each stage; done stages ticked, the current one marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(12)
        self.stages: list[Any] = []

    def show_case(self, screen: QWidget, case: m.Case, vertical: bool) -> None:
        clear_layout(self.grid)
        self.stages = []
        names = stage_names(screen, case.route)
        offices = (case.offices.accept, case.offices.review, case.offices.handover)
        done, current = STAGE_OF.get(case.state, (0, 0))
        for i, (name, office) in enumerate(zip(names, offices, strict=True)):
            mark = "✓ " if i < done else ("▶ " if i == current else "")
            stage = label(f"{mark}{name}", "stage")
            stage.setAlignment(Qt.AlignmentFlag.AlignCenter)
            stage.setProperty("state", "done" if i < done else "current" if i == current else "todo")
            self.stages.append(stage)
            if vertical:   # elderly portrait: one compact row per stage, the office beside the stage
                stage.setText(f"{mark}{name}：{office}")
                stage.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.grid.addWidget(stage, i, 0)
                continue
            where = label(office, "hint")
            where.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box = QVBoxLayout()
            box.setSpacing(4)
            box.addWidget(stage)
            box.addWidget(where)
            self.grid.addLayout(box, 0, i * 2)
            self.grid.setColumnStretch(i * 2, 1)
            if i < 2:
                self.grid.addWidget(label("→", "stageArrow", wrap=False), 0, i * 2 + 1)


STAGE_QSS = """
QLabel[role="stage"] { font-weight: bold; border-radius: 14px; padding: 14px; border: 3px solid %(border)s;
                      background: %(surface)s; color: %(muted)s; }
QLabel[role="stage"][state="done"] { border-color: %(ok)s; color: %(ok)s; }
QLabel[role="stage"][state="current"] { border-color: %(primary)s; background: %(primary)s; color: white; }
QLabel[role="stageArrow"] { font-weight: bold; color: %(muted)s; }
QLabel[role="stateBig"] { font-weight: bold; color: %(primary)s; }
QLabel[role="event"] { background: %(surface)s; border-left: 8px solid %(border)s; padding: 12px 18px; }
QLabel[role="event"][latest="true"] { border-left-color: %(primary)s; }
"""


def stage_qss(screen: Screen) -> str:
    theme = screen.ctx.theme
    qss = STAGE_QSS % {"border": theme.color("BORDER"), "surface": theme.color("SURFACE"),
                       "muted": theme.color("MUTED"), "ok": theme.color("OK"), "primary": theme.color("PRIMARY")}
    return qss + (f'QLabel[role="stage"] {{ font-size: {theme.px("L")}px; }}'
                  f'QLabel[role="stageArrow"] {{ font-size: {theme.px("XL")}px; }}'
                  f'QLabel[role="stateBig"] {{ font-size: {theme.px("XXL")}px; }}'
                  f'QLabel[role="event"] {{ font-size: {theme.px("M")}px; }}')


class RowButton(QPushButton):
    """A list row to tap: a bold first line and wrapping detail lines (a plain button's text never wraps, and
    a long service name would widen the whole screen past its edge)."""

    def __init__(self, title: str, detail: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 14, 24, 14)
        box.setSpacing(4)
        self.title = label(title, "tileTitle")
        self.detail = label(detail)
        box.addWidget(self.title)
        box.addWidget(self.detail)
        for child in (self.title, self.detail):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def text(self) -> str:
        return f"{self.title.text()}\n{self.detail.text()}"

    def sizeHint(self) -> QSize:
        hint = layout_of(self).sizeHint()
        return QSize(hint.width(), max(hint.height(), MIN_TOUCH_PX))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(layout_of(self).totalHeightForWidth(width), MIN_TOUCH_PX)


class WrapButton(QPushButton):
    """A button whose text wraps (a plain button's never does, and a long translated text would widen the whole
    screen past its edge). Same roles and look as `button()`."""

    def __init__(self, text: str, role: str, theme: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if role:
            self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        box = QVBoxLayout(self)
        box.setContentsMargins(28, 10, 28, 10)
        self.caption = label(text)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        color = theme.color("ON_PRIMARY") if role == "primary" else theme.color("TEXT")
        weight = "bold" if role == "primary" else "normal"
        self.caption.setStyleSheet(f"background: transparent; color: {color}; font-size: {theme.px('M')}px; "
                                   f"font-weight: {weight};")
        box.addWidget(self.caption)

    def text(self) -> str:
        return self.caption.text()

    def setText(self, text: str) -> None:
        self.caption.setText(text)

    def sizeHint(self) -> QSize:
        hint = layout_of(self).sizeHint()
        return QSize(hint.width(), max(hint.height(), MIN_TOUCH_PX))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(layout_of(self).totalHeightForWidth(width), MIN_TOUCH_PX)


# ---- 办件查询: the two ways in ------------------------------------------------------------------------------

class CaseLookupScreen(Screen):
    name = "case_lookup"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("办件查询"))
        self.by_card = WrapButton(self.tr("刷身份证，查看我的全部办件"), "primary", ctx.theme)
        self.by_card.clicked.connect(self.identify)
        self.root.addWidget(self.by_card)
        self.root.addWidget(label(self.tr("或者：输入回执上的办件编号和手机号后 4 位"), "hint"))
        self.number = QLineEdit()
        self.number.setMinimumHeight(80)
        self.number.setMaxLength(64)
        self.number.setPlaceholderText(self.tr("办件编号，例：LY20261126000123"))
        self.number.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers | Qt.InputMethodHint.ImhUppercaseOnly
                                        | Qt.InputMethodHint.ImhNoPredictiveText)
        self.phone4 = digits_edit(4, self.tr("手机号后 4 位"))
        self.root.addWidget(label(self.tr("办件编号（本机编号 LY-… 也可以）")))
        self.root.addWidget(self.number)
        self.root.addWidget(label(self.tr("办理时所留手机号的后 4 位")))
        self.root.addWidget(self.phone4)
        self.error = label("", "error")
        self.error.hide()
        self.status = label("", "notice")
        self.status.hide()
        self.search = button(self.tr("查询"), "primary")
        self.search.clicked.connect(self.lookup)
        self.phone4.returnPressed.connect(self.lookup)
        for widget in (self.error, self.status, self.search):
            self.root.addWidget(widget)
        self.root.addStretch(1)
        self._busy = False

    def enter(self, params: Mapping[str, Any]) -> None:
        self._busy = False
        self.search.setEnabled(True)

    def identify(self) -> None:
        self.ctx.router.go(IDENTIFY, purpose=self.tr("办件查询"), next="case_list", next_params={},
                           allow_manual=False)

    def show_error(self, text: str) -> None:
        self.status.hide()
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if text:  # the answer comes after the tap, and in elderly mode the message can fall below the fold
            self.reveal(self.error)

    def lookup(self) -> None:
        if self._busy:
            return
        number = self.number.text().strip().upper().replace(" ", "")
        verifier = self.phone4.text().strip()
        if not NUMBER_RE.fullmatch(number):
            self.show_error(self.tr("请输入回执上的办件编号（字母 LY 开头，后面是数字）。"))
            return
        if not VERIFIER_RE.fullmatch(verifier):
            self.show_error(self.tr("请输入手机号的后 4 位数字。"))
            return
        self.show_error("")
        client, outbox = self.ctx.service("central"), self.ctx.service("outbox")

        def work() -> tuple[str, Any]:
            record = outbox.lookup(number) if outbox is not None else None
            if record is not None and record.kind == "case" and not record.remote_ref:
                return "pending", record          # saved here while offline: not on the server yet
            if client is None:
                raise Offline("offline")
            target = record.remote_ref if record is not None and record.remote_ref else number
            return "case", client.lookup_case(target, verifier)

        self._busy = True
        self.search.setEnabled(False)
        self.status.setText(self.tr("正在查询，请稍候…"))
        self.status.show()
        self.ctx.run(work, lambda result: self._found(result, verifier), self._failed,
                     deadline_s=self.ctx.config.central.lookup_deadline_s)

    def _found(self, result: tuple[str, Any], verifier: str) -> None:
        self._busy = False
        self.search.setEnabled(True)
        kind, value = result
        if kind == "pending":
            self.status.setText(self.tr("这份申请（本机编号 %1）已安全保存在本机，状态：待上传。联网后自动上传，"
                                        "上传后即可查询办理进度，无需重新办理。").replace("%1", value.local_ref))
            return
        self.status.hide()
        log.info("case %s looked up by number", value.case_number)
        self.ctx.session.data["case"] = value
        self.ctx.session.data["case_verifier"] = verifier
        self.ctx.router.go("case_detail", number=value.case_number)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.search.setEnabled(True)
        log.info("case look-up failed: %s", getattr(exc, "code", type(exc).__name__))
        self.show_error(lookup_error_text(self, exc))

    def wipe(self) -> None:
        for field in (self.number, self.phone4):
            field.clear()
        for message in (self.error, self.status):
            message.clear()
            message.hide()


# ---- my cases (by card) ----------------------------------------------------------------------------------------

class CaseListScreen(Screen):
    name = "case_list"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("我的办件"))
        self.who = label("", "hint")
        self.status = label("", "notice")
        self.status.hide()
        self.root.addWidget(self.who)
        self.root.addWidget(self.status)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(16)
        self.root.addLayout(self.rows)
        self.pager = Pager()
        self.pager.changed.connect(lambda _page: self.show_page())
        self.pager.hide()
        self.root.addWidget(self.pager)
        # A case submitted at another terminal needs the phone digits as well (the card alone is not enough).
        self.verify = Card()
        box = QVBoxLayout(self.verify)
        box.setContentsMargins(32, 24, 32, 24)
        self.verify_text = label("")
        self.verify_phone = digits_edit(4, self.tr("手机号后 4 位"))
        self.verify_go = button(self.tr("查看进度"), "primary")
        self.verify_go.clicked.connect(self._verify)
        self.verify_phone.returnPressed.connect(self._verify)
        self.verify_error = label("", "error")
        self.verify_error.hide()
        for widget in (self.verify_text, self.verify_phone, self.verify_error, self.verify_go):
            box.addWidget(widget)
        self.verify.hide()
        self.root.addWidget(self.verify)
        self.root.addStretch(1)
        self.buttons: dict[str, Any] = {}
        self._cases: list[m.CaseSummary] = []
        self._next_cursor: str | None = None   # the central service has older cases than those fetched
        self._pending: list[Any] = []
        self._verify_number = ""
        self._busy = False

    @property
    def page_size(self) -> int:
        return 4 if self.elderly else 8

    def enter(self, params: Mapping[str, Any]) -> None:
        identity = self.ctx.session.identity
        if identity is None:
            self.who.setText(self.tr("请先刷身份证。"))
            return
        self.who.setText(self.tr("证件号码：%1").replace("%1", mask_id_number(identity.id_number)))
        if self.ctx.session.data.get("case_list") is not None:   # back from a case: no new look-up
            self._cases, self._pending = self.ctx.session.data["case_list"], self.ctx.session.data["case_pending"]
            self._next_cursor = self.ctx.session.data.get("case_cursor")
            self.show_page()
            return
        self.load()

    def load(self) -> None:
        identity = self.ctx.session.identity
        outbox, client = self.ctx.service("outbox"), self.ctx.service("central")
        id_number = identity.id_number
        self._cases, self._pending, self._next_cursor = [], [], None
        self.status.setText(self.tr("正在查询，请稍候…"))
        self.status.show()
        self.show_page()

        def pending_loaded(records: list[Any]) -> None:
            self._pending = [r for r in records if r.kind == "case"]
            self.show_page()

        if outbox is not None:   # local records first: they show even when the network is down
            self.ctx.run(lambda: outbox.pending_for_owner(id_number), pending_loaded, lambda _e: None)
        if client is None:
            self._failed(Offline("offline"))
            return
        self.ctx.run(lambda: client.my_cases(id_number, limit=CASES_PER_FETCH), self._loaded, self._failed,
                     deadline_s=self.ctx.config.central.lookup_deadline_s)

    def load_older(self) -> None:
        """The next CASES_PER_FETCH cases after the oldest shown; the list moves to the first page of them."""
        identity, client, cursor = self.ctx.session.identity, self.ctx.service("central"), self._next_cursor
        if self._busy or identity is None or cursor is None:
            return
        if client is None:
            self._failed(Offline("offline"))
            return
        self._busy = True
        id_number = identity.id_number
        self.status.setText(self.tr("正在查询，请稍候…"))
        self.status.show()
        first_new = len(self._pending) + len(self._cases)

        def done(page: m.CasePage) -> None:
            self._busy = False
            self._loaded(page, keep=True)   # shows the page and counts the pages again
            self.pager.set_page(first_new // self.page_size, emit=True)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._failed(exc)

        self.ctx.run(lambda: client.my_cases(id_number, limit=CASES_PER_FETCH, cursor=cursor), done, failed,
                     deadline_s=self.ctx.config.central.lookup_deadline_s)

    def _loaded(self, page: m.CasePage, *, keep: bool = False) -> None:
        self._cases = (self._cases if keep else []) + list(page.cases)
        self._next_cursor = page.next_cursor
        self.ctx.session.data["case_list"] = self._cases
        self.ctx.session.data["case_cursor"] = self._next_cursor
        self.ctx.session.data["case_pending"] = self._pending
        self.status.hide()
        if not self._cases and not self._pending:
            self.status.setText(self.tr("没有查到您的办件。如果您是在窗口办理的，请凭回执上的办件编号查询。"))
            self.status.show()
        self.show_page()

    def _failed(self, exc: BaseException) -> None:
        log.info("my cases failed: %s", getattr(exc, "code", type(exc).__name__))
        if is_offline(exc):
            text = self.tr("网络不通，暂时查不到已上传的办件。")
            if self._pending:
                text += self.tr("下面是保存在本机、等待上传的申请。")
        else:
            text = lookup_error_text(self, exc)
        self.status.setText(text)
        self.status.show()
        self.show_page()

    def show_page(self) -> None:
        clear_layout(self.rows)
        self.buttons = {}
        entries = self._entries()
        size = self.page_size
        self.pager.set_count(self._page_count())
        page = entries[self.pager.page * size:(self.pager.page + 1) * size]
        for kind, entry in page:
            if kind == "pending":
                card = label(self.tr("待上传　本机编号 %1\n保存时间 %2。联网后自动上传，无需重新办理。")
                             .replace("%1", entry.local_ref).replace("%2", local_time(entry.created_at)), "notice")
                self.rows.addWidget(card)
                continue
            row = RowButton(entry.service_name, f"{entry.case_number}　·　{state_text(entry.state)}"
                                                f"　·　{local_time(entry.updated_at)}")
            row.clicked.connect(lambda _=False, n=entry.case_number: self.open_case(n))
            self.rows.addWidget(row)
            self.buttons[entry.case_number] = row
        if self._next_cursor is not None and self.pager.page == self.pager.count - 1:
            older = button(self.tr("查看更早的办件"), "nav")
            older.clicked.connect(self.load_older)
            self.rows.addWidget(older)
            self.buttons["older"] = older

    def _entries(self) -> list[tuple[str, Any]]:
        return [("pending", r) for r in self._pending] + [("case", c) for c in self._cases]

    def _page_count(self) -> int:
        return (len(self._pending) + len(self._cases) + self.page_size - 1) // self.page_size

    def open_case(self, number: str, verifier: str | None = None) -> None:
        if self._busy:
            return
        client = self.ctx.service("central")
        if client is None:
            self._failed(Offline("offline"))
            return
        self._busy = True
        self.status.setText(self.tr("正在查询，请稍候…"))
        self.status.show()

        def done(case: m.Case) -> None:
            self._busy = False
            self.status.hide()
            self.verify.hide()
            self.ctx.session.data["case"] = case
            self.ctx.session.data["case_verifier"] = verifier or ""
            self.ctx.router.go("case_detail", number=case.case_number)

        def failed(exc: BaseException) -> None:
            self._busy = False
            if isinstance(exc, Rejected) and exc.code == "not_found" and verifier is None:
                # Submitted at another terminal: the server wants the phone digits too.
                self.status.hide()
                self._verify_number = number
                self.verify_text.setText(self.tr("为保护您的信息，查看办件 %1 还需要办理时所留手机号的后 4 位：")
                                         .replace("%1", number))
                self.verify_phone.clear()
                self.verify_error.hide()
                self.verify.show()
                return
            if verifier is not None:
                self.status.hide()
                self.verify_error.setText(lookup_error_text(self, exc))
                self.verify_error.show()
                return
            self._failed(exc)

        self.ctx.run(lambda: client.lookup_case(number, verifier), done, failed,
                     deadline_s=self.ctx.config.central.lookup_deadline_s)

    def _verify(self) -> None:
        digits = self.verify_phone.text().strip()
        if not VERIFIER_RE.fullmatch(digits):
            self.verify_error.setText(self.tr("请输入手机号的后 4 位数字。"))
            self.verify_error.show()
            return
        self.open_case(self._verify_number, digits)

    def wipe(self) -> None:
        try:
            clear_layout(self.rows)
            self.buttons = {}
            self._cases, self._pending = [], []
            for widget in (self.who, self.status, self.verify_text, self.verify_error):
                widget.clear()
            self.verify_phone.clear()
            self.verify.hide()
        except RuntimeError:
            pass


# ---- one case ------------------------------------------------------------------------------------------------

class CaseDetailScreen(Screen):
    name = "case_detail"
    idle_timeout_s = 150           # reading a timeline takes a while for an elderly citizen

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.setStyleSheet(stage_qss(self))
        self.set_title(self.tr("办件进度"))
        self.service = label("", "tileTitle")
        self.number = label("")
        self.state = label("", "stateBig")
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.flow = StageFlow()
        self.next_title = label(self.tr("下一步怎么办"), "tileTitle")
        self.next_text = label("", "notice")
        self.history_title = label(self.tr("办理过程"), "tileTitle")
        self.events = QVBoxLayout()
        self.events.setSpacing(10)
        self.status = label("", "error")
        self.status.hide()
        actions = QHBoxLayout() if not self.portrait else QVBoxLayout()
        self.print_slip = button(self.tr("打印进度单"), "primary")
        self.print_slip.clicked.connect(self.print_progress)
        self.refresh = button(self.tr("刷新进度"))
        self.refresh.clicked.connect(self.reload)
        self.rate = WrapButton(self.tr("评价本次服务（好差评）"), "", ctx.theme)
        self.rate.clicked.connect(self.go_rate)
        for action in (self.print_slip, self.refresh, self.rate):
            actions.addWidget(action)
        self.receipt = ReceiptPanel(ctx)
        self.receipt.hide()          # shown once printing starts (an empty panel is an empty box)
        for widget in (self.service, self.number, self.state, self.flow, self.next_title, self.next_text,
                       self.status):
            self.root.addWidget(widget)
        self.root.addLayout(actions)
        self.root.addWidget(self.receipt)
        self.root.addWidget(self.history_title)
        self.root.addLayout(self.events)
        self.root.addStretch(1)
        self.event_labels: list[Any] = []

    @property
    def case(self) -> m.Case | None:
        case = self.ctx.session.data.get("case")
        return case if isinstance(case, m.Case) else None

    def enter(self, params: Mapping[str, Any]) -> None:
        self.receipt.clear()
        self.receipt.hide()
        self.status.hide()
        self.show_case()

    def show_case(self) -> None:
        case = self.case
        if case is None:
            self.status.setText(self.tr("没有可显示的办件，请返回重新查询。"))
            self.status.show()
            return
        self.service.setText(case.service_name)
        self.number.setText(self.tr("办件编号：%1").replace("%1", case.case_number))
        state = state_text(case.state)
        if case.state == "已办结" and case.outcome:
            state += self.tr("（准予办理）") if case.outcome == "approved" else self.tr("（不予办理）")
        self.state.setText(state)
        self.flow.show_case(self, case, vertical=self.portrait and self.elderly)
        self.next_text.setText(next_step(self, case))
        clear_layout(self.events)
        self.event_labels = []
        history = list(case.history)
        shown = history[-4:] if self.elderly and len(history) > 4 else history
        if len(shown) < len(history):
            self.events.addWidget(label(self.tr("（更早的 %1 条记录见进度单）").replace("%1", str(len(history) - len(shown))),
                                        "hint"))
        for i, event in enumerate(shown):
            text = (f"<b>{html.escape(state_text(event.state))}</b>　{html.escape(local_time(event.time))}"
                    f"<br>{html.escape(event.office)}")
            if event.note:
                text += f"<br>{html.escape(event.note)}"
            row = label(text, "event")
            row.setTextFormat(Qt.TextFormat.RichText)
            row.setProperty("latest", "true" if i == len(shown) - 1 else "false")
            self.events.addWidget(row)
            self.event_labels.append(row)
        self.rate.setVisible(screen_available("evaluation"))

    def reload(self) -> None:
        case, client = self.case, self.ctx.service("central")
        if case is None:
            return
        if client is None:
            self._failed(Offline("offline"))
            return
        verifier = self.ctx.session.data.get("case_verifier") or None
        self.status.setText(self.tr("正在查询，请稍候…"))
        self.status.setProperty("role", "hint")
        self.status.style().polish(self.status)
        self.status.show()
        self.refresh.setEnabled(False)

        def done(fresh: m.Case) -> None:
            log.info("case %s refreshed: %s", fresh.case_number, fresh.state)
            self.refresh.setEnabled(True)
            self.status.hide()
            self.ctx.session.data["case"] = fresh
            self.show_case()

        self.ctx.run(lambda: client.lookup_case(case.case_number, verifier), done, self._failed,
                     deadline_s=self.ctx.config.central.lookup_deadline_s)

    def _failed(self, exc: BaseException) -> None:
        self.refresh.setEnabled(True)
        self.status.setProperty("role", "error")
        self.status.style().polish(self.status)
        self.status.setText(lookup_error_text(self, exc))
        self.status.show()

    def print_progress(self) -> None:
        from kiosk.devices.printer.receipts import (
            Footer,
            ProgressEntry,
            ProgressSlipData,
            progress_slip,
        )

        case = self.case
        if case is None:
            return
        terminal = self.ctx.config.terminal
        history = tuple(ProgressEntry(e.time.astimezone(CST).replace(tzinfo=None), e.state, e.office, e.note)
                        for e in case.history)
        current = case.state + ({"approved": "（准予办理）", "refused": "（不予办理）"}.get(case.outcome or "", "")
                                if case.state == "已办结" else "")
        doc = progress_slip(ProgressSlipData(
            case_number=case.case_number, item_name=case.service_name, applicant_name=case.applicant.name,
            current_state=current, history=history, follow_url=FOLLOW_BASE + case.case_number,
            footer=Footer(terminal.site_name, terminal.id, datetime.now())))
        log.info("progress slip for case %s", case.case_number)
        self.receipt.show()
        self.receipt.print_document(doc)

    def go_rate(self) -> None:
        case = self.case
        self.ctx.router.go("evaluation", case_number=case.case_number if case else "",
                           service_code=case.service_code if case else "")

    def wipe(self) -> None:
        try:
            clear_layout(self.events)
            self.event_labels = []
            for widget in (self.service, self.number, self.state, self.next_text, self.status):
                widget.clear()
            clear_layout(self.flow.grid)
            self.receipt.clear()
        except RuntimeError:
            pass


# ---- screenshots ---------------------------------------------------------------------------------------------

def sample_case(state: str = "审核中", *, route: str = "village", method: str = "pickup") -> m.Case:
    """A case of the contract's shape (no central service during screenshots): a village case moving along."""
    village, town = "沙市镇赤马村便民服务站", "沙市镇便民服务中心"
    steps = [("已提交", village, "自助终端提交申请"), ("预审中", village, "材料预审"), ("已受理", village, "村受理"),
             ("审核中", town, "镇审核"), ("已办结", town, "准予办理"),
             ("待领取" if method == "pickup" else "已寄出", village,
              f"村出件：请到{village}领取" if method == "pickup" else "免费寄递 EMS 1187654321098"),
             ("已送达", village, "申请人已领取")]
    if state == "待补正":
        steps = steps[:2] + [("待补正", village, "一次性告知：请补正 近期一寸免冠彩色照片、户口簿首页复印件")]
    else:
        steps = steps[:[s[0] for s in steps].index(state) + 1]
    start = datetime(2026, 11, 20, 9, 12, tzinfo=CST)
    history = [m.CaseEvent(s, start + timedelta(days=i, hours=i), o, n) for i, (s, o, n) in enumerate(steps)]
    return m.Case(
        case_number="LY20261120000123", service_code="430181-LY-00001", service_name="老年人优待证办理",
        applicant=m.MaskedApplicant("欧*菊", "138****5678"), state=state,
        outcome="approved" if state in ("已办结", "待领取", "已寄出", "已送达") else None, outcome_reason=None,
        route=route, offices=m.Offices(village, town, village),
        history=history,
        missing_materials=["近期一寸免冠彩色照片", "户口簿首页复印件"] if state == "待补正" else [],
        delivery=m.CaseDelivery(method, village if method == "pickup" else None,
                                "1187654321098" if state == "已寄出" else None, "EMS" if state == "已寄出" else None),
        promised_by=datetime(2026, 11, 27, 17, 0, tzinfo=CST), local_reference=None,
        created_at=start, updated_at=history[-1].time)


def sample_identity(card_id: str = "resident-basic") -> Any:
    """An IdCard from a sample card, through the real decoder (as the reader would deliver it)."""
    from datetime import date

    from kiosk.devices.idcard.card import decode_read_reply
    from kiosk.devices.idcard.samples import load_cards, read_reply_data

    card = next(c for c in load_cards() if c.id == card_id)
    return decode_read_reply(read_reply_data(card, with_fingerprint=False), today=date.today())


def _sample_identity(built: Any) -> None:
    built.ctx.session.identity = sample_identity()


def screenshot_plan() -> dict[str, Callable[[Any], None]]:
    from kiosk.flow import Route

    def lookup_error(built: Any) -> None:
        built.ctx.router.go("case_lookup")
        screen = built.window.current_screen
        screen.number.setText("LY20261120000123")
        screen.phone4.setText("0000")
        screen.show_error(lookup_error_text(screen, Rejected("not_found", status=404)))

    def case_list(built: Any) -> None:
        from kiosk.api.outbox import OutboxRecord

        _sample_identity(built)
        built.ctx.router.go("case_lookup")
        cases = [sample_case("待领取"), sample_case("待补正"), sample_case("已寄出", route="county", method="express")]
        summaries = [m.CaseSummary(c.case_number[:-3] + f"{i:03d}", c.service_code, name, c.state, c.outcome, None,
                                   c.created_at, c.updated_at)
                     for i, (c, name) in enumerate(zip(cases, ("老年人优待证办理", "生育服务登记",
                                                               "社会保障卡补领、换领、换发"), strict=True))]
        built.ctx.session.data["case_list"] = summaries
        built.ctx.session.data["case_cursor"] = summaries[-1].case_number   # older cases behind: 查看更早的办件
        built.ctx.session.data["case_pending"] = [OutboxRecord(1, "LY-DEMO-0001-KXPM-20261126-0007", "k", "case",
                                                               datetime(2026, 11, 26, 10, 15, tzinfo=CST), "pending",
                                                               2, "unreachable", None)]
        built.ctx.router._stack.append(built.ctx.router.current)
        built.ctx.router._move(Route("case_list", {}))

    def detail(state: str, **kwargs: Any) -> Callable[[Any], None]:
        def step(built: Any) -> None:
            built.ctx.router.go("case_lookup")
            built.ctx.session.data["case"] = sample_case(state, **kwargs)
            built.ctx.router.go("case_detail", number="LY20261120000123")
        return step

    return {
        "case_lookup": lambda built: built.ctx.router.go("case_lookup"),
        "case_lookup_refused": lookup_error,
        "case_list": case_list,
        "case_detail": detail("审核中"),
        "case_detail_correction": detail("待补正"),
        "case_detail_pickup": detail("待领取"),
        "case_detail_mailed": detail("已寄出", route="county", method="express"),
    }


__all__: Sequence[str] = ("CaseDetailScreen", "CaseListScreen", "CaseLookupScreen", "screenshot_plan")
