"""The app's parts start in the background against real peers, and the window reacts to the network."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers.central_server import CentralServer
from helpers.kiosk_app import running_kiosk
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui


def test_parts_start_and_call_staff_reaches_the_central_service(qtbot: QtBot, journey_server: CentralServer,
                                                                 tmp_path: Path) -> None:
    before = journey_server.query("SELECT count(*) FROM staff_calls")[0][0]
    with running_kiosk(qtbot, journey_server.url, tmp_path) as kiosk:
        assert kiosk.reader.online or kiosk.reader.simulator is not None
        assert len(kiosk.ctx.services["catalogue"].items()) > 1000
        kiosk.tap(kiosk.window.bottom.call)
        qtbot.waitUntil(lambda: "已通知工作人员" in kiosk.window.message.text.text(), timeout=10_000)
    assert journey_server.query("SELECT count(*) FROM staff_calls")[0][0] == before + 1


def test_offline_banner_when_the_central_service_stops(qtbot: QtBot, tmp_path: Path) -> None:
    with CentralServer(tmp_path / "own-central") as server, \
            running_kiosk(qtbot, server.url, tmp_path) as kiosk:
        server.stop()
        kiosk.ctx.services["sync"].flush_now()
        kiosk.ctx.services["outbox"].enqueue("help_request", {"service_code": "X", "phone": "13800000000"})
        qtbot.waitUntil(lambda: kiosk.window.banner.isVisible(), timeout=20_000)
        assert "网络中断" in kiosk.window.banner.text()
        server.start()
        kiosk.ctx.services["sync"].flush_now()
        qtbot.waitUntil(lambda: not kiosk.window.banner.isVisible(), timeout=30_000)
