"""The main window: a sidebar of pages (Today, Network, People), menus, undo, a quiet status bar."""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QByteArray,
    QEasingCurve,
    QEvent,
    QPropertyAnimation,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPalette,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

import supportnet
from supportnet.checkins import Initiator
from supportnet.errors import SupportNetError
from supportnet.network import Circle, Group, LifeDomain, Person, SupportType
from supportnet.settings import Settings
from supportnet.ui import dialogs
from supportnet.ui.background import Background
from supportnet.ui.editor_form import EditorDialog
from supportnet.ui.group_editor import GroupEditor
from supportnet.ui.person_editor import PersonEditor
from supportnet.ui.signals import AppSignals
from supportnet.ui.today_cards import GO_EASY_TEXT, STOP_EASY_TEXT
from supportnet.ui.today_page import TodayPageController
from supportnet.ui.ui_state import UiState
from supportnet.ui.undo import (
    GROUP,
    PERSON,
    AddCommand,
    DeleteCommand,
    EditCommand,
    MoveCommand,
    UndoContext,
)

if TYPE_CHECKING:
    from supportnet.ui.agenda_page import AgendaPageController
    from supportnet.ui.network_page import NetworkPageController
    from supportnet.ui.people_page import PeoplePageController

#: How often "3 days ago" and the map's quietness are worked out again while the window is open.
TIME_REFRESH_MS = 10 * 60 * 1000
#: How long a status confirmation stays before it fades.
NOTE_SHOW_MS = 4000
#: How long a note about something that needs attention (a setting reset) stays.
NOTE_LONG_SHOW_MS = 15000
NOTE_FADE_MS = 900
UNDO_ERROR_TITLE = "SupportNet couldn't undo that"


class Page(enum.Enum):
    """The pages in the sidebar, in this order (those added with ``MainWindow.add_page``)."""

    TODAY = "today"
    AGENDA = "agenda"
    NETWORK = "network"
    PEOPLE = "people"

    @property
    def title(self) -> str:
        return _PAGE_TEXT[self][0]

    @property
    def description(self) -> str:
        return _PAGE_TEXT[self][1]


#: Each page's sidebar title and description. A new page adds a member above and a line here.
_PAGE_TEXT = {
    Page.TODAY: ("Today", "A few gentle suggestions of who to reach out to today"),
    Page.AGENDA: ("Agenda", "The next four weeks, day by day"),
    Page.NETWORK: ("Network", "Your circles, and a few gentle notes about gaps"),
    Page.PEOPLE: ("People", "People and groups in lists, to search, sort and edit"),
}

#: Pages built when first needed, or soon after the window first appears (in this order).
LATER_PAGES = (Page.AGENDA, Page.PEOPLE, Page.NETWORK)
#: How long after the window first shows the later pages start being built, and between them.
BUILD_LATER_AFTER_MS = 400
BUILD_LATER_STEP_MS = 50

#: Ctrl+1 … Ctrl+9 go to the pages in sidebar order.
_PAGE_KEYS = (
    Qt.Key.Key_1,
    Qt.Key.Key_2,
    Qt.Key.Key_3,
    Qt.Key.Key_4,
    Qt.Key.Key_5,
    Qt.Key.Key_6,
    Qt.Key.Key_7,
    Qt.Key.Key_8,
    Qt.Key.Key_9,
)


class NetworkSource(Protocol):
    """What the window reads from: the store's repositories (see ``supportnet.data.store``)."""

    @property
    def people(self) -> Any: ...
    @property
    def groups(self) -> Any: ...
    @property
    def plans(self) -> Any: ...
    @property
    def checkins(self) -> Any: ...
    @property
    def settings(self) -> Any: ...


def counts_text(people: int, groups: int) -> str:
    """The status line, e.g. "25 people · 3 groups"."""
    people_text = "1 person" if people == 1 else f"{people} people"
    groups_text = "1 group" if groups == 1 else f"{groups} groups"
    return f"{people_text} · {groups_text}"


