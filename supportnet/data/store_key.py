"""The store's key: how it is kept, and loading it (with the store's lock held, for reading
a damaged store too)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from supportnet.data import keys
from supportnet.data.damage import restore_advice
from supportnet.data.keys import KeyInfo, PassphraseProvider
from supportnet.data.lock import StoreLock
from supportnet.data.recovery_keeper import has_record, unlock_hint
from supportnet.data.store_files import DB_NAME, store_exists
from supportnet.i18n import _
from supportnet.model.errors import (
    KeyringEntryMissingError,
    KeyUnavailableError,
    StoreError,
    WrongPassphraseError,
)

#: Sentinel: use the keyring backend `keyring` picks for this machine.
AUTO_BACKEND: Any = object()


def key_method(data_dir: Path) -> keys.KeyMethod | None:
    """How the store's key is kept, or None for a new data folder."""
    info = keys.read_keyinfo(data_dir)
    return None if info is None else info.method


def resolve_backend(backend: Any) -> Any:
    return keys.default_backend() if backend is AUTO_BACKEND else backend


def load_existing_key(
    data_dir: Path, info: KeyInfo, backend: Any, passphrase: PassphraseProvider | None
) -> bytes:
    db = data_dir / DB_NAME
    if not db.exists():
        raise StoreError(
            _(
                "The database file {db} is missing, though its key is here. SupportNet won't "
                "start an empty store in its place: put the file back, or restore a backup "
                "with `supportnet restore FILE`."
            ).format(db=db)
            + " "
            + restore_advice(data_dir, force=False)
        )
    return load_key(data_dir, info, backend, passphrase)


def load_key(
    data_dir: Path, info: KeyInfo, backend: Any, passphrase: PassphraseProvider | None
) -> bytes:
    """The store's own key; a lost keyring entry or a wrong passphrase points at the
    recovery key when ``data_dir`` has a recovery record."""
    needs_backend = info.method is keys.KeyMethod.KEYRING
    if needs_backend and backend is AUTO_BACKEND:
        found = keys.read_directly(info)  # without loading keyring, where that is the same
        if found is not None:
            return found
    try:
        return keys.load_key(info, resolve_backend(backend) if needs_backend else None, passphrase)
    except (WrongPassphraseError, KeyringEntryMissingError) as exc:
        # The recovery key still opens this store: say so where the way in seems lost.
        if not has_record(data_dir):
            raise
        raise type(exc)(f"{exc.message} {unlock_hint()}") from None


@contextlib.contextmanager
def locked_key(
    data_dir: Path,
    *,
    passphrase: PassphraseProvider | None = None,
    keyring_backend: Any = AUTO_BACKEND,
) -> Iterator[bytes]:
    """Hold the store's lock and give its key, without checking or opening the database.

    For reading a damaged store (salvage), which :func:`open_store` refuses.
    """
    if not store_exists(data_dir):
        raise StoreError(_("There is no SupportNet store in {data_dir}.").format(data_dir=data_dir))
    with StoreLock(data_dir):
        info = keys.read_keyinfo(data_dir)
        if info is None:
            raise KeyUnavailableError(
                _(
                    "The database is here but its key record ({file}) is missing, so it "
                    "can't be read."
                ).format(file=keys.KEYINFO_NAME)
            )
        yield load_existing_key(data_dir, info, keyring_backend, passphrase)
