"""Engine factory: one place knows the difference between SQLite and PostgreSQL."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine, Table, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.sql.dml import Insert

from central.db.schema import metadata

SYNCHRONOUS_CHOICES = ("OFF", "NORMAL", "FULL", "EXTRA")


def make_engine(url: str, *, sqlite_synchronous: str = "FULL") -> Engine:
    """Create the engine; for SQLite: WAL, busy timeout and BEGIN IMMEDIATE so writers queue, not fail.

    Every signed request writes (its nonce), so write transactions are the normal case: BEGIN IMMEDIATE
    takes the write lock up front, which avoids SQLITE_BUSY on a read->write upgrade that busy_timeout
    cannot resolve. `hide_parameters`: database errors never carry bound values (applicant data) into logs.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        sync = sqlite_synchronous.upper()
        if sync not in SYNCHRONOUS_CHOICES:
            raise ValueError(f"CENTRAL_SQLITE_SYNCHRONOUS={sqlite_synchronous!r}: allowed {', '.join(SYNCHRONOUS_CHOICES)}")
        pool_args: dict[str, Any] = {}
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            pool_args = {"pool_size": 8, "max_overflow": 16}
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, hide_parameters=True,
                               **pool_args)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute(f"PRAGMA synchronous={sync}")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20, hide_parameters=True)


def insert_ignore(bind: Engine | Connection, table: Table) -> Insert:
    """INSERT ... ON CONFLICT DO NOTHING for the bind's dialect (both dialects support it)."""
    if bind.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()


def inserted_id(result: CursorResult[Any]) -> int:
    """The autoincrement id of a single-row INSERT (both dialects return it)."""
    pk = result.inserted_primary_key
    if pk is None:
        raise RuntimeError("INSERT did not return a primary key")
    return int(pk[0])


@contextmanager
def relaxed_transaction(engine: Engine) -> Iterator[Connection]:
    """A write transaction whose COMMIT does not wait for the disk (nonces, idempotency claims).

    Safe because both databases write one sequential log (SQLite WAL, PostgreSQL WAL): the next durable
    commit (the one that stores a case and its reply) makes every earlier record durable too, and nothing
    is acknowledged to a terminal before such a commit. A power cut can only forget the newest nonces and
    claims, whose requests were never answered. Saves one or two fsyncs per request.
    """
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            raw = conn.connection.driver_connection
            assert raw is not None
            level = raw.execute("PRAGMA synchronous").fetchone()[0]
            raw.execute("PRAGMA synchronous=NORMAL")
            try:
                with conn.begin():
                    yield conn
            finally:
                raw.execute(f"PRAGMA synchronous={int(level)}")
        else:
            with conn.begin():
                conn.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
                yield conn


def create_schema(engine: Engine) -> None:
    metadata.create_all(engine)


def reset_schema(engine: Engine) -> None:
    """Drop and recreate every table (tests against a throw-away PostgreSQL database)."""
    metadata.drop_all(engine)
    metadata.create_all(engine)
