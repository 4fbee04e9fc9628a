"""Read catalogue items from a file: a JSON export of the central catalogue, or a TSV of item names.

JSON: a list of items (the conventions' fields) or {"items": [...], "etag": "..."}.
TSV: a header row with at least `name`; optional columns code, aliases, department, kind, theme,
life_events, level/levels, region_codes, max_one_trip, online_depth, has_guide, updated_at, popularity
(list columns separated by "," "、" or "|"). Missing fields are derived: a stable code from name and
department, department labels relabelled to Liuyang's (区人社局 -> 浏阳市人社局), theme and life events
guessed from keywords in the name. Fields the TSV cannot know (max_one_trip, online_depth) default to
false / "none" unless given.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from kiosk.catalogue.model import LEVELS, CatalogueDataError

REGION_NAME = "浏阳市"
REGION_CODE = "430181"

_LEGAL_WORDS = ("企业", "公司", "单位", "法人", "经营", "机构", "场所", "项目", "工程", "建设", "生产", "出版",
                "广播电视", "运输", "药品", "食品", "医疗器械", "社会团体", "民办非企业", "合伙", "分支", "股权",
                "施工", "矿", "排污", "道路", "港口", "船舶", "烟草", "危险", "特种设备", "营业")
_PERSONAL_WORDS = ("个人", "居民", "职工", "人员", "儿童", "学生", "老年", "残疾", "婚", "生育", "户口", "户籍",
                   "身份证", "居住证", "退休", "养老", "失业", "就业", "低保", "最低生活", "优待", "孕", "出生",
                   "死亡", "丧葬", "抚恤", "军人", "公民", "家庭", "困难", "教师资格", "驾驶", "医保", "社会保险",
                   "公积金", "不动产", "宅基地", "个体")
LIFE_EVENT_WORDS: dict[str, tuple[str, ...]] = {
    "出生": ("出生", "新生儿", "生育", "孕", "预防接种"),
    "上学": ("入学", "学生", "学籍", "教育", "资助", "学校", "教师资格"),
    "就业": ("就业", "失业", "职业", "创业", "招聘", "技能", "劳动"),
    "婚育": ("婚", "生育", "计生", "计划生育", "独生子女", "孕"),
    "置业": ("不动产", "住房", "房屋", "商品房", "公积金", "宅基地", "房产"),
    "退休": ("退休", "养老", "离休", "老年", "高龄"),
    "身后事": ("死亡", "丧葬", "殡", "抚恤", "遗属", "火化", "注销户口"),
    "开办企业": ("设立登记", "营业执照", "企业开办", "个体工商户", "开业", "公司登记", "印章"),
}


def relabel_department(label: str) -> str:
    """Source department labels (区人社局, 江北新区经发, 广安区税务局) as Liuyang's (浏阳市人社局 ...)."""
    label = label.strip()
    for prefix in ("平潭综合实验区", "江北新区", "广安区", "区"):
        if label.startswith(prefix) and len(label) > len(prefix):
            return REGION_NAME + label[len(prefix):]
    return label


def guess_theme(name: str) -> str:
    legal = any(w in name for w in _LEGAL_WORDS)
    personal = any(w in name for w in _PERSONAL_WORDS)
    if legal and not personal:
        return "legal"
    if personal and not legal:
        return "personal"
    return "both"


def guess_life_events(name: str) -> list[str]:
    return [ev for ev, words in LIFE_EVENT_WORDS.items() if any(w in name for w in words)]


def stable_code(name: str, department: str) -> str:
    digest = hashlib.sha1(f"{name}\t{department}".encode()).hexdigest()[:10].upper()
    return f"{REGION_CODE}-{digest}"


def _split(value: str) -> list[str]:
    return [v.strip() for v in re.split(r"[,，、|]", value) if v.strip()]


def _bool(value: str, where: str) -> bool:
    v = value.strip().lower()
    if v in ("1", "true", "yes", "y", "是"):
        return True
    if v in ("", "0", "false", "no", "n", "否"):
        return False
    raise CatalogueDataError(f"{where}: {value!r} is not a yes/no value (true/false, 1/0, 是/否)")


def items_from_tsv(path: Path) -> list[dict[str, Any]]:
    """Catalogue items from a TSV with a header row (see module docstring)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        if reader.fieldnames is None or "name" not in reader.fieldnames:
            raise CatalogueDataError(f"{path}: the first row must be a header with a 'name' column")
        items: list[dict[str, Any]] = []
        codes: set[str] = set()
        for lineno, row in enumerate(reader, start=2):
            where = f"{path}:{lineno}"
            name = (row.get("name") or "").strip()
            if not name:
                raise CatalogueDataError(f"{where}: empty name")
            department = relabel_department(row.get("department") or "")
            code = (row.get("code") or "").strip()
            if not code:  # derived; the same name listed twice for one department gets a second code
                code = stable_code(name, department)
                n = 1
                while code in codes:
                    n += 1
                    code = stable_code(name, f"{department}#{n}")
            elif code in codes:
                raise CatalogueDataError(f"{where}: duplicate item code {code!r}")
            codes.add(code)
            levels = _split(row.get("levels") or row.get("level") or "") or ["county"]
            for lv in levels:
                if lv not in LEVELS:
                    raise CatalogueDataError(f"{where}: level {lv!r} is not one of {', '.join(LEVELS)}")
            item: dict[str, Any] = {
                "code": code,
                "name": name,
                "aliases": _split(row.get("aliases") or ""),
                "department": department,
                "kind": (row.get("kind") or "").strip(),
                "theme": (row.get("theme") or "").strip() or guess_theme(name),
                "life_events": _split(row.get("life_events") or "") or guess_life_events(name),
                "levels": levels,
                "region_codes": _split(row.get("region_codes") or ""),
                "max_one_trip": _bool(row.get("max_one_trip") or "", where),
                "online_depth": (row.get("online_depth") or "").strip() or "none",
                "has_guide": _bool(row.get("has_guide") or "", where),
                "updated_at": (row.get("updated_at") or "").strip(),
            }
            if (row.get("popularity") or "").strip():
                try:
                    item["popularity"] = float(row["popularity"])
                except ValueError:
                    raise CatalogueDataError(f"{where}: popularity {row['popularity']!r} is not a number") from None
            items.append(item)
    return items


def read_items(path: str | Path) -> tuple[list[dict[str, Any]], str | None]:
    """Items (and an ETag when the JSON carries one) from a .json or .tsv file."""
    p = Path(path)
    if not p.is_file():
        raise CatalogueDataError(f"{p}: no such file")
    if p.suffix.lower() == ".json":
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CatalogueDataError(f"{p}: not valid UTF-8 JSON ({exc})") from None
        etag = None
        if isinstance(data, dict):
            etag = data.get("etag")
            data = data.get("items")
        if not isinstance(data, list):
            raise CatalogueDataError(f"{p}: expected a list of items or an object with an 'items' list")
        return data, etag if isinstance(etag, str) else None
    if p.suffix.lower() in (".tsv", ".txt"):
        return items_from_tsv(p), None
    raise CatalogueDataError(f"{p}: unknown file type {p.suffix!r}; use .json or .tsv")
