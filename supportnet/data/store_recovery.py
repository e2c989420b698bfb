"""Opening this computer's store with its recovery key, when its own key can't be reached.

``recovery.json`` beside the store holds the database key wrapped by the recovery key. If
the keyring entry is lost (a reinstalled system, a reset keyring) or the passphrase is
forgotten, the recovery key unwraps the database key; once it is shown to open the
database, the key is kept for this machine again as on first start — in the keyring, or
wrapped by a new passphrase — and the recovery key stays the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from supportnet.data import keys, recovery
from supportnet.data.engine import DatabaseFailure, RawDatabase, raw_execute
from supportnet.data.files import write_private_file
from supportnet.data.keys import KdfParams, KeyInfo, PassphraseProvider
from supportnet.data.lock import StoreLock
from supportnet.data.store import Store, _open_with_key
from supportnet.data.store_files import DB_NAME, store_exists
from supportnet.data.store_key import AUTO_BACKEND, resolve_backend
from supportnet.i18n import N_, _
from supportnet.model.errors import KeyUnavailableError, StoreError


class RecoveryKeyMismatchError(KeyUnavailableError):
    """A well-formed recovery key that isn't this store's."""


WRONG_KEY = N_(
    "That recovery key doesn't open this store. It may belong to another store, or to one "
    "replaced later with `supportnet recovery-key --new`; nothing was changed."
)


@dataclass(frozen=True, slots=True)
class Recovered:
    """The store, open with its key kept anew; and where the old key record was kept."""

    store: Store
    old_key_record: Path | None


def recover_store(
    data_dir: Path,
    recovery_text: str,
    *,
    passphrase: PassphraseProvider | None = None,
    keyring_backend: Any = AUTO_BACKEND,
    kdf: KdfParams | None = None,
    now: datetime | None = None,
) -> Recovered:
    """Open the store in ``data_dir`` with its recovery key and keep its key for this machine.

    A typo is caught by the key's check group before anything is read; a key that doesn't
    open the database changes nothing on disk. A store that was kept by a passphrase gets a
    new passphrase (asked for with purpose NEW); otherwise the keyring keeps the key if it
    is usable, else a new passphrase does. The old ``key.json`` is kept aside, dated.
    """
    secret = recovery.parse_key(recovery_text)
    if not store_exists(data_dir):
        raise StoreError(_("There is no SupportNet store in {data_dir}.").format(data_dir=data_dir))
    db = data_dir / DB_NAME
    if not db.exists():
        raise StoreError(
            _(
                "The database file {db} is missing, so there is nothing here for the recovery "
                "key to open. A backup comes back with `supportnet restore FILE`."
            ).format(db=db)
        )
    lock = StoreLock(data_dir)
    lock.acquire()
    try:
        record = recovery.read_record(data_dir)
        if record is None:
            raise KeyUnavailableError(
                _(
                    "There is no recovery record ({file}) in {data_dir}, so a recovery "
                    "key can't open this store. A backup opens with its recovery key: `supportnet "
                    "restore FILE`."
                ).format(file=recovery.RECOVERY_NAME, data_dir=data_dir)
            )
        key = recovery.unwrap_with_secret(record.wrap, secret)
        if key is None or not _opens(db, key):
            raise RecoveryKeyMismatchError(_(WRONG_KEY))
        old = _old_key_record(data_dir)
        # The same key id: recovery.json (whose wraps are bound to it) stays valid as it is,
        # and this store's automatic backups still open with its own key.
        key_id = record.wrap.key_id
        was_passphrase = old is not None and old.method is keys.KeyMethod.PASSPHRASE
        info = keys.keep_key(
            key,
            key_id,
            None if was_passphrase else resolve_backend(keyring_backend),
            passphrase,
            kdf=kdf,
            prefer_passphrase=was_passphrase,
        )
        when = now or datetime.now(UTC)
        kept = _keep_aside(data_dir, when)
        try:
            keys.write_keyinfo(data_dir, info)
        except OSError as exc:
            raise StoreError(
                _("Can't write the key record in {data_dir}: {reason}; it is as it was.").format(
                    data_dir=data_dir, reason=exc.strerror
                )
            ) from exc
        if record.confirmed_at is None:  # typed in from where it was kept: no more reminders
            recovery.mark_confirmed(data_dir, record, when)
        return Recovered(_open_with_key(data_dir, lock, info, key), kept)
    except BaseException:
        lock.release()
        raise


def _opens(db: Path, key: bytes) -> bool:
    """Whether ``key`` decrypts the database's first page (a read: nothing is written)."""
    probe = RawDatabase(db, key)
    try:
        raw_execute(probe, "SELECT count(*) FROM sqlite_master")
    except DatabaseFailure:
        return False
    finally:
        probe.close()
    return True


def _old_key_record(data_dir: Path) -> KeyInfo | None:
    """The current key record, or None when it is missing or damaged (the recovery key can
    stand in for it)."""
    try:
        return keys.read_keyinfo(data_dir)
    except KeyUnavailableError:
        return None


def _keep_aside(data_dir: Path, now: datetime) -> Path | None:
    """Copy the current key.json to ``key.json.replaced-<when>``; never deleted."""
    current = data_dir / keys.KEYINFO_NAME
    try:
        data = current.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(
            _("Can't read the key record {current}: {reason}.").format(
                current=current, reason=exc.strerror
            )
        ) from exc
    stamp = f"{now:%Y%m%dT%H%M%S}"
    aside = current.with_name(f"{keys.KEYINFO_NAME}.replaced-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = current.with_name(f"{keys.KEYINFO_NAME}.replaced-{stamp}-{number}")
    try:
        write_private_file(aside, data)
    except OSError as exc:
        raise StoreError(
            _(
                "Can't keep a copy of the key record in {data_dir}: {reason}. Nothing was changed."
            ).format(data_dir=data_dir, reason=exc.strerror)
        ) from exc
    return aside
