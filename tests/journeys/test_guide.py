"""Journeys 1 and 2, 办事指南: find a service (search as you type, browse) and read its guide, against the real
reference central service, the simulated printer and the kiosk's own catalogue cache; then the same with the
central service stopped (browsing and cached guides still work, an uncached guide says it needs the network).
"""
from __future__ import annotations

import dataclasses
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from helpers.central_server import CentralServer
from helpers.kiosk_app import Kiosk, running_kiosk
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk import tasks
from kiosk.journeys import JOURNEYS
from kiosk.screens.guide import (
    BY_EVENT,
    BY_SITE,
    PAGE_ELDERLY,
    PAGE_NORMAL,
    GuideBrowseScreen,
    GuideDetailScreen,
    GuideListScreen,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "printer"))
from escpos_decode import DecodeError, decode

pytestmark = pytest.mark.gui

SAMPLE = "老年人优待证办理"      # hand-written guide: village item, electronic ID card and 户口簿, no statutory limit
ELEMENTS = ("事项名称和编码", "设定依据", "受理条件", "申请材料", "办理流程", "办理时限", "收费标准及依据", "办理地点",
            "办理时间", "咨询电话", "监督投诉电话", "到现场次数", "办理结果及送达方式")


# ---- driving the screens like a citizen ------------------------------------------------------------------

def open_browse(kiosk: Kiosk) -> GuideBrowseScreen:
    kiosk.tap(kiosk.window.current_screen.tiles["guide_browse"])
    kiosk.wait_screen("guide_browse")
    screen = kiosk.window.current_screen
    assert isinstance(screen, GuideBrowseScreen)
    kiosk.qtbot.waitUntil(lambda: bool(screen.tile_titles()), timeout=10_000)
    return screen


def type_query(kiosk: Kiosk, screen: GuideBrowseScreen, text: str) -> list[str]:
    """Clear the box with its button, type TEXT key by key; the names the result rows show."""
    if screen.search.text():
        kiosk.tap(screen.clear_button)
    assert screen.search.text() == "" and screen.browse.isVisible()
    if text.isascii():
        kiosk.qtbot.keyClicks(screen.search, text)
    else:  # hanzi arrive as the Pinyin keyboard sends them: a commit per chosen candidate
        for char in text:
            commit = QInputMethodEvent()
            commit.setCommitString(char)
            QApplication.sendEvent(screen.search, commit)
    kiosk.qtbot.waitUntil(lambda: screen.results.isVisible() and all(r.isVisible() for r in screen.result_rows_widgets()),
                          timeout=5_000)
    return screen.result_names()


def tap_ready(kiosk: Kiosk, widget: Any) -> None:
    """Tap WIDGET once it is shown and laid out (rows and tiles are added while the citizen types)."""
    window = kiosk.window

    def ready() -> bool:
        if not (widget.isVisible() and widget.width() > 0 and widget.height() > 0):
            return False
        under = window.childAt(widget.mapTo(window, widget.rect().center()))
        return under is widget or (under is not None and widget.isAncestorOf(under))

    kiosk.qtbot.waitUntil(ready, timeout=5_000)
    kiosk.tap(widget)


def tap_tile(kiosk: Kiosk, screen: GuideBrowseScreen, title: str) -> None:
    """Page through the current tab until a tile says TITLE, then tap it."""
    for _ in range(20):
        match = [t for t in screen.tile_widgets if t.title.text() == title]
        if match:
            tap_ready(kiosk, match[0])
            return
        assert screen.pager.next.isEnabled(), f"no tile {title!r} on any page"
        tap_ready(kiosk, screen.pager.next)
    raise AssertionError(f"no tile {title!r}")


def open_detail_by_search(kiosk: Kiosk, screen: GuideBrowseScreen, name: str, code: str) -> GuideDetailScreen:
    names = type_query(kiosk, screen, name)
    assert names[0] == name, names
    tap_ready(kiosk, next(r for r in screen.result_rows_widgets() if r.code == code))
    kiosk.wait_screen("guide_detail")
    detail = kiosk.window.current_screen
    assert isinstance(detail, GuideDetailScreen)
    return detail


def code_of(kiosk: Kiosk, name: str) -> str:
    return next(i.code for i in kiosk.ctx.services["catalogue"].items() if i.name == name and i.has_guide)


