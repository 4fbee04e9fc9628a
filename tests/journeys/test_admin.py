"""The admin screen on the touchscreen: live device states, a test page, a masked test card, sync now."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers.central_server import CentralServer
from helpers.kiosk_app import running_kiosk
from printer.escpos_decode import decode
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui


def open_admin(kiosk) -> object:
    kiosk.ctx.router.go("admin_pin")
    pad = kiosk.window.current_screen
    for digit in "246810":
        pad.press(digit)
    pad.press("ok")
    kiosk.wait_screen("admin")
    return kiosk.window.current_screen


def test_admin_screen_devices_test_page_test_card_and_sync(qtbot: QtBot, tmp_path: Path) -> None:
    with CentralServer(tmp_path / "central") as server, \
            running_kiosk(qtbot, server.url, tmp_path, voice={"enabled": False}) as kiosk:
        admin = open_admin(kiosk)
        qtbot.waitUntil(lambda: "读卡器：在线" in admin.devices.text(), timeout=15_000)
        assert "打印机：打印机正常" in admin.devices.text()

        before = len(kiosk.printed())
        kiosk.tap(admin.buttons["print_test"])
        qtbot.waitUntil(lambda: "测试页已打印" in admin.result.text(), timeout=15_000)
        page = decode(kiosk.printed()[before:])
        assert "LY-DEMO-0001" in page.text and page.qr_payloads

        admin.buttons["read_card"].click()  # below the offscreen test screen's 800 px: QTest taps miss it
        assert "请放一张身份证" in admin.result.text()
        kiosk.place_card("resident-basic")
        qtbot.waitUntil(lambda: "读卡成功" in admin.result.text(), timeout=15_000)
        shown = admin.result.text()
        assert "********" in shown and "43018119850312003X" not in shown and "张伟" not in shown
        assert not kiosk.reader.armed

        server.stop()
        kiosk.ctx.services["outbox"].enqueue("help_request", {"service_code": "X", "phone": "13800000000"})
        qtbot.waitUntil(lambda: "待上传：1 条" in admin.devices.text(), timeout=15_000)
        server.start()
        admin.buttons["sync"].click()
        qtbot.waitUntil(lambda: "待上传：0 条" in admin.devices.text(), timeout=30_000)
        assert "中心服务：已连接" in admin.devices.text()
        actions = [entry["action"] for entry in kiosk.ctx.audit.recent(10)]
        assert {"admin_print_test", "admin_read_card", "admin_sync"} <= set(actions)
