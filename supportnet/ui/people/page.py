"""The People page: people and groups in lists, with search, filters and sorting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.model.network import Circle, LifeDomain, SupportType
from supportnet.model.targets import GROUP, PERSON
from supportnet.services import Services
from supportnet.ui.widgets.buttons import enable_or_say_why
from supportnet.ui.widgets.filters import NetworkFilterProxy
from supportnet.ui.widgets.keyboard import tab_order
from supportnet.ui.widgets.lists import ListArea, make_table
from supportnet.ui.widgets.models import (
    ID_ROLE,
    GroupsTableModel,
    PeopleTableModel,
)

EMPTY_PEOPLE = N_("Your network is empty for now.")
EMPTY_PEOPLE_MORE = N_("The people you add will be listed here. Ctrl+N adds someone.")
IMPORT_CONTACTS = N_("Bring in people from your contacts…")
IMPORT_CONTACTS_TIP = N_("From your phone's or webmail's contacts, saved as .vcf or .csv files")
EMPTY_GROUPS = N_("No groups or communities here yet.")
EMPTY_GROUPS_MORE = N_(
    "Support groups, clubs, services and online communities you add will be listed here."
)
PEOPLE_TAB = N_("People")
GROUPS_TAB = N_("Groups and communities")
ANY_CIRCLE = N_("Any circle")
ANY_DOMAIN = N_("Any part of life")
ANY_SUPPORT = N_("Any kind of support")
#: When nothing on one list matches: whole sentences, by list and by whether a search is typed.
NO_MATCH = {
    (PERSON, True): N_("No one here matches “{search}”."),
    (PERSON, False): N_("No one here matches these filters."),
    (GROUP, True): N_("No group here matches “{search}”."),
    (GROUP, False): N_("No group here matches these filters."),
}
#: ... and the other list has a match.
ELSEWHERE = {
    PERSON: N_("There is a match under “Groups and communities”."),
    GROUP: N_("There is a match under “People”."),
}
NOTHING_SELECTED = N_("Choose someone in the list to edit or delete them.")


def _filter_combo(name: str, any_text: str, values: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItem(any_text, None)
    for text, value in values:
        combo.addItem(text, value)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class PeoplePageView(QWidget):
    """Layout only: search, filters, the two lists and the buttons under them."""

    def __init__(
        self,
        people_model: QAbstractItemModel,
        groups_model: QAbstractItemModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("People and groups"))

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(_("Search names and tags"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName(_("Search names and tags"))
        self.search_field.setToolTip(_("Show only those whose name or tags contain this (Ctrl+F)"))
        self.search_field.setMinimumWidth(self.search_field.fontMetrics().averageCharWidth() * 28)

        self.circle_filter = _filter_combo(
            _("Circle filter"), _(ANY_CIRCLE), [(c.label, c.value) for c in Circle]
        )
        self.circle_filter.setToolTip(_("Show only one circle"))
        self.domain_filter = _filter_combo(
            _("Part of life filter"), _(ANY_DOMAIN), [(d.label, d.value) for d in LifeDomain]
        )
        self.domain_filter.setToolTip(_("Show only one part of life"))
        self.support_filter = _filter_combo(
            _("Kind of support filter"),
            _(ANY_SUPPORT),
            [
                (_("Okay in a crisis") if s is SupportType.CRISIS else s.label, s.value)
                for s in SupportType
            ],
        )
        self.support_filter.setToolTip(_("Show only those who give this kind of support"))

        self.new_person_button = QPushButton(_("New &person…"))
        self.new_person_button.setAccessibleName(_("New person"))
        self.new_person_button.setToolTip(_("Add someone to your network (Ctrl+N)"))
        self.new_group_button = QPushButton(_("New &group…"))
        self.new_group_button.setAccessibleName(_("New group"))
        self.new_group_button.setToolTip(_("Add a group or community (Ctrl+Shift+N)"))

        self.people_table = make_table(people_model, _(PEOPLE_TAB), PeopleTableModel.COL_NAME)
        self.groups_table = make_table(groups_model, _(GROUPS_TAB), GroupsTableModel.COL_NAME)
        #: On the empty list: a whole address book rather than one person at a time.
        self.import_button = QPushButton(_(IMPORT_CONTACTS))
        self.import_button.setAccessibleName(_("Bring in people from your contacts"))
        self.import_button.setToolTip(_(IMPORT_CONTACTS_TIP))
        self.import_button.setVisible(False)
        self.people_list = ListArea(self.people_table, _(PEOPLE_TAB), also=self.import_button)
        self.groups_list = ListArea(self.groups_table, _(GROUPS_TAB))

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("People, or groups and communities"))
        self.tabs.tabBar().setAccessibleName(_("People, or groups and communities"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.people_list, _(PEOPLE_TAB))
        self.tabs.addTab(self.groups_list, _(GROUPS_TAB))

        self.selection_label = QLabel("")
        self.selection_label.setAccessibleName(_("Selected"))
        self.selection_label.setTextFormat(Qt.TextFormat.PlainText)
        self.edit_button = QPushButton(_("Ed&it…"))
        self.edit_button.setAccessibleName(_("Edit selected"))
        self.edit_button.setToolTip(_("Edit the selected person or group (Enter or F2)"))
        self.delete_button = QPushButton(_("&Delete…"))
        self.delete_button.setAccessibleName(_("Delete selected"))
        self.delete_button.setToolTip(_("Delete the selected person or group (Del); you can undo"))

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.search_field, 1)
        top.addSpacing(16)
        top.addWidget(self.new_person_button)
        top.addWidget(self.new_group_button)

        self.filters_label = QLabel(_("Show:"))
        self.filters_label.setAccessibleName(_("Show"))
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.filters_label)
        filters.addWidget(self.circle_filter)
        filters.addWidget(self.domain_filter)
        filters.addWidget(self.support_filter)
        filters.addStretch(1)

        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        bottom.addWidget(self.selection_label, 1)
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        # Tab goes: search, filters, the lists, the buttons about the selection, then "New".
        order = [
            self.search_field,
            self.circle_filter,
            self.domain_filter,
            self.support_filter,
            self.tabs.tabBar(),
            self.people_table,
            self.people_list.clear_button,
            self.import_button,
            self.groups_table,
            self.groups_list.clear_button,
            self.edit_button,
            self.delete_button,
            self.new_person_button,
            self.new_group_button,
        ]
        tab_order(order)


class PeoplePageController(QObject):
    """Fills the People page from the services and turns its clicks into requests."""

    edit_requested = Signal(str, int)
    delete_requested = Signal(str, int)
    new_person_requested = Signal()
    new_group_requested = Signal()
    selection_changed = Signal()
    import_contacts_requested = Signal()

    def __init__(
        self,
        source: Services,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clock = clock
        self.people_model = PeopleTableModel(self, clock=clock)
        self.people_proxy = NetworkFilterProxy(self)
        self.people_proxy.setSourceModel(self.people_model)
        self.groups_model = GroupsTableModel(self)
        self.groups_proxy = NetworkFilterProxy(self)
        self.groups_proxy.setSourceModel(self.groups_model)
        self.view = PeoplePageView(self.people_proxy, self.groups_proxy, parent)
        view = self.view

        view.search_field.textChanged.connect(self._filters_changed)
        for combo in (view.circle_filter, view.domain_filter, view.support_filter):
            combo.currentIndexChanged.connect(self._filters_changed)
        view.people_list.clear_button.clicked.connect(self.clear_filters)
        view.groups_list.clear_button.clicked.connect(self.clear_filters)
        view.new_person_button.clicked.connect(self.new_person_requested)
        view.new_group_button.clicked.connect(self.new_group_requested)
        view.import_button.clicked.connect(self.import_contacts_requested)
        view.edit_button.clicked.connect(self._edit_selected)
        view.delete_button.clicked.connect(self._delete_selected)
        view.tabs.currentChanged.connect(self._selection_moved)
        for table, kind in ((view.people_table, PERSON), (view.groups_table, GROUP)):
            table.activated.connect(lambda index, k=kind: self._activated(k, index))
            table.selectionModel().selectionChanged.connect(self._selection_moved)
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            table.customContextMenuRequested.connect(
                lambda pos, t=table: self._context_menu(t, pos)
            )
        self._sized = False
        self.refresh()
        self._selection_moved()

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read people and groups again from the services, keeping the selection."""
        keep = self.selected()
        people = self._source.people.list_all()
        last_contact = self._source.checkins.last_contact_by_person()
        groups = self._source.groups.list_all()
        self.people_model.set_people(people, last_contact, self._clock())
        self.groups_model.set_groups(groups)
        self.view.search_field.setEnabled(bool(people or groups))
        if not self._sized and (people or groups):
            self._size_columns()
        self._update_lists()
        if keep is not None:
            self.select(*keep, switch_tab=False)
        self._selection_moved()

    def refresh_times(self) -> None:
        self.people_model.refresh_times(self._clock())

    def _size_columns(self) -> None:
        self._sized = True
        for table, model in (
            (self.view.people_table, self.people_model),
            (self.view.groups_table, self.groups_model),
        ):
            header = table.horizontalHeader()
            # Measuring every row costs seconds at thousands of people; a sample is enough.
            header.setResizeContentsPrecision(60)
            table.resizeColumnsToContents()
            spare = 48  # room for the sort arrow and some air
            for column in range(model.columnCount() - 1):
                header.resizeSection(column, header.sectionSize(column) + spare)

    # --- search and filters ----------------------------------------------------------------

    def _filters_changed(self) -> None:
        view = self.view
        circle = view.circle_filter.currentData()
        domain = view.domain_filter.currentData()
        support = view.support_filter.currentData()
        text = view.search_field.text()
        for proxy in (self.people_proxy, self.groups_proxy):
            proxy.set_search_text(text)
            proxy.set_filters(
                circle=Circle(circle) if circle else None,
                domain=LifeDomain(domain) if domain else None,
                support=SupportType(support) if support else None,
            )
        self._update_lists()
        self._selection_moved()

    def clear_filters(self) -> None:
        view = self.view
        view.search_field.clear()
        for combo in (view.circle_filter, view.domain_filter, view.support_filter):
            combo.setCurrentIndex(0)

    def focus_search(self) -> None:
        self.view.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view.search_field.selectAll()

    def _update_lists(self) -> None:
        people_found = self.people_proxy.rowCount()
        groups_found = self.groups_proxy.rowCount()
        filtering = self.people_proxy.filtering
        search = self.view.search_field.text().strip()
        lists = (
            (self.view.people_list, self.people_model, people_found, groups_found, PERSON),
            (self.view.groups_list, self.groups_model, groups_found, people_found, GROUP),
        )
        self.view.import_button.setVisible(self.people_model.rowCount() == 0)
        for area, model, found, other_found, kind in lists:
            if model.rowCount() == 0:
                if kind == PERSON:
                    area.show_message(_(EMPTY_PEOPLE), _(EMPTY_PEOPLE_MORE))
                else:
                    area.show_message(_(EMPTY_GROUPS), _(EMPTY_GROUPS_MORE))
            elif found == 0:
                elsewhere = _(ELSEWHERE[kind]) if other_found else ""
                shown = _(NO_MATCH[kind, bool(search)]).format(search=search)
                area.show_message(shown, elsewhere, can_clear=filtering)
            else:
                area.show_table()

    # --- selection -------------------------------------------------------------------------

    def current_kind(self) -> str:
        return PERSON if self.view.tabs.currentIndex() == 0 else GROUP

    def selected(self) -> tuple[str, int] | None:
        """The selected person or group on the visible list, as ``(kind, id)``."""
        kind = self.current_kind()
        table = self.view.people_table if kind == PERSON else self.view.groups_table
        area = self.view.people_list if kind == PERSON else self.view.groups_list
        if area.showing_message:
            return None
        rows = table.selectionModel().selectedRows()
        if not rows:
            return None
        item_id = rows[0].data(ID_ROLE)
        return (kind, int(item_id)) if item_id is not None else None

    def selected_name(self) -> str | None:
        chosen = self.selected()
        if chosen is None:
            return None
        kind, item_id = chosen
        model: Any = self.people_model if kind == PERSON else self.groups_model
        row = model.row_of(item_id)
        if row is None:
            return None
        item = model.person_at(row) if kind == PERSON else model.group_at(row)
        return str(item.name)

    def select(self, kind: str, item_id: int, *, switch_tab: bool = True) -> bool:
        """Select a person or group in its list (and show that list). False if hidden."""
        model: Any = self.people_model if kind == PERSON else self.groups_model
        proxy = self.people_proxy if kind == PERSON else self.groups_proxy
        table = self.view.people_table if kind == PERSON else self.view.groups_table
        row = model.row_of(item_id)
        if row is None:
            return False
        index = proxy.mapFromSource(model.index(row, 0))
        if not index.isValid():
            return False
        if switch_tab:
            self.view.tabs.setCurrentIndex(0 if kind == PERSON else 1)
        table.selectRow(index.row())
        table.scrollTo(index)
        return True

    def _selection_moved(self) -> None:
        name = self.selected_name()
        has = name is not None
        # Why a button can't act is said on the button, not in a line under the list.
        for button in (self.view.edit_button, self.view.delete_button):
            enable_or_say_why(button, has, _(NOTHING_SELECTED))
        self.view.selection_label.setText(_("Selected: {name}").format(name=name) if has else "")
        self.selection_changed.emit()

    def _activated(self, kind: str, index: QModelIndex) -> None:
        item_id = index.data(ID_ROLE)
        if item_id is not None:
            self.edit_requested.emit(kind, int(item_id))

    def _edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.edit_requested.emit(*chosen)

    def _delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.delete_requested.emit(*chosen)

    def _context_menu(self, table: QTableView, pos: Any) -> None:
        index = table.indexAt(pos)
        if not index.isValid():
            return
        table.selectRow(index.row())
        menu = QMenu(table)
        menu.setAccessibleName(_("Actions for the selected row"))
        edit = QAction(_("Edit…"), menu)
        edit.triggered.connect(self._edit_selected)
        delete = QAction(_("Delete…"), menu)
        delete.triggered.connect(self._delete_selected)
        menu.addAction(edit)
        menu.addAction(delete)
        menu.popup(table.viewport().mapToGlobal(pos))
