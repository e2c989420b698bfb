"""File ▸ Export all data… and File ▸ Import data…: asked, done on the window's worker,
said in plain words. A refused file changes nothing and says why in one message."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from supportnet.i18n import N_, _
from supportnet.model.errors import SupportNetError
from supportnet.services.data_export import NOT_ENCRYPTED, Exported, Imported
from supportnet.services.your_data import ExportSummary, YourData, counts_text, imported_text
from supportnet.ui.shell.background import Background
from supportnet.ui.widgets import dialogs

EXPORT_TITLE = N_("Export all data")
EXPORT_QUESTION = N_(
    "SupportNet saves everything in one file: names, ways to reach people, notes, plans, "
    "check-ins, the safety plan and care teams."
)
EXPORT_YES = N_("Choose where to save…")
EXPORT_FAILED = N_("SupportNet couldn't save that file")
IMPORT_TITLE = N_("Import data")
IMPORT_FAILED = N_("SupportNet couldn't bring that file in")
MERGE_LINE = N_("People and plans already here stay; only what's new is added.")
FILE_FILTER = N_("SupportNet data export (*.json);;All files (*)")
NOTHING_CHANGED = N_("Nothing was changed.")
#: Said while the worker is busy (a big network takes a few seconds).
SAVING = N_("Saving all your data…")
READING = N_("Reading the file…")
BRINGING_IN = N_("Bringing your data in…")


def export_name(today: datetime) -> str:
    """The file name offered first, such as "supportnet-data-2026-12-03.json"."""
    return f"supportnet-data-{today:%Y-%m-%d}.json"


def ask_export_path(parent: QWidget | None, start: Path) -> Path | None:
    """Ask where to save. The dialog adds ".json" to a bare name before it asks about
    replacing a file, so no file is ever replaced unasked. None: cancelled."""
    dialog = QFileDialog(parent, _(EXPORT_TITLE), str(start.parent), _(FILE_FILTER))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix("json")
    dialog.selectFile(start.name)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def ask_import_path(parent: QWidget | None, folder: Path) -> Path | None:
    """Ask which data export to bring in. None: cancelled."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, _(IMPORT_TITLE), str(folder), _(FILE_FILTER)
    )
    return Path(chosen) if chosen else None


def export_done_text(done: Exported) -> str:
    return _(
        "Saved all your data to {file}: {counts}. "
        "It is not encrypted, so keep it somewhere private."
    ).format(file=done.path.name, counts=counts_text(done.counts))


def import_question(summary: ExportSummary, backups: Path) -> tuple[str, str, str]:
    """(question, details, yes button) before bringing ``summary``'s file in."""
    holds = _("It holds {counts}.").format(counts=counts_text(summary.counts))
    name = summary.path.name
    if summary.store_empty:
        return (
            _("Bring in everything from {file}?").format(file=name),
            holds,
            _("Bring it in"),
        )
    backup = _("A backup of your network as it is now is taken first, in {folder}.").format(
        folder=backups
    )
    return (
        _("Add what's new from {file}?").format(file=name),
        f"{holds} {_(MERGE_LINE)} {backup}",
        _("Add what's new"),
    )


def _calm(error: BaseException) -> str:
    """A refusal's message, saying that nothing changed (a bug is raised, never shown here)."""
    if not isinstance(error, SupportNetError):
        raise error
    message = error.message
    # The service's own sentence may say so already, in the language in use.
    if _(NOTHING_CHANGED).lower().rstrip(".") in message.lower():
        return message
    return f"{message} {_(NOTHING_CHANGED)}"


class DataTransfer:
    """Runs the export and the import for ``parent`` (the main window).

    ``changed`` is called after an import (the window's pages refresh from its signals);
    ``note`` hears the result in one line.
    """

    def __init__(
        self,
        parent: QWidget,
        your_data: YourData,
        background: Background,
        *,
        clock: Callable[[], datetime],
        folder: Callable[[], Path],
        note: Callable[[str], None],
        changed: Callable[[], None],
    ) -> None:
        self._parent = parent
        self._data = your_data
        self._background = background
        self._clock = clock
        self._folder = folder
        self._note = note
        self._changed = changed

    # --- export ----------------------------------------------------------------------------

    def export_all(self, then: Callable[[str], None] | None = None) -> None:
        """Say the file isn't encrypted, ask where, write it on the worker, say so.
        ``then`` hears a line for another dialog ("" if nothing was saved)."""
        after = then or (lambda _line: None)
        if not dialogs.confirm(
            self._parent,
            _(EXPORT_TITLE),
            _(EXPORT_QUESTION),
            yes_text=_(EXPORT_YES),
            details=_(NOT_ENCRYPTED),
        ):
            after("")
            return
        now = self._clock()
        path = ask_export_path(self._parent, self._folder() / export_name(now))
        if path is None:
            after("")
            return
        data = self._data
        self._note(_(SAVING))

        def done(result: Exported) -> None:
            self._note(export_done_text(result))
            after(_("Saved a copy to {path}.").format(path=result.path))

        def failed(error: BaseException) -> None:
            # Said over the window first: the dialog that asked may be gone by now.
            if not isinstance(error, SupportNetError):
                after("")
                raise error
            dialogs.show_error(self._parent, error.message, title=_(EXPORT_FAILED))
            after("")

        self._background.run(lambda: data.export_to(path, now), done, failed)

    # --- import ----------------------------------------------------------------------------

    def import_data(self) -> None:
        """Ask for a data export, read and check it on the worker, then ask to bring it in."""
        path = ask_import_path(self._parent, self._folder())
        if path is None:
            return
        data = self._data
        self._note(_(READING))
        self._background.run(lambda: data.summary(path), self._confirm_import, self._refused)

    def _confirm_import(self, summary: ExportSummary) -> None:
        question, details, yes = import_question(summary, self._data.backups)
        title = _(IMPORT_TITLE)
        if not dialogs.confirm(self._parent, title, question, yes_text=yes, details=details):
            return
        data, path = self._data, summary.path
        self._note(_(BRINGING_IN))
        self._background.run(lambda: data.import_file(path), self._imported, self._refused)

    def _imported(self, result: tuple[Imported, Path | None]) -> None:
        done, backup = result
        self._changed()
        line = imported_text(done)
        if backup is not None:
            kept = _("Your network as it was is kept in {file}.").format(file=backup.name)
            line = f"{line} {kept}"
        self._note(line)

    def _refused(self, error: BaseException) -> None:
        dialogs.show_error(self._parent, _calm(error), title=_(IMPORT_FAILED))


def attach(window: Any) -> DataTransfer:
    """The transfer for the main window ``window``, built from its services and signals."""

    return DataTransfer(
        window,
        window._source.your_data(),
        window.background,
        clock=window._clock,
        folder=dialogs.documents_folder,
        note=window.show_note,
        changed=window.signals.everything_changed,
    )
