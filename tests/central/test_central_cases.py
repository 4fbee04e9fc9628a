"""Cases: submission, village routing 村受理-镇审核-村出件, office transitions, look-ups and verifiers."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import requests
from central_testkit import (  # noqa: F401 - pytest fixtures
    VILLAGE_SECRET,
    VILLAGE_TERMINAL_ID,
    Api,
    CentralServer,
    api_fixture,
    case_body,
    central_fixture,
    new_key,
    submit,
)

REPO = Path(__file__).resolve().parents[2]



def office(central: CentralServer, number: str, action: str, body: dict[str, Any] | None = None) -> requests.Response:
    return requests.post(f"{central.url}/api/v1/office/cases/{number}/{action}", json=body or {},
                         headers=central.admin(), timeout=10)


def test_village_case_is_accepted_in_the_village_reviewed_in_the_township_handed_over_in_the_village(
        api: Api, central: CentralServer) -> None:
    case = submit(api)
    number = case["case_number"]
    assert case["state"] == "已提交" and case["route"] == "village"
    assert case["offices"] == {"accept": "沙市镇赤马村便民服务站", "review": "沙市镇便民服务中心",
                               "handover": "沙市镇赤马村便民服务站"}
    for expected in ("预审中", "已受理", "审核中"):
        r = office(central, number, "advance")
        assert r.status_code == 200 and r.json()["state"] == expected
    r = office(central, number, "decide", {"approve": True})
    assert r.json()["state"] == "已办结" and r.json()["outcome"] == "approved"
    r = office(central, number, "advance")
    assert r.json()["state"] == "待领取"
    assert office(central, number, "advance").json()["state"] == "已送达"
    history = api.get(f"/cases/{number}").json()["history"]
    assert [h["state"] for h in history] == ["已提交", "预审中", "已受理", "审核中", "已办结", "待领取", "已送达"]
    offices = {h["state"]: h["office"] for h in history}
    assert offices["已受理"] == "沙市镇赤马村便民服务站"
    assert offices["审核中"] == "沙市镇便民服务中心"
    assert offices["待领取"] == "沙市镇赤马村便民服务站"
    assert history[2]["note"] == "村受理" and history[3]["note"] == "镇审核" and history[5]["note"].startswith("村出件")
    assert all(h["time"].endswith("+08:00") for h in history)


def test_county_item_from_a_village_goes_the_county_route(api: Api) -> None:
    body = {"service_code": "430181-QR-01489", "form": {"transfer_type": "sale", "property_address": "集里街道1栋",
                                                         "certificate_no": "湘(2024)浏阳市不动产权第0012345号", "area": 98.5}}
    case = submit(api, **body)
    assert case["route"] == "county"
    assert case["offices"]["review"] == "浏阳市不动产登记中心"


def test_return_for_correction_then_refusal_with_reason(api: Api, central: CentralServer) -> None:
    number = submit(api)["case_number"]
    office(central, number, "advance")
    r = office(central, number, "return", {"missing": ["户口簿", "近期照片"]})
    assert r.json()["state"] == "待补正" and r.json()["missing_materials"] == ["户口簿", "近期照片"]
    assert "户口簿、近期照片" in r.json()["history"][-1]["note"]
    assert office(central, number, "advance").json()["state"] == "预审中"
    office(central, number, "advance")
    office(central, number, "advance")
    no_reason = office(central, number, "decide", {"approve": False})
    assert no_reason.status_code == 422
    refused = office(central, number, "decide", {"approve": False, "reason": "不符合年龄条件"})
    assert refused.json()["outcome"] == "refused" and refused.json()["outcome_reason"] == "不符合年龄条件"
    stuck = office(central, number, "advance")
    assert stuck.status_code == 409 and stuck.json()["code"] == "invalid_transition"


def test_mailed_result_carries_the_tracking_number(api: Api, central: CentralServer) -> None:
    number = submit(api, delivery={"method": "express", "address": "浏阳市沙市镇赤马村石塘组12号"})["case_number"]
    for _ in range(3):
        office(central, number, "advance")
    office(central, number, "decide", {"approve": True})
    assert office(central, number, "advance").status_code == 409  # express: must be mailed, not picked up
    r = office(central, number, "mail", {"tracking_number": "SF1234567890", "carrier": "顺丰"})
    assert r.json()["state"] == "已寄出"
    seen = api.get(f"/cases/{number}").json()
    assert seen["delivery"]["tracking_number"] == "SF1234567890" and seen["delivery"]["carrier"] == "顺丰"


def test_look_up_needs_the_right_verifier_from_another_terminal(api: Api, central: CentralServer) -> None:
    created = submit(api)
    number, token = created["case_number"], created["qr_token"]
    other = Api(central, VILLAGE_TERMINAL_ID, VILLAGE_SECRET)
    assert api.get(f"/cases/{number}").status_code == 200  # the submitting terminal
    denied = other.get(f"/cases/{number}")
    assert denied.status_code == 404 and denied.json()["code"] == "not_found"
    assert other.get(f"/cases/{number}?verifier=0000").status_code == 404
    assert other.get(f"/cases/{number}?verifier=wrong-token").status_code == 404
    by_phone = other.get(f"/cases/{number}?verifier=1234")
    assert by_phone.status_code == 200 and by_phone.json()["applicant"] == {"name": "欧*菊", "phone": "138****1234"}
    assert other.get(f"/cases/{number}?verifier={token}").status_code == 200
    assert other.get("/cases/LY00000000999999?verifier=1234").status_code == 404
    # The kiosk's local (offline receipt) reference finds the same case.
    assert other.get(f"/cases/{created['local_reference']}?verifier=1234").json()["case_number"] == number


def test_search_by_card_lists_only_that_citizens_cases(api: Api) -> None:
    mine = submit(api, applicant={"name": "刘明", "id_number": "43018119900101123X", "phone": "13900001111"})
    submit(api, applicant={"name": "张三", "id_number": "430181198512120011", "phone": "13900002222"})
    found = api.post("/cases/search", {"id_number": "43018119900101123x"}).json()["cases"]
    assert [c["case_number"] for c in found] == [mine["case_number"]]
    assert api.post("/cases/search", {"id_number": "123"}).status_code == 422


def test_search_pages_newest_first_with_a_cursor_that_holds_while_new_cases_arrive(api: Api) -> None:
    applicant = {"name": "刘明", "id_number": "430181199001011234", "phone": "13900001111"}
    made = [submit(api, applicant=applicant)["case_number"] for _ in range(5)]

    def page(**extra: Any) -> dict[str, Any]:
        reply = api.post("/cases/search", {"id_number": applicant["id_number"], **extra})
        assert reply.status_code == 200, reply.text
        return dict(reply.json())

    first = page(limit=2)
    assert [c["case_number"] for c in first["cases"]] == [made[4], made[3]]
    newest = submit(api, applicant=applicant)["case_number"]   # arrives between two pages: nothing shifts
    second = page(limit=2, cursor=first["next_cursor"])
    assert [c["case_number"] for c in second["cases"]] == [made[2], made[1]]
    last = page(limit=2, cursor=second["next_cursor"])
    assert [c["case_number"] for c in last["cases"]] == [made[0]] and last["next_cursor"] is None
    everything = page()   # the default page holds all six
    assert [c["case_number"] for c in everything["cases"]] == [newest, *made[::-1]]
    assert everything["next_cursor"] is None


def test_search_refuses_a_bad_limit_and_a_cursor_that_is_not_this_citizens(api: Api) -> None:
    mine = submit(api, applicant={"name": "刘明", "id_number": "430181199202021234", "phone": "13900001111"})
    theirs = submit(api, applicant={"name": "张三", "id_number": "430181198512120011", "phone": "13900002222"})
    for limit in (0, 101):
        assert api.post("/cases/search", {"id_number": "430181199202021234", "limit": limit}).status_code == 422
    for cursor in (theirs["case_number"], "LY00000000999999"):   # the same answer: it tells nothing about whose
        reply = api.post("/cases/search", {"id_number": "430181199202021234", "cursor": cursor})
        assert reply.status_code == 422 and reply.json()["code"] == "validation_failed"
    ok = api.post("/cases/search", {"id_number": "430181199202021234", "cursor": mine["case_number"]})
    assert ok.status_code == 200 and ok.json() == {"cases": [], "next_cursor": None}


def test_personal_data_is_not_stored_in_clear_as_a_lookup_key(api: Api, central: CentralServer) -> None:
    number = submit(api)["case_number"]
    key = central.query("SELECT citizen_key FROM cases WHERE case_number = ?", number)[0][0]
    assert len(key) == 64 and "430181195803120037" not in key


def test_form_is_validated_against_the_guide(api: Api) -> None:
    r = api.post("/cases", case_body("BAD-1", form={"relation": "martian", "unknown_field": 1}), key=new_key())
    assert r.status_code == 422 and r.json()["code"] == "validation_failed"
    fields = {e["field"] for e in r.json()["errors"]}
    assert {"form.relation", "form.household_type", "form.unknown_field"} <= fields
    r = api.post("/cases", case_body("BAD-2", service_code="NOPE"), key=new_key())
    assert r.status_code == 422
    r = api.post("/cases", case_body("BAD-3", applicant={"name": "x", "id_number": "1", "phone": "2"}), key=new_key())
    assert r.status_code == 422 and "1" not in str([e.get("input") for e in r.json()["errors"]])


def test_office_command_line_moves_a_case(api: Api, central: CentralServer) -> None:
    number = submit(api)["case_number"]
    env = dict(os.environ, CENTRAL_DB_URL=central.db_url)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "central", "office", *args], cwd=REPO, env=env, check=False,
                              capture_output=True, text=True, timeout=60)

    done = run("advance", number, "--note", "材料齐全")
    assert done.returncode == 0, done.stderr
    assert "预审中" in done.stdout and "材料齐全" in done.stdout
    ret = run("return", number, "--missing", "户口簿,照片")
    assert ret.returncode == 0 and "待补正" in ret.stdout
    bad = run("decide", number, "--approve")
    assert bad.returncode == 1 and "invalid_transition" in bad.stderr
    listed = run("list")
    assert number in listed.stdout
    assert api.get(f"/cases/{number}").json()["state"] == "待补正"


def test_guessing_verifiers_locks_the_case(api: Api, central: CentralServer) -> None:
    number = submit(api)["case_number"]
    other = Api(central, VILLAGE_TERMINAL_ID, VILLAGE_SECRET)
    for guess in ("0001", "0002", "0003", "0004", "0005"):
        assert other.get(f"/cases/{number}?verifier={guess}").status_code == 404
    locked = other.get(f"/cases/{number}?verifier=1234")  # even the right one, for the window
    assert locked.status_code == 429 and locked.json()["code"] == "too_many_attempts"


def test_terminal_command_registers_a_terminal_that_can_sign(central: CentralServer, tmp_path: Path) -> None:
    env = dict(os.environ, CENTRAL_DB_URL=central.db_url)
    secret_file = tmp_path / "LY-TEST-0009.key"
    tid = "LY-TEST-" + new_key()[:4].upper()
    added = subprocess.run([sys.executable, "-m", "central", "terminal", "add", tid, "--site", "集里街道便民服务中心",
                            "--region", "430181002", "--secret-file", str(secret_file)], cwd=REPO, env=env,
                           capture_output=True, text=True, timeout=60, check=False)
    assert added.returncode == 0, added.stderr
    assert oct(secret_file.stat().st_mode & 0o777) == "0o600"
    terminal = Api(central, tid, secret_file.read_text().strip())
    assert terminal.get("/regions").status_code == 200
    bad = subprocess.run([sys.executable, "-m", "central", "terminal", "add", "x", "--site", "s", "--region", "1",
                          "--secret-file", str(tmp_path / "x.key")], cwd=REPO, env=env, capture_output=True,
                         text=True, timeout=60, check=False)
    assert bad.returncode == 2 and "terminal id" in bad.stderr
    off = subprocess.run([sys.executable, "-m", "central", "terminal", "disable", tid], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=60, check=False)
    assert off.returncode == 0
    assert terminal.get("/regions").json()["code"] == "signature_invalid"


def test_personal_data_is_sealed_at_rest(api: Api, central: CentralServer) -> None:
    body = case_body("SEAL-" + new_key()[:8], applicant={"name": "欧阳秀英", "id_number": "430181196204150028",
                                                          "phone": "13787654321"},
                     delivery={"method": "express", "address": "浏阳市沙市镇赤马村石塘组8号"})
    number = api.post("/cases", body, key=new_key()).json()["case_number"]
    stored = central.query("SELECT applicant, form, delivery FROM cases WHERE case_number = ?", number)[0]
    text = " ".join(str(c) for c in stored)
    for secret in ("430181196204150028", "13787654321", "欧阳秀英", "石塘组8号"):
        assert secret not in text
    assert "137****4321" in text  # the masked phone is kept for look-ups
    if central.db_url.startswith("sqlite"):
        raw = b"".join(p.read_bytes() for p in central.db_path.parent.glob("central.sqlite3*"))
        for secret in ("430181196204150028", "13787654321", "欧阳秀英", "石塘组8号"):
            assert secret.encode() not in raw
    env = dict(os.environ, CENTRAL_DB_URL=central.db_url)
    shown = subprocess.run([sys.executable, "-m", "central", "office", "show", number, "--full"], cwd=REPO, env=env,
                           capture_output=True, text=True, timeout=60, check=False)
    assert shown.returncode == 0, shown.stderr
    assert "430181196204150028" in shown.stdout and "石塘组8号" in shown.stdout


def test_a_data_key_readable_by_others_is_refused(tmp_path: Path) -> None:
    key = tmp_path / "data.key"
    key.write_text("ab" * 32)
    key.chmod(0o644)
    env = dict(os.environ, CENTRAL_DATA_KEY_FILE=str(key))
    r = subprocess.run([sys.executable, "-m", "central", "serve", "--db", str(tmp_path / "x.sqlite3"), "--port", "1"],
                       cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert r.returncode == 2 and "chmod 600" in r.stderr
