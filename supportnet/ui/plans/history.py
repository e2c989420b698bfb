"""A person's or group's check-in history, newest first, with Edit and an undoable Delete."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.model.checkins import CheckIn
from supportnet.model.days import short_date
from supportnet.model.errors import SupportNetError
from supportnet.model.plans import short_text
from supportnet.model.targets import PERSON
from supportnet.model.zones import zone_or_utc
from supportnet.services import Services
from supportnet.ui.plans.checkin_editor import CheckInEditor
from supportnet.ui.plans.fields import quiet
from supportnet.ui.plans.history_text import (
    EMPTY_HISTORY,
    EMPTY_HISTORY_MORE,
    EMPTY_HISTORY_THEM,
    ID_ROLE,
    NOTHING_SELECTED,
    UID_ROLE,
    Index,
    mood_text,
    when_text,
    who_text,
)
from supportnet.ui.plans.wording import user_zone_name
from supportnet.ui.shell.signals import AppSignals
from supportnet.ui.undo.commands import UndoContext
from supportnet.ui.undo.note import UndoNote
from supportnet.ui.undo.plan_commands import DeleteCheckInCommand, EditCheckInCommand
from supportnet.ui.widgets import dialogs
from supportnet.ui.widgets.buttons import button_row, enable_or_say_why, push_button
from supportnet.ui.widgets.editor_form import heading_label
from supportnet.ui.widgets.keyboard import tab_order
from supportnet.ui.widgets.lists import ListArea, WholeRows, sized_table
from supportnet.ui.widgets.models import TableModel


def gone_text(name: str) -> str:
    """ "Mum is no longer in your network." (the English says "They is" without a name)."""
    if name:
        return _("{name} is no longer in your network.").format(name=name)
    return _("They is no longer in your network.")


#: The title over the message when the store refuses a delete.
DELETE_FAILED = N_("SupportNet couldn't delete that")


class HistoryModel(TableModel):
    """Check-ins, newest first: when, how, who reached out, mood, and the start of the note."""

    COL_WHEN = 0
    COL_CHANNEL = 1
    COL_WHO = 2
    COL_MOOD = 3
    COL_NOTE = 4
    HEADERS = (
        N_("When"),
        N_("How"),
        N_("Who reached out"),
        N_("Mood before → after"),
        N_("Note"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checkins: list[CheckIn] = []
        self._zone = ZoneInfo("UTC")
        self._now: datetime | None = None
        self._names: Mapping[str, str] = {}

    def set_checkins(
        self,
        checkins: Sequence[CheckIn],
        zone: str,
        now: datetime,
        names: Mapping[str, str] | None = None,
    ) -> None:
        """``names``: who did a check-in on the user's behalf, by uid, as called now."""
        self.beginResetModel()
        self._checkins = sorted(checkins, key=lambda c: c.at, reverse=True)
        self._names = names or {}
        self._zone = zone_or_utc(zone)
        self._now = now
        self.endResetModel()

    def who(self, checkin: CheckIn) -> str:
        return who_text(checkin, self._names)

    def checkin_at(self, row: int) -> CheckIn:
        found: CheckIn = self.item_at(row)
        return found

    def _items(self) -> list[Any]:
        return self._checkins

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._checkins):
            return None
        checkin = self._checkins[index.row()]
        if role == ID_ROLE:
            return checkin.id
        if role == UID_ROLE:
            return checkin.uid
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(checkin, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_NOTE:
            return checkin.note or None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_WHO:
            return self._text(checkin, self.COL_WHO) if checkin.by else None
        return None

    def _text(self, checkin: CheckIn, column: int) -> str:
        if column == self.COL_WHEN:
            return when_text(checkin.at, self._zone, self._now)
        if column == self.COL_CHANNEL:
            return checkin.channel.label if checkin.channel else ""
        if column == self.COL_WHO:
            return who_text(checkin, self._names)
        if column == self.COL_MOOD:
            return mood_text(checkin.mood_before, checkin.mood_after)
        if column == self.COL_NOTE:
            return short_text(checkin.note, 80)
        return ""


class HistoryView(QWidget):
    """Layout only: a heading, the list (or a kind line when it's empty), the buttons."""

    def __init__(
        self,
        model: HistoryModel,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        undo_context: UndoContext | None = None,
    ):
        super().__init__(parent)
        self.setAccessibleName(_("Check-in history"))
        self.heading = heading_label(_("Check-ins"))
        self.intro = QLabel(_("Newest first. Times are in your time zone."))
        self.intro.setAccessibleName(_("About this list"))
        quiet(self.intro)

        self.table = sized_table(model, _("Check-ins, newest first"), (22, 16, 20, 26))
        self.stack = ListArea(self.table, _("Check-in history"))
        self.empty = self.stack.message

        self.selection_label = QLabel("")
        self.selection_label.setAccessibleName(_("Selected check-in"))
        quiet(self.selection_label)
        self.edit_button = push_button(
            _("&Edit…"),
            _("Edit the selected check-in"),
            tip=_("Edit when, how or what you noted (Enter)"),
        )
        self.delete_button = push_button(
            _("De&lete"),
            _("Delete the selected check-in"),
            tip=_("Delete the selected check-in (Del); you can undo"),
        )
        self.note = UndoNote(undo_stack, undo_context=undo_context)

        buttons = button_row(
            self.edit_button, self.delete_button, lead=self.selection_label, spacing=8
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        # Whole rows in sight: the last one is never cut in half.
        layout.addWidget(WholeRows(self.stack, self.table), 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        tab_order([self.table, self.edit_button, self.delete_button, self.note.undo_button])

    def show_empty(self, text: str, more: str | None = None) -> None:
        more = _(EMPTY_HISTORY_MORE) if more is None else more
        self.stack.show_message(text, more)

    def show_table(self) -> None:
        self.stack.show_table()


class TargetRowsController(QObject):
    """One person's or group's rows in a table with Change and Delete: shared by the
    plans panel and the check-in history.

    ``kind`` is ``"person"`` or ``"group"``. Subclasses set ``model`` (with ``item_at`` and
    ``row_of_uid``) and ``view`` (with ``table`` and ``stack``) before :meth:`_wire`, and
    provide ``refresh``, ``edit_selected``, ``delete_selected`` and ``_selection_moved``.
    ``status`` carries a short confirmation for the window's status bar.
    """

    status = Signal(str)
    model: TableModel
    view: Any
    #: The form open on one of the rows, if any.
    editor: Any

    def __init__(
        self,
        source: Services,
        clock: Callable[[], datetime],
        signals: AppSignals,
        undo_stack: QUndoStack,
        undo_context: UndoContext,
        *,
        kind: str,
        target_id: int,
        user_zone: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clock = clock
        self._signals = signals
        self._stack = undo_stack
        self._ctx = undo_context
        self.kind = kind
        self.target_id = target_id
        self._user_zone = user_zone
        self.name = ""

    def _wire(self, *changes: Any) -> None:
        """Double-click or Enter changes, Delete deletes; ``changes`` (signals) refresh."""
        table = self.view.table
        table.activated.connect(lambda _index: self.edit_selected())
        table.selectionModel().selectionChanged.connect(self._selection_moved)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        for signal in changes:
            signal.connect(self.refresh)

    @property
    def user_zone(self) -> str:
        return self._user_zone or user_zone_name(self._source)

    def refresh(self) -> None:
        raise NotImplementedError

    def edit_selected(self) -> Any:
        raise NotImplementedError

    def delete_selected(self) -> Any:
        raise NotImplementedError

    def _selection_moved(self, *_args: Any) -> None:
        raise NotImplementedError

    def _read_target(self) -> bool:
        """Read the person's or group's name; False if they are gone (deleted, perhaps in
        the main window: an undo there brings them back here too)."""
        try:
            if self.kind == PERSON:
                self.name = self._source.people.get(self.target_id).display_name
            else:
                self.name = self._source.groups.get(self.target_id).name
        except SupportNetError:
            return False
        return True

    def _selected_item(self) -> Any:
        rows = self.view.table.selectionModel().selectedRows()
        if not rows or self.view.stack.currentWidget() is not self.view.table:
            return None
        return self.model.item_at(rows[0].row())

    def select_uid(self, uid: str) -> bool:
        row = self.model.row_of_uid(uid)
        if row is None:
            return False
        self.view.table.selectRow(row)
        self.view.table.scrollTo(self.model.index(row, 0))
        return True

    def _selected_row(self) -> int:
        return int(self.view.table.selectionModel().selectedRows()[0].row())

    def _push(self, perform: Callable[[], Any], failed: str) -> Any:
        """Run an undoable change and put it on the stack; if the store refuses, say so under
        the title ``failed``, read everything again and return None."""
        try:
            command = perform()
        except SupportNetError as exc:
            dialogs.show_error(self.view, exc.message, title=_(failed))
            self.refresh()
            return None
        self._stack.push(command)
        return command

    def _deleted(self, label: str, row: int) -> bool:
        """Say what was deleted; the keyboard stays in the list, on the row after it.

        False if the list is now empty."""
        self.view.note.show_note(_("Deleted {label}.").format(label=label))
        self.status.emit(_("Deleted {label} (Ctrl+Z brings it back)").format(label=label))
        if not self.model.rowCount():
            return False
        self.view.table.selectRow(min(row, self.model.rowCount() - 1))
        self.view.table.setFocus()
        return True

    def _editor_closed(self, *_args: Any) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.deleteLater()


class HistoryController(TargetRowsController):
    """Fills the history from the services; Change opens a form, Delete is undoable.

    Refreshes itself when check-ins, people or groups change.
    """

    model: HistoryModel

    def __init__(self, *args: Any, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(*args, parent=parent, **kwargs)
        self.model = HistoryModel(self)
        self.view = HistoryView(self.model, self._stack, parent, undo_context=self._ctx)
        #: The form on screen, if any.
        self.editor: CheckInEditor | None = None

        view = self.view
        view.edit_button.clicked.connect(self.edit_selected)
        view.delete_button.clicked.connect(self.delete_selected)
        signals = self._signals
        self._wire(signals.checkins_changed, signals.people_changed, signals.groups_changed)
        self.refresh()

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.selected()
        gone = not self._read_target()
        checkins = []
        if not gone:
            checkins = (
                self._source.checkins.for_person(self.target_id)
                if self.kind == PERSON
                else self._source.checkins.for_group(self.target_id)
            )
        self.view.heading.setText(
            _("Check-ins with {name}").format(name=self.name) if self.name else _("Check-ins")
        )
        names = self._source.care_teams.names_by_uid(c.by for c in checkins if c.by)
        self.model.set_checkins(checkins, self.user_zone, self._clock(), names)
        if names or any(c.by or c.rota_slot for c in checkins):
            # "Auntie Shiv checked in (on the care team rota)" is read whole, not cut short.
            self.view.table.resizeColumnToContents(HistoryModel.COL_WHO)
        if self.model.rowCount():
            self.view.show_table()
        elif gone:
            self.view.show_empty(gone_text(self.name), "")
        elif self.name:
            self.view.show_empty(_(EMPTY_HISTORY).format(name=self.name))
        else:
            self.view.show_empty(_(EMPTY_HISTORY_THEM))
        if keep is not None:
            self.select_uid(keep.uid)
        self._selection_moved()

    # --- selection -------------------------------------------------------------------------

    def selected(self) -> CheckIn | None:
        found: CheckIn | None = self._selected_item()
        return found

    def _selection_moved(self, *_args: Any) -> None:
        checkin = self.selected()
        has = checkin is not None
        # Why a button can't act is said on the button, not in a line under the list.
        for button in (self.view.edit_button, self.view.delete_button):
            enable_or_say_why(button, has, _(NOTHING_SELECTED))
        if checkin is None:
            self.view.selection_label.setText("")
        else:
            zone = zone_or_utc(self.user_zone)
            self.view.selection_label.setText(
                _("Selected: {name}").format(name=when_text(checkin.at, zone, self._clock()))
            )

    def _label(self, checkin: CheckIn) -> str:
        """ "the check-in of Sun 14 Jun", for undo texts and notes."""
        local = checkin.at.astimezone(zone_or_utc(self.user_zone))
        # Translators: fills "Deleted {label}.", "Changed {label}." and the undo menu's texts.
        return _("the check-in of {date}").format(date=short_date(local.date()))

    # --- changing --------------------------------------------------------------------------

    def edit_selected(self) -> CheckInEditor | None:
        checkin = self.selected()
        if checkin is None:
            return None
        if self.editor is not None:
            self.editor.activateWindow()
            return self.editor
        before = copy.deepcopy(checkin)

        def save(after: CheckIn) -> CheckIn:
            if after == before:
                return before
            command = EditCheckInCommand.perform(self._ctx, before, after, self._label(before))
            self._stack.push(command)
            self.view.note.show_note(_("Changed {label}.").format(label=self._label(after)))
            self.status.emit(_("Saved"))
            return command.saved or after

        editor = CheckInEditor(
            checkin,
            save,
            self.view,
            name=self.name,
            user_zone=self.user_zone,
            done_by=self.model.who(checkin) if checkin.by else "",
        )
        self.editor = editor
        editor.finished.connect(self._editor_closed)
        editor.open()
        return editor

    def delete_selected(self) -> bool:
        """Delete the selected check-in at once; Undo (here or Ctrl+Z) brings it back."""
        checkin = self.selected()
        if checkin is None:
            return False
        label = self._label(checkin)
        row = self._selected_row()
        command = self._push(
            lambda: DeleteCheckInCommand.perform(self._ctx, checkin, label), DELETE_FAILED
        )
        if command is None:
            return False
        self._deleted(label, row)
        return True
