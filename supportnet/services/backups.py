"""Backups for the app: today's automatic one (safe off the GUI thread, never raising), a
backup written where the person chooses, a restore into the open store, the extra folder."""

from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from supportnet.data.auto_backup import auto_backup_if_due, last_daily_backup
from supportnet.data.backup import BACKUP_DIR_NAME, refuse_inside_store
from supportnet.i18n import N_, _
from supportnet.model.errors import SupportNetError
from supportnet.model.retention import AutoBackupResult
from supportnet.model.zones import system_zone_name, user_zone_name, zone_or_utc

if TYPE_CHECKING:
    from supportnet.data.restore_open import BackupCheck
    from supportnet.data.store import Store


__all__ = ["BackupService", "BackupWritten", "Restored"]


@dataclass(frozen=True, slots=True)
class BackupWritten:
    """A backup written by :meth:`BackupService.back_up_to`, and what opens it."""

    path: Path
    #: The store has a passphrase, which opens the backup too.
    passphrase_too: bool
    #: The store's recovery key was replaced (its record was damaged) and nobody has seen
    #: the new one yet: only the new one opens this backup.
    new_key_unseen: bool


@dataclass(frozen=True, slots=True)
class Restored:
    """What :meth:`BackupService.restore` brought back, and what it kept."""

    people: int
    groups: int
    plans: int
    checkins: int
    #: Where the data it replaced was backed up first (None: the store held nothing).
    safety_backup: Path | None
    #: It came from another computer: the store keeps the backup's recovery key.
    from_elsewhere: bool
    #: The backup's recovery key couldn't be read, so the store has a new one, unseen.
    new_recovery_key: bool


def suggested_backup_name(today: date) -> str:
    """The file name a backup is offered under: ``supportnet-backup-2026-12-03.db``."""
    return f"supportnet-backup-{today.isoformat()}.db"


#: Shown as ``_(INSIDE_DATA_FOLDER)``: compare a problem with that, not the English.
INSIDE_DATA_FOLDER = N_(
    "That folder is inside SupportNet's own data folder; please choose one outside it, "
    "such as a USB stick or a synced folder."
)


def folder_problem(folder: Path, data_dir: Path) -> str:
    """Why backups can't be copied to ``folder`` now, in one calm line; "" if they can."""
    try:
        refuse_inside_store(folder / "backup.db", data_dir, "backups")
    except SupportNetError:
        return _(INSIDE_DATA_FOLDER)
    if not folder.is_dir():
        return _(
            "{folder} isn't there right now (a USB stick not plugged in, perhaps); each "
            "day's backup is copied there once it is."
        ).format(folder=folder)
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        return _(
            "SupportNet can't write in {folder}, so backups aren't copied there for now."
        ).format(folder=folder)
    return ""


class BackupService:
    """Today's automatic backup, the backup folders, and the newest backup."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._busy = threading.Lock()

    @property
    def folder(self) -> Path:
        """Where automatic backups go: ``backups/`` under the data folder."""
        return self._store.data_dir / BACKUP_DIR_NAME

    def extra_folder(self) -> Path | None:
        """The extra folder backups are copied to, if the user chose one."""
        chosen = self._store.settings.load().backup_folder
        return Path(chosen) if chosen else None

    def last_backup(self) -> tuple[Path, datetime] | None:
        """The newest automatic daily backup and when it was taken (UTC)."""
        return last_daily_backup(self.folder)

    def auto_backup_if_due(self, now: datetime) -> AutoBackupResult:
        """Take today's backup if there is none yet (``now`` is aware). Call it off the GUI
        thread: a big store takes seconds. A second call while one runs does nothing."""
        if not self._busy.acquire(blocking=False):
            return AutoBackupResult()
        try:
            settings = self._store.settings.load()
            zone = zone_or_utc(user_zone_name(settings.timezone, system_zone_name()))
            extra = Path(settings.backup_folder) if settings.backup_folder else None
            return auto_backup_if_due(self._store.db, self._store.data_dir, now, zone, extra)
        finally:
            self._busy.release()

    # --- chosen by the person (File ▸ Back up now…, Restore from backup…, Preferences) ---

    def back_up_to(self, out: Path) -> BackupWritten:
        """Write a portable encrypted backup to ``out``, whole or not at all (slow: call it
        off the GUI thread). ``out`` may replace a file the person chose to replace."""
        from supportnet.data import recovery
        from supportnet.data.keys import KeyMethod

        written = self._store.backup(out, force=True)
        record = recovery.read_record(self._store.data_dir)
        return BackupWritten(
            written,
            passphrase_too=self._store.key_info.method is KeyMethod.PASSPHRASE,
            new_key_unseen=record is not None and record.unseen_replacement,
        )

    def check_backup(self, source: Path) -> BackupCheck:
        """Whether ``source`` can be restored here and what opens it; changes nothing."""
        from supportnet.data.restore_open import check_backup

        return check_backup(self._store, source)

    def check_secret(self, source: Path, text: str) -> None:
        """Raise a typed error unless ``text`` (recovery key or passphrase) opens ``source``."""
        from supportnet.data.restore_open import check_secret

        check_secret(source, text)

    def restore(self, source: Path, secret: str | None = None) -> Restored:
        """Replace the network with the backup ``source`` (the data it replaces is backed up
        first; all or nothing). Slow: call it off the GUI thread, with no other reads."""
        from supportnet.data.restore_open import restore_in_place

        with self._busy:  # not while today's automatic backup is being taken
            result = restore_in_place(self._store, source, secret=secret)
        counts = self._store.counts()
        return Restored(
            counts.people,
            counts.groups,
            counts.plans,
            counts.checkins,
            result.safety_backup,
            result.from_elsewhere,
            result.new_recovery_key,
        )

    def extra_folder_problem(self, folder: Path) -> str:
        """Why daily backups can't be copied to ``folder`` now, or ""."""
        return folder_problem(folder, self._store.data_dir)

    def set_extra_folder(self, folder: Path | None) -> None:
        """Copy each day's backup to ``folder`` too (None: to no other folder)."""
        if folder is not None:
            refuse_inside_store(folder.resolve() / "backup.db", self._store.data_dir, "backups")
        self._store.settings.update(backup_folder=str(folder.resolve()) if folder else "")
