"""预约取号: unit -> service -> day -> slot -> ID card -> phone -> booked (slip with QR); my appointments with
cancel; at hall sites a queue ticket (取号) and the check-in of today's appointment (a priority ticket).

Every network call goes through ctx.run with the lookup deadline and a loading text. Booking carries an
idempotency key kept with the chosen slot, so a retry after a timeout never books twice. The journey state
(units, choice, booking, ticket) lives in ctx.session.data only and is forgotten at the session wipe.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout

from kiosk.api import models as m
from kiosk.api.client import new_idempotency_key
from kiosk.api.errors import ApiError, Offline
from kiosk.i18n import QT_TRANSLATE_NOOP
from kiosk.journeys import IDENTIFY
from kiosk.privacy import mask_id_number, mask_name
from kiosk.screens.base import Screen
from kiosk.screens.cases import (
    CST,
    Pager,
    WrapButton,
    digits_edit,
    is_offline,
    sample_identity,
    screen_available,
)
from kiosk.screens.receipt import ReceiptPanel
from kiosk.screens.widgets import Card, button, clear_layout, label

log = logging.getLogger(__name__)

LOOKUP_BASE = "https://zw.liuyang.example/a/"     # QR on the slip: look up / cancel the appointment
PHONE_RE = re.compile(r"1[3-9][0-9]{9}")
WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def retry_key(session: Any, action: str, target: str) -> str:
    """The same Idempotency-Key for every retry of one action on one target in this session (wiped with it): a
    retry after a lost answer gets that answer - a cancel that went through is not refused as 'not active', a
    second tap on 取号 never takes two numbers."""
    keys = session.data.setdefault("retry_keys", {})
    return str(keys.setdefault((action, target), new_idempotency_key()))


def is_hall(ctx: Any) -> bool:
    return ctx.config.terminal.site_type == "hall"


def site_unit(ctx: Any, units: list[m.Unit]) -> m.Unit | None:
    """The hall this kiosk stands in: the hall unit whose region code is the longest prefix of the site's."""
    region = ctx.config.terminal.region_code
    halls = [u for u in units if u.hall]
    matching = [u for u in halls if u.region_code.isdigit() and region.startswith(u.region_code)]
    if matching:
        return max(matching, key=lambda u: len(u.region_code))
    return halls[0] if halls else None


def find_service(units: list[m.Unit], service_id: str) -> tuple[m.Unit, m.UnitService] | None:
    for unit in units:
        for service in unit.services:
            if service.id == service_id:
                return unit, service
    return None


def error_text(screen: Screen, exc: BaseException) -> str:
    if is_offline(exc):
        return QCoreApplication.translate("Appointment", "网络不通，暂时无法预约或取号。请稍后再试，或到服务大厅窗口办理。")
    code = getattr(exc, "code", "")
    if code == "slot_full":
        return QCoreApplication.translate("Appointment", "这个时段刚刚约满了，请选择其他时段。")
    if code == "already_booked":
        return QCoreApplication.translate("Appointment", "您当天已经预约过这项业务，无需重复预约。可在“我的预约”中查看。")
    if code == "slot_unavailable":
        return QCoreApplication.translate("Appointment", "这个时段已不能预约，请选择其他时段。")
    if code == "appointment_not_today":
        return QCoreApplication.translate("Appointment", "这个预约不是今天的，只能在预约当天签到。")
    if code == "appointment_not_active":
        return QCoreApplication.translate("Appointment", "这个预约已取消或已签到。")
    if isinstance(exc, ApiError):
        return exc.message_zh if screen.ctx.session.language == "zh_CN" else exc.message_en
    return QCoreApplication.translate("Appointment", "暂时无法办理，请稍后再试，或到窗口办理。")


def day_text(screen: Screen, day: date) -> str:
    if screen.ctx.session.language == "zh_CN":
        return f"{day.month}月{day.day}日 {WEEKDAYS_ZH[day.weekday()]}"
    return f"{WEEKDAYS_EN[day.weekday()]} {day.isoformat()}"


def load_units(screen: Screen, done: Callable[[list[m.Unit]], None], failed: Callable[[BaseException], None]) -> None:
    """The units (cached in the session: they do not change while one citizen stands here)."""
    cached = screen.ctx.session.data.get("appt_units")
    if cached is not None:
        done(cached)
        return
    client = screen.ctx.service("central")
    if client is None:
        failed(Offline("offline"))
        return

    def loaded(units: list[m.Unit]) -> None:
        screen.ctx.session.data["appt_units"] = units
        done(units)

    screen.ctx.run(client.appointment_units, loaded, failed, deadline_s=screen.ctx.config.central.lookup_deadline_s)


def grid_columns(screen: Screen) -> int:
    if screen.elderly:
        return 1 if screen.portrait else 2
    return 2 if screen.portrait else 3


# ---- start: what would you like to do, and which service -----------------------------------------------------

