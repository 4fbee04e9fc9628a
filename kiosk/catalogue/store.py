"""The local catalogue cache: items, their service guides and the search index in one SQLite file.

One writer (the sync worker calls `apply_changes`); readers use an in-memory snapshot that the writer
swaps atomically, so browsing and searching from the GUI thread never touch the disk or take a lock.
Guides are read from SQLite on demand (small reads). pypinyin is imported only while writing.
"""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Sequence

from kiosk.catalogue.index import STRIDE, SearchIndex, build_index
from kiosk.catalogue.model import (
    LIFE_EVENTS,
    ONLINE_DEPTHS,
    CatalogueDataError,
    CatalogueItem,
    Site,
    item_from_dict,
    item_from_stored,
)
from kiosk.catalogue.terms import TERMS_VERSION, normalise

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS items (code TEXT PRIMARY KEY, data TEXT NOT NULL, updated_at TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS terms (code TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS guides (code TEXT PRIMARY KEY, data TEXT NOT NULL, item_updated_at TEXT NOT NULL,
                                   fetched_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS search_index (id INTEGER PRIMARY KEY CHECK (id = 1), blob BLOB NOT NULL,
                                         built_at TEXT NOT NULL);
"""
SCHEMA_VERSION = "1"


class CatalogueMissing(FileNotFoundError):
    """The cache file does not exist: the terminal has never synced or imported a catalogue."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result for the screens: the item and how it matched (exact/prefix/alias/word/substring/fuzzy)."""

    item: CatalogueItem
    match: str

    @property
    def code(self) -> str:
        return self.item.code

    @property
    def name(self) -> str:
        return self.item.name


@dataclass(frozen=True, slots=True)
class Guide:
    """A cached service guide (the 13 elements as the central service sent them)."""

    code: str
    data: dict[str, Any]
    fetched_at: str
    stale: bool  # the item changed since the guide was fetched: show it, refetch when online


@dataclass(frozen=True, slots=True)
class ChangeSummary:
    upserted: int
    deleted: int
    index_items: int
    terms_computed: int
    seconds: float


class _Snapshot:
    """Immutable view the readers use: items in ranking order, the loaded index, per-site allowed sets."""

    def __init__(self, items: dict[str, CatalogueItem], index: SearchIndex | None) -> None:
        self.by_code = items
        self.index = index
        if index is not None:
            ranked = sorted(items.values(), key=lambda it: (_rank_or_last(index, it.code), it.name))
        else:
            ranked = sorted(items.values(), key=lambda it: (-it.popularity, len(it.name), it.name, it.code))
        self.ordered: tuple[CatalogueItem, ...] = tuple(ranked)
        self._allowed: dict[tuple[str, str, bool], set[int] | None] = {}
        self._lock = threading.Lock()

    def allowed(self, site: Site | None, here: bool) -> set[int] | None:
        """Index ranks of the items this site shows; None when that is every item (the fast path)."""
        if site is None or self.index is None:
            return None
        key = (site.region_code, site.level, here)
        with self._lock:
            if key in self._allowed:
                return self._allowed[key]
        test = site.can_do if here else site.offers
        ranks: set[int] = set()
        for it in self.ordered:
            r = self.index.rank_of(it.code)
            if r is not None and test(it):
                ranks.add(r)
        result = None if len(ranks) == len(self.index) else ranks
        with self._lock:
            self._allowed[key] = result
        return result


def _rank_or_last(index: SearchIndex, code: str) -> int:
    r = index.rank_of(code)
    return STRIDE if r is None else r


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class CatalogueStore:
    """Local catalogue cache at `path` (created if missing unless create=False).

    `site` (the terminal's region code and level) filters what browse and search show: items whose
    region_codes do not cover the site are hidden; `here=True` further keeps what this site's level accepts.
    """

    def __init__(self, path: str | Path, site: Site | None = None, *, create: bool = True) -> None:
        self.path = Path(path)
        self.site = site
        if not self.path.exists():
            if not create:
                raise CatalogueMissing(f"no catalogue cache at {self.path}")
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._write_lock = threading.Lock()
        self._read_lock = threading.Lock()
        self._writer: sqlite3.Connection | None = None
        # Both connections are opened here (construct the store off the GUI thread, or under
        # kiosk.tasks.allow_blocking at start-up), so later reads never connect on the calling thread.
        conn = self._connect()
        with conn:
            conn.executescript(SCHEMA)
            conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
        self._reader = conn
        self._snapshot = self._load_snapshot()

    # ------------------------------------------------------------------------------------------ plumbing
    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10.0, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def _write_conn(self) -> sqlite3.Connection:
        """The writer's connection (caller holds the write lock), opened on the first write's thread."""
        if self._writer is None:
            self._writer = self._connect()
        return self._writer

    def close(self) -> None:
        with self._write_lock, self._read_lock:
            for conn in (self._writer, self._reader):
                if conn is not None:
                    conn.close()
            self._writer = None

    def __enter__(self) -> CatalogueStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _meta(self, key: str, conn: sqlite3.Connection | None = None) -> str | None:
        if conn is not None:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        else:
            with self._read_lock:
                row = self._reader.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def _load_snapshot(self) -> _Snapshot:
        with self._read_lock:
            rows = self._reader.execute("SELECT code, data FROM items").fetchall()
            row = self._reader.execute("SELECT blob FROM search_index WHERE id = 1").fetchone()
        items: dict[str, CatalogueItem] = {}
        for code, data in rows:
            try:
                items[code] = item_from_stored(json.loads(data))
            except (KeyError, TypeError, ValueError) as exc:  # stored by an older version: skip, resync fixes
                log.warning("catalogue: stored item %s unreadable (%s)", code, type(exc).__name__)
        index = None
        if row is not None:
            try:
                index = SearchIndex(bytes(row[0]))
                if index.terms_version != TERMS_VERSION or len(index) != len(items):
                    log.warning("catalogue: search index out of date; plain search until rebuilt")
                    index = None
            except (ValueError, KeyError) as exc:
                log.warning("catalogue: search index unreadable (%s); plain search until rebuilt",
                            type(exc).__name__)
                index = None
        return _Snapshot(items, index)

    # ------------------------------------------------------------------------------------------- writing
    def apply_changes(self, items: Sequence[dict[str, Any]], etag: str | None, *, full: bool = False) -> ChangeSummary:
        """Upsert items and delete those marked "deleted": true, in one transaction, then rebuild the
        search index (pinyin is computed for the changed items only). `full=True`: `items` is the whole
        catalogue, so cached items missing from it are deleted too. Raises CatalogueDataError, leaving the
        cache untouched, when an entry is malformed. Call from a worker thread: it may take a second."""
        t0 = time.perf_counter()
        upserts: dict[str, tuple[CatalogueItem, dict[str, Any]]] = {}
        deletes: set[str] = set()
        newest = ""
        for raw in items:
            if isinstance(raw, dict) and raw.get("deleted") is True:
                code = raw.get("code")
                if not isinstance(code, str) or not code.strip():
                    raise CatalogueDataError(f"deleted entry without a code: {str(raw)[:80]}")
                deletes.add(code.strip())
                upserts.pop(code.strip(), None)
                newest = max(newest, str(raw.get("updated_at") or ""))
                continue
            item = item_from_dict(raw)
            upserts[item.code] = (item, raw)
            deletes.discard(item.code)
            newest = max(newest, item.updated_at)
        if full:
            deletes |= set(self._snapshot.by_code) - set(upserts)
        with self._write_lock:
            conn = self._write_conn()
            stale_terms = self._stale_term_codes(conn, set(upserts))
            from kiosk.catalogue.terms import compute_terms  # the only place pypinyin gets imported

            fresh_terms: dict[str, dict[str, Any]] = {}
            for code, (item, _) in upserts.items():
                fresh_terms[code] = compute_terms(item.to_dict())
            current = self._snapshot.by_code
            for code in stale_terms - set(upserts) - deletes:
                if code in current:
                    fresh_terms[code] = compute_terms(current[code].to_dict())
            changed = bool(upserts or deletes or stale_terms)
            conn.execute("BEGIN IMMEDIATE")
            try:
                for code, (item, _raw) in upserts.items():
                    data = json.dumps(item.to_dict(), ensure_ascii=False, separators=(",", ":"))
                    conn.execute("INSERT INTO items(code, data, updated_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT(code) DO UPDATE SET data = excluded.data, "
                                 "updated_at = excluded.updated_at", (code, data, item.updated_at))
                for code in deletes:
                    conn.execute("DELETE FROM items WHERE code = ?", (code,))
                    conn.execute("DELETE FROM terms WHERE code = ?", (code,))
                    conn.execute("DELETE FROM guides WHERE code = ?", (code,))
                for code, t in fresh_terms.items():
                    conn.execute("INSERT OR REPLACE INTO terms(code, version, data) VALUES (?, ?, ?)",
                                 (code, TERMS_VERSION, json.dumps(t, ensure_ascii=False, separators=(",", ":"))))
                index_items = 0
                if changed or self._snapshot.index is None:
                    index_items = self._rebuild_index_blob(conn)
                conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('etag', ?)", (etag,))
                conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('synced_at', ?)", (_now(),))
                if newest:
                    old = self._meta("since", conn) or ""
                    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('since', ?)",
                                 (max(old, newest),))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            if changed or self._snapshot.index is None:
                self._snapshot = self._load_snapshot()
        return ChangeSummary(len(upserts), len(deletes), index_items, len(fresh_terms), time.perf_counter() - t0)

    def _stale_term_codes(self, conn: sqlite3.Connection, exclude: set[str]) -> set[str]:
        """Items whose stored terms are missing or from an older terms version (a software update)."""
        have = {c for (c,) in conn.execute("SELECT code FROM terms WHERE version = ?", (TERMS_VERSION,))}
        return {c for (c,) in conn.execute("SELECT code FROM items")} - have - exclude

    def _rebuild_index_blob(self, conn: sqlite3.Connection) -> int:
        rows = conn.execute("SELECT i.data, t.data FROM items i JOIN terms t ON t.code = i.code").fetchall()
        entries = [(json.loads(a), json.loads(b)) for a, b in rows]
        blob = build_index(entries)
        conn.execute("INSERT OR REPLACE INTO search_index(id, blob, built_at) VALUES (1, ?, ?)", (blob, _now()))
        return len(entries)

    def rebuild_index(self) -> ChangeSummary:
        """Recompute stale terms and the index without new items (after a software update). Worker thread."""
        return self.apply_changes([], self.etag())

    def put_guide(self, code: str, guide: dict[str, Any]) -> None:
        """Cache a guide fetched from the central service for offline use."""
        item = self._snapshot.by_code.get(code)
        if item is None:
            raise KeyError(f"no catalogue item {code!r} to attach a guide to")
        with self._write_lock:
            conn = self._write_conn()
            with conn:
                conn.execute("INSERT OR REPLACE INTO guides(code, data, item_updated_at, fetched_at) "
                             "VALUES (?, ?, ?, ?)",
                             (code, json.dumps(guide, ensure_ascii=False), item.updated_at, _now()))

    # ------------------------------------------------------------------------------------------- reading
    def etag(self) -> str | None:
        """ETag of the last sync, for If-None-Match."""
        return self._meta("etag")

    def since(self) -> str | None:
        """Newest updated_at seen, for ?since= on the next incremental sync."""
        return self._meta("since")

    def synced_at(self) -> str | None:
        return self._meta("synced_at")

    def __len__(self) -> int:
        return len(self._snapshot.by_code)

    def is_empty(self) -> bool:
        return not self._snapshot.by_code

    @property
    def index_ready(self) -> bool:
        """False until a sync has built the pinyin index (search then matches hanzi only)."""
        return self._snapshot.index is not None

    def items(self) -> list[CatalogueItem]:
        """Every cached item, most wanted first."""
        return list(self._snapshot.ordered)

    def get(self, code: str) -> CatalogueItem | None:
        return self._snapshot.by_code.get(code)

    def guide(self, code: str) -> Guide | None:
        """The cached guide, or None when it was never fetched."""
        with self._read_lock:
            row = self._reader.execute("SELECT data, item_updated_at, fetched_at FROM guides WHERE code = ?",
                                       (code,)).fetchone()
        if row is None:
            return None
        item = self._snapshot.by_code.get(code)
        stale = item is None or item.updated_at != row[1]
        return Guide(code, json.loads(row[0]), row[2], stale)

    def _visible(self, here: bool) -> Iterable[CatalogueItem]:
        site = self.site
        if site is None:
            return self._snapshot.ordered
        test = site.can_do if here else site.offers
        return (it for it in self._snapshot.ordered if test(it))

    def browse(self, *, theme: str | None = None, department: str | None = None, life_event: str | None = None,
               level: str | None = None, max_one_trip: bool | None = None, online_depth: str | None = None,
               here: bool = False) -> list[CatalogueItem]:
        """Items offered at this site matching every given filter, most wanted first.

        theme "personal"/"legal" (items for both count for each); level "village" (村上办) /
        "township" (镇上办) / "county"; online_depth is a minimum ("full_online" = 全程网办);
        here=True keeps what this site's own level accepts."""
        if theme is not None and theme not in ("personal", "legal"):
            raise ValueError(f"theme {theme!r} is not one of personal, legal")
        if online_depth is not None and online_depth not in ONLINE_DEPTHS:
            raise ValueError(f"online_depth {online_depth!r} is not one of {', '.join(ONLINE_DEPTHS)}")
        min_depth = ONLINE_DEPTHS.index(online_depth) if online_depth else 0
        out = []
        for it in self._visible(here):
            if theme is not None and it.theme not in (theme, "both"):
                continue
            if department is not None and it.department != department:
                continue
            if life_event is not None and life_event not in it.life_events:
                continue
            if level is not None and level not in it.levels:
                continue
            if max_one_trip is not None and it.max_one_trip != max_one_trip:
                continue
            if min_depth and ONLINE_DEPTHS.index(it.online_depth) < min_depth:
                continue
            out.append(it)
        return out

    def departments(self, here: bool = False) -> list[tuple[str, int]]:
        """(department, item count) offered at this site, largest first, for the browse menu."""
        counts: dict[str, int] = {}
        for it in self._visible(here):
            if it.department:
                counts[it.department] = counts.get(it.department, 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def life_events(self, here: bool = False) -> list[tuple[str, int]]:
        """(life event, item count): the standard ones first in their order, then the rest."""
        counts: dict[str, int] = {}
        for it in self._visible(here):
            for ev in it.life_events:
                counts[ev] = counts.get(ev, 0) + 1

        def key(kv: tuple[str, int]) -> tuple[int, int, str]:
            return (LIFE_EVENTS.index(kv[0]) if kv[0] in LIFE_EVENTS else len(LIFE_EVENTS), -kv[1], kv[0])
        return sorted(counts.items(), key=key)

    def search(self, query: str, limit: int = 20, *, here: bool = False) -> list[SearchHit]:
        """Ranked items for what the citizen typed so far (hanzi, pinyin, initials, short names).
        Cheap enough to call on every keystroke from the GUI thread; never raises on any string."""
        snap = self._snapshot
        if snap.index is None:
            return self._plain_search(snap, query, limit, here)
        out: list[SearchHit] = []
        for m in snap.index.search(query, limit, snap.allowed(self.site, here)):
            item = snap.by_code.get(m.code)
            if item is not None:
                out.append(SearchHit(item, m.kind))
        return out

    def _plain_search(self, snap: _Snapshot, query: str, limit: int, here: bool) -> list[SearchHit]:
        """Hanzi substring search for a cache whose index is not built yet (no pypinyin at start-up)."""
        q = normalise(query).strip() if isinstance(query, str) else ""
        if not q or limit <= 0:
            return []
        hits: list[tuple[int, int, SearchHit]] = []
        for pos, it in enumerate(self._visible(here)):
            name = normalise(it.name)
            at = name.find(q)
            if at == 0:
                hits.append((0 if name == q else 1, pos, SearchHit(it, "exact" if name == q else "prefix")))
            elif at > 0:
                hits.append((4, pos, SearchHit(it, "substring")))
            elif any(normalise(a).startswith(q) for a in it.aliases):
                hits.append((2, pos, SearchHit(it, "alias")))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [h[2] for h in hits[:limit]]
