"""帮代办 end to end against real parts: the reference central service on loopback (behind a fault proxy for the
outage), the simulated reader over a pty (through the real identify screen for 上门代办), the simulated printer
on a socket, the real outbox and sync worker. Each test taps like a citizen and then reads what the server
stored (the sealed applicant is opened with the service's own key) and what the printer received.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.central_server import CentralServer
from helpers.fault_proxy import FaultProxy
from helpers.kiosk_app import Kiosk, running_kiosk
from printer.escpos_decode import decode
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from central.sealing import Sealer
from kiosk.devices.idcard.samples import load_cards
from kiosk.privacy import mask_address, mask_name, mask_phone
from kiosk.screens.help import HelpSlipData, build_help_payload, help_slip

pytestmark = [pytest.mark.gui, pytest.mark.slow]

CARD = next(c for c in load_cards() if c.id == "resident-basic").fields
SERVICE = "老年人优待证办理"


def press(kiosk: Kiosk, widget: QWidget) -> None:
    """Scroll the widget into view as a citizen would, then tap it.

    The offscreen test platform has an 800x800 virtual screen: the scroll area's touch scroller (QScroller)
    replays a tap at the widget found at the global position, which is nothing beyond that square. There a
    button is clicked directly (the same clicked signal); everywhere else the tap goes through the window."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 0, 80)
        QApplication.processEvents()
    centre = widget.mapToGlobal(widget.rect().center())
    if QApplication.widgetAt(centre) is None and isinstance(widget, QAbstractButton):
        widget.click()
    elif QApplication.widgetAt(centre) is None and isinstance(widget, QLineEdit):
        widget.setFocus()
    else:
        kiosk.tap(widget)


def type_into(kiosk: Kiosk, edit: QLineEdit, text: str) -> None:
    """Type as the on-screen keyboard does (keys, or one hanzi at a time). The field is not tapped: that would
    load the QML keyboard panel, which is the shell's to test and slow on a busy test machine."""
    edit.clear()
    if text.isascii():
        QTest.keyClicks(edit, text)
        return
    for char in text:      # hanzi: one character per chosen Pinyin candidate (inserted as the keyboard commits it)
        edit.insert(char)


def help_rows(server: CentralServer, number: str) -> list[dict[str, Any]]:
    rows = server.query("SELECT id, request_number, kind, service_code, applicant, phone_last4, region_code, state, "
                        "terminal_id FROM help_requests WHERE request_number = ?", number)
    out = []
    for rid, num, kind, code, applicant, last4, region, state, terminal in rows:
        stored = json.loads(applicant) if isinstance(applicant, str) else applicant
        person = Sealer.from_env().open(stored["sealed"], f"help:{rid}")
        out.append({"number": num, "kind": kind, "service_code": code, "person": person, "masked": stored["masked"],
                    "last4": last4, "region": region, "state": state, "terminal": terminal})
    return out


def rows_with_phone(server: CentralServer, phone: str) -> list[dict[str, Any]]:
    numbers = [r[0] for r in server.query("SELECT request_number FROM help_requests WHERE phone_last4 = ?", phone[-4:])]
    return [row for n in numbers for row in help_rows(server, n) if row["person"]["phone"] == phone]


def open_help(kiosk: Kiosk) -> Any:
    kiosk.tap(kiosk.window.current_screen.tiles["help_request"])
    kiosk.wait_screen("help_request")
    return kiosk.window.current_screen


def pick_service(kiosk: Kiosk, qtbot: QtBot, screen: Any, query: str, name: str) -> str:
    type_into(kiosk, screen.picker.search, query)
    qtbot.waitUntil(lambda: any(b.text() == name for b in screen.picker.item_buttons.values()), timeout=5_000)
    code = next(c for c, b in screen.picker.item_buttons.items() if b.text() == name)
    press(kiosk, screen.picker.item_buttons[code])
    assert screen.picker.current.text() == name and not screen.picker.search.isVisible()
    return code


def slip_text(kiosk: Kiosk, qtbot: QtBot) -> str:
    qtbot.waitUntil(lambda: decode(kiosk.printed()).cuts >= 1, timeout=15_000)
    return decode(kiosk.printed()).text


def assert_nothing_left(kiosk: Kiosk, *secrets: str) -> None:
    session = kiosk.ctx.session
    assert session.identity is None and not session.draft and not session.data
    assert kiosk.screen == "home" and list(kiosk.window._screens) == ["home"]
    widgets = kiosk.window.findChildren(QLabel) + kiosk.window.findChildren(QLineEdit)
    every_text = "\n".join(w.text() for w in widgets)
    for secret in secrets:
        assert secret not in every_text


