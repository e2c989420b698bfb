"""The main window: the people, groups and communities in the network."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import supportnet
from supportnet.ui import dialogs
from supportnet.ui.models import GroupsTableModel, NameFilterProxy, PeopleTableModel

EMPTY_PEOPLE = "Your network is empty for now."
EMPTY_PEOPLE_MORE = "The people you add will be listed here."
EMPTY_GROUPS = "No groups or communities here yet."
EMPTY_GROUPS_MORE = (
    "Support groups, clubs, services and online communities you add will be listed here."
)
PEOPLE_TAB = "People"
GROUPS_TAB = "Groups and communities"
#: How often "3 days ago" is worked out again while the window stays open.
TIME_REFRESH_MS = 10 * 60 * 1000


class NetworkSource(Protocol):
    """What the window reads from: the store's repositories (see ``supportnet.data.store``)."""

    people: Any
    groups: Any
    checkins: Any


def counts_text(people: int, groups: int) -> str:
    """The status line, e.g. "25 people · 3 groups"."""
    people_text = "1 person" if people == 1 else f"{people} people"
    groups_text = "1 group" if groups == 1 else f"{groups} groups"
    return f"{people_text} · {groups_text}"


class _ListPage(QStackedWidget):
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
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.addStretch(2)
        holder_layout.addWidget(self.message)
        holder_layout.addWidget(self.more)
        holder_layout.addStretch(3)
        self._holder = holder
        self.addWidget(view)
        self.addWidget(holder)
        self.setAccessibleName(accessible_name)

    def show_table(self) -> None:
        self.setCurrentWidget(self.view)

    def show_message(self, text: str, more: str = "") -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)
        self.more.setText(more)
        self.more.setVisible(bool(more))
        self.setCurrentWidget(self._holder)

    @property
    def showing_message(self) -> bool:
        return self.currentWidget() is self._holder


def _make_table(model: QAbstractItemModel, name: str, sort_column: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
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
    row_height = view.fontMetrics().height() * 2
    view.verticalHeader().setDefaultSectionSize(row_height)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view


class MainWindow(QMainWindow):
    """Lists the network. Reads only through the repositories it is given; runs no SQL."""

    def __init__(
        self,
        source: NetworkSource,
        *,
        data_location: str,
        key_location: str,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._data_location = data_location
        self._key_location = key_location
        self._clock = clock or (lambda: datetime.now(UTC))
        self.setWindowTitle(supportnet.APP_NAME)
        self.setAccessibleName(supportnet.APP_NAME)
        self.resize(1100, 720)

        self.people_model = PeopleTableModel(self, clock=self._clock)
        self.people_proxy = NameFilterProxy(self)
        self.people_proxy.setSourceModel(self.people_model)
        self.groups_model = GroupsTableModel(self)
        self.groups_proxy = NameFilterProxy(self)
        self.groups_proxy.setSourceModel(self.groups_model)

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText("Search by name")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName("Search by name")
        self.search_field.setToolTip("Show only the names that contain this text (Ctrl+F)")
        self.search_field.textChanged.connect(self._search)

        self.people_view = _make_table(self.people_proxy, "People", PeopleTableModel.COL_NAME)
        self.groups_view = _make_table(
            self.groups_proxy, "Groups and communities", GroupsTableModel.COL_NAME
        )
        self.people_page = _ListPage(self.people_view, PEOPLE_TAB)
        self.groups_page = _ListPage(self.groups_view, GROUPS_TAB)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Network")
        self.tabs.tabBar().setAccessibleName("People, or groups and communities")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.people_page, PEOPLE_TAB)
        self.tabs.addTab(self.groups_page, GROUPS_TAB)

        # The search sits beside the tabs: it filters both lists, and stays out of the way.
        corner = QWidget()
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(12, 0, 0, 4)
        corner_layout.addWidget(self.search_field)
        self.search_field.setMinimumWidth(self.search_field.fontMetrics().averageCharWidth() * 32)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.status_label = QLabel()
        self.status_label.setAccessibleName("Network size")
        self.statusBar().addWidget(self.status_label)

        self._build_menus()

        self._time_timer = QTimer(self)
        self._time_timer.setInterval(TIME_REFRESH_MS)
        self._time_timer.timeout.connect(self._refresh_times)
        self._time_timer.start()

        self.refresh()
        self._size_columns()
        self.search_field.setFocus()

    # --- building --------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        help_menu = self.menuBar().addMenu("&Help")
        self.about_action = QAction("&About SupportNet", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

        self.find_action = QAction("Search by name", self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self._focus_search)
        self.addAction(self.find_action)

    def _size_columns(self) -> None:
        for view, model in (
            (self.people_view, self.people_model),
            (self.groups_view, self.groups_model),
        ):
            view.resizeColumnsToContents()
            header = view.horizontalHeader()
            spare = 48  # room for the sort arrow and some air
            for column in range(model.columnCount() - 1):
                header.resizeSection(column, header.sectionSize(column) + spare)

    # --- behaviour -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the network again from the repositories and show it."""
        people = self._source.people.list_all()
        last_contact = self._source.checkins.last_contact_by_person()
        groups = self._source.groups.list_all()
        self.people_model.set_people(people, last_contact, self._clock())
        self.groups_model.set_groups(groups)
        self.status_label.setText(counts_text(len(people), len(groups)))
        # Nothing to search yet: a greyed field says so better than a search that finds nothing.
        self.search_field.setEnabled(bool(people or groups))
        self._update_pages()

    def _refresh_times(self) -> None:
        self.people_model.refresh_times(self._clock())

    def _search(self, text: str) -> None:
        self.people_proxy.set_search_text(text)
        self.groups_proxy.set_search_text(text)
        self._update_pages()

    def _focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _update_pages(self) -> None:
        search = self.search_field.text().strip()
        people_found = self.people_proxy.rowCount()
        groups_found = self.groups_proxy.rowCount()
        if self.people_model.rowCount() == 0:
            self.people_page.show_message(EMPTY_PEOPLE, EMPTY_PEOPLE_MORE)
        elif people_found == 0:
            elsewhere = f"There is a match under “{GROUPS_TAB}”." if groups_found else ""
            self.people_page.show_message(f"No one’s name contains “{search}”.", elsewhere)
        else:
            self.people_page.show_table()
        if self.groups_model.rowCount() == 0:
            self.groups_page.show_message(EMPTY_GROUPS, EMPTY_GROUPS_MORE)
        elif groups_found == 0:
            elsewhere = f"There is a match under “{PEOPLE_TAB}”." if people_found else ""
            self.groups_page.show_message(f"No group’s name contains “{search}”.", elsewhere)
        else:
            self.groups_page.show_table()

    def keyPressEvent(self, event: Any) -> None:
        # Esc in the search field clears it, so the whole network is back in one key.
        if event.key() == Qt.Key.Key_Escape and self.search_field.text():
            self.search_field.clear()
            return
        super().keyPressEvent(event)

    def show_about(self) -> None:
        dialogs.show_about(self, supportnet.__version__, self._data_location, self._key_location)
