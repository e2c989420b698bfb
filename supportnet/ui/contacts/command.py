"""A contacts import as one undo step: undo takes out who came in and undoes merges."""

from __future__ import annotations

from collections.abc import Sequence

from supportnet.services.contacts_import import ContactsImport, Imported, PreviewRow
from supportnet.ui.contacts.words import undo_text
from supportnet.ui.undo.commands import StoreCommand, UndoContext


class ImportContactsCommand(StoreCommand):
    """Made once the import is done (on the window's worker): its first redo does nothing."""

    def __init__(
        self,
        ctx: UndoContext,
        service: ContactsImport,
        rows: Sequence[PreviewRow],
        imported: Imported,
    ) -> None:
        super().__init__(ctx, undo_text(imported))
        self._service = service
        self._rows = list(rows)
        self.imported = imported

    def _forward(self) -> None:
        # Redo imports the same rows again (new ids; merges read the person as they are now).
        self.imported = self._service.import_rows(self._rows)

    def _backward(self) -> None:
        self._service.undo(self.imported)

    def announce(self) -> None:
        """Tell the pages, once the first import is in (it was done before the push)."""
        self._notify()

    def _notify(self) -> None:
        signals = self._ctx.signals
        signals.people_changed.emit()
        signals.groups_changed.emit()
        signals.plans_changed.emit()
        signals.checkins_changed.emit()
