"""Disk full, busy, read-only and unopenable databases: real SQLCipher errors, typed messages."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from supportnet.data.engine import DatabaseFailure, RawDatabase, raw_execute
from supportnet.data.failures import file_failure, store_failure
from supportnet.data.store import Store
from supportnet.model.checkins import CheckIn
from supportnet.model.errors import (
    DiskFullError,
    StoreBusyError,
    StoreIOError,
    StoreReadOnlyError,
)
from supportnet.model.network import Person
from tests.data.small_disk import pages_capped

NOTE = "a long, calm note about a good walk. " * 400  # about 15,000 characters
KEY = bytes(range(32))


@pytest.fixture
def store(open_keyring_store: Callable[..., Store]) -> Store:
    return open_keyring_store()


def _rows(store: Store, table: str) -> int:
    return int(raw_execute(store.db, f"SELECT count(*) FROM {table}")[0][0])


def test_sqlite_full_in_an_orm_write_is_disk_full_and_the_store_carries_on(store: Store) -> None:
    ada = store.people.add(Person(name="Ada"))
    with pages_capped(store):
        with pytest.raises(DiskFullError) as caught:
            store.checkins.add(CheckIn(at=datetime.now(UTC), person_id=ada.id, note=NOTE))
        with pytest.raises(DiskFullError):
            store.people.add(Person(name="Bea", notes=NOTE))
    message = caught.value.message
    assert "disk is full" in message
    assert "Nothing was lost" in message
    assert "\n" not in message
    assert (_rows(store, "people"), _rows(store, "checkins")) == (1, 0)
    # The failed transaction left nothing pending: with room again, writing just works.
    store.checkins.add(CheckIn(at=datetime.now(UTC), person_id=ada.id, note=NOTE))
    assert _rows(store, "checkins") == 1


def test_sqlite_full_on_a_plain_connection_is_disk_full(tmp_path: Path) -> None:
    db = RawDatabase(tmp_path / "scratch.db", KEY)
    try:
        db.execute("CREATE TABLE t (x BLOB)")
        pages = db.execute("PRAGMA page_count")[0][0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(DiskFullError, match="disk is full"):
            db.execute("INSERT INTO t VALUES (randomblob(100000))")
        assert db.execute("SELECT count(*) FROM t") == [(0,)]
    finally:
        db.close()


def test_a_write_lock_held_by_another_program_is_busy(store: Store) -> None:
    from sqlalchemy import event

    def no_wait(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA busy_timeout = 0")  # runs after the store's 5 s

    other = RawDatabase(store.db_path, store.db.key)
    other.execute("BEGIN IMMEDIATE")
    store.engine.dispose()
    event.listen(store.engine, "connect", no_wait)
    try:
        with pytest.raises(StoreBusyError, match="Wait a moment") as caught:
            store.people.add(Person(name="Ada"))
        assert "Nothing was changed or lost" in caught.value.message
    finally:
        other.execute("ROLLBACK")
        other.close()
        event.remove(store.engine, "connect", no_wait)
        store.engine.dispose()
    store.people.add(Person(name="Ada"))
    assert _rows(store, "people") == 1


def test_a_busy_plain_connection_is_busy(tmp_path: Path) -> None:
    path = tmp_path / "scratch.db"
    first, second = RawDatabase(path, KEY), RawDatabase(path, KEY)
    try:
        first.execute("CREATE TABLE t (x)")
        first.execute("BEGIN IMMEDIATE")
        second.execute("PRAGMA busy_timeout = 0")
        with pytest.raises(StoreBusyError):
            second.execute("INSERT INTO t VALUES (1)")
    finally:
        first.close()
        second.close()


def test_a_read_only_database_is_read_only(tmp_path: Path) -> None:
    db = RawDatabase(tmp_path / "scratch.db", KEY)
    try:
        db.execute("CREATE TABLE t (x)")
        db.execute("PRAGMA query_only = 1")
        with pytest.raises(StoreReadOnlyError, match="read-only") as caught:
            db.execute("INSERT INTO t VALUES (1)")
        assert str(tmp_path) in caught.value.message
    finally:
        db.close()


def test_a_database_that_cannot_be_opened_says_so(tmp_path: Path) -> None:
    db = RawDatabase(tmp_path / "gone" / "supportnet.db", KEY)
    with pytest.raises(StoreIOError, match="can't open its database file"):
        db.execute("SELECT 1")


def test_other_driver_errors_are_left_to_their_callers(tmp_path: Path) -> None:
    db = RawDatabase(tmp_path / "scratch.db", KEY)
    try:
        with pytest.raises(DatabaseFailure, match="no such table"):
            db.execute("SELECT * FROM nothing_here")
    finally:
        db.close()


@pytest.mark.parametrize(
    ("code", "expected", "words"),
    [
        (errno.ENOSPC, DiskFullError, "disk is full"),
        (errno.EDQUOT, DiskFullError, "disk is full"),
        (errno.EROFS, StoreReadOnlyError, "read-only disk"),
        (errno.EIO, StoreIOError, "write error"),
    ],
)
def test_file_writes_name_what_failed_and_where(
    tmp_path: Path, code: int, expected: type[Exception], words: str
) -> None:
    error = file_failure(OSError(code, os.strerror(code)), tmp_path / "b.db", "the backup")
    assert isinstance(error, expected)
    assert words in error.message
    assert "the backup" in error.message
    assert "Nothing was lost" in error.message
    assert str(tmp_path) in error.message


def test_errors_that_are_not_about_the_disk_stay_untranslated(tmp_path: Path) -> None:
    assert file_failure(PermissionError(errno.EACCES, "denied"), tmp_path / "x", "it") is None
    assert store_failure(ValueError("database or disk is full, says a string")) is None
