"""办件查询 end to end against real parts: the reference central service on loopback (cases submitted through the
real client, moved by the back office's admin endpoints), the simulated reader over a pty (through the real
identify screen), the simulated printer on a socket, the real outbox.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest
import requests
from helpers.central_server import VILLAGE_SECRET, VILLAGE_TERMINAL_ID, CentralServer
from helpers.kiosk_app import Kiosk, running_kiosk
from printer.escpos_decode import decode
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.api.client import CentralClient, new_idempotency_key
from kiosk.devices.idcard.samples import load_cards
from kiosk.privacy import mask_name

pytestmark = [pytest.mark.gui, pytest.mark.slow]

CARD_ID = "resident-long-term"
CARD = next(c for c in load_cards() if c.id == CARD_ID).fields
PHONE = "13912345678"
SERVICE = "老年人优待证办理"                 # offered down to the village: 村受理-镇审核-村出件
VILLAGE_OFFICE = "沙市镇赤马村便民服务站"
TOWN_OFFICE = "沙市镇便民服务中心"
VILLAGE_KIOSK = {"id": VILLAGE_TERMINAL_ID, "site_name": VILLAGE_OFFICE, "site_type": "village",
                 "region_code": "430181110201", "level": "village"}
NO_VOICE = {"enabled": False}   # the speech engine is kiosk/voice.py's to test (it can block without a voice server)
T = TypeVar("T")


def off_gui(fn: Callable[[], T]) -> T:
    """Network and database work of the test itself, off the GUI thread (the kiosk's rule applies to tests too)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(fn).result(timeout=60)


def submit_case(server: CentralServer, terminal_id: str = VILLAGE_TERMINAL_ID, secret: str = VILLAGE_SECRET) -> str:
    """A case as a kiosk submits it (real client, signed as TERMINAL_ID); routed by the terminal's region."""
    def work() -> str:
        client = CentralClient(server.url, terminal_id, secret.encode())
        try:
            code = server.query("SELECT code FROM items WHERE name = ?", SERVICE)[0][0]
            form: dict[str, Any] = {}
            for attr in client.guide(code).attributes:
                if not attr.required:
                    continue
                if attr.values:
                    form[attr.code] = attr.values[0].key if attr.datatype == "singlevaluelist" else [attr.values[0].key]
                elif attr.datatype == "number":
                    form[attr.code] = 1
                elif attr.datatype == "datetime":
                    form[attr.code] = "2026-01-01"
                else:
                    form[attr.code] = "沙市镇赤马村石塘组12号"
            body = {"service_code": code, "applicant": {"name": CARD["name"], "id_number": CARD["id_number"],
                                                        "phone": PHONE},
                    "form": form, "materials": [], "delivery": {"method": "pickup"}}
            return client.submit_case(body, new_idempotency_key()).case_number
        finally:
            client.close()
    return off_gui(work)


def office(server: CentralServer, number: str, action: str, **body: Any) -> str:
    """The back office moves the case (admin endpoint, bearer token)."""
    def work() -> str:
        reply = requests.post(f"{server.url}/api/v1/office/cases/{number}/{action}", json=body,
                              headers=server.admin(), timeout=30)
        assert reply.status_code == 200, reply.text
        return str(reply.json()["state"])
    return off_gui(work)


def tap(kiosk: Kiosk, widget: QWidget) -> None:
    """Scroll the widget into view first, as a citizen would: taps land where the finger is."""
    scroll = widget.parentWidget()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    if scroll is not None:
        scroll.ensureWidgetVisible(widget, 0, 40)
    pressed: list[bool] = []
    if isinstance(widget, QPushButton):
        widget.pressed.connect(lambda: pressed.append(True))
    kiosk.tap(widget)
    if isinstance(widget, QPushButton) and not pressed and widget.isEnabled():
        # Offscreen, QTest's synthetic press is sometimes not delivered after an earlier tap on the same
        # screen (only the release arrives; see the report): the citizen taps again - here, click() once.
        widget.click()


def identify(kiosk: Kiosk, qtbot: QtBot, next_screen: str, card_id: str = CARD_ID) -> None:
    kiosk.wait_screen("identify")
    qtbot.waitUntil(lambda: kiosk.reader.online, timeout=10_000)
    tap(kiosk, kiosk.window.current_screen.consent)
    kiosk.reader.place_simulated_card(card_id)
    kiosk.wait_identified(card_id, next_screen)


def open_lookup(kiosk: Kiosk) -> Any:
    tap(kiosk, kiosk.window.current_screen.tiles["case_lookup"])
    kiosk.wait_screen("case_lookup")
    return kiosk.window.current_screen


def by_number(kiosk: Kiosk, number: str, digits: str) -> Any:
    screen = kiosk.window.current_screen
    for edit, text in ((screen.number, number), (screen.phone4, digits)):
        edit.setText(text)        # typed (the on-screen keyboard is the keyboard's to test)
    tap(kiosk, screen.search)
    return screen


def detail_state(kiosk: Kiosk) -> str:
    return kiosk.window.current_screen.state.text() if kiosk.screen == "case_detail" else ""


def refresh_until(kiosk: Kiosk, qtbot: QtBot, state: str) -> Any:
    detail = kiosk.window.current_screen
    tap(kiosk, detail.refresh)
    qtbot.waitUntil(lambda: detail.state.text().startswith(state), timeout=15_000)
    return detail


def assert_nothing_left(kiosk: Kiosk, *secrets: str) -> None:
    session = kiosk.ctx.session
    assert session.identity is None and not session.draft and not session.data
    assert kiosk.screen == "home" and list(kiosk.window._screens) == ["home"]
    every_text = "\n".join(w.text() for w in kiosk.window.findChildren(QLabel) + kiosk.window.findChildren(QLineEdit))
    for secret in (CARD["name"], mask_name(CARD["name"]), CARD["id_number"], PHONE, *secrets):
        assert secret not in every_text


def test_village_case_found_by_card_timeline_follows_the_back_office_and_slip_printed(
        qtbot: QtBot, journey_server: CentralServer, tmp_path: Path) -> None:
    number = submit_case(journey_server)
    (route,) = journey_server.query("SELECT route FROM cases WHERE case_number = ?", number)[0]
    assert route == "village"                          # routed by the village terminal's region code
    secret = tmp_path / "terminal.key"
    secret.write_text(VILLAGE_SECRET)
    secret.chmod(0o600)
    with running_kiosk(qtbot, journey_server.url, tmp_path, terminal=VILLAGE_KIOSK, voice=NO_VOICE,
                       central={"terminal_secret_file": str(secret)}) as kiosk:
        lookup = open_lookup(kiosk)
        tap(kiosk, lookup.by_card)
        identify(kiosk, qtbot, "case_list")
        listing = kiosk.window.current_screen
        qtbot.waitUntil(lambda: number in listing.buttons, timeout=15_000)
        assert "已提交" in listing.buttons[number].text() and SERVICE in listing.buttons[number].text()
        assert CARD["id_number"] not in kiosk.texts()
        tap(kiosk, listing.buttons[number])          # submitted by this terminal: the card is enough
        kiosk.wait_screen("case_detail")
        detail = kiosk.window.current_screen
        assert detail.state.text() == "已提交"
        for text in ("村受理", "镇审核", "村出件", VILLAGE_OFFICE, TOWN_OFFICE, number, "自助终端提交申请"):
            qtbot.waitUntil(lambda t=text: t in kiosk.texts(), timeout=5_000)

        # The back office moves it: 预审中 -> 已受理 (村受理) -> 审核中 (镇审核, in the township).
        for _ in range(3):
            office(journey_server, number, "advance")
        detail = refresh_until(kiosk, qtbot, "审核中")
        assert [lbl.text().split("</b>")[0].rsplit(">", 1)[-1] for lbl in detail.event_labels] == \
            ["已提交", "预审中", "已受理", "审核中"]
        assert TOWN_OFFICE in detail.event_labels[-1].text() and "镇审核" in detail.event_labels[-1].text()
        assert detail.flow.stages[0].property("state") == "done" and detail.flow.stages[1].property("state") == "current"
        assert TOWN_OFFICE in detail.next_text.text()

        # Approved, then handed over in the village (村出件): where to pick it up.
        office(journey_server, number, "decide", approve=True)
        office(journey_server, number, "advance")
        detail = refresh_until(kiosk, qtbot, "待领取")
        assert VILLAGE_OFFICE in detail.next_text.text() and "身份证" in detail.next_text.text()
        assert detail.flow.stages[1].property("state") == "done"

        tap(kiosk, detail.print_slip)
        qtbot.waitUntil(lambda: decode(kiosk.printed()).cuts >= 1, timeout=15_000)
        slip = decode(kiosk.printed())
        assert "办件进度" in slip.text and number in slip.text and "待领取" in slip.text
        assert "镇审核" in slip.text and VILLAGE_OFFICE in slip.text
        assert mask_name(CARD["name"]) in slip.text and CARD["name"] not in slip.text
        assert CARD["id_number"] not in slip.text and PHONE not in slip.text
        assert any(number in qr for qr in slip.qr_payloads)
        qtbot.waitUntil(lambda: "请取走" in detail.receipt.status.text(), timeout=10_000)

        tap(kiosk, detail.rate)                     # the invitation to rate this case
        kiosk.wait_screen("evaluation")
        qtbot.waitUntil(lambda: number in kiosk.texts(), timeout=10_000)
        kiosk.window.end_session()
        assert_nothing_left(kiosk, number)


def test_a_long_case_list_comes_a_batch_at_a_time_newest_first(
        qtbot: QtBot, journey_server: CentralServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kiosk.screens.cases.CASES_PER_FETCH", 3)   # 40 in service; 3 keeps the test short
    mine = [submit_case(journey_server) for _ in range(5)]          # newest last
    with running_kiosk(qtbot, journey_server.url, tmp_path, voice=NO_VOICE) as kiosk:
        tap(kiosk, open_lookup(kiosk).by_card)
        identify(kiosk, qtbot, "case_list")
        listing = kiosk.window.current_screen
        qtbot.waitUntil(lambda: "older" in listing.buttons, timeout=15_000)
        assert [n for n in listing.buttons if n != "older"] == mine[:1:-1]   # the newest three
        tap(kiosk, listing.buttons["older"])
        qtbot.waitUntil(lambda: mine[0] in listing.buttons, timeout=15_000)
        shown = [n for n in listing.buttons if n != "older"]
        assert shown[:5] == mine[::-1] and len(shown) == len(set(shown))
        assert "older" not in listing.buttons or len(shown) == 6   # more behind only if other tests' cases are
        kiosk.window.end_session()
        assert_nothing_left(kiosk, *mine)


def test_case_by_number_and_phone_digits_wrong_verifier_refused_plainly_then_rate_limited(
        qtbot: QtBot, journey_server: CentralServer, tmp_path: Path) -> None:
    number = submit_case(journey_server)              # another terminal's case: the number alone is not enough
    locked = submit_case(journey_server)
    office(journey_server, number, "advance")
    with running_kiosk(qtbot, journey_server.url, tmp_path, voice=NO_VOICE) as kiosk:
        lookup = open_lookup(kiosk)
        assert lookup.phone4.inputMethodHints() & lookup.phone4.inputMethodHints().ImhDigitsOnly

        by_number(kiosk, number, "12")                # bad input: said plainly, nothing sent
        assert "后 4 位" in lookup.error.text() and kiosk.screen == "case_lookup"
        failures = journey_server.query("SELECT COUNT(*) FROM lookup_failures")[0][0]
        by_number(kiosk, number, "0000")              # wrong verifier: the server refuses, the screen says so
        qtbot.waitUntil(lambda: "没有查到" in lookup.error.text(), timeout=15_000)
        assert kiosk.screen == "case_lookup"
        assert journey_server.query("SELECT COUNT(*) FROM lookup_failures")[0][0] == failures + 1

        by_number(kiosk, number.lower(), PHONE[-4:])  # typed in lower case: still found
        kiosk.wait_screen("case_detail")
        detail = kiosk.window.current_screen
        assert detail.state.text() == "预审中" and number in kiosk.texts()
        assert CARD["name"] not in kiosk.texts()
        office(journey_server, number, "return", missing=["户口簿首页复印件", "近期一寸免冠彩色照片"])
        detail = refresh_until(kiosk, qtbot, "待补正")   # the verifier is kept for the refresh
        assert "户口簿首页复印件" in detail.next_text.text() and VILLAGE_OFFICE in detail.next_text.text()
        office(journey_server, number, "advance")
        office(journey_server, number, "advance")
        office(journey_server, number, "advance")
        office(journey_server, number, "decide", approve=True)
        office(journey_server, number, "mail", tracking_number="1187654321098", carrier="EMS")
        detail = refresh_until(kiosk, qtbot, "已寄出")
        assert "1187654321098" in detail.next_text.text() and "EMS" in detail.next_text.text()
        kiosk.window.end_session()
        assert_nothing_left(kiosk, number)

        # Five wrong verifiers within 15 minutes lock the case's look-ups (429): said plainly.
        lookup = open_lookup(kiosk)
        for attempt in range(6):
            lookup.error.clear()
            by_number(kiosk, locked, f"{attempt:04d}")
            qtbot.waitUntil(lambda: bool(lookup.error.text()), timeout=15_000)
        assert "次数过多" in lookup.error.text()
        by_number(kiosk, locked, PHONE[-4:])          # even the right digits now wait
        qtbot.waitUntil(lambda: "次数过多" in lookup.error.text() and lookup.search.isEnabled(), timeout=15_000)
        assert kiosk.screen == "case_lookup"

        # By card at a terminal that did not take the case: the list shows it, the detail asks for the digits.
        kiosk.window.end_session()
        lookup = open_lookup(kiosk)
        tap(kiosk, lookup.by_card)
        identify(kiosk, qtbot, "case_list")
        listing = kiosk.window.current_screen
        qtbot.waitUntil(lambda: number in listing.buttons, timeout=15_000)
        tap(kiosk, listing.buttons[number])
        qtbot.waitUntil(lambda: listing.verify.isVisible(), timeout=15_000)
        assert listing.verify_phone.inputMethodHints() & listing.verify_phone.inputMethodHints().ImhDigitsOnly
        listing.verify_phone.setText("9999")
        tap(kiosk, listing.verify_go)
        qtbot.waitUntil(lambda: "没有查到" in listing.verify_error.text(), timeout=15_000)
        listing.verify_phone.setText(PHONE[-4:])
        tap(kiosk, listing.verify_go)
        kiosk.wait_screen("case_detail")
        assert kiosk.window.current_screen.state.text() == "已寄出"
        kiosk.window.end_session()
        assert_nothing_left(kiosk, number)


def test_offline_lookups_say_so_and_the_outbox_records_still_show(qtbot: QtBot, tmp_path: Path) -> None:
    with CentralServer(tmp_path / "own-central") as server, running_kiosk(qtbot, server.url, tmp_path, voice=NO_VOICE) as kiosk:
        number = submit_case(server)
        server.stop()
        outbox = kiosk.ctx.services["outbox"]
        record = off_gui(lambda: outbox.enqueue("case", {"service_code": "430181-LY-00001"},
                                                owner_id=CARD["id_number"]))
        lookup = open_lookup(kiosk)
        by_number(kiosk, number, PHONE[-4:])
        qtbot.waitUntil(lambda: "网络不通" in lookup.error.text(), timeout=30_000)
        assert kiosk.screen == "case_lookup" and lookup.search.isEnabled()

        by_number(kiosk, record.local_ref.lower(), PHONE[-4:])    # the receipt's local reference: read locally
        qtbot.waitUntil(lambda: record.local_ref in lookup.status.text(), timeout=15_000)
        assert "待上传" in lookup.status.text() and not lookup.error.isVisible()

        tap(kiosk, lookup.by_card)
        identify(kiosk, qtbot, "case_list")
        listing = kiosk.window.current_screen
        qtbot.waitUntil(lambda: "网络不通" in listing.status.text(), timeout=30_000)
        qtbot.waitUntil(lambda: record.local_ref in kiosk.texts(), timeout=15_000)
        assert "待上传" in kiosk.texts() and number not in listing.buttons
        kiosk.window.end_session()
        assert_nothing_left(kiosk, record.local_ref)
