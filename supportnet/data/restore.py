"""Restoring a backup: into this store, or onto a new computer with the recovery key.

A backup of this store opens with its own key. A backup from elsewhere (a lost computer,
another data folder) opens with its recovery key or its passphrase; the restored database
is then re-encrypted (``PRAGMA rekey``) with this folder's own key — the existing one, or a
new one made as on first start — and keeps the backup's recovery key.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from supportnet.data import keys, recovery
from supportnet.data.backup_format import BackupHeader, extract_database, is_container, read_header
from supportnet.data.engine import DatabaseFailure, RawDatabase, raw_execute
from supportnet.data.failures import file_failure, short_of_space
from supportnet.data.files import FILE_MODE, ensure_private_dir, fsync_dir
from supportnet.data.keys import KeyInfo, PassphraseProvider
from supportnet.data.lock import StoreLock
from supportnet.data.migrate import check_revision, current_revision
from supportnet.data.paths import user_path
from supportnet.data.store import Store, _open_with_key, _set_aside_current
from supportnet.data.store_files import DB_NAME, SIDE_FILES
from supportnet.data.store_key import AUTO_BACKEND, load_key, resolve_backend
from supportnet.i18n import _
from supportnet.model.errors import (
    BackupError,
    DiskFullError,
    KeyUnavailableError,
    ValidationError,
    WrongPassphraseError,
)
from supportnet.model.text import has_lone_surrogate

#: Asks for a backup's recovery key (or passphrase, when the flag says the backup has one).
#: Returns the typed text, or None when nobody can be asked.
BackupSecretProvider = Callable[[bool], str | None]


class BackupKeyRequiredError(BackupError):
    """A backup from elsewhere needs its recovery key or passphrase, and none was given."""


class WrongRecoveryKeyError(BackupError):
    """The recovery key is well-formed but doesn't open this backup."""


@dataclass(frozen=True, slots=True)
class RestoreResult:
    store: Store
    safety_backup: Path | None
    #: The backup came from elsewhere: the store now uses the backup's recovery key.
    from_elsewhere: bool = False
    #: The backup's recovery key couldn't be read (its passphrase opened it), so the store
    #: got a new one, which nobody has seen yet.
    new_recovery_key: bool = False


@dataclass(frozen=True, slots=True)
class _Unlocked:
    key: bytes
    secret: bytes | None  # the recovery secret, when it was typed in


def unlock_backup(header: BackupHeader, text: str) -> tuple[bytes, bytes | None]:
    """The database key of a backup from ``text`` (its recovery key or passphrase).

    Also returns the recovery secret when ``text`` was the recovery key. A typo in a
    recovery key is caught by its check group, before any decryption.
    """
    if has_lone_surrogate(text):
        raise ValidationError(
            "backup_secret",
            _(
                "The recovery key or passphrase given holds something that isn't plain text "
                "(perhaps it came in another encoding). Please type it again."
            ),
        )
    if recovery.looks_like_key(text) or header.passphrase is None:
        secret = recovery.parse_key(text)
        key = recovery.unwrap_with_secret(header.recovery, secret)
        if key is None or not header.verify(key):
            raise WrongRecoveryKeyError(
                _(
                    "That recovery key doesn't open this backup: it belongs to another store, or "
                    "the store's recovery key was replaced before this backup was made."
                )
            )
        return key, secret
    try:
        key = keys.unwrap_key(header.passphrase, text)
    except WrongPassphraseError:
        raise WrongPassphraseError(_("That passphrase doesn't open this backup.")) from None
    if not header.verify(key):
        raise BackupError(_("This backup is damaged (its header doesn't match its key)."))
    return key, None


def _ask(header: BackupHeader, ask: BackupSecretProvider | None) -> _Unlocked:
    text = ask(header.passphrase is not None) if ask is not None else None
    if text is None:
        if header.passphrase:
            raise BackupKeyRequiredError(
                _(
                    "This backup comes from another computer or store, so it opens with its "
                    "recovery key or passphrase: set SUPPORTNET_RECOVERY_KEY or "
                    "SUPPORTNET_PASSPHRASE, or run this in a terminal to type it."
                )
            )
        raise BackupKeyRequiredError(
            _(
                "This backup comes from another computer or store, so it opens with its "
                "recovery key: set SUPPORTNET_RECOVERY_KEY, or run this in a terminal to type it."
            )
        )
    key, secret = unlock_backup(header, text)
    return _Unlocked(key, secret)


def _carried_recovery(
    header: BackupHeader, unlocked: _Unlocked, key_id: str, local_key: bytes, now: datetime
) -> recovery.RecoveryRecord:
    """The recovery record for a store restored from elsewhere: the backup's recovery key,
    wrapped for this store's key; a new one if the backup's can't be read.

    Made before anything is replaced, as everything that can fail is.
    """
    secret = unlocked.secret
    if secret is None:
        with contextlib.suppress(KeyUnavailableError):
            secret = recovery.secret_of(header.recovery, unlocked.key)
    if secret is None:
        # The passphrase opened the backup but its recovery key is damaged: a store with
        # no working recovery key would be worse than one with a new key, said so.
        return recovery.RecoveryRecord(
            recovery.wrap(local_key, key_id, recovery.new_secret()), created_at=now, replaced_at=now
        )
    return recovery.RecoveryRecord(
        recovery.wrap(local_key, key_id, secret),
        created_at=now,
        confirmed_at=now if unlocked.secret is not None else None,
    )


