"""recovery.json is checked end to end: a backup never claims a recovery key that can't open it."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime
from pathlib import Path

from supportnet.data import keys, recovery
from supportnet.data.backup_format import extract_database, read_header, write_container
from supportnet.data.recovery import RecoveryKeeper
from supportnet.data.restore import restore_backup
from supportnet.data.store import Store, open_store
from supportnet.model.network import Person
from tests.cli.test_cli import PASS, run_cli
from tests.data.storekit import MemoryKeyring

MONDAY = datetime(2026, 3, 2, 9, tzinfo=UTC)


def _key(folder: Path) -> str:
    result = run_cli("recovery-key", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def _change_one_character(folder: Path, field: str) -> None:
    """Change one base64 character of ``field`` in recovery.json (still valid base64)."""
    path = folder / recovery.RECOVERY_NAME
    data = json.loads(path.read_text())
    value = data[field]
    data[field] = value[:5] + ("B" if value[5] != "B" else "C") + value[6:]
    path.write_text(json.dumps(data))


def _people(folder: Path, passphrase: str = PASS) -> str:
    doctor = run_cli("doctor", "--data-dir", str(folder), passphrase=passphrase)
    assert doctor.returncode == 0, doctor.stderr
    return next(line for line in doctor.stdout.splitlines() if line.startswith("People"))


def _restore_elsewhere(backup: Path, fresh: Path, recovery_key: str) -> None:
    restored = run_cli(
        "restore",
        str(backup),
        "--data-dir",
        str(fresh),
        passphrase="a passphrase on the new computer",
        SUPPORTNET_RECOVERY_KEY=recovery_key,
    )
    assert restored.returncode == 0, restored.stderr


def test_a_damaged_key_wrap_is_made_again_from_the_same_recovery_key(
    demo_dir: Path, tmp_path: Path
) -> None:
    paper = _key(demo_dir)
    _change_one_character(demo_dir, "wrapped_key")
    backup = tmp_path / "backup.snb"
    made = run_cli("backup", "--out", str(backup), "--data-dir", str(demo_dir))
    assert made.returncode == 0, made.stderr
    assert "on any computer with your recovery key" in made.stdout
    fresh = tmp_path / "new computer"
    _restore_elsewhere(backup, fresh, paper)  # the key on paper opens it
    assert _people(fresh, "a passphrase on the new computer") == _people(demo_dir)
    assert _key(demo_dir) == paper, "nothing changed for the person"


def test_an_unreadable_record_gets_a_new_key_and_backup_says_to_look_at_it(
    demo_dir: Path, tmp_path: Path
) -> None:
    paper = _key(demo_dir)
    record = demo_dir / recovery.RECOVERY_NAME
    record.write_text(record.read_text()[:100])  # cut short
    backup = tmp_path / "backup.snb"
    made = run_cli("backup", "--out", str(backup), "--data-dir", str(demo_dir))
    assert made.returncode == 0, made.stderr
    assert "with your recovery key" not in made.stdout
    assert "new recovery key" in made.stdout
    assert "supportnet recovery-key" in made.stdout

    shown = run_cli("recovery-key", "--data-dir", str(demo_dir))
    assert shown.returncode == 0, shown.stderr
    new_key = shown.stdout.strip().splitlines()[-1]
    assert new_key != paper
    assert "new recovery key" in shown.stdout
    assert "opens only backups made before" in shown.stdout
    _restore_elsewhere(backup, tmp_path / "new computer", new_key)

    # Seen now: backups may say again that they open with it.
    again = run_cli("backup", "--out", str(tmp_path / "b2.snb"), "--data-dir", str(demo_dir))
    assert again.returncode == 0, again.stderr
    assert "on any computer with your recovery key" in again.stdout


def test_an_unreadable_recovery_secret_gets_a_new_key_that_opens_the_backup(
    demo_dir: Path, tmp_path: Path
) -> None:
    _key(demo_dir)
    _change_one_character(demo_dir, "wrapped_secret")
    shown = run_cli("recovery-key", "--data-dir", str(demo_dir))
    assert shown.returncode == 0, shown.stderr
    assert "new recovery key" in shown.stdout
    new_key = shown.stdout.strip().splitlines()[-1]
    backup = tmp_path / "backup.snb"
    made = run_cli("backup", "--out", str(backup), "--data-dir", str(demo_dir))
    assert made.returncode == 0, made.stderr
    fresh = tmp_path / "new computer"
    # With the passphrase, as the reviewer tried it, and with the new key.
    restored = run_cli("restore", str(backup), "--data-dir", str(fresh))
    assert restored.returncode == 0, restored.stderr
    _restore_elsewhere(backup, tmp_path / "another", new_key)


def test_the_app_is_told_when_a_seen_key_was_replaced(store: Store) -> None:
    data_dir = store.data_dir
    now = [MONDAY]
    keeper = RecoveryKeeper.for_store(store, lambda: now[0])
    assert keeper.replaced_on is None
    keeper.later()  # shown once
    (data_dir / recovery.RECOVERY_NAME).write_text("{ damaged")
    now[0] = datetime(2026, 3, 9, 9, tzinfo=UTC)
    assert keeper.replaced_on == date(2026, 3, 9)
    assert keeper.needs_reminder(), "the new key is shown again"
    keeper.stored()
    assert keeper.replaced_on is None


def test_a_record_for_another_key_that_nobody_saw_is_no_replacement(store: Store) -> None:
    data_dir, db_key = store.data_dir, store.db.key
    other = recovery.RecoveryRecord(recovery.wrap(db_key, "another", recovery.new_secret()), MONDAY)
    recovery.write_record(data_dir, other)
    record = recovery.ensure_record(data_dir, store.key_info.key_id, db_key, MONDAY)
    assert record.replaced_at is None


def _backup_with_unreadable_recovery_secret(data_dir: Path, out: Path, tmp_path: Path) -> None:
    """A backup as the old code wrote it from a record whose secret wrap was damaged: the
    header is signed, its passphrase wrap opens it, but its recovery secret can't be read."""
    info = keys.read_keyinfo(data_dir)
    assert info is not None
    db_key = keys.unwrap_key(info, PASS)
    made = run_cli("backup", "--out", str(out), "--data-dir", str(data_dir))
    assert made.returncode == 0, made.stderr
    header, start = read_header(out)
    database = tmp_path / "database-part"
    extract_database(out, start, header, database)
    secret = bytearray(header.recovery.wrapped_secret)
    secret[3] ^= 0x01
    damaged = dataclasses.replace(
        header, recovery=dataclasses.replace(header.recovery, wrapped_secret=bytes(secret)), mac=""
    )
    damaged = dataclasses.replace(damaged, mac=recovery.mac(db_key, damaged.signed_bytes()))
    out.unlink()
    write_container(database, out, damaged)


