"""预约取号 end to end against real parts: the reference central service on loopback (capacity read from its
database), the simulated reader over a pty (through the real identify screen), the simulated printer.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers.central_server import CentralServer
from helpers.kiosk_app import Kiosk, running_kiosk
from printer.escpos_decode import decode
from pytestqt.qtbot import QtBot
from test_cases import NO_VOICE, off_gui, tap
from test_cases import identify as cases_identify

from kiosk.api.client import CentralClient, new_idempotency_key
from kiosk.devices.idcard.samples import load_cards
from kiosk.privacy import mask_name

pytestmark = [pytest.mark.gui, pytest.mark.slow]

CARD_ID = "resident-fingerprint"
CARD = next(c for c in load_cards() if c.id == CARD_ID).fields
PHONE = "13712345678"
SERVICE_ID = "S-SMZJ-SB"           # 社保医保业务 at the citizen centre (a hall), open every day


def booked(server: CentralServer, day: str, start: str) -> int:
    rows = server.query("SELECT booked FROM slot_counts WHERE service_id = ? AND day = ? AND start = ?",
                        SERVICE_ID, day, start)
    return int(rows[0][0]) if rows else 0


def identify(kiosk: Kiosk, qtbot: QtBot, next_screen: str) -> None:
    cases_identify(kiosk, qtbot, next_screen, CARD_ID)


def assert_nothing_left(kiosk: Kiosk, *secrets: str) -> None:
    from PySide6.QtWidgets import QLabel, QLineEdit
    session = kiosk.ctx.session
    assert session.identity is None and not session.draft and not session.data
    assert kiosk.screen == "home" and list(kiosk.window._screens) == ["home"]
    every_text = "\n".join(w.text() for w in kiosk.window.findChildren(QLabel) + kiosk.window.findChildren(QLineEdit))
    for secret in (CARD["name"], mask_name(CARD["name"]), CARD["id_number"], PHONE, *secrets):
        assert secret not in every_text


def test_book_a_slot_capacity_drops_slip_printed_then_cancel_from_my_appointments_restores_it(
        qtbot: QtBot, journey_server: CentralServer, tmp_path: Path) -> None:
    with running_kiosk(qtbot, journey_server.url, tmp_path, voice=NO_VOICE) as kiosk:
        tap(kiosk, kiosk.window.current_screen.tiles["appointment"])
        kiosk.wait_screen("appointment")
        start = kiosk.window.current_screen
        qtbot.waitUntil(lambda: SERVICE_ID in start.service_buttons, timeout=15_000)
        # Not a hall: no ticket here, and the citizen is told where the hall is.
        assert not start.take.isVisible() and "市民之家" in start.hall_note.text()
        tap(kiosk, start.service_buttons[SERVICE_ID])
        kiosk.wait_screen("appointment_slots")
        slots = kiosk.window.current_screen
        qtbot.waitUntil(lambda: bool(slots.day_buttons), timeout=15_000)
        assert len(slots.day_buttons) == slots.page_size and slots.pager.isVisible()   # 365 days, paged
        tap(kiosk, slots.pager.next)
        qtbot.waitUntil(lambda: slots.pager.page == 1, timeout=5_000)
        day = next(iter(slots.day_buttons))
        tap(kiosk, slots.day_buttons[day])
        qtbot.waitUntil(lambda: bool(slots.slot_buttons), timeout=15_000)
        start_time, button = next((s, b) for s, b in slots.slot_buttons.items() if b.isEnabled())
        before = booked(journey_server, day.isoformat(), start_time)
        tap(kiosk, button)
        identify(kiosk, qtbot, "appointment_done")
        done = kiosk.window.current_screen
        assert CARD["id_number"] not in kiosk.texts() and mask_name(CARD["name"]) in done.summary.text()
        done.phone.setText("1371234")
        tap(kiosk, done.confirm)
        assert "11 位" in done.error.text()
        done.phone.setText(PHONE)
        tap(kiosk, done.confirm)
        qtbot.waitUntil(lambda: done.headline.text() == "预约成功", timeout=15_000)
        rows = journey_server.query("SELECT appointment_number, state FROM appointments WHERE service_id = ? AND "
                                    "day = ? AND start = ? ORDER BY id DESC", SERVICE_ID, day.isoformat(), start_time)
        number, state = rows[0]
        assert state == "booked" and number in done.details.text()
        assert booked(journey_server, day.isoformat(), start_time) == before + 1
        qtbot.waitUntil(lambda: decode(kiosk.printed()).cuts >= 1, timeout=15_000)
        slip = decode(kiosk.printed())
        assert "预约凭证" in slip.text and number in slip.text and start_time in slip.text
        assert mask_name(CARD["name"]) in slip.text and CARD["name"] not in slip.text
        assert CARD["id_number"] not in slip.text and PHONE not in slip.text
        assert any(number in qr for qr in slip.qr_payloads)
        kiosk.window.end_session()
        assert_nothing_left(kiosk, number)

        # My appointments (by card): shown, cancelled after a confirmation; the slot is free again.
        tap(kiosk, kiosk.window.current_screen.tiles["appointment"])
        kiosk.wait_screen("appointment")
        tap(kiosk, kiosk.window.current_screen.mine)
        identify(kiosk, qtbot, "appointment_mine")
        mine = kiosk.window.current_screen
        qtbot.waitUntil(lambda: number in mine.cancel_buttons, timeout=15_000)
        tap(kiosk, mine.cancel_buttons[number])
        assert number in mine.confirm_buttons            # asks first; nothing changed yet
        assert journey_server.query("SELECT state FROM appointments WHERE appointment_number = ?", number)[0][0] == "booked"
        tap(kiosk, mine.confirm_buttons[number])
        qtbot.waitUntil(lambda: journey_server.query("SELECT state FROM appointments WHERE appointment_number = ?",
                                                     number)[0][0] == "cancelled", timeout=15_000)
        assert booked(journey_server, day.isoformat(), start_time) == before
        qtbot.waitUntil(lambda: number not in mine.cancel_buttons and "已取消" in kiosk.texts(), timeout=15_000)
        kiosk.window.end_session()
        assert_nothing_left(kiosk, number)


def book_today(server: CentralServer) -> str | None:
    """An appointment for today (the client, as another kiosk would book it); None when today has no slot left."""
    def work() -> str | None:
        client = CentralClient(server.url, "LY-DEMO-0001", b"demo-terminal-secret")
        try:
            today = next(d for d in client.appointment_days(SERVICE_ID))
            free = [s for s in client.appointment_slots(SERVICE_ID, today.date) if s.remaining > 0]
            if not free:
                return None
            appt = client.book_appointment(SERVICE_ID, today.date, free[0].start,
                                           {"name": CARD["name"], "id_number": CARD["id_number"], "phone": PHONE},
                                           idempotency_key=new_idempotency_key())
            return appt.appointment_number
        finally:
            client.close()
    return off_gui(work)


def test_hall_queue_ticket_and_appointment_check_in_printed(
        qtbot: QtBot, journey_server: CentralServer, tmp_path: Path) -> None:
    with running_kiosk(qtbot, journey_server.url, tmp_path, voice=NO_VOICE, terminal={"site_type": "hall"}) as kiosk:
        tap(kiosk, kiosk.window.current_screen.tiles["appointment"])
        kiosk.wait_screen("appointment")
        start = kiosk.window.current_screen
        assert start.take.isVisible() and start.checkin.isVisible()
        tap(kiosk, start.take)
        kiosk.wait_screen("queue_ticket")
        queue = kiosk.window.current_screen
        qtbot.waitUntil(lambda: SERVICE_ID in queue.service_buttons, timeout=15_000)
        qtbot.waitUntil(lambda: "等候" in queue.service_buttons[SERVICE_ID].text(), timeout=15_000)
        tap(kiosk, queue.service_buttons[SERVICE_ID])
        qtbot.waitUntil(lambda: bool(queue.number.text()), timeout=15_000)
        ticket = queue.number.text()
        assert ticket.startswith("A") and "社保医保窗口" in queue.details.text()
        rows = journey_server.query("SELECT service_id, priority FROM queue_tickets WHERE ticket_number = ? "
                                    "ORDER BY id DESC", ticket)
        assert rows and rows[0][0] == SERVICE_ID and not rows[0][1]
        qtbot.waitUntil(lambda: decode(kiosk.printed()).cuts >= 1, timeout=15_000)
        printed = decode(kiosk.printed())
        assert "排队号" in printed.text and ticket in printed.text and "社保医保窗口" in printed.text
        kiosk.window.end_session()
        assert_nothing_left(kiosk)

        number = book_today(journey_server)
        if number is None:
            pytest.skip("no slot left today for the check-in part (run earlier in the day)")
        tap(kiosk, kiosk.window.current_screen.tiles["appointment"])
        kiosk.wait_screen("appointment")
        tap(kiosk, kiosk.window.current_screen.checkin)
        identify(kiosk, qtbot, "appointment_mine")
        mine = kiosk.window.current_screen
        qtbot.waitUntil(lambda: number in mine.checkin_buttons, timeout=15_000)
        tap(kiosk, mine.checkin_buttons[number])
        kiosk.wait_screen("queue_ticket")
        queue = kiosk.window.current_screen
        qtbot.waitUntil(lambda: queue.number.text().startswith("Y"), timeout=15_000)
        assert queue.priority.isVisible() and "优先" in queue.priority.text()
        assert journey_server.query("SELECT state FROM appointments WHERE appointment_number = ?", number)[0][0] == \
            "checked_in"
        qtbot.waitUntil(lambda: queue.number.text() in decode(kiosk.printed()).text, timeout=15_000)
        assert "预约优先" in decode(kiosk.printed()).text
        kiosk.window.end_session()
        assert_nothing_left(kiosk, number)


def test_offline_appointment_says_so_plainly(qtbot: QtBot, tmp_path: Path) -> None:
    with CentralServer(tmp_path / "own-central") as server, \
            running_kiosk(qtbot, server.url, tmp_path, voice=NO_VOICE) as kiosk:
        server.stop()
        tap(kiosk, kiosk.window.current_screen.tiles["appointment"])
        kiosk.wait_screen("appointment")
        start = kiosk.window.current_screen
        qtbot.waitUntil(lambda: "网络不通" in start.status.text(), timeout=30_000)
        assert not start.service_buttons and start.mine.isEnabled()
        kiosk.window.end_session()
        assert_nothing_left(kiosk)


def test_a_retried_action_keeps_its_idempotency_key_until_the_session_ends() -> None:
    from kiosk.screens.appointment import retry_key
    from kiosk.session import Session

    session = Session()
    cancel = retry_key(session, "cancel", "YY20261127001")
    assert retry_key(session, "cancel", "YY20261127001") == cancel          # the retry: the server replays
    assert len({cancel, retry_key(session, "check_in", "YY20261127001"), retry_key(session, "cancel", "YY2"),
                retry_key(session, "take_ticket", "svc-1")}) == 4          # other actions, other targets: new
    session.wipe()
    assert retry_key(session, "cancel", "YY20261127001") != cancel          # the next citizen's cancel is new
