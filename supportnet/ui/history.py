"""A person's or group's check-in history, newest first, with Edit and an undoable Delete.

Also holds :class:`UndoNote`, the quiet "Deleted … [Undo]" line the plans panel shares.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.checkins import MOOD_MAX, MOOD_MIN, CheckIn, Initiator
from supportnet.errors import Problem, SupportNetError
from supportnet.network import ChannelKind
from supportnet.plans import WEEKDAY_NAMES, short_text
from supportnet.ui import dialogs
from supportnet.ui.editor_form import EditorDialog, heading_label, notes_field
from supportnet.ui.labels import title_label
from supportnet.ui.lists import ListArea, make_table
from supportnet.ui.models import TableModel
from supportnet.ui.plan_fields import quiet, zone_or_utc
from supportnet.ui.plan_undo import DeleteCheckInCommand, EditCheckInCommand
from supportnet.ui.plan_wording import plan_save_hint, user_zone_name
from supportnet.ui.signals import AppSignals
from supportnet.ui.undo import PERSON, UndoContext

#: The domain id of a row (``CheckIn.id``).
ID_ROLE = Qt.ItemDataRole.UserRole
#: The row's uid, which survives a delete and its undo.
UID_ROLE = Qt.ItemDataRole.UserRole + 1

MOOD_WORDS = {1: "very low", 2: "low", 3: "okay", 4: "good", 5: "very good"}
NOT_NOTED = "Not noted"
WHO_TEXT = {Initiator.ME: "I did", Initiator.THEM: "They did"}
EMPTY_HISTORY = "Nothing logged with {name} yet."
EMPTY_HISTORY_MORE = (
    "When you're in touch, whoever reached out, it can be noted here. "
    "There's no score and nothing to keep up."
)
NOTHING_SELECTED = "Choose a check-in to change or delete it."
#: How each field is named in "Check … to save".
CHECKIN_FIELD_NAMES = {
    "at": "when it was",
    "channel": "how you were in touch",
    "initiator": "who reached out",
    "note": "the note",
    "mood_before": "the mood before",
    "mood_after": "the mood after",
    "target": "who it was with",
}

Index = QModelIndex | QPersistentModelIndex


def mood_word(mood: int | None) -> str:
    """ "Low (2)", or "" when not noted."""
    if mood is None:
        return ""
    word = MOOD_WORDS.get(mood, "")
    return f"{word.capitalize()} ({mood})" if word else str(mood)


def mood_text(before: int | None, after: int | None) -> str:
    """ "Low (2) → Good (4)", "Before: Low (2)", "After: Good (4)" or ""."""
    if before is not None and after is not None:
        return f"{mood_word(before)} → {mood_word(after)}"
    if before is not None:
        return f"Before: {mood_word(before)}"
    if after is not None:
        return f"After: {mood_word(after)}"
    return ""


def when_text(at: datetime, zone: ZoneInfo, now: datetime | None = None) -> str:
    """ "Sun 14 Jun, 18:05" in ``zone`` (with the year when it isn't this year)."""
    local = at.astimezone(zone)
    text = f"{WEEKDAY_NAMES[local.weekday()][:3]} {local.day} {local:%b}"
    if now is None or now.astimezone(zone).year != local.year:
        text += f" {local.year}"
    return f"{text}, {local:%H:%M}"


class UndoNote(QWidget):
    """ "Deleted the check-in of Sun 14 Jun. [Undo]": a quiet line that stays until the next."""

    def __init__(
        self,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        undo_context: UndoContext | None = None,
    ) -> None:
        super().__init__(parent)
        self._stack = undo_stack
        #: Says whether an undo failed (a full disk leaves the change made and the command
        #: on the stack, to try again).
        self._ctx = undo_context
        self.setAccessibleName("What just happened")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName("What just happened")
        self.label.setWordWrap(True)
        self.undo_button = QPushButton("&Undo")
        self.undo_button.setAccessibleName("Undo")
        self.undo_button.setToolTip("Put it back as it was (Ctrl+Z)")
        self.undo_button.clicked.connect(self._undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        self.setVisible(False)

    def show_note(self, text: str, *, can_undo: bool = True) -> None:
        self.label.setText(text)
        self.label.setAccessibleDescription(text)
        self.undo_button.setVisible(can_undo and self._stack.canUndo())
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.label.clear()
        self.setVisible(False)

    def _undo(self) -> None:
        text = self._stack.undoText()
        failures = self._ctx.failures if self._ctx is not None else 0
        self._stack.undo()
        if self._ctx is not None and self._ctx.failures != failures:
            # Nothing was undone and the person has been told why. The button stays while
            # the command does, so they can try again once there is room.
            self.undo_button.setVisible(self._ctx.failed_command_kept)
            return
        self.show_note(f"Undone: {text}" if text else "", can_undo=False)


def undo_shortcuts(widget: QWidget, undo_stack: QUndoStack) -> list[QShortcut]:
    """Ctrl+Z, and Ctrl+Shift+Z or Ctrl+Y, inside a window of its own (as in the main window)."""
    redo_keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    for extra in ("Ctrl+Shift+Z", "Ctrl+Y"):
        if QKeySequence(extra) not in redo_keys:
            redo_keys.append(QKeySequence(extra))
    undo = QShortcut(widget)
    undo.setKeys(QKeySequence.StandardKey.Undo)
    undo.activated.connect(undo_stack.undo)
    redo = QShortcut(widget)
    redo.setKeys(redo_keys)
    redo.activated.connect(undo_stack.redo)
    return [undo, redo]


class HistoryModel(TableModel):
    """Check-ins, newest first: when, how, who reached out, mood, and the start of the note."""

    COL_WHEN = 0
    COL_CHANNEL = 1
    COL_WHO = 2
    COL_MOOD = 3
    COL_NOTE = 4
    HEADERS = ("When", "How", "Who reached out", "Mood before → after", "Note")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checkins: list[CheckIn] = []
        self._zone = ZoneInfo("UTC")
        self._now: datetime | None = None

    def set_checkins(self, checkins: Sequence[CheckIn], zone: str, now: datetime) -> None:
        self.beginResetModel()
        self._checkins = sorted(checkins, key=lambda c: c.at, reverse=True)
        self._zone = zone_or_utc(zone)
        self._now = now
        self.endResetModel()

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
        return None

    def _text(self, checkin: CheckIn, column: int) -> str:
        if column == self.COL_WHEN:
            return when_text(checkin.at, self._zone, self._now)
        if column == self.COL_CHANNEL:
            return checkin.channel.label if checkin.channel else ""
        if column == self.COL_WHO:
            return WHO_TEXT.get(checkin.initiator, "")
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
        self.setAccessibleName("Check-in history")
        self.heading = heading_label("Check-ins")
        self.intro = QLabel("Newest first. Times are in your time zone.")
        self.intro.setAccessibleName("About this list")
        quiet(self.intro)

        self.table = make_table(model, "Check-ins, newest first")
        self.table.setCornerButtonEnabled(False)
        header = self.table.horizontalHeader()
        chars = self.table.fontMetrics().averageCharWidth()
        for column, width in ((0, 22), (1, 16), (2, 20), (3, 26)):
            header.resizeSection(column, chars * width)
        self.stack = ListArea(self.table, "Check-in history")
        self.empty = self.stack.message

        self.selection_label = QLabel(NOTHING_SELECTED)
        self.selection_label.setAccessibleName("Selected check-in")
        quiet(self.selection_label)
        self.edit_button = QPushButton("&Change…")
        self.edit_button.setAccessibleName("Change the selected check-in")
        self.edit_button.setToolTip("Change when, how or what you noted (Enter)")
        self.delete_button = QPushButton("De&lete")
        self.delete_button.setAccessibleName("Delete the selected check-in")
        self.delete_button.setToolTip("Delete the selected check-in (Del); you can undo")
        self.note = UndoNote(undo_stack, undo_context=undo_context)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.selection_label, 1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        for first, second in itertools.pairwise(
            [self.table, self.edit_button, self.delete_button, self.note.undo_button]
        ):
            QWidget.setTabOrder(first, second)

    def show_empty(self, text: str, more: str = EMPTY_HISTORY_MORE) -> None:
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

    def __init__(
        self,
        source: Any,
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


class HistoryController(TargetRowsController):
    """Fills the history from the repositories; Change opens a form, Delete is undoable.

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
        self.view.heading.setText(f"Check-ins with {self.name}" if self.name else "Check-ins")
        self.model.set_checkins(checkins, self.user_zone, self._clock())
        if self.model.rowCount():
            self.view.show_table()
        elif gone:
            self.view.show_empty(f"{self.name or 'They'} is no longer in your network.", "")
        else:
            self.view.show_empty(EMPTY_HISTORY.format(name=self.name or "them"))
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
        self.view.edit_button.setEnabled(has)
        self.view.delete_button.setEnabled(has)
        if checkin is None:
            self.view.selection_label.setText(NOTHING_SELECTED)
        else:
            zone = zone_or_utc(self.user_zone)
            self.view.selection_label.setText(
                f"Selected: {when_text(checkin.at, zone, self._clock())}"
            )

    def _label(self, checkin: CheckIn) -> str:
        """ "the check-in of Sun 14 Jun", for undo texts and notes."""
        local = checkin.at.astimezone(zone_or_utc(self.user_zone))
        return f"the check-in of {WEEKDAY_NAMES[local.weekday()][:3]} {local.day} {local:%b}"

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
            self.view.note.show_note(f"Changed {self._label(after)}.")
            self.status.emit("Saved")
            return command.saved or after

        editor = CheckInEditor(checkin, save, self.view, name=self.name, user_zone=self.user_zone)
        self.editor = editor
        editor.finished.connect(self._editor_closed)
        editor.open()
        return editor

    def _editor_closed(self, *_args: Any) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.deleteLater()

    def delete_selected(self) -> bool:
        """Delete the selected check-in at once; Undo (here or Ctrl+Z) brings it back."""
        checkin = self.selected()
        if checkin is None:
            return False
        label = self._label(checkin)
        row = self.view.table.selectionModel().selectedRows()[0].row()
        try:
            command = DeleteCheckInCommand.perform(self._ctx, checkin, label)
        except SupportNetError as exc:
            dialogs.show_error(self.view, exc.message, title="SupportNet couldn't delete that")
            self.refresh()
            return False
        self._stack.push(command)
        self.view.note.show_note(f"Deleted {label}.")
        self.status.emit(f"Deleted {label} (Ctrl+Z brings it back)")
        # The keyboard stays in the list, on the next check-in.
        if self.model.rowCount():
            self.view.table.selectRow(min(row, self.model.rowCount() - 1))
            self.view.table.setFocus()
        return True


# --- the form -------------------------------------------------------------------------------


class DateTimeEdit(QDateTimeEdit):
    """A date-and-time field that Tab leaves in one press; Left and Right move inside it."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


def _mood_combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItem(NOT_NOTED, None)
    for mood in range(MOOD_MIN, MOOD_MAX + 1):
        combo.addItem(f"{mood} — {MOOD_WORDS[mood]}", mood)
    return combo


class CheckInEditor(EditorDialog):
    """Change a logged check-in: when, how, who reached out, moods and the note."""

    def __init__(
        self,
        checkin: CheckIn,
        on_save: Callable[[CheckIn], Any],
        parent: QWidget | None = None,
        *,
        name: str,
        user_zone: str,
    ) -> None:
        title = f"Check-in with {name}" if name else "Check-in"
        super().__init__(title, on_save, existing=checkin.id is not None, parent=parent)
        self._base = copy.deepcopy(checkin)
        self._zone = zone_or_utc(user_zone)

        heading = title_label(title)

        self.when_field = DateTimeEdit()
        self.when_field.setAccessibleName("When")
        self.when_field.setCalendarPopup(True)
        self.when_field.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.when_field.setTimeZone(QTimeZone(user_zone.encode()))
        self.channel_combo = QComboBox()
        self.channel_combo.setAccessibleName("How")
        self.channel_combo.addItem(NOT_NOTED, None)
        for channel in ChannelKind:
            self.channel_combo.addItem(channel.label, channel.value)
        self.who_group = QButtonGroup(self)
        self.me_radio = QRadioButton(Initiator.ME.label)
        self.me_radio.setAccessibleName(Initiator.ME.label)
        self.them_radio = QRadioButton(Initiator.THEM.label)
        self.them_radio.setAccessibleName(Initiator.THEM.label)
        self.who_group.addButton(self.me_radio)
        self.who_group.addButton(self.them_radio)
        self.mood_before_combo = _mood_combo("Mood before")
        self.mood_after_combo = _mood_combo("Mood after")
        self.note_field = notes_field("Note")
        self.note_field.setPlaceholderText("Anything you'd like to remember (optional)")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(4)
        layout.addWidget(heading)
        layout.addSpacing(6)

        def field(text: str, widget: QWidget, name_: str, message: str) -> None:
            label = QLabel(text)
            label.setBuddy(widget)
            layout.addWidget(label)
            row = QHBoxLayout()
            row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
            layout.addWidget(self.message_for(name_, message, widget))
            layout.addSpacing(4)

        field("&When (your time)", self.when_field, "at", "When: message")
        field("&How", self.channel_combo, "channel", "How: message")
        who_label = QLabel("Who reached out")
        who_label.setAccessibleName("Who reached out")
        layout.addWidget(who_label)
        layout.addWidget(self.me_radio)
        layout.addWidget(self.them_radio)
        layout.addWidget(self.message_for("initiator", "Who reached out: message", self.me_radio))
        layout.addSpacing(4)
        moods = QHBoxLayout()
        moods.setSpacing(8)
        before_label = QLabel("Mood &before")
        before_label.setBuddy(self.mood_before_combo)
        after_label = QLabel("Mood &after")
        after_label.setBuddy(self.mood_after_combo)
        moods.addWidget(before_label)
        moods.addWidget(self.mood_before_combo)
        moods.addSpacing(12)
        moods.addWidget(after_label)
        moods.addWidget(self.mood_after_combo)
        moods.addStretch(1)
        layout.addLayout(moods)
        layout.addWidget(self.message_for("mood_before", "Mood before: message"))
        layout.addWidget(self.message_for("mood_after", "Mood after: message"))
        mood_hint = QLabel("1 is low, 5 is good. Leave it out whenever you like.")
        mood_hint.setAccessibleName("About moods")
        quiet(mood_hint)
        layout.addWidget(mood_hint)
        layout.addSpacing(4)
        note_label = QLabel("&Note")
        note_label.setBuddy(self.note_field)
        layout.addWidget(note_label)
        layout.addWidget(self.note_field, 1)
        layout.addWidget(self.message_for("note", "Note: message", self.note_field))
        layout.addWidget(self.message_for("target", "Who it was with: message"))
        layout.addSpacing(8)
        layout.addLayout(self.buttons_row())

        self._fill(self._base)
        self.watch("at", self.when_field.dateTimeChanged)
        self.watch("channel", self.channel_combo.currentIndexChanged)
        self.watch("initiator", self.who_group.buttonToggled)
        self.watch("mood_before", self.mood_before_combo.currentIndexChanged)
        self.watch("mood_after", self.mood_after_combo.currentIndexChanged)
        self.watch("note", self.note_field.textChanged)
        self.finish_setup()
        for first, second in itertools.pairwise(
            [
                self.when_field,
                self.channel_combo,
                self.me_radio,
                self.them_radio,
                self.mood_before_combo,
                self.mood_after_combo,
                self.note_field,
                self.cancel_button,
                self.save_button,
            ]
        ):
            QWidget.setTabOrder(first, second)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 34)
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))
        self.when_field.setFocus()

    def _fill(self, checkin: CheckIn) -> None:
        local = checkin.at.astimezone(self._zone)
        self.when_field.setDateTime(
            QDateTime.fromSecsSinceEpoch(int(local.timestamp()), self.when_field.timeZone())
        )
        index = self.channel_combo.findData(checkin.channel.value if checkin.channel else None)
        self.channel_combo.setCurrentIndex(max(index, 0))
        (self.them_radio if checkin.initiator is Initiator.THEM else self.me_radio).setChecked(True)
        for combo, mood in (
            (self.mood_before_combo, checkin.mood_before),
            (self.mood_after_combo, checkin.mood_after),
        ):
            combo.setCurrentIndex(max(combo.findData(mood), 0))
        self.note_field.setPlainText(checkin.note)

    def _when(self) -> datetime:
        value = self.when_field.dateTime()
        at = datetime.fromtimestamp(value.toSecsSinceEpoch(), self._zone)
        # Keep the seconds the form can't show, so an untouched time stays exactly as it was.
        base = self._base.at.astimezone(self._zone)
        if at.replace(second=0, microsecond=0) == base.replace(second=0, microsecond=0):
            return self._base.at
        return at

    def build(self) -> CheckIn:
        base = self._base
        channel = self.channel_combo.currentData()
        return CheckIn(
            at=self._when(),
            person_id=base.person_id,
            group_id=base.group_id,
            channel=ChannelKind(channel) if channel else None,
            initiator=Initiator.THEM if self.them_radio.isChecked() else Initiator.ME,
            note=self.note_field.toPlainText(),
            mood_before=self.mood_before_combo.currentData(),
            mood_after=self.mood_after_combo.currentData(),
            plan_id=base.plan_id,
            id=base.id,
            uid=base.uid,
        )

    def subject(self) -> str:
        return "this check-in"

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        super()._show_problems(problems)
        hint = plan_save_hint(problems, CHECKIN_FIELD_NAMES)
        self.save_hint.setText(hint)
        tooltip = "\n".join(p.message for p in problems)
        self.save_button.setToolTip(f"{hint}.\n{tooltip}" if hint else "")
        self.save_button.setAccessibleDescription(hint)
