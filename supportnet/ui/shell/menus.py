"""The main window's actions, menus and signal wiring."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QGuiApplication,
    QKeySequence,
)

from supportnet.i18n import _
from supportnet.model.checkins import Initiator
from supportnet.ui.hard_day.entry import (
    HARD_DAY_ACTION_TEXT,
    HARD_DAY_DESCRIPTION,
    hard_day_shortcut,
)
from supportnet.ui.shell.contacts_actions import IMPORT_CONTACTS_TEXT, IMPORT_CONTACTS_TIP
from supportnet.ui.shell.sidebar import Page
from supportnet.ui.today.cards import GO_EASY_TEXT
from supportnet.ui.widgets.menus import fill_menu

#: Typed loosely: the mixin's methods use the window's attributes.
_WindowBase: Any = object


class MainWindowMenus(_WindowBase):  # type: ignore[misc]
    """Builds the main window's actions and menus and connects its signals."""

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
            _("New &person…"), self.new_person, [key(ctrl | Qt.Key.Key_N)], _("Add someone")
        )
        self.new_group_action = self._action(
            _("New &group…"),
            self.new_group,
            [key(ctrl | shift | Qt.Key.Key_N)],
            _("Add a group or community"),
        )
        self.import_contacts_action = self._action(
            _(IMPORT_CONTACTS_TEXT), self.import_contacts, [], _(IMPORT_CONTACTS_TIP)
        )
        self.export_action = self._action(
            _("&Export map…"), self.export_map, [], _("Save the map as a picture or a PDF")
        )
        self.calendar_action = self._action(
            _("Export to &calendar…"),
            self.open_calendar_export,
            [key(ctrl | Qt.Key.Key_E)],
            _("Save your plans as an .ics file for Google, Outlook, Apple Calendar or Thunderbird"),
        )
        self.publish_action = self._action(
            _("Pu&blish to a calendar server…"),
            self.open_calendar_publish,
            [],
            _("Put your check-ins on a calendar server you name; it connects only then"),
        )
        self.print_plan_action = self._action(
            _("Print my &safety plan…"),
            self.print_safety_plan,
            [],
            _("Print my plan for hard days on one page, with the crisis lines"),
        )
        self.plan_pdf_action = self._action(
            _("Save my safety plan as P&DF…"),
            self.save_safety_plan_pdf,
            [],
            _("Save my plan for hard days as a one-page PDF, with the crisis lines"),
        )
        self.print_rota_action = self._action(
            _("Print ro&ta…"),
            self.print_rota,
            [],
            _("Print a care team's next four weeks on one page, with how to reach each supporter"),
        )
        self.rota_pdf_action = self._action(
            _("Save r&ota as PDF…"),
            self.save_rota_pdf,
            [],
            _("Save a care team's next four weeks as a one-page PDF"),
        )
        self.recovery_action = self._action(
            _("&Recovery key…"),
            self.show_recovery_key,
            [],
            _("The key that opens your backups on another computer"),
        )
        self._build_backup_actions()
        self.quit_action = self._action(_("&Quit"), self.quit_app, [key(ctrl | Qt.Key.Key_Q)])
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self._action(_("&Undo"), self.undo, [key(ctrl | Qt.Key.Key_Z)])
        self.redo_action = self._action(
            _("&Redo"), self.redo, [key(ctrl | shift | Qt.Key.Key_Z), key(ctrl | Qt.Key.Key_Y)]
        )
        self.edit_action = self._action(
            _("&Edit selected…"),
            self.edit_selected,
            [key(Qt.Key.Key_F2)],
            _("Edit the selected one"),
        )
        self.preferences_action = self._action(
            _("Prefere&nces…"),
            self.open_preferences,
            [key(ctrl | Qt.Key.Key_Comma)],
            _("Suggestions a day, reminders and quiet hours, your time zone"),
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.plans_action = self._action(
            _("&Plans and check-ins…"),
            lambda: self._open_selected_plans(history=False),
            [key(ctrl | Qt.Key.Key_P)],
            _("The selected one's plans and check-in history"),
        )
        self.history_action = self._action(
            _("Check-in &history…"),
            lambda: self._open_selected_plans(history=True),
            [key(ctrl | Qt.Key.Key_H)],
            _("The selected one's check-ins, newest first"),
        )
        self.delete_action = self._action(
            _("&Delete selected…"),
            self.delete_selected,
            [key(Qt.Key.Key_Delete)],
            _("Delete the selected one; you can undo it"),
        )
        self.find_action = self._action(
            _("&Find…"), self.focus_search, [key(key.StandardKey.Find)], _("Search names and tags")
        )

        self.log_action = self._action(
            _("&Log a check-in…"),
            self.today.log_checkin,
            [key(ctrl | Qt.Key.Key_L)],
            _("Note a contact with anyone, whoever reached out"),
        )
        self.they_action = self._action(
            _("&Someone reached out to me…"),
            lambda: self.today.log_checkin(Initiator.THEM),
            [key(ctrl | shift | Qt.Key.Key_L)],
            _("Note that someone got in touch with you"),
        )
        self.ideas_action = self._action(
            _("&Message ideas…"),
            self.today.show_ideas,
            [],
            _("First sentences to copy, change and add to"),
        )
        self.go_easy_action = self._action(
            _(GO_EASY_TEXT),
            self._go_easy_or_stop,
            [],
            _("For a while, suggest only your inner circle"),
        )

        #: Filled by :meth:`add_page`.
        self.page_actions: dict[Page, QAction] = {}
        self.page_group = QActionGroup(self)
        self.zoom_in_action = self._action(
            _("&Zoom in"),
            lambda: self._map_do("zoom_in"),
            [key(ctrl | Qt.Key.Key_Plus), key(ctrl | Qt.Key.Key_Equal)],
        )
        self.zoom_out_action = self._action(
            _("Zoom &out"), lambda: self._map_do("zoom_out"), [key(ctrl | Qt.Key.Key_Minus)]
        )
        self.fit_action = self._action(
            _("&Fit map to window"),
            lambda: self._map_do("fit_to_window"),
            [key(ctrl | Qt.Key.Key_0)],
        )
        self.hard_day_action = self._action(
            _(HARD_DAY_ACTION_TEXT),
            self.open_hard_day,
            [hard_day_shortcut()],
            _(HARD_DAY_DESCRIPTION),
        )
        # From any of SupportNet's windows, not only this one.
        self.hard_day_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.getting_started_action = self._action(
            _("&Getting started"),
            self.show_getting_started,
            [],
            _("What each page is for, how your privacy is kept, and where help is"),
        )
        self.shortcuts_action = self._action(
            _("&Keyboard shortcuts"),
            self.show_shortcuts,
            help_keys(),
            _("Every key of the window, by menu and page"),
        )
        self.about_action = self._action(_("&About SupportNet"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self._build_data_actions()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        fill_menu(
            bar.addMenu(_("&File")),
            [self.new_person_action, self.new_group_action],
            [self.import_contacts_action],
            [self.export_action, self.calendar_action, self.publish_action],
            [self.print_plan_action, self.plan_pdf_action],
            [self.print_rota_action, self.rota_pdf_action],
            # Your data: backups and their key, everything as open JSON, deleting it all.
            [self.backup_now_action, self.restore_action, self.recovery_action],
            [self.export_data_action, self.import_data_action],
            [self.delete_data_action],
            [self.quit_action],
        )
        fill_menu(
            bar.addMenu(_("&Edit")),
            [self.undo_action, self.redo_action],
            [self.edit_action, self.plans_action, self.history_action, self.delete_action],
            [self.find_action],
            [self.preferences_action],
        )
        fill_menu(
            bar.addMenu(_("&Reach out")),
            [self.log_action, self.they_action],
            [self.ideas_action, self.go_easy_action],
        )

        self.view_menu = view_menu = bar.addMenu(_("&View"))
        # Page actions go in above this separator, in sidebar order.
        self._pages_end = view_menu.addSeparator()
        fill_menu(view_menu, [self.zoom_in_action, self.zoom_out_action, self.fit_action])
        fill_menu(
            bar.addMenu(_("&Help")),
            [self.hard_day_action],
            [self.getting_started_action, self.shortcuts_action],
            [self.about_action],
        )

    def show_shortcuts(self) -> Any:
        """Help ▸ Keyboard shortcuts, read from the window's actions as they are now."""
        from supportnet.ui.help.opening import open_shortcuts

        return open_shortcuts(self)

    def show_getting_started(self) -> Any:
        """Help ▸ Getting started: what each page is for."""
        from supportnet.ui.help.opening import open_getting_started

        return open_getting_started(self)

    def open_calendar_publish(self) -> Any:
        """File ▸ Publish to a calendar server: the dialog (its module loads only now)."""
        from supportnet.ui.caldav.dialog import PublishDialog

        dialog = PublishDialog(
            self._source.calendar_publishing(),
            self._clock,
            background=self.background,
            status=self.show_note,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- a hard day ----------------------------------------------------------------------------

    def open_hard_day(self) -> Any:
        """The "Hard day?" panel (raised if it is already open)."""
        return self.hard_day.open()

    def show_safety_plan(self) -> None:
        """The plan for hard days (the window is brought up if it was hidden)."""
        # The panel may have been opened from the tray with the window hidden.
        if not self.isVisible() or self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        self.show_page(Page.SAFETY_PLAN)

    def _connect(self) -> None:
        signals = self.signals
        for signal in (
            signals.people_changed,
            signals.groups_changed,
            signals.plans_changed,
            signals.checkins_changed,
            # Today and the map may show a care team's check-ins.
            signals.care_teams_changed,
        ):
            signal.connect(self._schedule_refresh)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)

        self.sidebar.currentRowChanged.connect(self._sidebar_moved)
        self.today.status.connect(self.show_note)
        self.today.going_easy_changed.connect(self._going_easy_changed)
        self.today.care_team_requested.connect(lambda: self.show_page(Page.CARE_TEAM))
        self._going_easy_changed(self.today.going_easy)

        stack = self.undo_stack
        stack.canUndoChanged.connect(self._update_undo_actions)
        stack.canRedoChanged.connect(self._update_undo_actions)
        stack.undoTextChanged.connect(self._update_undo_actions)
        stack.redoTextChanged.connect(self._update_undo_actions)
        self._update_undo_actions()

        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._colour_scheme_changed)


def help_keys() -> list[QKeySequence]:
    """Ctrl+? (Ctrl+Shift+/ on most layouts) and the desktop's Help key (F1), each once."""
    # Only the first Help binding: the second is a Help key few keyboards have.
    help_contents = QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents)[:1]
    keys = [QKeySequence("Ctrl+?"), *help_contents]
    return list({key.toString(): key for key in keys if not key.isEmpty()}.values())
