"""Catalogue sync (full, ETag/304, since with deleted flag), guides with 13 elements, regions."""
from __future__ import annotations

from urllib.parse import quote

import requests
from central_testkit import Api, CentralServer, api_fixture, central_fixture  # noqa: F401 - pytest fixtures

FIELDS = {"code", "name", "aliases", "department", "kind", "theme", "life_events", "levels", "region_codes",
          "max_one_trip", "online_depth", "has_guide", "updated_at", "deleted"}


def test_full_catalogue_has_every_item_with_contract_fields(api: Api) -> None:
    r = api.get("/catalogue/items")
    assert r.status_code == 200
    page = r.json()
    assert page["full"] is True and page["count"] == len(page["items"]) >= 1521
    assert all(set(i) == FIELDS for i in page["items"])
    assert not any(i["department"].startswith("区") for i in page["items"])
    assert sum(i["has_guide"] for i in page["items"]) >= 40
    social = [i for i in page["items"] if "社会保险" in i["name"] or "养老保险" in i["name"]]
    assert social and all("社保" in i["aliases"] for i in social if "养老保险" in i["name"])


def test_etag_gives_304_until_something_changes(api: Api, central: CentralServer) -> None:
    first = api.get("/catalogue/items")
    etag = first.headers["ETag"]
    again = api.get("/catalogue/items", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    code = first.json()["items"][5]["code"]
    r = requests.patch(f"{central.url}/api/v1/office/catalogue/items/{code}", json={"aliases": ["测试别名"]},
                       headers=central.admin(), timeout=10)
    assert r.status_code == 204
    changed = api.get("/catalogue/items", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_since_returns_only_changes_including_deletions(api: Api, central: CentralServer) -> None:
    as_of = api.get("/catalogue/items").json()["as_of"]
    nothing = api.get("/catalogue/items?since=" + quote(as_of))
    assert nothing.status_code == 200 and nothing.json()["count"] == 0 and nothing.json()["full"] is False
    items = api.get("/catalogue/items").json()["items"]
    renamed, removed = items[10]["code"], items[11]["code"]
    requests.patch(f"{central.url}/api/v1/office/catalogue/items/{renamed}", json={"name": "改名后的事项"},
                   headers=central.admin(), timeout=10).raise_for_status()
    requests.patch(f"{central.url}/api/v1/office/catalogue/items/{removed}", json={"deleted": True},
                   headers=central.admin(), timeout=10).raise_for_status()
    delta = api.get("/catalogue/items?since=" + quote(as_of)).json()
    by_code = {i["code"]: i for i in delta["items"]}
    assert set(by_code) == {renamed, removed}
    assert by_code[renamed]["name"] == "改名后的事项" and by_code[removed]["deleted"] is True
    assert removed not in {i["code"] for i in api.get("/catalogue/items").json()["items"]}
    # An unencoded '+' arrives as a space and is still understood.
    assert api.get("/catalogue/items?since=" + delta["as_of"]).json()["count"] == 0
    bad = api.get("/catalogue/items?since=yesterday")
    assert bad.status_code == 422 and bad.json()["code"] == "validation_failed"


def test_guide_has_13_elements_materials_form_and_delivery(api: Api) -> None:
    g = api.get("/catalogue/items/430181-LY-00001/guide").json()
    assert [e["no"] for e in g["elements"]] == list(range(1, 14))
    assert g["elements"][0]["title"] == "事项名称和编码" and g["elements"][12]["title"] == "办理结果及送达方式"
    assert any(m["electronic"] for m in g["materials"]) and any(not m["electronic"] for m in g["materials"])
    assert "电子证照" in g["elements"][3]["text"]
    attrs = g["form"]["attributes"]
    assert [a["order"] for a in attrs] == list(range(1, len(attrs) + 1))
    assert all(a["datatype"] in {"string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"} for a in attrs)
    assert g["delivery"]["pickup_sites"] and g["delivery"]["express_free"] is True


def test_item_without_guide_and_unknown_item(api: Api) -> None:
    items = api.get("/catalogue/items").json()["items"]
    plain = next(i for i in items if not i["has_guide"])
    r = api.get(f"/catalogue/items/{plain['code']}/guide")
    assert r.status_code == 404 and r.json()["code"] == "guide_not_available"
    assert api.get("/catalogue/items/NOPE").json()["code"] == "not_found"


def test_region_hierarchy_for_address_picking(api: Api) -> None:
    root = api.get("/regions").json()
    towns = {c["name"]: c for c in root["children"]}
    assert len(towns) == 32 and "沙市镇" in towns and "集里街道" in towns
    villages = api.get(f"/regions/{towns['沙市镇']['code']}").json()["children"]
    assert "赤马村" in {v["name"] for v in villages}
    assert all(len(v["code"]) == 12 and v["code"].startswith(towns["沙市镇"]["code"]) for v in villages)
