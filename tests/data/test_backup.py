"""Backups and restore: encrypted copies, no partial files, nothing lost without --force."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from supportnet.data import backup as backup_module
from supportnet.data.engine import DatabaseFailure
from supportnet.data.restore import restore_backup
from supportnet.data.store import Store, open_store
from supportnet.data.store_files import DB_NAME
from supportnet.model.errors import BackupError, DiskFullError, StoreLockedError
from supportnet.model.network import Person
from tests.data.storekit import MemoryKeyring, count, query, raw_key, snapshot

OpenKeyringStore = Callable[..., Store]


def _names(store: Store) -> list[str]:
    return [p.name for p in store.people.list_all()]


@pytest.fixture
def backed_up(open_keyring_store: OpenKeyringStore, tmp_path: Path) -> Path:
    """A store holding Ada and Bo, a backup of that, and then Cy added after the backup."""
    store = open_keyring_store()
    store.people.add(Person(name="Ada"))
    store.people.add(Person(name="Bo"))
    (tmp_path / "saved").mkdir()
    out = store.backup(tmp_path / "saved" / "backup.db")
    store.people.add(Person(name="Cy"))
    store.close()
    return out


def test_a_backup_is_private_encrypted_and_complete(store: Store, tmp_path: Path) -> None:
    store.people.add(Person(name="Ada", notes="Only in the WAL until a checkpoint"))
    out = store.backup(tmp_path / "backup.db")
    assert out == tmp_path / "backup.db"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not out.read_bytes().startswith(b"SQLite format 3")
    key = raw_key(store.data_dir)
    assert [row[0] for row in query(out, key, "SELECT name FROM people")] == ["Ada"]
    assert query(out, key, "PRAGMA cipher_integrity_check") == []
    assert list(tmp_path.glob(".backup.db.*")) == [], "no temporary file is left"


def test_a_backup_replaces_an_older_one(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "backup.db"
    store.backup(out)
    store.people.add(Person(name="Ada"))
    store.backup(out)
    assert count(out, raw_key(store.data_dir), "people") == 1


def test_a_backup_to_a_missing_folder(store: Store, tmp_path: Path) -> None:
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(BackupError, match="doesn't exist"):
        store.backup(tmp_path / "no such folder" / "backup.db")
    assert sorted(tmp_path.rglob("*")) == before


def test_a_backup_onto_a_folder(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a folder").mkdir()
    with pytest.raises(BackupError, match="is a folder"):
        store.backup(tmp_path / "a folder")
    assert list((tmp_path / "a folder").iterdir()) == []


def test_a_backup_that_fails_halfway_leaves_no_partial_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.people.add(Person(name="Ada"))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    old = out_dir / "backup.db"
    store.backup(old)
    old_bytes = old.read_bytes()
    import sqlcipher3

    real = backup_module.raw_execute
    written: list[Path] = []

    def disk_full_after_writing(engine: Any, sql: str, params: tuple[Any, ...] = ()) -> Any:
        real(engine, sql, params)  # the copy is written…
        written.append(Path(params[0]))
        raise DatabaseFailure(sqlcipher3.OperationalError("database or disk is full"))

    monkeypatch.setattr(backup_module, "raw_execute", disk_full_after_writing)
    with pytest.raises(DiskFullError, match="disk is full"):
        store.backup(old)
    assert written, "the fault was injected after a real partial file existed"
    assert not written[0].exists()
    assert sorted(p.name for p in out_dir.iterdir()) == ["backup.db"]
    assert old.read_bytes() == old_bytes, "the previous backup is untouched"


# --- Restore ---------------------------------------------------------------------------------


def test_restore_into_a_store_with_data_needs_force(
    backed_up: Path, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    before = snapshot(data_dir)
    with pytest.raises(BackupError, match="--force"):
        restore_backup(data_dir, backed_up, keyring_backend=memory_keyring)
    assert snapshot(data_dir) == before
    with open_store(data_dir, keyring_backend=memory_keyring) as store:
        assert _names(store) == ["Ada", "Bo", "Cy"]


def test_restore_with_force_keeps_a_safety_backup(
    backed_up: Path, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    result = restore_backup(data_dir, backed_up, keyring_backend=memory_keyring, force=True)
    with result.store as store:
        assert _names(store) == ["Ada", "Bo"]
        assert store.integrity_problems() == []
    safety = result.safety_backup
    assert safety is not None
    assert safety.parent == data_dir / "backups"
    assert stat.S_IMODE(safety.stat().st_mode) == 0o600
    key = raw_key(data_dir, memory_keyring)
    assert sorted(row[0] for row in query(safety, key, "SELECT name FROM people")) == [
        "Ada",
        "Bo",
        "Cy",
    ]
    # The restored store reopens normally.
    with open_store(data_dir, keyring_backend=memory_keyring) as store:
        assert _names(store) == ["Ada", "Bo"]


def test_restore_into_an_empty_store_needs_no_force(
    open_keyring_store: OpenKeyringStore,
    data_dir: Path,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    store = open_keyring_store()
    store.people.add(Person(name="Ada"))
    out = store.backup(tmp_path / "backup.db")
    store.people.delete(store.people.list_all()[0].id)  # type: ignore[arg-type]
    store.close()
    result = restore_backup(data_dir, out, keyring_backend=memory_keyring)
    with result.store as restored:
        assert _names(restored) == ["Ada"]


def test_restore_brings_back_a_lost_database(
    backed_up: Path, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    # The recovery path the "database file is missing" message points to.
    (data_dir / DB_NAME).unlink()
    result = restore_backup(data_dir, backed_up, keyring_backend=memory_keyring)
    assert result.safety_backup is None
    with result.store as store:
        assert _names(store) == ["Ada", "Bo"]


def test_restore_over_a_damaged_database_needs_force(
    backed_up: Path, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    db = data_dir / DB_NAME
    db.write_bytes(b"\x00" * 4096)
    with pytest.raises(BackupError, match="--force"):
        restore_backup(data_dir, backed_up, keyring_backend=memory_keyring)
    assert db.read_bytes() == b"\x00" * 4096
    result = restore_backup(data_dir, backed_up, keyring_backend=memory_keyring, force=True)
    with result.store as store:
        assert _names(store) == ["Ada", "Bo"]
    # The damaged file was moved aside whole, not deleted.
    assert result.safety_backup is not None
    assert result.safety_backup.parent == data_dir / "damaged"
    assert result.safety_backup.read_bytes() == b"\x00" * 4096
    assert stat.S_IMODE(result.safety_backup.stat().st_mode) == 0o600


def test_data_a_restore_or_demo_replaced_is_never_thinned_away(
    backed_up: Path, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    result = restore_backup(data_dir, backed_up, keyring_backend=memory_keyring, force=True)
    replaced = result.safety_backup
    assert replaced is not None
    assert replaced.exists()
    with result.store as store:
        before_demo = backup_module.take_automatic_backup(store.db, store.backup_dir, "before-demo")
        for _ in range(backup_module.KEEP_AUTOMATIC + 2):
            backup_module.take_automatic_backup(store.db, store.backup_dir, "before-upgrade")
    assert replaced.exists()
    assert before_demo.exists()
    thinned = [p for p in (data_dir / "backups").iterdir() if "before-upgrade" in p.name]
    assert len(thinned) == backup_module.KEEP_AUTOMATIC


def test_thinning_leaves_another_stores_backups_alone(
    store: Store, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    # A lost store's backups, found in backups/ when this store started afresh beside them.
    with open_store(tmp_path / "lost", keyring_backend=memory_keyring) as lost:
        theirs = [
            backup_module.take_automatic_backup(lost.db, store.backup_dir, "before-upgrade")
            for _ in range(backup_module.KEEP_AUTOMATIC)
        ]
    plain = store.backup_dir / "supportnet-20200101T000000000000Z-before-upgrade.db"
    plain.write_bytes(b"SQLite format 3\0 an old-format backup, whose key can't be told")

    ours = [
        backup_module.take_automatic_backup(store.db, store.backup_dir, "before-upgrade")
        for _ in range(backup_module.KEEP_AUTOMATIC + 2)
    ]

    assert all(p.exists() for p in theirs)
    assert plain.exists()
    assert [p for p in ours if p.exists()] == ours[-backup_module.KEEP_AUTOMATIC :]


def test_an_automatic_backup_clears_what_a_killed_one_left(store: Store) -> None:
    # A backup killed midway leaves its temporary files (never the backup's own name).
    store.backup_dir.mkdir(mode=0o700, exist_ok=True)
    left = [
        store.backup_dir / ".supportnet-20261203T081000000000Z-before-demo.db.k2j4.partial",
        store.backup_dir / ".supportnet-20261203T081000000000Z-before-demo.db.x9q1.partial.backup",
    ]
    for path in left:
        path.write_bytes(b"half a backup")
    kept = store.backup_dir / "notes.txt"  # not ours: left alone
    kept.write_text("mine")

    made = backup_module.take_automatic_backup(store.db, store.backup_dir, "before-demo")

    assert made.exists()
    assert [p for p in left if p.exists()] == []
    assert kept.read_text() == "mine"


def _garbage(path: Path, _other: Path) -> None:
    path.write_bytes(b"\x13\x37" * 8192)


def _empty(path: Path, _other: Path) -> None:
    path.write_bytes(b"")


def _from_another_store(path: Path, other_dir: Path) -> None:
    with open_store(other_dir, keyring_backend=MemoryKeyring()) as other:
        other.people.add(Person(name="Someone else's friend"))
        other.backup(path)


def _a_plain_sqlite_file(path: Path, _other: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE people (name TEXT)")
    conn.close()


@pytest.mark.parametrize(
    "make",
    [_garbage, _empty, _from_another_store, _a_plain_sqlite_file],
    ids=["garbage", "empty file", "another store's backup", "unencrypted SQLite"],
)
@pytest.mark.parametrize("force", [False, True], ids=["", "force"])
def test_a_bad_backup_is_refused_and_the_store_unchanged(
    backed_up: Path,
    data_dir: Path,
    memory_keyring: MemoryKeyring,
    make: Callable[[Path, Path], None],
    force: bool,
) -> None:
    bad = backed_up.with_name("bad.db")
    make(bad, backed_up.with_name("other store"))
    before = snapshot(data_dir)

    with pytest.raises(BackupError) as caught:
        restore_backup(data_dir, bad, keyring_backend=memory_keyring, force=force)
    assert "Traceback" not in str(caught.value)
    assert "sqlcipher3" not in str(caught.value)
    assert snapshot(data_dir) == before
    assert not (data_dir / "backups").exists(), "nothing to keep: nothing was replaced"
    with open_store(data_dir, keyring_backend=memory_keyring) as store:
        assert _names(store) == ["Ada", "Bo", "Cy"]


def test_restore_of_a_missing_file(data_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no backup file"):
        restore_backup(data_dir, tmp_path / "nowhere.db")


def test_restore_into_a_folder_without_a_key_needs_the_recovery_key(
    backed_up: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "fresh"
    with pytest.raises(BackupError, match="recovery key"):
        restore_backup(empty, backed_up, keyring_backend=MemoryKeyring())
    assert not empty.exists(), "nothing is written before the backup is unlocked"


def test_restore_while_the_store_is_open(
    backed_up: Path, open_keyring_store: OpenKeyringStore, memory_keyring: MemoryKeyring
) -> None:
    store = open_keyring_store()
    with pytest.raises(StoreLockedError):
        restore_backup(store.data_dir, backed_up, keyring_backend=memory_keyring, force=True)
    assert _names(store) == ["Ada", "Bo", "Cy"]


def test_opening_the_store_clears_what_a_killed_restore_left(
    open_keyring_store: OpenKeyringStore, data_dir: Path
) -> None:
    open_keyring_store().close()
    left = [data_dir / "supportnet.db.restoring", data_dir / "supportnet.db.restoring-journal"]
    for path in left:
        path.write_bytes(b"half a restored copy")

    with open_keyring_store() as store:
        assert store.counts().total == 0

    assert [p for p in left if p.exists()] == []
