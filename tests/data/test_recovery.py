"""The recovery key: its text form, and backups that restore anywhere with it."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportnet.data import keys, recovery
from supportnet.data.backup_format import MAGIC, read_header
from supportnet.data.engine import raw_execute
from supportnet.data.restore import restore_backup, unlock_backup
from supportnet.data.store import Store, open_store
from supportnet.data.store_files import DB_NAME
from supportnet.model.checkins import CheckIn
from supportnet.model.errors import BackupError
from supportnet.model.network import Person
from tests.data.storekit import TEST_PASSPHRASE, MemoryKeyring, raw_key, snapshot

secrets_20 = st.binary(min_size=recovery.SECRET_BYTES, max_size=recovery.SECRET_BYTES)


# --- The key as text -----------------------------------------------------------------------


@given(secrets_20)
def test_a_key_reads_back_however_it_is_typed(secret: bytes) -> None:
    text = recovery.format_key(secret)
    groups = text.split("-")
    assert [len(g) for g in groups] == [4] * 9
    assert recovery.parse_key(text) == secret
    sloppy = " ".join(groups).lower().replace("1", "l").replace("0", "o")
    assert recovery.parse_key(f"  {sloppy}\n") == secret
    assert recovery.parse_key(text.replace("-", "")) == secret


@given(secrets_20, st.data())
def test_any_one_wrong_character_is_caught(secret: bytes, data: st.DataObject) -> None:
    compact = recovery.format_key(secret).replace("-", "")
    where = data.draw(st.integers(0, len(compact) - 1))
    wrong = data.draw(st.sampled_from([c for c in recovery.ALPHABET if c != compact[where]]))
    typo = compact[:where] + wrong + compact[where + 1 :]
    with pytest.raises(recovery.RecoveryKeyError, match="typo"):
        recovery.parse_key(typo)


@given(secrets_20, st.data())
def test_two_swapped_neighbours_are_caught(secret: bytes, data: st.DataObject) -> None:
    compact = recovery.format_key(secret).replace("-", "")
    where = data.draw(st.integers(0, len(compact) - 2))
    if compact[where] == compact[where + 1]:
        return  # swapping two equal characters is no typo
    typo = compact[:where] + compact[where + 1] + compact[where] + compact[where + 2 :]
    with pytest.raises(recovery.RecoveryKeyError, match="typo"):
        recovery.parse_key(typo)


@pytest.mark.parametrize(
    ("text", "words"),
    [("ABCD-EFGH", "36 letters"), ("UUUU-" * 9, "no U"), ("", "36 letters")],
)
def test_what_isnt_a_key_is_named(text: str, words: str) -> None:
    with pytest.raises(recovery.RecoveryKeyError, match=words):
        recovery.parse_key(text)


def test_the_key_has_at_least_128_random_bits() -> None:
    keys_seen = {recovery.new_secret() for _ in range(50)}
    assert len(keys_seen) == 50
    assert recovery.SECRET_BYTES * 8 >= 128


# --- The record and its reminders ----------------------------------------------------------


def test_a_store_made_before_recovery_keys_gets_one_on_its_next_open(store: Store) -> None:
    data_dir = store.data_dir
    store.close()
    (data_dir / recovery.RECOVERY_NAME).unlink()
    with open_store(data_dir, passphrase=lambda _p: TEST_PASSPHRASE) as reopened:
        record = recovery.read_record(data_dir)
        assert record is not None
        assert record.wrap.key_id == reopened.key_info.key_id
        assert record.confirmed_at is None
        assert recovery.unwrap_with_secret(
            record.wrap, recovery.secret_of(record.wrap, reopened.db.key)
        ) == (reopened.db.key)
    assert (data_dir / recovery.RECOVERY_NAME).stat().st_mode & 0o777 == 0o600


def test_an_open_that_leaves_the_recovery_check_to_its_caller_skips_it(store: Store) -> None:
    # The app opens so, and its RecoveryKeeper checks (and makes) the record after the
    # window's first paint.
    data_dir = store.data_dir
    store.close()
    (data_dir / recovery.RECOVERY_NAME).unlink()
    with open_store(
        data_dir, passphrase=lambda _p: TEST_PASSPHRASE, check_recovery=False
    ) as reopened:
        assert recovery.read_record(data_dir) is None
        keeper = recovery.RecoveryKeeper.for_store(reopened, lambda: datetime.now(UTC))
        assert keeper.needs_reminder()
        record = recovery.read_record(data_dir)
        assert record is not None
        assert record.wrap.key_id == reopened.key_info.key_id


def test_the_recovery_record_holds_no_key_in_the_clear(store: Store) -> None:
    record = recovery.read_record(store.data_dir)
    assert record is not None
    text = (store.data_dir / recovery.RECOVERY_NAME).read_text()
    secret = recovery.secret_of(record.wrap, store.db.key)
    assert recovery.format_key(secret) not in text
    assert store.db.key.hex() not in text


def test_later_reminds_at_most_once_a_week_until_confirmed(store: Store) -> None:
    record = recovery.read_record(store.data_dir)
    assert record is not None
    monday = datetime(2026, 3, 2, 9, tzinfo=UTC)
    assert recovery.needs_reminder(record, monday)
    record = recovery.mark_reminded(store.data_dir, record, monday)
    assert not recovery.needs_reminder(record, monday + timedelta(days=6, hours=23))
    assert recovery.needs_reminder(record, monday + timedelta(days=7))
    record = recovery.mark_confirmed(store.data_dir, record, monday + timedelta(days=8))
    assert not recovery.needs_reminder(record, monday + timedelta(days=80))
    assert recovery.read_record(store.data_dir) == record, "both are kept on disk"


# --- Backups that restore anywhere ---------------------------------------------------------


def _key_text(data_dir: Path, db_key: bytes) -> str:
    record = recovery.read_record(data_dir)
    assert record is not None
    return recovery.key_text(record, db_key)


@pytest.fixture
def keyring_backup(tmp_path: Path) -> tuple[Path, str]:
    """A backup of a keyring store holding Ada, and its recovery key; the keyring is gone."""
    with open_store(tmp_path / "old computer", keyring_backend=MemoryKeyring()) as old:
        old.people.add(Person(name="Ada", notes="kept safe"))
        out = old.backup(tmp_path / "backup.db")
        return out, _key_text(old.data_dir, old.db.key)


def test_a_backup_is_one_file_with_its_keys_outside_the_encryption(
    keyring_backup: tuple[Path, str],
) -> None:
    backup, _key = keyring_backup
    assert backup.read_bytes().startswith(MAGIC)
    header, _start = read_header(backup)
    assert header.passphrase is None, "a keyring store's backup has no passphrase wrap"
    assert b"Ada" not in backup.read_bytes()


def test_restore_on_a_new_computer_with_the_recovery_key(
    keyring_backup: tuple[Path, str], tmp_path: Path
) -> None:
    backup, key_text = keyring_backup
    new_keyring = MemoryKeyring()
    fresh = tmp_path / "new computer"
    result = restore_backup(
        fresh, backup, keyring_backend=new_keyring, backup_secret=lambda _phrase: key_text
    )
    with result.store as store:
        assert [p.name for p in store.people.list_all()] == ["Ada"]
        assert store.key_info.method is keys.KeyMethod.KEYRING
        assert result.from_elsewhere
        new_key = store.db.key
    assert new_keyring.entries, "the key now lives in this computer's keyring"
    # Re-keyed: the old key no longer opens the restored database; the same recovery key works.
    old_header, _ = read_header(backup)
    old_key, _ = unlock_backup(old_header, key_text)
    assert old_key != new_key
    assert _key_text(fresh, new_key) == key_text
    record = recovery.read_record(fresh)
    assert record is not None
    assert record.confirmed_at is not None, "typing the key in shows it was kept"


def test_a_check_in_done_by_a_supporter_keeps_who_on_a_new_computer(tmp_path: Path) -> None:
    with open_store(tmp_path / "old computer", keyring_backend=MemoryKeyring()) as old:
        sam = old.people.add(Person(name="Sam"))
        ada = old.people.add(Person(name="Ada"))
        at = datetime(2026, 1, 5, 19, tzinfo=UTC)
        old.checkins.add(CheckIn(at=at, person_id=sam.id, by=ada.uid, rota_slot="slot-1"))
        backup = old.backup(tmp_path / "backup.db")
        key_text = _key_text(old.data_dir, old.db.key)
    result = restore_backup(
        tmp_path / "new computer",
        backup,
        keyring_backend=MemoryKeyring(),
        backup_secret=lambda _phrase: key_text,
    )
    with result.store as store:
        assert result.from_elsewhere
        (done,) = store.checkins.for_person(sam.id)  # type: ignore[arg-type]
        assert (done.by, done.rota_slot, done.at) == (ada.uid, "slot-1", at)


def test_restore_on_a_new_computer_with_the_passphrase(store: Store, tmp_path: Path) -> None:
    store.people.add(Person(name="Bo"))
    backup = store.backup(tmp_path / "backup.db")
    key_text = _key_text(store.data_dir, store.db.key)
    fresh = tmp_path / "new computer"
    # No keyring there: a new passphrase protects the restored store, as on a first start.
    result = restore_backup(
        fresh,
        backup,
        keyring_backend=_NoKeyring(),
        passphrase=lambda _purpose: "a new passphrase here",
        backup_secret=lambda has_phrase: TEST_PASSPHRASE if has_phrase else None,
    )
    with result.store as restored:
        assert [p.name for p in restored.people.list_all()] == ["Bo"]
        assert restored.key_info.method is keys.KeyMethod.PASSPHRASE
        new_key = restored.db.key
    assert keys.unwrap_key(keys.read_keyinfo(fresh), "a new passphrase here") == new_key  # type: ignore[arg-type]
    assert _key_text(fresh, new_key) == key_text, "the recovery key is carried over"
    record = recovery.read_record(fresh)
    assert record is not None
    assert record.confirmed_at is None, "it may need showing again"


class _NoKeyring(MemoryKeyring):
    """A keyring that refuses to keep anything."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("locked")


