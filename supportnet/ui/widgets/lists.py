"""Lists shared by the pages: a read-only table, and a kind line in its place when empty."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.ui.widgets.buttons import push_button

CLEAR_FILTERS = N_("Show everyone")


class ListArea(QStackedWidget):
    """A table, or a friendly line in its place when there is nothing to show."""

    def __init__(
        self, view: QTableView, accessible_name: str, also: QPushButton | None = None
    ) -> None:
        """``also``: a second button beside "Clear filters", shown by the page when it fits."""
        super().__init__()
        self.view = view
        # Translators: {list} is the list's own name, e.g. "People".
        message_name = _("{list}: message").format(list=accessible_name)
        self.message = centred_label("", message_name, plain=True, larger=True)
        self.more = centred_label("", _("{list}: more").format(list=accessible_name), plain=True)
        self.clear_button = push_button(
            _(CLEAR_FILTERS),
            _(CLEAR_FILTERS),
            tip=_("Clear the search and set every filter back to “Any”"),
        )
        holder = empty_state(self.message, self.more, button=self.clear_button, also=also)
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


def centred_label(
    text: str, name: str, *, wrap: bool = True, plain: bool = False, larger: bool = False
) -> QLabel:
    """A line in the middle of an empty list or map; ``larger`` for its first line."""
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(wrap)
    if plain:
        label.setTextFormat(Qt.TextFormat.PlainText)
    if larger:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        label.setFont(font)
    label.setAccessibleName(name)
    return label


def empty_state(
    *lines: QLabel, button: QPushButton | None = None, also: QPushButton | None = None
) -> QWidget:
    """What stands in for an empty list: ``lines`` a little above the middle, ``button``
    under (and ``also`` beside it)."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.addStretch(2)
    for line in lines:
        layout.addWidget(line)
    if button is not None:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        if also is not None:
            row.addWidget(also)
        row.addStretch(1)
        layout.addLayout(row)
    layout.addStretch(3)
    return holder


def sized_table(model: QAbstractItemModel, name: str, widths: tuple[int, ...]) -> QTableView:
    """:func:`make_table` with its first columns ``widths`` characters wide (the last stretches)."""
    view = make_table(model, name)
    view.setCornerButtonEnabled(False)
    header = view.horizontalHeader()
    chars = view.fontMetrics().averageCharWidth()
    for column, width in enumerate(widths):
        header.resizeSection(column, chars * width)
    return view


def day_tree(
    tree: QTreeView,
    model: QAbstractItemModel,
    name: str,
    widths: dict[int, int],
    fits: dict[int, list[str]] | None = None,
) -> None:
    """Set ``tree`` up as a read-only list of days with their entries under them.

    ``widths`` gives columns their width in characters; the last column stretches.
    ``fits`` names words a column shows in full whatever the language ("Around this day"
    runs longer in German): the column is at least as wide as the widest of them.
    """
    tree.setModel(model)
    tree.setAccessibleName(name)
    tree.setRootIsDecorated(False)
    tree.setItemsExpandable(False)
    tree.setExpandsOnDoubleClick(False)
    tree.setUniformRowHeights(False)
    tree.setAllColumnsShowFocus(True)
    tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Entries sit a little in from their day's heading.
    tree.setIndentation(tree.fontMetrics().averageCharWidth() * 3)
    tree.setWordWrap(False)
    tree.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = tree.header()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    metrics = tree.fontMetrics()
    chars = metrics.averageCharWidth()
    for column, width in widths.items():
        words = (fits or {}).get(column, [])
        # An entry sits in by the indentation, and a cell keeps a little room each side.
        needed = max((metrics.horizontalAdvance(word) for word in words), default=0)
        room = tree.indentation() + 2 * chars if needed else 0
        header.resizeSection(column, max(chars * width, needed + room))


class WholeRows(QWidget):
    """Holds ``area`` (showing ``table``) at a height of whole rows, so the last row in sight
    is never cut in half; the room under it stays empty. Scrolling goes a row at a time."""

    def __init__(self, area: QWidget, table: QTableView) -> None:
        super().__init__()
        self.area = area
        self.table = table
        area.setParent(self)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setSizePolicy(area.sizePolicy())
        # A horizontal scroll bar coming or going changes the room for rows.
        table.horizontalScrollBar().rangeChanged.connect(lambda *_a: self.fit())

    def sizeHint(self) -> QSize:
        return self.area.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.area.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        table = self.table
        # The frame and the header, whatever height the table has now.
        chrome = table.height() - table.maximumViewportSize().height()
        body = self.height() - chrome
        bar = table.horizontalScrollBar()
        if bar.maximum() > 0:
            body -= bar.sizeHint().height()
        row = max(1, table.verticalHeader().defaultSectionSize())
        spare = body % row if body > row else 0
        self.area.setGeometry(0, 0, self.width(), self.height() - spare)


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
