"""Catalogue reads: items, incremental sync (since + ETag), service guides with the 13 elements."""
from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from central.db import schema as t
from central.timeutil import as_utc, iso

ITEM_FIELDS = ("code", "name", "aliases", "department", "kind", "theme", "life_events", "levels", "region_codes",
               "max_one_trip", "online_depth", "has_guide", "deleted")


def item_dict(row: Any) -> dict[str, Any]:
    data = {f: getattr(row, f) for f in ITEM_FIELDS}
    data["updated_at"] = iso(row.updated_at)
    return data


def catalogue_version(conn: Connection) -> tuple[datetime | None, int]:
    """(latest updated_at, row count): any change to the catalogue changes one of them."""
    latest, count = conn.execute(select(func.max(t.items.c.updated_at), func.count())).one()
    return (as_utc(latest) if latest is not None else None), int(count)


def etag_for(version: tuple[datetime | None, int], query: str) -> str:
    latest, count = version
    raw = f"{latest.isoformat() if latest else '-'}|{count}|{query}"
    return '"' + hashlib.sha256(raw.encode()).hexdigest()[:32] + '"'


def list_items(conn: Connection, since: datetime | None) -> list[dict[str, Any]]:
    """Full list (deleted items omitted) or, with `since`, every item changed after it, deleted ones included."""
    query = select(t.items).order_by(t.items.c.sort_order)
    if since is None:
        query = query.where(t.items.c.deleted.is_(False))
    else:
        query = query.where(t.items.c.updated_at > as_utc(since))
    return [item_dict(r) for r in conn.execute(query)]


ELEMENT_TITLES = (
    ("name_code", "事项名称和编码"), ("basis", "设定依据"), ("conditions", "受理条件"), ("materials", "申请材料"),
    ("process", "办理流程"), ("time_limit", "办理时限"), ("fee", "收费标准及依据"), ("locations", "办理地点"),
    ("hours", "办理时间"), ("consult_phone", "咨询电话"), ("complaint_phone", "监督投诉电话"),
    ("visits", "到现场次数"), ("delivery", "办理结果及送达方式"),
)


def _material_text(m: dict[str, Any]) -> str:
    text = f"{m['name']}（{m['form']}{m['count']}份，来源：{m['source']}）"
    if m.get("electronic"):
        text += "【电子证照，免提交】"
    if not m.get("required", True):
        text += "【容缺/视情提供】"
    return text


def guide_elements(item: dict[str, Any], guide: dict[str, Any]) -> list[dict[str, Any]]:
    """The 13 elements as display text, derived from the structured guide (one source of truth)."""
    tl = guide["time_limit"]
    statutory = f"法定{tl['statutory_days']}个工作日；" if tl.get("statutory_days") else ""
    promised = "即办" if tl["promised_days"] == 0 else f"承诺{tl['promised_days']}个工作日"
    delivery = guide["delivery"]
    ways = []
    if delivery["pickup_sites"]:
        ways.append("窗口领取（" + "、".join(delivery["pickup_sites"]) + "）")
    if delivery["express_free"]:
        ways.append("免费邮寄")
    fee = guide["fee"]
    texts = {
        "name_code": f"{item['name']}（{item['code']}）",
        "basis": "；".join(guide["basis"]),
        "conditions": "；".join(guide["conditions"]),
        "materials": "；".join(_material_text(m) for m in guide["materials"]) or "无",
        "process": " → ".join(guide["process"]),
        "time_limit": statutory + promised,
        "fee": ("不收费" if fee["free"] else fee["text"]) + (f"（依据：{fee['basis']}）" if fee.get("basis") else ""),
        "locations": "；".join(guide["locations"]),
        "hours": guide["hours"],
        "consult_phone": guide["consult_phone"],
        "complaint_phone": guide["complaint_phone"],
        "visits": "0次（全程网办）" if guide["visits"] == 0 else f"{guide['visits']}次",
        "delivery": f"{delivery['result_name']}；" + "、".join(ways),
    }
    return [{"no": i + 1, "key": key, "title": title, "text": texts[key]} for i, (key, title) in enumerate(ELEMENT_TITLES)]


def guide_dict(row: Any) -> dict[str, Any]:
    item = item_dict(row)
    guide = dict(row.guide)
    guide["item"] = item
    guide["elements"] = guide_elements(item, row.guide)
    return guide
