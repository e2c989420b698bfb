"""The main window's part in backups: File ▸ Back up now… and File ▸ Restore from backup….

The menu entries are made with the window; the code behind them (the backups' service,
their words, the file dialogs) loads when one is first used, never for the first paint.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from supportnet.i18n import _
from supportnet.model.errors import SupportNetError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from supportnet.services.backups import BackupWritten, Restored

#: Typed loosely: the mixin's methods use the window's attributes.
_WindowBase: Any = object


def ask_backup_path(parent: Any, folder: Path, name: str) -> Path | None:
    """Where to write a backup (``name`` in ``folder`` offered); None if cancelled."""
    from PySide6.QtWidgets import QFileDialog

    from supportnet.ui.backups import words

    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _(words.BACKUP_TITLE), str(folder / name), _(words.FILE_FILTER)
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix else path.with_suffix(".db")


def ask_restore_path(parent: Any, folder: Path) -> Path | None:
    """Which backup to restore (the backups folder offered first); None if cancelled."""
    from PySide6.QtWidgets import QFileDialog

    from supportnet.ui.backups import words

    chosen, _filter = QFileDialog.getOpenFileName(
        parent, _(words.RESTORE_TITLE), str(folder), _(words.FILE_FILTER)
    )
    return Path(chosen) if chosen else None


class MainWindowBackups(_WindowBase):  # type: ignore[misc]
    """Backs up and restores on the window's background worker, with a quiet progress window."""

    #: The progress window of a backup or restore under way, if any (for tests).
    backup_progress: QProgressDialog | None = None
    #: The window's timers held still while a restore swaps the database underneath.
    _paused_timers: list[QTimer] = []  # noqa: RUF012 (replaced, never changed in place)

    def _build_backup_actions(self) -> None:
        self.backup_now_action = self._action(
            _("Back &up now…"),
            self.back_up_now,
            [],
            _("Save an encrypted backup of all your data where you choose"),
        )
        self.restore_action = self._action(
            _("Restore from bac&kup…"),
            self.restore_from_backup,
            [],
            _("Replace your network with one from a backup (yours is backed up first)"),
        )

    # --- Back up now --------------------------------------------------------------------------

    def _backup_start_folder(self) -> Path:
        from supportnet.ui.widgets import dialogs

        extra = self._source.backups.extra_folder()
        return extra if extra is not None and extra.is_dir() else dialogs.documents_folder()

    def back_up_now(self) -> None:
        """Ask where, then write the backup on the worker; say where it is and what opens it."""
        from supportnet.services.backups import suggested_backup_name
        from supportnet.ui.backups import words
        from supportnet.ui.backups.progress import busy_dialog

        if self.backup_progress is not None:
            return
        backups = self._source.backups
        name = suggested_backup_name(self._clock().astimezone().date())
        target = ask_backup_path(self, self._backup_start_folder(), name)
        if target is None:
            return
        self.backup_progress = busy_dialog(self, _(words.BACKING_UP))
        self.background.run(
            lambda: backups.back_up_to(target), self._backed_up, self._backup_failed, receiver=self
        )

    def _backed_up(self, written: BackupWritten) -> None:
        from supportnet.ui.backups import words
        from supportnet.ui.widgets import dialogs

        self._end_progress()
        self.show_note(_("Backup saved"))
        dialogs.show_done(self, words.backup_done_text(written), title=_(words.BACKUP_DONE_TITLE))

    def _backup_failed(self, error: BaseException) -> None:
        from supportnet.ui.backups import words
        from supportnet.ui.widgets import dialogs

        self._end_progress()
        if not isinstance(error, SupportNetError):
            raise error
        dialogs.show_error(self, error.message, title=_(words.BACKUP_FAILED_TITLE))

    # --- Restore from backup ------------------------------------------------------------------

    def restore_from_backup(self) -> None:
        """Choose a backup, open it (its recovery key if it came from elsewhere), confirm,
        then restore on the worker; the window shows the restored network after."""
        from supportnet.ui.backups import words
        from supportnet.ui.backups.progress import busy_dialog
        from supportnet.ui.widgets import dialogs

        if self.backup_progress is not None:
            return
        backups = self._source.backups
        source = ask_restore_path(
            self, backups.folder if backups.folder.is_dir() else dialogs.documents_folder()
        )
        if source is None:
            return
        try:
            check = backups.check_backup(source)
        except SupportNetError as exc:
            dialogs.show_error(self, exc.message, title=_(words.RESTORE_FAILED_TITLE))
            return
        secret = None
        if check.from_elsewhere:
            secret = self._ask_backup_key(source, check.passphrase_too)
            if secret is None:
                return
        if not dialogs.confirm(
            self,
            _(words.RESTORE_TITLE),
            words.restore_question(backups.folder),
            yes_text=_(words.RESTORE_BUTTON),
        ):
            return
        # Nothing on the GUI thread may read the store while it is closed and reopened
        # (the hourly refresh, reminders): their timers wait until the restore ends.
        self._paused_timers = [t for t in self.findChildren(QTimer) if t.isActive()]
        for timer in self._paused_timers:
            timer.stop()
        self.backup_progress = busy_dialog(self, _(words.RESTORING), at_once=True)
        self.background.run(
            lambda: backups.restore(source, secret),
            self._restored,
            self._restore_failed,
            receiver=self,
        )

    def _ask_backup_key(self, source: Path, passphrase_too: bool) -> str | None:
        from supportnet.ui.backups.key_dialog import BackupKeyDialog

        backups = self._source.backups
        dialog = BackupKeyDialog(
            lambda text: backups.check_secret(source, text), passphrase_too, self
        )
        try:
            dialog.exec()
            return dialog.secret
        finally:
            dialog.deleteLater()

    def _restored(self, restored: Restored) -> None:
        from supportnet.ui.backups import words
        from supportnet.ui.widgets import dialogs

        self._end_progress()
        self._resume_timers()
        self._show_restored_network()
        self.show_note(_("Backup restored"))
        dialogs.show_done(self, words.restored_text(restored), title=_(words.RESTORE_DONE_TITLE))

    def _restore_failed(self, error: BaseException) -> None:
        from supportnet.ui.backups import words
        from supportnet.ui.widgets import dialogs

        self._end_progress()
        self._resume_timers()
        if not isinstance(error, SupportNetError):
            raise error
        dialogs.show_error(self, error.message, title=_(words.RESTORE_FAILED_TITLE))

    def _show_restored_network(self) -> None:
        """Every page reads the network again; undo can't reach back past a restore."""
        self.undo_stack.clear()
        self.signals.everything_changed()
        self.refresh()

    def _resume_timers(self) -> None:
        paused, self._paused_timers = self._paused_timers, []
        for timer in paused:
            timer.start()

    def _end_progress(self) -> None:
        if self.backup_progress is not None:
            self.backup_progress.close()
            self.backup_progress.deleteLater()
            self.backup_progress = None
