"""好差评 end to end against the reference central service on loopback, the real outbox and sync worker: an
evaluation of a case (as apply_done / case_detail open it) stored with its level, tags and comment; a poor
rating opening the server's follow-up; the number left for the callback travelling sealed; a good rating of
this visit (the service picked on screen) without a follow-up; the session ending by itself afterwards.
"""
from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests
from helpers.central_server import CentralServer, signed_headers
from helpers.fault_proxy import FaultProxy
from helpers.kiosk_app import running_kiosk
from pytestqt.qtbot import QtBot
from test_help import assert_nothing_left, press, type_into

from central.sealing import Sealer
from kiosk.privacy import mask_phone
from kiosk.screens.evaluation import (
    DEFAULT_TAGS,
    TAGS,
    build_evaluation_payload,
    callback_request,
)

pytestmark = [pytest.mark.gui, pytest.mark.slow]

SERVICE_CODE = "430181-LY-00001"


CASE_BODY = json.dumps({
    "service_code": SERVICE_CODE,
    "applicant": {"name": "欧阳菊", "id_number": "430181195803120037", "phone": "13812341234",
                  "address": "湖南省浏阳市集里街道金沙北路101号"},
    "form": {"relation": "self", "household_type": "rural", "contact_address": "湖南省浏阳市集里街道金沙北路101号",
             "card_type": "new"},
    "materials": [{"name": "居民身份证", "provided_as": "electronic"}],
    "delivery": {"method": "pickup", "pickup_site": "浏阳市政务服务中心（市民之家）"}}, ensure_ascii=False)


