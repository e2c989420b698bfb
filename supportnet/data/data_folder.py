"""Which folders SupportNet may take as its data folder, and so make private (mode 0700).

Opening a store makes its folder readable only by you. That is right for a folder
SupportNet makes or one that already holds a store, and wrong for any other: made 0700,
a shared folder such as ``/tmp`` stops working for everyone else. So a folder given with
``--data-dir`` must be new, empty and yours, or hold a SupportNet store; any other is
refused with one line that suggests a folder of its own inside it.
"""

from __future__ import annotations

import os
from pathlib import Path

# The names alone: this check runs before Qt loads; the store's modules load with the store.
from supportnet.data.file_names import (
    BACKUP_DIR_NAME,
    CONFIG_NAME,
    DAMAGED_DIR_NAME,
    DB_NAME,
    KEYINFO_NAME,
    LOCK_NAME,
    RECOVERY_NAME,
)
from supportnet.data.path_checks import check_readable_folder
from supportnet.i18n import _
from supportnet.model.errors import StoreError

#: Files only SupportNet puts in its folder: any one of them marks the folder as its own.
OWN_NAMES = frozenset({DB_NAME, KEYINFO_NAME, RECOVERY_NAME, LOCK_NAME, CONFIG_NAME})
#: Subfolders with common names: they count only when they hold SupportNet's own files
#: (``backups/supportnet-….db``, ``damaged/supportnet-….db``), so a home folder with a
#: ``backups`` folder of its own is never taken for a store and made private.
OWN_SUBFOLDERS = (BACKUP_DIR_NAME, DAMAGED_DIR_NAME)
#: What to call a folder of SupportNet's own inside one that is refused.
SUBFOLDER_NAME = "SupportNet"


def holds_supportnet_data(path: Path) -> bool:
    """Whether ``path`` holds anything SupportNet keeps (a store, its key, backups, lock)."""
    if any((path / name).exists() for name in OWN_NAMES):
        return True
    return any(
        any((path / folder).glob("supportnet-*.db"))
        for folder in OWN_SUBFOLDERS
        if (path / folder).is_dir()
    )


def check_data_dir(path: Path) -> None:
    """Raise :class:`StoreError` unless ``path`` may become SupportNet's private folder.

    Allowed: a path that doesn't exist yet (SupportNet makes it), a folder holding
    SupportNet's data, or an empty folder owned by you. Nothing is changed on disk.
    """
    check_readable_folder(path)  # one message for a folder that can't be read, everywhere
    try:
        _check(path)
    except OSError as exc:  # a name too long, a folder that can't be read, ...
        raise StoreError(
            _("Can't use {path} as the data folder: {reason}.").format(
                path=path, reason=exc.strerror
            )
        ) from exc


def _check(path: Path) -> None:
    if not path.exists() and not path.is_symlink():
        return
    if not path.is_dir():
        raise StoreError(_("The data folder {path} is a file, not a folder.").format(path=path))
    if holds_supportnet_data(path):
        return
    instead = f"--data-dir {path / SUBFOLDER_NAME}"
    with os.scandir(path) as entries:
        empty = not any(entries)
    if not empty:
        raise StoreError(
            _(
                "{path} already holds other files and no SupportNet data, so SupportNet won't "
                "use it: it would make the folder private to you. Choose a folder of its own, "
                "such as {instead} (it is made for you)."
            ).format(path=path, instead=instead)
        )
    if hasattr(os, "geteuid") and path.stat().st_uid != os.geteuid():
        raise StoreError(
            _(
                "{path} belongs to another user, so SupportNet won't make it private to you. "
                "Choose a folder of your own, such as {instead}."
            ).format(path=path, instead=instead)
        )
