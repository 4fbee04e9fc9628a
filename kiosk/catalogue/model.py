"""Catalogue item and site types, and validation of items as the central service sends them."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

THEMES = ("personal", "legal", "both")
LEVELS = ("county", "township", "village")
ONLINE_DEPTHS = ("none", "pre_review", "online_apply", "full_online")
# The life events the home screen offers first, in this order; others the catalogue uses follow.
LIFE_EVENTS = ("出生", "上学", "就业", "婚育", "置业", "退休", "身后事", "开办企业")

_KNOWN = {"code", "name", "aliases", "department", "kind", "theme", "life_events", "levels", "region_codes",
          "max_one_trip", "online_depth", "has_guide", "updated_at", "popularity", "deleted"}


class CatalogueDataError(ValueError):
    """An item from the central service or an import file is malformed; the message names the item and field."""


@dataclass(frozen=True, slots=True)
class CatalogueItem:
    """One service item (事项) as the kiosk shows it. `extra` keeps fields this version does not know."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    department: str = ""
    kind: str = ""
    theme: str = "both"
    life_events: tuple[str, ...] = ()
    levels: tuple[str, ...] = ("county",)
    region_codes: tuple[str, ...] = ()
    max_one_trip: bool = False
    online_depth: str = "none"
    has_guide: bool = False
    updated_at: str = ""
    popularity: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def village(self) -> bool:
        """村上办: the village service point accepts it."""
        return "village" in self.levels

    @property
    def township(self) -> bool:
        """镇上办: the township service centre accepts it."""
        return "township" in self.levels

    @property
    def full_online(self) -> bool:
        """全程网办."""
        return self.online_depth == "full_online"

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = dict(self.extra)
        d.update(code=self.code, name=self.name, aliases=list(self.aliases), department=self.department,
                 kind=self.kind, theme=self.theme, life_events=list(self.life_events), levels=list(self.levels),
                 region_codes=list(self.region_codes), max_one_trip=self.max_one_trip,
                 online_depth=self.online_depth, has_guide=self.has_guide, updated_at=self.updated_at,
                 popularity=self.popularity)
        return d


def _str_list(raw: dict[str, Any], key: str, code: str, allowed: tuple[str, ...] | None = None) -> tuple[str, ...]:
    value = raw.get(key)
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise CatalogueDataError(f"item {code!r}: {key} must be a list of strings, got {type(value).__name__}")
    out: list[str] = []
    for v in value:
        if not isinstance(v, str):
            raise CatalogueDataError(f"item {code!r}: {key} must be a list of strings, found {v!r}")
        v = v.strip()
        if allowed is not None and v not in allowed:
            raise CatalogueDataError(f"item {code!r}: {key} value {v!r} is not one of {', '.join(allowed)}")
        if v and v not in out:
            out.append(v)
    return tuple(out)