def test_help_request_without_card_stored_once_with_its_fields(qtbot: QtBot, journey_server: CentralServer,
                                                                tmp_path: Path) -> None:
    phone = "13700001201"
    with running_kiosk(qtbot, journey_server.url, tmp_path, voice={"enabled": False}) as kiosk:
        screen = open_help(kiosk)
        # Nothing chosen yet: the citizen is told what is missing, nothing is sent.
        press(kiosk, screen.submit)
        assert kiosk.screen == "help_request"
        assert "请选择需要哪种帮助" in screen.problem.text() and "手机号码" in screen.problem.text()
        press(kiosk, screen.kind_tiles["代办"])
        code = pick_service(kiosk, qtbot, screen, "lnr", SERVICE)
        press(kiosk, screen.when.buttons["工作日下午"])
        type_into(kiosk, screen.phone.edit, "1370000")          # too short: refused with the rule
        press(kiosk, screen.submit)
        assert kiosk.screen == "help_request" and "11 位数字" in screen.phone.error.text()
        type_into(kiosk, screen.phone.edit, phone)
        type_into(kiosk, screen.person.edit, "王阿姨")
        press(kiosk, screen.submit)
        kiosk.wait_screen("help_done")
        done = kiosk.window.current_screen
        qtbot.waitUntil(lambda: done.headline.text() == "已提交", timeout=20_000)
        number = done.number.text()
        assert number.startswith("BD") and "4 小时内" in done.explain.text()

        rows = help_rows(journey_server, number)
        assert len(rows) == 1
        row = rows[0]
        assert (row["kind"], row["service_code"], row["state"], row["terminal"]) == ("代办", code, "已登记", "LY-DEMO-0001")
        assert row["person"]["name"] == "王阿姨" and row["person"]["phone"] == phone
        assert row["person"]["preferred_time"] == "工作日下午" and row["person"]["address"] is None
        assert row["last4"] == phone[-4:] and row["region"] == kiosk.ctx.config.terminal.region_code  # this township's desk
        assert row["masked"]["phone"] == mask_phone(phone)
        assert len(rows_with_phone(journey_server, phone)) == 1   # once

        text = slip_text(kiosk, qtbot)
        assert number in text and "代办" in text and SERVICE in text and mask_phone(phone) in text
        assert phone not in text and "王阿姨" not in text
        assert any(number in qr for qr in decode(kiosk.printed()).qr_payloads)

        press(kiosk, done.finish)
        assert_nothing_left(kiosk, phone, mask_phone(phone), "王阿姨", number)
        screen = open_help(kiosk)                 # the next citizen finds an empty form
        assert screen.phone.edit.text() == "" and screen.person.edit.text() == ""
        assert not any(t.isChecked() for t in screen.kind_tiles.values())


def test_at_home_request_reads_the_card_and_stores_the_address(qtbot: QtBot, journey_server: CentralServer,
                                                               tmp_path: Path) -> None:
    phone = "13700001302"
    with running_kiosk(qtbot, journey_server.url, tmp_path, voice={"enabled": False}) as kiosk:
        qtbot.waitUntil(lambda: kiosk.reader.online, timeout=10_000)
        screen = open_help(kiosk)
        press(kiosk, screen.kind_tiles["上门代办"])              # needs the card first
        kiosk.wait_screen("identify")
        identify = kiosk.window.current_screen
        assert "上门代办" in identify.purpose.text()
        press(kiosk, identify.consent)
        # Wait for one armed poll of the empty reader (a card lying there before that is treated as someone
        # else's left-behind card and must be lifted first: kiosk/devices/idcard/reader.py).
        polls = kiosk.reader._reader.stats.polls
        qtbot.waitUntil(lambda: kiosk.reader.armed and kiosk.reader._reader.stats.polls > polls + 1,
                        timeout=10_000)
        kiosk.reader.place_simulated_card("resident-basic")
        kiosk.wait_screen("help_request", timeout_ms=20_000)
        screen = kiosk.window.current_screen
        assert screen.kind_tiles["上门代办"].isChecked() and screen.home_box.isVisible()
        shown = kiosk.texts()
        assert mask_address(CARD["address"]) in shown and mask_name(CARD["name"]) in shown
        assert CARD["address"] not in shown and CARD["name"] not in shown
        assert not screen.person.isVisible()                   # the card gives the name
        press(kiosk, screen.picker.other)                         # not sure which service: staff will ask
        press(kiosk, screen.reason.buttons["年老体弱"])
        type_into(kiosk, screen.phone.edit, phone)
        press(kiosk, screen.submit)
        kiosk.wait_screen("help_done")
        done = kiosk.window.current_screen
        qtbot.waitUntil(lambda: done.headline.text() == "已提交", timeout=20_000)
        number = done.number.text()
        assert "24 小时内" in done.explain.text()

        rows = help_rows(journey_server, number)
        assert len(rows) == 1
        row = rows[0]
        assert (row["kind"], row["service_code"]) == ("上门代办", None)
        assert row["person"]["name"] == CARD["name"] and row["person"]["address"] == CARD["address"]
        assert row["person"]["reason"] == "年老体弱" and row["person"]["phone"] == phone

        text = slip_text(kiosk, qtbot)
        assert number in text and "上门代办" in text and mask_address(CARD["address"]) in text
        assert CARD["address"] not in text and CARD["name"] not in text and phone not in text

        kiosk.window.end_session()
        assert_nothing_left(kiosk, phone, CARD["name"], mask_name(CARD["name"]), mask_address(CARD["address"]))


