"""Today's automatic backup while the app is open: asked for off the GUI thread.

Soon after the window first shows, and then every hour (a day can turn while the app stays
open); the backup service takes one only when the day has none yet. What couldn't be done
(a full disk, a USB stick not plugged in) is one quiet note, said once per session.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer

from supportnet.i18n import N_, _
from supportnet.model.retention import AutoBackupResult
from supportnet.services.backups import BackupService
from supportnet.ui.shell.background import Background

log = logging.getLogger(__name__)

#: How often the app looks whether today's backup is due.
CHECK_EVERY_MS = 60 * 60 * 1000
NOT_MADE = N_("Today's automatic backup wasn't made; it is tried again later.")


class AutoBackups(QObject):
    """Runs :meth:`BackupService.auto_backup_if_due` on ``background``; notes problems."""

    def __init__(
        self,
        backups: BackupService,
        background: Background,
        note: Callable[[str], None],
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._backups = backups
        self._background = background
        self._note = note
        self._clock = clock
        self._said: set[str] = set()
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """Look once the event loop runs (after the first paint), then every hour."""
        QTimer.singleShot(0, self, self.check)
        self._timer.start()

    def stop(self) -> None:
        """No more checks, not even one already queued (the store is about to close)."""
        self._stopped = True
        self._timer.stop()

    def check(self) -> None:
        """Ask for today's backup on the worker; the outcome comes back here."""
        if self._stopped:
            return
        now = self._clock()
        self._background.run(
            lambda: self._backups.auto_backup_if_due(now),
            self._done,
            self._failed,
            receiver=self,
        )

    def _done(self, result: AutoBackupResult) -> None:
        if result.problem:
            self._say(result.problem)

    def _failed(self, error: BaseException) -> None:
        # The service never raises for the disk or a folder: this is a bug, kept quiet.
        log.warning("automatic backup check failed (%s)", type(error).__name__)
        self._say(_(NOT_MADE))

    def _say(self, text: str) -> None:
        if text not in self._said:
            self._said.add(text)
            self._note(text)