class StatusNote(QLabel):
    """A quiet confirmation in the status bar ("Saved") that fades after a few seconds.

    Screen readers hear it too, as a polite announcement.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Confirmation")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._effect = QGraphicsOpacityEffect(self)
        self._effect.setOpacity(1.0)
        self.setGraphicsEffect(self._effect)
        self._fade = QPropertyAnimation(self._effect, QByteArray(b"opacity"), self)
        self._fade.setDuration(NOTE_FADE_MS)
        self._fade.setStartValue(1.0)
        self._fade.setEndValue(0.0)
        self._fade.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._fade.finished.connect(self._faded)
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(NOTE_SHOW_MS)
        self._hold.timeout.connect(self._fade.start)
        # Its own timer, so a longer note leaves the usual hold as it was.
        self._long_hold = QTimer(self)
        self._long_hold.setSingleShot(True)
        self._long_hold.timeout.connect(self._fade.start)

    def show_note(self, text: str, *, hold_ms: int | None = None) -> None:
        """Show ``text``; it fades after the usual hold, or after ``hold_ms``."""
        self._fade.stop()
        self._effect.setOpacity(1.0)
        self.setText(text)
        self.setAccessibleDescription(text)
        self._hold.stop()
        self._long_hold.stop()
        if hold_ms is None:
            self._hold.start()
        else:
            self._long_hold.start(hold_ms)
        if QAccessible.isActive():
            event = QAccessibleAnnouncementEvent(self, text)
            QAccessible.updateAccessibility(event)

    def _faded(self) -> None:
        self.clear()
        self.setAccessibleDescription("")
        self._effect.setOpacity(1.0)


class _PaddedDelegate(QStyledItemDelegate):
    """Draws an item as the style does, with its words moved in from the edge."""

    def __init__(self, pad: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pad = pad

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        painter.drawText(
            opt.rect.adjusted(self._pad, 0, -self._pad, 0),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            text,
        )
        painter.restore()


class _Unbuilt(QWidget):
    """Holds a page's place in the stack until it is built (it is never shown: showing a
    page builds it first)."""

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.setAccessibleName(page.title)


class Sidebar(QListWidget):
    """The list of pages down the left side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Pages")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The sidebar sits on the window colour; the pages are the content beside it.
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        width = max(self.fontMetrics().horizontalAdvance(p.title) for p in Page)
        self.setFixedWidth(width + self.fontMetrics().averageCharWidth() * 12)
        # Air around the words. A delegate, not a style sheet: a style sheet would freeze
        # the palette and the sidebar would stop following light and dark.
        pad = self.fontMetrics().averageCharWidth() * 2
        self.setItemDelegate(_PaddedDelegate(pad, self))
        self.setViewportMargins(0, pad // 2, 0, 0)

    def set_pages(self, pages: list[Page]) -> None:
        """List these pages, in this order, keeping the current one."""
        current = self.currentRow()
        current_page = self.item(current).data(Qt.ItemDataRole.UserRole) if current >= 0 else None
        height = self.fontMetrics().height() * 2 + 8
        blocked = self.blockSignals(True)
        try:
            self.clear()
            for number, page in enumerate(pages, start=1):
                item = QListWidgetItem(page.title)
                item.setData(Qt.ItemDataRole.UserRole, page.value)
                keys = f" (Ctrl+{number})" if number <= len(_PAGE_KEYS) else ""
                item.setToolTip(f"{page.description}{keys}")
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, page.description)
                item.setSizeHint(QSize(0, height))
                self.addItem(item)
                if page.value == current_page:
                    self.setCurrentRow(number - 1)
        finally:
            self.blockSignals(blocked)


