"""Incremental catalogue sync: central service -> kiosk.catalogue.CatalogueStore (run on a worker thread).

First sync (empty store): the full list, applied with full=True so items gone from the server go locally.
Later syncs: `?since=<store.since()>` with `If-None-Match: <store.etag()>`; a 304 costs one small request.
Changed items that have a guide get their guide fetched and cached too (offline browsing shows guides).
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any, Protocol

from kiosk.api.errors import ApiError

log = logging.getLogger("kiosk.api.catalogue_sync")


class Store(Protocol):
    def apply_changes(self, items: list[dict[str, Any]], etag: str | None, *, full: bool = False) -> Any: ...
    def etag(self) -> str | None: ...
    def since(self) -> str | None: ...
    def put_guide(self, code: str, guide: dict[str, Any]) -> None: ...
    def is_empty(self) -> bool: ...


@dataclass(frozen=True)
class CatalogueSyncResult:
    not_modified: bool
    full: bool
    received: int
    deleted: int
    guides_fetched: int
    guide_errors: int
    etag: str | None
    seconds: float


def sync_catalogue(client: Any, store: Store, *, prefetch_guides: bool = True) -> CatalogueSyncResult:
    """One sync round. Raises ApiError if the list itself cannot be fetched (the cache stays as it was)."""
    t0 = time.perf_counter()
    since = None if store.is_empty() else store.since()
    etag = store.etag() if since else None
    page = client.catalogue_items(since=since, etag=etag)
    if page.not_modified:
        return CatalogueSyncResult(True, False, 0, 0, 0, 0, page.etag, time.perf_counter() - t0)
    full = since is None or page.full
    store.apply_changes(page.items, page.etag, full=full)
    deleted = sum(1 for i in page.items if i.get("deleted") is True)
    fetched = errors = 0
    if prefetch_guides:
        for item in page.items:
            if item.get("deleted") is True or not item.get("has_guide"):
                continue
            try:
                store.put_guide(item["code"], client.guide(item["code"]).raw)
                fetched += 1
            except ApiError as exc:
                errors += 1
                log.info("guide %s not cached: %s", item.get("code"), exc.code)
    result = CatalogueSyncResult(False, full, len(page.items), deleted, fetched, errors, page.etag,
                                 time.perf_counter() - t0)
    log.info("catalogue sync: %d items (%d deleted), %d guides, full=%s, %.2f s",
             result.received, deleted, fetched, full, result.seconds)
    return result