def item_from_dict(raw: Any) -> CatalogueItem:
    """Validate one catalogue entry (conventions' field list) into a CatalogueItem."""
    if not isinstance(raw, dict):
        raise CatalogueDataError(f"catalogue entry must be an object, got {type(raw).__name__}")
    code = raw.get("code")
    if not isinstance(code, str) or not code.strip():
        raise CatalogueDataError(f"catalogue entry without a code (a non-empty string): {str(raw)[:80]}")
    code = code.strip()
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CatalogueDataError(f"item {code!r}: name must be a non-empty string")
    theme = raw.get("theme") or "both"
    if theme not in THEMES:
        raise CatalogueDataError(f"item {code!r}: theme {theme!r} is not one of {', '.join(THEMES)}")
    depth = raw.get("online_depth") or "none"
    if depth not in ONLINE_DEPTHS:
        raise CatalogueDataError(f"item {code!r}: online_depth {depth!r} is not one of {', '.join(ONLINE_DEPTHS)}")
    levels = _str_list(raw, "levels", code, LEVELS) or ("county",)
    pop = raw.get("popularity", 0.0)
    if pop is None:
        pop = 0.0
    if isinstance(pop, bool) or not isinstance(pop, (int, float)):
        raise CatalogueDataError(f"item {code!r}: popularity must be a number, got {pop!r}")
    for key in ("max_one_trip", "has_guide"):
        if key in raw and raw[key] is not None and not isinstance(raw[key], bool):
            raise CatalogueDataError(f"item {code!r}: {key} must be true or false, got {raw[key]!r}")
    for key in ("department", "kind", "updated_at"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise CatalogueDataError(f"item {code!r}: {key} must be a string, got {raw[key]!r}")
    return CatalogueItem(
        code=code, name=name.strip(), aliases=_str_list(raw, "aliases", code),
        department=(raw.get("department") or "").strip(), kind=(raw.get("kind") or "").strip(), theme=theme,
        life_events=_str_list(raw, "life_events", code), levels=levels,
        region_codes=tuple(normalise_region(r) for r in _str_list(raw, "region_codes", code)),
        max_one_trip=bool(raw.get("max_one_trip") or False), online_depth=depth,
        has_guide=bool(raw.get("has_guide") or False), updated_at=raw.get("updated_at") or "",
        popularity=float(pop), extra={k: v for k, v in raw.items() if k not in _KNOWN},
    )


def item_from_stored(d: dict[str, Any]) -> CatalogueItem:
    """A CatalogueItem from what `to_dict` stored (validated when it was written): the fast path at start-up."""
    return CatalogueItem(
        code=d["code"], name=d["name"], aliases=tuple(d["aliases"]), department=d["department"], kind=d["kind"],
        theme=d["theme"], life_events=tuple(d["life_events"]), levels=tuple(d["levels"]),
        region_codes=tuple(d["region_codes"]), max_one_trip=d["max_one_trip"], online_depth=d["online_depth"],
        has_guide=d["has_guide"], updated_at=d["updated_at"], popularity=d["popularity"],
        extra={k: v for k, v in d.items() if k not in _KNOWN},
    )


def normalise_region(code: str) -> str:
    """Administrative codes padded to 12 digits (430181000000) compare as their meaningful prefix (430181)."""
    c = code.strip()
    if len(c) == 12 and c.isdigit():
        c = c[:9] if c.endswith("000") else c
        c = c[:6] if len(c) == 9 and c.endswith("000") else c
    if len(c) == 6 and c.isdigit():
        while c.endswith("00") and len(c) > 2:
            c = c[:-2]
    return c


@dataclass(frozen=True, slots=True)
class Site:
    """Where this terminal stands: its region code and level (county / township / village)."""

    region_code: str = ""
    level: str = ""

    @classmethod
    def from_terminal(cls, terminal: Any) -> Site:
        """From kiosk.config's TerminalConfig (region_code, level)."""
        return cls(str(getattr(terminal, "region_code", "") or ""), str(getattr(terminal, "level", "") or ""))

    def offers(self, item: CatalogueItem) -> bool:
        """Whether the item is offered in this site's region (items without region codes: everywhere)."""
        return self.offers_in(item.region_codes)

    def can_do(self, item: CatalogueItem) -> bool:
        """Whether this site's level accepts the item (村上办 at a village site, 镇上办 at a township)."""
        return self.accepts(item.levels, item.region_codes)

    def offers_in(self, region_codes: Sequence[str]) -> bool:
        """Items for a region containing the site (the county, for a village terminal) or inside the site's
        region (a town's items at the county hall); not items of unrelated or sibling regions."""
        if not region_codes or not self.region_code:
            return True
        here = normalise_region(self.region_code)
        return any(here.startswith(r) or r.startswith(here) for r in region_codes)

    def accepts(self, levels: Sequence[str], region_codes: Sequence[str]) -> bool:
        return self.offers_in(region_codes) and (not self.level or self.level in levels)
