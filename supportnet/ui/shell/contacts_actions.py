"""The main window's part in bringing people in from contacts: File ▸ Import contacts…,
the files read on the window's worker, the preview, then the import as one undo step."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from supportnet.i18n import N_, _
from supportnet.model.errors import SupportNetError
from supportnet.ui.shell.status_note import NOTE_LONG_SHOW_MS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from supportnet.services.contacts_import import ContactsImport, FilePreview, PreviewRow
    from supportnet.ui.contacts.preview import ContactsPreviewDialog

IMPORT_CONTACTS_TEXT = N_("&Import contacts…")
IMPORT_CONTACTS_TIP = N_("Bring in people from your phone's or webmail's contacts (.vcf or .csv)")
CHOOSE_TITLE = N_("Choose contacts files")
CONTACTS_FILTER = N_("Contacts files (*.vcf *.vcard *.csv);;All files (*)")
READING_NOTE = N_("Reading your contacts…")
NO_CONTACTS = N_("No contacts were found in those files.")
IMPORTING_NOTE = N_("Bringing in your contacts…")
READ_ERROR_TITLE = N_("SupportNet couldn't read those contacts")
IMPORT_ERROR_TITLE = N_("SupportNet couldn't bring in those contacts")
#: Said for a failure that is not a SupportNetError (no details: they could hold names).
UNEXPECTED = N_("Something unexpected got in the way. Nothing was changed.")

#: Typed loosely: the mixin's methods use the window's attributes.
_WindowBase: Any = object


def ask_contacts_files(parent: QWidget | None) -> list[Path]:
    """The files chosen in the file dialog (several may be); [] when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _filter = QFileDialog.getOpenFileNames(parent, _(CHOOSE_TITLE), "", _(CONTACTS_FILTER))
    return [Path(p) for p in chosen]


def _message(exc: BaseException) -> str:
    return exc.message if isinstance(exc, SupportNetError) else _(UNEXPECTED)


class MainWindowContacts(_WindowBase):  # type: ignore[misc]
    """File ▸ Import contacts… and the empty pages' "Bring in people from your contacts…"."""

    #: The preview on screen, if any (for tests and to avoid opening two).
    contacts_dialog: ContactsPreviewDialog | None = None
    #: Whether files are being read or an import written (one at a time).
    _contacts_busy = False

    def import_contacts(self, paths: Sequence[Path] | None = None) -> bool:
        """Ask for files (unless given), read them on the worker, then show the preview.
        False when nothing was started (cancelled, or one is under way already)."""
        if self.contacts_dialog is not None:
            self.contacts_dialog.raise_()
            self.contacts_dialog.activateWindow()
            return False
        if self._contacts_busy:
            self._long_note(_(READING_NOTE))
            return False
        chosen = list(paths) if paths is not None else ask_contacts_files(self)
        if not chosen:
            return False
        service = self._source.contacts_import()
        self._contacts_busy_now(True, _(READING_NOTE))
        self.background.run(
            lambda: service.preview(chosen),
            lambda previews: self._contacts_read(service, previews),
            lambda exc: self._contacts_failed(exc, _(READ_ERROR_TITLE)),
        )
        return True

    def _contacts_busy_now(self, busy: bool, note: str = "") -> None:
        self._contacts_busy = busy
        if busy:
            self._long_note(note)  # stays while the worker reads or writes
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def _long_note(self, text: str) -> None:
        """A note held longer than a confirmation: progress, or a result worth reading."""
        self.note.show_note(text, hold_ms=NOTE_LONG_SHOW_MS)

    def _contacts_failed(self, exc: BaseException, title: str) -> None:
        from supportnet.ui.widgets import dialogs

        self._contacts_busy_now(False)
        dialogs.show_error(self, _message(exc), title=title)
        if not isinstance(exc, SupportNetError):
            raise exc  # a bug: the crash reporter says so too, without the contacts in it

    def _contacts_read(self, service: ContactsImport, previews: list[FilePreview]) -> None:
        from supportnet.ui.contacts.preview import ContactsPreviewDialog
        from supportnet.ui.contacts.words import unreadable_count
        from supportnet.ui.widgets import dialogs

        self._contacts_busy_now(False)
        if not any(p.rows for p in previews):
            said = unreadable_count(previews) or _(NO_CONTACTS)
            dialogs.show_error(self, said, title=_(READ_ERROR_TITLE))
            return
        dialog = ContactsPreviewDialog(previews, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.contacts_dialog = dialog
        dialog.accepted.connect(lambda: self._import_chosen(service, dialog.rows, previews))
        dialog.finished.connect(lambda _result: self._preview_closed(dialog))
        dialog.open()

    def _preview_closed(self, dialog: ContactsPreviewDialog) -> None:
        if self.contacts_dialog is dialog:
            self.contacts_dialog = None

    def _import_chosen(
        self, service: ContactsImport, rows: list[PreviewRow], previews: list[FilePreview]
    ) -> None:
        """Write on the worker; then one undo step, and the result in plain words."""
        from supportnet.ui.contacts.command import ImportContactsCommand
        from supportnet.ui.contacts.words import result_line, unreadable_count

        def done(imported: Any) -> None:
            self._contacts_busy_now(False)
            command = ImportContactsCommand(self.undo_context, service, rows, imported)
            self.undo_stack.push(command)
            command.announce()
            self._long_note(result_line(rows, imported, unreadable_count(previews)))

        self._contacts_busy_now(True, _(IMPORTING_NOTE))
        self.background.run(
            lambda: service.import_rows(rows),
            done,
            lambda exc: self._contacts_failed(exc, _(IMPORT_ERROR_TITLE)),
        )