def create_case(server: CentralServer) -> str:
    """A case on the server, as another terminal's application would have made it (off the GUI thread)."""
    body = CASE_BODY.encode("utf-8")

    def post() -> requests.Response:
        headers = signed_headers("POST", "/api/v1/cases", body)
        headers.update({"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())})
        return requests.post(server.url + "/api/v1/cases", data=body, headers=headers, timeout=10)

    with ThreadPoolExecutor(1) as pool:
        reply = pool.submit(post).result()
    assert reply.status_code == 201, reply.text
    return str(reply.json()["case_number"])


def evaluations(server: CentralServer, column: str, value: str) -> list[tuple[Any, ...]]:
    return server.query(f"SELECT id, evaluation_number, level, score, tags, comment, case_number, service_code, "
                        f"terminal_id FROM evaluations WHERE {column} = ?", value)


def as_json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def test_poor_case_evaluation_stored_with_follow_up_and_sealed_callback(
        qtbot: QtBot, journey_server: CentralServer, tmp_path: Path) -> None:
    case_number = create_case(journey_server)
    phone, comment = "13700002101", "预审等了很久"
    with running_kiosk(qtbot, journey_server.url, tmp_path, voice={"enabled": False}) as kiosk:
        kiosk.ctx.router.go("evaluation", case_number=case_number, service_code=SERVICE_CODE)  # as case_detail does
        screen = kiosk.window.current_screen
        assert case_number in screen.target.text() and not screen.picker.isVisible()
        press(kiosk, screen.submit)
        assert kiosk.screen == "evaluation" and "满意程度" in screen.problem.text()
        press(kiosk, screen.levels["不满意"])
        assert screen.levels["不满意"].isChecked() and screen.phone.isVisible()
        qtbot.waitUntil(lambda: TAGS.tags is not None, timeout=10_000)
        assert TAGS.tags == DEFAULT_TAGS                 # the offline defaults are the server's own words
        for tag in ("等待时间长", "多次跑动"):
            press(kiosk, screen.tag_buttons[tag])
        type_into(kiosk, screen.comment, comment)
        type_into(kiosk, screen.phone.edit, phone)
        press(kiosk, screen.submit)
        kiosk.wait_screen("evaluation_done")
        done = kiosk.window.current_screen
        qtbot.waitUntil(lambda: done.status.text() == "已提交", timeout=20_000)
        assert "1 个工作日内" in done.explain.text() and mask_phone(phone) in done.explain.text()
        assert phone not in kiosk.texts()

        rows = evaluations(journey_server, "case_number", case_number)
        assert len(rows) == 1
        eid, number, level, score, tags, stored_comment, _case, service, terminal = rows[0]
        assert number.startswith("PJ")
        assert (level, score, stored_comment, service, terminal) == ("不满意", 2, comment, SERVICE_CODE, "LY-DEMO-0001")
        assert as_json(tags) == ["等待时间长", "多次跑动"]
        assert phone not in json.dumps(rows[0], default=str, ensure_ascii=False)   # no number in the clear
        follow = journey_server.query("SELECT state, callback_due, fix_due FROM follow_ups WHERE evaluation_id = ?", eid)
        assert len(follow) == 1 and follow[0][0] == "open"

        # The number for the callback: one sealed 帮办 request, naming the rating.
        qtbot.waitUntil(lambda: kiosk.ctx.services["sync"].depth() == 0, timeout=15_000)
        calls = []
        for rid, applicant in journey_server.query(
                "SELECT id, applicant FROM help_requests WHERE phone_last4 = ?", phone[-4:]):
            person = Sealer.from_env().open(as_json(applicant)["sealed"], f"help:{rid}")
            if person["phone"] == phone:
                calls.append(person)
        assert len(calls) == 1
        assert calls[0]["reason"] == "差评回访" and "不满意" in calls[0]["note"] and case_number in calls[0]["note"]

        press(kiosk, done.finish)                          # tap: the session ends at once
        assert_nothing_left(kiosk, phone, mask_phone(phone), comment, case_number)


def test_good_visit_evaluation_picks_the_service_no_follow_up_and_ends_by_itself(
        qtbot: QtBot, journey_server: CentralServer, tmp_path: Path) -> None:
    comment = "自助机很方便"
    with running_kiosk(qtbot, journey_server.url, tmp_path, voice={"enabled": False}) as kiosk:
        kiosk.tap(kiosk.window.current_screen.tiles["evaluation"])
        kiosk.wait_screen("evaluation")
        screen = kiosk.window.current_screen
        assert screen.picker.isVisible()                   # this visit: which service?
        press(kiosk, screen.levels["非常满意"])
        assert not screen.phone.isVisible()                # a good rating asks for no number
        press(kiosk, screen.submit)
        assert kiosk.screen == "evaluation" and "业务" in screen.problem.text()
        type_into(kiosk, screen.picker.search, "lnr")
        qtbot.waitUntil(lambda: bool(screen.picker.item_buttons), timeout=5_000)
        press(kiosk, next(iter(screen.picker.item_buttons.values())))
        code = screen.picker.code
        assert code and screen.picker.current.text() == screen.picker.name   # what the citizen sees chosen
        press(kiosk, screen.tag_buttons["服务效率高"])
        type_into(kiosk, screen.comment, comment)
        press(kiosk, screen.submit)
        kiosk.wait_screen("evaluation_done")
        done = kiosk.window.current_screen
        qtbot.waitUntil(lambda: done.status.text() == "已提交", timeout=20_000)
        rows = [r for r in evaluations(journey_server, "service_code", code) if r[5] == comment]
        assert len(rows) == 1
        eid, _n, level, score, tags, _c, case, _s, _t = rows[0]
        assert (level, score, case, as_json(tags)) == ("非常满意", 5, None, ["服务效率高"])
        assert journey_server.query("SELECT COUNT(*) FROM follow_ups WHERE evaluation_id = ?", eid) == [(0,)]
        assert kiosk.screen == "evaluation_done" and "秒后自动返回首页" in done.countdown.text()
        kiosk.wait_screen("home", timeout_ms=30_000)        # then it ends the session by itself
        assert_nothing_left(kiosk, comment)


def test_evaluation_payload_rules() -> None:
    body = build_evaluation_payload("满意", ["服务效率高"], "  好  ", local_reference="LY-DEMO-0001-20261126-0001",
                                    service_code=SERVICE_CODE)
    assert body == {"level": "满意", "tags": ["服务效率高"], "comment": "好",
                    "case_local_ref": "LY-DEMO-0001-20261126-0001", "service_code": SERVICE_CODE}
    with pytest.raises(ValueError, match="case_number"):
        build_evaluation_payload("满意", [], "")
    with pytest.raises(ValueError, match="level"):
        build_evaluation_payload("好", [], "", service_code=SERVICE_CODE)
    call = callback_request("非常不满意", "13812345678", "", "", "")
    assert call["applicant"] == {"name": "未留姓名", "phone": "13812345678"} and call["service_code"] is None
    assert "{local_ref}" in call["note"]


@pytest.fixture
def proxy(journey_server: CentralServer) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", journey_server.port) as p:
        yield p


def test_offline_rating_of_an_offline_case_reaches_the_server_with_the_real_case_number(
        qtbot: QtBot, journey_server: CentralServer, proxy: FaultProxy, tmp_path: Path) -> None:
    """apply_done offline opens the evaluation with the case's local reference only; both wait in the outbox,
    and once the service is back the evaluation is stored once, linked to the case number the server gave."""
    comment = "离线也能评价"
    with running_kiosk(qtbot, proxy.url, tmp_path, voice={"enabled": False}) as kiosk:
        proxy.set_down(True)
        outbox = kiosk.ctx.services["outbox"]
        case = json.loads(CASE_BODY)
        queued: list[Any] = []
        kiosk.ctx.run(lambda: outbox.enqueue("case", case, owner_id=case["applicant"]["id_number"]), queued.append)
        qtbot.waitUntil(lambda: bool(queued), timeout=10_000)
        local_ref = queued[0].local_ref
        kiosk.ctx.router.go("evaluation", case_number="", local_reference=local_ref, service_code=SERVICE_CODE)
        screen = kiosk.window.current_screen
        assert local_ref in screen.target.text()
        press(kiosk, screen.levels["满意"])
        press(kiosk, screen.tag_buttons["一次办好"])       # the built-in tags: the server is out of reach
        type_into(kiosk, screen.comment, comment)
        press(kiosk, screen.submit)
        kiosk.wait_screen("evaluation_done")
        done = kiosk.window.current_screen
        qtbot.waitUntil(lambda: done.status.text() == "已保存，联网后自动上传", timeout=30_000)

        proxy.set_down(False)
        kiosk.ctx.services["sync"].flush_now()
        qtbot.waitUntil(lambda: bool(journey_server.query(
            "SELECT 1 FROM evaluations WHERE comment = ?", comment)), timeout=30_000)
        # Local references restart per outbox and this server is shared by the whole journey suite: find this
        # kiosk's case through its own outbox's record of the real number.
        qtbot.waitUntil(lambda: bool(outbox.lookup(local_ref).remote_ref), timeout=30_000)
        real_number = outbox.lookup(local_ref).remote_ref
        case_number = journey_server.query("SELECT case_number FROM cases WHERE case_number = ? AND "
                                           "local_reference = ?", real_number, local_ref)
        assert len(case_number) == 1
        rows = journey_server.query("SELECT level, tags, case_number FROM evaluations WHERE comment = ?", comment)
        assert len(rows) == 1 and rows[0][0] == "满意" and as_json(rows[0][1]) == ["一次办好"]
        assert rows[0][2] == real_number
