"""Connections to the SQLCipher database with a raw 256-bit key: plain and through SQLAlchemy.

Opening, checking and reading the store go through plain ``sqlcipher3`` connections
(:class:`RawDatabase`), so the app can paint its first window without importing
SQLAlchemy, which costs over half a second here. The ORM engine is made on first write.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from supportnet.data.failures import store_failure, watch_engine

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
        raise store_failure(exc, path) or DatabaseFailure(exc) from exc
    return conn


class _Owned:
    """One thread's connection, kept in that thread's locals."""

    __slots__ = ("__weakref__", "conn", "serial")

    def __init__(self, conn: Any, serial: int) -> None:
        self.conn = conn
        self.serial = serial


class RawDatabase:
    """Plain connections to one encrypted database: one per thread, opened on demand.

    A thread's connection is closed when the thread ends: Qt's pool threads drop their
    Python locals after every job and expire when idle, so without that every background
    job would leave a connection open until the store closes.
    """

    def __init__(self, path: Path, key: bytes) -> None:
        self.path = path
        self._key = key
        self._local = threading.local()
        self._all: dict[int, Any] = {}  # open connections by serial
        self._serials = itertools.count(1)
        # Re-entrant: a finalizer may run on this thread while it holds the guard.
        self._guard = threading.RLock()

    @property
    def key(self) -> bytes:
        return self._key

    def _owned(self) -> _Owned:
        owned: _Owned | None = getattr(self._local, "owned", None)
        if owned is None:
            owned = _Owned(connect_raw(self.path, self._key), next(self._serials))
            with self._guard:
                self._all[owned.serial] = owned.conn
            finalizer = weakref.finalize(owned, self._forget, owned.serial)
            finalizer.atexit = False
            self._local.owned = owned
        return owned

    def connection(self) -> Any:
        return self._owned().conn

    def _forget(self, serial: int) -> None:
        with self._guard:
            conn = self._all.pop(serial, None)
        if conn is not None:
            conn.close()

    @property
    def open_connections(self) -> int:
        """How many connections are open (one per thread that read and is still running)."""
        with self._guard:
            return len(self._all)

    def change_stamp(self) -> tuple[int, int, int]:
        """A value that differs from this thread's last one if anything was committed since.

        ``PRAGMA data_version`` moves when another connection commits (the ORM's, another
        process's), whatever the clock says; ``total_changes`` counts this connection's own
        writes, which data_version does not see; the serial keeps different connections'
        stamps apart.
        """
        owned = self._owned()
        version = self.execute("PRAGMA data_version")[0][0]
        return (owned.serial, int(version), int(owned.conn.total_changes))

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        import sqlcipher3

        try:
            cur = self.connection().execute(sql, params)
            rows: list[tuple[Any, ...]] = cur.fetchall()
            cur.close()
        except sqlcipher3.Error as exc:
            raise store_failure(exc, self.path) or DatabaseFailure(exc) from exc
        return rows

    def close(self) -> None:
        with self._guard:
            connections = list(self._all.values())
            self._all.clear()
        for conn in connections:
            conn.close()
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

    watch_engine(engine, path)
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
    database = Path(target.url.database or "")
    try:
        # The connect event's pragmas already read page 1, so a damaged file fails here.
        raw = target.raw_connection()
    except dbapi_error as exc:
        raise store_failure(exc, database) or DatabaseFailure(exc) from exc
    try:
        cur = raw.driver_connection.cursor()  # type: ignore[union-attr]
        cur.execute(sql, params)
        rows: list[tuple[Any, ...]] = cur.fetchall()
        cur.close()
        return rows
    except dbapi_error as exc:
        raise store_failure(exc, database) or DatabaseFailure(exc) from exc
    finally:
        raw.close()
