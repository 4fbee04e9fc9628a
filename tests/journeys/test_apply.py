"""我要办 end to end against real parts: the reference central service on loopback, the simulated reader over a
pty (through the real identify screen), the simulated printer on a socket, the real outbox and sync worker.

Each test walks the journey by taps like a citizen: home tile -> search -> the service -> consent + card ->
form (address picked town -> village, only the house number typed) -> materials -> delivery -> confirm.
"""
from __future__ import annotations

import gc
import json
import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from helpers.central_server import CentralServer
from helpers.kiosk_app import Kiosk, running_kiosk
from printer.escpos_decode import decode
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.devices.idcard.samples import load_cards
from kiosk.privacy import mask_id_number, mask_name, mask_phone
from kiosk.screens.form_fields import AddressField, ChoiceField, TextField

pytestmark = [pytest.mark.gui, pytest.mark.slow]

CARD = next(c for c in load_cards() if c.id == "resident-basic").fields
PHONE = "13812345678"
SERVICE = "老年人优待证办理"        # offered down to the village: 村受理-镇审核-村出件
TOWN, VILLAGE, DETAIL = "沙市镇", "赤马村", "石塘组12号"
VILLAGE_OFFICE = f"{TOWN}{VILLAGE}便民服务站"
# No sound device on the test machine: the voice prompts' QSoundEffect warns, and Qt warnings fail tests.
QUIET: dict[str, Any] = {"voice": {"enabled": False}}


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    """A test's dropped windows and parts form reference cycles; collected later by a worker thread's
    allocation, their QObjects would die off their thread ("Timers cannot be stopped from another thread")."""
    yield
    gc.collect()


def tap(kiosk: Kiosk, widget: QWidget) -> None:
    """Scroll the widget into view as a citizen would, then tap it (a tap lands where the finger is)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 0, 0)
        QApplication.processEvents()
        # QScroller (drag-to-scroll on the viewport) swallows QTest's instant press+release once the page
        # can scroll (reported to the lead); without it the tap still goes the whole real mouse path.
        QScroller.ungrabGesture(parent.viewport())
    assert widget.isVisible(), widget
    kiosk.tap(widget)


def button_with(kiosk: Kiosk, text: str) -> QPushButton:
    """The visible button of the current screen whose text contains TEXT (what a citizen would tap)."""
    screen = kiosk.window.current_screen
    found = [b for b in screen.findChildren(QPushButton) if text in b.text() and b.isVisible()]
    assert found, f"no visible button {text!r} on {kiosk.screen}"
    return found[0]


def type_into(kiosk: Kiosk, edit: QLineEdit, text: str) -> None:
    """Key presses into the field (as the on-screen keyboard sends them; the panel itself is not loaded)."""
    assert edit.isVisible() and edit.isEnabled()
    edit.clear()
    if text.isascii():
        QTest.keyClicks(edit, text)
    else:                       # Chinese arrives as the input method's commit (Pinyin on the keyboard)
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(edit, event)


def start_and_identify(kiosk: Kiosk, qtbot: QtBot) -> str:
    """Home tile -> chooser search -> the service -> identify (consent, card) -> apply_form. Returns the code."""
    qtbot.waitUntil(lambda: kiosk.reader.online, timeout=10_000)
    tap(kiosk, kiosk.window.current_screen.tiles["apply"])
    kiosk.wait_screen("apply")
    chooser = kiosk.window.current_screen
    type_into(kiosk, chooser.search, "老年人优待证")
    code = next(c for c, b in chooser.item_buttons.items() if b.text() == SERVICE)
    tap(kiosk, chooser.item_buttons[code])
    kiosk.wait_screen("identify")
    identify = kiosk.window.current_screen
    tap(kiosk, identify.consent)
    kiosk.place_card("resident-basic")
    kiosk.wait_screen("apply_form", timeout_ms=20_000)
    return code


def form_screen(kiosk: Kiosk, qtbot: QtBot) -> Any:
    screen = kiosk.window.current_screen
    qtbot.waitUntil(lambda: "phone" in screen.fields and mask_id_number(CARD["id_number"]) in kiosk.texts(),
                    timeout=15_000)
    return screen


def fill_form(kiosk: Kiosk, qtbot: QtBot) -> Any:
    """Phone, the address by region (town -> village, then only the house number), the service's own fields."""
    screen = form_screen(kiosk, qtbot)
    assert CARD["id_number"] not in kiosk.texts() and CARD["name"] not in kiosk.texts()
    assert mask_id_number(CARD["id_number"]) in kiosk.texts()
    phone = screen.fields["phone"]
    assert isinstance(phone, TextField)
    assert phone.edit.inputMethodHints() & Qt.InputMethodHint.ImhDigitsOnly
    type_into(kiosk, phone.edit, PHONE)
    address = screen.fields["address"]
    assert isinstance(address, AddressField)
    tap(kiosk, address.change)                      # the card's address is prefilled (masked); pick another
    qtbot.waitUntil(lambda: any(b.text() == TOWN for b in address.region_buttons()), timeout=15_000)
    assert not address.detail.isVisible()          # no typing before the region is picked
    tap(kiosk, next(b for b in address.region_buttons() if b.text() == TOWN))
    qtbot.waitUntil(lambda: any(b.text() == VILLAGE for b in address.region_buttons()), timeout=15_000)
    tap(kiosk, next(b for b in address.region_buttons() if b.text() == VILLAGE))
    assert address.detail.isVisible()
    type_into(kiosk, address.detail, DETAIL)
    for key, choice in (("relation", "self"), ("household_type", "rural"), ("card_type", "new")):
        field = screen.fields[key]
        assert isinstance(field, ChoiceField)
        tap(kiosk, field.buttons[choice])
    return screen


