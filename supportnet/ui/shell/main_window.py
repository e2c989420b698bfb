"""The main window: a sidebar of pages (Today, Network, People), menus, undo, a quiet status bar."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

import supportnet
from supportnet.i18n import _
from supportnet.services.crisis import CrisisHelpService
from supportnet.ui.hard_day.entry import HardDayOpener, hard_day_button, sidebar_column
from supportnet.ui.shell import data_actions
from supportnet.ui.shell.background import Background
from supportnet.ui.shell.backup_actions import MainWindowBackups
from supportnet.ui.shell.care_team_actions import MainWindowCareTeam
from supportnet.ui.shell.contacts_actions import MainWindowContacts
from supportnet.ui.shell.editing import MainWindowEditing
from supportnet.ui.shell.insights_actions import MainWindowInsights
from supportnet.ui.shell.menus import MainWindowMenus
from supportnet.ui.shell.safety_plan_actions import MainWindowSafetyPlan
from supportnet.ui.shell.sidebar import (
    _PAGE_KEYS,
    BUILD_LATER_AFTER_MS,
    BUILD_LATER_STEP_MS,
    LATER_PAGES,
    ON_DEMAND_PAGES,
    Page,
    Sidebar,
    _Unbuilt,
)
from supportnet.ui.shell.signals import AppSignals
from supportnet.ui.shell.status_note import (
    NOTE_LONG_SHOW_MS,
    StatusNote,
    counts_text,
)
from supportnet.ui.shell.ui_state import UiState
from supportnet.ui.shell.undo_actions import MainWindowUndo
from supportnet.ui.today.page import TodayPageController
from supportnet.ui.undo.commands import UndoContext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from supportnet.services import Services
    from supportnet.ui.agenda.page import AgendaPageController
    from supportnet.ui.network.page import NetworkPageController
    from supportnet.ui.people.page import PeoplePageController
    from supportnet.ui.widgets.editor_form import EditorDialog

#: How often "3 days ago" and the map's quietness are worked out again while the window is open.
TIME_REFRESH_MS = 10 * 60 * 1000


class MainWindow(
    MainWindowMenus,
    data_actions.MainWindowData,
    MainWindowEditing,
    MainWindowUndo,
    MainWindowSafetyPlan,
    MainWindowCareTeam,
    MainWindowContacts,
    MainWindowBackups,
    MainWindowInsights,
    QMainWindow,
):
    """The shell. Pages read and write only through the services they are given; no SQL here."""

    def __init__(
        self,
        source: Services,
        *,
        data_location: str,
        key_location: str,
        clock: Callable[[], datetime] | None = None,
        ui_state: UiState | None = None,
        crisis: CrisisHelpService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._data_location = data_location
        self._key_location = key_location
        self._clock = clock or (lambda: datetime.now(UTC))
        self.ui_state = ui_state or UiState(None)
        #: Slow work (exports) runs here, off the GUI thread.
        self.background = Background(self)
        self.setWindowTitle(supportnet.APP_NAME)
        self.setAccessibleName(supportnet.APP_NAME)

        self.signals = AppSignals(self)
        self.undo_stack = QUndoStack(self)
        self.undo_context = UndoContext(
            source, self.signals, self._report_undo_error, self.undo_stack
        )
        #: Asked on close: whether to stay running in the tray (set where a tray exists).
        self.keep_running: Callable[[], bool] | None = None
        self._quitting = False
        #: The editor on screen, if any (for tests and to avoid opening two).
        self.editor: EditorDialog | None = None
        #: The calendar export dialog on screen, if any.
        self.calendar_dialog: QDialog | None = None
        #: Shows and remembers the recovery key (set by the app; None in bare tests).
        self.recovery_keeper: Any = None

        self.today = TodayPageController(
            source, self._clock, self.undo_context, self.undo_stack, self
        )
        #: The pages other than Today, once built (see :meth:`_page`).
        self._built: dict[Page, Any] = {}
        self._people_tab = 0
        self.sidebar = Sidebar()
        #: "Hard day?" under the pages, on every page (Ctrl+Shift+H too).
        self.hard_day_button = hard_day_button()
        #: The person's country and its crisis lines (the saved choice, else the locale's).
        self.crisis_service = crisis or CrisisHelpService(None)
        self.hard_day = HardDayOpener(self, self.crisis_service, source, self.show_safety_plan)
        self.hard_day_button.clicked.connect(self.open_hard_day)
        self.pages = QStackedWidget()
        self.pages.setAccessibleName(_("Page"))
        #: The pages shown, in sidebar order (see :meth:`add_page`).
        self._pages: list[Page] = []
        self._remembered_page: str | None = None

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar_column(self.sidebar, self.hard_day_button))
        divider = QFrame()
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(divider)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.note = StatusNote()
        self.note.setContentsMargins(12, 0, 0, 0)
        self.status_label = QLabel()
        self.status_label.setAccessibleName(_("Network size"))
        self.status_label.setContentsMargins(0, 0, 12, 0)
        self.statusBar().addWidget(self.note, 1)
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().setSizeGripEnabled(False)

        self._build_actions()
        self._build_menus()
        self._insert_page(Page.TODAY, self.today.view)
        # The other pages are built when first shown or used, or soon after the window
        # first appears: the first paint waits only for Today.
        for page in (*LATER_PAGES, *ON_DEMAND_PAGES):
            self._insert_page(page, _Unbuilt(page))
        self._pages_changed()  # once for all of them: the sidebar and Ctrl+1 … Ctrl+9
        self._connect()

        self._time_timer = QTimer(self)
        self._time_timer.setInterval(TIME_REFRESH_MS)
        self._time_timer.timeout.connect(self._tick)
        self._time_timer.start()

        self._update_counts()
        self._update_selection_actions()
        self._restore_state()

    # --- pages -------------------------------------------------------------------------------

    @property
    def agenda(self) -> AgendaPageController:
        page: AgendaPageController = self._page(Page.AGENDA)
        return page

    @property
    def network(self) -> NetworkPageController:
        page: NetworkPageController = self._page(Page.NETWORK)
        return page

    @property
    def people(self) -> PeoplePageController:
        page: PeoplePageController = self._page(Page.PEOPLE)
        return page

    def is_built(self, page: Page) -> bool:
        return page is Page.TODAY or page in self._built

    def _page(self, page: Page) -> Any:
        """The controller of a page other than Today, built (and put in place) if need be."""
        found = self._built.get(page)
        if found is not None:
            return found
        found = self._built[page] = self._build(page)
        index = self._pages.index(page)
        unbuilt = self.pages.widget(index)
        current = self.pages.currentIndex()
        self.pages.insertWidget(index, found.view)
        if unbuilt is not None:
            self.pages.removeWidget(unbuilt)
            unbuilt.deleteLater()
        self.pages.setCurrentIndex(current)
        return found

    def _build(self, page: Page) -> Any:
        # Imported here: these modules (the map's above all) stay out of the first paint.
        source, clock = self._source, self._clock
        if page is Page.AGENDA:
            from supportnet.ui.agenda.page import AgendaPageController

            agenda = AgendaPageController(
                source,
                clock,
                self.signals,
                self.undo_stack,
                self.undo_context,
                self,
            )
            agenda.open_requested.connect(self.open_plans)
            return agenda
        if page is Page.SAFETY_PLAN:
            return self._build_safety_plan()
        if page is Page.CARE_TEAM:
            return self._build_care_team()
        if page is Page.INSIGHTS:
            return self._build_insights()
        if page is Page.NETWORK:
            from supportnet.ui.network.page import NetworkPageController

            network = self._connect_network_or_people(NetworkPageController(source, clock, self))
            network.move_requested.connect(self.move_node)
            network.status.connect(self.show_note)
            return network
        from supportnet.ui.people.page import PeoplePageController

        people = self._connect_network_or_people(PeoplePageController(source, clock, self))
        people.delete_requested.connect(self.delete)
        people.new_group_requested.connect(self.new_group)
        people.view.tabs.setCurrentIndex(self._people_tab)
        return people

    def _connect_network_or_people(self, page: Any) -> Any:
        """What the map and the lists both ask of the window: edit, add, selection."""
        page.edit_requested.connect(self.edit)
        page.new_person_requested.connect(self.new_person)
        page.selection_changed.connect(self._update_selection_actions)
        page.import_contacts_requested.connect(self.import_contacts)
        return page

    def build_all_pages(self) -> None:
        """Build every page now (what soon after the first paint does one at a time)."""
        for page in LATER_PAGES:
            self._page(page)

    def build_later_pages(self) -> None:
        """Build the next page not yet built, one per turn of the event loop, so none
        makes the window wait long; each is ready before it is first asked for."""
        waiting = [page for page in LATER_PAGES if not self.is_built(page)]
        if waiting:
            self._page(waiting[0])
            if len(waiting) > 1:
                QTimer.singleShot(BUILD_LATER_STEP_MS, self, self.build_later_pages)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._note_on_show:
            text, self._note_on_show = self._note_on_show, ""
            self.note.show_note(text, hold_ms=NOTE_LONG_SHOW_MS)
        if not self._later_started:
            self._later_started = True
            QTimer.singleShot(BUILD_LATER_AFTER_MS, self, self.build_later_pages)

    _later_started = False
    _note_on_show = ""

    def note_when_shown(self, text: str) -> None:
        """Say ``text`` in the status bar once the window is on screen (startup news)."""
        if not text:
            return
        if self.isVisible():
            self.note.show_note(text, hold_ms=NOTE_LONG_SHOW_MS)
        else:
            self._note_on_show = text

    @property
    def current_page(self) -> Page:
        return self._pages[self.pages.currentIndex()]

    @property
    def shown_pages(self) -> list[Page]:
        """The pages in the sidebar, in order."""
        return list(self._pages)

    def add_page(self, page: Page, widget: QWidget) -> QAction:
        """Put a page in the sidebar (in :class:`Page` order) with a View menu entry.

        Pages are numbered in sidebar order for Ctrl+1 … Ctrl+9. Returns the page's action.
        If the window last closed on this page, it opens there again.
        """
        action = self._insert_page(page, widget)
        self._pages_changed()
        if self._remembered_page == page.value:
            self.show_page(page)
        return action

    def _insert_page(self, page: Page, widget: QWidget) -> QAction:
        """Put ``page`` in the stack and the View menu, in :class:`Page` order (the sidebar
        and the keys follow in :meth:`_pages_changed`)."""
        if page in self._pages:
            raise ValueError(f"{page} is already shown")
        order = list(Page)
        position = sum(1 for p in self._pages if order.index(p) < order.index(page))
        self._pages.insert(position, page)
        self.pages.insertWidget(position, widget)
        action = self._action(f"&{page.title}", lambda p=page: self.show_page(p))
        action.setCheckable(True)
        action.setStatusTip(page.description)
        self.page_group.addAction(action)
        self.page_actions[page] = action
        following = self._pages[position + 1] if position + 1 < len(self._pages) else None
        before = self.page_actions[following] if following is not None else self._pages_end
        self.view_menu.insertAction(before, action)
        return action

    def _pages_changed(self) -> None:
        """The pages' keys in sidebar order, the sidebar listing them, the current one checked."""
        for number, shown in enumerate(self._pages):
            keys = [QKeySequence(Qt.Modifier.CTRL | _PAGE_KEYS[number])] if number < 9 else []
            self.page_actions[shown].setShortcuts(keys)
        self.sidebar.set_pages(self._pages)
        current = self.pages.currentIndex()
        if 0 <= current < len(self._pages):
            self.page_actions[self._pages[current]].setChecked(True)
            if self.sidebar.currentRow() != current:
                blocked = self.sidebar.blockSignals(True)
                self.sidebar.setCurrentRow(current)
                self.sidebar.blockSignals(blocked)

    def show_page(self, page: Page) -> None:
        if not self.is_built(page):
            self._page(page)
        index = self._pages.index(page)
        if self.sidebar.currentRow() != index:
            self.sidebar.setCurrentRow(index)
        self.pages.setCurrentIndex(index)
        self.page_actions[page].setChecked(True)
        self.ui_state.set_value("window/page", page.value)
        self._update_selection_actions()

    def _sidebar_moved(self, row: int) -> None:
        if 0 <= row < len(self._pages):
            self.show_page(self._pages[row])

    def _map_do(self, what: str) -> None:
        self.show_page(Page.NETWORK)
        getattr(self.network.view.map, what)()

    # --- refreshing --------------------------------------------------------------------------

    def _schedule_refresh(self) -> None:
        # Several signals fire for one change; the pages read the store once.
        self._refresh_timer.start()

    def refresh(self) -> None:
        """Read the network again from the services and show it on every page."""
        self._refresh_timer.stop()
        self.today.refresh()
        if Page.PEOPLE in self._built:
            self.people.refresh()
        if Page.NETWORK in self._built:
            self.network.refresh()
        self._update_counts()
        self._update_selection_actions()

    def _tick(self) -> None:
        if Page.AGENDA in self._built:
            self.agenda.tick()
        self.today.refresh()
        if Page.PEOPLE in self._built:
            self.people.refresh_times()
        if Page.NETWORK in self._built:
            self.network.refresh()

    def _update_counts(self) -> None:
        self.status_label.setText(counts_text(*self._source.network_size()))

    # --- status ---------------------------------------------------------------------------------

    def show_note(self, text: str) -> None:
        """A quiet confirmation that fades after a few seconds."""
        self.note.show_note(text)

    # --- remembering -------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.ui_state.bytes_value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 760)
        page_value = self.ui_state.text("window/page", Page.TODAY.value)
        page = next((p for p in self._pages if p.value == page_value), Page.TODAY)
        self.show_page(page)
        # A page added later (another module's) opens if it was the last one shown.
        self._remembered_page = page_value if page.value != page_value else None
        tab = self.ui_state.value("people/tab", 0)
        with contextlib.suppress(TypeError, ValueError):
            self._people_tab = int(tab)
        if Page.PEOPLE in self._built:
            self.people.view.tabs.setCurrentIndex(self._people_tab)

    def save_state(self) -> None:
        self.ui_state.set_value("window/geometry", self.saveGeometry())
        self.ui_state.set_value("window/page", self.current_page.value)
        if Page.PEOPLE in self._built:
            self._people_tab = self.people.view.tabs.currentIndex()
        self.ui_state.set_value("people/tab", self._people_tab)
        self.ui_state.sync()

    def quit_app(self) -> None:
        """Close for good, even when closing the window would keep SupportNet in the tray."""
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if not self._quitting and self.keep_running is not None and self.keep_running():
            # Reminders go on from the tray; Quit (or the tray's Quit) ends SupportNet.
            event.ignore()
            self.hide()
            return
        self.hard_day.close()
        # An export still writing finishes first: its file is renamed into place whole.
        self.background.wait(30_000)
        super().closeEvent(event)

    # --- look --------------------------------------------------------------------------------

    def _colour_scheme_changed(self, *_args: Any) -> None:
        # Widgets use palette roles only; this repaints what caches its colours.
        if Page.NETWORK in self._built:
            self.network.view.map.viewport().update()
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_scheme_changed()
        super().changeEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        # Esc in the search field clears it, so the whole network is back in one key.
        if event.key() == Qt.Key.Key_Escape and Page.PEOPLE in self._built:
            search = self.people.view.search_field
            if search.text():
                search.clear()
                return
        super().keyPressEvent(event)

    def show_about(self) -> None:
        from supportnet.ui.widgets import dialogs

        dialogs.show_about(self, supportnet.__version__, self._data_location, self._key_location)

    # --- short names used by tests and the launcher ------------------------------------------

    @property
    def people_proxy(self) -> Any:
        return self.people.people_proxy

    @property
    def groups_proxy(self) -> Any:
        return self.people.groups_proxy

    @property
    def search_field(self) -> Any:
        return self.people.view.search_field
