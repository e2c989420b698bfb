"""The recovery key opens this computer's store when its keyring entry or passphrase is lost."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from supportnet.data import keys, recovery
from supportnet.data.keys import KEYRING_SERVICE, KeyMethod, PassphrasePurpose
from supportnet.data.store import open_store
from supportnet.data.store_recovery import RecoveryKeyMismatchError, recover_store
from supportnet.model.errors import (
    KeyringEntryMissingError,
    KeyUnavailableError,
    PassphraseRequiredError,
    WrongPassphraseError,
)
from supportnet.model.network import Circle, Person
from tests.conftest import TEST_PASSPHRASE
from tests.data.storekit import MemoryKeyring

NOW = datetime(2026, 12, 3, 8, 30, tzinfo=UTC)
NEW_PASSPHRASE = "a brand new calm passphrase"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and mode (the lock file's content is emptied on release)."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mode)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _keyring_store(data_dir: Path, keyring: MemoryKeyring) -> tuple[str, str]:
    """A keyring store holding one person; its recovery key and key id."""
    with open_store(data_dir, keyring_backend=keyring) as store:
        store.people.add(Person(name="Robin", circle=Circle.INNER))
        key_text = recovery.RecoveryKeeper.for_store(store, lambda: NOW).key_text()
        return key_text, store.key_info.key_id


def _passphrase_store(data_dir: Path, no_keyring: Any) -> str:
    with open_store(
        data_dir, passphrase=lambda _p: TEST_PASSPHRASE, keyring_backend=no_keyring
    ) as store:
        store.people.add(Person(name="Robin", circle=Circle.INNER))
        return recovery.RecoveryKeeper.for_store(store, lambda: NOW).key_text()


def _never_asked(_purpose: PassphrasePurpose) -> str:
    raise AssertionError("no passphrase should be asked for with a working keyring")


def test_a_lost_keyring_entry_comes_back_with_the_recovery_key(data_dir: Path) -> None:
    first = MemoryKeyring()
    key_text, key_id = _keyring_store(data_dir, first)
    old_record = (data_dir / "key.json").read_bytes()
    old_recovery = recovery.read_record(data_dir)
    assert old_recovery is not None
    assert old_recovery.confirmed_at is None
    # A reset keyring: the home folder is kept, the entry is gone.
    fresh = MemoryKeyring()
    with pytest.raises(KeyringEntryMissingError, match="unlock-with-recovery-key"):
        open_store(data_dir, keyring_backend=fresh)

    typed = key_text.lower().replace("-", " ")  # as someone might type it from paper
    result = recover_store(data_dir, typed, passphrase=_never_asked, keyring_backend=fresh, now=NOW)
    with result.store as store:
        assert [p.name for p in store.people.list_all()] == ["Robin"]
        assert store.key_info.method is KeyMethod.KEYRING
    assert fresh.get_password(KEYRING_SERVICE, f"database-key:{key_id}") is not None
    assert result.old_key_record == data_dir / "key.json.replaced-20261203T083000"
    assert result.old_key_record.read_bytes() == old_record
    # The same recovery key, the same wraps: nothing to write down again. Typed in, it is
    # plainly kept somewhere, so the weekly reminder stops.
    now_recovery = recovery.read_record(data_dir)
    assert now_recovery is not None
    assert now_recovery.wrap == old_recovery.wrap
    assert now_recovery.confirmed_at == NOW
    with open_store(data_dir, passphrase=_never_asked, keyring_backend=fresh) as store:
        assert [p.name for p in store.people.list_all()] == ["Robin"]
        assert recovery.RecoveryKeeper.for_store(store, lambda: NOW).key_text() == key_text


def test_a_wrong_recovery_key_changes_nothing(data_dir: Path) -> None:
    _keyring_store(data_dir, MemoryKeyring())
    other_dir = data_dir.parent / "other"
    other_key, _ = _keyring_store(other_dir, MemoryKeyring())
    fresh = MemoryKeyring()
    before = snapshot(data_dir)
    with pytest.raises(RecoveryKeyMismatchError, match="nothing was changed"):
        recover_store(data_dir, other_key, passphrase=_never_asked, keyring_backend=fresh)
    assert snapshot(data_dir) == before
    assert fresh.entries == {}


def test_a_typo_is_caught_before_anything_is_read(data_dir: Path) -> None:
    key_text, _ = _keyring_store(data_dir, MemoryKeyring())
    typo = ("1" if key_text[0] != "1" else "2") + key_text[1:]
    before = snapshot(data_dir)
    with pytest.raises(recovery.RecoveryKeyError, match="typo"):
        recover_store(data_dir, typo, keyring_backend=MemoryKeyring())
    assert snapshot(data_dir) == before


def test_a_forgotten_passphrase_is_replaced_by_a_new_one(data_dir: Path, no_keyring: Any) -> None:
    key_text = _passphrase_store(data_dir, no_keyring)
    with pytest.raises(WrongPassphraseError, match="unlock-with-recovery-key"):
        open_store(data_dir, passphrase=lambda _p: "forgotten it", keyring_backend=no_keyring)

    asked: list[PassphrasePurpose] = []

    def new_passphrase(purpose: PassphrasePurpose) -> str:
        asked.append(purpose)
        return NEW_PASSPHRASE

    # Even with a usable keyring, a passphrase store keeps the person's choice of a passphrase.
    keyring = MemoryKeyring()
    result = recover_store(data_dir, key_text, passphrase=new_passphrase, keyring_backend=keyring)
    result.store.close()
    assert asked == [PassphrasePurpose.NEW]
    assert keyring.entries == {}
    assert result.old_key_record is not None
    now_kept = keys.read_keyinfo(data_dir)
    assert now_kept is not None
    assert now_kept.method is KeyMethod.PASSPHRASE
    with open_store(
        data_dir, passphrase=lambda _p: NEW_PASSPHRASE, keyring_backend=no_keyring
    ) as store:
        assert [p.name for p in store.people.list_all()] == ["Robin"]
    with pytest.raises(WrongPassphraseError):
        open_store(data_dir, passphrase=lambda _p: TEST_PASSPHRASE, keyring_backend=no_keyring)


def test_no_new_passphrase_means_nothing_changed(data_dir: Path, no_keyring: Any) -> None:
    key_text = _passphrase_store(data_dir, no_keyring)
    before = snapshot(data_dir)
    with pytest.raises(PassphraseRequiredError):
        recover_store(data_dir, key_text, passphrase=lambda _p: None, keyring_backend=no_keyring)
    assert snapshot(data_dir) == before


def test_a_keyring_store_without_a_keyring_gets_a_passphrase(
    data_dir: Path, no_keyring: Any
) -> None:
    key_text, _ = _keyring_store(data_dir, MemoryKeyring())
    result = recover_store(
        data_dir, key_text, passphrase=lambda _p: NEW_PASSPHRASE, keyring_backend=no_keyring
    )
    result.store.close()
    with open_store(
        data_dir, passphrase=lambda _p: NEW_PASSPHRASE, keyring_backend=no_keyring
    ) as store:
        assert store.key_info.method is KeyMethod.PASSPHRASE
        assert store.counts().people == 1


def test_recovering_twice_keeps_both_old_records(data_dir: Path) -> None:
    key_text, _ = _keyring_store(data_dir, MemoryKeyring())
    for _ in range(2):
        recover_store(data_dir, key_text, keyring_backend=MemoryKeyring(), now=NOW).store.close()
    kept = sorted(p.name for p in data_dir.glob("key.json.replaced-*"))
    assert kept == ["key.json.replaced-20261203T083000", "key.json.replaced-20261203T083000-2"]


def test_without_a_recovery_record_it_says_so(data_dir: Path) -> None:
    key_text, _ = _keyring_store(data_dir, MemoryKeyring())
    (data_dir / recovery.RECOVERY_NAME).unlink()
    with pytest.raises(KeyringEntryMissingError) as missing:
        open_store(data_dir, keyring_backend=MemoryKeyring())
    assert "recovery key" not in missing.value.message  # no way back to point at
    with pytest.raises(KeyUnavailableError, match="no recovery record"):
        recover_store(data_dir, key_text, keyring_backend=MemoryKeyring())


def test_restore_with_a_lost_keyring_entry_points_at_the_recovery_key(
    data_dir: Path, tmp_path: Path
) -> None:
    from supportnet.data.restore import restore_backup

    keyring = MemoryKeyring()
    _keyring_store(data_dir, keyring)
    backup = tmp_path / "backup.db"
    with open_store(data_dir, keyring_backend=keyring) as store:
        store.backup(backup)
    with pytest.raises(KeyringEntryMissingError, match="unlock-with-recovery-key"):
        restore_backup(data_dir, backup, keyring_backend=MemoryKeyring(), force=True)
