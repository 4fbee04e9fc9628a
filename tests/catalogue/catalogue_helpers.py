"""Helpers shared by the catalogue tests (a uniquely named module: tests/ has no packages)."""
from __future__ import annotations

from typing import Any


def item(code: str, name: str, **fields: Any) -> dict[str, Any]:
    """A catalogue entry with the conventions' fields, defaults for the rest."""
    base: dict[str, Any] = {
        "code": code, "name": name, "aliases": [], "department": "浏阳市行政审批局", "kind": "公共服务",
        "theme": "personal", "life_events": [], "levels": ["county"], "region_codes": [],
        "max_one_trip": False, "online_depth": "none", "has_guide": True, "updated_at": "2026-11-01T08:00:00+08:00",
    }
    base.update(fields)
    return base