class AppointmentScreen(Screen):
    name = "appointment"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("预约取号"))
        actions = QGridLayout()
        actions.setSpacing(16)
        self.take = WrapButton(self.tr("现场取号"), "primary", ctx.theme)
        self.take.clicked.connect(lambda: self.ctx.router.go("queue_ticket"))
        self.checkin = WrapButton(self.tr("预约签到（刷身份证）"), "", ctx.theme)
        self.checkin.clicked.connect(lambda: self.identify(checkin=True))
        self.mine = WrapButton(self.tr("我的预约：查询、取消"), "", ctx.theme)
        self.mine.clicked.connect(lambda: self.identify(checkin=False))
        hall = is_hall(ctx)
        shown = [self.take, self.checkin, self.mine] if hall else [self.mine]
        for i, widget in enumerate(shown):
            actions.addWidget(widget, i // (1 if self.portrait else 3), i % (1 if self.portrait else 3))
        self.take.setVisible(hall)
        self.checkin.setVisible(hall)
        self.root.addLayout(actions)
        self.hall_note = label("", "notice")
        self.hall_note.hide()
        self.root.addWidget(self.hall_note)
        self.root.addWidget(label(self.tr("预约办理：请选择办理单位和业务（可预约今天起 365 天内）"), "tileTitle"))
        self.status = label("", "notice")
        self.root.addWidget(self.status)
        self.units = QVBoxLayout()
        self.units.setSpacing(20)
        self.root.addLayout(self.units)
        self.root.addStretch(1)
        self.service_buttons: dict[str, Any] = {}

    def identify(self, *, checkin: bool) -> None:
        purpose = self.tr("预约签到") if checkin else self.tr("查询我的预约")
        self.ctx.router.go(IDENTIFY, purpose=purpose, next="appointment_mine", next_params={"checkin": checkin},
                           allow_manual=False)

    def enter(self, params: Mapping[str, Any]) -> None:
        if not self.service_buttons:
            self.status.setText(self.tr("正在查询，请稍候…"))
            self.status.show()
            load_units(self, self.show_units, self._failed)

    def _failed(self, exc: BaseException) -> None:
        log.info("appointment units failed: %s", getattr(exc, "code", type(exc).__name__))
        self.status.setText(error_text(self, exc))
        self.status.show()
        if not is_hall(self.ctx):
            self.hall_note.setText(self.tr("本机不能现场取号。取号请到服务大厅（如浏阳市市民之家）的取号机。"))
            self.hall_note.show()

    def show_units(self, units: list[m.Unit]) -> None:
        self.status.hide()
        clear_layout(self.units)
        self.service_buttons = {}
        if not is_hall(self.ctx):
            halls = [u for u in units if u.hall]
            where = "；".join(f"{u.name}（{u.address}）" for u in halls[:3])
            self.hall_note.setText(self.tr("本机不能现场取号。取号请到服务大厅：%1").replace("%1", where))
            self.hall_note.show()
        cols = grid_columns(self)
        for unit in units:
            if not unit.services:
                continue
            self.units.addWidget(label(unit.name, "tileTitle"))
            self.units.addWidget(label(self.tr("地址：%1　电话：%2").replace("%1", unit.address).replace("%2", unit.phone),
                                       "hint"))
            grid = QGridLayout()
            grid.setSpacing(12)
            for i, service in enumerate(unit.services):
                widget = button(service.name)
                widget.clicked.connect(lambda _=False, s=service.id: self.choose(s))
                grid.addWidget(widget, i // cols, i % cols)
                self.service_buttons[service.id] = widget
            self.units.addLayout(grid)

    def choose(self, service_id: str) -> None:
        self.ctx.router.go("appointment_slots", service_id=service_id)

    def wipe(self) -> None:
        try:
            clear_layout(self.units)
            self.service_buttons = {}
        except RuntimeError:
            pass


# ---- day and time slot -------------------------------------------------------------------------------------

class AppointmentSlotsScreen(Screen):
    name = "appointment_slots"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("选择日期和时段"))
        self.what = label("", "tileTitle")
        self.root.addWidget(self.what)
        self.root.addWidget(label(self.tr("第一步：选择日期（只显示还有名额的日子）"), "hint"))
        self.status = label("", "notice")
        self.root.addWidget(self.status)
        self.days = QGridLayout()
        self.days.setSpacing(12)
        self.root.addLayout(self.days)
        self.pager = Pager()
        self.pager.changed.connect(lambda _p: self.render_days())
        self.pager.hide()
        self.root.addWidget(self.pager)
        self.slot_title = label("", "tileTitle")
        self.slot_title.hide()
        self.root.addWidget(self.slot_title)
        self.slot_status = label("", "notice")
        self.slot_status.hide()
        self.root.addWidget(self.slot_status)
        self.slots = QGridLayout()
        self.slots.setSpacing(12)
        self.root.addLayout(self.slots)
        self.root.addStretch(1)
        self.day_buttons: dict[date, Any] = {}
        self.slot_buttons: dict[str, Any] = {}
        self._days: list[m.Day] = []
        self._day: date | None = None
        self._service_id = ""

    @property
    def page_size(self) -> int:
        return 4 if self.elderly else 12

    def enter(self, params: Mapping[str, Any]) -> None:
        service_id = str(params.get("service_id", ""))
        if service_id == self._service_id and self._days:
            return     # back from identify: keep the day and slots as they were
        self._service_id = service_id
        found = find_service(self.ctx.session.data.get("appt_units") or [], service_id)
        self.what.setText(f"{found[0].name} · {found[1].name}" if found else "")
        self._days, self._day = [], None
        self.pager.page = 0
        self.render_days()
        self.clear_slots()
        client = self.ctx.service("central")
        if client is None:
            self._failed(Offline("offline"))
            return
        self.status.setText(self.tr("正在查询，请稍候…"))
        self.status.show()
        self.ctx.run(lambda: client.appointment_days(service_id), self._loaded, self._failed,
                     deadline_s=self.ctx.config.central.lookup_deadline_s)

    def _loaded(self, days: list[m.Day]) -> None:
        self._days = [d for d in days if d.open and d.remaining > 0]
        self.status.hide()
        if not self._days:
            self.status.setText(self.tr("今后 365 天都已约满或不开放，请到窗口咨询。"))
            self.status.show()
        self.render_days()

    def _failed(self, exc: BaseException) -> None:
        log.info("appointment days failed: %s", getattr(exc, "code", type(exc).__name__))
        self.status.setText(error_text(self, exc))
        self.status.show()

    def render_days(self) -> None:
        clear_layout(self.days)
        self.day_buttons = {}
        size = self.page_size
        self.pager.set_count((len(self._days) + size - 1) // size)
        cols = 2 if self.portrait or self.elderly else 4
        for i, day in enumerate(self._days[self.pager.page * size:(self.pager.page + 1) * size]):
            text = day_text(self, day.date) + "\n" + self.tr("余 %1 个名额").replace("%1", str(day.remaining))
            widget = button(text, "primary" if day.date == self._day else "")
            widget.clicked.connect(lambda _=False, d=day.date: self.choose_day(d))
            self.days.addWidget(widget, i // cols, i % cols)
            self.day_buttons[day.date] = widget

    def clear_slots(self) -> None:
        clear_layout(self.slots)
        self.slot_buttons = {}
        self.slot_title.hide()
        self.slot_status.hide()

    def choose_day(self, day: date) -> None:
        client = self.ctx.service("central")
        self._day = day
        self.render_days()
        self.clear_slots()
        self.slot_title.setText(self.slot_heading(day))
        self.slot_title.show()
        self.slot_status.setText(self.tr("正在查询，请稍候…"))
        self.slot_status.show()
        if client is None:
            self._slots_failed(Offline("offline"))
            return
        service_id = self._service_id
        self.ctx.run(lambda: client.appointment_slots(service_id, day), lambda slots: self._slots(day, slots),
                     self._slots_failed, deadline_s=self.ctx.config.central.lookup_deadline_s)

    def slot_heading(self, day: date) -> str:
        return self.tr("第二步：选择 %1 的时段").replace("%1", day_text(self, day))

    def _slots(self, day: date, slots: list[m.Slot]) -> None:
        if day != self._day:
            return
        self.slot_status.hide()
        cols = grid_columns(self)
        for i, slot in enumerate(slots):
            left = (self.tr("余 %1 个").replace("%1", str(slot.remaining)) if slot.remaining > 0
                    else self.tr("已约满"))
            widget = button(f"{slot.start}-{slot.end}　{left}")
            widget.setEnabled(slot.remaining > 0)
            widget.clicked.connect(lambda _=False, s=slot: self.choose_slot(day, s))
            self.slots.addWidget(widget, i // cols, i % cols)
            self.slot_buttons[slot.start] = widget
        if not slots:
            self.slot_status.setText(self.tr("这一天没有可预约的时段，请换一天。"))
            self.slot_status.show()
        self.reveal(self.slot_title, 40)

    def _slots_failed(self, exc: BaseException) -> None:
        self.slot_status.setText(error_text(self, exc))
        self.slot_status.show()

    def choose_slot(self, day: date, slot: m.Slot) -> None:
        self.ctx.session.data["appt_choice"] = {"service_id": self._service_id, "date": day, "start": slot.start,
                                                "end": slot.end, "key": new_idempotency_key()}
        self.ctx.router.go(IDENTIFY, purpose=self.tr("预约办理"), next="appointment_done", next_params={},
                           allow_manual=False)

    def wipe(self) -> None:
        try:
            clear_layout(self.days)
            self.clear_slots()
            self._days, self._day, self._service_id = [], None, ""
            self.day_buttons = {}
        except RuntimeError:
            pass


# ---- confirm with a phone number, book, print the slip ---------------------------------------------------------

class AppointmentDoneScreen(Screen):
    name = "appointment_done"
    idle_timeout_s = 120

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("确认预约"))
        self.summary = label("", "notice")
        self.root.addWidget(self.summary)
        self.phone_label = label(self.tr("请输入您的手机号（用于预约提醒，也可凭后 4 位查询、取消）"))
        self.phone = digits_edit(11, self.tr("11 位手机号"))
        self.phone.returnPressed.connect(self.book)
        self.error = label("", "error")
        self.error.hide()
        self.confirm = button(self.tr("确认预约"), "primary")
        self.confirm.clicked.connect(self.book)
        self.again = WrapButton(self.tr("重新选择时段"), "", ctx.theme)
        self.again.clicked.connect(lambda: self.ctx.router.back())
        self.again.hide()
        self.headline = label("", "big")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.when = label("", "big")
        self.when.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details = label("", "notice")
        self.receipt = ReceiptPanel(ctx)
        self.receipt.hide()          # shown once printing starts
        self.finish = button(self.tr("完成"), "primary")
        self.finish.clicked.connect(lambda: self.ctx.end_session())
        for widget in (self.phone_label, self.phone, self.error, self.confirm, self.again, self.headline,
                       self.when, self.details, self.receipt, self.finish):
            self.root.addWidget(widget)
        self.root.addStretch(1)
        self._busy = False

    @property
    def choice(self) -> dict[str, Any] | None:
        return self.ctx.session.data.get("appt_choice")

    def enter(self, params: Mapping[str, Any]) -> None:
        self.show_booking()

    def _service(self) -> tuple[m.Unit, m.UnitService] | None:
        choice = self.choice
        return find_service(self.ctx.session.data.get("appt_units") or [], choice["service_id"]) if choice else None

    def show_booking(self) -> None:
        booked: m.Appointment | None = self.ctx.session.data.get("appt_booked")
        choice, identity = self.choice, self.ctx.session.identity
        confirming = booked is None
        for widget in (self.phone_label, self.phone, self.confirm, self.summary):
            widget.setVisible(confirming)
        for widget in (self.headline, self.when, self.details, self.finish):
            widget.setVisible(not confirming)
        if choice is None or identity is None:
            self.summary.setText(self.tr("请重新选择预约时段。"))
            self.confirm.hide()
            return
        found = self._service()
        unit_name, service_name = (found[0].name, found[1].name) if found else ("", "")
        when = f"{day_text(self, choice['date'])} {choice['start']}-{choice['end']}"
        if booked is None:  # confirming
            self.set_title(self.tr("确认预约"))
            self.summary.setText("\n".join([
                self.tr("办理单位：%1").replace("%1", unit_name), self.tr("办理业务：%1").replace("%1", service_name),
                self.tr("预约时间：%1").replace("%1", when),
                self.tr("预约人：%1（%2）").replace("%1", mask_name(identity.name))
                .replace("%2", mask_id_number(identity.id_number))]))
            return
        self.set_title("")          # the headline says it, in large type
        self.headline.setText(self.tr("预约成功"))
        self.when.setText(f"{day_text(self, booked.date)}\n{booked.start}-{booked.end}")
        address = found[0].address if found else ""
        window = found[1].window_name if found else ""
        self.details.setText("\n".join([
            self.tr("预约编号：%1").replace("%1", booked.appointment_number),
            self.tr("办理单位：%1").replace("%1", booked.unit_name),
            self.tr("办理业务：%1").replace("%1", booked.service_name),
            self.tr("地址：%1　%2").replace("%1", address).replace("%2", window),
            self.tr("请提前 10 分钟到达，在大厅取号机刷身份证签到，优先叫号。")]))

    def book(self) -> None:
        choice, identity, client = self.choice, self.ctx.session.identity, self.ctx.service("central")
        if self._busy or choice is None or identity is None:
            return
        phone = self.phone.text().strip()
        if not PHONE_RE.fullmatch(phone):
            self.show_error(self.tr("手机号码应为 11 位数字，以 1 开头。"))
            return
        if client is None:
            self.show_error(error_text(self, Offline("offline")))
            return
        self.show_error("")
        self.again.hide()
        self._busy = True
        self.confirm.setEnabled(False)
        self.confirm.setText(self.tr("正在预约，请稍候…"))
        applicant = {"name": identity.name, "id_number": identity.id_number, "phone": phone}
        key = choice["key"]            # the same key on every retry of this choice: never booked twice

        def done(appt: m.Appointment) -> None:
            self._busy = False
            self.ctx.session.data["appt_booked"] = appt
            log.info("appointment %s booked", appt.appointment_number)
            self.show_booking()
            self.print_slip(appt, phone)

        self.ctx.run(lambda: client.book_appointment(choice["service_id"], choice["date"], choice["start"], applicant,
                                                     idempotency_key=key),
                     done, self._failed, deadline_s=self.ctx.config.central.lookup_deadline_s)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.confirm.setEnabled(True)
        self.confirm.setText(self.tr("确认预约"))
        log.info("booking failed: %s", getattr(exc, "code", type(exc).__name__))
        self.show_error(error_text(self, exc))
        self.again.setVisible(getattr(exc, "code", "") in ("slot_full", "slot_unavailable"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def print_slip(self, appt: m.Appointment, phone: str) -> None:
        from kiosk.devices.printer.receipts import (
            AppointmentSlipData,
            Footer,
            appointment_slip,
        )

        identity, found = self.ctx.session.identity, self._service()
        terminal = self.ctx.config.terminal
        address = (found[0].address + " " + found[1].window_name) if found else appt.unit_name
        doc = appointment_slip(AppointmentSlipData(
            appointment_number=appt.appointment_number, unit=appt.unit_name, service=appt.service_name,
            day=appt.date, slot=f"{appt.start}-{appt.end}", applicant_name=identity.name if identity else "",
            address=address, lookup_url=LOOKUP_BASE + appt.appointment_number,
            footer=Footer(terminal.site_name, terminal.id, datetime.now()),
            applicant_id_number=identity.id_number if identity else "", applicant_phone=phone))
        self.receipt.show()
        self.receipt.print_document(doc)

    def wipe(self) -> None:
        try:
            self.phone.clear()
            for widget in (self.summary, self.error, self.headline, self.when, self.details):
                widget.clear()
            self.receipt.clear()
        except RuntimeError:
            pass


# ---- my appointments: look up, cancel (confirm first), check in at a hall ----------------------------------------

STATE_TEXT = {"booked": QT_TRANSLATE_NOOP("Appointment", "已预约"),
              "cancelled": QT_TRANSLATE_NOOP("Appointment", "已取消"),
              "checked_in": QT_TRANSLATE_NOOP("Appointment", "已签到")}


class MyAppointmentsScreen(Screen):
    name = "appointment_mine"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("我的预约"))
        self.who = label("", "hint")
        self.status = label("", "notice")
        self.root.addWidget(self.who)
        self.root.addWidget(self.status)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(16)
        self.root.addLayout(self.rows)
        self.pager = Pager()
        self.pager.changed.connect(lambda _p: self.show_page())
        self.pager.hide()
        self.root.addWidget(self.pager)
        self.root.addStretch(1)
        self.cancel_buttons: dict[str, Any] = {}
        self.checkin_buttons: dict[str, Any] = {}
        self.confirm_buttons: dict[str, Any] = {}
        self._items: list[m.Appointment] = []
        self._confirming = ""
        self._checkin = False
        self._busy = False

    @property
    def page_size(self) -> int:
        return 3 if self.elderly else 6

    def enter(self, params: Mapping[str, Any]) -> None:
        self._checkin = bool(params.get("checkin")) and is_hall(self.ctx)
        self.set_title(self.tr("预约签到") if self._checkin else self.tr("我的预约"))
        identity = self.ctx.session.identity
        if identity is None:
            self.status.setText(self.tr("请先刷身份证。"))
            return
        self.who.setText(self.tr("证件号码：%1").replace("%1", mask_id_number(identity.id_number)))
        self.load()

    def load(self) -> None:
        identity, client = self.ctx.session.identity, self.ctx.service("central")
        if identity is None:
            return
        if client is None:
            self._failed(Offline("offline"))
            return
        id_number = identity.id_number
        self.status.setText(self.tr("正在查询，请稍候…"))
        self.status.show()
        self.ctx.run(lambda: client.my_appointments(id_number), self._loaded, self._failed,
                     deadline_s=self.ctx.config.central.lookup_deadline_s)

    def _loaded(self, items: list[m.Appointment]) -> None:
        today = datetime.now(CST).date()
        active = [a for a in items if a.state == "booked" and a.date >= today]
        others = [a for a in items if a not in active]
        self._items = sorted(active, key=lambda a: (a.date, a.start)) + others
        self._confirming = ""
        if self._checkin and not any(a.date == today for a in active):
            self.status.setText(self.tr("您今天没有可签到的预约。可以返回现场取号。"))
        elif not self._items:
            self.status.setText(self.tr("没有查到您的预约。"))
        else:
            self.status.hide()
        self.show_page()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        log.info("appointment request failed: %s", getattr(exc, "code", type(exc).__name__))
        self.status.setText(error_text(self, exc))
        self.status.show()

    def show_page(self) -> None:
        clear_layout(self.rows)
        self.cancel_buttons, self.checkin_buttons, self.confirm_buttons = {}, {}, {}
        today = datetime.now(CST).date()
        size = self.page_size
        self.pager.set_count((len(self._items) + size - 1) // size)
        for appt in self._items[self.pager.page * size:(self.pager.page + 1) * size]:
            card = Card()
            box = QVBoxLayout(card)
            box.setContentsMargins(28, 20, 28, 20)
            box.addWidget(label(f"{day_text(self, appt.date)} {appt.start}-{appt.end}", "tileTitle"))
            state = QCoreApplication.translate("Appointment", STATE_TEXT.get(appt.state, appt.state))
            box.addWidget(label(f"{appt.service_name} · {appt.unit_name}\n"
                                + self.tr("预约编号：%1").replace("%1", appt.appointment_number) + f"　{state}"))
            active = appt.state == "booked" and appt.date >= today
            if active and self._confirming == appt.appointment_number:
                box.addWidget(label(self.tr("确定要取消这个预约吗？取消后名额会让给别人。"), "error"))
                row = QHBoxLayout()
                yes = button(self.tr("确定取消"), "danger")
                yes.clicked.connect(lambda _=False, n=appt.appointment_number: self.cancel(n))
                no = button(self.tr("不取消"))
                no.clicked.connect(lambda: self.ask_cancel(""))
                row.addWidget(yes)
                row.addWidget(no)
                box.addLayout(row)
                self.confirm_buttons[appt.appointment_number] = yes
            elif active:
                row = QHBoxLayout()
                if self._checkin and appt.date == today:
                    go = button(self.tr("签到取号"), "primary")
                    go.clicked.connect(lambda _=False, n=appt.appointment_number: self.check_in(n))
                    row.addWidget(go)
                    self.checkin_buttons[appt.appointment_number] = go
                cancel = button(self.tr("取消预约"))
                cancel.clicked.connect(lambda _=False, n=appt.appointment_number: self.ask_cancel(n))
                row.addWidget(cancel)
                box.addLayout(row)
                self.cancel_buttons[appt.appointment_number] = cancel
            self.rows.addWidget(card)

    def ask_cancel(self, number: str) -> None:
        self._confirming = number
        self.show_page()

    def cancel(self, number: str) -> None:
        identity, client = self.ctx.session.identity, self.ctx.service("central")
        if self._busy or identity is None or client is None:
            return
        self._busy = True
        id_number = identity.id_number
        self.status.setText(self.tr("正在取消，请稍候…"))
        self.status.show()

        def done(appt: m.Appointment) -> None:
            self._busy = False
            log.info("appointment %s cancelled", appt.appointment_number)
            self.load()
            self.ctx.notify(self.tr("预约已取消。"))

        # The card's ID number is the verifier: the server compares keyed hashes.
        key = retry_key(self.ctx.session, "cancel", number)
        self.ctx.run(lambda: client.cancel_appointment(number, id_number, idempotency_key=key), done, self._failed,
                     deadline_s=self.ctx.config.central.lookup_deadline_s)

    def check_in(self, number: str) -> None:
        identity, client = self.ctx.session.identity, self.ctx.service("central")
        if self._busy or identity is None or client is None:
            return
        self._busy = True
        id_number = identity.id_number
        self.status.setText(self.tr("正在签到，请稍候…"))
        self.status.show()

        def done(ticket: m.Ticket) -> None:
            self._busy = False
            self.status.hide()
            log.info("appointment %s checked in: ticket %s", number, ticket.ticket_number)
            self.ctx.session.data["ticket"] = ticket
            self.ctx.router.go("queue_ticket", replace=True, show_ticket=True)

        key = retry_key(self.ctx.session, "check_in", number)
        self.ctx.run(lambda: client.check_in(number, id_number, idempotency_key=key), done, self._failed,
                     deadline_s=self.ctx.config.central.lookup_deadline_s)

    def wipe(self) -> None:
        try:
            clear_layout(self.rows)
            self._items, self._confirming = [], ""
            self.cancel_buttons, self.checkin_buttons, self.confirm_buttons = {}, {}, {}
            for widget in (self.who, self.status):
                widget.clear()
        except RuntimeError:
            pass


# ---- 取号: a queue ticket at a hall --------------------------------------------------------------------------------

class QueueTicketScreen(Screen):
    name = "queue_ticket"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("现场取号"))
        self.setStyleSheet(f'QLabel[role="ticket"] {{ font-size: {round(ctx.theme.px("HUGE") * 1.3)}px; '
                           f'font-weight: bold; color: {ctx.theme.color("PRIMARY")}; }}')
        self.status = label("", "notice")
        self.root.addWidget(self.status)
        self.unit = label("", "tileTitle")
        self.root.addWidget(self.unit)
        self.services = QGridLayout()
        self.services.setSpacing(12)
        self.root.addLayout(self.services)
        self.priority = label("", "tileTitle")
        self.priority.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number = label("", "ticket")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details = label("", "notice")
        self.receipt = ReceiptPanel(ctx)
        self.finish = button(self.tr("完成"), "primary")
        self.finish.clicked.connect(lambda: self.ctx.end_session())
        self.rate = WrapButton(self.tr("评价本次服务（好差评）"), "", ctx.theme)
        self.rate.clicked.connect(lambda: self.ctx.router.go("evaluation", service_code=""))
        for widget in (self.priority, self.number, self.details, self.receipt, self.finish, self.rate):
            self.root.addWidget(widget)
            widget.hide()
        self.root.addStretch(1)
        self.service_buttons: dict[str, Any] = {}
        self._busy = False

    def enter(self, params: Mapping[str, Any]) -> None:
        ticket = self.ctx.session.data.get("ticket")
        if isinstance(ticket, m.Ticket):
            self.show_ticket(ticket)
            return
        if not is_hall(self.ctx):
            self.status.setText(self.tr("本机不能现场取号，请到服务大厅的取号机取号。"))
            self.status.show()
            return
        self.status.setText(self.tr("正在查询，请稍候…"))
        self.status.show()
        load_units(self, self._units, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        log.info("queue request failed: %s", getattr(exc, "code", type(exc).__name__))
        self.status.setText(error_text(self, exc))
        self.status.show()

    def _units(self, units: list[m.Unit]) -> None:
        unit, client = site_unit(self.ctx, units), self.ctx.service("central")
        if unit is None:
            self.status.setText(self.tr("本机所在地点没有取号服务，请咨询工作人员。"))
            return
        self.unit.setText(unit.name)
        self.render_services(unit, {})
        if client is not None:
            self.ctx.run(lambda: client.queue_status(unit.id), lambda status: self._waiting(unit, status),
                         lambda _e: self.status.hide(), deadline_s=self.ctx.config.central.lookup_deadline_s)

    def _waiting(self, unit: m.Unit, status: dict[str, Any]) -> None:
        waiting = {g.get("window_group"): int(g.get("waiting", 0)) for g in status.get("groups", [])}
        self.render_services(unit, waiting)

    def render_services(self, unit: m.Unit, waiting: dict[str, int]) -> None:
        self.status.setText(self.tr("请选择要办理的业务，取一个排队号："))
        clear_layout(self.services)
        self.service_buttons = {}
        cols = grid_columns(self)
        for i, service in enumerate(unit.services):
            text = service.name + "\n" + service.window_name
            if service.window_group in waiting:
                text += "\n" + self.tr("等候 %1 人").replace("%1", str(waiting[service.window_group]))
            widget = button(text)
            widget.clicked.connect(lambda _=False, s=service.id: self.take(s))
            self.services.addWidget(widget, i // cols, i % cols)
            self.service_buttons[service.id] = widget

    def take(self, service_id: str) -> None:
        client = self.ctx.service("central")
        if self._busy:
            return
        if client is None:
            self._failed(Offline("offline"))
            return
        key = retry_key(self.ctx.session, "take_ticket", service_id)   # a retry never takes two numbers
        self._busy = True
        self.status.setText(self.tr("正在取号，请稍候…"))

        def done(ticket: m.Ticket) -> None:
            self._busy = False
            log.info("queue ticket %s issued", ticket.ticket_number)
            self.ctx.session.data["ticket"] = ticket
            self.show_ticket(ticket)

        self.ctx.run(lambda: client.take_ticket(service_id, idempotency_key=key), done, self._failed,
                     deadline_s=self.ctx.config.central.lookup_deadline_s)

    def show_ticket(self, ticket: m.Ticket) -> None:
        from kiosk.devices.printer.receipts import Footer, QueueTicketData, queue_ticket

        clear_layout(self.services)
        self.service_buttons = {}
        self.unit.hide()
        self.set_title(self.tr("您的排队号"))
        self.status.hide()
        self.priority.setText(self.tr("预约签到 · 优先叫号") if ticket.priority else "")
        self.priority.setVisible(ticket.priority)
        self.number.setText(ticket.ticket_number)
        self.details.setText("\n".join([
            self.tr("办理业务：%1").replace("%1", ticket.service_name),
            self.tr("办理窗口：%1").replace("%1", ticket.window_name),
            self.tr("前面还有 %1 人等候").replace("%1", str(ticket.waiting)),
            self.tr("请留意叫号屏幕和语音提示。")]))
        for widget in (self.number, self.details, self.finish):
            widget.show()
        self.receipt.setVisible(bool(self.receipt.status.text()))
        self.rate.setVisible(screen_available("evaluation"))
        if not self.ctx.session.data.get("ticket_printed"):
            self.ctx.session.data["ticket_printed"] = True
            self.receipt.show()
            terminal = self.ctx.config.terminal
            self.receipt.print_document(queue_ticket(QueueTicketData(
                number=ticket.ticket_number, service=ticket.service_name, window_group=ticket.window_name,
                waiting=ticket.waiting, issued_at=ticket.issued_at.astimezone(CST).replace(tzinfo=None),
                footer=Footer(terminal.site_name, terminal.id, datetime.now()), appointment=ticket.priority)))

    def wipe(self) -> None:
        try:
            clear_layout(self.services)
            self.service_buttons = {}
            for widget in (self.number, self.details, self.priority, self.status, self.unit):
                widget.clear()
            self.receipt.clear()
        except RuntimeError:
            pass


# ---- screenshots ---------------------------------------------------------------------------------------------

def sample_units() -> list[m.Unit]:
    def svc(uid: str, sid: str, name: str, group: str, window: str, minutes: int, cap: int) -> m.UnitService:
        return m.UnitService(f"S-{uid}-{sid}", name, None, group, window, minutes, cap)
    return [
        m.Unit("U-SMZJ", "浏阳市市民之家（政务服务中心）", "430181", "浏阳市集里街道金沙北路市民之家", "0731-83012345", True, [
            svc("SMZJ", "SB", "社保医保业务", "A", "社保医保窗口（1-8号）", 30, 6),
            svc("SMZJ", "BDC", "不动产登记", "B", "不动产登记专区（9-20号）", 30, 8),
            svc("SMZJ", "QY", "企业开办与个体登记", "C", "企业开办专区（21-26号）", 30, 4),
            svc("SMZJ", "HJ", "户籍与身份证", "D", "公安户政窗口（27-30号）", 20, 5)]),
        m.Unit("U-SSZ", "沙市镇便民服务中心", "430181110", "浏阳市沙市镇沙市街", "0731-83591234", True, [
            svc("SSZ", "ZH", "综合受理", "A", "综合受理窗口", 30, 3),
            svc("SSZ", "JF", "农村建房", "B", "自然资源窗口", 60, 2)]),
    ]


def screenshot_plan() -> dict[str, Callable[[Any], None]]:
    from datetime import timedelta

    from kiosk.flow import Route

    start = date(2026, 11, 27)

    def appointment(built: Any) -> None:
        built.ctx.session.data["appt_units"] = sample_units()
        built.ctx.router.go("appointment")

    def at_hall(then: Callable[[Any], None]) -> Callable[[Any], None]:
        def step(built: Any) -> None:
            import dataclasses
            config = built.ctx.config
            built.ctx.config = dataclasses.replace(config, terminal=dataclasses.replace(config.terminal,
                                                                                        site_type="hall"))
            then(built)
        return step

    def slots(built: Any) -> None:
        appointment(built)
        built.ctx.router.go("appointment_slots", service_id="__sample__")
        screen = built.window.current_screen
        screen.what.setText("浏阳市市民之家（政务服务中心） · 社保医保业务")
        screen._service_id = "S-SMZJ-SB"
        screen._loaded([m.Day(start + timedelta(days=i), True, 78, 78 - 5 * (i % 7)) for i in range(30)])
        screen._day = start + timedelta(days=1)
        screen.render_days()
        screen.slot_title.setText(screen.slot_heading(screen._day))
        screen.slot_title.show()
        screen._slots(screen._day, [m.Slot(f"{h:02d}:{mm:02d}", f"{h + (mm + 30) // 60:02d}:{(mm + 30) % 60:02d}", 6,
                                           (h + mm) % 7) for h in (9, 10, 11) for mm in (0, 30)])

    def done(booked: bool) -> Callable[[Any], None]:
        def step(built: Any) -> None:
            appointment(built)
            built.ctx.session.identity = sample_identity()
            built.ctx.session.data["appt_choice"] = {"service_id": "S-SMZJ-SB", "date": start, "start": "09:30",
                                                     "end": "10:00", "key": "k"}
            if booked:
                built.ctx.session.data["appt_booked"] = m.Appointment(
                    "YY20261126000004", "U-SMZJ", "浏阳市市民之家（政务服务中心）", "S-SMZJ-SB", "社保医保业务", start,
                    "09:30", "10:00", "booked", m.MaskedApplicant("欧*菊", "138****5678"),
                    datetime(2026, 11, 26, 10, 40, tzinfo=CST))
            built.ctx.router._stack.append(built.ctx.router.current)
            built.ctx.router._move(Route("appointment_done", {}))
            if not booked:
                built.window.current_screen.phone.setText("13812345678")
        return step

    def mine(built: Any) -> None:
        appointment(built)
        built.ctx.session.identity = sample_identity()
        built.ctx.router._stack.append(built.ctx.router.current)
        built.ctx.router._move(Route("appointment_mine", {"checkin": False}))
        screen = built.window.current_screen
        today = datetime.now(CST).date()
        applicant = m.MaskedApplicant("欧*菊", "138****5678")
        created = datetime(2026, 11, 26, 10, 40, tzinfo=CST)
        screen._loaded([
            m.Appointment("YY20261126000004", "U-SMZJ", "浏阳市市民之家（政务服务中心）", "S-SMZJ-SB", "社保医保业务",
                          today + timedelta(days=1), "09:30", "10:00", "booked", applicant, created),
            m.Appointment("YY20261126000005", "U-SMZJ", "浏阳市市民之家（政务服务中心）", "S-SMZJ-BDC", "不动产登记",
                          today + timedelta(days=8), "14:00", "14:30", "booked", applicant, created),
            m.Appointment("YY20261120000011", "U-SSZ", "沙市镇便民服务中心", "S-SSZ-ZH", "综合受理",
                          today - timedelta(days=3), "10:00", "10:30", "cancelled", applicant, created)])
        screen.ask_cancel("YY20261126000005")

    def ticket(priority: bool) -> Callable[[Any], None]:
        def step(built: Any) -> None:
            appointment(built)
            built.ctx.session.data["ticket_printed"] = True
            built.ctx.session.data["ticket"] = m.Ticket(
                "YA003" if priority else "A023", "浏阳市市民之家（政务服务中心）", "社保医保业务", "A",
                "社保医保窗口（1-8号）", 1 if priority else 12, priority,
                "YY20261126000004" if priority else None, datetime(2026, 11, 26, 9, 40, tzinfo=CST))
            built.ctx.router.go("queue_ticket")
        return step

    def choose_service(built: Any) -> None:
        appointment(built)
        screen = built.window.current_screen
        screen.ctx.router.go("queue_ticket")
        queue = built.window.current_screen
        queue.status.show()
        queue.unit.setText(sample_units()[0].name)
        queue.render_services(sample_units()[0], {"A": 12, "B": 3, "C": 0, "D": 5})

    return {
        "appointment": appointment,
        "appointment_hall": at_hall(appointment),
        "appointment_slots": slots,
        "appointment_confirm": done(False),
        "appointment_done": done(True),
        "appointment_mine": mine,
        "queue_ticket_choose": at_hall(choose_service),
        "queue_ticket": ticket(False),
        "queue_ticket_priority": ticket(True),
    }
