"""The local catalogue cache: items, their service guides and the search index in one SQLite file.

One writer (the sync worker calls `apply_changes`); readers use an in-memory snapshot that the writer
swaps atomically, so browsing and searching from the GUI thread never touch the disk or take a lock.
Guides are read from SQLite on demand (small reads). Pinyin and the search index are computed in a
short-lived child process during apply_changes (build.py), so pypinyin never loads into the kiosk.
"""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from kiosk.catalogue.build import build
from kiosk.catalogue.index import STRIDE, SearchIndex
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
-- every item as one JSON array in ranking order, written with the index: start-up reads one row
CREATE TABLE IF NOT EXISTS snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), items TEXT NOT NULL);
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
    index_items: int  # items in the rebuilt index (0: the index was kept as it was)
    terms_computed: int  # items whose pinyin was computed
    seconds: float
    isolated: bool = False  # the index was built in a child process


class _Snapshot:
    """Immutable view the readers use: items in ranking order (as stored dicts, turned into CatalogueItem
    objects when first asked for, which keeps start-up short), the loaded index, per-site allowed sets."""

    def __init__(self, dicts: list[dict[str, Any]], index: SearchIndex | None) -> None:
        self.dicts = dicts
        self.pos = {d["code"]: i for i, d in enumerate(dicts)}
        self.index = index
        self._items: list[CatalogueItem | None] = [None] * len(dicts)
        self._allowed: dict[tuple[str, str, bool], set[int] | None] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.dicts)

    def item(self, i: int) -> CatalogueItem:
        it = self._items[i]
        if it is None:  # two readers may build the same item at once: equal objects, no harm
            it = self._items[i] = item_from_stored(self.dicts[i])
        return it

    def get(self, code: str) -> CatalogueItem | None:
        i = self.pos.get(code)
        return None if i is None else self.item(i)

    def all(self) -> list[CatalogueItem]:
        return [self.item(i) for i in range(len(self.dicts))]

    def visible(self, site: Site | None, here: bool) -> list[int]:
        """Positions of the items a site shows: offered in its region; with here=True, at its level."""
        if site is None:
            return list(range(len(self.dicts)))
        if here:
            return [i for i, d in enumerate(self.dicts) if site.accepts(d["levels"], d["region_codes"])]
        return [i for i, d in enumerate(self.dicts) if site.offers_in(d["region_codes"])]

    def allowed(self, site: Site | None, here: bool) -> set[int] | None:
        """Index ranks of the items this site shows; None when that is every item (the fast path)."""
        if site is None or self.index is None:
            return None
        key = (site.region_code, site.level, here)
        with self._lock:
            if key in self._allowed:
                return self._allowed[key]
        ranks: set[int] = set()
        for i in self.visible(site, here):
            r = self.index.rank_of(self.dicts[i]["code"])
            if r is not None:
                ranks.add(r)
        result = None if len(ranks) == len(self.index) else ranks
        with self._lock:
            self._allowed[key] = result
        return result


def _index_key(item: CatalogueItem | None) -> tuple[str, tuple[str, ...], float] | None:
    """What the search index depends on: a change in anything else keeps the index as it is."""
    return None if item is None else (item.name, item.aliases, item.popularity)


def _rank_or_last(index: SearchIndex, code: str) -> int:
    r = index.rank_of(code)
    return STRIDE if r is None else r


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _dump_list(dicts: list[dict[str, Any]], chunk: int = 250) -> str:
    """JSON array of the dicts, encoded a few hundred at a time: one json.dumps call over 5,000 items
    would hold the GIL for tens of milliseconds while the GUI thread waits."""
    parts = [json.dumps(dicts[i:i + chunk], ensure_ascii=False, separators=(",", ":"))[1:-1]
             for i in range(0, len(dicts), chunk)]
    return "[" + ",".join(p for p in parts if p) + "]"


