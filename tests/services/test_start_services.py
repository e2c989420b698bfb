"""The services the start dialogs use: unlocking with the recovery key, keeping the key."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from supportnet.data.recovery import RecoveryKeeper
from supportnet.data.store import open_store
from supportnet.model.errors import SupportNetError, WrongPassphraseError
from supportnet.model.network import Circle, Person
from supportnet.services import recovery_key, unlocking, versions
from supportnet.services.unlocking import PassphrasePurpose
from tests.conftest import TEST_PASSPHRASE
from tests.data.test_store_recovery import snapshot

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
NEW_PASSPHRASE = "a brand new calm passphrase"


def _passphrase_store(folder: Path, no_keyring: Any) -> str:
    """A closed passphrase store holding Robin; its recovery key."""
    with open_store(
        folder, passphrase=lambda _p: TEST_PASSPHRASE, keyring_backend=no_keyring
    ) as store:
        store.people.add(Person(name="Robin", circle=Circle.INNER))
        return RecoveryKeeper.for_store(store, lambda: NOW).key_text()


def _typo(key: str) -> str:
    return key[:10] + ("Z" if key[10] != "Z" else "Y") + key[11:]


def test_a_typed_key_is_checked_before_anything_is_opened(data_dir: Path, no_keyring: Any) -> None:
    key = _passphrase_store(data_dir, no_keyring)
    assert unlocking.looks_like_recovery_key(key.lower().replace("-", " "))
    assert not unlocking.looks_like_recovery_key(key[:20])
    assert unlocking.recovery_key_typo(key) == ""
    assert "typo" in unlocking.recovery_key_typo(_typo(key))
    assert "this one has" in unlocking.recovery_key_typo(key[:20])


def test_the_recovery_key_opens_the_store_with_a_new_passphrase(
    data_dir: Path, no_keyring: Any
) -> None:
    key = _passphrase_store(data_dir, no_keyring)
    asked: list[PassphrasePurpose] = []

    def ask_new(purpose: PassphrasePurpose) -> str:
        asked.append(purpose)
        return NEW_PASSPHRASE

    store = unlocking.open_with_recovery_key(
        data_dir, key, ask_new=ask_new, keyring_backend=no_keyring
    )
    with store:
        assert [p.name for p in store.people.list_all()] == ["Robin"]
    assert asked == [PassphrasePurpose.NEW]
    with open_store(
        data_dir, passphrase=lambda _p: NEW_PASSPHRASE, keyring_backend=no_keyring
    ) as again:
        assert again.counts().people == 1


def test_another_stores_key_is_told_apart_and_changes_nothing(
    data_dir: Path, no_keyring: Any, tmp_path: Path
) -> None:
    _passphrase_store(data_dir, no_keyring)
    other = _passphrase_store(tmp_path / "other", no_keyring)
    before = snapshot(data_dir)
    with pytest.raises(SupportNetError) as raised:
        unlocking.open_with_recovery_key(
            data_dir, other, ask_new=lambda _p: NEW_PASSPHRASE, keyring_backend=no_keyring
        )
    assert unlocking.is_wrong_recovery_key(raised.value)
    assert snapshot(data_dir) == before
    assert not unlocking.is_wrong_recovery_key(WrongPassphraseError("No."))
    assert not unlocking.is_wrong_recovery_key(ValueError())


def test_the_key_is_never_kept_inside_the_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "backups").mkdir(parents=True)
    assert not recovery_key.may_keep_key_at(data / "key.pdf", data)
    assert not recovery_key.may_keep_key_at(data / "backups" / "key.pdf", data)
    assert not recovery_key.may_keep_key_at(data, data)
    assert recovery_key.may_keep_key_at(tmp_path / "Documents" / "key.pdf", data)
    # A link into the data folder is inside it too.
    (tmp_path / "link").symlink_to(data)
    assert not recovery_key.may_keep_key_at(tmp_path / "link" / "key.pdf", data)
    assert recovery_key.may_keep_key_at(data / "key.pdf", None)


def test_the_crash_report_names_sqlalchemys_version() -> None:
    import sqlalchemy

    assert versions.sqlalchemy_version() == sqlalchemy.__version__
