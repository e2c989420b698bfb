"""A store on a real, full 2 MiB disk: one calm line, exit 1, and every saved row still there.

The disk is a tmpfs mounted for the test; where that can't be done (not root, not Linux)
the tests skip and say why. tests/data/test_store_failures.py covers the same errors on
any machine through SQLite's page cap.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from supportnet.data.engine import raw_execute
from supportnet.data.store import open_store
from supportnet.model.checkins import CheckIn
from supportnet.model.errors import DiskFullError, ExportError
from supportnet.model.network import Person
from supportnet.services import calendar_export
from tests.cli.test_cli import assert_one_line_error, run_cli
from tests.data.small_disk import fill
from tests.data.storekit import MemoryKeyring

NOTE = "a long, calm note about a good walk by the river. " * 300  # 15,000 characters


def _doctor_counts(store_dir: Path) -> list[str]:
    result = run_cli("doctor", "--data-dir", str(store_dir))
    assert result.returncode == 0, result.stderr
    kinds = ("People", "Groups", "Plans", "Check-ins")
    return [line for line in result.stdout.splitlines() if line.startswith(kinds)]


def test_cli_log_and_backup_on_a_full_disk_say_so_and_keep_everything(
    demo_folder: Path, small_disk: Path
) -> None:
    store_dir = small_disk / "store"
    shutil.copytree(demo_folder, store_dir)
    before = _doctor_counts(store_dir)
    filler = fill(small_disk)

    logged = run_cli("log", "Grandad", "--note", NOTE, "--data-dir", str(store_dir))
    assert_one_line_error(logged, 1, "disk is full", "Nothing was lost")

    backup = small_disk / "backup.db"
    backed_up = run_cli("backup", "--out", str(backup), "--data-dir", str(store_dir))
    assert_one_line_error(backed_up, 1, "disk is full", "Nothing was lost")
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "store"]

    filler.unlink()
    assert _doctor_counts(store_dir) == before
    # With room again the same store takes the check-in.
    assert run_cli("log", "Grandad", "--note", NOTE, "--data-dir", str(store_dir)).returncode == 0


def test_the_data_layer_on_a_full_disk_raises_disk_full_and_keeps_everything(
    small_disk: Path, memory_keyring: MemoryKeyring
) -> None:
    data_dir = small_disk / "data"
    store = open_store(data_dir, keyring_backend=memory_keyring)
    try:
        ada = store.people.add(Person(name="Ada"))
        store.checkins.add(CheckIn(at=datetime.now(UTC), person_id=ada.id, note="Tea."))
        # An empty WAL, so the next write must find new room on the disk.
        raw_execute(store.db, "PRAGMA wal_checkpoint(TRUNCATE)")
        filler = fill(small_disk)

        with pytest.raises(DiskFullError, match="disk is full"):
            store.checkins.add(CheckIn(at=datetime.now(UTC), person_id=ada.id, note=NOTE))
        with pytest.raises(DiskFullError, match="Nothing was lost"):
            store.backup(small_disk / "backup.db")
        with pytest.raises(ExportError, match="disk is full"):
            calendar_export.write_atomically(small_disk / "plans.ics", NOTE.encode() * 10)
        assert sorted(p.name for p in small_disk.iterdir()) == ["data", "filler"]
    finally:
        store.close()
    filler.unlink()
    with open_store(data_dir, keyring_backend=memory_keyring) as reopened:
        assert [p.name for p in reopened.people.list_all()] == ["Ada"]
        assert [c.note for c in reopened.checkins.for_person(ada.id)] == ["Tea."]
