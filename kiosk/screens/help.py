"""帮代办: ask staff for help with a service (帮办 / 代办) or for an at-home visit (上门代办) for people who cannot come.

help_request: what kind of help -> which service (search or common items, or "not sure") -> when (a few time
windows) -> a mobile number (digits keyboard, checked) -> for 上门代办 the address (prefilled from the ID card,
which the identify screen reads first: staff must know whom they visit). A simple help request needs no card.
help_done: the request goes to the local outbox off the GUI thread; "已提交" once the sync worker delivered it
(with the request number BD...), "已保存，联网后自动上传" with the local reference otherwise; a slip is printed
(or shown as a QR). Everything of the citizen lives in ctx.session.data["help"] and goes with the session wipe.

The outbox submission and its "已提交" / "已保存" watcher are kiosk/screens/submission.py (shared with apply
and evaluation).
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.devices.printer.document import QR, Cut, Document, Rule, Table, Text
from kiosk.journeys import IDENTIFY
from kiosk.privacy import mask_address, mask_name, mask_phone
from kiosk.screens.base import Screen, check_after_shown
from kiosk.screens.form_fields import (
    AddressField,
    Choice,
    ChoiceField,
    FieldSpec,
    Region,
    TextField,
    form_qss,
)
from kiosk.screens.receipt import ReceiptPanel, beside_receipt
from kiosk.screens.submission import Submission, SubmissionWatcher
from kiosk.screens.widgets import MIN_TOUCH_PX, Tile, button, clear_layout, label

log = logging.getLogger(__name__)

HELP_URL = "https://zw.liuyang.example/h/"   # QR on the slip: the request number (demo host, as apply's)
KINDS = ("帮办", "代办", "上门代办")   # the central service's kinds (central/models/services.py)
AT_HOME = "上门代办"
TIME_WINDOWS = ("工作日上午", "工作日下午", "周六、周日", "什么时间都可以")
AT_HOME_REASONS = ("年老体弱", "残疾", "患病或受伤", "其他原因")
NO_NAME = "未留姓名"                 # the service needs a name; a simple request may be anonymous
CONTACT_HOURS = {AT_HOME: 24}       # the service's promise (HelpRequest.contact_within_hours); others 4
HELP_CENTRE = "浏阳市政务服务中心帮代办服务专区"


# ---- the slip (pure layout; the printer's document model) ----------------------------------------------------

@dataclass(frozen=True)
class HelpSlipData:
    request_number: str             # "" while waiting in the offline outbox
    offline_ref: str
    kind: str
    service_name: str
    preferred_time: str
    phone: str
    contact_within_hours: int
    office: str
    site_name: str
    terminal_id: str
    printed_at: datetime
    name: str = ""
    address: str = ""


def help_slip(data: HelpSlipData) -> Document:
    """帮代办回执: the number to quote when staff call, what was asked, masked contact data (privacy rule 1)."""
    number = data.request_number or data.offline_ref
    ops: list[Any] = [Text("帮代办回执", align="center", bold=True, size=2), Text(data.site_name, align="center"),
                      Rule(), Text(number, align="center", bold=True, size=2 if len(number) <= 16 else 1)]
    rows: list[tuple[str, str]] = [("求助编号" if data.request_number else "本机编号", number)]
    if not data.request_number:
        rows.append(("状态", "待上传（联网后自动上传，无需重新登记）"))
    rows.append(("求助类型", data.kind))
    rows.append(("办理事项", data.service_name or "到时与工作人员确认"))
    if data.name and data.name != NO_NAME:
        rows.append(("联系人", mask_name(data.name)))
    rows.append(("联系电话", mask_phone(data.phone)))
    if data.address:
        rows.append(("上门地址", mask_address(data.address)))
    rows.append(("方便时间", data.preferred_time or "什么时间都可以"))
    rows.append(("承办单位", data.office))
    ops.append(Table(tuple(rows)))
    ops.append(Rule())
    ops.append(Text(f"工作人员将在{data.contact_within_hours}小时内（工作时间）电话联系您，请保持电话畅通。"))
    ops.append(QR(HELP_URL + number, caption="扫码查看求助编号"))
    ops += [Rule(), Text(data.site_name, align="center"), Text(f"终端 {data.terminal_id}", align="center"),
            Text(f"打印时间 {data.printed_at:%Y-%m-%d %H:%M}", align="center"), Cut()]
    return Document("help", tuple(ops), fallback_qr=HELP_URL + number, headline=number)


# ---- shared widgets -----------------------------------------------------------------------------------------

class WrapButton(QPushButton):
    """A large button whose text wraps (long service names must never be clipped)."""

    def __init__(self, text: str, role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if role:
            self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(MIN_TOUCH_PX)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 10, 24, 10)
        self.caption = label(text, "buttonText")
        self.caption.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.caption.setStyleSheet("background: transparent;")
        box.addWidget(self.caption)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.toggled.connect(self._checked_look)

    def _checked_look(self, checked: bool) -> None:
        """A checked choice is drawn filled (white text), as the form's choice buttons are."""
        self.caption.setStyleSheet("background: transparent;" + (" color: #ffffff; font-weight: bold;" if checked else ""))

    def text(self) -> str:
        return self.caption.text()

    def setText(self, text: str) -> None:
        self.caption.setText(text)
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(MIN_TOUCH_PX, self.caption.heightForWidth(max(50, width - 48)) + 28)

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        hint.setWidth(120)
        return hint