def through_to_confirm(kiosk: Kiosk, qtbot: QtBot, *, express: bool = False) -> None:
    screen = kiosk.window.current_screen
    tap(kiosk, screen.next)
    kiosk.wait_screen("apply_materials")
    materials = kiosk.window.current_screen
    qtbot.waitUntil(lambda: "请携带原件" in kiosk.texts(), timeout=10_000)
    assert "无需提交（政府已有电子证照）" in kiosk.texts()
    tap(kiosk, materials.next)
    kiosk.wait_screen("apply_delivery")
    delivery = kiosk.window.current_screen
    qtbot.waitUntil(lambda: VILLAGE_OFFICE in kiosk.texts() or "pickup:" + VILLAGE_OFFICE in delivery.options,
                    timeout=10_000)
    if express:                           # free express to the address given on the form (shown masked)
        tap(kiosk, delivery.options["express"])
        assert delivery.express_address is not None and delivery.express_address.isVisible()
        assert f"{TOWN}****" in delivery.express_address.summary.text()
    else:
        tap(kiosk, delivery.options["pickup:" + VILLAGE_OFFICE])      # 村出件: hand-over in the village
    assert CARD["id_number"] not in kiosk.texts()
    tap(kiosk, delivery.next)
    kiosk.wait_screen("apply_confirm")
    assert kiosk.window.current_screen.next.isEnabled()
    qtbot.waitUntil(lambda: CARD["id_number"] in kiosk.texts(), timeout=10_000)
    shown = kiosk.texts()       # the only screen with the citizen's own data in full
    for value in (CARD["name"], CARD["id_number"], PHONE, f"{TOWN}{VILLAGE}{DETAIL}",
                  "免费邮寄" if express else VILLAGE_OFFICE):
        assert value in shown, value


def receipt_text(kiosk: Kiosk, qtbot: QtBot) -> str:
    qtbot.waitUntil(lambda: decode(kiosk.printed()).cuts >= 1, timeout=15_000)
    return decode(kiosk.printed()).text


def assert_nothing_left(kiosk: Kiosk) -> None:
    session = kiosk.ctx.session
    assert session.identity is None and not session.draft and not session.data
    assert kiosk.screen == "home" and list(kiosk.window._screens) == ["home"]
    widgets = kiosk.window.findChildren(QLabel) + kiosk.window.findChildren(QLineEdit)
    every_text = "\n".join(w.text() for w in widgets)
    for secret in (CARD["name"], mask_name(CARD["name"]), CARD["id_number"], PHONE, mask_phone(PHONE), DETAIL):
        assert secret not in every_text


def cases_for(server: CentralServer, ref_or_number: str) -> list[tuple[Any, ...]]:
    return server.query("SELECT case_number, form, applicant, region_code, route, delivery, local_reference, "
                        "materials FROM cases WHERE case_number = ? OR local_reference = ?",
                        ref_or_number, ref_or_number)