def server_guide(server: CentralServer, code: str) -> dict[str, Any]:
    (raw,) = server.query("SELECT guide FROM items WHERE code = ?", code)[0]
    return raw if isinstance(raw, dict) else json.loads(raw)


def printed_receipt(kiosk: Kiosk) -> Any:
    try:
        return decode(kiosk.printed())
    except DecodeError:  # still arriving
        return None


# ---- journey 1: find a service -----------------------------------------------------------------------------

def test_search_answers_as_the_citizen_types_hanzi_pinyin_initials_and_short_names(
        qtbot: QtBot, journey_server: CentralServer, tmp_path: Path) -> None:
    with running_kiosk(qtbot, journey_server.url, tmp_path) as kiosk:
        screen = open_browse(kiosk)
        assert screen.search.inputMethodHints() & screen.search.inputMethodHints().ImhPreferLowercase
        assert not screen.search.inputMethodHints() & screen.search.inputMethodHints().ImhLatinOnly  # Chinese too

        names = type_query(kiosk, screen, "bdc")
        assert names[0].startswith("不动产"), names
        ranked = [h.name for h in kiosk.ctx.services["catalogue"].search("bdc", 50)]
        assert names == ranked[:PAGE_NORMAL] and screen.more.isVisible() == (len(ranked) > PAGE_NORMAL)

        for query in ("shebao", "社保"):
            names = type_query(kiosk, screen, query)
            assert names[0] == "社会保险登记", (query, names)
            assert sum("社会保险" in n or "养老保险" in n for n in names) >= 4, (query, names)
            assert len(names) == PAGE_NORMAL and screen.more.isVisible()
        names = type_query(kiosk, screen, "医保")
        assert names[0] == "医保电子凭证申领" and any("医疗保险" in n for n in names[:5]), names

        # The check against the catalogue after the paint (check_after_shown -> _refresh) finds the same results
        # and keeps the rows: it rebuilt them, and a row being tapped was deleted under the finger (a test that
        # typed within 100 ms of the screen's paint failed with "GuideRow already deleted").
        rows = screen.result_rows_widgets()
        screen._refresh()
        assert screen.result_rows_widgets() == rows and all(shiboken6.isValid(row) for row in rows)

        # The Pinyin keyboard composes "bdc" before a candidate is chosen: results come already.
        kiosk.tap(screen.clear_button)
        QApplication.sendEvent(screen.search, QInputMethodEvent("bdc", []))
        qtbot.waitUntil(lambda: screen.results.isVisible() and bool(screen.result_names()), timeout=5_000)
        assert screen.result_names()[0].startswith("不动产") and screen.search.text() == ""
        commit = QInputMethodEvent()
        commit.setCommitString("残疾")
        QApplication.sendEvent(screen.search, commit)
        qtbot.waitUntil(lambda: screen.search.text() == "残疾", timeout=5_000)
        assert any("残疾" in n for n in screen.result_names()[:3]), screen.result_names()

        names = type_query(kiosk, screen, "qqqxz")
        assert names == []
        qtbot.waitUntil(lambda: "没有找到“qqqxz”" in kiosk.texts(), timeout=5_000)

        # 查看全部: the whole ranked search, paged.
        type_query(kiosk, screen, "shebao")
        kiosk.tap(screen.more)
        kiosk.wait_screen("guide_list")
        listing = kiosk.window.current_screen
        assert isinstance(listing, GuideListScreen)
        ranked = [h.name for h in kiosk.ctx.services["catalogue"].search("shebao", 200)]
        assert [r.title.text() for r in listing.row_widgets()] == ranked[:PAGE_NORMAL]
        assert f"共 {len(ranked)} 项" in kiosk.texts()

        kiosk.window.end_session()
        assert kiosk.screen == "home" and "guide_browse" not in kiosk.window._screens
        assert "shebao" not in kiosk.texts()