class ServicePicker(QWidget):
    """Choose a service from the cached catalogue: common items, or search (hanzi, pinyin, initials), or "other"."""

    chosen = Signal(str, str)        # (code, name); ("", "") = not sure / other

    def __init__(self, ctx: Any, page_size: int, *, allow_other: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(14)
        self.current = label("", "value")
        self.change = button(self.tr("重新选择"))
        self.change.clicked.connect(self.reopen)
        row = QHBoxLayout()
        row.addWidget(self.current, 1)
        row.addWidget(self.change, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(row)
        self.search = QLineEdit(self)
        self.search.setMinimumHeight(MIN_TOUCH_PX)
        self.search.setPlaceholderText(self.tr("输入名称或拼音首字母，如 ylbx"))
        self.search.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText)
        self.search.textChanged.connect(self.refresh)
        box.addWidget(self.search)
        self.list_title = label("", "hint")
        box.addWidget(self.list_title)
        self.items_box = QVBoxLayout()
        self.items_box.setSpacing(12)
        box.addLayout(self.items_box)
        self.other = WrapButton(self.tr("其他事项，或说不清楚（请工作人员帮忙确认）"))
        self.other.clicked.connect(lambda: self.choose("", ""))
        self.other.setVisible(allow_other)
        self.allow_other = allow_other
        box.addWidget(self.other)
        self.item_buttons: dict[str, QPushButton] = {}
        self._shown: tuple[tuple[str, str], ...] = ()   # (code, name) of the buttons, in order
        self.code: str | None = None      # None: nothing chosen yet; "": other
        self.name = ""
        # The list is filled by the screen's enter()/prepare() (ensure_current), not here: building it is
        # most of the screen's build cost, and a screen built ahead fills it in idle time.
        self._show_state(fill=False)

    def ensure_current(self, *, after_paint: bool = False) -> None:
        """While choosing: the list matches the catalogue and the search (no new buttons when nothing changed).
        AFTER_PAINT, when a list is shown already (filled ahead): checked once the screen is painted."""
        if self.code is not None:
            return
        if after_paint and self._shown:
            check_after_shown(self, self.ensure_current)
        else:
            self.refresh()

    def set_choice(self, code: str | None, name: str) -> None:
        self.code, self.name = code, name
        self._show_state()

    def reopen(self) -> None:
        self.code, self.name = None, ""
        self._show_state()
        self.refresh()

    def choose(self, code: str, name: str) -> None:
        self.code, self.name = code, name
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._show_state()
        self.chosen.emit(code, name)

    def _show_state(self, *, fill: bool = True) -> None:
        picking = self.code is None
        self.current.setText(self.name if self.code else self.tr("其他事项（到时与工作人员确认）"))
        self.current.setVisible(not picking)
        self.change.setVisible(not picking)
        self.search.setVisible(picking)
        self.list_title.setVisible(picking)
        self.other.setVisible(picking and self.allow_other)
        for b in self.item_buttons.values():
            b.setVisible(picking)
        if fill and picking and not self.item_buttons:
            self.refresh()

    def _clear_items(self) -> None:
        clear_layout(self.items_box)
        self.item_buttons.clear()
        self._shown = ()

    def refresh(self) -> None:
        """The buttons for the current search; rebuilt only when the items they show change."""
        if self.code is not None:
            self._clear_items()
            return
        store = self.ctx.service("catalogue")
        if store is None:
            self._clear_items()
            self.list_title.setText(self.tr("事项目录正在加载，请稍候再试。"))
            return
        query = self.search.text().strip()
        try:
            items = [hit.item for hit in store.search(query, self.page_size)] if query else \
                store.browse(here=True)[: self.page_size]
        except Exception:
            log.exception("catalogue lookup failed")
            items = []
        if query:
            self.list_title.setText(self.tr("搜索结果") if items else self.tr("没有找到，换个说法试试。"))
        else:
            self.list_title.setText(self.tr("常办事项（也可以在上面输入名称查找）"))
        shown = tuple((item.code, item.name) for item in items)
        if shown == self._shown:
            return
        self._clear_items()
        self._shown = shown
        for item in items:
            b = WrapButton(item.name)
            b.clicked.connect(lambda _=False, c=item.code, n=item.name: self.choose(c, n))
            self.items_box.addWidget(b)
            self.item_buttons[item.code] = b

    def clear(self) -> None:
        """Nothing searched, nothing chosen. The list is filled again by ensure_current() (the screen's next
        enter), not here: at a session end the screen is about to be destroyed."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.code, self.name = None, ""
        self._clear_items()
        self._show_state(fill=False)




def region_loader(ctx: Any) -> Callable[[str | None, Callable[[list[Region]], None], Callable[[], None]], None]:
    """Townships (code None) or a township's villages, from the central service, off the GUI thread."""
    def load(code: str | None, done: Callable[[list[Region]], None], failed: Callable[[], None]) -> None:
        client = ctx.service("central")
        if client is None:
            failed()
            return

        def work() -> list[Region]:
            answer = client.regions(code)
            return [Region(c.code, c.name, c.full_name, c.level) for c in answer.children]

        ctx.run(work, done, lambda _exc: failed(), deadline_s=ctx.config.central.lookup_deadline_s)
    return load


def section(text: str) -> Any:
    return label(text, "section")


# ---- help_request -------------------------------------------------------------------------------------------

class HelpRequestScreen(Screen):
    name = "help_request"
    idle_timeout_s = 150

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.setStyleSheet(form_qss(ctx.theme) + _help_qss(ctx.theme))
        self.set_title(self.tr("帮代办"))
        self.intro = label(self.tr("工作人员免费帮您办理。说明需要什么帮助、留下电话，工作人员会联系您。"), "hint")
        self.root.addWidget(self.intro)
        # 1. what kind of help
        self.root.addWidget(section(self.tr("1. 您需要哪种帮助？")))
        kinds = {
            "帮办": (self.tr("帮办"), self.tr("工作人员在大厅一对一指导您办理"), "帮"),
            "代办": (self.tr("代办"), self.tr("把材料交给工作人员，由他们替您办理"), "代"),
            AT_HOME: (self.tr("上门代办"), self.tr("老人、残疾人等行动不便，工作人员上门办理（需要刷身份证）"), "上"),
        }
        grid = QGridLayout()
        grid.setSpacing(16)
        self.kind_tiles: dict[str, Tile] = {}
        for i, (key, (title, sub, icon)) in enumerate(kinds.items()):
            tile = Tile(title, sub, icon=icon, color="#d9480f")
            tile.setCheckable(True)
            tile.clicked.connect(lambda _=False, k=key: self.choose_kind(k))
            columns = 1 if self.portrait or self.elderly else 3
            grid.addWidget(tile, i // columns, i % columns)
            self.kind_tiles[key] = tile
        self.root.addLayout(grid)
        self.who = label("", "notice")
        self.who.hide()
        self.root.addWidget(self.who)
        # 2. which service
        self.root.addWidget(section(self.tr("2. 办什么事？")))
        self.picker = ServicePicker(ctx, 4 if self.elderly else 6)
        self.picker.chosen.connect(self._service_chosen)
        self.root.addWidget(self.picker)
        # 3. when
        self.root.addWidget(section(self.tr("3. 什么时间方便联系您？")))
        times = {"工作日上午": self.tr("工作日上午"), "工作日下午": self.tr("工作日下午"),
                 "周六、周日": self.tr("周六、周日"), "什么时间都可以": self.tr("什么时间都可以")}
        self.when = ChoiceField(FieldSpec("preferred_time", "singlevaluelist", self.tr("方便的时间"), False,
                                          self.tr("可以不选：工作人员会先打电话和您约时间。"),
                                          choices=tuple(Choice(t, times[t]) for t in TIME_WINDOWS)),
                                columns=1 if self.elderly else 2)
        self.when.changed.connect(self._save)
        self.root.addWidget(self.when)
        # 4. contact
        self.root.addWidget(section(self.tr("4. 怎么联系您？")))
        self.phone = TextField(FieldSpec("phone", "phone", self.tr("手机号码"), True,
                                         self.tr("工作人员会打这个号码联系您。")))
        self.phone.edit.textChanged.connect(lambda _t: self._save())
        self.root.addWidget(self.phone)
        self.person = TextField(FieldSpec("name", "string", self.tr("怎么称呼您"), False,
                                          self.tr("例如：王阿姨、李先生。可以不填。")))
        self.person.edit.setMaxLength(20)
        self.person.edit.textChanged.connect(lambda _t: self._save())
        self.root.addWidget(self.person)
        # 5. at home only
        self.home_box = QWidget()
        home = QVBoxLayout(self.home_box)
        home.setContentsMargins(0, 0, 0, 0)
        home.setSpacing(16)
        home.addWidget(section(self.tr("5. 上门地址")))
        self.address = AddressField(FieldSpec("address", "address", self.tr("工作人员上门的地址"), True,
                                              self.tr("默认是身份证上的住址；住在别处请点“修改”。")),
                                    region_loader(ctx), 2 if self.portrait or self.elderly else 4)
        self.address.changed.connect(self._save)
        home.addWidget(self.address)
        reasons = {"年老体弱": self.tr("年老体弱"), "残疾": self.tr("残疾"), "患病或受伤": self.tr("患病或受伤"),
                   "其他原因": self.tr("其他原因")}
        self.reason = ChoiceField(FieldSpec("reason", "singlevaluelist", self.tr("不能来大厅的原因"), False,
                                            choices=tuple(Choice(r, reasons[r]) for r in AT_HOME_REASONS)),
                                  columns=1 if self.elderly and self.portrait else 2)
        self.reason.changed.connect(self._save)
        home.addWidget(self.reason)
        self.home_box.hide()
        self.root.addWidget(self.home_box)
        self.problem = label("", "error")
        self.problem.hide()
        self.root.addWidget(self.problem)
        self.root.addStretch(1)
        self.submit = button(self.tr("提交求助"), "primary")
        self.submit.clicked.connect(self.send)
        self.root.addWidget(self.submit)
        self._restoring = False

    # ---- state in the session ---------------------------------------------------------------------------
    @property
    def state(self) -> dict[str, Any]:
        return self.ctx.session.data.setdefault("help", {})

    def enter(self, params: Mapping[str, Any]) -> None:
        state = self.state
        if params.get("kind") in KINDS:
            state["kind"] = params["kind"]
        if state.get("kind") == AT_HOME and not self.ctx.session.identified:
            state.pop("kind")        # came back without a card: choose again
        self._restore(state)
        self.picker.ensure_current(after_paint=True)

    def prepare(self) -> None:
        self.picker.ensure_current()

    def _restore(self, state: Mapping[str, Any]) -> None:
        self._restoring = True
        try:
            kind = state.get("kind")
            for key, tile in self.kind_tiles.items():
                tile.setChecked(key == kind)
            if "service_code" in state:
                self.picker.set_choice(state["service_code"], state.get("service_name", ""))
            self.when.set_value(state.get("preferred_time"))
            self.phone.set_value(state.get("phone"))
            identity = self.ctx.session.identity
            self.person.setVisible(identity is None)
            self.person.set_value(state.get("name"))
            if identity is not None:
                self.who.setText(self.tr("已核验身份：%1").replace("%1", mask_name(identity.name)))
            self.who.setVisible(identity is not None)
            at_home = kind == AT_HOME
            self.home_box.setVisible(at_home)
            if at_home:
                if isinstance(state.get("address"), Mapping):
                    self.address.set_value(state["address"])
                else:
                    text = _card_address(identity)
                    if text:
                        self.address.set_prefilled(text, mask_address(text), None)
                    else:
                        self.address.set_value(None)
                self.reason.set_value(state.get("reason"))
        finally:
            self._restoring = False

    def _save(self) -> None:
        if self._restoring:
            return
        state = self.state
        state["preferred_time"] = self.when.value()
        state["phone"] = self.phone.edit.text().strip()
        state["name"] = self.person.edit.text().strip()
        if state.get("kind") == AT_HOME:
            state["address"] = self.address.state()
            state["reason"] = self.reason.value()
        self.problem.hide()

    # ---- taps ---------------------------------------------------------------------------------------------
    def choose_kind(self, kind: str) -> None:
        self._save()
        if kind == AT_HOME and not self.ctx.session.identified:
            for key, tile in self.kind_tiles.items():
                tile.setChecked(key == self.state.get("kind"))
            self.ctx.router.go(IDENTIFY, purpose=self.tr("上门代办"), next="help_request",
                               next_params={"kind": AT_HOME}, allow_manual=True)
            return
        self.state["kind"] = kind
        self._restore(self.state)

    def _service_chosen(self, code: str, name: str) -> None:
        self.state["service_code"] = code
        self.state["service_name"] = name

    def problems(self) -> list[str]:
        """What is missing or wrong, in the citizen's words (empty: ready to send)."""
        out = []
        if self.state.get("kind") not in KINDS:
            out.append(self.tr("请选择需要哪种帮助。"))
        if self.picker.code is None:
            out.append(self.tr("请选择要办的事，不清楚可以点“其他事项”。"))
        if not self.phone.validate():
            out.append(self.tr("请填写正确的手机号码。"))
        if self.state.get("kind") == AT_HOME and not self.address.validate():
            out.append(self.tr("请填写上门地址。"))
        return out

    def send(self) -> None:
        self._save()
        problems = self.problems()
        if problems:
            self.problem.setText("\n".join(problems))
            self.problem.show()
            self.reveal(self.problem)
            return
        state = self.state
        identity = self.ctx.session.identity
        kind = state["kind"]
        address = self.address.value() if kind == AT_HOME else None
        payload = build_help_payload(
            kind=kind, service_code=self.picker.code or None, phone=state["phone"],
            name=identity.name if identity is not None else state.get("name", ""),
            preferred_time=state.get("preferred_time") or "", address=address,
            region_code=(self.address.region_code() if kind == AT_HOME else None) or _terminal_region(self.ctx),
            reason=state.get("reason") or "")
        state["submission"] = Submission("help_request", payload,
                                         owner_id=identity.id_number if identity is not None else None,
                                         extra={"service_name": self.picker.name})
        self.ctx.router.go("help_done", replace=True)

    def wipe(self) -> None:
        try:
            self.phone.clear()
            self.person.clear()
            self.address.set_value(None)
            self.picker.clear()
            self.who.clear()
            self.problem.clear()
        except RuntimeError:
            pass


def _terminal_region(ctx: Any) -> str | None:
    """This site's region (the help desk of its township takes the request), if it is a valid one."""
    code = str(ctx.config.terminal.region_code or "")
    return code if code.startswith("430181") and len(code) in (6, 9, 12) and code.isdigit() else None


def _card_address(identity: Any) -> str:
    if identity is None:
        return ""
    current = getattr(identity, "current_address", None)
    return str(current or getattr(identity, "address", "") or "")


def build_help_payload(*, kind: str, service_code: str | None, phone: str, name: str, preferred_time: str,
                       address: str | None, region_code: str | None, reason: str) -> dict[str, Any]:
    """The body of POST /help-requests (central/models/services.py HelpRequestCreate)."""
    if kind not in KINDS:
        raise ValueError(f"help kind {kind!r} is not one of {', '.join(KINDS)}")
    body: dict[str, Any] = {"kind": kind, "service_code": service_code or None,
                            "applicant": {"name": (name or "").strip()[:50] or NO_NAME, "phone": phone},
                            "preferred_time": preferred_time[:50], "reason": reason[:100], "note": ""}
    if kind == AT_HOME:
        if not address:
            raise ValueError("上门代办 needs an address")
        body["address"] = address[:200]
    if region_code:
        body["region_code"] = region_code
    return body


# ---- help_done ----------------------------------------------------------------------------------------------

class HelpDoneScreen(Screen):
    name = "help_done"
    shows_back = False
    idle_timeout_s = 120

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("帮代办"))
        self.headline = label("", "big")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number_caption = label("", "hint")
        self.number_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number = label("", "number")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explain = label("", "notice")
        self.receipt = ReceiptPanel(ctx)
        shown = (self.headline, self.number_caption, self.number, self.explain)
        if self.portrait:
            for widget in (*shown, self.receipt):
                self.root.addWidget(widget)
        else:
            self.root.addLayout(beside_receipt(shown, self.receipt, self.root.spacing()))
        self.root.addStretch(1)
        self.rate = button(self.tr("评价本次服务（好差评）"))
        self.rate.clicked.connect(self.go_rate)
        self.finish = button(self.tr("完成"), "primary")
        self.finish.clicked.connect(lambda: self.ctx.end_session())
        row = QHBoxLayout()
        row.setSpacing(20)
        row.addWidget(self.rate, 1)
        row.addWidget(self.finish, 1)
        self.root.addLayout(row)
        self.setStyleSheet(_help_qss(ctx.theme))
        self.watcher = SubmissionWatcher(ctx, self)
        self.watcher.changed.connect(self.show_state)
        self.receipt.finished.connect(lambda _printed: self.show_state())

    @property
    def submission(self) -> Submission | None:
        sub = self.ctx.session.data.get("help", {}).get("submission")
        return sub if isinstance(sub, Submission) else None

    def enter(self, params: Mapping[str, Any]) -> None:
        sub = self.submission
        if sub is not None:
            self.watcher.follow(sub)
        self.show_state()

    def leave(self) -> None:
        self.watcher.stop()

    def show_state(self) -> None:
        sub = self.submission
        if sub is None:
            self.headline.setText(self.tr("没有要提交的求助"))
            for widget in (self.number, self.number_caption, self.explain, self.rate):
                widget.hide()
            return
        hours = int(sub.extra.get("hours") or CONTACT_HOURS.get(sub.payload["kind"], 4))
        self.number.setText(sub.remote_ref or sub.local_ref)
        self.number.setVisible(bool(self.number.text()))
        self.number_caption.setText(self.tr("求助编号") if sub.remote_ref else self.tr("本机编号"))
        self.number_caption.setVisible(bool(self.number.text()))
        self.explain.show()
        if sub.state in ("new", "saving", "waiting"):
            self.headline.setText(self.tr("正在提交，请稍候…"))
            self.explain.setText(self.tr("您的求助已保存在本机，正在上传。") if sub.state == "waiting"
                                 else self.tr("正在保存您的求助…"))
        elif sub.state == "sent":
            self.headline.setText(self.tr("已提交"))
            text = self.tr("工作人员将在 %1 小时内（工作时间）打电话给您，请保持电话畅通。"
                           "请记下或取走求助编号。").replace("%1", str(hours))
            if sub.extra.get("office"):
                text += "\n" + self.tr("承办：%1").replace("%1", str(sub.extra["office"]))
            self.explain.setText(text)
        elif sub.state == "saved":
            self.headline.setText(self.tr("已保存，联网后自动上传"))
            self.explain.setText(self.tr("网络暂时不通。您的求助已安全保存在本机，联网后自动上传，无需重新登记。"
                                         "上传后工作人员将在 %1 小时内（工作时间）打电话给您。").replace("%1", str(hours)))
        elif sub.state == "refused":
            self.headline.setText(self.tr("没有提交成功"))
            self.explain.setText(self.tr("服务中心没有接收这条求助。请点击右下角“呼叫工作人员”，并出示本机编号。"))
        else:
            self.headline.setText(self.tr("没有保存成功"))
            self.explain.setText(self.tr("本机暂时无法保存求助，您的信息没有提交。请点击右下角“呼叫工作人员”，"
                                         "或到服务台找工作人员。"))
        done = sub.state in ("sent", "saved")
        self.rate.setVisible(done)
        self.finish.setVisible(sub.settled)
        if sub.state == "sent" and "office" not in sub.extra:
            self._ask_office(sub)
        elif done and not sub.printed:
            sub.printed = True
            self.print_slip(sub)
        self.receipt.setVisible(bool(self.receipt.status.text()))
        if not self.receipt.headline.isHidden():      # the fallback shows the number in large type already
            self.number.hide()
            self.number_caption.hide()

    def _ask_office(self, sub: Submission) -> None:
        """Which desk took it and how soon they call (the service's answer), then the slip."""
        sub.extra["office"] = ""
        client = self.ctx.service("central")

        def answered(request: Any) -> None:
            sub.extra["office"] = request.assigned_office
            sub.extra["hours"] = request.contact_within_hours
            self.show_state()

        def no_answer(_exc: BaseException) -> None:
            self.show_state()

        if client is None:
            self.show_state()
            return
        number = sub.remote_ref
        self.ctx.run(lambda: client.help_request(number), answered, no_answer, deadline_s=5.0)

    def print_slip(self, sub: Submission) -> None:
        terminal = self.ctx.config.terminal
        payload = sub.payload
        sent = sub.state == "sent"
        self.receipt.print_document(help_slip(HelpSlipData(
            request_number=sub.remote_ref if sent else "", offline_ref="" if sent else sub.local_ref,
            kind=payload["kind"], service_name=str(sub.extra.get("service_name") or ""),
            preferred_time=payload.get("preferred_time", ""), phone=payload["applicant"]["phone"],
            contact_within_hours=int(sub.extra.get("hours") or CONTACT_HOURS.get(payload["kind"], 4)),
            office=str(sub.extra.get("office") or HELP_CENTRE),
            site_name=terminal.site_name, terminal_id=terminal.id, printed_at=datetime.now(),
            name=payload["applicant"]["name"], address=payload.get("address") or "")))

    def go_rate(self) -> None:
        sub = self.submission
        code = (sub.payload.get("service_code") or "") if sub is not None else ""
        self.ctx.router.go("evaluation", service_code=code)

    def wipe(self) -> None:
        try:
            self.watcher.stop()
            for widget in (self.headline, self.number, self.explain):
                widget.clear()
            self.receipt.clear()
        except RuntimeError:
            pass


def _help_qss(theme: Any) -> str:
    c = theme.color
    return (f'QPushButton[role="tile"]:checked {{ border: 4px solid {c("PRIMARY")}; background: {c("PRESSED")}; }}'
            f'QLabel[role="number"] {{ font-size: {theme.px("XL")}px; font-weight: bold; color: {c("PRIMARY")}; }}'
            f'QLabel[role="value"] {{ font-weight: bold; }}')


# ---- screenshots ----------------------------------------------------------------------------------------------

SAMPLE_SERVICES = ["老年人优待证办理", "80周岁以上老年人高龄津贴发放", "残疾人两项补贴", "城乡居民基本养老保险参保登记",
                   "城乡居民基本医疗保险参保登记", "居住证申领", "最低生活保障", "临时救助"]


def sample_catalogue(built: Any) -> None:
    """A small catalogue in a temp folder (the screenshot command runs without the central service)."""
    import tempfile
    from pathlib import Path

    from kiosk.catalogue.store import CatalogueStore
    folder = Path(tempfile.mkdtemp(prefix="kiosk-help-shots-"))
    store = CatalogueStore(folder / "catalogue.sqlite3")
    store.apply_changes([{"code": f"430181-LY-{i:05d}", "name": n, "has_guide": True, "levels": ["county", "township"],
                          "region_codes": ["430181"], "popularity": 100 - i, "updated_at": "2026-11-20T08:00:00+08:00"}
                         for i, n in enumerate(SAMPLE_SERVICES, 1)], None, full=True)
    built.ctx.services["catalogue"] = store


def sample_identity() -> Any:
    from datetime import date

    from kiosk.devices.idcard.card import decode_read_reply
    from kiosk.devices.idcard.samples import load_cards, read_reply_data

    card = next(c for c in load_cards() if c.id == "resident-basic")
    return decode_read_reply(read_reply_data(card, with_fingerprint=False), today=date.today())


def screenshot_plan() -> dict[str, Callable[[Any], None]]:
    from kiosk.screens.screenshots import settled

    def start(built: Any) -> None:
        sample_catalogue(built)
        built.ctx.router.go("help_request")

    def at_home(built: Any) -> None:
        sample_catalogue(built)
        built.ctx.session.identity = sample_identity()
        built.ctx.session.data["help"] = {"kind": AT_HOME, "service_code": "430181-LY-00001",
                                          "service_name": SAMPLE_SERVICES[0], "preferred_time": "工作日上午",
                                          "phone": "13812345678", "reason": "年老体弱"}
        built.ctx.router.go("help_request")
        screen = settled(built)
        screen.scroll_area.ensureWidgetVisible(screen.home_box, 0, 0)   # the address part of the form

    def errors(built: Any) -> None:
        start(built)
        screen = settled(built)
        screen.kind_tiles["帮办"].click()
        screen.phone.edit.setText("1381234")
        screen.scroll_area.ensureWidgetVisible(screen.submit)   # as a citizen: the button at the foot of the form
        settled(built).submit.click()

    def done(state: str) -> Callable[[Any], None]:
        def step(built: Any) -> None:
            payload = build_help_payload(kind=AT_HOME, service_code="430181-LY-00001", phone="13812345678",
                                         name="欧阳菊", preferred_time="工作日上午", address="湖南省浏阳市集里街道金沙北路101号",
                                         region_code=None, reason="年老体弱")
            built.ctx.session.data["help"] = {"submission": Submission(
                "help_request", payload, state=state, local_ref="LY-DEMO-0001-KXPM-20261126-0003",
                remote_ref="BD20261126000012" if state == "sent" else "", printed=state == "sent",
                extra={"service_name": SAMPLE_SERVICES[0]})}
            built.ctx.router.go("help_request")
            built.ctx.router.go("help_done", replace=True)
        return step

    return {"help_request": start, "help_request_at_home": at_home, "help_request_errors": errors,
            "help_done": done("sent"), "help_done_offline": done("saved")}