def restore_backup(
    data_dir: Path,
    source: Path,
    *,
    passphrase: PassphraseProvider | None = None,
    keyring_backend: Any = AUTO_BACKEND,
    force: bool = False,
    backup_secret: BackupSecretProvider | None = None,
    local_key: bytes | None = None,
) -> RestoreResult:
    """Replace the store in ``data_dir`` with the backup ``source`` and open it.

    ``local_key``: this store's key, when the caller had it open (the app), so nobody is
    asked for the passphrase again. A store that holds data is replaced only with ``force``,
    and is backed up first. Until
    the backup is unlocked nothing is written; if anything fails later, whatever this
    restore made (database, key record, keyring entry, the folder itself) is taken back.
    """
    source = user_path(source)
    if not source.is_file():
        raise BackupError(_("There is no backup file at {source}.").format(source=source))
    if source.stat().st_size == 0:
        raise BackupError(
            _("{source} is empty; it isn't a SupportNet backup.").format(source=source)
        )
    header, start = read_header(source) if is_container(source) else (None, 0)
    info = keys.read_keyinfo(data_dir) if data_dir.is_dir() else None
    if info is None:
        return _restore_into_new(
            data_dir, source, header, start, passphrase, keyring_backend, backup_secret
        )
    ensure_private_dir(data_dir)
    lock = StoreLock(data_dir)
    lock.acquire()
    try:
        if local_key is None:
            local_key = load_key(data_dir, info, keyring_backend, passphrase)
        unlocked = _Unlocked(local_key, None)
        elsewhere = False
        if header is not None and not (header.key_id == info.key_id and header.verify(local_key)):
            unlocked, elsewhere = _ask(header, backup_secret), True
        now = datetime.now(UTC)
        carried = (
            _carried_recovery(header, unlocked, info.key_id, local_key, now)
            if elsewhere and header is not None
            else None
        )
        temp = _prepare(data_dir, source, header, start, unlocked.key, local_key)
        try:
            db = data_dir / DB_NAME
            safety = _set_aside_current(db, local_key, data_dir, force=force)
            _move_into_place(temp, db)
        finally:
            _remove(temp)
        if carried is not None:
            recovery.write_record(data_dir, carried)
        else:
            recovery.ensure_record(data_dir, info.key_id, local_key, now)
        return RestoreResult(
            _open_with_key(data_dir, lock, info, local_key),
            safety,
            elsewhere,
            new_recovery_key=carried is not None and carried.replaced_at is not None,
        )
    except BaseException:
        lock.release()
        raise


def _restore_into_new(
    data_dir: Path,
    source: Path,
    header: BackupHeader | None,
    start: int,
    passphrase: PassphraseProvider | None,
    keyring_backend: Any,
    ask: BackupSecretProvider | None,
) -> RestoreResult:
    """Restore into a folder with no store: unlock first, then make this machine's key."""
    if (data_dir / DB_NAME).exists():
        raise KeyUnavailableError(
            _(
                "The database in {data_dir} is here but its key record ({file}) is "
                "missing. Restore into a new, empty data folder instead (--data-dir DIR)."
            ).format(data_dir=data_dir, file=keys.KEYINFO_NAME)
        )
    if header is None:
        raise BackupError(
            _(
                "{source} was made by an older SupportNet, and opens only with the key of the "
                "store it came from. Restore it into that store's data folder."
            ).format(source=source)
        )
    unlocked = _ask(header, ask)
    existed = data_dir.exists()
    ensure_private_dir(data_dir)
    lock = StoreLock(data_dir)
    try:
        lock.acquire()
    except BaseException:
        if not existed:
            with contextlib.suppress(OSError):
                data_dir.rmdir()
        raise
    made: list[Path] = []
    info: KeyInfo | None = None
    backend: Any = None
    try:
        backend = resolve_backend(keyring_backend)
        key, info = keys.create_key(data_dir, backend, passphrase)
        made.append(data_dir / keys.KEYINFO_NAME)
        carried = _carried_recovery(header, unlocked, info.key_id, key, datetime.now(UTC))
        temp = _prepare(data_dir, source, header, start, unlocked.key, key)
        made.append(data_dir / DB_NAME)
        try:
            _move_into_place(temp, data_dir / DB_NAME)
        finally:
            _remove(temp)
        made.append(data_dir / recovery.RECOVERY_NAME)
        recovery.write_record(data_dir, carried)
        return RestoreResult(
            _open_with_key(data_dir, lock, info, key),
            None,
            True,
            new_recovery_key=carried.replaced_at is not None,
        )
    except BaseException:
        lock.release()
        if info is not None and info.method is keys.KeyMethod.KEYRING:
            keys.delete_from_keyring(backend, info)
        if not existed:
            shutil.rmtree(data_dir, ignore_errors=True)
        else:
            for path in (*made, *(Path(f"{data_dir / DB_NAME}{s}") for s in SIDE_FILES)):
                _remove(path)
            _remove(lock.path)
        raise


