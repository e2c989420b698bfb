"""The main window's selection, adding, editing, deleting, moving and reaching out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from supportnet.i18n import _
from supportnet.model.errors import SupportNetError
from supportnet.model.network import Group, Person
from supportnet.model.settings import SETTING_NAMES, Settings
from supportnet.model.targets import GROUP, PERSON
from supportnet.ui.shell.sidebar import Page
from supportnet.ui.today.cards import GO_EASY_TEXT, STOP_EASY_TEXT
from supportnet.ui.undo.commands import AddCommand, DeleteCommand, EditCommand, MoveCommand

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from supportnet.model.network import Circle, LifeDomain, SupportType
    from supportnet.services import Services
    from supportnet.ui.widgets.editor_form import EditorDialog

#: Typed loosely: the mixin's methods use the window's attributes.
_WindowBase: Any = object


class MainWindowEditing(_WindowBase):  # type: ignore[misc]
    """Acts on the selection: adds, edits, deletes and moves; exports; preferences."""

    #: Declared for the type checker; set in ``MainWindow.__init__``.
    _source: Services
    editor: EditorDialog | None
    calendar_dialog: QDialog | None

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
        from supportnet.ui.plans.dialog import open_plans_and_history

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
        from supportnet.ui.plans.dialog import PlansAndHistoryDialog

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
        from supportnet.ui.people.person_editor import PersonEditor  # loads when first opened

        return self._open_editor(PersonEditor(None, self._add, self, support=support))

    def new_group(self, support: SupportType | None = None) -> EditorDialog:
        from supportnet.ui.people.group_editor import GroupEditor

        return self._open_editor(GroupEditor(None, self._add, self, support=support))

    def _add(self, item: Person | Group) -> Person | Group:
        command = AddCommand.perform(self.undo_context, item)
        self.undo_stack.push(command)
        self.show_note(_("Added {name}").format(name=command.saved.name))
        kind = PERSON if isinstance(item, Person) else GROUP
        self.refresh()
        self.people.select(kind, command.saved.id, switch_tab=self.current_page is Page.PEOPLE)
        return command.saved

    def edit(self, kind: str, item_id: int) -> EditorDialog | None:
        """Open the editor for a person or group."""
        from supportnet.ui.widgets import dialogs

        try:
            item = self._source.network.get(kind, item_id)
        except SupportNetError as exc:
            dialogs.show_error(self, exc.message)
            self.refresh()
            return None
        save = lambda after, before=item: self._save_edit(before, after)  # noqa: E731
        from supportnet.ui.people.group_editor import GroupEditor
        from supportnet.ui.people.person_editor import PersonEditor

        if isinstance(item, Person):
            return self._open_editor(PersonEditor(item, save, self, centre=self._map_centre()))
        return self._open_editor(GroupEditor(item, save, self))

    def _map_centre(self) -> str | None:
        """The focus person's name when the map shows a care team's view, so the person
        editor says whose the "knows what you're going through" tick is."""
        if self.current_page is not Page.NETWORK or not self.is_built(Page.NETWORK):
            return None
        centre: str | None = self.network.centre_name()
        return centre

    def _save_edit(self, before: Person | Group, after: Person | Group) -> Person | Group:
        if after == before:
            return before
        command = EditCommand.perform(self.undo_context, before, after)
        self.undo_stack.push(command)
        self.show_note(_("Saved"))
        return command.saved

    def delete(self, kind: str, item_id: int) -> bool:
        """Ask, then delete a person or group with their plans and check-ins (undoable)."""
        from supportnet.ui.widgets import dialogs

        network = self._source.network
        try:
            item = network.get(kind, item_id)
            plans, checkins = network.dependents(kind, item_id)
            # A team keeps them by uid: their check-ins there show as open until undo.
            teams = ""
            if kind == PERSON:
                teams = self._source.care_teams.removal_words(item.uid, item.name)
        except SupportNetError as exc:
            dialogs.show_error(self, exc.message)
            self.refresh()
            return False
        if not dialogs.confirm_delete(
            self, item.name, plans, checkins, group=kind == GROUP, teams=teams
        ):
            return False
        try:
            command = DeleteCommand.perform(self.undo_context, kind, item_id, item.name)
        except SupportNetError as exc:
            dialogs.show_error(self, exc.message, title=_("SupportNet couldn't delete that"))
            return False
        self.undo_stack.push(command)
        self.show_note(_("Deleted {name} (Ctrl+Z brings them back)").format(name=item.name))
        return True

    def move_node(self, kind: str, item_id: int, circle: Circle, domain: LifeDomain) -> None:
        """Someone was dragged on the map: store the new place, undoably."""
        from supportnet.ui.widgets import dialogs

        try:
            command = MoveCommand.perform(self.undo_context, kind, item_id, circle, domain)
        except SupportNetError as exc:
            dialogs.show_error(self, exc.message, title=_("SupportNet couldn't move that"))
            command = None
        if command is None:
            self.network.refresh()  # back to where it was drawn before
            return
        self.undo_stack.push(command)
        self.show_note(command.done_text)

    def export_map(self) -> None:
        self.network.export_map()

    def show_recovery_key(self) -> QDialog | None:
        """File ▸ Recovery key: show the key that opens backups anywhere."""
        if self.recovery_keeper is None:
            return None
        from supportnet.ui.start.recovery_dialog import show_recovery_key

        return show_recovery_key(self, self.recovery_keeper)

    def open_calendar_export(self) -> QDialog:
        """File ▸ Export to calendar: choose whose plans and how much they say; write an .ics."""
        if self.calendar_dialog is not None:
            self.calendar_dialog.activateWindow()
            return self.calendar_dialog
        # Imported here: the export modules stay out of the first paint.
        from supportnet.ui.calendar.dialog import ExportDialog
        from supportnet.ui.calendar.outcome import LATE_ERROR_TITLE
        from supportnet.ui.widgets import dialogs

        dialog = ExportDialog(
            self._source.calendar_export(),
            self._clock,
            ui_state=self.ui_state,
            status=self.show_note,
            background=self.background,
            # A problem met after the dialog was closed is said over the window.
            report_error=lambda message: dialogs.show_error(self, message, title=LATE_ERROR_TITLE),
            supporters=self._source.supporter_export(),
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
        self.go_easy_action.setText(_(STOP_EASY_TEXT) if easy else _(GO_EASY_TEXT))
        # Today suggests others now; the map's notes leave out whoever it suggests.
        if self.is_built(Page.NETWORK):
            self.network.refresh()

    def open_preferences(self) -> QDialog:
        """Suggestions a day, reminders and quiet hours, the time zone."""
        from supportnet.model.zones import system_zone_name
        from supportnet.ui.shell.preferences import PreferencesDialog

        shown = self._source.settings.load()
        dialog = PreferencesDialog(
            shown,
            lambda settings: self._save_preferences(settings, shown),
            self,
            system_zone=system_zone_name(),
            crisis=self.crisis_service,
            backups=self._source.backups,
            now=self._clock(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _save_preferences(self, settings: Settings, shown: Settings) -> None:
        # Only what the form changed: a setting changed elsewhere meanwhile (Go easy, say)
        # is kept, as the read and the write are one transaction.
        changes = {
            name: getattr(settings, name)
            for name in SETTING_NAMES
            if getattr(settings, name) != getattr(shown, name)
        }
        self._source.settings.update(**changes)
        self.signals.plans_changed.emit()
        self.refresh()
        self.show_note(_("Preferences saved"))