def test_browse_by_life_event_theme_department_and_what_this_site_can_do(
        qtbot: QtBot, journey_server: CentralServer, tmp_path: Path) -> None:
    with running_kiosk(qtbot, journey_server.url, tmp_path) as kiosk:
        store = kiosk.ctx.services["catalogue"]
        screen = open_browse(kiosk)
        assert screen.tab == BY_EVENT
        assert screen.tile_titles()[:7] == ["出生", "上学", "就业", "婚育", "置业", "退休", "身后事"]
        assert len(screen.tile_titles()) == PAGE_NORMAL

        tap_tile(kiosk, screen, "退休")
        kiosk.wait_screen("guide_list")
        listing = kiosk.window.current_screen
        assert isinstance(listing, GuideListScreen)
        expected = store.browse(life_event="退休")
        assert f"共 {len(expected)} 项" in kiosk.texts()
        first = [r.code for r in listing.row_widgets()]
        assert first == [i.code for i in expected[:PAGE_NORMAL]]
        kiosk.tap(listing.pager.next)
        second = [r.code for r in listing.row_widgets()]
        assert second == [i.code for i in expected[PAGE_NORMAL:2 * PAGE_NORMAL]]
        assert all("退休" in store.get(c).life_events for c in first + second)

        # Back to the browse screen, then 本站能办 -> 村上办: village items, each row badged 村上办.
        kiosk.tap(kiosk.window.bottom.back)
        kiosk.wait_screen("guide_browse")
        kiosk.tap(screen.tabs[BY_SITE])
        assert screen.tile_titles() == ["村上办", "镇上办", "最多跑一次", "全程网办"]
        tap_tile(kiosk, screen, "村上办")
        kiosk.wait_screen("guide_list")
        village = store.browse(level="village")
        assert village and f"共 {len(village)} 项" in kiosk.texts()
        rows = listing.row_widgets()
        assert [r.code for r in rows] == [i.code for i in village[:PAGE_NORMAL]]
        assert all("村上办" in [b.text() for b in r.badges] for r in rows)
        assert all("village" in store.get(r.code).levels for r in rows)

        # 个人/法人 and departments carry the store's counts.
        kiosk.tap(kiosk.window.bottom.back)
        kiosk.wait_screen("guide_browse")
        kiosk.tap(screen.tabs["theme"])
        assert screen.tile_titles() == ["个人办事", "法人办事"]
        kiosk.tap(screen.tabs["department"])
        top_department, count = store.departments()[0]
        assert screen.tile_titles()[0] == top_department and screen.tile_widgets[0].count.text() == f"{count} 项"

        # Elderly mode: fewer, larger rows per page with a clear pager.
        kiosk.window.toggle_elderly()
        screen = kiosk.window.current_screen
        assert isinstance(screen, GuideBrowseScreen) and screen.per_page == PAGE_ELDERLY
        assert len(screen.tile_titles()) == PAGE_ELDERLY and screen.pager.isVisible()
        tap_tile(kiosk, screen, "退休")
        kiosk.wait_screen("guide_list")
        listing = kiosk.window.current_screen
        assert [r.code for r in listing.row_widgets()] == [i.code for i in expected[:PAGE_ELDERLY]]
        assert listing.pager.isVisible() and listing.pager.count == -(-len(expected) // PAGE_ELDERLY)


# ---- journey 2: the guide -------------------------------------------------------------------------------

def test_guide_shows_the_13_elements_marks_electronic_materials_and_prints(
        qtbot: QtBot, journey_server: CentralServer, tmp_path: Path) -> None:
    # Voice off: the spoken "take your receipt" is not what this test is about (and Qt's text-to-speech
    # engine discovery can block a headless run).
    with running_kiosk(qtbot, journey_server.url, tmp_path, voice={"enabled": False}) as kiosk:
        code = code_of(kiosk, SAMPLE)
        truth = server_guide(journey_server, code)
        detail = open_detail_by_search(kiosk, open_browse(kiosk), SAMPLE, code)
        qtbot.waitUntil(lambda: detail.view is not None and all(e in kiosk.texts() for e in ELEMENTS), timeout=15_000)
        text = kiosk.texts()
        for element in ELEMENTS:
            assert element in text, element
        # Big answers first: what you get, trips, time (promised vs statutory), fee, where, when, phones.
        assert truth["delivery"]["result_name"] in text
        assert "最多跑一次" in text and f"承诺 {truth['time_limit']['promised_days']} 个工作日" in text
        assert "法定时限：无明确规定" in text and "不收费" in text
        assert truth["consult_phone"] in text and truth["hours"] in text
        for material in truth["materials"]:
            if material["electronic"]:
                assert f"√ {material['name']}：无需提交，政府已有电子证照" in text, material["name"]
            else:
                assert f"□ {material['name']}（" in text, material["name"]
        for step in truth["process"]:
            assert step in text
        answers_y = detail.cards["result"].mapTo(detail, detail.cards["result"].rect().topLeft()).y()
        basis_y = detail.more_title.mapTo(detail, detail.more_title.rect().topLeft()).y()
        assert answers_y < basis_y  # 设定依据, 受理条件, 办理流程 come below the answers

        # 打印办事指南: the simulated printer gets the guide, decoded.
        before = len(kiosk.printed())
        kiosk.tap(detail.print_button)
        qtbot.waitUntil(lambda: "打印完成" in detail.receipt.status.text(), timeout=15_000)
        qtbot.waitUntil(lambda: (r := printed_receipt(kiosk)) is not None and r.cuts >= 1, timeout=10_000)
        assert len(kiosk.printed()) > before
        receipt = decode(kiosk.printed())
        printed = receipt.text
        assert "办事指南" in receipt.big_lines and SAMPLE in printed and code in printed
        assert "[免] 居民身份证：无需提交（电子证照共享）" in printed
        assert "[免] 居民户口簿：无需提交（电子证照共享）" in printed
        assert "[  ] 近期一寸免冠彩色照片：原件1份（申请人自备）" in printed
        assert "法定时限：无明确规定；承诺5个工作日" in printed and "法定0个工作日" not in printed
        assert "村受理 → 镇审核" in printed and truth["consult_phone"] in printed
        assert receipt.qr_payloads == [detail.view.url] and detail.view.url.endswith(code)

        # 扫码带走: the guide's short URL as a QR on screen.
        kiosk.tap(detail.qr_button)
        assert detail.qr.isVisible() and not detail.qr.pixmap().isNull() and detail.qr_payload == detail.view.url

        # 我要办 only where the apply journey is open on this kiosk (it goes on with the code).
        apply_open = any(j.key == "apply" and j.built for j in JOURNEYS)
        assert detail.apply_button.isVisibleTo(detail) == apply_open
        if apply_open:
            kiosk.tap(detail.apply_button)
            kiosk.wait_screen("apply")
            assert kiosk.ctx.router.current.params == {"code": code}

        kiosk.window.end_session()
        assert "guide_detail" not in kiosk.window._screens and SAMPLE not in kiosk.texts()


def test_search_quality_on_the_real_names_of_the_catalogue(qtbot: QtBot, journey_server: CentralServer,
                                                           tmp_path: Path) -> None:
    from pypinyin import Style, lazy_pinyin

    with running_kiosk(qtbot, journey_server.url, tmp_path) as kiosk:
        screen = open_browse(kiosk)
        names = [i.name for i in kiosk.ctx.services["catalogue"].items()][::60]  # 26 real names, spread out
        assert len(names) >= 25
        for name in names:
            hanzi = "".join(ch for ch in name if "\u4e00" <= ch <= "\u9fff")
            initials = "".join(lazy_pinyin(hanzi, style=Style.FIRST_LETTER))
            assert type_query(kiosk, screen, name)[0] == name, name
            assert name in type_query(kiosk, screen, initials), (name, initials)
            assert name in type_query(kiosk, screen, "".join(lazy_pinyin(hanzi))), name


# ---- degraded: the central service stopped ------------------------------------------------------------------

def test_without_the_central_service_browsing_and_cached_guides_work_and_uncached_ones_say_so(
        qtbot: QtBot, tmp_path: Path) -> None:
    with CentralServer(tmp_path / "own-central") as server, running_kiosk(qtbot, server.url, tmp_path) as kiosk:
        store = kiosk.ctx.services["catalogue"]
        with_guide = [i for i in store.items() if i.has_guide]
        qtbot.waitUntil(lambda: all(store.guide(i.code) is not None for i in with_guide), timeout=30_000)
        server.stop()
        # One guide the kiosk never fetched (as after a sync that lost the network half-way).
        missing = next(i for i in with_guide if i.name != SAMPLE)
        with tasks.allow_blocking(), sqlite3.connect(store.path) as conn:
            conn.execute("DELETE FROM guides WHERE code = ?", (missing.code,))
        assert store.guide(missing.code) is None

        screen = open_browse(kiosk)
        assert type_query(kiosk, screen, "bdc")[0].startswith("不动产")
        kiosk.tap(screen.clear_button)
        tap_tile(kiosk, screen, "退休")
        kiosk.wait_screen("guide_list")
        assert len(kiosk.window.current_screen.row_widgets()) == PAGE_NORMAL
        kiosk.tap(kiosk.window.bottom.back)
        kiosk.wait_screen("guide_browse")

        detail = open_detail_by_search(kiosk, screen, SAMPLE, code_of(kiosk, SAMPLE))
        assert detail.view is not None and "无需提交，政府已有电子证照" in kiosk.texts()
        kiosk.tap(kiosk.window.bottom.back)
        kiosk.wait_screen("guide_browse")

        detail = open_detail_by_search(kiosk, screen, missing.name, missing.code)
        qtbot.waitUntil(lambda: "查看需要联网" in detail.status.text(), timeout=20_000)
        assert detail.status.isVisible() and detail.view is None and not detail.print_button.isEnabled()
        assert missing.name in kiosk.texts()   # the item's name, department and badges still show


def test_without_a_printer_the_guide_comes_as_a_qr_code(qtbot: QtBot, journey_server: CentralServer,
                                                        tmp_path: Path) -> None:
    from kiosk.config import EMBEDDED_DEMO_CONFIG, load_config

    devices = load_config(EMBEDDED_DEMO_CONFIG).devices
    no_printer = {"printer": dataclasses.replace(devices.printer, uri="none")}
    with running_kiosk(qtbot, journey_server.url, tmp_path, devices=no_printer, voice={"enabled": False},
                       wait_for=("catalogue", "central")) as kiosk:
        assert kiosk.ctx.service("printer") is None
        code = code_of(kiosk, SAMPLE)
        detail = open_detail_by_search(kiosk, open_browse(kiosk), SAMPLE, code)
        qtbot.waitUntil(lambda: detail.view is not None, timeout=15_000)
        kiosk.tap(detail.print_button)
        qtbot.waitUntil(lambda: detail.receipt.qr.isVisible(), timeout=5_000)
        assert "没有可用的打印机" in detail.receipt.status.text()
        assert detail.receipt.headline.text() == SAMPLE and not detail.receipt.qr.pixmap().isNull()


# ---- the guide's words, from any shape of guide the central service sends --------------------------------

def test_guide_view_reads_the_structured_guide_and_falls_back_to_the_13_display_texts() -> None:
    from kiosk.screens.guide import (
        GUIDE_URL_BASE,
        guide_view,
        print_document,
        time_limit_text,
    )

    full = {"item": {"name": "老年人优待证办理", "department": "浏阳市民政局"},
            "materials": [{"name": "居民身份证", "form": "原件", "count": 1, "source": "公安机关", "electronic": True},
                          {"name": "照片", "form": "原件", "count": 2, "source": "申请人自备", "electronic": False,
                           "required": False}],
            "time_limit": {"statutory_days": None, "promised_days": 0}, "fee": {"free": True, "text": "不收费"},
            "visits": 0, "process": ["申请", "村受理"], "form": {"attributes": []},
            "url": "https://zw.example/g/x"}
    view = guide_view("C-1", full)
    assert view.name == "老年人优待证办理" and view.has_form and view.url == "https://zw.example/g/x"
    assert [m.electronic for m in view.materials] == [True, False] and not view.materials[1].required
    assert time_limit_text(view) == "法定时限：无明确规定；即办（当场办结）"
    printed = "\n".join(getattr(op, "text", "") for op in print_document(view, "站点", "T-1").ops)
    assert "法定时限：无明确规定；即办（当场办结）" in printed and "0次（全程网办）" in printed

    # A central service that sends only the flattened elements still gives a readable guide.
    sparse = {"elements": [{"no": 6, "key": "time_limit", "title": "办理时限", "text": "法定20个工作日；承诺5个工作日"},
                           {"no": 8, "key": "locations", "title": "办理地点", "text": "市民之家"},
                           {"no": 2, "key": "basis", "title": "设定依据", "text": "《某某法》"}]}
    view = guide_view("C-2", sparse)
    assert view.name == "C-2" and time_limit_text(view) == "法定20个工作日；承诺5个工作日"
    assert view.locations == ("市民之家",) and view.basis == ("《某某法》",) and not view.has_form
    assert view.url == GUIDE_URL_BASE + "C-2" and view.materials == ()