@pytest.mark.parametrize("existed", [False, True], ids=["no folder", "empty folder"])
def test_a_wrong_recovery_key_writes_nothing(
    keyring_backup: tuple[Path, str], tmp_path: Path, existed: bool
) -> None:
    backup, _key = keyring_backup
    other = tmp_path / "other"
    with open_store(other, keyring_backend=MemoryKeyring()) as store:
        wrong = _key_text(other, store.db.key)
    fresh = tmp_path / "new computer"
    if existed:
        fresh.mkdir()
    new_keyring = MemoryKeyring()
    with pytest.raises(BackupError, match="doesn't open this backup"):
        restore_backup(fresh, backup, keyring_backend=new_keyring, backup_secret=lambda _p: wrong)
    assert fresh.exists() == existed
    assert not existed or list(fresh.iterdir()) == []
    assert new_keyring.entries == {}


def test_a_wrong_recovery_key_leaves_an_existing_store_as_it_was(
    keyring_backup: tuple[Path, str], data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    backup, _key = keyring_backup
    with open_store(data_dir, keyring_backend=memory_keyring) as store:
        store.people.add(Person(name="Here already"))
    before = snapshot(data_dir)
    entries = dict(memory_keyring.entries)
    wrong = recovery.format_key(recovery.new_secret())
    for force in (False, True):
        with pytest.raises(BackupError, match="doesn't open this backup"):
            restore_backup(
                data_dir,
                backup,
                keyring_backend=memory_keyring,
                force=force,
                backup_secret=lambda _p: wrong,
            )
    assert snapshot(data_dir) == before
    assert memory_keyring.entries == entries


def test_a_typo_is_caught_before_any_decryption(
    keyring_backup: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    backup, key_text = keyring_backup
    typo = key_text[:5] + ("X" if key_text[5] != "X" else "Y") + key_text[6:]
    header, _ = read_header(backup)

    def no_decryption(*_args: Any) -> None:
        raise AssertionError("a typo must be caught before decrypting")

    monkeypatch.setattr(recovery, "unwrap_with_secret", no_decryption)
    monkeypatch.setattr(keys, "unwrap_key", no_decryption)
    with pytest.raises(recovery.RecoveryKeyError, match="typo"):
        unlock_backup(header, typo)


def test_a_backup_from_elsewhere_into_an_existing_store_keeps_its_key(
    keyring_backup: tuple[Path, str], data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    backup, key_text = keyring_backup
    with open_store(data_dir, keyring_backend=memory_keyring) as store:
        local_key = store.db.key
    result = restore_backup(
        data_dir, backup, keyring_backend=memory_keyring, backup_secret=lambda _p: key_text
    )
    with result.store as restored:
        assert restored.db.key == local_key
        assert [p.name for p in restored.people.list_all()] == ["Ada"]
    assert _key_text(data_dir, local_key) == key_text


def test_an_old_plain_backup_still_restores(
    open_keyring_store: Callable[..., Store], memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    store = open_keyring_store()
    store.people.add(Person(name="Ada"))
    old = tmp_path / "old-format.db"
    raw_execute(store.db, "VACUUM INTO ?", (str(old),))  # what `backup` wrote before
    store.people.add(Person(name="Bo"))
    data_dir = store.data_dir
    store.close()
    result = restore_backup(data_dir, old, keyring_backend=memory_keyring, force=True)
    with result.store as restored:
        assert [p.name for p in restored.people.list_all()] == ["Ada"]
        assert not result.from_elsewhere


def test_restore_syncs_the_file_before_and_the_folder_after_the_rename(
    open_keyring_store: Callable[..., Store],
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to name the synced files")
    store = open_keyring_store()
    store.people.add(Person(name="Ada"))
    backup = store.backup(tmp_path / "backup.db")
    data_dir = store.data_dir
    store.close()
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        events.append(("replace", str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    result = restore_backup(data_dir, backup, keyring_backend=memory_keyring, force=True)
    result.store.close()
    db = data_dir.resolve() / DB_NAME
    moved = events.index(("replace", str(data_dir / DB_NAME)))
    before, after = events[:moved], events[moved + 1 :]
    assert ("fsync", f"{db}.restoring") in before, "the new file is on disk before the rename"
    assert ("fsync", str(data_dir.resolve())) in after, "and the rename itself after it"


# --- backup --out safety (the data layer; test_cli_recovery.py runs the command) -------------


def test_a_backup_never_lands_on_the_store_itself(store: Store) -> None:
    before = snapshot(store.data_dir)
    for name in (keys.KEYINFO_NAME, DB_NAME, recovery.RECOVERY_NAME, "anything.db"):
        with pytest.raises(BackupError, match="inside the data folder"):
            store.backup(store.data_dir / name, force=True)
    link = store.data_dir.parent / "innocent.db"
    link.symlink_to(store.data_dir / keys.KEYINFO_NAME)
    with pytest.raises(BackupError, match="inside the data folder"):
        store.backup(link, force=True)
    after = snapshot(store.data_dir)
    assert {k: v[0] for k, v in after.items()} == {k: v[0] for k, v in before.items()}
    (store.data_dir / "backups").mkdir()
    assert store.backup(store.data_dir / "backups" / "mine.db").exists()


def test_a_file_that_isnt_a_backup_is_replaced_only_with_force(
    store: Store, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my own notes")
    with pytest.raises(BackupError, match="isn't a SupportNet backup"):
        store.backup(notes)
    assert notes.read_text() == "my own notes"
    store.backup(notes, force=True)
    assert notes.read_bytes().startswith(MAGIC)
    store.backup(notes)  # a backup may replace a backup
    assert raw_key(store.data_dir) == store.db.key


def test_a_damaged_recovery_record_never_locks_the_store(store: Store) -> None:
    data_dir = store.data_dir
    store.close()
    (data_dir / recovery.RECOVERY_NAME).write_text("{ not json")
    with open_store(data_dir, passphrase=lambda _p: TEST_PASSPHRASE) as reopened:
        record = recovery.read_record(data_dir)
        assert record is not None
        assert record.wrap.key_id == reopened.key_info.key_id
    kept = list(data_dir.glob(f"{recovery.RECOVERY_NAME}.unused-*"))
    assert [p.read_text() for p in kept] == ["{ not json"], "the damaged one is kept aside"


def _flip_last_byte(data: bytes) -> bytes:
    return data[:-1] + bytes([data[-1] ^ 0x01])


def _flip_in_header(data: bytes) -> bytes:
    at = data.index(b'"wrapped_key"') + 20
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


@pytest.mark.parametrize(
    "damage",
    [_flip_last_byte, _flip_in_header, lambda data: data[:-4096], lambda data: data[:40]],
    ids=["a flipped bit in the database", "a flipped bit in a wrapped key", "cut short", "header"],
)
def test_a_damaged_backup_is_refused_and_nothing_is_left(
    keyring_backup: tuple[Path, str], tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    backup, key_text = keyring_backup
    backup.write_bytes(damage(backup.read_bytes()))
    fresh = tmp_path / "new computer"
    new_keyring = MemoryKeyring()
    with pytest.raises(BackupError):
        restore_backup(
            fresh, backup, keyring_backend=new_keyring, backup_secret=lambda _p: key_text
        )
    assert not fresh.exists()
    assert new_keyring.entries == {}
