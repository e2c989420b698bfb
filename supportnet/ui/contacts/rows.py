"""The contacts preview's table: one row per contact, ticked to bring them in."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from supportnet.i18n import N_, _
from supportnet.model.network import Circle
from supportnet.services.contacts_import import PreviewRow, Status
from supportnet.ui.contacts.words import Choice, choice_of, choose, note_of, what_comes_in

_Index = QModelIndex | QPersistentModelIndex
#: The row's PreviewRow, for the dialog and tests.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def short_circle(circle: Circle) -> str:
    """ "Outer" for the outer circle: the column's heading says "Circle"."""
    return _(SHORT_CIRCLE[circle]) if circle in SHORT_CIRCLE else circle.label


#: A circle in the column headed "Circle".
SHORT_CIRCLE = {Circle.INNER: N_("Inner"), Circle.MIDDLE: N_("Middle"), Circle.OUTER: N_("Outer")}


class ContactRowsModel(QAbstractTableModel):
    """Every contact of the files: a check box and name, what comes in, circle, note."""

    COL_NAME, COL_WHAT, COL_CIRCLE, COL_NOTE = range(4)
    HEADERS = (N_("Name"), N_("What comes in"), N_("Circle"), N_("Note"))

    #: The ticks or choices changed (the Import button counts again).
    choices_changed = Signal()

    def __init__(self, rows: Sequence[PreviewRow], parent: Any = None) -> None:
        super().__init__(parent)
        self.rows = list(rows)
        # Worked out once: 5,000 rows are drawn and searched many times.
        self._what = [what_comes_in(r) for r in self.rows]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.HEADERS[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self.rows[index.row()]
        if index.column() == self.COL_NAME and row.status is not Status.UNUSABLE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.CheckStateRole and column == self.COL_NAME:
            if row.status is Status.UNUSABLE:
                return None
            return Qt.CheckState.Checked if row.include else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(index.row(), column)
            if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_WHAT and row.skipped:
                skipped = "; ".join(row.skipped)
                return _("{what}. Not kept: {skipped}.").format(what=text, skipped=skipped)
            return text
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and column == self.COL_NAME:
            ticked = _("ticked") if row.include else _("not ticked")
            return ", ".join(t for t in (ticked, self._text(index.row(), self.COL_NOTE)) if t)
        return None

    def _text(self, i: int, column: int) -> str:
        row = self.rows[i]
        if column == self.COL_NAME:
            # The card's whole name ("Dr Farid Rahimi"), not the nickname the map shows.
            return row.contact.title or row.item.display_name
        if column == self.COL_WHAT:
            return self._what[i]
        if column == self.COL_CIRCLE:
            return "" if row.status is Status.UNUSABLE else short_circle(row.item.circle)
        return note_of(row)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.COL_NAME:
            return False
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        if ticked != self.rows[index.row()].include:  # a tick keeps a merge already chosen
            self.set_choice([index.row()], Choice.ADD if ticked else Choice.SKIP)
        return True

    # --- changes from the dialog ------------------------------------------------------------

    def set_choice(self, numbers: Iterable[int], choice: Choice) -> None:
        """Tick (add), untick (skip) or merge the rows ``numbers`` (a merge only those
        that look like someone in the network)."""
        changed = []
        for n in numbers:
            row = self.rows[n]
            before = choice_of(row)
            choose(row, choice)
            if choice_of(row) is not before:
                changed.append(n)
        self._changed(changed, self.COL_NAME, self.COL_NOTE)

    def set_circle(self, numbers: Iterable[int], circle: Circle) -> None:
        changed = []
        for n in numbers:
            row = self.rows[n]
            if row.status is not Status.UNUSABLE and row.item.circle is not circle:
                row.item.circle = circle
                changed.append(n)
        self._changed(changed, self.COL_CIRCLE, self.COL_CIRCLE)

    def _changed(self, numbers: list[int], first: int, last: int) -> None:
        if not numbers:
            return
        self.dataChanged.emit(self.index(min(numbers), first), self.index(max(numbers), last))
        self.choices_changed.emit()
