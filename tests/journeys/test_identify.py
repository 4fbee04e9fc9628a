"""The identify screen against the real parts: the simulated reader over a pty, the real window and router.

The next screen is "help_request" from the real graph (identify -> help_request). Its real screen is not
written yet, so a small stand-in (NextProbe below) is registered under that name and home may open it, as
a built 帮代办 journey would; it shows the identity masked, as journey screens do.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from helpers.central_server import free_port
from helpers.kiosk_app import Kiosk, running_kiosk
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.devices.idcard.card import gb11643_check_char
from kiosk.devices.idcard.samples import load_cards
from kiosk.embedded_central import EmbeddedCentral
from kiosk.flow import HOME
from kiosk.journeys import SCREEN_GRAPH
from kiosk.privacy import mask_id_number, mask_name
from kiosk.screens.base import Screen
from kiosk.screens.registry import SCREENS
from kiosk.screens.widgets import label
from kiosk.services import EmbeddedSwitch
from kiosk.tasks import run_in_background

pytestmark = pytest.mark.gui

CARDS = {card.id: card for card in load_cards()}
BASIC = CARDS["resident-basic"].fields
NEXT_PARAMS = {"topic": "上门代办"}


class NextProbe(Screen):
    """Stands in for help_request: shows who was identified (masked) and the params it was opened with."""

    name = "help_request"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.who = label("")
        self.root.addWidget(self.who)
        self.params: dict[str, Any] = {}

    def enter(self, params: Mapping[str, Any]) -> None:
        self.params = dict(params)
        identity = self.ctx.session.identity
        self.who.setText(f"{mask_name(identity.name)} {mask_id_number(identity.id_number)}" if identity else "")

    def wipe(self) -> None:
        self.who.clear()
        self.params = {}


@contextmanager
def kiosk_with_next(qtbot: QtBot, central: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Kiosk]:
    monkeypatch.setitem(SCREENS, "help_request", f"{__name__}:NextProbe")
    monkeypatch.setitem(SCREEN_GRAPH, HOME, SCREEN_GRAPH[HOME] | {"help_request"})
    # Voice off: QTextToSpeech engine creation blocks on this test host (reported to the lead); the spoken
    # "place your card" prompt is kiosk/voice.py's to test.
    with running_kiosk(qtbot, central, tmp_path, voice={"enabled": False}) as kiosk:
        qtbot.waitUntil(lambda: kiosk.reader.online, timeout=10_000)
        yield kiosk


def open_identify(kiosk: Kiosk, *, allow_manual: bool = False) -> Any:
    """Home -> help_request -> identify, as the 帮代办 journey does."""
    router = kiosk.ctx.router
    if router.current.screen != "help_request":
        router.go("help_request")
    router.go("identify", purpose="帮代办", next="help_request", next_params=NEXT_PARAMS, allow_manual=allow_manual)
    kiosk.wait_screen("identify")
    return kiosk.window.current_screen


def commit_text(field: QLineEdit, text: str) -> None:
    """What the on-screen keyboard's input method sends when the citizen picks a word."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def sim_requests(kiosk: Kiosk, command: str) -> int:
    return kiosk.reader.simulator.requests[command]


FIND, SAM_STATUS = "2001", "11ff"


