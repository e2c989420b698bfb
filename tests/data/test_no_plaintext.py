"""Nothing readable on disk: the database, its write-ahead log and backups are all encrypted."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from supportnet.data.store import Store
from supportnet.data.store_files import DB_NAME
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.network import ChannelKind, ContactChannel, Person
from tests.data.storekit import count, raw_key

NAME = "Zephyrine Quillfeather"
NOTE = "Zephyrine said the allotment is her quiet place; ask about the marrows."
FORBIDDEN = (NAME.encode(), b"Quillfeather", b"allotment", b"CREATE TABLE", b"SQLite format 3")


def _assert_opaque(path: Path) -> None:
    data = path.read_bytes()
    assert data, f"{path.name} is empty, so this check would prove nothing"
    for needle in FORBIDDEN:
        assert needle not in data, f"{needle!r} is readable in {path.name}"
    # The note in UTF-16 too, in case some layer stored it that way.
    assert NAME.encode("utf-16-le") not in data


def test_database_wal_and_backup_hold_no_plaintext(store: Store, tmp_path: Path) -> None:
    person = store.people.add(
        Person(
            name=NAME,
            notes=NOTE,
            tags=["Quillfeather family"],
            channels=[ContactChannel(ChannelKind.EMAIL, "zephyrine@quillfeather.example", True)],
        )
    )
    backup = store.backup(tmp_path / "backup.db")
    assert person.id is not None
    # More writes while the store stays open: they sit in the WAL, not yet checkpointed.
    store.checkins.add(
        CheckIn(at=datetime.now(UTC), person_id=person.id, initiator=Initiator.THEM, note=NOTE)
    )
    store.people.add(Person(name=f"{NAME} junior", notes=NOTE))

    db = store.db_path
    wal = db.with_name(f"{DB_NAME}-wal")
    assert wal.exists()
    assert wal.stat().st_size > 0
    for path in (db, wal, db.with_name(f"{DB_NAME}-shm"), backup):
        _assert_opaque(path)
    # …and the data really is in those files: the backup opens with the key.
    key = raw_key(store.data_dir)
    assert count(backup, key, "people") == 1
