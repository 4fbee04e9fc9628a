"""中介超市 end to end against the reference central service on loopback: providers listed by category with the
server's published fees and time limits, a provider's detail with a contact QR that a phone can read, a rating
stored once (one per provider per session), and the plain offline message (then a retry once it is back).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.central_server import CentralServer
from helpers.fault_proxy import FaultProxy
from helpers.kiosk_app import running_kiosk
from PySide6.QtCore import QBuffer, QIODevice
from pytestqt.qtbot import QtBot
from test_help import assert_nothing_left, press, type_into

from kiosk.screens.intermediary import contact_card, stars

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def read_qr(pixmap: object) -> str:
    """What a phone camera reads from the on-screen QR (zxing-cpp)."""
    import io

    import zxingcpp
    from PIL import Image, ImageOps

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")  # type: ignore[attr-defined]
    image = ImageOps.expand(Image.open(io.BytesIO(bytes(buffer.data()))).convert("L"), border=16, fill=255)
    found = zxingcpp.read_barcodes(image)
    assert found, "no QR code on screen"
    return str(found[0].text)


def test_list_by_category_detail_with_qr_and_one_rating(qtbot: QtBot, journey_server: CentralServer,
                                                         tmp_path: Path) -> None:
    surveyors = [r[0] for r in journey_server.query(
        "SELECT name FROM intermediaries WHERE category = ? ORDER BY sort_order", "测绘")]
    assert len(surveyors) >= 2
    with running_kiosk(qtbot, journey_server.url, tmp_path, voice={"enabled": False}) as kiosk:
        kiosk.tap(kiosk.window.current_screen.tiles["intermediary"])
        kiosk.wait_screen("intermediary")
        screen = kiosk.window.current_screen
        qtbot.waitUntil(lambda: bool(screen.cards), timeout=15_000)
        assert {"测绘", "评估", "设计", "检测"} <= set(screen.category_buttons)
        assert len(screen.cards) == screen.page_size and screen.next.isEnabled()   # 14 providers: pages

        press(kiosk, screen.category_buttons["测绘"])
        qtbot.waitUntil(lambda: screen.category_buttons["测绘"].isChecked() and
                        [c.labels[0].text() for c in screen.cards.values()] == surveyors, timeout=15_000)
        card = screen.cards["ZJ001"]
        assert "按面积收费，农房测绘每宗300元起" in card.text() and "5 个工作日" in card.text()

        before = journey_server.query("SELECT rating_count FROM intermediaries WHERE id = ?", "ZJ001")[0][0]
        press(kiosk, card)
        kiosk.wait_screen("intermediary_detail")
        detail = kiosk.window.current_screen
        qtbot.waitUntil(lambda: detail.provider is not None and detail.rate.isVisible(), timeout=15_000)
        qtbot.waitUntil(lambda: "联系方式" in kiosk.texts(), timeout=5_000)   # new rows show on the next event loop pass
        shown = kiosk.texts()
        for text in ("不动产测绘（农村宅基地）", "每宗300元", "提供宅基地批准书", "乙级测绘资质", "中介超市选取 → 签订合同"):
            assert text in shown, text
        payload = read_qr(detail.qr.pixmap())
        assert payload == contact_card(detail.provider) and detail.provider.phone.replace("-", "") in payload
        assert payload.startswith("MECARD:") and "http" not in payload

        press(kiosk, detail.rate)
        kiosk.wait_screen("intermediary_rate")
        rate = kiosk.window.current_screen
        press(kiosk, rate.submit)
        assert "请先点选星级" in rate.status.text()
        press(kiosk, rate.star_buttons[4])
        type_into(kiosk, rate.comment, "出图快")
        press(kiosk, rate.submit)
        qtbot.waitUntil(lambda: "感谢您的评分" in rate.status.text(), timeout=15_000)
        stored = journey_server.query("SELECT score, comment, terminal_id FROM intermediary_ratings "
                                      "WHERE intermediary_id = ? AND comment = ?", "ZJ001", "出图快")
        assert stored == [(4, "出图快", "LY-DEMO-0001")]
        assert journey_server.query("SELECT rating_count FROM intermediaries WHERE id = ?", "ZJ001")[0][0] == before + 1

        kiosk.ctx.router.back()                                   # one rating per provider in this session
        kiosk.wait_screen("intermediary_detail")
        assert not detail.rate.isEnabled() and "已为这家机构评过分" in detail.rate.text()
        kiosk.ctx.router.go("intermediary_rate", provider_id="ZJ001", name="x")
        assert not rate.submit.isVisible() and "已为这家机构评过分" in rate.status.text()

        kiosk.window.end_session()
        assert_nothing_left(kiosk, "出图快")


@pytest.fixture
def proxy(journey_server: CentralServer) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", journey_server.port) as p:
        yield p


def test_offline_says_so_plainly_then_retries(qtbot: QtBot, journey_server: CentralServer, proxy: FaultProxy,
                                              tmp_path: Path) -> None:
    with running_kiosk(qtbot, proxy.url, tmp_path, voice={"enabled": False}) as kiosk:
        proxy.set_down(True)
        kiosk.tap(kiosk.window.current_screen.tiles["intermediary"])
        kiosk.wait_screen("intermediary")
        screen = kiosk.window.current_screen
        qtbot.waitUntil(lambda: screen.retry.isVisible(), timeout=30_000)
        assert "需要联网" in screen.status.text() and not screen.cards
        proxy.set_down(False)
        press(kiosk, screen.retry)
        qtbot.waitUntil(lambda: bool(screen.cards), timeout=30_000)
        assert not screen.retry.isVisible()


def test_stars() -> None:
    assert stars(4.6) == "★★★★★" and stars(4.2) == "★★★★☆" and stars(None) == ""
