"""A chart's numbers as a table a screen reader can read ("Show as tables").

A model over the :class:`~supportnet.insights.tables.Table` rather than an item per cell:
the table of who lifts your mood lists everyone with enough check-ins, thousands of rows on
a big network, and filling a ``QTableWidget`` with them held the window for a quarter of a
second.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableView, QWidget

from supportnet.insights.tables import Table

#: Up to this many rows each is as tall as its text (a plan's gaps wrap); beyond, every
#: row is one line, which doesn't need each measured.
MEASURED_ROWS = 300
#: The most rows shown at once; the table scrolls beyond.
SHOWN_ROWS = 14

_Index = QModelIndex | QPersistentModelIndex


class TableModel(QAbstractTableModel):
    """Rows of text under a header, read only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = Table((), ())

    def show(self, table: Table) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.header)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._table.rows[index.row()][index.column()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and section < len(self._table.header):
            return self._table.header[section]
        return None


class NumbersTable(QTableView):
    """A chart's numbers: every row, as tall as it needs to be up to :data:`SHOWN_ROWS`."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.numbers = TableModel(self)
        self.setModel(self.numbers)
        self.setAccessibleName(name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        # Tab moves on to the next control, not from cell to cell: with it on, Tab never
        # left the first table (the arrow keys move between cells).
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_table(self, table: Table) -> None:
        self.numbers.show(table)
        rows = self.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        if len(table.rows) <= MEASURED_ROWS:
            self.resizeRowsToContents()

    def fit_height(self) -> int:
        """Fix the table's height to its header and first :data:`SHOWN_ROWS` rows; that."""
        header = self.horizontalHeader().height()
        shown = min(self.numbers.rowCount(), SHOWN_ROWS)
        height = header + 2 * self.frameWidth() + sum(self.rowHeight(r) for r in range(shown))
        self.setFixedHeight(max(height, header * 2))
        return self.height()

    def cell(self, row: int, column: int) -> str:
        return str(self.numbers.index(row, column).data())

    def header_text(self, column: int) -> str:
        return str(self.numbers.headerData(column, Qt.Orientation.Horizontal))
