"""The seed: every TSV row, relabelled departments, keyword rules, hand-written guides (no server needed)."""
from __future__ import annotations

from central.catalogue import guide_elements
from central.seed import rules
from central.seed.loader import build_items, hand_written_guides, read_tsv


def test_every_tsv_row_becomes_an_item_with_unique_code() -> None:
    rows = read_tsv()
    items = build_items(rows, hand_written_guides())
    assert len(rows) == 1521
    assert len(items) >= len(rows)
    assert len({i["code"] for i in items}) == len(items)
    assert [i["name"] for i in items[: len(rows)]] == [r["name"].strip() for r in rows]


def test_departments_are_liuyangs() -> None:
    assert rules.relabel_department("区人社局", "county") == "浏阳市人力资源和社会保障局"
    assert rules.relabel_department("广安区税务局", "county") == "国家税务总局浏阳市税务局"
    assert rules.relabel_department("", "village") == "村（社区）便民服务站"
    items = build_items(read_tsv(), hand_written_guides())
    assert not [i for i in items if "广安" in i["department"] or "江北" in i["department"] or "平潭" in i["department"]]


def test_keyword_rules() -> None:
    assert "社保" in rules.aliases_for("城乡居民基本养老保险参保登记")
    assert "医保" in rules.aliases_for("基本医疗保险关系转移接续")
    assert "退休" in rules.life_events_for("80周岁以上老年人高龄津贴发放")
    assert rules.theme_for("个体工商户设立登记", "行政许可") == "both"
    assert rules.theme_for("食品生产许可", "行政许可") == "legal"
    assert rules.theme_for("居民身份证挂失申报", "公共服务") == "personal"


def test_at_least_40_full_guides_with_13_elements() -> None:
    items = [i for i in build_items(read_tsv(), hand_written_guides()) if i["has_guide"]]
    assert len(items) >= 40
    for item in items:
        g = item["guide"]
        els = guide_elements(item | {"updated_at": None}, g)
        assert len(els) == 13 and all(e["text"] for e in els), item["name"]
        assert g["materials"] and g["form"]["attributes"], item["name"]
    assert sum(any(m["electronic"] for m in i["guide"]["materials"]) for i in items) >= 30
    village = [i for i in items if "village" in i["levels"]]
    assert len(village) >= 10


def test_guide_forms_are_well_formed() -> None:
    import re

    for item in (i for i in build_items(read_tsv(), hand_written_guides()) if i["has_guide"]):
        attrs = item["guide"]["form"]["attributes"]
        codes = [a["code"] for a in attrs]
        assert len(codes) == len(set(codes)), item["name"]
        for a in attrs:
            if a["pattern"]:
                re.compile(a["pattern"])
            if a["datatype"] in ("singlevaluelist", "multivaluelist"):
                keys = [v["key"] for v in a["values"]]
                assert keys and len(keys) == len(set(keys)), (item["name"], a["code"])
            else:
                assert not a["values"], (item["name"], a["code"])
        assert item["guide"]["time_limit"]["promised_days"] >= 0
        assert item["guide"]["consult_phone"].startswith("0731-")
