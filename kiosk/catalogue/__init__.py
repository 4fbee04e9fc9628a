"""Local catalogue cache and its search (办事指南: find a service, offline).

    store = CatalogueStore(path, site=Site.from_terminal(config.terminal))   # off the GUI thread
    store.apply_changes(page.items, page.etag, full=page.full)              # sync worker thread
    store.search("bdc", limit=20)  -> list[SearchHit]  (hit.item: CatalogueItem, hit.match)
    store.highlight(hit.code, "bdc") -> (start, end) | None   characters of the name to mark
    store.browse(theme="personal", life_event="退休", level="village", max_one_trip=True,
                 online_depth="full_online", here=False) -> list[CatalogueItem]
    store.departments(), store.life_events()  -> [(label, count)] for the browse menus
    store.guide(code) -> Guide | None;  store.put_guide(code, guide_json)

Modules: model (item and site types, validation), terms (pinyin, aliases; the only pypinyin user),
index (sorted-suffix search index, stored as one blob), build (runs terms + index in a child process
at sync time), store (SQLite cache), importer (JSON / TSV files), cli (`kiosk search`,
`kiosk catalogue-import`).
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.catalogue.model import CatalogueDataError, CatalogueItem, Site
    from kiosk.catalogue.store import (
        CatalogueMissing,
        CatalogueStore,
        ChangeSummary,
        Guide,
        SearchHit,
    )

CACHE_NAME = "catalogue.sqlite3"

# Exported lazily, so that `kiosk.catalogue.cli` (imported whenever the command line is built) stays cheap.
_EXPORTS = {"CatalogueDataError": "model", "CatalogueItem": "model", "Site": "model",
            "CatalogueMissing": "store", "CatalogueStore": "store", "ChangeSummary": "store", "Guide": "store",
            "SearchHit": "store"}

__all__ = ["CACHE_NAME", "CatalogueDataError", "CatalogueItem", "CatalogueMissing", "CatalogueStore",
           "ChangeSummary", "Guide", "SearchHit", "Site", "default_path"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f"kiosk.catalogue.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'kiosk.catalogue' has no attribute {name!r}")


def default_path(config: Any) -> Path:
    """<storage.data_dir>/catalogue.sqlite3 for a KioskConfig (platformdirs' data dir when unset)."""
    from kiosk.paths import data_dir

    return data_dir(config) / CACHE_NAME
