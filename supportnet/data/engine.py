"""SQLAlchemy engines over SQLCipher with a raw 256-bit key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool, QueuePool

BUSY_TIMEOUT_MS = 5000


def _url(path: Path, key: bytes) -> URL:
    # x'…' makes SQLCipher use the key as is, skipping its PBKDF2 (≈2 ms per open, not ≈110).
    return URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(path))


def make_engine(
    path: Path, key: bytes, *, foreign_keys: bool = True, pooled: bool = True
) -> Engine:
    """An engine for the encrypted database at ``path``.

    Migrations use ``foreign_keys=False``: a batch migration recreates tables, and with
    foreign keys on that fires ON DELETE CASCADE and empties the child tables.
    """
    engine = create_engine(
        _url(path, key),
        poolclass=QueuePool if pooled else NullPool,
        connect_args={"check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Runs after the dialect has set the key. Statements here run outside any
        # transaction, which PRAGMA foreign_keys needs.
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves, see _on_begin
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA cipher_log_level = NONE")
        cur.execute("PRAGMA cipher_compatibility = 4")
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # WORKAROUND: the sqlite3 driver does not begin transactions before DDL, so
        # migrations would not be atomic. See SQLAlchemy's "Serializable isolation /
        # Savepoints / Transactional DDL" notes for the pysqlite dialect.
        conn.exec_driver_sql("BEGIN")

    return engine


def set_wal(engine: Engine) -> None:
    """Switch the database to write-ahead logging (persistent, so done once per open)."""
    raw_execute(engine, "PRAGMA journal_mode = WAL")


def raw_execute(engine: Engine, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run one statement outside any transaction (VACUUM, checks) and return its rows."""
    dbapi_error = engine.dialect.loaded_dbapi.Error
    try:
        # The connect event's pragmas already read page 1, so a damaged file fails here.
        raw = engine.raw_connection()
    except dbapi_error as exc:
        raise DBAPIError.instance(sql, params, exc, dbapi_error) from exc
    try:
        cur = raw.driver_connection.cursor()  # type: ignore[union-attr]
        cur.execute(sql, params)
        rows: list[tuple[Any, ...]] = cur.fetchall()
        cur.close()
        return rows
    except dbapi_error as exc:
        # Raise SQLAlchemy's wrapped error types, as the ORM paths do.
        raise DBAPIError.instance(sql, params, exc, dbapi_error) from exc
    finally:
        raw.close()
