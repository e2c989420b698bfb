"""Deleting everything SupportNet keeps for one store: the files, the key, the backups.

The store's lock is held throughout, so an open app or a running command refuses it.
What is removed is said back as short descriptions (no file contents, no names).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from supportnet.data import keys
from supportnet.data.auto_backup import DAILY_PATTERN, stamp_of
from supportnet.data.backup import BACKUP_DIR_NAME
from supportnet.data.damage import DAMAGED_DIR_NAME
from supportnet.data.lock import LOCK_NAME, StoreLock
from supportnet.data.open_config import CONFIG_NAME
from supportnet.data.recovery import RECOVERY_NAME
from supportnet.data.store_files import DB_NAME, SIDE_FILES
from supportnet.i18n import _, ngettext
from supportnet.model.errors import (
    KeyringEntryMissingError,
    KeyringEntryUnreadableError,
    KeyUnavailableError,
    StoreError,
    SupportNetError,
)

#: Backups SupportNet writes, by name; nothing else in an extra folder is touched.
BACKUP_PATTERN = "supportnet-*.db"


def _remove_file(path: Path, what: str, removed: list[str]) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _cant_remove(path, exc, removed) from exc
    removed.append(f"{what} ({path})")


def _extra(n: int) -> str:
    return ngettext("{n} backup in your extra folder", "{n} backups in your extra folder", n)


def _automatic(n: int) -> str:
    return ngettext("{n} automatic backup", "{n} automatic backups", n)


def _damaged(n: int) -> str:
    return ngettext("{n} set-aside damaged copy", "{n} set-aside damaged copies", n)


def _cant_remove(path: Path, exc: OSError, removed: list[str]) -> StoreError:
    if removed:
        return StoreError(
            _("Can't remove {path}: {reason}. Removed so far: {removed}.").format(
                path=path, reason=exc.strerror, removed="; ".join(removed)
            )
        )
    return StoreError(
        _("Can't remove {path}: {reason}. Nothing was removed.").format(
            path=path, reason=exc.strerror
        )
    )


def _remove_backups(
    folder: Path, what: Callable[[int], str], removed: list[str], *, own: bool = True
) -> None:
    """Remove SupportNet's backups in ``folder``; ``what`` names one and several of them.

    In its own folders, every backup SupportNet wrote; in the user's extra folder
    (``own=False``) only the automatic daily copies, never a file the user saved there
    (Back up now offers that folder, and its name starts "supportnet-" too)."""
    if not folder.is_dir():
        return
    if own:
        pattern = BACKUP_PATTERN
        names = [*folder.glob(pattern)]
    else:
        pattern = DAILY_PATTERN
        names = [path for path in folder.glob(pattern) if stamp_of(path) is not None]
    # With the half-written ones a crash may have left (".supportnet-….partial").
    found = sorted([*names, *folder.glob(f".{pattern}*")])
    for path in found:
        try:
            path.unlink()
        except OSError as exc:
            raise _cant_remove(path, exc, removed) from exc
    if found:
        removed.append(f"{what(len(found)).format(n=len(found))} ({folder})")
    if own:  # a folder the user chose stays, even empty
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when nothing else is left in it


def _delete_key(backend: Any, info: keys.KeyInfo) -> None:
    """Remove the key from the keyring, or refuse (before any file goes) if it stays."""
    keys.delete_from_keyring(backend, info)
    try:
        keys.load_from_keyring(backend, info)
    except KeyringEntryUnreadableError:
        pass  # still there, only no longer readable: not removed
    except KeyringEntryMissingError:
        return  # gone, as asked
    except KeyUnavailableError:
        raise StoreError(
            _(
                "The keyring holding the database key can't be reached right now; unlock it "
                "and try again. Nothing was removed."
            )
        ) from None
    raise StoreError(
        _("The keyring didn't let SupportNet remove the database key; nothing was removed.")
    )


def delete_everything(
    data_dir: Path, *, keyring_backend: Any, extra_backups: Path | None = None
) -> list[str]:
    """Remove the store in ``data_dir`` and all it keeps; return what was removed.

    ``extra_backups``: a folder of the user's own whose SupportNet backups go too.
    """
    removed: list[str] = []
    if data_dir.is_dir():
        _delete_store(data_dir, keyring_backend, removed)
    if extra_backups is not None:
        _remove_backups(extra_backups, _extra, removed, own=False)
    return removed


def _delete_store(data_dir: Path, keyring_backend: Any, removed: list[str]) -> None:
    info = None
    with contextlib.suppress(SupportNetError):  # a damaged key record is removed all the same
        info = keys.read_keyinfo(data_dir)
    with StoreLock(data_dir):
        if info is not None and info.method is keys.KeyMethod.KEYRING:
            _delete_key(keyring_backend, info)
            removed.append(_("the database key in the keyring"))
        _remove_file(data_dir / DB_NAME, _("the database"), removed)
        for suffix in SIDE_FILES:
            # Translators: a database's side file, "its wal file" (SQLite's name for it).
            its = _("its {kind} file").format(kind=suffix[1:])
            _remove_file(data_dir / f"{DB_NAME}{suffix}", its, removed)
        _remove_file(data_dir / keys.KEYINFO_NAME, _("the key file"), removed)
        for old in sorted(data_dir.glob(f"{keys.KEYINFO_NAME}.replaced-*")):
            _remove_file(old, _("an earlier key file"), removed)
        for suffix in ("", *SIDE_FILES):  # what a restore cut short leaves
            half = _("a half-made restore")
            _remove_file(data_dir / f"{DB_NAME}.restoring{suffix}", half, removed)
        _remove_file(data_dir / RECOVERY_NAME, _("the recovery record"), removed)
        _remove_file(data_dir / CONFIG_NAME, _("the crisis-lines country file"), removed)
        _remove_backups(data_dir / BACKUP_DIR_NAME, _automatic, removed)
        _remove_backups(data_dir / DAMAGED_DIR_NAME, _damaged, removed)
    with contextlib.suppress(OSError):
        (data_dir / LOCK_NAME).unlink()
    with contextlib.suppress(OSError):
        data_dir.rmdir()  # only when nothing else is left in it
