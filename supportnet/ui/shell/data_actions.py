"""The main window's part in your data as a whole: File ▸ Export all data…, Import data…
and Delete all my data…."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction

from supportnet.i18n import N_, _
from supportnet.model.errors import SupportNetError

if TYPE_CHECKING:
    from supportnet.services.your_data import DataDeletion, Deleted
    from supportnet.ui.data.delete_dialog import DeleteAllDialog
    from supportnet.ui.data.transfer import DataTransfer
    from supportnet.ui.shell.ui_state import UiState

#: Typed loosely: the mixin's methods use the window's attributes.
_WindowBase: Any = object

DELETED_TITLE = N_("Your data was deleted")
NOT_DELETED_TITLE = N_("SupportNet couldn't delete everything")
CLOSING = N_("SupportNet closes now; when you start it again, it begins afresh.")


def deleted_text(done: Deleted) -> str:
    """What was removed, then anything left and what wasn't touched, in plain lines."""
    if done.removed:
        removed = "\n".join([_("Removed from this computer:"), *(f"•  {w}" for w in done.removed)])
    else:
        removed = _("There was no SupportNet data left to remove.")
    rest = []
    if done.left:
        rest.append(
            _("Left as they were, because SupportNet didn't make them: {files}.").format(
                files=", ".join(done.left)
            )
        )
    if done.extra_kept is not None:
        rest.append(_("The backups in {folder} were not touched.").format(folder=done.extra_kept))
    rest.append(_("Files you saved with Back up now or Export all data were not touched."))
    return "\n\n".join([removed, " ".join(rest), _(CLOSING)])


class MainWindowData(_WindowBase):  # type: ignore[misc]
    """File ▸ Export all data…, Import data… and Delete all my data…."""

    #: Deletes the open store (made when first wanted, from what the app gave
    #: :meth:`allow_deleting`; None in bare tests).
    data_deletion: DataDeletion | None = None
    _to_delete: tuple[Any, Any] | None = None
    #: The delete dialog on screen, if any (for tests).
    delete_dialog: DeleteAllDialog | None = None
    _transfer: DataTransfer | None = None
    ui_state: UiState

    def _build_data_actions(self) -> list[QAction]:
        """The three actions, for the File menu (called while the menus are built)."""
        self.export_data_action = self._action(
            _("E&xport all data…"),
            self.export_all_data,
            [],
            _("Save everything in one open file you can read anywhere (it is not encrypted)"),
        )
        self.import_data_action = self._action(
            _("Import d&ata…"),
            self.import_data,
            [],
            _("Bring in a file saved with Export all data"),
        )
        self.delete_data_action = self._action(
            _("De&lete all my data…"),
            self.delete_all_data,
            [],
            _("Remove this network, its key and its automatic backups from this computer"),
        )
        return [self.export_data_action, self.import_data_action, self.delete_data_action]

    def allow_deleting(self, store: Any, keyring_backend: Any) -> None:
        """Let Delete all my data… delete ``store`` (the open Store: typed loosely, as ui/
        names no data type) and its key in ``keyring_backend``; the service
        (services.your_data) is made when first wanted, not before the first paint."""
        self._to_delete = (store, keyring_backend)

    def _deletion(self) -> DataDeletion | None:
        if self.data_deletion is None and self._to_delete is not None:
            from supportnet.services.your_data import DataDeletion

            self.data_deletion = DataDeletion(*self._to_delete)
        return self.data_deletion

    @property
    def data_transfer(self) -> DataTransfer:
        if self._transfer is None:
            from supportnet.ui.data.transfer import attach

            self._transfer = attach(self)
        return self._transfer

    def export_all_data(self) -> None:
        """File ▸ Export all data…: the not-encrypted line, where to save, then the file."""
        self.data_transfer.export_all()

    def import_data(self) -> None:
        """File ▸ Import data…: a SupportNet data export, into an empty store or merged."""
        self.data_transfer.import_data()

    def delete_all_data(self) -> DeleteAllDialog | None:
        """File ▸ Delete all my data…: the dialog (window-modal); deleting happens on OK."""
        deletion = self._deletion()
        if deletion is None:
            return None
        from supportnet.ui.data.delete_dialog import DeleteAllDialog

        dialog = DeleteAllDialog(
            deletion.places(),
            self.data_transfer.export_all,
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._delete_everything(dialog.extra_too))
        dialog.finished.connect(lambda _r: setattr(self, "delete_dialog", None))
        self.delete_dialog = dialog
        dialog.open()
        return dialog

    def _delete_everything(self, extra_too: bool) -> None:
        from supportnet.ui.widgets import dialogs

        deletion = self._deletion()
        if deletion is None:
            return
        self._stop_store_users()
        try:
            done = deletion.delete_all(extra_too=extra_too)
        except SupportNetError as exc:
            # Said whole: the message names what was removed so far, if anything.
            dialogs.show_error(self, f"{exc.message}\n\n{_(CLOSING)}", title=_(NOT_DELETED_TITLE))
        else:
            dialogs.show_error(self, deleted_text(done), title=_(DELETED_TITLE))
        self.quit_app()

    def _stop_store_users(self) -> None:
        """Nothing reads or writes the store from here on (the result is shown in a modal
        box, whose event loop runs the window's timers): every page built now, so none is
        built later; timers, reminders and backups stopped; the worker idle; undo cleared;
        the window's memory file gone (it lives in the data folder being removed)."""
        from supportnet.ui.shell.auto_backups import AutoBackups
        from supportnet.ui.shell.reminders import ReminderService
        from supportnet.ui.shell.ui_state import UiState as Memory

        self.build_all_pages()
        for user in [*self.findChildren(AutoBackups), *self.findChildren(ReminderService)]:
            user.stop()  # the tray icon goes too
        for timer in self.findChildren(QTimer):
            timer.stop()
        self.background.wait()
        self.undo_stack.clear()
        # "Hard day?" still opens over the result, with the crisis lines only.
        self.hard_day.forget_the_network()
        old, self.ui_state = self.ui_state, Memory(None)
        old.sync()
        if old.path is not None:
            with contextlib.suppress(OSError):
                old.path.unlink()
