"""Catalogue sync from the real server into the real kiosk.catalogue.CatalogueStore."""
from __future__ import annotations

from pathlib import Path

import requests
from api_support import CentralProcess

from kiosk.api.catalogue_sync import sync_catalogue
from kiosk.api.client import CentralClient
from kiosk.catalogue.store import CatalogueStore


def test_full_then_incremental_then_not_modified(central: CentralProcess, client: CentralClient,
                                                 tmp_path: Path) -> None:
    with CatalogueStore(tmp_path / "catalogue.sqlite3") as store:
        first = sync_catalogue(client, store)
        assert first.full and not first.not_modified and first.received >= 1500
        live = [i for i in client.catalogue_items().items if not i.get("deleted")]
        assert len(store) == len(live)
        with_guide = [i["code"] for i in live if i["has_guide"]]
        assert first.guides_fetched == len(with_guide) >= 40 and first.guide_errors == 0
        cached = store.guide(with_guide[0])
        assert cached is not None and not cached.stale and len(cached.data["elements"]) == 13
        assert store.search("社保") or store.search("医保")

        # nothing changed: an incremental round trip, then a bare 304
        second = sync_catalogue(client, store)
        assert not second.full and second.received == 0
        third = sync_catalogue(client, store)
        assert third.not_modified

        # the office renames one item and withdraws another: only those two come back
        no_guide = [i["code"] for i in live if not i["has_guide"]]
        renamed, withdrawn = no_guide[-1], no_guide[-2]
        r = requests.patch(f"{central.url}/api/v1/office/catalogue/items/{renamed}", headers=central.admin(),
                           json={"name": "测试改名事项", "aliases": ["改名"]}, timeout=10)
        assert r.status_code == 204, r.text
        r = requests.patch(f"{central.url}/api/v1/office/catalogue/items/{withdrawn}", headers=central.admin(),
                           json={"deleted": True}, timeout=10)
        assert r.status_code == 204, r.text
        fourth = sync_catalogue(client, store)
        assert not fourth.full and fourth.received == 2 and fourth.deleted == 1
        item = store.get(renamed)
        assert item is not None and item.name == "测试改名事项"
        assert store.get(withdrawn) is None
        assert len(store) == len(live) - 1
        fifth = sync_catalogue(client, store)  # new `since`, so a new ETag: one empty page
        assert fifth.received == 0 and not fifth.not_modified
        assert sync_catalogue(client, store).not_modified