@pytest.fixture
def proxy(journey_server: CentralServer) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", journey_server.port) as p:
        yield p


def test_offline_help_request_saved_then_uploaded_once(qtbot: QtBot, journey_server: CentralServer,
                                                       proxy: FaultProxy, tmp_path: Path) -> None:
    phone = "13700001403"
    with running_kiosk(qtbot, proxy.url, tmp_path, voice={"enabled": False}) as kiosk:
        proxy.set_down(True)                                   # the central service becomes unreachable
        screen = open_help(kiosk)
        press(kiosk, screen.kind_tiles["帮办"])
        code = pick_service(kiosk, qtbot, screen, "老年人优待", SERVICE)
        type_into(kiosk, screen.phone.edit, phone)
        press(kiosk, screen.submit)
        kiosk.wait_screen("help_done")
        done = kiosk.window.current_screen
        qtbot.waitUntil(lambda: done.headline.text() == "已保存，联网后自动上传", timeout=30_000)
        local_ref = done.number.text()
        assert local_ref.startswith("LY-DEMO-0001-") and done.number_caption.text() == "本机编号"
        text = slip_text(kiosk, qtbot)
        assert local_ref in text and "待上传" in text and mask_phone(phone) in text
        outbox = kiosk.ctx.services["outbox"]
        assert rows_with_phone(journey_server, phone) == []

        proxy.set_down(False)                                  # the service is back: the worker delivers it
        kiosk.ctx.services["sync"].flush_now()
        qtbot.waitUntil(lambda: len(rows_with_phone(journey_server, phone)) == 1, timeout=30_000)
        qtbot.waitUntil(lambda: kiosk.ctx.services["sync"].depth() == 0, timeout=15_000)
        kiosk.ctx.services["sync"].flush_now()                 # another pass sends nothing twice
        qtbot.waitUntil(lambda: kiosk.ctx.services["sync"].status().online is True, timeout=10_000)
        rows = rows_with_phone(journey_server, phone)
        assert len(rows) == 1 and rows[0]["kind"] == "帮办" and rows[0]["service_code"] == code

        def acked() -> bool:
            record = []
            kiosk.ctx.run(lambda: outbox.lookup(local_ref), record.append)
            qtbot.waitUntil(lambda: bool(record), timeout=5_000)
            return record[0].remote_ref == rows[0]["number"]
        assert acked()
        kiosk.window.end_session()
        assert_nothing_left(kiosk, phone, mask_phone(phone), local_ref)


def test_help_payload_and_slip_rules() -> None:
    body = build_help_payload(kind="上门代办", service_code="", phone="13812345678", name="", preferred_time="工作日上午",
                              address="湖南省浏阳市集里街道金沙北路101号", region_code="430181002", reason="残疾")
    assert body["service_code"] is None and body["applicant"]["name"] == "未留姓名"
    assert body["address"] and body["region_code"] == "430181002"
    with pytest.raises(ValueError, match="address"):
        build_help_payload(kind="上门代办", service_code=None, phone="13812345678", name="x", preferred_time="",
                           address=None, region_code=None, reason="")
    with pytest.raises(ValueError, match="kind"):
        build_help_payload(kind="上门", service_code=None, phone="13812345678", name="x", preferred_time="",
                           address=None, region_code=None, reason="")
    from datetime import datetime
    doc = help_slip(HelpSlipData("", "LY-DEMO-0001-20261126-0001", "上门代办", "", "", "13812345678", 24, "中心",
                                 "站点", "LY-DEMO-0001", datetime(2026, 11, 26, 10, 0), name="欧阳菊",
                                 address="湖南省浏阳市集里街道金沙北路101号"))
    flat = repr(doc.ops)
    assert "13812345678" not in flat and "欧阳菊" not in flat and "金沙北路101号" not in flat
    assert "待上传" in flat and doc.headline == "LY-DEMO-0001-20261126-0001"