def as_json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def private_details(server: CentralServer, number: str) -> dict[str, Any]:
    """What the processing office sees in clear (the central service seals personal fields at rest)."""
    from sqlalchemy import create_engine

    from central.office import private_details as details
    from central.sealing import Sealer

    engine = create_engine(server.db_url)
    try:
        with engine.connect() as conn:
            return details(conn, Sealer.from_env(), number)
    finally:
        engine.dispose()


def test_apply_online_by_taps_case_stored_once_receipt_masked_nothing_left(
        qtbot: QtBot, journey_server: CentralServer, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with running_kiosk(qtbot, journey_server.url, tmp_path, **QUIET) as kiosk:
        code = start_and_identify(kiosk, qtbot)
        screen = form_screen(kiosk, qtbot)

        # Validation: required fields empty, then a bad phone number, each with a message saying what is allowed.
        tap(kiosk, screen.next)
        assert kiosk.screen == "apply_form"
        assert "请填写此项。" in kiosk.texts() and "还有" in screen.summary_error.text()
        type_into(kiosk, screen.fields["phone"].edit, "1381234")
        tap(kiosk, screen.next)
        assert kiosk.screen == "apply_form"
        assert "手机号码应为 11 位数字" in screen.fields["phone"].error.text()
        type_into(kiosk, screen.fields["phone"].edit, "23812345678")
        tap(kiosk, screen.next)
        assert kiosk.screen == "apply_form" and screen.fields["phone"].error.isVisible()

        fill_form(kiosk, qtbot)
        assert kiosk.ctx.session.draft["phone"] == PHONE
        through_to_confirm(kiosk, qtbot)
        tap(kiosk, kiosk.window.current_screen.next)
        kiosk.wait_screen("apply_done")
        done = kiosk.window.current_screen
        qtbot.waitUntil(lambda: done.headline.text() == "已提交", timeout=20_000)
        number = done.number.text()
        assert number.startswith("LY")

        rows = cases_for(journey_server, number)
        assert len(rows) == 1
        case_number, _form, _applicant, region, route, delivery, local_ref, materials = rows[0]
        assert case_number == number
        private = private_details(journey_server, number)
        form, applicant = private["form"], private["applicant"]
        assert form == {"relation": "self", "household_type": "rural", "card_type": "new", "contact_address":
                                 f"湖南省长沙市浏阳市{TOWN}{VILLAGE}{DETAIL}"}
        assert (applicant["name"], applicant["id_number"], applicant["phone"]) == (CARD["name"], CARD["id_number"], PHONE)
        assert len(region) == 12 and route == "village"
        assert as_json(delivery)["pickup_site"] == VILLAGE_OFFICE
        assert {m["name"]: m["provided_as"] for m in as_json(materials)}["居民身份证"] == "electronic"
        assert kiosk.ctx.services["outbox"].lookup(local_ref).remote_ref == number

        text = receipt_text(kiosk, qtbot)
        assert number in text and SERVICE in text
        assert mask_name(CARD["name"]) in text and mask_id_number(CARD["id_number"]) in text
        assert CARD["id_number"] not in text and CARD["name"] not in text and PHONE not in text
        assert "村受理-镇审核-村出件" in text and VILLAGE_OFFICE in text
        assert any(number in qr for qr in decode(kiosk.printed()).qr_payloads)
        assert "待上传" not in text
        qtbot.waitUntil(lambda: "请取走" in done.receipt.status.text(), timeout=10_000)

        tap(kiosk, done.next)                        # 完成: the session ends
        assert_nothing_left(kiosk)
        assert code
    for record in caplog.records:
        message = record.getMessage()
        assert CARD["id_number"] not in message and CARD["name"] not in message and PHONE not in message


def test_apply_with_the_central_service_stopped_saves_then_arrives_exactly_once(
        qtbot: QtBot, tmp_path: Path) -> None:
    with CentralServer(tmp_path / "own-central") as server, running_kiosk(qtbot, server.url, tmp_path, **QUIET) as kiosk:
        start_and_identify(kiosk, qtbot)
        fill_form(kiosk, qtbot)
        through_to_confirm(kiosk, qtbot)
        server.stop()
        tap(kiosk, kiosk.window.current_screen.next)
        kiosk.wait_screen("apply_done")
        done = kiosk.window.current_screen
        qtbot.waitUntil(lambda: done.headline.text() == "已保存，联网后自动上传", timeout=30_000)
        local_ref = done.number.text()
        assert local_ref and local_ref in kiosk.texts()
        text = receipt_text(kiosk, qtbot)
        assert local_ref in text and "待上传" in text and "办件编号：" not in text
        assert CARD["id_number"] not in text and mask_name(CARD["name"]) in text
        assert "村受理-镇审核-村出件" in text
        assert kiosk.ctx.services["outbox"].lookup(local_ref).remote_ref is None
        tap(kiosk, done.next)
        assert_nothing_left(kiosk)

        server.start()
        kiosk.ctx.services["sync"].flush_now()
        qtbot.waitUntil(lambda: kiosk.ctx.services["outbox"].lookup(local_ref).remote_ref is not None, timeout=30_000)
        rows = cases_for(server, local_ref)
        assert len(rows) == 1
        number = rows[0][0]
        assert kiosk.ctx.services["outbox"].lookup(local_ref).remote_ref == number
        client = kiosk.ctx.services["central"]
        with ThreadPoolExecutor(1) as pool:    # network off the GUI thread, as the kiosk does it
            case = pool.submit(client.lookup_case, local_ref, PHONE[-4:]).result(timeout=30)
        assert case.case_number == number and case.local_reference == local_ref
        assert case.route == "village"
        kiosk.ctx.services["sync"].flush_now()
        assert kiosk.ctx.services["sync"].wait_idle(10)
        assert len(cases_for(server, local_ref)) == 1


def test_printer_out_of_paper_shows_qr_and_number_submission_unaffected(
        qtbot: QtBot, journey_server: CentralServer, tmp_path: Path) -> None:
    with running_kiosk(qtbot, journey_server.url, tmp_path, **QUIET) as kiosk:
        start_and_identify(kiosk, qtbot)
        fill_form(kiosk, qtbot)
        through_to_confirm(kiosk, qtbot, express=True)
        kiosk.printer.service.simulator.set_paper("out")
        tap(kiosk, kiosk.window.current_screen.next)
        kiosk.wait_screen("apply_done")
        done = kiosk.window.current_screen
        qtbot.waitUntil(lambda: done.headline.text() == "已提交", timeout=20_000)
        number = done.number.text()
        rows = cases_for(journey_server, number)
        assert len(rows) == 1 and as_json(rows[0][5])["method"] == "express"
        assert private_details(journey_server, number)["delivery_address"] == f"湖南省长沙市浏阳市{TOWN}{VILLAGE}{DETAIL}"
        panel = done.receipt
        qtbot.waitUntil(lambda: panel.qr.isVisible(), timeout=15_000)
        assert not panel.qr.pixmap().isNull()
        assert panel.headline.text() == number and panel.headline.property("role") == "big"
        assert "缺纸" in panel.status.text()
        assert done.next.isVisible()
        tap(kiosk, done.next)
        assert_nothing_left(kiosk)


def test_missing_material_blocks_submission_and_offers_the_one_time_notice(
        qtbot: QtBot, journey_server: CentralServer, tmp_path: Path) -> None:
    with running_kiosk(qtbot, journey_server.url, tmp_path, **QUIET) as kiosk:
        start_and_identify(kiosk, qtbot)
        screen = fill_form(kiosk, qtbot)
        tap(kiosk, screen.next)
        kiosk.wait_screen("apply_materials")
        materials = kiosk.window.current_screen
        qtbot.waitUntil(lambda: "请携带原件" in kiosk.texts(), timeout=10_000)
        photo = next(name for name in materials.choices if "照片" in name)
        tap(kiosk, materials.choices[photo][1])           # "我没有"
        assert "补正后再来" in kiosk.texts() and not materials.next.isEnabled()
        before = len(kiosk.printed())
        tap(kiosk, materials.notice_button)
        qtbot.waitUntil(lambda: decode(kiosk.printed()[before:]).cuts >= 1 if len(kiosk.printed()) > before else False,
                        timeout=15_000)
        text = decode(kiosk.printed()[before:]).text
        assert "一次性告知单" in text and photo in text and mask_name(CARD["name"]) in text
        assert CARD["id_number"] not in text and CARD["name"] not in text
        tap(kiosk, materials.choices[photo][0])           # found it after all
        assert materials.next.isEnabled()