class MainWindow(QMainWindow):
    """The shell. Pages read only through the repositories they are given; no SQL here."""

    def __init__(
        self,
        source: NetworkSource,
        *,
        data_location: str,
        key_location: str,
        clock: Callable[[], datetime] | None = None,
        ui_state: UiState | None = None,
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
        self.pages = QStackedWidget()
        self.pages.setAccessibleName("Page")
        #: The pages shown, in sidebar order (see :meth:`add_page`).
        self._pages: list[Page] = []
        self._remembered_page: str | None = None

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        divider = QFrame()
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(divider)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.note = StatusNote()
        self.note.setContentsMargins(12, 0, 0, 0)
        self.status_label = QLabel()
        self.status_label.setAccessibleName("Network size")
        self.status_label.setContentsMargins(0, 0, 12, 0)
        self.statusBar().addWidget(self.note, 1)
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().setSizeGripEnabled(False)

        self._build_actions()
        self._build_menus()
        self.add_page(Page.TODAY, self.today.view)
        # The other pages are built when first shown or used, or soon after the window
        # first appears: the first paint waits only for Today.
        for page in LATER_PAGES:
            self.add_page(page, _Unbuilt(page))
        self._connect()

        self._time_timer = QTimer(self)
        self._time_timer.setInterval(TIME_REFRESH_MS)
        self._time_timer.timeout.connect(self._tick)
        self._time_timer.start()

        self._update_counts()
        self._update_selection_actions()
        self._restore_state()

    # --- building ----------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[..., Any],
        shortcuts: list[QKeySequence] | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts(shortcuts)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        ctrl = Qt.Modifier.CTRL
        shift = Qt.Modifier.SHIFT
        self.new_person_action = self._action(
            "New &person…", self.new_person, [key(ctrl | Qt.Key.Key_N)], "Add someone"
        )
        self.new_group_action = self._action(
            "New &group…",
            self.new_group,
            [key(ctrl | shift | Qt.Key.Key_N)],
            "Add a group or community",
        )
        self.export_action = self._action(
            "&Export map…", self.export_map, [], "Save the map as a picture or a PDF"
        )
        self.calendar_action = self._action(
            "Export to &calendar…",
            self.open_calendar_export,
            [key(ctrl | Qt.Key.Key_E)],
            "Save your plans as an .ics file for Google, Outlook, Apple Calendar or Thunderbird",
        )
        self.recovery_action = self._action(
            "&Recovery key…",
            self.show_recovery_key,
            [],
            "The key that opens your backups on another computer",
        )
        self.quit_action = self._action("&Quit", self.quit_app, [key(ctrl | Qt.Key.Key_Q)])
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self._action("&Undo", self.undo, [key(ctrl | Qt.Key.Key_Z)])
        self.redo_action = self._action(
            "&Redo", self.redo, [key(ctrl | shift | Qt.Key.Key_Z), key(ctrl | Qt.Key.Key_Y)]
        )
        self.edit_action = self._action(
            "&Edit selected…", self.edit_selected, [key(Qt.Key.Key_F2)], "Change the selected one"
        )
        self.preferences_action = self._action(
            "&Preferences…",
            self.open_preferences,
            [key(ctrl | Qt.Key.Key_Comma)],
            "Suggestions a day, reminders and quiet hours, your time zone",
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.plans_action = self._action(
            "&Plans and check-ins…",
            lambda: self._open_selected_plans(history=False),
            [key(ctrl | Qt.Key.Key_P)],
            "The selected one's plans and check-in history",
        )
        self.history_action = self._action(
            "Check-in &history…",
            lambda: self._open_selected_plans(history=True),
            [key(ctrl | Qt.Key.Key_H)],
            "The selected one's check-ins, newest first",
        )
        self.delete_action = self._action(
            "&Delete selected…",
            self.delete_selected,
            [key(Qt.Key.Key_Delete)],
            "Delete the selected one; you can undo it",
        )
        self.find_action = self._action(
            "&Find…", self.focus_search, [key(key.StandardKey.Find)], "Search names and tags"
        )

        self.log_action = self._action(
            "&Log a check-in…",
            self.today.log_checkin,
            [key(ctrl | Qt.Key.Key_L)],
            "Note a contact with anyone, whoever reached out",
        )
        self.they_action = self._action(
            "&Someone reached out to me…",
            lambda: self.today.log_checkin(Initiator.THEM),
            [key(ctrl | shift | Qt.Key.Key_L)],
            "Note that someone got in touch with you",
        )
        self.ideas_action = self._action(
            "&Message ideas…",
            self.today.show_ideas,
            [],
            "First sentences to copy, change and add to",
        )
        self.go_easy_action = self._action(
            GO_EASY_TEXT, self._go_easy_or_stop, [], "For a while, suggest only your inner circle"
        )

        #: Filled by :meth:`add_page`.
        self.page_actions: dict[Page, QAction] = {}
        self.page_group = QActionGroup(self)
        self.zoom_in_action = self._action(
            "Zoom &in",
            lambda: self._map_do("zoom_in"),
            [key(ctrl | Qt.Key.Key_Plus), key(ctrl | Qt.Key.Key_Equal)],
        )
        self.zoom_out_action = self._action(
            "Zoom &out", lambda: self._map_do("zoom_out"), [key(ctrl | Qt.Key.Key_Minus)]
        )
        self.fit_action = self._action(
            "&Fit map to window", lambda: self._map_do("fit_to_window"), [key(ctrl | Qt.Key.Key_0)]
        )
        self.about_action = self._action("&About SupportNet", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (self.new_person_action, self.new_group_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.calendar_action)
        file_menu.addSeparator()
        file_menu.addAction(self.recovery_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.edit_action)
        edit_menu.addAction(self.plans_action)
        edit_menu.addAction(self.history_action)
        edit_menu.addAction(self.delete_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)

        reach_menu = bar.addMenu("&Reach out")
        reach_menu.addAction(self.log_action)
        reach_menu.addAction(self.they_action)
        reach_menu.addSeparator()
        reach_menu.addAction(self.ideas_action)
        reach_menu.addAction(self.go_easy_action)

        self.view_menu = view_menu = bar.addMenu("&View")
        # Page actions go in above this separator, in sidebar order.
        self._pages_end = view_menu.addSeparator()
        for action in (self.zoom_in_action, self.zoom_out_action, self.fit_action):
            view_menu.addAction(action)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _connect(self) -> None:
        signals = self.signals
        for signal in (
            signals.people_changed,
            signals.groups_changed,
            signals.plans_changed,
            signals.checkins_changed,
        ):
            signal.connect(self._schedule_refresh)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)

        self.sidebar.currentRowChanged.connect(self._sidebar_moved)
        self.today.status.connect(self.show_note)
        self.today.going_easy_changed.connect(self._going_easy_changed)
        self._going_easy_changed(self.today.going_easy)

        stack = self.undo_stack
        stack.canUndoChanged.connect(self._update_undo_actions)
        stack.canRedoChanged.connect(self._update_undo_actions)
        stack.undoTextChanged.connect(self._update_undo_actions)
        stack.redoTextChanged.connect(self._update_undo_actions)
        self._update_undo_actions()

        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._colour_scheme_changed)

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
            from supportnet.ui.agenda_page import AgendaPageController

            agenda = AgendaPageController(
                source, clock, self.signals, self.undo_stack, self.undo_context, self
            )
            agenda.open_requested.connect(self.open_plans)
            return agenda
        if page is Page.NETWORK:
            from supportnet.ui.network_page import NetworkPageController

            network = self._connect_network_or_people(NetworkPageController(source, clock, self))
            network.move_requested.connect(self.move_node)
            network.status.connect(self.show_note)
            return network
        from supportnet.ui.people_page import PeoplePageController

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
        if self._remembered_page == page.value:
            self.show_page(page)
        return action

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
        """Read the network again from the repositories and show it on every page."""
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
        self.status_label.setText(
            counts_text(self._source.people.count(), self._source.groups.count())
        )

    # --- status and undo ---------------------------------------------------------------------

    def show_note(self, text: str) -> None:
        """A quiet confirmation that fades after a few seconds."""
        self.note.show_note(text)

    def _update_undo_actions(self, *_args: Any) -> None:
        stack = self.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        undo_text = stack.undoText()
        redo_text = stack.redoText()
        self.undo_action.setText(f"&Undo {undo_text}" if undo_text else "&Undo")
        self.redo_action.setText(f"&Redo {redo_text}" if redo_text else "&Redo")

    def undo(self) -> None:
        if not self.undo_stack.canUndo():
            return
        text = self.undo_stack.undoText()
        self._failed = False
        self.undo_stack.undo()
        if not self._failed:
            self.show_note(f"Undone: {text}")

    def redo(self) -> None:
        if not self.undo_stack.canRedo():
            return
        text = self.undo_stack.redoText()
        self._failed = False
        self.undo_stack.redo()
        if not self._failed:
            self.show_note(f"Redone: {text}")

    _failed = False

    def _report_undo_error(self, message: str) -> None:
        self._failed = True
        dialogs.show_error(self, message, title=UNDO_ERROR_TITLE)

    # --- selection ---------------------------------------------------------------------------

    def selected(self) -> tuple[str, int] | None:
        """The person or group selected on the page on screen, as ``(kind, id)``."""
        if self.current_page is Page.PEOPLE:
            return self.people.selected()
        if self.current_page is Page.NETWORK:
            return self.network.selected()
        return None

    def _update_selection_actions(self) -> None:
        has = self.selected() is not None
        self.edit_action.setEnabled(has)
        self.plans_action.setEnabled(has)
        self.history_action.setEnabled(has)
        self.delete_action.setEnabled(has)

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.edit(*chosen)

    def open_plans(self, kind: str, item_id: int, tab: int = 0) -> QWidget:
        """The plans and check-in history of a person or group, in their own window."""
        from supportnet.ui.plans_dialog import open_plans_and_history

        return open_plans_and_history(
            self,
            self._source,
            self._clock,
            self.signals,
            self.undo_stack,
            self.undo_context,
            kind,
            item_id,
            tab=tab,
            status=self.show_note,
        )

    def _open_selected_plans(self, *, history: bool) -> None:
        from supportnet.ui.plans_dialog import PlansAndHistoryDialog

        chosen = self.selected()
        if chosen is not None:
            tab = PlansAndHistoryDialog.HISTORY_TAB if history else PlansAndHistoryDialog.PLANS_TAB
            self.open_plans(*chosen, tab=tab)

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.delete(*chosen)

    def focus_search(self) -> None:
        self.show_page(Page.PEOPLE)
        self.people.focus_search()

    # --- adding, editing, deleting, moving ---------------------------------------------------

    def _open_editor(self, editor: EditorDialog) -> EditorDialog:
        if self.editor is not None:
            # It is window-modal, so it is already on top; just give it the keyboard.
            self.editor.activateWindow()
            editor.deleteLater()
            return self.editor
        self.editor = editor
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.finished.connect(lambda _result, e=editor: self._editor_closed(e))
        editor.open()
        return editor

    def _editor_closed(self, editor: EditorDialog) -> None:
        if self.editor is editor:
            self.editor = None

    def new_person(self, support: SupportType | None = None) -> EditorDialog:
        """Open the editor for someone new (with a kind of support ticked, if given)."""
        return self._open_editor(PersonEditor(None, self._add, self, support=support))

    def new_group(self, support: SupportType | None = None) -> EditorDialog:
        return self._open_editor(GroupEditor(None, self._add, self, support=support))

    def _add(self, item: Person | Group) -> Person | Group:
        command = AddCommand.perform(self.undo_context, item)
        self.undo_stack.push(command)
        self.show_note(f"Added {command.saved.name}")
        kind = PERSON if isinstance(item, Person) else GROUP
        self.refresh()
        self.people.select(kind, command.saved.id, switch_tab=self.current_page is Page.PEOPLE)
        return command.saved

    def edit(self, kind: str, item_id: int) -> EditorDialog | None:
        """Open the editor for a person or group."""
        try:
            item = self._repository(kind).get(item_id)
        except SupportNetError as exc:
            dialogs.show_error(self, exc.message)
            self.refresh()
            return None
        save = lambda after, before=item: self._save_edit(before, after)  # noqa: E731
        if kind == PERSON:
            return self._open_editor(PersonEditor(item, save, self))
        return self._open_editor(GroupEditor(item, save, self))

    def _save_edit(self, before: Person | Group, after: Person | Group) -> Person | Group:
        if after == before:
            return before
        command = EditCommand.perform(self.undo_context, before, after)
        self.undo_stack.push(command)
        self.show_note("Saved")
        return command.saved

    def delete(self, kind: str, item_id: int) -> bool:
        """Ask, then delete a person or group with their plans and check-ins (undoable)."""
        repo = self._repository(kind)
        try:
            item = repo.get(item_id)
            plans, checkins = repo.dependents(item_id)
        except SupportNetError as exc:
            dialogs.show_error(self, exc.message)
            self.refresh()
            return False
        if not dialogs.confirm_delete(self, item.name, plans, checkins, group=kind == GROUP):
            return False
        try:
            command = DeleteCommand.perform(self.undo_context, kind, item_id, item.name)
        except SupportNetError as exc:
            dialogs.show_error(self, exc.message, title="SupportNet couldn't delete that")
            return False
        self.undo_stack.push(command)
        self.show_note(f"Deleted {item.name} (Ctrl+Z brings them back)")
        return True

    def move_node(self, kind: str, item_id: int, circle: Circle, domain: LifeDomain) -> None:
        """Someone was dragged on the map: store the new place, undoably."""
        try:
            command = MoveCommand.perform(self.undo_context, kind, item_id, circle, domain)
        except SupportNetError as exc:
            dialogs.show_error(self, exc.message, title="SupportNet couldn't move that")
            command = None
        if command is None:
            self.network.refresh()  # back to where it was drawn before
            return
        self.undo_stack.push(command)
        self.show_note(command.done_text)

    def _repository(self, kind: str) -> Any:
        return self._source.people if kind == PERSON else self._source.groups

    def export_map(self) -> None:
        self.network.export_map()

    def show_recovery_key(self) -> QDialog | None:
        """File ▸ Recovery key: show the key that opens backups anywhere."""
        if self.recovery_keeper is None:
            return None
        from supportnet.ui.recovery_dialog import show_recovery_key

        return show_recovery_key(self, self.recovery_keeper)

    def open_calendar_export(self) -> QDialog:
        """File ▸ Export to calendar: choose whose plans and how much they say; write an .ics."""
        if self.calendar_dialog is not None:
            self.calendar_dialog.activateWindow()
            return self.calendar_dialog
        # Imported here: the export modules stay out of the first paint.
        from supportnet.ui.export_dialog import ExportDialog
        from supportnet.ui.export_outcome import LATE_ERROR_TITLE

        dialog = ExportDialog(
            self._source,
            self._clock,
            ui_state=self.ui_state,
            status=self.show_note,
            background=self.background,
            # A problem met after the dialog was closed is said over the window.
            report_error=lambda message: dialogs.show_error(self, message, title=LATE_ERROR_TITLE),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "calendar_dialog", None))
        self.calendar_dialog = dialog
        dialog.open()
        return dialog

    # --- reaching out ------------------------------------------------------------------------

    def _go_easy_or_stop(self) -> None:
        if self.today.going_easy:
            self.today.stop_going_easy()
        else:
            self.today.go_easy()

    def _going_easy_changed(self, easy: bool) -> None:
        self.go_easy_action.setText(STOP_EASY_TEXT if easy else GO_EASY_TEXT)

    def open_preferences(self) -> QDialog:
        """Suggestions a day, reminders and quiet hours, the time zone."""
        from supportnet.clock import system_zone_name
        from supportnet.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(
            self._source.settings.load(),
            self._save_preferences,
            self,
            system_zone=system_zone_name(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _save_preferences(self, settings: Settings) -> None:
        self._source.settings.save(settings)
        self.signals.plans_changed.emit()
        self.refresh()
        self.show_note("Preferences saved")

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