def _prepare(
    data_dir: Path,
    source: Path,
    header: BackupHeader | None,
    start: int,
    backup_key: bytes,
    target_key: bytes,
) -> Path:
    """The backup's database, checked and encrypted with ``target_key``, in a temp file."""
    temp = data_dir / (DB_NAME + ".restoring")
    for suffix in ("", *SIDE_FILES):
        _remove(Path(f"{temp}{suffix}"))
    try:
        if header is not None:
            extract_database(source, start, header, temp)
        else:
            _copy_old_backup(source, backup_key, temp)
        _check_and_rekey(temp, source, backup_key, target_key)
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
    except BaseException as exc:
        for suffix in ("", *SIDE_FILES):
            _remove(Path(f"{temp}{suffix}"))
        if isinstance(exc, OSError | DatabaseFailure):
            # A full or failing disk is about this folder, never about the backup.
            typed = file_failure(exc, temp, _RESTORED_COPY)
            if typed is not None:
                raise typed from exc
            if isinstance(exc, OSError):
                raise BackupError(
                    _("Can't restore {source} into {data_dir}: {reason}.").format(
                        source=source, data_dir=data_dir, reason=exc.strerror or exc
                    )
                ) from exc
        raise
    return temp


#: How file_failure names what a failed restore step didn't write.
_RESTORED_COPY = "the restored copy of the backup"


def _copy_old_backup(source: Path, key: bytes, temp: Path) -> None:
    """An old (plain SQLCipher) backup, copied with VACUUM INTO: it opens with this key only."""
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    backup = RawDatabase(source, key)
    try:
        raw_execute(backup, "VACUUM INTO ?", (str(temp),))
    except DatabaseFailure as exc:
        typed = file_failure(exc, temp, _RESTORED_COPY)
        raise typed or BackupError(
            _(
                "{source} can't be opened with this store's key: it is damaged, isn't a "
                "SupportNet backup, or belongs to another SupportNet store."
            ).format(source=source)
        ) from exc
    finally:
        backup.close()


def _check_and_rekey(temp: Path, source: Path, key: bytes, target_key: bytes) -> None:
    database = RawDatabase(temp, key)
    try:
        try:
            revision = current_revision(database)
            if revision is None:
                raise BackupError(_("{source} isn't a SupportNet backup.").format(source=source))
            check_revision(revision)
            if raw_execute(database, "PRAGMA cipher_integrity_check"):
                raise BackupError(
                    _("The backup {source} is damaged, so it wasn't restored.").format(
                        source=source
                    )
                )
        except DatabaseFailure as exc:
            typed = file_failure(exc, temp, _RESTORED_COPY)
            raise typed or BackupError(
                _("{source} can't be opened: it is damaged or isn't a SupportNet backup.").format(
                    source=source
                )
            ) from exc
        if target_key != key:
            _rekey(database, source, target_key)
    finally:
        database.close()


def _rekey(database: RawDatabase, source: Path, target_key: bytes) -> None:
    """Re-encrypt the checked copy with this store's key. The backup opened and checked out,
    so a failure here is about this computer (most often a full disk), never the backup."""
    try:
        # The file is in rollback-journal mode (VACUUM INTO's output), which rekey needs.
        raw_execute(database, f"PRAGMA rekey = \"x'{target_key.hex()}'\"")
    except DatabaseFailure as exc:
        typed = file_failure(exc, database.path, _RESTORED_COPY)
        # SQLCipher reports every rekey failure alike; its journal needs the file's size.
        full = isinstance(typed, DiskFullError) or short_of_space(
            database.path.parent, database.path.stat().st_size
        )
        if full:
            raise DiskFullError(
                _(
                    "The disk is full, so SupportNet couldn't re-encrypt the copy of {source} for "
                    "this computer. The backup itself is fine and nothing was changed. Free some "
                    "space on the disk, then try again."
                ).format(source=source)
            ) from exc
        raise typed or BackupError(
            _(
                "SupportNet couldn't re-encrypt the copy of {source} for this computer. The "
                "backup itself is fine and nothing was changed; check that the disk is "
                "working, then try again."
            ).format(source=source)
        ) from exc


def _move_into_place(temp: Path, db: Path) -> None:
    """Rename the prepared (and synced) file over the database, then sync the folder."""
    # No connection is open on the old database (we hold the lock), so its WAL and SHM
    # files are leftovers that must not be replayed onto the restored file.
    for suffix in SIDE_FILES:
        _remove(Path(f"{db}{suffix}"))
    fsync_dir(db.parent)
    os.replace(temp, db)
    fsync_dir(db.parent)


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
