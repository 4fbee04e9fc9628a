"""Evaluations with follow-up, help requests, the intermediary supermarket, terminals, staff calls."""
from __future__ import annotations

from typing import Any

import requests
from central_testkit import (  # noqa: F401 - pytest fixtures
    Api,
    CentralServer,
    api_fixture,
    central_fixture,
    new_key,
    submit,
)


def test_poor_evaluation_opens_a_follow_up(api: Api, central: CentralServer) -> None:
    number = submit(api)["case_number"]
    tags = api.get("/evaluations/tags").json()
    assert tags["levels"] == ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
    poor = api.post("/evaluations", {"level": "不满意", "tags": ["等待时间长"], "comment": "太慢",
                                     "case_number": number}, key=new_key())
    assert poor.status_code == 201, poor.text
    follow = poor.json()["follow_up"]
    assert follow["state"] == "open" and follow["callback_due"] < follow["fix_due"]
    listed = requests.get(central.url + "/api/v1/office/follow-ups", headers=central.admin(), timeout=10).json()
    assert follow["follow_up_number"] in {f["follow_up_number"] for f in listed["follow_ups"]}
    step = f"{central.url}/api/v1/office/follow-ups/{follow['follow_up_number']}/advance"
    assert requests.post(step, headers=central.admin(), timeout=10).json()["state"] == "called_back"
    assert requests.post(step, headers=central.admin(), timeout=10).json()["state"] == "fixed"
    assert requests.post(step, headers=central.admin(), timeout=10).status_code == 409
    good = api.post("/evaluations", {"level": "非常满意", "tags": ["服务态度好"],
                                     "service_code": "430181-LY-00001"}, key=new_key())
    assert good.status_code == 201 and good.json()["follow_up"] is None


def test_evaluation_needs_a_link_and_offered_tags(api: Api) -> None:
    assert api.post("/evaluations", {"level": "满意"}, key=new_key()).status_code == 422
    wrong_tag = api.post("/evaluations", {"level": "满意", "tags": ["系统故障"], "service_code": "430181-LY-00001"},
                         key=new_key())
    assert wrong_tag.status_code == 422
    assert api.post("/evaluations", {"level": "很好", "service_code": "430181-LY-00001"}, key=new_key()).status_code == 422


def test_at_home_help_request(api: Api, central: CentralServer) -> None:
    body: dict[str, Any] = {"kind": "上门代办", "service_code": "430181-LY-00001",
                            "applicant": {"name": "欧阳菊", "phone": "13812341234"}, "region_code": "430181110201",
                            "address": "沙市镇赤马村石塘组12号", "reason": "行动不便"}
    r = api.post("/help-requests", body, key=new_key())
    assert r.status_code == 201, r.text
    req = r.json()
    assert req["request_number"].startswith("BD") and req["assigned_office"].startswith("沙市镇便民服务中心")
    assert api.get(f"/help-requests/{req['request_number']}").status_code == 200
    no_addr = api.post("/help-requests", {**body, "address": None}, key=new_key())
    assert no_addr.status_code == 422


def test_intermediary_supermarket_and_rating(api: Api) -> None:
    listing = api.get("/intermediaries").json()
    assert len(listing["providers"]) == 14 and {"测绘", "评估", "设计", "检测"} <= set(listing["categories"])
    surveyors = api.get("/intermediaries?category=测绘").json()["providers"]
    assert surveyors and all(p["category"] == "测绘" for p in surveyors)
    detail = api.get(f"/intermediaries/{surveyors[0]['id']}").json()
    assert detail["services"] and all("fee" in s and "time_limit_days" in s for s in detail["services"])
    key = new_key()
    rated = api.post(f"/intermediaries/{detail['id']}/ratings", {"score": 4, "comment": "准时"}, key=key)
    assert rated.status_code == 201
    again = api.post(f"/intermediaries/{detail['id']}/ratings", {"score": 4, "comment": "准时"}, key=key)
    assert again.json() == rated.json()  # counted once
    assert api.get(f"/intermediaries/{detail['id']}").json()["rating_count"] == rated.json()["rating_count"]


def test_heartbeat_and_events(api: Api, central: CentralServer) -> None:
    hb = {"version": "0.1.0", "uptime_s": 3600, "devices": {"idcard": "ok", "printer": "error"}, "paper": "out",
          "outbox_depth": 3, "last_errors": ["printer_paper_out"]}
    r = api.post("/terminals/heartbeat", hb)
    assert r.status_code == 200 and "catalogue_as_of" in r.json()
    terminals = requests.get(central.url + "/api/v1/office/terminals", headers=central.admin(), timeout=10).json()
    demo = next(t for t in terminals if t["id"] == "LY-DEMO-0001")
    assert demo["last_heartbeat"]["paper"] == "out" and demo["last_heartbeat"]["outbox_depth"] == 3
    ev = api.post("/terminals/events", {"events": [{"time": "2026-11-26T10:00:00+08:00", "kind": "error",
                                                    "code": "printer_paper_out"}]})
    assert ev.status_code == 202 and ev.json()["accepted"] == 1
    assert api.post("/terminals/heartbeat", {**hb, "paper": "maybe"}).status_code == 422


def test_staff_call(api: Api) -> None:
    r = api.post("/staff-calls", {"reason": "help", "screen": "apply.materials"})
    assert r.status_code == 201 and r.json()["call_number"].startswith("HJ")
    assert "浏阳市市民之家" in r.json()["message"]


def test_open311_views_of_catalogue_definition_and_request(api: Api, central: CentralServer) -> None:
    base = central.url + "/open311/v2"
    services = requests.get(base + "/services.json", timeout=30).json()
    elder = next(s for s in services if s["service_code"] == "430181-LY-00001")
    assert elder["metadata"] is True and "老年证" in elder["keywords"].split(",")
    definition = requests.get(base + "/services/430181-LY-00001.json", timeout=10).json()
    relation = next(a for a in definition["attributes"] if a["code"] == "relation")
    assert relation["datatype"] == "singlevaluelist" and {"key": "self", "name": "本人"} in relation["values"]
    number = submit(api)["case_number"]
    req = requests.get(f"{base}/requests/{number}.json?verifier=1234", timeout=10).json()
    assert req["service_request_id"] == number and req["status"] == "open" and req["status_notes"].startswith("已提交")
    assert requests.get(f"{base}/requests/{number}.json", timeout=10).status_code == 422  # verifier required
    assert requests.get(f"{base}/requests/{number}.json?verifier=0000", timeout=10).status_code == 404
    served = requests.get(central.url + "/api/v1/openapi.json", timeout=10).json()
    assert not [p for p in served["paths"] if "open311" in p]  # a separate API, not the kiosk contract
