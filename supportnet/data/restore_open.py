"""Restoring a backup into the store the app has open, by the same rules as `restore`.

The open :class:`Store` is closed, :func:`restore_backup` replaces its database (backing up
what it held first; all or nothing), and the same ``Store`` object then reads the restored
database, so the window's services, which hold it, show the restored network. If the
restore can't be done, the store is opened again as it was.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from supportnet.data.backup import is_backup
from supportnet.data.backup_format import is_container, read_header
from supportnet.data.keys import KeyInfo
from supportnet.data.lock import StoreLock
from supportnet.data.paths import user_path
from supportnet.data.restore import RestoreResult, restore_backup, unlock_backup
from supportnet.data.store import Store, _open_with_key
from supportnet.i18n import _
from supportnet.model.errors import BackupError


@dataclass(frozen=True, slots=True)
class BackupCheck:
    """What a backup file needs before it can be restored into this store."""

    #: It comes from another computer or store: it opens with its recovery key.
    from_elsewhere: bool
    #: ... or with its passphrase, which it carries too.
    passphrase_too: bool = False


def check_backup(store: Store, source: Path) -> BackupCheck:
    """Whether ``source`` is a backup this store can take, and what opens it. Quick: reads
    its header only (an old-format backup is probed with this store's key). Changes nothing.
    """
    source = user_path(source)
    if not source.is_file():
        raise BackupError(_("There is no backup file at {source}.").format(source=source))
    if source.stat().st_size == 0:
        raise BackupError(
            _("{source} is empty; it isn't a SupportNet backup.").format(source=source)
        )
    if not is_container(source):
        if not is_backup(source, store.db.key):
            raise BackupError(
                _(
                    "{source} isn't a SupportNet backup, or it is damaged, so it wasn't restored."
                ).format(source=source)
            )
        return BackupCheck(from_elsewhere=False)
    header, _start = read_header(source)
    mine = header.key_id == store.key_info.key_id and header.verify(store.db.key)
    return BackupCheck(from_elsewhere=not mine, passphrase_too=header.passphrase is not None)


def check_secret(source: Path, text: str) -> None:
    """Raise (a typed error with a message) unless ``text`` opens the backup ``source``."""
    header, _start = read_header(user_path(source))
    unlock_backup(header, text)


def restore_in_place(store: Store, source: Path, *, secret: str | None = None) -> RestoreResult:
    """Replace the open ``store``'s data with the backup ``source``; ``store`` reads it after.

    ``secret`` is the backup's recovery key or passphrase, for a backup from elsewhere (see
    :func:`check_backup`). A store holding data is backed up first (``safety_backup``). On
    any failure nothing is changed and ``store`` is open again on its own data.
    """
    data_dir, info, key = store.data_dir, store.key_info, store.db.key
    store.close()
    try:
        result = restore_backup(
            data_dir, source, force=True, local_key=key, backup_secret=lambda _phrase: secret
        )
    except BaseException:
        _adopt(store, _reopen(data_dir, info, key))
        raise
    _adopt(store, result.store)
    return dataclasses.replace(result, store=store)


def _reopen(data_dir: Path, info: KeyInfo, key: bytes) -> Store:
    lock = StoreLock(data_dir)
    lock.acquire()
    try:
        return _open_with_key(data_dir, lock, info, key)
    except BaseException:
        lock.release()
        raise


def _adopt(store: Store, opened: Store) -> None:
    """Make ``store`` the newly ``opened`` one. Everything cached on the old one (engine,
    repositories) goes with its state; ``opened`` must not be used (or closed) after."""
    state = vars(store)
    state.clear()
    state.update(vars(opened))
