"""Connections to the SQLCipher database with a raw 256-bit key: plain and through SQLAlchemy.

Opening, checking and reading the store go through plain ``sqlcipher3`` connections
(:class:`RawDatabase`), so the app can paint its first window without importing
SQLAlchemy, which costs over half a second here. The ORM engine is made on first write.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL

BUSY_TIMEOUT_MS = 5000


class DatabaseFailure(Exception):
    """SQLite or SQLCipher refused a statement; ``orig`` is the driver's error."""

    def __init__(self, orig: BaseException) -> None:
        super().__init__(str(orig))
        self.orig = orig


def _pragmas(conn: Any, *, foreign_keys: bool) -> None:
    cur = conn.cursor()
    cur.execute("PRAGMA cipher_log_level = NONE")
    cur.execute("PRAGMA cipher_compatibility = 4")
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def connect_raw(path: Path, key: bytes, *, foreign_keys: bool = True) -> Any:
    """A plain ``sqlcipher3`` connection in autocommit mode with our pragmas set."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        # x'…' makes SQLCipher use the key as is, skipping its PBKDF2 (≈2 ms, not ≈110).
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        _pragmas(conn, foreign_keys=foreign_keys)
    except sqlcipher3.Error as exc:
        conn.close()
        raise DatabaseFailure(exc) from exc
    return conn


class RawDatabase:
    """Plain connections to one encrypted database: one per thread, opened on demand."""

    def __init__(self, path: Path, key: bytes) -> None:
        self.path = path
        self._key = key
        self._local = threading.local()
        self._all: list[Any] = []
        self._guard = threading.Lock()

    @property
    def key(self) -> bytes:
        return self._key

    def connection(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect_raw(self.path, self._key)
            self._local.conn = conn
            with self._guard:
                self._all.append(conn)
        return conn

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        import sqlcipher3

        try:
            cur = self.connection().execute(sql, params)
            rows: list[tuple[Any, ...]] = cur.fetchall()
            cur.close()
        except sqlcipher3.Error as exc:
            raise DatabaseFailure(exc) from exc
        return rows

    def close(self) -> None:
        with self._guard:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()


def _url(path: Path, key: bytes) -> URL:
    from sqlalchemy.engine import URL

    # x'…' makes SQLCipher use the key as is, skipping its PBKDF2 (≈2 ms per open, not ≈110).
    return URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(path))


def make_engine(
    path: Path, key: bytes, *, foreign_keys: bool = True, pooled: bool = True
) -> Engine:
    """An engine for the encrypted database at ``path``.

    Migrations use ``foreign_keys=False``: a batch migration recreates tables, and with
    foreign keys on that fires ON DELETE CASCADE and empties the child tables.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool, QueuePool

    engine = create_engine(
        _url(path, key),
        poolclass=QueuePool if pooled else NullPool,
        connect_args={"check_same_thread": False},
        # Parameters are names and notes: never in an error's text, and so never on
        # stderr or in a crash report.
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Runs after the dialect has set the key. Statements here run outside any
        # transaction, which PRAGMA foreign_keys needs.
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves, see _on_begin
        _pragmas(dbapi_conn, foreign_keys=foreign_keys)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # WORKAROUND: the sqlite3 driver does not begin transactions before DDL, so
        # migrations would not be atomic. See SQLAlchemy's "Serializable isolation /
        # Savepoints / Transactional DDL" notes for the pysqlite dialect.
        conn.exec_driver_sql("BEGIN")

    return engine


def set_wal(target: Engine | RawDatabase) -> None:
    """Switch the database to write-ahead logging (persistent, so done once per open)."""
    raw_execute(target, "PRAGMA journal_mode = WAL")


def raw_execute(
    target: Engine | RawDatabase, sql: str, params: tuple[Any, ...] = ()
) -> list[tuple[Any, ...]]:
    """Run one statement outside any transaction (VACUUM, checks) and return its rows.

    Driver errors come out as :class:`DatabaseFailure`, whichever way the database is held.
    """
    if isinstance(target, RawDatabase):
        return target.execute(sql, params)
    dbapi_error = target.dialect.loaded_dbapi.Error
    try:
        # The connect event's pragmas already read page 1, so a damaged file fails here.
        raw = target.raw_connection()
    except dbapi_error as exc:
        raise DatabaseFailure(exc) from exc
    try:
        cur = raw.driver_connection.cursor()  # type: ignore[union-attr]
        cur.execute(sql, params)
        rows: list[tuple[Any, ...]] = cur.fetchall()
        cur.close()
        return rows
    except dbapi_error as exc:
        raise DatabaseFailure(exc) from exc
    finally:
        raw.close()
