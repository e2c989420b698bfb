"""Restoring into the store the app has open: same rules as `restore`, the same Store object."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from supportnet.data.restore_open import check_backup, check_secret, restore_in_place
from supportnet.data.store import open_store
from supportnet.demo.loader import load_demo
from supportnet.model.errors import BackupError, WrongPassphraseError
from tests.conftest import TEST_PASSPHRASE

DAY = date(2025, 6, 15)


def test_restore_replaces_the_data_of_the_same_store_and_backs_it_up_first(
    store: Any, tmp_path: Path
) -> None:
    empty = store.backup(tmp_path / "empty.db")
    load_demo(store, DAY, "Europe/London")
    people = store.people.list_all()  # the repositories are cached on the store
    assert people

    assert check_backup(store, empty).from_elsewhere is False
    result = restore_in_place(store, empty)

    assert result.store is store
    assert store.counts().total == 0
    assert store.people.list_all() == []
    assert result.safety_backup is not None
    assert result.safety_backup.is_file()
    # What it replaced comes back from the backup taken first.
    restore_in_place(store, result.safety_backup)
    assert len(store.people.list_all()) == len(people)


def test_a_broken_file_changes_nothing_and_the_store_stays_open(store: Any, tmp_path: Path) -> None:
    load_demo(store, DAY, "Europe/London")
    before = store.counts()
    good = store.backup(tmp_path / "good.db")
    broken = tmp_path / "broken.db"
    broken.write_bytes(good.read_bytes()[:-4096])
    with pytest.raises(BackupError):
        restore_in_place(store, broken)
    assert store.counts() == before
    not_a_backup = tmp_path / "notes.db"
    not_a_backup.write_bytes(b"just some words" * 100)
    with pytest.raises(BackupError):
        check_backup(store, not_a_backup)
    assert store.counts() == before
    assert not list((store.data_dir / "backups").glob("*before-restore*"))


def test_a_backup_from_elsewhere_opens_with_its_passphrase(
    store: Any, tmp_path: Path, no_keyring: object
) -> None:
    with open_store(
        tmp_path / "other", passphrase=lambda _p: TEST_PASSPHRASE, keyring_backend=no_keyring
    ) as other:
        load_demo(other, DAY, "Europe/London")
        counts = other.counts()
        theirs = other.backup(tmp_path / "theirs.db")

    check = check_backup(store, theirs)
    assert check.from_elsewhere
    assert check.passphrase_too
    with pytest.raises(WrongPassphraseError):
        check_secret(theirs, "not the passphrase")
    check_secret(theirs, TEST_PASSPHRASE)

    result = restore_in_place(store, theirs, secret=TEST_PASSPHRASE)
    assert result.from_elsewhere
    assert store.counts() == counts
    assert result.safety_backup is not None  # what was there is kept, as `restore --force` does


def test_a_backup_damaged_inside_is_found_after_closing_and_the_store_reopens_as_it_was(
    store: Any, tmp_path: Path
) -> None:
    load_demo(store, DAY, "Europe/London")
    before = store.counts()
    good = store.backup(tmp_path / "good.db")
    data = bytearray(good.read_bytes())
    data[-100] ^= 0xFF  # the header reads fine; the database inside doesn't match it
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(data))
    assert check_backup(store, damaged).from_elsewhere is False
    with pytest.raises(BackupError):
        restore_in_place(store, damaged)
    assert store.counts() == before
    assert len(store.people.list_all()) == before.people
    store.settings.update(onboarded=True)  # and it still writes
