"""The local outbox: nothing the citizen submitted is lost, and every record reaches the server once.

* SQLite in WAL mode with synchronous=FULL and secure_delete=ON; one writer thread owns the connection
  (every call is a job on that thread, so callers never share a connection across threads).
* enqueue() returns only after COMMIT: the GUI may say "已保存" and print the receipt when it returns.
* Each record is born with its idempotency key (uuid4, reused for every retry and after reboots) and a short
  local reference for the receipt, "LY-JL-0012-KXPM-20261126-0007": the prefix (the terminal id), a random
  4-letter tag of this outbox database, the day and the number of the day. The tag is drawn once when the
  database is created and kept in it, so a reinstalled terminal (or two terminals configured with the same
  id) does not print a reference that an earlier installation already printed.
* The whole payload is personal data, so all of it is sealed (AES-GCM via crypto.RecordCipher, fresh nonce,
  idempotency key as associated data). What stays in clear: kind, times, state, error codes, references.
  An optional keyed hash of the applicant's ID number lets "my cases" list this citizen's queued records.
* After the server acknowledges a record, the sealed payload and the owner hash are dropped
  (secure_delete zeroes them in the page) and the WAL is checkpointed (TRUNCATE); the row keeps only the
  mapping local reference -> real case number, purged after `keep_acked_days`.
* Disk full / I/O error -> StorageError after a rollback, never a half-written record.
"""
from __future__ import annotations

import json
import logging
import os
import queue
import re
import secrets
import sqlite3
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Self, TypeVar

from kiosk.api import crypto
from kiosk.api.errors_storage import KeyFileError, StorageError
from kiosk.api.keyfile import load_or_create_key

__all__ = ["KINDS", "LOCAL_REF_RE", "KeyFileError", "Outbox", "OutboxRecord", "PendingItem", "StorageError",
           "format_local_ref"]

log = logging.getLogger("kiosk.api.outbox")

