"""Opening the store in the key's helper process, to read ahead what the window's first
frame asks (:mod:`supportnet.data.read_ahead`): read-only, without the lock, every
statement's rows kept, and written for the window."""

from __future__ import annotations

import marshal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from supportnet.data.engine import RawDatabase, set_wal
from supportnet.data.keys import read_keyinfo
from supportnet.data.lock import StoreLock
from supportnet.data.migrate import check_revision, current_revision, needs_upgrade
from supportnet.data.read_ahead import FORMAT, files_state
from supportnet.data.store import Store, _readable
from supportnet.data.store_files import DB_NAME
from supportnet.model.errors import StoreError

if TYPE_CHECKING:
    from sqlalchemy import Engine


class Recording(RawDatabase):
    """Keeps every statement's rows, as :func:`~supportnet.data.read_ahead.answers_for`
    gives them back, and the database's files as they were before the first."""

    def __init__(self, path: Path, key: bytes) -> None:
        super().__init__(path, key)
        self.recorded: dict[tuple[str, tuple[Any, ...]], list[tuple[Any, ...]]] = {}
        self.files_before = files_state(path)

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        rows = super().execute(sql, params)
        self.recorded[(sql, tuple(params))] = rows
        return rows


class ReadAheadStore(Store):
    """The helper's store: its plain connection has ``query_only`` on, and the ORM's
    (which would not) is refused."""

    @cached_property
    def engine(self) -> Engine:
        raise StoreError("The store is open only to read ahead.")


def open_to_read_ahead(data_dir: Path, key: bytes) -> Store | None:
    """The store in ``data_dir``, opened with ``key`` read-only and without its lock, to
    ask what the window will ask (then :func:`written`); None where the window's own
    opening would change it (a migration, the switch to write-ahead logging) or there is
    no store. Its checks raise as the window's would."""
    info = read_keyinfo(data_dir)
    db = data_dir / DB_NAME
    if info is None or not db.exists():
        return None
    database = Recording(db, key)
    _readable(db, key, database)
    # A write fails rather than happens: nothing here holds the store's lock.
    database.connection().execute("PRAGMA query_only = ON")
    revision = current_revision(database)
    check_revision(revision)
    if needs_upgrade(revision) or database.execute("PRAGMA journal_mode")[0][0] != "wal":
        return None
    set_wal(database)  # the window's opening asks it too: "wal" already, so no write
    # Never closed: the last connection's close would checkpoint the log (a write). The
    # lock isn't taken (a StoreLock not acquired releases nothing).
    return ReadAheadStore(data_dir, database, info, StoreLock(data_dir))


def written(store: Store) -> bytes | None:
    """What :func:`open_to_read_ahead`'s ``store`` was asked, as
    :func:`~supportnet.data.read_ahead.answers_for` reads it; None if the database changed
    while it was read, or an answer isn't plain data."""
    database = store.db
    if not isinstance(database, Recording):
        return None
    files = files_state(store.db_path)
    if files != database.files_before:
        return None
    record = {
        "format": FORMAT,
        "db": str(store.db_path),
        "files": files,
        "answers": database.recorded,
    }
    try:
        return marshal.dumps(record)
    except ValueError:  # a value marshal can't write
        return None
