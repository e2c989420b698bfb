"""Deleting everything: the key leaves the keyring, the files and backups leave the disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from supportnet.data.delete_all import delete_everything
from supportnet.model.errors import KeyringEntryUnreadableError, StoreError, StoreLockedError


def test_the_keyring_entry_and_every_file_go(
    data_dir: Path, memory_keyring: Any, open_keyring_store: Any
) -> None:
    store = open_keyring_store()
    (data_dir / "backups").mkdir()
    store.backup(data_dir / "backups" / "supportnet-by-hand.db")
    store.close()
    (data_dir / "key.json.replaced-20261203").write_text("{}")
    (data_dir / "backups" / ".supportnet-x-daily.db.1.partial").write_bytes(b"half")
    assert memory_keyring.entries
    removed = delete_everything(data_dir, keyring_backend=memory_keyring)
    assert memory_keyring.entries == {}
    assert "the database key in the keyring" in removed
    assert any(line.startswith("the database (") for line in removed)
    assert any("automatic backup" in line for line in removed)
    assert "an earlier key file" in " ".join(removed)
    assert not data_dir.exists()


def test_files_supportnet_did_not_make_are_left(
    data_dir: Path, memory_keyring: Any, open_keyring_store: Any
) -> None:
    open_keyring_store().close()
    (data_dir / "backups").mkdir()
    (data_dir / "backups" / "my-own-copy.db").write_bytes(b"mine")
    delete_everything(data_dir, keyring_backend=memory_keyring)
    assert sorted(p.name for p in data_dir.rglob("*")) == ["backups", "my-own-copy.db"]


def test_an_open_store_is_not_deleted(
    data_dir: Path, memory_keyring: Any, open_keyring_store: Any
) -> None:
    open_keyring_store()
    with pytest.raises(StoreLockedError):
        delete_everything(data_dir, keyring_backend=memory_keyring)
    assert (data_dir / "supportnet.db").exists()
    assert memory_keyring.entries


class _Stubborn:
    """A keyring that won't give up the key."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.priority = inner.priority

    def get_password(self, service: str, username: str) -> str | None:
        found: str | None = self.inner.get_password(service, username)
        return found

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError("no")


def test_a_key_that_stays_in_the_keyring_removes_nothing(
    data_dir: Path, memory_keyring: Any, open_keyring_store: Any
) -> None:
    open_keyring_store().close()
    before = sorted(p.name for p in data_dir.iterdir())
    with pytest.raises(StoreError, match="nothing was removed"):
        delete_everything(data_dir, keyring_backend=_Stubborn(memory_keyring))
    assert sorted(p.name for p in data_dir.iterdir()) == before


def test_a_folder_without_a_store_gives_nothing_to_remove(tmp_path: Path) -> None:
    assert delete_everything(tmp_path / "none", keyring_backend=None) == []


class _StubbornAndUnreadable(_Stubborn):
    """Won't give up the key, which it can no longer open either (its secret changed)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringEntryUnreadableError("The secret has changed.")


def test_a_key_that_stays_unreadable_in_the_keyring_removes_nothing(
    data_dir: Path, memory_keyring: Any, open_keyring_store: Any
) -> None:
    open_keyring_store().close()
    before = sorted(p.name for p in data_dir.iterdir())
    with pytest.raises(StoreError, match="nothing was removed"):
        delete_everything(data_dir, keyring_backend=_StubbornAndUnreadable(memory_keyring))
    assert sorted(p.name for p in data_dir.iterdir()) == before