def test_consent_then_card_identifies_and_moves_on_with_nothing_left_after_the_session(
        qtbot: QtBot, journey_central: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with kiosk_with_next(qtbot, journey_central, tmp_path, monkeypatch) as kiosk:
        screen = open_identify(kiosk)
        assert "公民身份号码" in kiosk.texts() and "浏阳市政务服务中心" in kiosk.texts()
        # A card on the reader before consent is not read: the reader only answers heartbeats.
        kiosk.reader.place_simulated_card("resident-basic")
        finds, beats = sim_requests(kiosk, FIND), sim_requests(kiosk, SAM_STATUS)
        qtbot.waitUntil(lambda: sim_requests(kiosk, SAM_STATUS) >= beats + 2, timeout=10_000)
        assert not kiosk.reader.armed
        assert sim_requests(kiosk, FIND) == finds
        assert kiosk.ctx.session.identity is None and kiosk.screen == "identify"

        kiosk.tap(screen.consent)
        assert kiosk.reader.armed
        # It lay there before this citizen consented: maybe someone else's. Lift it and place it again.
        qtbot.waitUntil(lambda: "感应区上已有一张证件" in kiosk.texts(), timeout=10_000)
        assert kiosk.ctx.session.identity is None
        kiosk.place_card("resident-basic")
        qtbot.waitUntil(lambda: kiosk.ctx.session.identity is not None, timeout=10_000)
        shown = kiosk.texts()
        assert mask_name(BASIC["name"]) in shown and mask_id_number(BASIC["id_number"]) in shown
        assert BASIC["id_number"] not in shown and BASIC["name"] not in shown
        kiosk.wait_screen("help_request")
        assert not kiosk.reader.armed
        assert kiosk.window.screen_named("identify").identity.text() == ""   # the cached screen keeps nothing
        assert kiosk.window.current_screen.params == NEXT_PARAMS
        assert kiosk.ctx.session.identity.id_number == BASIC["id_number"]
        kiosk.tap(kiosk.window.bottom.back)    # replace=True: "back" skips the reader's screen
        assert kiosk.screen == "help_request" and kiosk.ctx.router.depth == 1
        assert mask_id_number(BASIC["id_number"]) in kiosk.texts()

        kiosk.window.end_session()
        widgets = kiosk.window.findChildren(QLabel) + kiosk.window.findChildren(QLineEdit)
        every_text = "\n".join(w.text() for w in widgets)
        for secret in (BASIC["name"], mask_name(BASIC["name"]), BASIC["id_number"], mask_id_number(BASIC["id_number"])):
            assert secret not in every_text
        session = kiosk.ctx.session
        assert session.identity is None and not session.draft and not session.data
        assert BASIC["id_number"] not in repr(vars(session)) and BASIC["name"] not in repr(vars(session))
        assert not kiosk.reader.armed
    for record in caplog.records:
        message = record.getMessage()
        assert BASIC["id_number"] not in message and BASIC["name"] not in message, record.name


def test_expired_and_bad_check_digit_cards_are_refused_and_cancel_disarms(
        qtbot: QtBot, journey_central: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with kiosk_with_next(qtbot, journey_central, tmp_path, monkeypatch) as kiosk:
        screen = open_identify(kiosk)
        kiosk.tap(screen.consent)
        kiosk.place_card("resident-expired")
        qtbot.waitUntil(lambda: "您的证件已过期，请到窗口办理" in kiosk.texts(), timeout=10_000)
        assert kiosk.ctx.session.identity is None and kiosk.screen == "identify"
        assert CARDS["resident-expired"].fields["name"] not in kiosk.texts()
        assert kiosk.reader.armed        # another, valid card may still be placed

        kiosk.tap(screen.cancel)
        assert kiosk.screen == "help_request" and not kiosk.reader.armed

        screen = open_identify(kiosk)    # a new consent reads whatever is on the reader now
        assert not kiosk.reader.armed
        kiosk.tap(screen.consent)
        kiosk.place_card("resident-bad-check-digit")
        qtbot.waitUntil(lambda: "无法识别此证件，请重新放置或到窗口办理" in kiosk.texts(), timeout=10_000)
        assert kiosk.ctx.session.identity is None and kiosk.screen == "identify"

        kiosk.tap(screen.cancel)
        assert not kiosk.reader.armed
        kiosk.reader.remove_simulated_card()
    refused = {CARDS[c].fields["id_number"] for c in ("resident-expired", "resident-bad-check-digit")}
    refused |= {CARDS[c].fields["name"] for c in ("resident-expired", "resident-bad-check-digit")}
    assert not any(secret in record.getMessage() for record in caplog.records for secret in refused)


def test_reader_offline_then_typed_id_number_wrong_then_right(
        qtbot: QtBot, journey_central: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    number = "43018119900101" + "123"
    right = number + gb11643_check_char(number)
    wrong = number + ("0" if right[-1] != "0" else "1")
    with kiosk_with_next(qtbot, journey_central, tmp_path, monkeypatch) as kiosk:
        screen = open_identify(kiosk, allow_manual=True)
        kiosk.tap(screen.consent)
        kiosk.reader.simulator.unplug()
        qtbot.waitUntil(lambda: "读卡器暂时无法使用" in kiosk.texts(), timeout=10_000)
        assert "呼叫工作人员" in kiosk.texts()
        assert screen.manual_button.isVisible()

        kiosk.tap(screen.manual_button)
        commit_text(screen.name_field, "刘一手")      # as the Pinyin keyboard commits a chosen word
        QTest.keyClicks(screen.number_field, wrong)
        kiosk.tap(screen.manual_ok)
        assert "校验位不符" in kiosk.texts()
        assert kiosk.ctx.session.identity is None and kiosk.screen == "identify"

        screen.number_field.clear()
        QTest.keyClicks(screen.number_field, right[:-1] + right[-1].lower())   # a lower-case x is accepted too
        kiosk.tap(screen.manual_ok)
        identity = kiosk.ctx.session.identity
        assert identity is not None and identity.card_type == "manual"
        assert (identity.name, identity.id_number) == ("刘一手", right)
        assert right not in kiosk.texts() and screen.number_field.text() == ""
        kiosk.wait_screen("help_request")
        assert not kiosk.reader.armed

        kiosk.reader.simulator.replug()
        kiosk.window.end_session()
        assert kiosk.ctx.session.identity is None
        assert right not in "\n".join(w.text() for w in kiosk.window.findChildren(QLineEdit))
    assert not any(right in r.getMessage() or "刘一手" in r.getMessage() for r in caplog.records)


def test_without_manual_entry_the_offline_reader_only_offers_staff(
        qtbot: QtBot, journey_central: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with kiosk_with_next(qtbot, journey_central, tmp_path, monkeypatch) as kiosk:
        screen = open_identify(kiosk, allow_manual=False)
        kiosk.tap(screen.consent)
        kiosk.reader.simulator.unplug()
        qtbot.waitUntil(lambda: "读卡器暂时无法使用" in kiosk.texts(), timeout=10_000)
        assert not screen.manual_button.isVisible()
        kiosk.reader.simulator.replug()
        qtbot.waitUntil(lambda: "正在等待读卡" in kiosk.texts(), timeout=10_000)   # back by itself
        kiosk.place_card("resident-basic")
        kiosk.wait_screen("help_request")

        screen = open_identify(kiosk)          # Home while waiting for a card ends the session and disarms
        kiosk.tap(screen.consent)
        assert kiosk.reader.armed
        kiosk.tap(kiosk.window.bottom.home)
        assert kiosk.screen == HOME and not kiosk.reader.armed and kiosk.ctx.session.identity is None


def test_demo_panel_places_a_card_and_exists_only_in_demo_mode(
        qtbot: QtBot, journey_central: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with kiosk_with_next(qtbot, journey_central, tmp_path, monkeypatch) as kiosk:
        assert kiosk.window.top.demo is not None
        kiosk.tap(kiosk.window.top.demo)
        panel = kiosk.window.demo_panel
        assert panel.isVisible()
        label_text = panel.card_buttons["resident-basic"].text()
        assert label_text == f"居民身份证 {mask_name(BASIC['name'])}"
        screen = open_identify(kiosk)
        kiosk.tap(screen.consent)
        kiosk.window.show_demo_panel()
        kiosk.tap(panel.card_buttons["resident-basic"])
        assert not panel.isVisible()
        kiosk.wait_screen("help_request")
        assert kiosk.ctx.session.identity.id_number == BASIC["id_number"]

        kiosk.window.show_demo_panel()
        printer = kiosk.printer.service.simulator
        kiosk.tap(panel.paper_toggle)
        assert printer.state.paper == "out"
        kiosk.window.show_demo_panel()
        assert panel.paper_toggle.text() == "恢复打印纸"
        kiosk.tap(panel.paper_toggle)
        assert printer.state.paper == "ok"

    with running_kiosk(qtbot, journey_central, tmp_path / "plain", voice={"enabled": False},
                       display={"demo_controls": False}) as kiosk:
        assert kiosk.window.top.demo is None
        kiosk.window.show_demo_panel()
        assert kiosk.window.demo_panel is None


def test_demo_panel_unplugs_the_reader_and_stops_and_starts_the_embedded_central_service(
        qtbot: QtBot, journey_central: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    embedded = EmbeddedCentral(tmp_path / "embedded", port=free_port())
    (tmp_path / "embedded").mkdir()
    with kiosk_with_next(qtbot, journey_central, tmp_path, monkeypatch) as kiosk:
        kiosk.window.show_demo_panel()
        panel = kiosk.window.demo_panel
        assert panel.reader_toggle.text() == "模拟读卡器断开"
        kiosk.tap(panel.reader_toggle)
        qtbot.waitUntil(lambda: not kiosk.reader.online, timeout=10_000)
        kiosk.window.show_demo_panel()
        assert panel.reader_toggle.text() == "恢复读卡器连接"
        kiosk.tap(panel.reader_toggle)
        qtbot.waitUntil(lambda: kiosk.reader.online, timeout=10_000)

        # The demo's embedded service, started as Services starts it (off the GUI thread), then toggled.
        done: list[bool] = []
        run_in_background(embedded.start, lambda _: done.append(True))
        qtbot.waitUntil(lambda: bool(done), timeout=60_000)
        switch = EmbeddedSwitch(embedded, kiosk.ctx.services["sync"].flush_now, kiosk.services)
        kiosk.ctx.services["embedded"] = switch
        kiosk.window.show_demo_panel()
        assert panel.central_toggle.text() == "停止中心服务"
        kiosk.tap(panel.central_toggle)
        qtbot.waitUntil(lambda: not switch.busy and not switch.running, timeout=20_000)
        assert "中心服务已停止" in kiosk.window.message.text.text()
        assert not embedded.running
        kiosk.window.show_demo_panel()
        assert panel.central_toggle.text() == "启动中心服务"
        kiosk.tap(panel.central_toggle)
        qtbot.waitUntil(lambda: not switch.busy and switch.running, timeout=60_000)
        assert "中心服务已启动" in kiosk.window.message.text.text()
        kiosk.ctx.services.pop("embedded")
    embedded.stop()