def test_restore_with_the_passphrase_makes_a_new_key_when_the_backups_cant_be_read(
    demo_dir: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.snb"
    _backup_with_unreadable_recovery_secret(demo_dir, backup, tmp_path)
    fresh = tmp_path / "new computer"
    restored = run_cli("restore", str(backup), "--data-dir", str(fresh))
    assert restored.returncode == 0, restored.stderr
    assert "couldn't be read" in restored.stdout
    assert "supportnet recovery-key" in restored.stdout
    assert _people(fresh) == _people(demo_dir)
    new_key = _key(fresh)
    again = tmp_path / "again.snb"
    assert run_cli("backup", "--out", str(again), "--data-dir", str(fresh)).returncode == 0
    _restore_elsewhere(again, tmp_path / "third computer", new_key)


def test_restore_over_a_store_fails_only_before_it_replaces_anything(
    demo_dir: Path, tmp_path: Path
) -> None:
    """The recovery secret is read before the store is set aside: here it can't be, and the
    restore goes on with a new recovery key instead of failing after the swap."""
    backup = tmp_path / "backup.snb"
    _backup_with_unreadable_recovery_secret(demo_dir, backup, tmp_path)
    here = tmp_path / "here"
    keyring = MemoryKeyring()
    with open_store(here, keyring_backend=keyring) as store:
        store.people.add(Person(name="Someone here"))
    result = restore_backup(
        here,
        backup,
        keyring_backend=keyring,
        force=True,
        backup_secret=lambda has_phrase: PASS if has_phrase else None,
    )
    with result.store as restored:
        assert "Someone here" not in [p.name for p in restored.people.list_all()]
    assert result.new_recovery_key
    assert result.safety_backup is not None
    record = recovery.read_record(here)
    assert record is not None
    assert record.replaced_at is not None
