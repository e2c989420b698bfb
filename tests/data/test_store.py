"""Opening the store: create and reopen, the lock, file modes, and every way it refuses."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail

from supportnet.data import keys
from supportnet.data.backup import take_automatic_backup
from supportnet.data.engine import make_engine
from supportnet.data.lock import StoreLock
from supportnet.data.migrations import HEAD_REVISION
from supportnet.data.store import Store, open_store
from supportnet.data.store_files import DB_NAME, store_exists
from supportnet.data.store_key import key_method
from supportnet.model.errors import (
    CorruptStoreError,
    KeyUnavailableError,
    PassphraseRequiredError,
    SchemaTooNewError,
    StoreError,
    StoreLockedError,
    WrongPassphraseError,
)
from supportnet.model.network import ChannelKind, ContactChannel, Person
from tests.data.storekit import TEST_PASSPHRASE, MemoryKeyring, raw_key, snapshot

OpenKeyringStore = Callable[..., Store]


def _passphrase(_purpose: object) -> str:
    return TEST_PASSPHRASE


def assert_plain(message: str) -> None:
    """A message for a person: no traceback, no driver or SQL internals."""
    for internal in ("Traceback", "sqlcipher3", "[SQL:", "sqlalche.me", "dbapi2", 'File "'):
        assert internal not in message, message
    assert message.rstrip().endswith("."), message


def assert_lock_free(data_dir: Path) -> None:
    lock = StoreLock(data_dir)
    lock.acquire()  # raises StoreLockedError if a failed open kept the lock
    lock.release()


def _fill(store: Store, people: int = 1) -> None:
    for i in range(people):
        store.people.add(
            Person(
                name=f"Person {i}",
                notes="Some words about them. " * 80,
                channels=[ContactChannel(ChannelKind.CALL, f"+44 7700 900{i:03d}", True)],
            )
        )


# --- Create and reopen -----------------------------------------------------------------------


def test_create_then_reopen_with_a_passphrase(store: Store, data_dir: Path) -> None:
    assert store.key_info.method is keys.KeyMethod.PASSPHRASE
    assert store.revision() == HEAD_REVISION
    assert store.is_empty()
    store.people.add(Person(name="Ada"))
    store.close()

    with open_store(data_dir, passphrase=_passphrase, keyring_backend=fail.Keyring()) as again:
        assert [p.name for p in again.people.list_all()] == ["Ada"]
        assert again.migrated_backup is None
    assert key_method(data_dir) is keys.KeyMethod.PASSPHRASE


def test_reopen_with_a_wrong_passphrase(store: Store, data_dir: Path) -> None:
    store.people.add(Person(name="Ada"))
    store.close()
    before = snapshot(data_dir)
    with pytest.raises(WrongPassphraseError):
        open_store(data_dir, passphrase=lambda _p: "not the passphrase")
    assert snapshot(data_dir) == before
    assert_lock_free(data_dir)


def test_reopen_without_a_passphrase(store: Store, data_dir: Path) -> None:
    store.close()
    with pytest.raises(PassphraseRequiredError):
        open_store(data_dir, passphrase=None, keyring_backend=fail.Keyring())
    assert_lock_free(data_dir)


def test_create_then_reopen_with_the_keyring(
    open_keyring_store: OpenKeyringStore, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store = open_keyring_store()
    assert store.key_info.method is keys.KeyMethod.KEYRING
    assert len(memory_keyring.entries) == 1
    key_hex = next(iter(memory_keyring.entries.values()))
    assert key_hex not in (data_dir / keys.KEYINFO_NAME).read_text(encoding="utf-8")
    store.people.add(Person(name="Ada"))
    store.close()

    again = open_keyring_store(passphrase=None)
    assert [p.name for p in again.people.list_all()] == ["Ada"]
    assert len(memory_keyring.entries) == 1, "reopening must not make a second key"


def test_a_failed_first_run_leaves_nothing_behind(data_dir: Path) -> None:
    with pytest.raises(PassphraseRequiredError):
        open_store(data_dir, passphrase=None, keyring_backend=fail.Keyring())
    assert not store_exists(data_dir)
    assert not data_dir.exists(), "the folder this first run made, lock file and all, is gone"
    # …so the next attempt makes the store instead of complaining about a missing file.
    with open_store(data_dir, passphrase=_passphrase, keyring_backend=fail.Keyring()) as store:
        assert store.is_empty()


def test_an_interrupted_creation_leaves_no_half_store(
    data_dir: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    import supportnet.data.store as store_module

    def disk_full(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module, "upgrade", disk_full)
    with pytest.raises(OSError, match="No space"):
        open_store(data_dir, keyring_backend=memory_keyring)
    assert not store_exists(data_dir)
    assert memory_keyring.entries == {}
    monkeypatch.undo()

    with open_store(data_dir, keyring_backend=memory_keyring) as store:
        assert store.is_empty()


def test_create_false_makes_nothing(data_dir: Path) -> None:
    with pytest.raises(StoreError, match="no SupportNet store"):
        open_store(data_dir, passphrase=_passphrase, create=False)
    assert not store_exists(data_dir)


# --- One instance at a time ------------------------------------------------------------------


def test_a_second_open_is_refused_while_open(
    open_keyring_store: OpenKeyringStore, data_dir: Path
) -> None:
    store = open_keyring_store()
    with pytest.raises(StoreLockedError) as caught:
        open_keyring_store()
    assert f"process {os.getpid()}" in str(caught.value)
    assert_plain(str(caught.value))
    store.people.add(Person(name="Still works"))
    store.close()
    with open_keyring_store() as again:
        assert again.people.count() == 1


# --- File modes ------------------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _assert_private(data_dir: Path) -> list[str]:
    assert _mode(data_dir) == 0o700
    seen = []
    for path in data_dir.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert _mode(path) == expected, f"{path.name} is {_mode(path):o}"
        seen.append(path.name)
    return seen


def test_data_folder_and_every_file_are_private(
    data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    old_umask = os.umask(0)  # the loosest umask: every mode must then come from the code
    try:
        with open_store(data_dir, keyring_backend=memory_keyring) as store:
            store.people.add(Person(name="Ada"))
            take_automatic_backup(store.engine, store.backup_dir, "test")
            seen = _assert_private(data_dir)
            assert {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", keys.KEYINFO_NAME} <= set(seen)
            assert "backups" in seen
            assert len(list(store.backup_dir.iterdir())) == 1
        _assert_private(data_dir)
    finally:
        os.umask(old_umask)


# --- Refusing to open: a missing key, a missing or damaged database, a newer schema ---------


def test_a_database_without_its_key_record(
    open_keyring_store: OpenKeyringStore, data_dir: Path
) -> None:
    store = open_keyring_store()
    _fill(store)
    store.close()
    (data_dir / keys.KEYINFO_NAME).unlink()
    before = snapshot(data_dir)

    with pytest.raises(KeyUnavailableError) as caught:
        open_keyring_store()
    assert keys.KEYINFO_NAME in str(caught.value)
    assert_plain(str(caught.value))
    assert snapshot(data_dir) == before, "nothing may be created or changed"
    assert_lock_free(data_dir)


def test_a_key_record_without_its_database(
    open_keyring_store: OpenKeyringStore, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    open_keyring_store().close()
    (data_dir / DB_NAME).unlink()
    before = snapshot(data_dir)
    entries = dict(memory_keyring.entries)

    with pytest.raises(StoreError) as caught:
        open_keyring_store()
    assert "restore" in str(caught.value)
    assert_plain(str(caught.value))
    assert not (data_dir / DB_NAME).exists()
    assert snapshot(data_dir) == before
    assert memory_keyring.entries == entries


def test_a_key_missing_from_the_keyring_is_never_replaced(
    open_keyring_store: OpenKeyringStore, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store = open_keyring_store()
    _fill(store)
    store.close()
    memory_keyring.entries.clear()
    before = snapshot(data_dir)

    with pytest.raises(KeyUnavailableError, match="missing"):
        open_keyring_store()
    assert memory_keyring.entries == {}
    assert snapshot(data_dir) == before


def test_a_keyring_store_on_a_machine_without_a_keyring(
    open_keyring_store: OpenKeyringStore, data_dir: Path
) -> None:
    open_keyring_store().close()
    before = snapshot(data_dir)
    with pytest.raises(KeyUnavailableError) as caught:
        open_store(data_dir, passphrase=_passphrase, keyring_backend=fail.Keyring())
    assert_plain(str(caught.value))
    assert snapshot(data_dir) == before, "a passphrase must not replace the keyring key"


def _damage_the_middle(db: Path) -> None:
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = b"\xa5" * 64
    db.write_bytes(bytes(data))


def _garbage(db: Path) -> None:
    db.write_bytes(os.urandom(16 * 1024))


def _plain_sqlite(db: Path) -> None:
    db.unlink()
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE people (name TEXT)")
    conn.close()


@pytest.mark.parametrize(
    "damage",
    [_damage_the_middle, _garbage, _plain_sqlite],
    ids=["bytes overwritten in the middle", "random bytes", "an unencrypted SQLite file"],
)
def test_a_damaged_database_is_refused_plainly(
    open_keyring_store: OpenKeyringStore, data_dir: Path, damage: Callable[[Path], None]
) -> None:
    store = open_keyring_store()
    _fill(store, people=30)
    store.close()
    db = data_dir / DB_NAME
    damage(db)
    before = snapshot(data_dir)

    with pytest.raises(CorruptStoreError) as caught:
        open_keyring_store()
    assert "restore" in str(caught.value)
    assert_plain(str(caught.value))
    assert snapshot(data_dir) == before
    assert_lock_free(data_dir)


def test_an_empty_database_file_is_refused(
    open_keyring_store: OpenKeyringStore, data_dir: Path
) -> None:
    open_keyring_store().close()
    (data_dir / DB_NAME).write_bytes(b"")
    with pytest.raises(CorruptStoreError, match="empty") as caught:
        open_keyring_store()
    assert_plain(str(caught.value))
    assert (data_dir / DB_NAME).stat().st_size == 0


def test_the_wrong_key_is_refused(
    open_keyring_store: OpenKeyringStore, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store = open_keyring_store()
    _fill(store)
    store.close()
    for entry in memory_keyring.entries:
        memory_keyring.entries[entry] = keys.new_key().hex()
    before = snapshot(data_dir)

    with pytest.raises(CorruptStoreError) as caught:
        open_keyring_store()
    assert_plain(str(caught.value))
    assert snapshot(data_dir) == before


def test_a_newer_schema_is_refused_and_left_alone(
    open_keyring_store: OpenKeyringStore, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store = open_keyring_store()
    _fill(store)
    store.close()
    key = raw_key(data_dir, memory_keyring)
    engine = make_engine(data_dir / DB_NAME, key)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    before = snapshot(data_dir)

    with pytest.raises(SchemaTooNewError) as caught:
        open_keyring_store()
    assert "newer version" in str(caught.value)
    assert "9999" in str(caught.value)
    assert_plain(str(caught.value))
    assert snapshot(data_dir) == before
    assert not (data_dir / "backups").exists(), "no migration may have been attempted"
    assert_lock_free(data_dir)


# --- Small things the About box and `doctor` rely on ------------------------------------------


def test_store_reports_its_encryption_and_integrity(store: Store) -> None:
    assert store.sqlcipher_version().startswith("4.")
    assert store.integrity_problems() == []
    _fill(store, people=3)
    assert store.counts().people == 3
    assert not store.is_empty()