KINDS = ("case", "evaluation", "help_request")
OUTBOX_FILE = "outbox.sqlite3"
PENDING, SENT, FAILED = "pending", "sent", "failed"
PAGE_CACHE_KIB = 256

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    local_ref       TEXT NOT NULL UNIQUE,
    idem_key        TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    state           TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    alg             TEXT,
    payload         BLOB,
    owner_hash      TEXT,
    remote_ref      TEXT,
    done_at         TEXT
);
CREATE INDEX IF NOT EXISTS outbox_state ON outbox(state, seq);
CREATE INDEX IF NOT EXISTS outbox_owner ON outbox(owner_hash);
CREATE TABLE IF NOT EXISTS ref_counter (day TEXT PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

#: Letters of the installation tag: no I/O (1/0), B (8), S (5), Z (2), L: unambiguous when read aloud or typed.
TAG_ALPHABET = "ACDEFGHJKMNPQRTUVWXY"
TAG_LENGTH = 4
#: A local reference: <prefix (terminal id)>-<installation tag>-<YYYYMMDD>-<daily number>.
LOCAL_REF_RE = re.compile(rf"([A-Z0-9][A-Z0-9-]{{0,39}})-([{TAG_ALPHABET}]{{{TAG_LENGTH}}})-([0-9]{{8}})-([0-9]{{4,}})")


def new_install_tag() -> str:
    """A random tag for one outbox database (20**4 = 160,000 values)."""
    return "".join(secrets.choice(TAG_ALPHABET) for _ in range(TAG_LENGTH))


def format_local_ref(prefix: str, tag: str, day: str, n: int) -> str:
    """"LY-JL-0012-KXPM-20261126-0007": terminal, installation, day, number of the day."""
    return f"{prefix}-{tag}-{day}-{n:04d}"

# SQLite primary result codes that mean "the storage itself is failing".
_STORAGE_CODES = {8: "read_only", 10: "io_error", 11: "corrupt", 13: "disk_full", 14: "cant_open", 26: "not_a_db"}

T = TypeVar("T")


@dataclass(frozen=True)
class OutboxRecord:
    """Non-personal view of one record (safe to show, log by local_ref, or report in health)."""

    seq: int
    local_ref: str
    idempotency_key: str
    kind: str
    created_at: datetime
    state: str
    attempts: int
    last_error: str | None
    remote_ref: str | None

    @property
    def synced(self) -> bool:
        return self.state == SENT


@dataclass(frozen=True)
class PendingItem:
    """A record plus its decrypted payload, handed to the sync worker only."""

    record: OutboxRecord
    payload: dict[str, Any] = field(repr=False)  # personal: never in a repr, a log line or a traceback


def _storage_error(exc: BaseException) -> StorageError:
    if isinstance(exc, sqlite3.Error):
        primary = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        code = _STORAGE_CODES.get(primary, "storage_error")
        msg = {
            "disk_full": "the disk holding the outbox is full",
            "io_error": "the disk holding the outbox reported an I/O error",
        }.get(code, f"the outbox database failed ({getattr(exc, 'sqlite_errorname', type(exc).__name__)})")
        return StorageError(msg, code=code)
    if isinstance(exc, OSError):
        return StorageError(f"the outbox storage failed: {exc.strerror or type(exc).__name__}", code="io_error")
    return StorageError(f"the outbox failed: {type(exc).__name__}")


class Outbox:
    """The queue of submissions waiting for the central service. Thread-safe; one writer thread inside."""

    def __init__(
        self,
        db_path: str | os.PathLike[str],
        key_file: str | os.PathLike[str],
        *,
        ref_prefix: str = "LY",
        keep_acked_days: int = 90,
        on_storage_error: Callable[[StorageError], None] | None = None,
        now: Callable[[], datetime] = lambda: datetime.now().astimezone(),
    ) -> None:
        self.db_path = Path(db_path).expanduser().absolute()
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]{0,39}", ref_prefix or ""):
            raise ValueError(f"ref_prefix {ref_prefix!r} must be letters, digits and '-' (e.g. 'LY-JL-0012')")
        self.ref_prefix = ref_prefix.upper()
        self.install_tag = ""  # set when the database is opened (kept in it: a new database, a new tag)
        self._now = now
        self._keep_acked_days = keep_acked_days
        self._purged_on: date | None = None  # the writer thread's: the day of the last purge
        self._on_storage_error = on_storage_error
        try:
            self.db_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise _storage_error(exc) from exc
        key = load_or_create_key(Path(key_file), self.db_path.parent)
        self._cipher = crypto.RecordCipher(key)
        self._owner_key = key  # keyed hash of the owner's ID number; never leaves this object
        self._jobs: queue.SimpleQueue[tuple[Callable[[sqlite3.Connection], Any], Future[Any]] | None] = queue.SimpleQueue()
        self._closed = False
        self._listeners: list[Callable[[OutboxRecord], None]] = []
        self._storage_handlers: list[Callable[[StorageError], None]] = []
        self._stats_lock = threading.Lock()
        self._depth = 0
        self._oldest: datetime | None = None
        self._thread = threading.Thread(target=self._writer_loop, name="outbox-writer", daemon=True)
        self._ready: Future[None] = Future()
        self._thread.start()
        self._ready.result()  # raises StorageError if the database cannot be opened
        self._call(self._purge_acked)

    @classmethod
    def from_config(cls, config: Any, **kwargs: Any) -> Outbox:
        """Build from KioskConfig: <data_dir>/outbox.sqlite3, key from [storage] key_file (kiosk.paths).

        The local reference starts with the terminal id ("LY-JL-0012-KXPM-20261126-0007"), so references from
        different terminals never collide on the server (it stores them with the case) or at the counter; the
        installation tag keeps a reinstalled terminal from repeating its earlier references."""
        from kiosk.paths import data_dir, key_file

        prefix = config.terminal.id or "LY"
        return cls(data_dir(config) / OUTBOX_FILE, key_file(config), ref_prefix=prefix, **kwargs)

    # ---- the writer thread -------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        new = not self.db_path.exists()
        conn = sqlite3.connect(self.db_path, isolation_level=None, check_same_thread=True, timeout=30)
        if new and os.name != "nt":
            os.chmod(self.db_path, 0o600)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("PRAGMA foreign_keys=ON")
        # The acknowledged rows kept for keep_acked_days (at 450 a day, 40,000 rows) are read one local
        # reference at a time, yet SQLite's default page cache (2 MB a connection) kept every page they touched:
        # in a soak it grew about 0.5 MB per 1,000 citizens up to that bound, three quarters of the growth of
        # malloc's bytes in use (sqlite3_db_status, sqlite3_memory_used).
        # The writes' hot pages fit in 256 KB, and a miss is a read from the OS's page cache.
        conn.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
        conn.executescript(_SCHEMA)
        conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES('install_tag', ?)", (new_install_tag(),))
        (self.install_tag,) = conn.execute("SELECT value FROM meta WHERE key = 'install_tag'").fetchone()
        return conn

    def _writer_loop(self) -> None:
        try:
            conn = self._open()
        except (sqlite3.Error, OSError) as exc:
            self._ready.set_exception(_storage_error(exc))
            return
        try:
            self._refresh_stats(conn)
        except sqlite3.Error as exc:
            conn.close()
            self._ready.set_exception(_storage_error(exc))
            return
        self._ready.set_result(None)
        try:
            while True:
                job = self._jobs.get()
                if job is None:
                    break
                fn, fut = job
                if not fut.set_running_or_notify_cancel():
                    continue
                changes = conn.total_changes
                try:
                    result = fn(conn)
                except BaseException as exc:  # noqa: BLE001 - handed to the caller
                    fut.set_exception(exc)
                    continue
                try:
                    if conn.total_changes != changes and not conn.in_transaction:
                        self._refresh_stats(conn)
                except sqlite3.Error:
                    pass  # the numbers stay as they were; the next job refreshes them
                fut.set_result(result)
        finally:
            conn.close()

    def _refresh_stats(self, conn: sqlite3.Connection) -> None:
        """Keep depth/oldest in memory (writer thread, after each job) so that reading them never blocks."""
        (n,) = conn.execute("SELECT COUNT(*) FROM outbox WHERE state = ?", (PENDING,)).fetchone()
        oldest_row = conn.execute(
            "SELECT created_at FROM outbox WHERE state = ? ORDER BY seq LIMIT 1", (PENDING,)).fetchone() if n else None
        with self._stats_lock:
            self._depth = int(n)
            self._oldest = datetime.fromisoformat(oldest_row[0]) if oldest_row else None

    def _call(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        if self._closed:
            raise StorageError("the outbox is closed", code="closed")
        fut: Future[T] = Future()
        self._jobs.put((fn, fut))
        try:
            return fut.result()
        except (sqlite3.Error, OSError) as exc:
            err = _storage_error(exc)
            log.error("outbox storage error: %s", err.code)
            for handler in [self._on_storage_error, *self._storage_handlers]:
                if handler is not None:
                    try:
                        handler(err)
                    except Exception:  # the caller still gets the StorageError
                        log.exception("storage error handler failed")
            raise err from exc

    @staticmethod
    def _tx(conn: sqlite3.Connection, body: Callable[[sqlite3.Connection], T]) -> T:
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = body(conn)
            conn.execute("COMMIT")
        except BaseException:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the failed COMMIT already rolled back
            raise
        return result

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._jobs.put(None)
        self._thread.join(timeout=30)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- writing -----------------------------------------------------------------------------------
    def owner_tag(self, id_number: str) -> str:
        return crypto.keyed_hash_hex(self._owner_key, "owner", id_number.strip().upper())

    def enqueue(self, kind: str, payload: dict[str, Any], owner_id: str | None = None) -> OutboxRecord:
        """Store one submission durably; returns after COMMIT with its local reference and idempotency key.

        `owner_id` (the applicant's ID number) is kept only as a keyed hash, to list a citizen's queued records.
        """
        if kind not in KINDS:
            raise ValueError(f"outbox kind {kind!r} is not one of {', '.join(KINDS)}")
        if not isinstance(payload, dict):
            raise TypeError("outbox payload must be a JSON object (dict)")
        plaintext = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
        idem = str(uuid.uuid4())
        sealed = self._cipher.seal(plaintext, idem.encode("ascii"))
        owner = self.owner_tag(owner_id) if owner_id else None
        now = self._now()
        day = now.strftime("%Y%m%d")

        def insert(conn: sqlite3.Connection) -> OutboxRecord:
            row = conn.execute(
                "INSERT INTO ref_counter(day, n) VALUES(?, 1) ON CONFLICT(day) DO UPDATE SET n = n + 1 RETURNING n",
                (day,),
            ).fetchone()
            local_ref = format_local_ref(self.ref_prefix, self.install_tag, day, int(row[0]))
            cur = conn.execute(
                "INSERT INTO outbox(local_ref, idem_key, kind, created_at, state, alg, payload, owner_hash) "
                "VALUES(?,?,?,?,?,?,?,?)",
                (local_ref, idem, kind, now.isoformat(timespec="seconds"), PENDING, crypto.SEAL_ALGORITHM, sealed, owner),
            )
            return OutboxRecord(int(cur.lastrowid or 0), local_ref, idem, kind, now.replace(microsecond=0), PENDING, 0, None, None)

        record = self._call(lambda conn: self._tx(conn, insert))
        for listener in list(self._listeners):
            try:
                listener(record)  # e.g. wakes the sync worker; must not block
            except Exception as exc:  # noqa: BLE001 - the record IS committed: never report it as failed
                log.error("outbox listener failed after enqueue of %s: %s", record.local_ref, type(exc).__name__)
        return record

    def add_listener(self, callback: Callable[[OutboxRecord], None]) -> None:
        """Call `callback(record)` after every committed enqueue (on the caller's thread)."""
        self._listeners.append(callback)

    def add_storage_error_handler(self, handler: Callable[[StorageError], None]) -> None:
        """Also call `handler(err)` on every StorageError (the GUI shows out-of-service and alerts ops)."""
        self._storage_handlers.append(handler)

    def remove_listener(self, callback: Callable[[OutboxRecord], None]) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

    def mark_attempt(self, seq: int, error_code: str) -> None:
        """A try that did not settle the record (it stays pending); keeps a count and the last error code."""
        self._call(lambda c: c.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ? AND state = ?",
            (error_code, seq, PENDING)))

    def mark_attempt_many(self, seqs: list[int], error_code: str) -> None:
        """mark_attempt for every record of a batch that failed as a whole, in one commit."""
        if seqs:
            self._call(lambda c: self._tx(c, lambda c2: c2.executemany(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ? AND state = ?",
                [(error_code, seq, PENDING) for seq in seqs])))

    def mark_acked(self, seq: int, remote_ref: str, *, checkpoint: bool = True) -> None:
        """The server has it: keep only local_ref -> remote_ref, drop everything personal."""
        done = self._now().isoformat(timespec="seconds")

        def ack(conn: sqlite3.Connection) -> None:
            self._tx(conn, lambda c: c.execute(
                "UPDATE outbox SET state = ?, remote_ref = ?, payload = NULL, owner_hash = NULL, alg = NULL, "
                "attempts = attempts + 1, last_error = NULL, done_at = ? WHERE seq = ?",
                (SENT, remote_ref, done, seq)))
            self._purge_once_a_day(conn)
            if checkpoint:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

        self._call(ack)

    def mark_acked_many(self, acks: list[tuple[int, str]], *, checkpoint: bool = False) -> None:
        """Several acknowledgements (seq, remote_ref) in one commit (a batch answered by the server)."""
        if not acks:
            return
        done = self._now().isoformat(timespec="seconds")

        def ack(conn: sqlite3.Connection) -> None:
            self._tx(conn, lambda c: c.executemany(
                "UPDATE outbox SET state = ?, remote_ref = ?, payload = NULL, owner_hash = NULL, alg = NULL, "
                "attempts = attempts + 1, last_error = NULL, done_at = ? WHERE seq = ?",
                [(SENT, remote, done, seq) for seq, remote in acks]))
            self._purge_once_a_day(conn)
            if checkpoint:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

        self._call(ack)

    def mark_failed(self, seq: int, error_code: str) -> None:
        """A permanent refusal: stop retrying. The sealed payload stays (an admin may requeue it after the cause
        is fixed) until the acked/failed purge after `keep_acked_days`."""
        done = self._now().isoformat(timespec="seconds")

        def fail(conn: sqlite3.Connection) -> None:
            self._tx(conn, lambda c: c.execute(
                "UPDATE outbox SET state = ?, last_error = ?, attempts = attempts + 1, done_at = ? WHERE seq = ?",
                (FAILED, error_code, done, seq)))

        self._call(fail)

    def requeue(self, local_ref: str) -> bool:
        """Admin action: send a failed record again (same idempotency key). True if it was failed."""
        cur = self._call(lambda c: c.execute(
            "UPDATE outbox SET state = ?, done_at = NULL WHERE local_ref = ? AND state = ? AND payload IS NOT NULL",
            (PENDING, local_ref.strip().upper(), FAILED)))
        return bool(cur.rowcount)

    def checkpoint(self) -> None:
        """Fold the WAL into the database and truncate it (bounded WAL, no stale pages left in it)."""
        self._call(lambda c: c.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone())

    def _purge_acked(self, conn: sqlite3.Connection) -> None:
        now = self._now()
        cutoff = (now - timedelta(days=self._keep_acked_days)).isoformat(timespec="seconds")
        conn.execute("DELETE FROM outbox WHERE state IN (?, ?) AND done_at < ?", (SENT, FAILED, cutoff))
        self._purged_on = now.date()

    def _purge_once_a_day(self, conn: sqlite3.Connection) -> None:
        """After an acknowledgement: a kiosk may run for weeks without a restart, so the purge that runs when
        the outbox opens runs again on each new day."""
        if self._now().date() != self._purged_on:
            self._purge_acked(conn)

    # ---- reading -----------------------------------------------------------------------------------
    _COLS = "seq, local_ref, idem_key, kind, created_at, state, attempts, last_error, remote_ref"

    @staticmethod
    def _record(row: tuple[Any, ...]) -> OutboxRecord:
        seq, ref, idem, kind, created, state, attempts, err, remote = row
        return OutboxRecord(seq, ref, idem, kind, datetime.fromisoformat(created), state, attempts, err, remote)

    def next_pending(self, after_seq: int = 0) -> PendingItem | None:
        """The oldest pending record after `after_seq`, decrypted. Raises ValueError for an undecryptable one."""
        row = self._call(lambda c: c.execute(
            f"SELECT {self._COLS}, payload FROM outbox WHERE state = ? AND seq > ? ORDER BY seq LIMIT 1",
            (PENDING, after_seq)).fetchone())
        if row is None:
            return None
        record = self._record(row[:-1])
        try:
            payload = json.loads(self._cipher.open(bytes(row[-1]), record.idempotency_key.encode("ascii")))
        except (ValueError, TypeError) as exc:
            raise UndecryptableRecord(record) from exc
        return PendingItem(record, payload)

    def next_pending_run(self, kind: str, limit: int, after_seq: int = 0) -> list[PendingItem]:
        """The oldest pending records after `after_seq` while they are of `kind` (at most `limit`), decrypted:
        a run that can go in one batch without overtaking a record of another kind. Raises
        UndecryptableRecord if the first cannot be opened; a later one that cannot ends the run before it."""
        rows = self._call(lambda c: c.execute(
            f"SELECT {self._COLS}, payload FROM outbox WHERE state = ? AND seq > ? ORDER BY seq LIMIT ?",
            (PENDING, after_seq, max(1, limit))).fetchall())
        items: list[PendingItem] = []
        for row in rows:
            record = self._record(row[:-1])
            if record.kind != kind:
                break
            try:
                payload = json.loads(self._cipher.open(bytes(row[-1]), record.idempotency_key.encode("ascii")))
            except (ValueError, TypeError) as exc:
                if not items:
                    raise UndecryptableRecord(record) from exc
                break
            items.append(PendingItem(record, payload))
        return items

    def lookup(self, local_ref: str) -> OutboxRecord | None:
        """The record behind a receipt's local reference; `.remote_ref` is the real case number once synced."""
        row = self._call(lambda c: c.execute(
            f"SELECT {self._COLS} FROM outbox WHERE local_ref = ?", (local_ref.strip().upper(),)).fetchone())
        return self._record(row) if row else None

    def pending_for_owner(self, id_number: str) -> list[OutboxRecord]:
        tag = self.owner_tag(id_number)
        rows = self._call(lambda c: c.execute(
            f"SELECT {self._COLS} FROM outbox WHERE owner_hash = ? AND state = ? ORDER BY seq",
            (tag, PENDING)).fetchall())
        return [self._record(r) for r in rows]

    def records(self, state: str | None = None) -> list[OutboxRecord]:
        sql = f"SELECT {self._COLS} FROM outbox" + (" WHERE state = ?" if state else "") + " ORDER BY seq"
        rows = self._call(lambda c: c.execute(sql, (state,) if state else ()).fetchall())
        return [self._record(r) for r in rows]

    def depth(self) -> int:
        """Records waiting to be sent (health, banner). Non-blocking: kept in memory after every commit,
        so the GUI thread may call it."""
        with self._stats_lock:
            return self._depth

    def oldest(self) -> datetime | None:
        """Creation time of the oldest waiting record (how long the terminal has been cut off). Non-blocking."""
        with self._stats_lock:
            return self._oldest

    def failed_count(self) -> int:
        return int(self._call(lambda c: c.execute(
            "SELECT COUNT(*) FROM outbox WHERE state = ?", (FAILED,)).fetchone()[0]))


class UndecryptableRecord(Exception):
    """A queued record cannot be opened (the key file was replaced, or the row was tampered with)."""

    def __init__(self, record: OutboxRecord) -> None:
        super().__init__(f"outbox record {record.local_ref} cannot be decrypted with the current key")
        self.record = record
