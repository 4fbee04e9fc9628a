"""Seed an empty database: regions, 1,521 catalogue rows (+ hand-written items), guides, units,
intermediaries and the demo terminal. Bulk inserts in one transaction: a few seconds at most.
"""
from __future__ import annotations

import csv
import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select

from central.db import schema as t
from central.seed import rules
from central.seed.intermediaries import provider_rows
from central.seed.regions import region_rows
from central.seed.units import unit_rows
from central.timeutil import utcnow

log = logging.getLogger("central.seed")

TSV = Path(__file__).resolve().parent / "service-items.tsv"
SEED_VERSION = "1"
DEMO_TERMINAL = {"id": "LY-DEMO-0001", "secret": "demo-terminal-secret", "site_name": "浏阳市市民之家自助服务区",
                 "site_type": "hall", "region_code": "430181"}
# A second demo terminal in a village office, to show 村受理 - 镇审核 - 村出件 routing.
VILLAGE_TERMINAL = {"id": "LY-DEMO-0002", "secret": "demo-terminal-secret-2", "site_name": "沙市镇赤马村便民服务站",
                    "site_type": "village", "region_code": "430181110201"}


def hand_written_guides() -> list[dict[str, Any]]:
    from central.seed import guides_civic, guides_insurance, guides_people
    return [*guides_people.GUIDES, *guides_insurance.GUIDES, *guides_civic.GUIDES]


def read_tsv(path: Path = TSV) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _levels(level: str) -> list[str]:
    return [level] if level in ("county", "township", "village") else ["county"]


def build_items(rows: list[dict[str, str]], guides: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every TSV row becomes an item; a hand-written guide attaches to the first row of the same name,
    or becomes an extra Liuyang item when no row has that name."""
    now = utcnow()
    by_name = {g["name"]: g for g in guides}
    used: set[str] = set()
    items: list[dict[str, Any]] = []
    for seq, row in enumerate(rows, start=1):
        name = row["name"].strip()
        level = row.get("level", "").strip()
        kind = rules.infer_kind(name, row.get("kind", "").strip())
        item = {
            "code": rules.item_code(kind, seq), "name": name, "aliases": rules.aliases_for(name),
            "department": rules.relabel_department(row.get("department", "").strip(), level), "kind": kind,
            "theme": rules.theme_for(name, kind), "life_events": rules.life_events_for(name), "levels": _levels(level),
            "region_codes": ["430181"], "max_one_trip": rules.max_one_trip_for(name, kind),
            "online_depth": rules.online_depth_for(name, kind), "has_guide": False, "guide": None,
            "source": row.get("source", "")[:300], "sort_order": seq, "deleted": False, "updated_at": now,
        }
        if name in by_name and name not in used:
            used.add(name)
            _apply_guide(item, by_name[name])
        items.append(item)
    extra = 0
    for g in guides:
        if g["name"] in used:
            continue
        extra += 1
        item = {"code": f"430181-LY-{extra:05d}", "name": g["name"], "source": "浏阳市（本项目编写）",
                "aliases": rules.aliases_for(g["name"]), "life_events": rules.life_events_for(g["name"]),
                "sort_order": len(rows) + extra, "deleted": False, "updated_at": now}
        _apply_guide(item, g)
        items.append(item)
    return items


def _apply_guide(item: dict[str, Any], g: dict[str, Any]) -> None:
    aliases = list(dict.fromkeys([*g["aliases"], *item.get("aliases", [])]))
    events = list(dict.fromkeys([*g["life_events"], *item.get("life_events", [])]))
    item.update({"aliases": [a for a in aliases if a != g["name"]], "department": g["department"], "kind": g["kind"],
                 "theme": g["theme"], "life_events": events, "levels": g["levels"],
                 "region_codes": g.get("region_codes", ["430181"]), "max_one_trip": g["max_one_trip"],
                 "online_depth": g["online_depth"], "has_guide": True, "guide": g["guide"]})


def ensure_seeded(engine: Engine) -> bool:
    with engine.begin() as conn:
        done = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "seed_version")).scalar()
        if done is not None:
            return False
        now = utcnow()
        regions = region_rows()
        conn.execute(t.regions.insert(), regions)
        codes_by_name = {r["name"]: r["code"] for r in regions if r["level"] == "township"}
        items = build_items(read_tsv(), hand_written_guides())
        conn.execute(t.items.insert(), items)
        code_by_name: dict[str, str] = {}
        for it in items:
            code_by_name.setdefault(it["name"], it["code"])
        units, services = unit_rows()
        for u in units:
            u["region_code"] = codes_by_name.get(u["region_code"], u["region_code"])
        conn.execute(t.appointment_units.insert(), units)
        for s in services:
            s["item_code"] = code_by_name.get(s.pop("item_name") or "")
        conn.execute(t.appointment_services.insert(), services)
        conn.execute(t.intermediaries.insert(), provider_rows())
        conn.execute(t.terminals.insert(), [{**DEMO_TERMINAL, "active": True, "created_at": now},
                                            {**VILLAGE_TERMINAL, "active": True, "created_at": now}])
        conn.execute(t.meta.insert().values(key="seed_version", value=SEED_VERSION))
        count = conn.execute(select(func.count()).select_from(t.items)).scalar_one()
    log.info("seeded %d catalogue items", count)
    return True
