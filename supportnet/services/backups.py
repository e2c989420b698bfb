"""Automatic backups for the app: safe to ask from a worker thread, never raising."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from supportnet.data.auto_backup import auto_backup_if_due, last_daily_backup
from supportnet.data.backup import BACKUP_DIR_NAME
from supportnet.model.retention import AutoBackupResult
from supportnet.model.zones import system_zone_name, user_zone_name, zone_or_utc

if TYPE_CHECKING:
    from supportnet.data.store import Store


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
