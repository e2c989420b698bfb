"""Lists shared by the pages: a read-only table, and a kind line in its place when empty."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

CLEAR_FILTERS = "Show everyone"


class ListArea(QStackedWidget):
    """A table, or a friendly line in its place when there is nothing to show."""

    def __init__(self, view: QTableView, accessible_name: str) -> None:
        super().__init__()
        self.view = view
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.message.setFont(font)
        self.message.setAccessibleName(f"{accessible_name}: message")
        self.more = QLabel()
        self.more.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more.setWordWrap(True)
        self.more.setTextFormat(Qt.TextFormat.PlainText)
        self.more.setAccessibleName(f"{accessible_name}: more")
        self.clear_button = QPushButton(CLEAR_FILTERS)
        self.clear_button.setAccessibleName(CLEAR_FILTERS)
        self.clear_button.setToolTip("Clear the search and set every filter back to “Any”")
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.addStretch(2)
        holder_layout.addWidget(self.message)
        holder_layout.addWidget(self.more)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.clear_button)
        button_row.addStretch(1)
        holder_layout.addLayout(button_row)
        holder_layout.addStretch(3)
        self._holder = holder
        self.addWidget(view)
        self.addWidget(holder)
        self.setAccessibleName(accessible_name)

    def show_table(self) -> None:
        self.setCurrentWidget(self.view)

    def show_message(self, text: str, more: str = "", *, can_clear: bool = False) -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)
        self.more.setText(more)
        self.more.setVisible(bool(more))
        self.clear_button.setVisible(can_clear)
        self.setCurrentWidget(self._holder)

    @property
    def showing_message(self) -> bool:
        return self.currentWidget() is self._holder


def make_table(model: QAbstractItemModel, name: str, sort_column: int | None = None) -> QTableView:
    """A calm, read-only list of rows: whole-row selection, no grid, room between rows."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    if sort_column is not None:
        view.setSortingEnabled(True)
        view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    # A little air between rows: easier to read and to hit with a tired hand.
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() * 2)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view