def _later(a: str, b: str) -> str:
    """The later of two ISO-8601 times as sent (compared as instants when both parse, else as text)."""
    if not a or not b:
        return a or b
    try:
        ta, tb = datetime.fromisoformat(a), datetime.fromisoformat(b)
        if (ta.tzinfo is None) == (tb.tzinfo is None):
            return b if tb > ta else a
    except ValueError:
        pass
    return max(a, b)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class CatalogueStore:
    """Local catalogue cache at `path` (created if missing unless create=False).

    `site` (the terminal's region code and level) filters what browse and search show: items of unrelated
    regions are hidden (see Site.offers_in); `here=True` further keeps what this site's level accepts.
    Construct it off the GUI thread (it opens SQLite); then search/browse/get are in-memory and cheap.
    """

    def __init__(self, path: str | Path, site: Site | None = None, *, create: bool = True,
                 isolate_build: bool = True) -> None:
        self.path = Path(path)
        self.site = site
        self.isolate_build = isolate_build  # build the index in a child process (see build.py)
        if not self.path.exists():
            if not create:
                raise CatalogueMissing(f"no catalogue cache at {self.path}")
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._write_lock = threading.Lock()
        self._read_lock = threading.Lock()
        # The reader connection is opened here (construct the store off the GUI thread, or under
        # kiosk.tasks.allow_blocking at start-up), so later reads never connect on the calling thread;
        # a writer's connection is opened for each write, on the writer's thread (_writing).
        try:
            self._reader = self._open_reader()
            self._snapshot = self._load_snapshot()
        except sqlite3.DatabaseError as exc:
            if not create or isinstance(exc, sqlite3.OperationalError):  # locked, unreadable dir: not ours to fix
                raise
            aside = self._move_aside()
            log.error("catalogue: cache file damaged (%s), moved to %s; empty until the next sync", exc, aside.name)
            self._reader = self._open_reader()
            self._snapshot = self._load_snapshot()

    def _open_reader(self) -> sqlite3.Connection:
        conn = self._connect()
        try:
            with conn:
                conn.executescript(SCHEMA)
                conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
        except BaseException:
            conn.close()
            raise
        return conn

    def _move_aside(self) -> Path:
        """Keep a damaged cache file for inspection and make room for a new one (a sync refills it)."""
        aside = self.path.with_name(f"{self.path.name}.damaged-{datetime.now(UTC):%Y%m%dT%H%M%SZ}")
        self.path.replace(aside)
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                side.replace(aside.with_name(aside.name + suffix))
        return aside

    # ------------------------------------------------------------------------------------------ plumbing
    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10.0, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """A connection for one write, closed after it (caller holds the write lock). Writes come minutes or
        hours apart, and a connection kept open between them kept what the last one left: SQLite's page
        cache, full after a sync (2 MB), and its cached statements' bound values, which sqlite3_reset does not
        clear: the 1.1 MB search index and 0.5 MB snapshot (sqlite3_db_status, measured in a soak)."""
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()

    def close(self) -> None:
        with self._write_lock, self._read_lock:
            self._reader.close()

    def __enter__(self) -> Self:
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
            row = self._reader.execute("SELECT blob FROM search_index WHERE id = 1").fetchone()
            snap = self._reader.execute("SELECT items FROM snapshot WHERE id = 1").fetchone()
            count = self._reader.execute("SELECT count(*) FROM items").fetchone()[0]
        index = None
        if row is not None:
            try:
                index = SearchIndex(bytes(row[0]))
                if index.terms_version != TERMS_VERSION or len(index) != count:
                    log.warning("catalogue: search index out of date; plain search until rebuilt")
                    index = None
            except (ValueError, KeyError) as exc:
                log.warning("catalogue: search index unreadable (%s); plain search until rebuilt",
                            type(exc).__name__)
                index = None
        dicts: list[dict[str, Any]] | None = None
        if snap is not None and index is not None:  # the fast path: one JSON document in ranking order
            try:
                dicts = json.loads(snap[0])
                if not isinstance(dicts, list) or [d.get("code") for d in dicts] != index.codes:
                    dicts = None
            except (TypeError, ValueError, AttributeError):
                dicts = None
        if dicts is None:
            dicts = self._read_items_one_by_one(index)
        return _Snapshot(dicts, index)

    def _read_items_one_by_one(self, index: SearchIndex | None) -> list[dict[str, Any]]:
        """Every valid stored item, ranked by the index when there is one (the slow path)."""
        with self._read_lock:
            rows = self._reader.execute("SELECT code, data FROM items").fetchall()
        dicts = []
        for code, data in rows:
            try:
                d = json.loads(data)
                item_from_stored(d)  # check it now: later readers must not fail
                dicts.append(d)
            except (KeyError, TypeError, ValueError) as exc:  # stored by an older version: resync fixes
                log.warning("catalogue: stored item %s unreadable (%s)", code, type(exc).__name__)
        if index is not None:
            dicts.sort(key=lambda d: (_rank_or_last(index, d["code"]), d["name"]))
        else:
            dicts.sort(key=lambda d: (-d["popularity"], len(d["name"]), d["name"], d["code"]))
        return dicts

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
                newest = _later(newest, str(raw.get("updated_at") or ""))
                continue
            item = item_from_dict(raw)
            upserts[item.code] = (item, raw)
            deletes.discard(item.code)
            newest = _later(newest, item.updated_at)
        if full:
            deletes |= set(self._snapshot.pos) - set(upserts)
        with self._write_lock, self._writing() as conn:
            snapshot = self._snapshot
            term_rows: dict[str, str] = dict(conn.execute("SELECT code, data FROM terms WHERE version = ?",
                                                          (TERMS_VERSION,)).fetchall())
            stored = {c for (c,) in conn.execute("SELECT code FROM items")}
            # rows the snapshot could not read (written by another version) go; a full sync restores them
            gone = ({c for c in deletes if c in stored} | (stored - set(snapshot.pos))) - set(upserts)
            final = {d["code"]: d for d in snapshot.dicts if d["code"] not in gone}
            for code, (item, _raw) in upserts.items():
                final[code] = item.to_dict()
            # pinyin only for items that are new, renamed, re-aliased, or whose stored terms are outdated
            need = [d for c, d in final.items() if c not in term_rows
                    or (c in upserts and _index_key(snapshot.get(c)) != _index_key(upserts[c][0]))]
            reindex = bool(gone or need) or (snapshot.index is None and bool(final))
            result = None
            if reindex:  # before the transaction: the long part, in a child process (build.py)
                need_codes = {d["code"] for d in need}
                result = build(need, [(d, term_rows[c]) for c, d in final.items() if c not in need_codes],
                               isolate=self.isolate_build)
            fresh: _Snapshot | None = None
            conn.execute("BEGIN IMMEDIATE")
            try:
                for code, (item, _raw) in upserts.items():
                    conn.execute("INSERT INTO items(code, data, updated_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT(code) DO UPDATE SET data = excluded.data, "
                                 "updated_at = excluded.updated_at", (code, _dump(final[code]), item.updated_at))
                for code in gone:
                    conn.execute("DELETE FROM items WHERE code = ?", (code,))
                    conn.execute("DELETE FROM terms WHERE code = ?", (code,))
                    conn.execute("DELETE FROM guides WHERE code = ?", (code,))
                if result is not None:
                    for code, t in result.fresh_terms.items():
                        conn.execute("INSERT OR REPLACE INTO terms(code, version, data) VALUES (?, ?, ?)",
                                     (code, TERMS_VERSION, _dump(t)))
                    conn.execute("INSERT OR REPLACE INTO search_index(id, blob, built_at) VALUES (1, ?, ?)",
                                 (result.blob, _now()))
                    index = SearchIndex(result.blob)
                    ordered = [final[c] for c in index.codes]
                    conn.execute("INSERT OR REPLACE INTO snapshot(id, items) VALUES (1, ?)", (_dump_list(ordered),))
                    fresh = _Snapshot(ordered, index)
                elif upserts:  # only fields search does not use changed: same index and ranking
                    ordered = [final[d["code"]] for d in snapshot.dicts]
                    conn.execute("INSERT OR REPLACE INTO snapshot(id, items) VALUES (1, ?)", (_dump_list(ordered),))
                    fresh = _Snapshot(ordered, snapshot.index)
                conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('etag', ?)", (etag,))
                conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('synced_at', ?)", (_now(),))
                if newest:
                    old = self._meta("since", conn) or ""
                    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('since', ?)",
                                 (_later(old, newest),))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            if fresh is not None:
                self._snapshot = fresh  # readers switch to it atomically
        return ChangeSummary(len(upserts), len(gone), len(final) if reindex else 0, len(need),
                             time.perf_counter() - t0, result is not None and result.isolated)

    def rebuild_index(self) -> ChangeSummary:
        """Recompute stale terms and the index without new items (after a software update). Worker thread."""
        return self.apply_changes([], self.etag())

    def put_guide(self, code: str, guide: dict[str, Any]) -> None:
        """Cache a guide fetched from the central service for offline use."""
        item = self._snapshot.get(code)
        if item is None:
            raise KeyError(f"no catalogue item {code!r} to attach a guide to")
        with self._write_lock, self._writing() as conn, conn:
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
        return len(self._snapshot)

    def is_empty(self) -> bool:
        return len(self._snapshot) == 0

    @property
    def index_ready(self) -> bool:
        """False until a sync has built the pinyin index (search then matches hanzi only)."""
        return self._snapshot.index is not None

    def items(self) -> list[CatalogueItem]:
        """Every cached item, most wanted first."""
        return self._snapshot.all()

    def get(self, code: str) -> CatalogueItem | None:
        return self._snapshot.get(code)

    def guide(self, code: str) -> Guide | None:
        """The cached guide, or None when it was never fetched."""
        with self._read_lock:
            row = self._reader.execute("SELECT data, item_updated_at, fetched_at FROM guides WHERE code = ?",
                                       (code,)).fetchone()
        if row is None:
            return None
        item = self._snapshot.get(code)
        stale = item is None or item.updated_at != row[1]
        return Guide(code, json.loads(row[0]), row[2], stale)

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
        snap = self._snapshot
        out = []
        for i in snap.visible(self.site, here):
            d = snap.dicts[i]
            if theme is not None and d["theme"] not in (theme, "both"):
                continue
            if department is not None and d["department"] != department:
                continue
            if life_event is not None and life_event not in d["life_events"]:
                continue
            if level is not None and level not in d["levels"]:
                continue
            if max_one_trip is not None and d["max_one_trip"] != max_one_trip:
                continue
            if min_depth and ONLINE_DEPTHS.index(d["online_depth"]) < min_depth:
                continue
            out.append(snap.item(i))
        return out

    def departments(self, here: bool = False) -> list[tuple[str, int]]:
        """(department, item count) offered at this site, largest first, for the browse menu."""
        snap = self._snapshot
        counts: dict[str, int] = {}
        for i in snap.visible(self.site, here):
            dep = snap.dicts[i]["department"]
            if dep:
                counts[dep] = counts.get(dep, 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def life_events(self, here: bool = False) -> list[tuple[str, int]]:
        """(life event, item count): the standard ones first in their order, then the rest."""
        snap = self._snapshot
        counts: dict[str, int] = {}
        for i in snap.visible(self.site, here):
            for ev in snap.dicts[i]["life_events"]:
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
            item = snap.get(m.code)
            if item is not None:
                out.append(SearchHit(item, m.kind))
        return out

    def highlight(self, code: str, query: str) -> tuple[int, int] | None:
        """[start, end) of the characters of the item's name that `query` matched, to highlight a result
        row (hanzi, pinyin or initials); None for matches through an alias. Call it for visible rows only."""
        snap = self._snapshot
        if snap.index is None:
            item = snap.get(code)
            q = normalise(query).strip() if isinstance(query, str) else ""
            at = normalise(item.name).find(q) if item is not None and q else -1
            return (at, at + len(q)) if at >= 0 else None
        return snap.index.span(code, query)

    def _plain_search(self, snap: _Snapshot, query: str, limit: int, here: bool) -> list[SearchHit]:
        """Hanzi substring search for a cache whose index is not built yet (no pypinyin at start-up)."""
        q = normalise(query).strip() if isinstance(query, str) else ""
        if not q or limit <= 0:
            return []
        hits: list[tuple[int, int, str]] = []
        for i in snap.visible(self.site, here):
            d = snap.dicts[i]
            name = normalise(d["name"])
            at = name.find(q)
            if at == 0:
                hits.append((0, i, "exact") if name == q else (1, i, "prefix"))
            elif any(normalise(a).startswith(q) for a in d["aliases"]):
                hits.append((2, i, "alias"))
            elif at > 0:
                hits.append((4, i, "substring"))
        hits.sort()
        return [SearchHit(snap.item(i), kind) for _, i, kind in hits[:limit]]
